"""What a session did, counted from the sequencer's events: time massaged, steps done and skipped, finished."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from massage_gui.core import sequencer as seq
from massage_gui.core.plan import Plan

StepKey = tuple[int, int]  # (routine index, part): PlannedStep.key


@dataclass(frozen=True)
class SessionSummary:
    """A session so far, or as it ended.

    ``massaged_s``: session seconds spent inside steps (pauses, the lead-in and transitions excluded).
    ``steps_done``: steps that ran to their end at least once. ``steps_skipped``: steps left early (Next,
    Previous, restarting a step, skipping the area of the step in progress) and not done afterwards; once
    the session reached the end, also the steps it never came to. ``steps_total``: the steps of the plan,
    with any done or skipped before a change of skips took them out. ``reached_end``: the session ran to
    the end of the plan rather than being stopped. ``finished``: it reached the end and every step was
    done (``steps_done == steps_total``).
    """

    massaged_s: float
    steps_done: int
    steps_skipped: int
    steps_total: int
    reached_end: bool
    finished: bool


NO_SESSION = SessionSummary(0.0, 0, 0, 0, reached_end=False, finished=False)


class SessionTally:
    """Counts one session at a time from the events of ``Sequencer`` (see ``SessionSummary``).

    Feed it every event, in order, with ``handle``. A SessionStarted begins a new count; the count of the
    session that ended stays readable through ``summary()`` until the next one starts (or ``reset()``).
    Steps are told apart by their place in the routine, so a re-timed plan keeps the counts.

    The step in progress when the user stops counts as neither done nor skipped (unless it had been left
    early before). The session's plan changes only through Replanned events; ``set_plan`` gives the plan
    for the next session (another routine, or new settings before a session).
    """

    def __init__(self, plan: Plan) -> None:
        self._plan = plan
        self._next_plan = plan
        self._running = False
        self._last = NO_SESSION  # how the last session ended
        self._clear()

    def _clear(self) -> None:
        self._step: StepKey | None = None  # which piece of the routine is in progress (PlannedStep.key)
        self._since: float | None = None  # session time from which the step in progress counts
        self._paused = False
        self._massaged = 0.0
        self._completed: set[StepKey] = set()
        self._left: set[StepKey] = set()
        self._just_left: StepKey | None = None  # the step the last event left early, if new to _left

    # -- queries ---------------------------------------------------------------------------------------

    @property
    def plan(self) -> Plan:
        """The running session's plan (between sessions: the plan of the next one)."""
        return self._plan

    @property
    def running(self) -> bool:
        """True from SessionStarted until the session ends (RoutineFinished, or a new SessionStarted)."""
        return self._running

    def summary(self) -> SessionSummary:
        """The running session so far; after it ended, how it ended; before any session, all zero."""
        return self._count(reached_end=False) if self._running else self._last

    # -- input -----------------------------------------------------------------------------------------

    def set_plan(self, plan: Plan) -> None:
        """The plan for the next session; a running session keeps its own (Replanned events change it)."""
        self._next_plan = plan
        if not self._running:
            self._plan = plan

    def reset(self) -> None:
        """Forget the last session's count (a running session is dropped, not ended)."""
        self._running = False
        self._plan = self._next_plan
        self._last = NO_SESSION
        self._clear()

    def handle(self, events: Iterable[seq.Event]) -> SessionSummary | None:
        """Take the events of one action or tick, in order. Returns how the session ended if these
        events ended one (the last, if several did), else None."""
        ended: SessionSummary | None = None
        for event in events:
            ended = self.handle_event(event) or ended
        return ended

    def handle_event(self, event: seq.Event) -> SessionSummary | None:
        """Take one event; returns how the session ended if this event ended it (a RoutineFinished, or a
        SessionStarted while one was running: that one stopped early), else None."""
        just_left, self._just_left = self._just_left, None
        if isinstance(event, seq.SessionStarted):
            ended = self._end(None, reached_end=False, just_left=just_left) if self._running else None
            self._plan = self._next_plan
            self._clear()
            self._running = True
            return ended
        if not self._running:
            if isinstance(event, seq.Replanned):
                self._plan = self._next_plan = event.plan
            return None
        if isinstance(event, seq.StepStarted):
            steps = self._plan.steps
            self._step = steps[event.step_index].key if event.step_index < len(steps) else None
            self._since = None if self._paused else event.at_s
        elif isinstance(event, seq.StepFinished):
            self._bank(event.at_s)
            if self._step is not None:
                if event.completed:
                    self._completed.add(self._step)
                elif self._step not in self._left:
                    self._left.add(self._step)
                    self._just_left = self._step
            self._step = None
        elif isinstance(event, seq.Paused):
            self._bank(event.at_s)
            self._paused = True
        elif isinstance(event, seq.Resumed):
            self._paused = False
            if self._step is not None:
                self._since = event.at_s
        elif isinstance(event, seq.Replanned):
            self._bank(event.old_at_s)  # the time so far at the old pace; the step goes on in the new plan
            self._plan = self._next_plan = event.plan
            if self._step is not None and not self._paused:
                self._since = event.at_s
        elif isinstance(event, seq.RoutineFinished):
            return self._end(event.at_s, reached_end=event.completed, just_left=just_left)
        return None

    # -- internals -------------------------------------------------------------------------------------

    def _bank(self, at_s: float) -> None:
        if self._since is not None:
            self._massaged += max(0.0, at_s - self._since)
            self._since = None

    def _count(self, *, reached_end: bool) -> SessionSummary:
        total = {step.key for step in self._plan.steps} | self._completed | self._left
        done = len(self._completed)
        return SessionSummary(
            massaged_s=self._massaged,
            steps_done=done,
            steps_skipped=len(total) - done if reached_end else len(self._left - self._completed),
            steps_total=len(total),
            reached_end=reached_end,
            finished=reached_end and done == len(total),
        )

    def _end(self, at_s: float | None, *, reached_end: bool, just_left: StepKey | None) -> SessionSummary:
        if at_s is not None:
            self._bank(at_s)
        if not reached_end and just_left is not None:
            self._left.discard(just_left)  # the step the user was in when stopping: neither done nor skipped
        self._last = self._count(reached_end=reached_end)
        self._running = False
        self._plan = self._next_plan
        self._clear()
        return self._last
