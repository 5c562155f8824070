"""Drives the app state's session from Qt timers: a tick at each timeline event, frames while animating."""

from __future__ import annotations

import math

from PySide6.QtCore import QObject, Qt, QTimer, Signal, Slot

from massage_gui.core.app_state import AppState, SessionUpdate, SettingsChange
from massage_gui.core.frame import Frame
from massage_gui.core.plan import Plan

FRAME_INTERVAL_MS = 16


class SessionTicker(QObject):
    """The only place where time passes. It owns no session state: it calls ``AppState.tick`` and
    asks the state for frames.

    A precise single-shot timer wakes the state at each timeline event (and at least once a second
    while running); an animation timer gives frames 60 times a second while a session runs, someone can see
    it and the views want them (``set_frames_wanted``). Paused, idle, finished or hidden: no animation
    timer; paused, idle or finished: no timer at all.

    Signals:
        frame_changed(Frame): a new frame to paint.
    """

    frame_changed = Signal(object)

    def __init__(self, state: AppState, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._state = state
        self._visible = True
        self._frames_wanted = True

        self._tick_timer = QTimer(self)
        self._tick_timer.setSingleShot(True)
        self._tick_timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._tick_timer.timeout.connect(self._on_tick_timer_timeout)

        self._animation_timer = QTimer(self)
        self._animation_timer.setInterval(FRAME_INTERVAL_MS)
        self._animation_timer.timeout.connect(self._on_animation_timer_timeout)

        state.events.session.connect(self._on_state_session)
        state.events.plan.connect(self._on_state_plan)
        state.events.settings.connect(self._on_state_settings)

    def set_frames_wanted(self, wanted: bool) -> None:
        """Whether the views want a frame 60 times a second while the session runs: not while they play what
        moves themselves (then a frame comes at each event, and at least once a second)."""
        if wanted != self._frames_wanted:
            self._frames_wanted = wanted
            self._schedule()

    @property
    def animation_timer(self) -> QTimer:
        return self._animation_timer

    @property
    def tick_timer(self) -> QTimer:
        return self._tick_timer

    def set_visible(self, visible: bool) -> None:
        """A window showing the session was shown, hidden or minimised: animate only when seen."""
        self._visible = visible
        self._schedule()
        if visible:
            self.frame_changed.emit(self._state.frame())

    def _schedule(self) -> None:
        wait = self._state.seconds_to_next_event()
        if wait is None:
            self._tick_timer.stop()
        else:
            self._tick_timer.start(max(0, math.ceil(wait * 1000)))  # never early
        animate = self._visible and self._state.running and self._frames_wanted
        if animate and not self._animation_timer.isActive():
            self._animation_timer.start()
        elif not animate and self._animation_timer.isActive():
            self._animation_timer.stop()

    def _on_state_session(self, update: SessionUpdate) -> None:
        animating = self._animation_timer.isActive()
        self._schedule()
        if animating and self._animation_timer.isActive():
            self._animation_timer.start()  # this frame stands for the timer's next: a frame apart, not two at once
        self.frame_changed.emit(self._state.frame())

    def _on_state_plan(self, plan: Plan) -> None:
        self._schedule()

    def _on_state_settings(self, change: SettingsChange) -> None:
        if "mirror" in change.fields:
            self.frame_changed.emit(self._state.frame())

    @Slot()
    def _on_tick_timer_timeout(self) -> None:
        self._state.tick()

    @Slot()
    def _on_animation_timer_timeout(self) -> None:
        frame: Frame = self._state.frame()
        self.frame_changed.emit(frame)
