"""The main window: the diagram and the step panel, showing the app state and sending the user's actions to it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, Qt, Slot
from PySide6.QtGui import QCloseEvent, QGuiApplication, QHideEvent, QResizeEvent, QShowEvent
from PySide6.QtWidgets import QHBoxLayout, QMainWindow, QVBoxLayout, QWidget

from massage_gui.core.app_state import RUNNING, AppState, SessionUpdate, SettingsChange
from massage_gui.core.frame import Frame
from massage_gui.core.plan import Plan
from massage_gui.core.scene import Scene
from massage_gui.core.sequencer import Paused, State
from massage_gui.core.words import skipped_names
from massage_gui.ui.accessibility import name_unnamed_controls
from massage_gui.ui.cue_player import CuePlayer
from massage_gui.ui.face_view import FaceView
from massage_gui.ui.free_memory import SessionEndRelease
from massage_gui.ui.hands_free import HandsFree
from massage_gui.ui.i18n import QT_TRANSLATE_NOOP, app_display_name, translate_into
from massage_gui.ui.notice_bar import NoticeBar
from massage_gui.ui.screen_fit import keep_on_screen, resize_to_fit
from massage_gui.ui.session import SessionTicker
from massage_gui.ui.step_panel import StepPanel
from massage_gui.ui.theme import Theme, apply_palette, theme_for
from massage_gui.ui.window_actions import WindowActions
from massage_gui.ui.window_dialogs import WindowDialogs, settle_unsaved

if TYPE_CHECKING:
    from massage_gui.core.history import HistoryStore
    from massage_gui.ui.compact_window import CompactWindow

RESTART_NOTICE = QT_TRANSLATE_NOOP("MainWindow", "The new language is used when you next start the app.")


class MainWindow(QMainWindow):
    """Lays out the diagram, the step panel and the controls, and keeps them in step with ``state``.

    The window owns no settings, routine or session of its own: ``state`` does. The window listens to
    the state's events and paints; its actions, menus and dialogs send the user's wishes to the state.
    """

    def __init__(
        self, state: AppState, history: HistoryStore | None = None, cue_player: CuePlayer | None = None
    ) -> None:
        super().__init__()
        self.setWindowTitle(app_display_name())
        self.state = state
        self.theme: Theme = theme_for(state.settings.theme)
        apply_palette(self.theme)
        self.ticker = SessionTicker(state, self)
        self.hands_free = HandsFree(state, cue_player or CuePlayer(state.settings), self)
        self.hands_free.player.setParent(self)
        self.dialogs = WindowDialogs(self, history)
        self.compact_window: CompactWindow | None = None
        self.face_view = FaceView(self.theme, state.scene, self)
        self.step_panel = StepPanel(self.theme, self)
        self.notice_bar = NoticeBar(self.theme, self)
        self.session_end_release = SessionEndRelease(state, self)  # the app may wait for hours after a session

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

        self.window_actions = WindowActions(self)
        self.toolbar = self.window_actions.build_toolbar()
        self.addToolBar(self.toolbar)
        self.window_actions.build_menus()
        self.window_actions.show_settings()
        self._apply_theme_styles()

        self.ticker.frame_changed.connect(self._on_ticker_frame_changed)
        state.events.scene.connect(self._on_state_scene)
        state.events.settings.connect(self._on_state_settings)
        state.events.plan.connect(self._on_state_plan)
        state.events.state.connect(self._on_state_state)
        state.events.session.connect(self._on_state_session)
        state.events.notice.connect(self.set_notice)
        state.events.notice_ended.connect(self.notice_bar.remove_message)
        state.events.start_refused.connect(self._on_state_start_refused)
        self.hands_free.silent.connect(self.set_notice)
        self.hands_free.silence_ended.connect(self.notice_bar.remove_message)
        self.hands_free.player.flash_requested.connect(self.step_panel.flash)
        self.face_view.area_clicked.connect(self._on_face_view_area_clicked)
        QGuiApplication.styleHints().colorSchemeChanged.connect(self._on_style_hints_color_scheme_changed)

        self.setMinimumSize(800, 600)
        resize_to_fit(self, 1280, 800)
        self._on_state_plan(state.plan)
        self._on_state_state(state.state)
        self._show_skips()
        name_unnamed_controls(self)  # Qt's own buttons (the toolbar's overflow) get names too

    # -- showing the state -------------------------------------------------------------------------

    @Slot(str)
    def set_notice(self, text: str) -> None:
        """Show a one-time message above the diagram, beside any still shown, until the user dismisses them
        ("" dismisses them all)."""
        self.notice_bar.set_message(text)

    @Slot(object)
    def _on_ticker_frame_changed(self, frame: Frame) -> None:
        state = self.state.state
        shown = None if state is State.IDLE else frame
        self.face_view.set_frame(shown)
        if self.compact_window is not None and self.compact_window.isVisible():
            self.compact_window.show_frame(shown, state)
        paused = self.tr("Paused") if state is State.PAUSED else ""
        self.step_panel.show_frame(frame, self.state.plan, state, paused, self.state.summary)
        self._follow_playing()

    def _follow_playing(self) -> None:
        """While the diagram plays a stroke itself, the dial's ring moves on by itself and no view paints each
        frame (a compact window shown does); once it stops, both go back to frames."""
        plays = self.face_view.animates_itself
        frame = self.face_view.frame
        step = frame.step if frame is not None else None
        self.step_panel.dial.set_turn(step.duration_s if plays and step is not None else None)
        self.ticker.set_frames_wanted(not plays or self._compact_shown)

    def _on_state_scene(self, scene: Scene) -> None:
        self.face_view.set_scene(scene)
        if self.compact_window is not None:
            self.compact_window.set_scene(scene)

    def _on_state_settings(self, change: SettingsChange) -> None:
        self.window_actions.show_settings()
        if "skipped_areas" in change.fields:
            self._show_skips()
        if "theme" in change.fields:
            self._set_theme(theme_for(change.settings.theme))
        if "language" in change.fields:
            self.set_notice(self.language_notice(change.settings.language))

    def _on_state_plan(self, plan: Plan) -> None:
        self.notice_bar.set_warnings(plan.warnings)
        self._on_ticker_frame_changed(self.state.frame())

    def _on_state_state(self, state: State) -> None:
        running = state in RUNNING
        active = state not in (State.IDLE, State.FINISHED)
        self.window_actions.show_session_state(running, state is State.PAUSED, active)
        self.window_actions.update_icons(self.theme, running)
        self.face_view.set_paused_text(self.tr("Paused") if state is State.PAUSED else "")
        self._update_live()
        if state is not State.PAUSED:
            self.notice_bar.remove_message(self._sleep_notice())

    def _on_state_session(self, update: SessionUpdate) -> None:
        if any(isinstance(e, Paused) and e.reason == "sleep" for e in update.events):
            self.set_notice(self._sleep_notice())

    def _show_skips(self) -> None:
        names = skipped_names(self.state.settings.skipped_areas)
        text = (
            self.tr("Skipped: {areas}. To bring them back: Skipped in the toolbar, or click them.").format(
                areas=", ".join(names)
            )
            if names
            else ""
        )
        self.step_panel.show_skips(text)

    def _sleep_notice(self) -> str:
        return self.tr("Paused: the computer was asleep. Press Space to go on.")

    def language_notice(self, language: str) -> str:
        """Says that a new language takes effect at the next start: in the current language, and also
        in the chosen one when that differs."""
        here = self.tr(RESTART_NOTICE)
        there = translate_into(language, "MainWindow", RESTART_NOTICE)
        return here if there == here else f"{here} {there}"

    def _set_theme(self, theme: Theme) -> None:
        self.theme = theme
        apply_palette(theme)
        self.face_view.set_theme(theme)
        self.step_panel.set_theme(theme)
        if self.compact_window is not None:
            self.compact_window.set_theme(theme)
        self._apply_theme_styles()

    def _apply_theme_styles(self) -> None:
        self.window_actions.update_icons(self.theme, self.state.state in RUNNING)
        self.notice_bar.set_theme(self.theme)

    @Slot(Qt.ColorScheme)
    def _on_style_hints_color_scheme_changed(self, scheme: Qt.ColorScheme) -> None:
        if self.state.settings.theme == "system":
            self._set_theme(theme_for("system"))

    # -- input -------------------------------------------------------------------------------------

    def _on_state_start_refused(self, reason: str) -> None:
        self.dialogs.show_safety_if_needed()

    @Slot(str, str)
    def _on_face_view_area_clicked(self, area: str, side: str) -> None:
        if area in self.state.plan.routine.areas or self.state.scene.status(area) == "skipped":
            self.state.toggle_skip(area, "left" if side == "left" else "right" if side == "right" else None)

    # -- window modes: full screen, compact --------------------------------------------------------

    def toggle_full_screen(self) -> None:
        self.set_full_screen(not self.isFullScreen())

    def leave_full_screen(self) -> None:
        if self.isFullScreen():
            self.set_full_screen(False)

    def set_full_screen(self, full: bool) -> None:
        self.toolbar.setVisible(not full)
        self.menuBar().setVisible(not full)
        self.window_actions.fullscreen.setChecked(full)
        if full:
            self.showFullScreen()
        else:
            self.showNormal()

    def toggle_compact(self) -> None:
        self.set_compact(self.compact_window is None or not self.compact_window.isVisible())

    def set_compact(self, compact: bool) -> None:
        """Swap the main window for the small always-on-top one, or back."""
        if compact:
            if self.compact_window is None:
                from massage_gui.ui.compact_window import CompactWindow  # built the first time it is asked for

                self.compact_window = CompactWindow(self.theme, self.state.scene)
                self.compact_window.addActions(self.actions())  # every key works there too
                self.compact_window.closed.connect(self._on_compact_window_closed)
                self.compact_window.resize(self.compact_window.sizeHint())
            if self.isFullScreen():
                self.set_full_screen(False)
            self.compact_window.set_scene(self.state.scene)
            self.compact_window.show()
            self.hide()
            state = self.state.state
            self.compact_window.show_frame(None if state is State.IDLE else self.state.frame(), state)
        elif self.compact_window is not None:
            self.compact_window.hide()
            self.show()
            self.raise_()
            self.activateWindow()
        self.window_actions.compact.setChecked(compact)
        self._update_visibility()

    @Slot()
    def _on_compact_window_closed(self) -> None:
        if not self.isVisible():
            self.set_compact(False)

    def restore_saved_geometry(self, saved: QByteArray) -> None:
        """Put the window where it was, but never larger than the screen it lands on, nor off it (the saved
        size may come from a bigger screen, or from before a change of the scale factor)."""
        self.restoreGeometry(saved)
        if not (self.isMaximized() or self.isFullScreen()):
            keep_on_screen(self)

    def bring_to_front(self) -> None:
        """Another launch of the app asked for this window."""
        if self.isMinimized():
            self.showNormal()
        self.show()
        self.raise_()
        self.activateWindow()

    def _update_visibility(self) -> None:
        """Animate only while someone can see the session: here or in the compact window."""
        self.ticker.set_visible(self._shown_here or self._compact_shown)
        self._update_live()

    def _update_live(self) -> None:
        """The diagram may play strokes itself while a session runs in a window someone sees."""
        self.face_view.set_live(self.state.state in RUNNING and self._shown_here)
        self._follow_playing()

    @property
    def _shown_here(self) -> bool:
        """This window is on screen (shown, not minimised)."""
        return self.isVisible() and not self.isMinimized()

    @property
    def _compact_shown(self) -> bool:
        return self.compact_window is not None and self.compact_window.isVisible()

    # -- Qt events ---------------------------------------------------------------------------------

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt override)
        super().resizeEvent(event)
        # Words beside the icons when they fit (measured: translations differ in length), else icons only.
        self.window_actions.set_narrow(False)
        if self.toolbar.sizeHint().width() > self.width():
            self.window_actions.set_narrow(True)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt override)
        super().showEvent(event)
        self.hands_free.prepare_soon()
        self._update_visibility()

    def hideEvent(self, event: QHideEvent) -> None:  # noqa: N802 (Qt override)
        # Also when minimised: Qt sends a spontaneous hide (and a show when restored) once the window's state has
        # changed, so no changeEvent override is needed (one that takes a plain QEvent has PySide make a Python
        # type for each of Qt's event classes at the first event: see docs/architecture.md).
        super().hideEvent(event)
        self._update_visibility()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt override)
        if not settle_unsaved():  # the user keeps what a dialog holds unsaved: the window (and the app) stay
            event.ignore()
            return
        self.state.stop()
        self.hands_free.shut_down()
        if self.compact_window is not None:
            self.compact_window.deleteLater()
            self.compact_window = None
        super().closeEvent(event)
