"""The routine picker in the toolbar: a button that says the chosen routine and opens the library as a menu
(built-ins, then favourites, starred ones marked); a pick selects it in the state.

A push button with a menu rather than a combo box: a combo box makes its list view, scroll bars, item model and
delegate when its first item is added, and the app's Python style is then asked about each of them, which has
PySide build their types (1.4 MiB more at the first frame, for a list that opens seldom). The menu is filled
each time it opens. A wheel turned over the picker no longer changes the routine, as it did over the combo box.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Slot
from PySide6.QtGui import QAction, QActionGroup, QKeyEvent
from PySide6.QtWidgets import QMenu, QPushButton, QWidget

from massage_gui.core.app_state import AppState
from massage_gui.core.favourites import Favourites
from massage_gui.core.plan import Plan
from massage_gui.core.sequencer import State
from massage_gui.ui.plain_text import menu_text


class RoutinePicker(QPushButton):
    """Shows the chosen routine and offers the library; a pick selects it in the state. Locked during a session."""

    def __init__(self, state: AppState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._state = state
        self._name = ""  # the chosen routine, as the button says it before eliding
        self.setAccessibleName(self.tr("Routine"))
        self.setToolTip(self.tr("Choose a routine"))
        menu = QMenu(self)
        menu.aboutToShow.connect(self._on_menu_about_to_show)
        self.setMenu(menu)
        self._group = QActionGroup(self)  # one routine ticked
        self._show_current()
        state.library.changed.connect(self._on_library_changed)
        state.events.plan.connect(self._on_state_plan)
        state.events.state.connect(self._on_state_state)

    def routine_actions(self) -> dict[str, QAction]:
        """The menu's items by routine id, made anew from the library (as the menu does each time it opens)."""
        menu = self.menu()
        assert menu is not None
        menu.clear()
        for action in self._group.actions():
            self._group.removeAction(action)
            action.deleteLater()
        library = self._state.library
        builtin = library.builtin_ids()
        entries = library.entries()
        current = self._state.routine_id
        actions: dict[str, QAction] = {}
        for i, entry in enumerate(entries):
            if i and entry.id not in builtin and entries[i - 1].id in builtin:
                menu.addSeparator()
            action = QAction(menu_text(self._label(entry.id, entry.routine.name)), self._group)
            action.setCheckable(True)
            action.setChecked(entry.id == current)
            action.setData(entry.id)
            action.triggered.connect(self._on_action_triggered)
            menu.addAction(action)
            actions[entry.id] = action
        return actions

    @property
    def current_text(self) -> str:
        """What the button says of the chosen routine, as written (before it is elided to fit)."""
        return self._name

    def set_max_width(self, width: int) -> None:
        """At most ``width`` pixels wide: a longer name is elided."""
        self.setMaximumWidth(width)
        self._fit_text()

    def _label(self, routine_id: str, name: str) -> str:
        return f"★ {name}" if self._state.library.is_starred(routine_id) else name

    def _show_current(self) -> None:
        self._name = self._label(self._state.routine_id, self._state.plan.routine.name)
        self.setAccessibleDescription(self._name)
        self._fit_text()

    def _fit_text(self) -> None:
        """The routine's name, elided at its end when the button would pass its maximum width."""
        self.setText(menu_text(self._name))
        over = self.sizeHint().width() - self.maximumWidth()
        if over > 0:
            metrics = self.fontMetrics()
            room = max(0, metrics.horizontalAdvance(self._name) - over)
            self.setText(menu_text(metrics.elidedText(self._name, Qt.TextElideMode.ElideRight, room)))

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt override)
        # Space starts the session everywhere in the window; the keys that open a combo box's list open the menu.
        opening = event.key() in (Qt.Key.Key_Down, Qt.Key.Key_Up, Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_F4)
        if opening and self.isEnabled():
            self.showMenu()
        else:
            super().keyPressEvent(event)

    @Slot()
    def _on_menu_about_to_show(self) -> None:
        self.routine_actions()

    @Slot()
    def _on_action_triggered(self) -> None:
        action = self.sender()
        if isinstance(action, QAction) and action.data() != self._state.routine_id:
            self._state.select_routine(action.data())

    def _on_library_changed(self, favourites: Favourites) -> None:
        self._show_current()  # a star given or taken, or the routine renamed

    def _on_state_plan(self, plan: Plan) -> None:
        self._show_current()

    def _on_state_state(self, state: State) -> None:
        self.setEnabled(state in (State.IDLE, State.FINISHED))
