"""Connects the core sequencer to Qt timers and re-emits its events as Qt signals."""

from __future__ import annotations

import math
import time

from PySide6.QtCore import QObject, Qt, QTimer, Signal, Slot

from massage_gui.core import sequencer as seq
from massage_gui.core.frame import Frame
from massage_gui.core.plan import Plan
from massage_gui.core.sequencer import Clock, Sequencer, State
from massage_gui.core.settings import Settings

FRAME_INTERVAL_MS = 16


class SessionController(QObject):
    """Drives one Sequencer from the monotonic clock.

    A precise single-shot timer wakes the sequencer at each timeline event (and at least once a
    second); an animation timer repaints while a session runs and the window is visible. Paused,
    idle, finished or hidden: the animation timer is stopped.

    Signals:
        frame_changed(Frame): a new frame to paint.
        state_changed(State): the session state changed.
        step_started(int): a step began (plan index).
        stroke_started(int, int): a stroke began (plan index, rep from 1).
        transition_started(int): the pause before a step began (index of the coming step).
        routine_finished(bool): the session ended; True when it ran to the end.
        slept(float): the computer slept; the session was paused (seconds asleep).
        plan_changed(Plan): the plan was rebuilt (new routine, pace, skips or focus).
        events_emitted(list): every core event, in order, for listeners such as sound or history.
    """

    frame_changed = Signal(object)
    state_changed = Signal(object)
    step_started = Signal(int)
    stroke_started = Signal(int, int)
    transition_started = Signal(int)
    routine_finished = Signal(bool)
    slept = Signal(float)
    plan_changed = Signal(object)
    events_emitted = Signal(list)

    def __init__(
        self,
        plan: Plan,
        clock: Clock = time.monotonic,
        wall_clock: Clock | None = time.time,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._clock = clock
        self._wall = wall_clock
        self._sequencer = Sequencer(plan, clock, wall_clock)
        self._visible = True
        self._last_state = State.IDLE

        self._tick_timer = QTimer(self)
        self._tick_timer.setSingleShot(True)
        self._tick_timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._tick_timer.timeout.connect(self._on_tick_timer_timeout)

        self._animation_timer = QTimer(self)
        self._animation_timer.setInterval(FRAME_INTERVAL_MS)
        self._animation_timer.timeout.connect(self._on_animation_timer_timeout)

    # -- queries -----------------------------------------------------------------------------------

    @property
    def plan(self) -> Plan:
        return self._sequencer.plan

    @property
    def state(self) -> State:
        return self._sequencer.state

    @property
    def sequencer(self) -> Sequencer:
        return self._sequencer

    @property
    def animation_timer(self) -> QTimer:
        return self._animation_timer

    @property
    def tick_timer(self) -> QTimer:
        return self._tick_timer

    def frame(self) -> Frame:
        now = self._clock() if self._sequencer.running else None
        return self._sequencer.frame(now)

    # -- actions -----------------------------------------------------------------------------------

    def set_plan(self, plan: Plan) -> None:
        """Load another routine; any running session is stopped."""
        self._dispatch(self._sequencer.stop())
        self._sequencer = Sequencer(plan, self._clock, self._wall)
        self.plan_changed.emit(plan)
        self._after_action()

    def replan(self, settings: Settings) -> None:
        """New pace, skips, focus or mirror: rebuilt without losing the place."""
        events = self._sequencer.replan(settings)
        self.plan_changed.emit(self._sequencer.plan)
        self._dispatch(events)

    def toggle(self) -> None:
        self._dispatch(self._sequencer.toggle())

    def start(self) -> None:
        self._dispatch(self._sequencer.start())

    def pause(self) -> None:
        self._dispatch(self._sequencer.pause())

    def resume(self) -> None:
        self._dispatch(self._sequencer.resume())

    def next(self) -> None:
        self._dispatch(self._sequencer.next())

    def previous(self) -> None:
        self._dispatch(self._sequencer.previous())

    def restart_step(self) -> None:
        self._dispatch(self._sequencer.restart_step())

    def stop(self) -> None:
        self._dispatch(self._sequencer.stop())

    def seek(self, t: float) -> None:
        """Jump to session time ``t`` (for previews and screenshots)."""
        self._dispatch(self._sequencer.seek(t))

    def set_visible(self, visible: bool) -> None:
        """The window was shown, hidden or minimised: animate only when someone can see it."""
        self._visible = visible
        self._schedule()
        if visible:
            self.frame_changed.emit(self.frame())

    # -- internals ---------------------------------------------------------------------------------

    def _dispatch(self, events: list[seq.Event]) -> None:
        for event in events:
            if isinstance(event, seq.StepStarted):
                self.step_started.emit(event.step_index)
            elif isinstance(event, seq.StrokeStarted):
                self.stroke_started.emit(event.step_index, event.rep)
            elif isinstance(event, seq.TransitionStarted):
                self.transition_started.emit(event.next_step_index)
            elif isinstance(event, seq.RoutineFinished):
                self.routine_finished.emit(event.completed)
            elif isinstance(event, seq.Paused) and event.reason == "sleep":
                self.slept.emit(event.slept_s)
        if events:
            self.events_emitted.emit(list(events))
        self._after_action()

    def _after_action(self) -> None:
        state = self._sequencer.state
        if state is not self._last_state:
            self._last_state = state
            self.state_changed.emit(state)
        self._schedule()
        self.frame_changed.emit(self.frame())

    def _schedule(self) -> None:
        wait = self._sequencer.seconds_to_next_event()
        if wait is None:
            self._tick_timer.stop()
        else:
            self._tick_timer.start(max(0, math.ceil(wait * 1000)))  # never early
        animate = self._visible and self._sequencer.running
        if animate and not self._animation_timer.isActive():
            self._animation_timer.start()
        elif not animate and self._animation_timer.isActive():
            self._animation_timer.stop()

    @Slot()
    def _on_tick_timer_timeout(self) -> None:
        self._dispatch(self._sequencer.tick())

    @Slot()
    def _on_animation_timer_timeout(self) -> None:
        self.frame_changed.emit(self.frame())
