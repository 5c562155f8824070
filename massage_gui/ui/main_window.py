"""The main window: the diagram, the step panel, and the controls that drive the session."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QEvent, Qt, QTimer, Signal, Slot
from PySide6.QtGui import (
    QAction,
    QActionGroup,
    QCloseEvent,
    QGuiApplication,
    QHideEvent,
    QKeySequence,
    QResizeEvent,
    QShowEvent,
)
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QInputDialog,
    QMainWindow,
    QMenu,
    QMessageBox,
    QSizePolicy,
    QToolBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from massage_gui import __version__
from massage_gui.core.anatomy import AREA_IDS, default_anatomy
from massage_gui.core.cues import CueOptions, cues_for
from massage_gui.core.errors import MassageError, PlanError
from massage_gui.core.favourites import slugify
from massage_gui.core.frame import Frame
from massage_gui.core.history import HistoryStore
from massage_gui.core.library import RoutineEntry
from massage_gui.core.plan import Plan, build_plan
from massage_gui.core.sequencer import Event, SessionStarted, State
from massage_gui.core.settings import Settings, clamp_pace, settings_field
from massage_gui.ui.compact_window import CompactWindow
from massage_gui.ui.cue_player import CuePlayer
from massage_gui.ui.face_view import FaceView
from massage_gui.ui.history_recorder import HistoryRecorderBridge
from massage_gui.ui.i18n import app_display_name, translate_into
from massage_gui.ui.icons import themed_icon
from massage_gui.ui.notice_bar import NoticeBar
from massage_gui.ui.pace_control import STEP_S, PaceControl
from massage_gui.ui.routine_library import RoutineLibrary
from massage_gui.ui.screensaver import ScreenSaverInhibitor
from massage_gui.ui.session import SessionController
from massage_gui.ui.step_panel import StepPanel
from massage_gui.ui.theme import Theme, apply_palette, theme_for

KeySpec = str | QKeySequence | QKeySequence.StandardKey | list[QKeySequence]
COMPACT_TOOLBAR_BELOW_PX = 1180  # narrower windows show toolbar icons without their words
RESTART_NOTICE = QT_TRANSLATE_NOOP("MainWindow", "The new language is used when you next start the app.")


def _cue_options(settings: Settings) -> CueOptions:
    return CueOptions(sound=settings.sound, stroke_ticks=settings.stroke_ticks, voice=settings.voice)


class MainWindow(QMainWindow):
    """Renders the session controller's frames and forwards every user action to it.

    Signals:
        settings_changed(Settings): the user changed a setting here (pace, skips, mirror, theme...).
    """

    settings_changed = Signal(object)

    def __init__(
        self,
        settings: Settings | None = None,
        controller: SessionController | None = None,
        extra_routines: list[RoutineEntry] | None = None,
        library: RoutineLibrary | None = None,
        history: HistoryStore | None = None,
    ) -> None:
        super().__init__()
        self.history = history  # the session log; None where no log is kept (pictures, tests)
        self.history_bridge: HistoryRecorderBridge | None = None
        self.setWindowTitle(app_display_name())
        self._anatomy = default_anatomy()
        self._settings = (settings or Settings()).validated()
        self.library = library or RoutineLibrary()
        self.library.setParent(self)
        self._extra_routines = list(extra_routines or [])
        self._theme: Theme = theme_for(self._settings.theme)
        apply_palette(self._theme)

        entry = self._entry(self._settings.last_routine) or self.library.entries()[0]
        self.controller = controller or SessionController(self._build_plan(entry, self._settings))
        self.controller.setParent(self)

        self.cue_player = CuePlayer(self._settings, self)
        self.screensaver = ScreenSaverInhibitor()
        self.compact_window: CompactWindow | None = None
        self._cue_options = _cue_options(self._settings)
        self.face_view = FaceView(self._theme, self)
        self.step_panel = StepPanel(self._theme, self)
        self.notice_bar = NoticeBar(self._theme, self)

        central = QWidget(self)
        outer = QVBoxLayout(central)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(0)
        outer.addWidget(self.notice_bar)
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(0)
        row.addWidget(self.face_view, 3)
        row.addWidget(self.step_panel, 2)
        outer.addLayout(row, 1)
        self.setCentralWidget(central)

        self._build_actions()
        self._build_toolbar()
        self._build_menus()
        self._apply_theme_styles()

        self.controller.frame_changed.connect(self._on_controller_frame_changed)
        self.controller.state_changed.connect(self._on_controller_state_changed)
        self.controller.plan_changed.connect(self._on_controller_plan_changed)
        self.controller.slept.connect(self._on_controller_slept)
        self.controller.events_emitted.connect(self._on_controller_events_emitted)
        self.cue_player.flash_requested.connect(self.step_panel.flash)
        self.cue_player.status_changed.connect(self._on_cue_player_status_changed)
        self.face_view.area_clicked.connect(self._on_face_view_area_clicked)
        self.pace_control.pace_changed.connect(self._on_pace_control_pace_changed)
        self.routine_combo.currentIndexChanged.connect(self._on_routine_combo_current_index_changed)
        self.library.changed.connect(self._on_library_changed)
        self.library.save_failed.connect(self.set_notice)
        QGuiApplication.styleHints().colorSchemeChanged.connect(self._on_style_hints_color_scheme_changed)

        self.setMinimumSize(800, 600)
        self.resize(1280, 800)
        self._sync_from_plan(self.controller.plan)
        self._on_controller_state_changed(self.controller.state)

    # -- construction ------------------------------------------------------------------------------

    def _action(self, text: str, key: KeySpec, tip: str, slot, fallback: str = "") -> QAction:  # type: ignore[no-untyped-def]
        """A window-wide action; ``fallback`` is used where the platform has no standard key."""
        action = QAction(text, self)
        if isinstance(key, QKeySequence.StandardKey):
            keys = [k for k in QKeySequence.keyBindings(key) if not k.isEmpty()] or [QKeySequence(fallback)]
        else:
            keys = key if isinstance(key, list) else [QKeySequence(key)]
        action.setShortcuts(keys)
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        shown = keys[0].toString(QKeySequence.SequenceFormat.NativeText)
        action.setToolTip(f"{tip} ({shown})" if shown else tip)
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    def _build_actions(self) -> None:
        self.start_action = self._action(
            self.tr("Start"), "Space", self.tr("Start, pause or resume"), self.controller.toggle
        )
        self.previous_action = self._action(
            self.tr("Previous"), "Left", self.tr("Previous step"), self.controller.previous
        )
        self.next_action = self._action(self.tr("Next"), "Right", self.tr("Next step"), self.controller.next)
        self.restart_action = self._action(
            self.tr("Restart step"), "R", self.tr("Restart this step"), self.controller.restart_step
        )
        self.stop_action = self._action(self.tr("Stop"), "S", self.tr("Stop the session"), self.controller.stop)
        self.faster_action = self._action(
            self.tr("Faster"), [QKeySequence("-"), QKeySequence(Qt.Key.Key_Minus | Qt.KeyboardModifier.KeypadModifier)],
            self.tr("Faster: fewer seconds per stroke"), self._on_faster_action_triggered,
        )  # fmt: skip
        self.slower_action = self._action(
            self.tr("Slower"),
            [QKeySequence("+"), QKeySequence("="), QKeySequence(Qt.Key.Key_Plus | Qt.KeyboardModifier.KeypadModifier)],
            self.tr("Slower: more seconds per stroke"), self._on_slower_action_triggered,
        )  # fmt: skip
        self.mirror_action = self._action(
            self.tr("Mirror"), "M", self.tr("Mirror view: your left on the screen's left"),
            self._on_mirror_action_triggered,
        )  # fmt: skip
        self.mirror_action.setCheckable(True)
        self.mirror_action.setChecked(self._settings.mirror)
        self.fullscreen_action = self._action(
            self.tr("Full screen"), "F11", self.tr("Full screen: the diagram and the step only"),
            self._on_fullscreen_action_triggered,
        )  # fmt: skip
        self.compact_action = self._action(
            self.tr("Compact window"), "C", self.tr("A small window that stays on top"),
            self._on_compact_action_triggered,
        )  # fmt: skip
        self.compact_action.setCheckable(True)
        self.fullscreen_action.setCheckable(True)
        self.leave_fullscreen_action = self._action(
            self.tr("Leave full screen"), "Esc", self.tr("Leave full screen"),
            self._on_leave_fullscreen_action_triggered,
        )  # fmt: skip
        self.preferences_action = self._action(
            self.tr("Preferences…"), QKeySequence.StandardKey.Preferences, self.tr("Preferences"),
            self._on_preferences_action_triggered, fallback="Ctrl+,",
        )  # fmt: skip
        self.preferences_action.setMenuRole(QAction.MenuRole.PreferencesRole)
        self.quit_action = self._action(
            self.tr("Quit"), QKeySequence.StandardKey.Quit, self.tr("Quit"), self.close, fallback="Ctrl+Q"
        )
        self.quit_action.setMenuRole(QAction.MenuRole.QuitRole)
        self.reduced_motion_action = self._action(
            self.tr("Reduce motion"), "", self.tr("Static arrows and a progress ring"),
            self._on_reduced_motion_action_triggered,
        )  # fmt: skip
        self.reduced_motion_action.setCheckable(True)
        self.reduced_motion_action.setChecked(self._settings.reduced_motion)
        self.labels_action = self._action(
            self.tr("Node labels"), "L", self.tr("Show the names of the node groups"), self._on_labels_action_triggered
        )
        self.labels_action.setCheckable(True)
        self.labels_action.setChecked(self._settings.show_labels)
        self.about_action = self._action(
            self.tr("About"), "", self.tr("About this app"), self._on_about_action_triggered
        )
        self.safety_action = self._action(
            self.tr("Safety…"),
            "F1",
            self.tr("Who should ask a clinician first, how light, when to stop"),
            self._on_safety_action_triggered,
        )
        self.about_routines_action = self._action(
            self.tr("About the routines…"),
            "",
            self.tr("Why this order and this pace, with sources"),
            self._on_about_routines_action_triggered,
        )
        self.about_action.setMenuRole(QAction.MenuRole.AboutRole)
        self.save_favourite_action = self._action(
            self.tr("Save as favourite…"), QKeySequence.StandardKey.Save, self.tr("Save this routine as a favourite"),
            self._on_save_favourite_action_triggered, fallback="Ctrl+S",
        )  # fmt: skip
        self.edit_routine_action = self._action(
            self.tr("Edit routine…"), "Ctrl+E", self.tr("Change the steps of this routine"),
            self._on_edit_routine_action_triggered,
        )  # fmt: skip
        self.favourites_action = self._action(
            self.tr("Favourites…"), "Ctrl+B", self.tr("Start, rename, star, reorder or delete saved routines"),
            self._on_favourites_action_triggered,
        )  # fmt: skip
        self.history_action = self._action(
            self.tr("History…"), "Ctrl+H", self.tr("When you massaged, how long, and your streak"),
            self._on_history_action_triggered,
        )  # fmt: skip
        self.import_action = self._action(
            self.tr("Import routine…"), QKeySequence.StandardKey.Open, self.tr("Add a routine file to your favourites"),
            self._on_import_action_triggered, fallback="Ctrl+O",
        )  # fmt: skip
        self.export_action = self._action(
            self.tr("Export routine…"), "Ctrl+Shift+S", self.tr("Write this routine to a file"),
            self._on_export_action_triggered,
        )  # fmt: skip
        self.skip_actions: dict[str, QAction] = {}
        for area in AREA_IDS:
            action = QAction(self._anatomy.areas[area].label, self)
            action.setCheckable(True)
            action.setChecked(area in self._settings.skipped_areas)
            action.setData(area)
            action.setToolTip(self.tr("Skip {area}").format(area=self._anatomy.areas[area].in_text))
            action.toggled.connect(self._on_skip_action_toggled)
            self.skip_actions[area] = action

    def _build_toolbar(self) -> None:
        toolbar = QToolBar(self.tr("Session"), self)
        toolbar.setObjectName("session_toolbar")
        toolbar.setMovable(False)
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.addToolBar(toolbar)
        self.toolbar = toolbar
        self.routine_combo = QComboBox(toolbar)
        self.routine_combo.setAccessibleName(self.tr("Routine"))
        self.routine_combo.setToolTip(self.tr("Choose a routine"))
        self.routine_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self._fill_routine_combo()
        toolbar.addWidget(self.routine_combo)
        toolbar.addSeparator()
        for action in (
            self.previous_action,
            self.start_action,
            self.next_action,
            self.restart_action,
            self.stop_action,
        ):
            toolbar.addAction(action)
        toolbar.addSeparator()
        self.pace_control = PaceControl(self._settings.pace_s, toolbar)
        toolbar.addWidget(self.pace_control)
        spacer = QWidget(toolbar)
        spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        toolbar.addWidget(spacer)
        self.areas_button = QToolButton(toolbar)
        self.areas_button.setText(self.tr("Areas"))
        self.areas_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonFollowStyle)
        self.areas_button.setAccessibleName(self.tr("Areas to skip"))
        self.areas_button.setToolTip(self.tr("Skip areas you should not touch (or click them on the diagram)"))
        self.areas_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.skip_menu = QMenu(self.tr("Skip areas"), self)
        for action in self.skip_actions.values():
            self.skip_menu.addAction(action)
        self.areas_button.setMenu(self.skip_menu)
        toolbar.addWidget(self.areas_button)
        toolbar.addAction(self.mirror_action)
        toolbar.addAction(self.preferences_action)
        for button in toolbar.findChildren(QToolButton):
            button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
            if not button.accessibleName():
                button.setAccessibleName(button.text() or button.toolTip())

    def _build_menus(self) -> None:
        bar = self.menuBar()
        session = bar.addMenu(self.tr("&Session"))
        for action in (
            self.start_action,
            self.previous_action,
            self.next_action,
            self.restart_action,
            self.stop_action,
        ):
            session.addAction(action)
        session.addSeparator()
        session.addAction(self.slower_action)
        session.addAction(self.faster_action)
        session.addSeparator()
        session.addMenu(self.skip_menu)
        session.addSeparator()
        session.addAction(self.preferences_action)
        session.addAction(self.quit_action)
        routine = bar.addMenu(self.tr("&Routine"))
        for action in (self.save_favourite_action, self.edit_routine_action, self.favourites_action):
            routine.addAction(action)
        routine.addSeparator()
        routine.addAction(self.import_action)
        routine.addAction(self.export_action)
        routine.addSeparator()
        routine.addAction(self.history_action)
        view = bar.addMenu(self.tr("&View"))
        for action in (
            self.mirror_action,
            self.labels_action,
            self.reduced_motion_action,
            self.fullscreen_action,
            self.compact_action,
        ):
            view.addAction(action)
        theme_meta = settings_field("theme").metadata
        theme_menu = view.addMenu(QCoreApplication.translate("settings", theme_meta["label"]))
        group = QActionGroup(self)
        self.theme_actions: dict[str, QAction] = {}
        for key, label in zip(theme_meta["choices"], theme_meta["choice_labels"], strict=True):
            action = QAction(QCoreApplication.translate("settings", label), self, checkable=True)
            action.setData(key)
            action.setChecked(key == self._settings.theme)
            action.triggered.connect(self._on_theme_action_triggered)
            group.addAction(action)
            theme_menu.addAction(action)
            self.theme_actions[key] = action
        help_menu = bar.addMenu(self.tr("&Help"))
        help_menu.addAction(self.safety_action)
        help_menu.addAction(self.about_routines_action)
        help_menu.addSeparator()
        help_menu.addAction(self.about_action)

    def _update_icons(self) -> None:
        color, disabled = self._theme.text, self._theme.muted_text
        running = self.controller.state in (State.LEAD_IN, State.STEP, State.TRANSITION)
        icons = {
            self.start_action: "pause" if running else "play",
            self.previous_action: "previous",
            self.next_action: "next",
            self.restart_action: "restart",
            self.stop_action: "stop",
            self.mirror_action: "mirror",
            self.preferences_action: "settings",
        }
        for action, name in icons.items():
            action.setIcon(themed_icon(name, color, disabled))
        self.areas_button.setIcon(themed_icon("areas", color, disabled))

    def _apply_theme_styles(self) -> None:
        self._update_icons()
        t = self._theme
        self.step_panel.setStyleSheet(f"#StepPanel {{ background: {t.panel.name()}; }}")
        self.step_panel.setAutoFillBackground(True)
        self.notice_bar.set_theme(t)

    # -- state -------------------------------------------------------------------------------------

    @property
    def settings(self) -> Settings:
        return self._settings

    def _entry(self, routine_id: str) -> RoutineEntry | None:
        found = self.library.entry(routine_id)
        return found or next((e for e in self._extra_routines if e.id == routine_id), None)

    def _fill_routine_combo(self) -> None:
        """Built-ins, then favourites (starred ones marked), keeping the current routine selected."""
        combo = self.routine_combo
        combo.blockSignals(True)
        combo.clear()
        builtin = self.library.builtin_ids()
        entries = [*self.library.entries(), *self._extra_routines]
        for i, entry in enumerate(entries):
            if i and entry.id not in builtin and entries[i - 1].id in builtin:
                combo.insertSeparator(combo.count())
            starred = self.library.is_favourite(entry.id) and self.library.favourites.get(entry.id).starred
            combo.addItem(f"★ {entry.routine.name}" if starred else entry.routine.name, entry.id)
        index = combo.findData(self.controller.plan.routine_id) if hasattr(self, "controller") else -1
        combo.setCurrentIndex(max(index, 0))
        combo.blockSignals(False)

    @staticmethod
    def _build_plan(entry: RoutineEntry, settings: Settings) -> Plan:
        try:
            return build_plan(entry.routine, settings, entry.id)
        except PlanError:
            return build_plan(entry.routine, dataclasses.replace(settings, skipped_areas=frozenset()), entry.id)

    @Slot(str)
    def set_notice(self, text: str) -> None:
        """Show a one-time message above the diagram until the user dismisses it."""
        self.notice_bar.set_message(text)

    def _apply_settings(self, settings: Settings) -> bool:
        """Take new settings; the session keeps its place. False (and a notice) if they leave nothing to do."""
        old = self._settings
        try:
            if self.controller.state is State.IDLE:
                entry = self._entry(self.controller.plan.routine_id)
                if entry is not None:
                    self.controller.set_plan(build_plan(entry.routine, settings, entry.id))
                else:
                    self.controller.replan(settings)
            else:
                self.controller.replan(settings)
        except PlanError:
            name = self.controller.plan.routine.name
            self.set_notice(
                self.tr("Every step of “{name}” is in a skipped area: nothing is left to do. "
                        "Bring back at least one area.").format(name=name)
            )  # fmt: skip
            return False
        self._settings = settings
        self._cue_options = _cue_options(settings)
        self.cue_player.apply_settings(settings)
        self.settings_changed.emit(settings)
        if settings.theme != old.theme:
            self._set_theme(theme_for(settings.theme))
        if settings.language != old.language:
            self.set_notice(self.language_notice(settings.language))
        self.face_view.set_reduced_motion(settings.reduced_motion)
        self.face_view.set_show_labels(settings.show_labels)
        self._sync_from_plan(self.controller.plan)
        return True

    def language_notice(self, language: str) -> str:
        """Says that a new language takes effect at the next start: in the current language, and also
        in the chosen one when that differs."""
        here = self.tr(RESTART_NOTICE)
        there = translate_into(language, "MainWindow", RESTART_NOTICE)
        return here if there == here else f"{here} {there}"

    def _set_theme(self, theme: Theme) -> None:
        self._theme = theme
        apply_palette(theme)
        self.face_view.set_theme(theme)
        self.step_panel.set_theme(theme)
        if self.compact_window is not None:
            self.compact_window.set_theme(theme)
        self._apply_theme_styles()

    def _sync_from_plan(self, plan: Plan) -> None:
        """Show settings and plan in the controls without echoing changes back."""
        s = self._settings
        self.pace_control.set_pace(s.pace_s)
        self.face_view.set_mirror(s.mirror)
        self.face_view.set_skipped(s.skipped_areas)
        self.face_view.set_routine_areas(plan.routine.areas)
        self.face_view.set_reduced_motion(s.reduced_motion)
        self.face_view.set_show_labels(s.show_labels)
        if self.compact_window is not None:
            self.compact_window.face_view.set_mirror(s.mirror)
            self.compact_window.face_view.set_skipped(s.skipped_areas)
            self.compact_window.face_view.set_routine_areas(plan.routine.areas)
            self.compact_window.face_view.set_reduced_motion(s.reduced_motion)
        for area, action in self.skip_actions.items():
            action.blockSignals(True)
            action.setChecked(area in s.skipped_areas)
            action.setEnabled(area in plan.routine.areas)
            action.blockSignals(False)
        self.mirror_action.setChecked(s.mirror)
        index = self.routine_combo.findData(plan.routine_id)
        if index >= 0 and index != self.routine_combo.currentIndex():
            self.routine_combo.blockSignals(True)
            self.routine_combo.setCurrentIndex(index)
            self.routine_combo.blockSignals(False)
        self.notice_bar.set_warnings(plan.warnings)

    # -- slots -------------------------------------------------------------------------------------

    @Slot(object)
    def _on_controller_frame_changed(self, frame: Frame) -> None:
        state = self.controller.state
        self.face_view.set_frame(None if state is State.IDLE else frame)
        if self.compact_window is not None and self.compact_window.isVisible():
            self.compact_window.show_frame(None if state is State.IDLE else frame, state)
        paused = self.tr("Paused") if state is State.PAUSED else ""
        self.step_panel.show_frame(frame, self.controller.plan, state, paused)

    @Slot(object)
    def _on_controller_state_changed(self, state: State) -> None:
        running = state in (State.LEAD_IN, State.STEP, State.TRANSITION)
        self.screensaver.set_active(running)
        self.start_action.setText(
            self.tr("Pause") if running else self.tr("Resume") if state is State.PAUSED else self.tr("Start")
        )
        self._update_icons()
        active = state not in (State.IDLE, State.FINISHED)
        for action in (self.previous_action, self.next_action, self.restart_action, self.stop_action):
            action.setEnabled(active)
        self.routine_combo.setEnabled(not active)
        self.face_view.set_paused_text(self.tr("Paused") if state is State.PAUSED else "")
        if state is not State.PAUSED and self.notice_bar.message == self._sleep_notice():
            self.set_notice("")

    @Slot(object)
    def _on_controller_plan_changed(self, plan: Plan) -> None:
        self.face_view.set_routine_areas(plan.routine.areas)

    @Slot(list)
    def _on_controller_events_emitted(self, events: list[Event]) -> None:
        if any(isinstance(e, SessionStarted) for e in events):
            self.cue_player.prepare()  # normally done just after the window first showed
        plan = self.controller.plan
        for event in events:
            for cue in cues_for(event, plan, self._cue_options):
                self.cue_player.play(cue)

    @Slot()
    def _on_cue_player_status_changed(self) -> None:
        """Say once why the app is silent, if it is: the step panel flashes instead."""
        player = self.cue_player
        missing = [
            status
            for wanted, ready, status in (
                (self._settings.sound, player.sound_ready, player.sound_status),
                (self._settings.voice, player.voice_ready, player.voice_status),
            )
            if wanted and not ready
        ]
        if missing:
            self.set_notice(" ".join([*missing, self.tr("The step panel flashes instead of each sound.")]))

    def _sleep_notice(self) -> str:
        return self.tr("Paused: the computer was asleep. Press Space to go on.")

    @Slot(float)
    def _on_controller_slept(self, seconds: float) -> None:
        self.set_notice(self._sleep_notice())

    @Slot(int)
    def _on_routine_combo_current_index_changed(self, index: int) -> None:
        self.select_routine(self.routine_combo.itemData(index))

    def select_routine(self, routine_id: str) -> None:
        """Load a routine by id (built-in or favourite); a running session is stopped."""
        entry = self._entry(routine_id)
        if entry is None:
            return
        settings = dataclasses.replace(self._settings, last_routine=entry.id)
        self._settings = settings
        self._cue_options = _cue_options(settings)
        self.cue_player.apply_settings(settings)
        self.settings_changed.emit(settings)
        self.controller.set_plan(self._build_plan(entry, settings))
        self._sync_from_plan(self.controller.plan)

    @Slot()
    def _on_library_changed(self) -> None:
        self._fill_routine_combo()
        entry = self._entry(self.controller.plan.routine_id)
        if entry is None:  # the current favourite was deleted
            self.select_routine(self.library.entries()[0].id)
        elif entry.routine != self.controller.plan.routine and self.controller.state is State.IDLE:
            self.select_routine(entry.id)  # edited or renamed: show the new version

    @Slot()
    def _on_save_favourite_action_triggered(self) -> None:
        routine = self.controller.plan.routine
        name, ok = QInputDialog.getText(self, self.tr("Save as favourite"), self.tr("Name:"), text=routine.name)
        name = name.strip()[:100]
        if ok and name:
            self.select_routine(self.library.save_as(dataclasses.replace(routine, name=name)))

    @Slot()
    def _on_edit_routine_action_triggered(self) -> None:
        from massage_gui.ui.routine_editor import RoutineEditor  # built on demand, off the start-up path

        routine_id = self.controller.plan.routine_id
        editor = RoutineEditor(self.controller.plan.routine, self._settings, self._theme, self)
        if not editor.exec():
            return
        edited = editor.routine()
        if self.library.is_favourite(routine_id):
            self.library.update(routine_id, edited)
            self.select_routine(routine_id)
        else:  # a built-in stays as shipped: the edit becomes a new favourite
            self.select_routine(self.library.save_as(edited))

    @Slot()
    def _on_favourites_action_triggered(self) -> None:
        from massage_gui.ui.favourites_dialog import FavouritesDialog

        dialog = FavouritesDialog(self.library, self._settings, self)
        dialog.start_requested.connect(self._on_favourites_dialog_start_requested)
        dialog.exec()

    @Slot(str)
    def _on_favourites_dialog_start_requested(self, fav_id: str) -> None:
        self.select_routine(fav_id)
        self.controller.start()

    @Slot()
    def _on_import_action_triggered(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Import a routine"), "", self.tr("Routine files (*.json)")
        )
        if not path:
            return
        try:
            fav_id = self.library.import_file(Path(path))
        except MassageError as exc:
            QMessageBox.warning(self, self.tr("Cannot import"), str(exc))
            return
        self.select_routine(fav_id)
        self.set_notice(
            self.tr("Imported “{name}” into your favourites.").format(name=self.controller.plan.routine.name)
        )

    @Slot()
    def _on_export_action_triggered(self) -> None:
        routine = self.controller.plan.routine
        suggested = f"{slugify(routine.name)}.json"
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export the routine"), suggested, self.tr("Routine files (*.json)")
        )
        if not path:
            return
        try:
            self.library.export(routine, Path(path))
        except MassageError as exc:
            QMessageBox.warning(self, self.tr("Cannot export"), str(exc))

    @Slot(float)
    def _on_pace_control_pace_changed(self, pace_s: float) -> None:
        self._apply_settings(dataclasses.replace(self._settings, pace_s=pace_s))

    def _nudge_pace(self, delta: float) -> None:
        pace = round(clamp_pace(self._settings.pace_s + delta), 1)
        if pace != self._settings.pace_s:
            self._apply_settings(dataclasses.replace(self._settings, pace_s=pace))

    @Slot()
    def _on_faster_action_triggered(self) -> None:
        self._nudge_pace(-STEP_S)

    @Slot()
    def _on_slower_action_triggered(self) -> None:
        self._nudge_pace(STEP_S)

    @Slot()
    def _on_mirror_action_triggered(self) -> None:
        self._apply_settings(dataclasses.replace(self._settings, mirror=not self._settings.mirror))

    @Slot()
    def _on_reduced_motion_action_triggered(self) -> None:
        self._apply_settings(dataclasses.replace(self._settings, reduced_motion=self.reduced_motion_action.isChecked()))

    @Slot()
    def _on_labels_action_triggered(self) -> None:
        self._apply_settings(dataclasses.replace(self._settings, show_labels=self.labels_action.isChecked()))

    @Slot()
    def _on_theme_action_triggered(self) -> None:
        action = self.sender()
        if isinstance(action, QAction):
            self._apply_settings(dataclasses.replace(self._settings, theme=action.data()))

    def toggle_skip(self, area: str) -> None:
        skipped = set(self._settings.skipped_areas) ^ {area}
        if not self._apply_settings(dataclasses.replace(self._settings, skipped_areas=frozenset(skipped))):
            self.skip_actions[area].blockSignals(True)
            self.skip_actions[area].setChecked(area in self._settings.skipped_areas)
            self.skip_actions[area].blockSignals(False)

    @Slot(str)
    def _on_face_view_area_clicked(self, area: str) -> None:
        if area in self.controller.plan.routine.areas:
            self.toggle_skip(area)

    @Slot(bool)
    def _on_skip_action_toggled(self, checked: bool) -> None:
        action = self.sender()
        if isinstance(action, QAction) and (action.data() in self._settings.skipped_areas) != checked:
            self.toggle_skip(action.data())

    @Slot()
    def _on_fullscreen_action_triggered(self) -> None:
        self.set_full_screen(not self.isFullScreen())

    @Slot()
    def _on_leave_fullscreen_action_triggered(self) -> None:
        if self.isFullScreen():
            self.set_full_screen(False)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt override)
        super().resizeEvent(event)
        compact = self.width() < COMPACT_TOOLBAR_BELOW_PX
        style = Qt.ToolButtonStyle.ToolButtonIconOnly if compact else Qt.ToolButtonStyle.ToolButtonTextBesideIcon
        if self.toolbar.toolButtonStyle() != style:
            self.toolbar.setToolButtonStyle(style)

    def bring_to_front(self) -> None:
        """Another launch of the app asked for this window."""
        if self.isMinimized():
            self.showNormal()
        self.show()
        self.raise_()
        self.activateWindow()

    @Slot()
    def _on_compact_action_triggered(self) -> None:
        self.set_compact(self.compact_window is None or not self.compact_window.isVisible())

    def set_compact(self, compact: bool) -> None:
        """Swap the main window for the small always-on-top one, or back."""
        if compact:
            if self.compact_window is None:
                self.compact_window = CompactWindow(self._theme)
                self.compact_window.addActions(self.actions())  # every key works there too
                self.compact_window.closed.connect(self._on_compact_window_closed)
                self.compact_window.face_view.set_mirror(self._settings.mirror)
                self.compact_window.face_view.set_routine_areas(self.controller.plan.routine.areas)
                self.compact_window.resize(self.compact_window.sizeHint())
            if self.isFullScreen():
                self.set_full_screen(False)
            self.compact_window.face_view.set_skipped(self._settings.skipped_areas)
            self.compact_window.face_view.set_mirror(self._settings.mirror)
            self.compact_window.show()
            self.hide()
            self.compact_window.show_frame(self.controller.frame(), self.controller.state)
        elif self.compact_window is not None:
            self.compact_window.hide()
            self.show()
            self.raise_()
            self.activateWindow()
        self.compact_action.setChecked(compact)
        self._update_visibility()

    @Slot()
    def _on_compact_window_closed(self) -> None:
        if not self.isVisible():
            self.set_compact(False)

    def _update_visibility(self) -> None:
        """Animate only while someone can see the session: here or in the compact window."""
        seen = (self.isVisible() and not self.isMinimized()) or (
            self.compact_window is not None and self.compact_window.isVisible()
        )
        self.controller.set_visible(seen)

    def set_full_screen(self, full: bool) -> None:
        self.toolbar.setVisible(not full)
        self.menuBar().setVisible(not full)
        self.fullscreen_action.setChecked(full)
        if full:
            self.showFullScreen()
        else:
            self.showNormal()

    @Slot()
    def _on_preferences_action_triggered(self) -> None:
        from massage_gui.ui.preferences_dialog import PreferencesDialog  # built on demand, off the start-up path

        self.cue_player.prepare()
        statuses = {"sound": self.cue_player.sound_status, "voice": self.cue_player.voice_status}
        dialog = PreferencesDialog(self._settings, self, statuses=statuses, voices=self.cue_player.voices())
        if dialog.exec():
            self._apply_settings(dialog.result_settings())
            for key, action in self.theme_actions.items():
                action.setChecked(key == self._settings.theme)
            self.reduced_motion_action.setChecked(self._settings.reduced_motion)
            self.labels_action.setChecked(self._settings.show_labels)

    @Slot()
    def _on_history_action_triggered(self) -> None:
        if self.history is None:
            self.set_notice(self.tr("No session log is kept in this window."))
            return
        from massage_gui.ui.history_view import HistoryView  # pyqtgraph loads here, not at start-up

        view = HistoryView(self.history, self._theme, self)
        view.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        if self.history_bridge is not None:
            self.history_bridge.session_recorded.connect(view.refresh)
        view.show()

    def show_safety_if_needed(self) -> None:
        """First start: the safety screen, until the user confirms it once (the choice is stored)."""
        if self._settings.safety_confirmed:
            return
        from massage_gui.ui.safety_dialog import SafetyDialog

        dialog = SafetyDialog(self, confirm=True)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.accepted.connect(self._on_safety_dialog_accepted)
        self.safety_dialog = dialog
        dialog.open()

    @Slot()
    def _on_safety_dialog_accepted(self) -> None:
        self._apply_settings(dataclasses.replace(self._settings, safety_confirmed=True))

    @Slot()
    def _on_safety_action_triggered(self) -> None:
        from massage_gui.ui.safety_dialog import SafetyDialog

        SafetyDialog(self, confirm=False).exec()

    @Slot()
    def _on_about_routines_action_triggered(self) -> None:
        from massage_gui.ui.about_routines import AboutRoutinesDialog

        AboutRoutinesDialog(self).exec()

    @Slot()
    def _on_about_action_triggered(self) -> None:
        QMessageBox.about(
            self,
            self.tr("About"),
            f"<b>massage-gui {__version__}</b>"
            + self.tr(
                "<p>A pacing and memory aid for the gentle self-lymphatic drainage "
                "of the face and neck that lymphoedema therapists teach. It is not a treatment and does not "
                "replace your therapist. It makes no claim about skin oil, toxins, immunity or any other effect: "
                "any effect on puffiness is likely small and short-lived.</p>"
                "<p>Everything stays on this computer. Licensed under the GNU GPL, version 3 or later.</p>"
            ),
        )

    # -- visibility: animate only when seen --------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt override)
        super().showEvent(event)
        if not self.cue_player.sound_ready and not self.cue_player.voice_ready:
            QTimer.singleShot(300, self.cue_player.prepare)  # after the first frame, before any session
        self._update_visibility()

    def hideEvent(self, event: QHideEvent) -> None:  # noqa: N802 (Qt override)
        super().hideEvent(event)
        self._update_visibility()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt override)
        super().changeEvent(event)
        if event.type() == QEvent.Type.WindowStateChange:
            self._update_visibility()

    @Slot(Qt.ColorScheme)
    def _on_style_hints_color_scheme_changed(self, scheme: Qt.ColorScheme) -> None:
        if self._settings.theme == "system":
            self._set_theme(theme_for("system"))

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt override)
        self.controller.stop()
        self.screensaver.set_active(False)
        self.cue_player.stop()
        if self.compact_window is not None:
            self.compact_window.deleteLater()
            self.compact_window = None
        super().closeEvent(event)
