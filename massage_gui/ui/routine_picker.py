"""The routine picker in the toolbar: built-ins, then favourites (starred ones marked), bound to the state."""

from __future__ import annotations

from PySide6.QtCore import QSignalBlocker, Slot
from PySide6.QtWidgets import QComboBox, QWidget

from massage_gui.core.app_state import AppState
from massage_gui.core.favourites import Favourites
from massage_gui.core.plan import Plan
from massage_gui.core.sequencer import State


class RoutinePicker(QComboBox):
    """Shows the library and the chosen routine; a pick selects it in the state. Locked during a session."""

    def __init__(self, state: AppState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._state = state
        self.setAccessibleName(self.tr("Routine"))
        self.setToolTip(self.tr("Choose a routine"))
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self._fill()
        self.currentIndexChanged.connect(self._on_self_current_index_changed)
        state.library.changed.connect(self._on_library_changed)
        state.events.plan.connect(self._on_state_plan)
        state.events.state.connect(self._on_state_state)

    def _fill(self) -> None:
        library = self._state.library
        builtin = library.builtin_ids()
        with QSignalBlocker(self):
            self.clear()
            entries = library.entries()
            for i, entry in enumerate(entries):
                if i and entry.id not in builtin and entries[i - 1].id in builtin:
                    self.insertSeparator(self.count())
                name = entry.routine.name
                self.addItem(f"★ {name}" if library.is_starred(entry.id) else name, entry.id)
            self._show_current()

    def _show_current(self) -> None:
        index = self.findData(self._state.routine_id)
        if index >= 0 and index != self.currentIndex():
            with QSignalBlocker(self):
                self.setCurrentIndex(index)

    def _on_library_changed(self, favourites: Favourites) -> None:
        self._fill()

    def _on_state_plan(self, plan: Plan) -> None:
        self._show_current()

    def _on_state_state(self, state: State) -> None:
        self.setEnabled(state in (State.IDLE, State.FINISHED))

    @Slot(int)
    def _on_self_current_index_changed(self, index: int) -> None:
        self._state.select_routine(self.itemData(index))
