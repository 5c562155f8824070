"""The areas to skip: a menu ticked for each skipped area, and the toolbar button that says how many are."""

from __future__ import annotations

from PySide6.QtCore import QSignalBlocker, Qt, Slot
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QToolButton, QWidget

from massage_gui.core.anatomy import AREA_IDS, default_anatomy
from massage_gui.core.app_state import AppState, SettingsChange
from massage_gui.core.plan import Plan


class SkipMenu(QMenu):
    """One checkable action per area, and one that brings every area back."""

    def __init__(self, state: AppState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Skip areas"))
        self._state = state
        anatomy = default_anatomy()
        self.area_actions: dict[str, QAction] = {}
        for area in AREA_IDS:
            action = QAction(anatomy.areas[area].label, self)
            action.setCheckable(True)
            action.setData(area)
            action.setToolTip(self.tr("Skip {area}").format(area=anatomy.areas[area].in_text))
            action.toggled.connect(self._on_action_toggled)
            self.addAction(action)
            self.area_actions[area] = action
        self.addSeparator()
        self.clear_action = self.addAction(self.tr("Bring back every area"))
        self.clear_action.triggered.connect(self._on_clear_action_triggered)
        self._show()
        state.events.settings.connect(self._on_state_settings)
        state.events.plan.connect(self._on_state_plan)

    def _show(self) -> None:
        skipped = self._state.settings.skipped_areas
        areas = self._state.plan.routine.areas
        for area, action in self.area_actions.items():
            with QSignalBlocker(action):
                action.setChecked(area in skipped)
            action.setEnabled(area in areas or area in skipped)
        self.clear_action.setEnabled(bool(skipped))

    def _on_state_settings(self, change: SettingsChange) -> None:
        if "skipped_areas" in change.fields:
            self._show()

    def _on_state_plan(self, plan: Plan) -> None:
        self._show()

    @Slot(bool)
    def _on_action_toggled(self, checked: bool) -> None:
        action = self.sender()
        if not isinstance(action, QAction) or (action.data() in self._state.settings.skipped_areas) == checked:
            return
        if not self._state.toggle_skip(action.data()):
            self._show()  # refused (nothing would be left): show the state as it is

    @Slot()
    def _on_clear_action_triggered(self) -> None:
        self._state.clear_skips()


class SkipButton(QToolButton):
    """Opens the skip menu; its words always say how many areas are skipped, so a skip is not forgotten."""

    def __init__(self, state: AppState, menu: SkipMenu, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._state = state
        self._short = False
        self.setMenu(menu)
        self.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.setToolTip(self.tr("Skip areas you should not touch (or click them on the diagram)"))
        self._show()
        state.events.settings.connect(self._on_state_settings)

    def set_short(self, short: bool) -> None:
        """Fewer words for a narrow window."""
        if short != self._short:
            self._short = short
            self._show()

    def _show(self) -> None:
        count = len(self._state.settings.skipped_areas)
        if count == 0:
            text = self.tr("Skip") if self._short else self.tr("Skip areas")
        else:
            text = self.tr("Skipped: {count}").format(count=count)
        self.setText(text)
        self.setAccessibleName(self.tr("Areas to skip"))
        self.setAccessibleDescription(
            self.tr("No area is skipped") if count == 0 else self.tr("{count} skipped").format(count=count)
        )

    def _on_state_settings(self, change: SettingsChange) -> None:
        if "skipped_areas" in change.fields:
            self._show()
