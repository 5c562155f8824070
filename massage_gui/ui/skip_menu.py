"""The areas to skip: a menu ticked for each skipped area, and the toolbar button that says how many are."""

from __future__ import annotations

from PySide6.QtCore import QSignalBlocker, Qt, Slot
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QToolButton, QWidget

from massage_gui.core.anatomy import AREA_IDS, default_anatomy
from massage_gui.core.app_state import AppState, SettingsChange
from massage_gui.core.plan import Plan
from massage_gui.core.skips import skipped_areas, skipped_sides
from massage_gui.core.words import one_side_name


class SkipMenu(QMenu):
    """One checkable action per area, and one that brings every area back."""

    def __init__(self, state: AppState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Skip areas"))
        self._state = state
        anatomy = default_anatomy()
        self._anatomy = anatomy
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
        """Each area ticked when any side of it is skipped; one skipped side is named beside the area."""
        skips = self._state.settings.skipped_areas
        areas = self._state.plan.routine.areas
        for area, action in self.area_actions.items():
            sides = skipped_sides(skips, area)
            label = self._anatomy.areas[area].label
            if len(sides) == 1:
                (side,) = sides
                label = one_side_name(label, side)
            action.setText(label)
            with QSignalBlocker(action):
                action.setChecked(bool(sides))
            action.setEnabled(area in areas or bool(sides))
        self.clear_action.setEnabled(bool(skips))

    def _on_state_settings(self, change: SettingsChange) -> None:
        if "skipped_areas" in change.fields:
            self._show()

    def _on_state_plan(self, plan: Plan) -> None:
        self._show()

    @Slot(bool)
    def _on_action_toggled(self, checked: bool) -> None:
        action = self.sender()
        if not isinstance(action, QAction):
            return
        if bool(skipped_sides(self._state.settings.skipped_areas, action.data())) == checked:
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
        count = len(skipped_areas(self._state.settings.skipped_areas))
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
