"""Hands-free cues for a session: sounds and spoken lines for the state's events, and the screen kept on."""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, Signal, Slot

from massage_gui.core.app_state import RUNNING, AppState, SessionUpdate, SettingsChange
from massage_gui.core.cues import CueOptions, cues_for
from massage_gui.core.sequencer import SessionStarted, State
from massage_gui.core.settings import Settings
from massage_gui.ui.cue_player import CuePlayer
from massage_gui.ui.screensaver import ScreenSaverInhibitor

PREPARE_AFTER_SHOW_MS = 300  # after the first frame is on screen, well before any session needs a cue


def cue_options(settings: Settings) -> CueOptions:
    return CueOptions(sound=settings.sound, stroke_ticks=settings.stroke_ticks, voice=settings.voice)


class HandsFree(QObject):
    """Turns the state's session events into cues for the player, and keeps the screen saver away while a
    session runs.

    Signals:
        silent(str): sound or voice was wanted but cannot be given; says why (the panel flashes instead).
            Said once: not again while the reason stays the same (``told_silent``, kept across starts by
            the app; Preferences shows the reason any time).
        silence_ended(str): the reason last told no longer holds (what was missing works again, or another
            reason took its place): that reason, to take back.
    """

    silent = Signal(str)
    silence_ended = Signal(str)

    def __init__(self, state: AppState, player: CuePlayer, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._state = state
        self.player = player
        self.screensaver = ScreenSaverInhibitor()
        self.told_silent = ""  # the reason last told; the app keeps it in the window state
        player.status_changed.connect(self._on_player_status_changed)
        state.events.session.connect(self._on_state_session)
        state.events.settings.connect(self._on_state_settings)
        state.events.state.connect(self._on_state_state)

    def prepare_soon(self) -> None:
        """Load sound and voice shortly after the window first shows (off the start-up path)."""
        if not self.player.sound_ready and not self.player.voice_ready:
            QTimer.singleShot(PREPARE_AFTER_SHOW_MS, self.player.prepare)

    def shut_down(self) -> None:
        self.screensaver.set_active(False)
        self.player.stop()

    def _on_state_session(self, update: SessionUpdate) -> None:
        if any(isinstance(e, SessionStarted) for e in update.events):
            self.player.retry_lost()  # a server that went away is asked again, while the lead-in runs
            self.player.prepare()  # normally done just after the window first showed
        plan = self._state.plan
        options = cue_options(self._state.settings)
        for event in update.events:
            for cue in cues_for(event, plan, options):
                self.player.play(cue)

    def _on_state_settings(self, change: SettingsChange) -> None:
        self.player.apply_settings(change.settings)

    def _on_state_state(self, state: State) -> None:
        self.screensaver.set_active(state in RUNNING)

    @Slot()
    def _on_player_status_changed(self) -> None:
        settings, player = self._state.settings, self.player
        missing = [
            player.why_off(kind)
            for wanted, ready, kind in (
                (settings.sound, player.sound_ready, "sound"),
                (settings.voice, player.voice_ready, "voice"),
            )
            if wanted and not ready
        ]
        again = [player.retry_text()] if any(retried for _, retried in missing) else []  # once, after both
        flash = self.tr("The step panel flashes instead of each sound.")
        reason = " ".join([*(why for why, _ in missing), *again, flash]) if missing else ""
        if self.told_silent and reason != self.told_silent:
            self.silence_ended.emit(self.told_silent)
        if reason and reason != self.told_silent:
            self.silent.emit(reason)
        self.told_silent = reason  # sound that works again clears it: a new failure is told
