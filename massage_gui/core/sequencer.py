"""The sequencer: a session state machine advanced by an injected monotonic clock; it never reads time itself."""

from __future__ import annotations

import dataclasses
import enum
from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

from massage_gui.core.frame import Frame, frame_at
from massage_gui.core.plan import Plan, Position, build_plan
from massage_gui.core.settings import Settings

Clock = Callable[[], float]

SLEEP_GAP_S = 2.0  # a larger jump between ticks, or between wall and monotonic time, means the computer slept
HEARTBEAT_S = 1.0  # the longest the sequencer asks to wait between ticks while running


class State(enum.Enum):
    IDLE = "idle"
    LEAD_IN = "lead_in"
    STEP = "step"
    TRANSITION = "transition"
    PAUSED = "paused"
    FINISHED = "finished"


@dataclass(frozen=True)
class SessionStarted:
    at_s: float


@dataclass(frozen=True)
class CountdownTick:
    """The last seconds of the lead-in: 3, 2, 1 before the first step."""

    seconds_left: int
    at_s: float


@dataclass(frozen=True)
class StepStarted:
    step_index: int
    at_s: float


@dataclass(frozen=True)
class StrokeStarted:
    step_index: int
    rep: int
    at_s: float


@dataclass(frozen=True)
class PositionStarted:
    """The hands move on to the next spot of a step (``position`` from 2; the first starts with the step)."""

    step_index: int
    position: int
    at_s: float


@dataclass(frozen=True)
class StepFinished:
    """A step ended: ``completed`` is False when the user left it early (next, previous, restart, stop)."""

    step_index: int
    at_s: float
    completed: bool


@dataclass(frozen=True)
class TransitionStarted:
    next_step_index: int
    at_s: float


@dataclass(frozen=True)
class RoutineFinished:
    """The session ended: ``completed`` is False when it was stopped early."""

    at_s: float
    completed: bool


@dataclass(frozen=True)
class Paused:
    at_s: float
    reason: Literal["user", "sleep"]
    slept_s: float = 0.0


@dataclass(frozen=True)
class Resumed:
    at_s: float


@dataclass(frozen=True)
class Replanned:
    """The plan was rebuilt under the session (pace, skips, focus) without losing the place.

    ``plan`` is the new plan; ``at_s`` the session time in it, and ``old_at_s`` the same moment in the
    plan before (they differ when the re-timing moved the place on the timeline). Events before this
    one count in the old plan's steps and times, events after it in the new plan's.
    """

    at_s: float
    old_at_s: float
    plan: Plan


Event = (
    SessionStarted
    | CountdownTick
    | StepStarted
    | StrokeStarted
    | PositionStarted
    | StepFinished
    | TransitionStarted
    | RoutineFinished
    | Paused
    | Resumed
    | Replanned
)
COUNTDOWN_FROM = 3


def events_between(plan: Plan, lo: float, hi: float, *, include_lo: bool) -> list[Event]:
    """The timeline events in (lo, hi] (or [lo, hi]), in the order they happen."""

    def inside(at: float) -> bool:
        return (lo <= at if include_lo else lo < at) and at <= hi

    events: list[Event] = []
    first = plan.steps[0].start_s
    for seconds_left in range(COUNTDOWN_FROM, 0, -1):
        at = first - seconds_left
        if at >= 0 and inside(at):
            events.append(CountdownTick(seconds_left, at))
    for step in plan.steps:
        if step.end_s < lo or step.start_s > hi:
            if step.start_s > hi:
                break
            continue
        if inside(step.start_s):
            events.append(StepStarted(step.index, step.start_s))
        moves = step.position_starts()
        for k in range(step.reps):
            at = step.start_s + k * step.stroke_s
            if at > hi:
                break
            if inside(at):
                if k in moves:
                    events.append(PositionStarted(step.index, moves.index(k) + 2, at))
                events.append(StrokeStarted(step.index, k + 1, at))
        if inside(step.end_s):
            events.append(StepFinished(step.index, step.end_s, completed=True))
            if step.index + 1 < len(plan.steps) and plan.transition_s > 0:
                events.append(TransitionStarted(step.index + 1, step.end_s))
    if inside(plan.total_s):
        events.append(RoutineFinished(plan.total_s, completed=True))
    return events


class Sequencer:
    """Runs one plan. Every action reads the injected ``clock`` (monotonic seconds); ``tick`` must be
    called at least every ``seconds_to_next_event()`` while running, and returns what happened."""

    def __init__(self, plan: Plan, clock: Clock, wall_clock: Clock | None = None) -> None:
        self._plan = plan
        self._clock = clock
        self._wall = wall_clock
        self._started = False
        self._paused = False
        self._t = 0.0  # session seconds at the anchor
        self._anchor: float | None = None  # monotonic time when _t was taken, while running
        self._last_tick = 0.0
        self._last_wall = 0.0

    # -- queries ---------------------------------------------------------------------------------

    @property
    def plan(self) -> Plan:
        return self._plan

    @property
    def running(self) -> bool:
        """True while time moves: started, not paused, not finished."""
        return self._started and not self._paused and self._t < self._plan.total_s

    @property
    def paused(self) -> bool:
        return self._started and self._paused

    @property
    def state(self) -> State:
        if not self._started:
            return State.IDLE
        if self._t >= self._plan.total_s:
            return State.FINISHED
        if self._paused:
            return State.PAUSED
        return State(self._plan.locate(self._t).segment)

    @property
    def t(self) -> float:
        """Session seconds as of the last action or tick."""
        return self._t

    def position(self) -> Position:
        return self._plan.locate(self._t)

    def frame(self, now: float | None = None, *, mirror: bool | None = None) -> Frame:
        """What to draw: at the last tick, or at monotonic ``now`` for smooth animation between ticks."""
        return frame_at(self._plan, self._time_at(now) if now is not None else self._t, mirror=mirror)

    def seconds_to_next_event(self) -> float | None:
        """How long until the next timeline event (capped at the heartbeat); None when not running."""
        if not self.running:
            return None
        # Measured from the clock, not the last tick: time may have passed since (a slow paint, a lost
        # timer event). An event due since the last tick, or a heartbeat overdue, means tick at once.
        now_t = self._time_at(self._clock())
        deadline = self._t + HEARTBEAT_S
        upcoming = events_between(self._plan, self._t, deadline, include_lo=False)
        if not upcoming:
            return min(max(deadline - now_t, 0.0), HEARTBEAT_S)
        return min(max(upcoming[0].at_s - now_t, 0.0), HEARTBEAT_S)

    # -- actions ---------------------------------------------------------------------------------

    def start(self) -> list[Event]:
        """Start from the beginning (from idle or finished; restarts a running session)."""
        events: list[Event] = []
        if self._started and self.state is not State.FINISHED:
            self._sync()
            events += self._leave_step()
        self._started, self._paused = True, False
        return [*events, SessionStarted(0.0), *self._jump(0.0)]

    def pause(self) -> list[Event]:
        if not self.running:
            return []
        events = self.tick()
        if self._paused or self._t >= self._plan.total_s:  # the tick found a sleep, or finished the routine
            return events
        self._paused, self._anchor = True, None
        return [*events, Paused(self._t, "user")]

    def resume(self) -> list[Event]:
        if not self.paused or self._t >= self._plan.total_s:
            return []
        self._paused = False
        self._reanchor()
        return [Resumed(self._t)]

    def toggle(self) -> list[Event]:
        """Space: start when idle or finished, else pause or resume."""
        if not self._started or self.state is State.FINISHED:
            return self.start()
        return self.resume() if self._paused else self.pause()

    def stop(self) -> list[Event]:
        """End the session early and go back to idle."""
        if not self._started:
            return []
        events: list[Event] = []
        if self.state is not State.FINISHED:
            self._sync()
            events += self._leave_step()
            events.append(RoutineFinished(self._t, completed=False))
        self._started, self._paused, self._t, self._anchor = False, False, 0.0, None
        return events

    def next(self) -> list[Event]:
        """Go to the start of the next step, or finish after the last one."""
        if not self._started or self.state is State.FINISHED:
            return []
        self._sync()
        pos = self.position()
        target = pos.step_index + 1 if pos.segment == "step" else pos.step_index
        events = self._leave_step()
        if target >= len(self._plan.steps):
            return events + self._jump(self._plan.total_s)
        return events + self._jump(self._plan.steps[target].start_s)

    def previous(self) -> list[Event]:
        """Go to the start of the step before the current (or coming) one."""
        if not self._started:
            return []
        self._sync()
        pos = self.position()
        if pos.segment == "lead_in":
            return self._jump(0.0)
        target = max(pos.step_index - 1, 0)
        return self._leave_step() + self._jump(self._plan.steps[target].start_s)

    def restart_step(self) -> list[Event]:
        """Go back to the start of the current step (in a transition: the step just done)."""
        if not self._started:
            return []
        self._sync()
        pos = self.position()
        if pos.segment == "lead_in":
            return self._jump(0.0)
        target = pos.step_index if pos.segment == "step" else max(pos.step_index - 1, 0)
        return self._leave_step() + self._jump(self._plan.steps[target].start_s)

    def seek(self, t: float) -> list[Event]:
        """Jump to session time ``t`` (starting the session if idle); for previews and screenshots."""
        events: list[Event] = []
        if self._started:
            self._sync()
            events += self._leave_step()
        else:
            self._started, self._paused = True, False
            events.append(SessionStarted(0.0))
        events += self._jump(t)
        pos = self.position()
        if pos.segment == "step" and not any(isinstance(e, StepStarted) for e in events[-2:]):
            events.append(StepStarted(pos.step_index, self._t))  # landed inside a step: it has begun
        return events

    def set_pace(self, pace_s: float) -> list[Event]:
        """Change the pace; the current stroke and phase are kept, only what remains is re-timed."""
        return self.replan(dataclasses.replace(self._plan.settings, pace_s=pace_s))

    def replan(self, settings: Settings) -> list[Event]:
        """Rebuild the plan with new settings (pace, skips, focus) without losing the place.

        If the current step's area is now skipped, the step ends early and the session waits before
        the next kept step. Reports a Replanned event (after the StepFinished of a step that was
        dropped). Raises PlanError (and changes nothing) when every step would be skipped.
        """
        self._sync()
        old = self._plan
        new = build_plan(old.routine, settings, old.routine_id)
        events: list[Event] = []
        old_t = self._t
        dropped = entered = False
        if self._started:
            pos = old.locate(self._t)
            if pos.segment == "step" and old.steps[pos.step_index].key not in {step.key for step in new.steps}:
                events.append(StepFinished(pos.step_index, self._t, completed=False))
                dropped = True
            self._t = _map_time(old, new, self._t)
            # The re-timing may move the session from a pause between steps onto a step's start: it begins.
            entered = pos.segment != "step" and new.locate(self._t).segment == "step"
        self._plan = new
        self._reanchor()
        events.append(Replanned(self._t, old_t, new))
        if dropped or entered:
            events += events_between(new, self._t, self._t, include_lo=True)
        return events

    def tick(self) -> list[Event]:
        """Advance to the clock's now and report what happened since the last tick."""
        if not self.running:
            return []
        now = self._clock()
        gap = now - self._last_tick
        slept = gap if gap > SLEEP_GAP_S else 0.0
        if self._wall is not None:
            drift = (self._wall() - self._last_wall) - gap
            if drift > SLEEP_GAP_S:
                slept = max(slept, drift)
        if slept:
            # Freeze at the last tick: the session resumes exactly where the user left it.
            self._paused, self._anchor = True, None
            return [Paused(self._t, "sleep", slept)]
        before = self._t
        self._t = self._time_at(now)
        self._anchor = now
        self._mark(now)
        return events_between(self._plan, before, self._t, include_lo=False)

    # -- internals -------------------------------------------------------------------------------

    def _time_at(self, now: float) -> float:
        if self._anchor is None or not self.running:
            return self._t
        return min(self._t + (now - self._anchor), self._plan.total_s)

    def _mark(self, now: float) -> None:
        self._last_tick = now
        if self._wall is not None:
            self._last_wall = self._wall()

    def _reanchor(self) -> None:
        """Restart measuring from now; session time itself does not change."""
        now = self._clock()
        self._mark(now)
        self._anchor = now if self.running else None

    def _sync(self) -> None:
        """Bring _t up to the clock without emitting events (used before a jump)."""
        if self.running:
            now = self._clock()
            self._t = self._time_at(now)
            self._mark(now)
            self._anchor = now

    def _leave_step(self) -> list[Event]:
        pos = self.position()
        if self._started and pos.segment == "step":
            return [StepFinished(pos.step_index, self._t, completed=False)]
        return []

    def _jump(self, t: float) -> list[Event]:
        self._t = min(max(t, 0.0), self._plan.total_s)
        self._reanchor()
        # What starts here, not the end of the step before (with no transition it ends at the same time;
        # the step being left has already had its StepFinished from _leave_step).
        return [
            e
            for e in events_between(self._plan, self._t, self._t, include_lo=True)
            if not isinstance(e, (StepFinished, TransitionStarted))
        ]


def _map_time(old: Plan, new: Plan, t: float) -> float:
    """The time in ``new`` that matches session time ``t`` in ``old``: same step, same stroke and phase."""
    pos = old.locate(t)
    if pos.segment in ("lead_in", "finished"):
        return new.time_of(Position(pos.segment, 0, pos.offset_s))
    key = old.steps[pos.step_index].key
    later = [s for s in new.steps if s.key >= key]
    if not later:
        return new.total_s
    step = later[0]
    if step.key != key:  # the current step was skipped: wait before the next kept one
        return step.start_s - min(new.transition_s, step.start_s) if step.index else 0.0
    if pos.segment == "transition":
        return new.time_of(Position("transition", step.index, pos.offset_s)) if step.index else step.start_s
    old_step = old.steps[pos.step_index]
    strokes_done = pos.offset_s / old_step.stroke_s
    offset = min(strokes_done * step.stroke_s, step.duration_s)
    return step.start_s + offset
