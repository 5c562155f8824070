"""The plan: a routine and the settings as a timeline of steps, by the timing rules of docs/routine-format.md."""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any, Literal

from massage_gui.core.anatomy import Side, default_anatomy
from massage_gui.core.errors import PlanError
from massage_gui.core.plan_warnings import PlanWarning, plan_warnings
from massage_gui.core.positions import position_of_stroke, share_reps
from massage_gui.core.routine import Routine, Step
from massage_gui.core.routing import worked_steps
from massage_gui.core.settings import Settings

Segment = Literal["lead_in", "step", "transition", "finished"]


@dataclass(frozen=True)
class PlannedStep:
    """A step placed on the timeline. ``index`` counts plan steps; ``routine_index`` the routine's."""

    index: int
    routine_index: int
    area: str
    stroke: str
    toward: str | None
    side: Side
    reps: int
    stroke_s: float
    start_s: float
    duration_s: float
    cue: str
    shares: tuple[int, ...] = ()  # the strokes at each hand position, nearest the node first
    part: int = 0  # which piece of its routine step (core/routing.py numbers them, in order)
    route: str = "usual"  # "usual", or the way round a treated neck side: "across" or "armpit"
    clears: bool = False  # added to clear the new way round a treated side before it is used

    @property
    def key(self) -> tuple[int, int]:
        """Which piece of the routine this is: the same across re-timings (pace, skips), in order."""
        return (self.routine_index, self.part)

    @property
    def end_s(self) -> float:
        return self.start_s + self.duration_s

    @property
    def positions(self) -> int:
        return len(self.shares) if self.shares else 1

    def position_of(self, stroke: int) -> tuple[int, int]:
        """For a stroke counted from 0: its hand position (from 1) and the stroke within it (from 0)."""
        return position_of_stroke(self.shares or (self.reps,), stroke)

    def count_at_position(self, rep: int) -> tuple[int, int]:
        """For a rep counted from 1: its number at its hand position (from 1) and how many strokes that
        position takes. What a dial shows: self-drainage is counted at one spot, 5 to 7 strokes, then on."""
        position, within = self.position_of(rep - 1)
        return within + 1, (self.shares or (self.reps,))[position - 1]

    def position_starts(self) -> tuple[int, ...]:
        """The stroke (from 0) that begins each position after the first: where the hands move on."""
        starts, total = [], 0
        for count in (self.shares or (self.reps,))[:-1]:
            total += count
            starts.append(total)
        return tuple(starts)

    def to_json(self) -> dict[str, Any]:
        return {
            "index": self.index,
            "area": self.area,
            "stroke": self.stroke,
            "toward": self.toward,
            "side": self.side,
            "reps": self.reps,
            "positions": self.positions,
            "route": self.route,
            "stroke_s": self.stroke_s,
            "start_s": self.start_s,
            "duration_s": self.duration_s,
            "cue": self.cue,
        }


@dataclass(frozen=True)
class Position:
    """Where a session time falls: the segment, the step it belongs to (the coming one in a
    lead-in or transition), and seconds into that segment."""

    segment: Segment
    step_index: int
    offset_s: float


@dataclass(frozen=True)
class Plan:
    """A timeline: lead-in, then steps separated by transitions; nothing after the last step. ``warning_facts``:
    what to warn about, worded by core/plan_warnings.py for the session (``warnings``) or the editor's rows."""

    routine_id: str
    routine: Routine
    settings: Settings
    steps: tuple[PlannedStep, ...]
    warning_facts: tuple[PlanWarning, ...]

    @property
    def warnings(self) -> tuple[str, ...]:
        """The warnings as the session says them (the window, ``massage-gui plan``, the handout): a step is named
        by its number in the plan. The routine editor's words: ``plan_warnings.warnings_by_row``."""
        return tuple(warning.for_session() for warning in self.warning_facts)

    @property
    def total_s(self) -> float:
        return self.steps[-1].end_s

    @property
    def lead_in_s(self) -> float:
        return self.settings.lead_in_s

    @property
    def transition_s(self) -> float:
        return self.settings.transition_s

    def locate(self, t: float) -> Position:
        """The segment at session time ``t`` (seconds since the session started, pauses excluded)."""
        if t >= self.total_s:
            return Position("finished", len(self.steps), t - self.total_s)
        if t < self.steps[0].start_s:
            return Position("lead_in", 0, max(t, 0.0))
        lo, hi = 0, len(self.steps) - 1
        while lo < hi:  # the last step whose start is <= t
            mid = (lo + hi + 1) // 2
            if self.steps[mid].start_s <= t:
                lo = mid
            else:
                hi = mid - 1
        step = self.steps[lo]
        if t < step.end_s:
            return Position("step", lo, t - step.start_s)
        return Position("transition", lo + 1, t - step.end_s)

    def segment_start(self, position: Position) -> float:
        """Session time at which ``position``'s segment began."""
        if position.segment == "lead_in":
            return 0.0
        if position.segment == "finished":
            return self.total_s
        step = self.steps[position.step_index]
        if position.segment == "step":
            return step.start_s
        return self.steps[position.step_index - 1].end_s

    def time_of(self, position: Position) -> float:
        """Inverse of ``locate`` for a position (clamped into its segment)."""
        if position.segment == "finished":
            return self.total_s
        if position.segment == "lead_in":
            return min(max(position.offset_s, 0.0), self.steps[0].start_s)
        start = self.segment_start(position)
        length = self.steps[position.step_index].duration_s if position.segment == "step" else self.transition_s
        return start + min(max(position.offset_s, 0.0), length)

    def to_json(self) -> dict[str, Any]:
        return {
            "routine": {"id": self.routine_id, "name": self.routine.name},
            "pace_s": self.settings.pace_s,
            "breath_s": self.settings.breath_s,
            "lead_in_s": self.settings.lead_in_s,
            "transition_s": self.settings.transition_s,
            "total_s": self.total_s,
            "skipped_areas": sorted(self.settings.skipped_areas),
            "focus_areas": sorted(self.settings.focus_areas),
            "warnings": list(self.warnings),
            "steps": [s.to_json() for s in self.steps],
        }


def focus_reps(reps: int) -> int:
    return math.ceil(reps * 1.5)


MIN_STROKE_S = 1.0  # no stroke faster than this, whatever a routine's pace factor asks


def positions_for(step: Step) -> int:
    """The hand positions a step works: its own number, else its area's usual one (one for a breath)."""
    if step.stroke == "breath":
        return 1
    return step.positions if step.positions is not None else default_anatomy().areas[step.area].positions


def build_plan(routine: Routine, settings: Settings, routine_id: str = "") -> Plan:
    """Lay the routine out in time. Raises PlanError when every step is skipped."""
    settings = settings.validated()
    kept: list[PlannedStep] = []
    slowed: list[tuple[int, float]] = []  # the plan step, and the stroke it asked for
    start = settings.lead_in_s
    for work in worked_steps(routine, settings):
        step = work.step
        reps = focus_reps(step.reps) if step.area in settings.focus_areas else step.reps
        stroke_s = settings.breath_s if step.stroke == "breath" else settings.pace_s * step.pace_factor
        if stroke_s < MIN_STROKE_S:
            slowed.append((len(kept), stroke_s))
            stroke_s = MIN_STROKE_S
        if kept:
            start = kept[-1].start_s + kept[-1].duration_s + settings.transition_s
        kept.append(
            PlannedStep(
                index=len(kept),
                routine_index=work.routine_index,
                area=step.area,
                stroke=step.stroke,
                toward=work.target,
                side=step.side,
                reps=reps,
                stroke_s=stroke_s,
                start_s=start,
                duration_s=reps * stroke_s,
                cue=step.cue,
                shares=share_reps(reps, positions_for(step)),
                part=work.part,
                route=work.route,
                clears=work.clears,
            )
        )
    if not kept:
        raise PlanError(f"every step of {routine.name!r} is in a skipped area: nothing is left to do")
    steps = tuple(kept)
    return Plan(routine_id, routine, settings, steps, plan_warnings(routine, settings, steps, slowed))
