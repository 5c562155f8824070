"""The main window's actions (one key each), its toolbar and its menus."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QSizePolicy, QToolBar, QToolButton, QWidget

from massage_gui.core.settings import settings_field
from massage_gui.ui.icons import themed_icon
from massage_gui.ui.pace_control import PaceControl
from massage_gui.ui.routine_picker import RoutinePicker
from massage_gui.ui.shortcuts import KeySpec, keyed_action
from massage_gui.ui.skip_menu import SkipButton, SkipMenu
from massage_gui.ui.theme import Theme

if TYPE_CHECKING:
    from massage_gui.ui.main_window import MainWindow


NARROW_PICKER_PX = 140  # the picker elides a long routine name rather than push controls off the toolbar
WIDE_PICKER_PX = 360


class WindowActions(QObject):
    """Builds every action of the main window with its key and tooltip, then the toolbar and menus.

    The actions are window-wide shortcuts, so they act the same wherever the keyboard focus is; the
    compact window adds the same actions, so every key works there too.
    """

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window
        state = window.state
        self.start = self._action(self.tr("Start"), "Space", self.tr("Start, pause or resume"), state.toggle)
        self.previous = self._action(self.tr("Previous"), "Left", self.tr("Previous step"), state.previous)
        self.next = self._action(self.tr("Next"), "Right", self.tr("Next step"), state.next)
        self.restart = self._action(self.tr("Restart step"), "R", self.tr("Restart this step"), state.restart_step)
        self.stop = self._action(self.tr("Stop"), "S", self.tr("Stop the session"), state.stop)
        minus_keys = [QKeySequence("-"), QKeySequence(Qt.Key.Key_Minus | Qt.KeyboardModifier.KeypadModifier)]
        self.faster = self._action(
            self.tr("Faster"), minus_keys, self.tr("Faster: fewer seconds per stroke"), lambda: state.nudge_pace(-1)
        )
        plus_keys = [
            QKeySequence("+"),
            QKeySequence("="),
            QKeySequence(Qt.Key.Key_Plus | Qt.KeyboardModifier.KeypadModifier),
        ]
        self.slower = self._action(
            self.tr("Slower"), plus_keys, self.tr("Slower: more seconds per stroke"), lambda: state.nudge_pace(1)
        )
        self.mirror = self._action(
            self.tr("Mirror"),
            "M",
            self.tr("Mirror view: your left on the screen's left"),
            state.toggle_mirror,
            checkable=True,
        )
        self.fullscreen = self._action(
            self.tr("Full screen"), "F11", self.tr("Full screen: the diagram and the step only"),
            window.toggle_full_screen, checkable=True,
        )  # fmt: skip
        self.compact = self._action(
            self.tr("Compact window"),
            "C",
            self.tr("A small window that stays on top"),
            window.toggle_compact,
            checkable=True,
        )
        self.leave_fullscreen = self._action(self.tr("Leave full screen"), "Esc", self.tr("Leave full screen"),
                                             window.leave_full_screen)  # fmt: skip
        dialogs = window.dialogs
        self.preferences = self._action(
            self.tr("Preferences…"), QKeySequence.StandardKey.Preferences, self.tr("Preferences"),
            dialogs.open_preferences, fallback="Ctrl+,",
        )  # fmt: skip
        self.preferences.setMenuRole(QAction.MenuRole.PreferencesRole)
        self.quit = self._action(
            self.tr("Quit"), QKeySequence.StandardKey.Quit, self.tr("Quit"), window.close, fallback="Ctrl+Q"
        )
        self.quit.setMenuRole(QAction.MenuRole.QuitRole)
        self.reduced_motion = self._action(
            self.tr("Reduce motion"), "", self.tr("Static arrows and a progress ring"),
            lambda checked: state.update(reduced_motion=checked), checkable=True,
        )  # fmt: skip
        self.labels = self._action(
            self.tr("Node labels"), "L", self.tr("Show the names of the node groups"),
            lambda checked: state.update(show_labels=checked), checkable=True,
        )  # fmt: skip
        self.about = self._action(self.tr("About"), "", self.tr("About this app"), dialogs.open_about)
        self.about.setMenuRole(QAction.MenuRole.AboutRole)
        self.safety = self._action(
            self.tr("Safety…"),
            "F1",
            self.tr("Who should ask a clinician first, how light, when to stop"),
            dialogs.open_safety,
        )
        self.about_routines = self._action(
            self.tr("About the routines…"),
            "",
            self.tr("Why this order and this pace, with sources"),
            dialogs.open_about_routines,
        )
        self.save_favourite = self._action(
            self.tr("Save as favourite…"), QKeySequence.StandardKey.Save, self.tr("Save this routine as a favourite"),
            dialogs.save_favourite, fallback="Ctrl+S",
        )  # fmt: skip
        self.edit_routine = self._action(
            self.tr("Edit routine…"), "Ctrl+E", self.tr("Change the steps of this routine"), dialogs.edit_routine
        )
        self.favourites = self._action(
            self.tr("Favourites…"), "Ctrl+B", self.tr("Start, rename, star, reorder or delete saved routines"),
            dialogs.open_favourites,
        )  # fmt: skip
        self.history = self._action(
            self.tr("History…"), "Ctrl+H", self.tr("When you massaged, how long, and your streak"), dialogs.open_history
        )
        self.import_routine = self._action(
            self.tr("Import routine…"), QKeySequence.StandardKey.Open, self.tr("Add a routine file to your favourites"),
            dialogs.import_routine, fallback="Ctrl+O",
        )  # fmt: skip
        self.export_routine = self._action(
            self.tr("Export routine…"), "Ctrl+Shift+S", self.tr("Write this routine to a file"), dialogs.export_routine
        )
        self.print_routine = self._action(
            self.tr("Print or save as PDF…"), QKeySequence.StandardKey.Print,
            self.tr("A handout of this routine as you do it, with a drawing for each step"), self._print_routine,
            fallback="Ctrl+P",
        )  # fmt: skip
        self.skip_menu = SkipMenu(state, window)
        self.theme_actions: dict[str, QAction] = {}

    def _action(
        self,
        text: str,
        key: KeySpec,
        tip: str,
        slot: Callable[..., object],
        *,
        fallback: str = "",
        checkable: bool = False,
    ) -> QAction:
        """A window-wide action; ``fallback`` is used where the platform has no standard key."""
        return keyed_action(self._window, text, key, tip, slot, fallback=fallback, checkable=checkable)

    def _print_routine(self) -> None:
        from massage_gui.ui.handout.printing import print_routine  # the print system loads on first use

        print_routine(self._window)

    def session_actions(self) -> tuple[QAction, ...]:
        return (self.start, self.previous, self.next, self.restart, self.stop)

    def build_toolbar(self) -> QToolBar:
        window = self._window
        toolbar = QToolBar(self.tr("Session"), window)
        toolbar.setObjectName("session_toolbar")
        toolbar.setMovable(False)
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.routine_picker = RoutinePicker(window.state, toolbar)
        toolbar.addWidget(self.routine_picker)
        toolbar.addSeparator()
        for action in (self.previous, self.start, self.next, self.restart, self.stop):
            toolbar.addAction(action)
        toolbar.addSeparator()
        self.pace_control = PaceControl(window.state, toolbar)
        toolbar.addWidget(self.pace_control)
        spacer = QWidget(toolbar)
        spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        toolbar.addWidget(spacer)
        self.areas_button = SkipButton(window.state, self.skip_menu, toolbar)
        toolbar.addWidget(self.areas_button)
        toolbar.addAction(self.mirror)
        toolbar.addAction(self.preferences)
        for button in toolbar.findChildren(QToolButton):
            button.setFocusPolicy(Qt.FocusPolicy.TabFocus)  # named by the window (ui/accessibility.py)
        return toolbar

    def build_menus(self) -> None:
        bar = self._window.menuBar()
        session = bar.addMenu(self.tr("&Session"))
        session.addActions(list(self.session_actions()))
        session.addSeparator()
        session.addActions([self.slower, self.faster])
        session.addSeparator()
        session.addMenu(self.skip_menu)
        session.addSeparator()
        session.addActions([self.preferences, self.quit])
        routine = bar.addMenu(self.tr("&Routine"))
        routine.addActions([self.save_favourite, self.edit_routine, self.favourites])
        routine.addSeparator()
        routine.addActions([self.import_routine, self.export_routine, self.print_routine])
        routine.addSeparator()
        routine.addAction(self.history)
        view = bar.addMenu(self.tr("&View"))
        view.addActions([self.mirror, self.labels, self.reduced_motion, self.fullscreen, self.compact])
        theme_meta = settings_field("theme").metadata
        theme_menu = view.addMenu(QCoreApplication.translate("settings", theme_meta["label"]))
        group = QActionGroup(self)
        state = self._window.state
        for key, label in zip(theme_meta["choices"], theme_meta["choice_labels"], strict=True):
            action = QAction(QCoreApplication.translate("settings", label), self._window, checkable=True)
            action.setData(key)
            action.triggered.connect(lambda _checked=False, key=key: state.update(theme=key))
            group.addAction(action)
            theme_menu.addAction(action)
            self.theme_actions[key] = action
        help_menu = bar.addMenu(self.tr("&Help"))
        help_menu.addActions([self.safety, self.about_routines])
        help_menu.addSeparator()
        help_menu.addAction(self.about)

    def set_narrow(self, narrow: bool) -> None:
        """A narrow window: icons without words, a shorter routine picker and fewer words beside the pace."""
        style = Qt.ToolButtonStyle.ToolButtonIconOnly if narrow else Qt.ToolButtonStyle.ToolButtonTextBesideIcon
        if self._window.toolbar.toolButtonStyle() != style:
            self._window.toolbar.setToolButtonStyle(style)
        self.areas_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)  # its words matter
        self.areas_button.set_short(narrow)
        self.routine_picker.set_max_width(NARROW_PICKER_PX if narrow else WIDE_PICKER_PX)
        self.pace_control.set_narrow(narrow)
        self._keep_start_width()

    def _keep_start_width(self) -> None:
        """Start, Pause and Resume take the room of the widest, so that a new state never moves the buttons
        after it (nor pushes the last into the toolbar's overflow menu)."""
        button = self._window.toolbar.widgetForAction(self.start)
        if not isinstance(button, QToolButton):
            return
        if button.toolButtonStyle() == Qt.ToolButtonStyle.ToolButtonIconOnly:
            button.setMinimumWidth(0)
            return
        metrics = button.fontMetrics()
        words = max(metrics.horizontalAdvance(text) for text in self._start_words())
        button.setMinimumWidth(button.sizeHint().width() - metrics.horizontalAdvance(button.text()) + words)

    def show_settings(self) -> None:
        """Tick the checkable actions to match the settings (without triggering them)."""
        settings = self._window.state.settings
        for action, on in (
            (self.mirror, settings.mirror),
            (self.labels, settings.show_labels),
            (self.reduced_motion, settings.reduced_motion),
        ):
            if action.isChecked() != on:
                action.setChecked(on)  # setChecked does not emit triggered
        for key, action in self.theme_actions.items():
            if action.isChecked() != (key == settings.theme):
                action.setChecked(key == settings.theme)

    def _start_words(self) -> tuple[str, str, str]:
        return self.tr("Start"), self.tr("Pause"), self.tr("Resume")

    def show_session_state(self, running: bool, paused: bool, active: bool) -> None:
        start, pause, resume = self._start_words()
        self.start.setText(pause if running else resume if paused else start)
        self._keep_start_width()
        for action in (self.previous, self.next, self.restart, self.stop):
            action.setEnabled(active)

    def update_icons(self, theme: Theme, running: bool) -> None:
        color, disabled = theme.text, theme.muted_text
        icons: dict[QAction | QToolButton, str] = {
            self.start: "pause" if running else "play",
            self.previous: "previous",
            self.next: "next",
            self.restart: "restart",
            self.stop: "stop",
            self.mirror: "mirror",
            self.preferences: "settings",
            self.areas_button: "areas",
        }
        for holder, name in icons.items():
            icon = themed_icon(name, color, disabled)
            if holder.icon().cacheKey() != icon.cacheKey():  # a new step: the same icon, and no toolbar repaint
                holder.setIcon(icon)
