"""The plan: a routine and the settings as a timeline of steps, by the timing rules of docs/routine-format.md."""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any, Literal

from massage_gui.core.anatomy import FACE_AREAS, NECK_AREAS, Side, default_anatomy
from massage_gui.core.errors import PlanError
from massage_gui.core.i18n import translate
from massage_gui.core.positions import position_of_stroke, share_reps
from massage_gui.core.routine import Routine, Step
from massage_gui.core.routing import worked_steps
from massage_gui.core.settings import Settings
from massage_gui.core.skips import skipped_areas

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
    """A timeline: lead-in, then steps separated by transitions; nothing after the last step."""

    routine_id: str
    routine: Routine
    settings: Settings
    steps: tuple[PlannedStep, ...]
    warnings: tuple[str, ...]

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


def _outlet_words() -> dict[str, str]:
    """The neck outlets as the first warning names them (the object of 'Skipping ...')."""
    return {
        "collarbone": translate("plan", "the collarbone hollow"),
        "neck_side": translate("plan", "the side of the neck"),
        "neck_back": translate("plan", "the back of the neck"),
    }


def early_face_step(steps: tuple[PlannedStep, ...] | list[PlannedStep]) -> PlannedStep | None:
    """The first face step that comes before any neck step has cleared the outlets, or None."""
    for step in steps:
        if step.area in NECK_AREAS:
            return None
        if step.area in FACE_AREAS:
            return step
    return None


def order_warning(step: PlannedStep, number: int | None = None) -> str:
    """The warning for a face step before the outlets; ``number`` (default: the plan's) names the step."""
    return translate(
        "plan", "Step {number} ({area}) comes before the neck and collarbone are cleared: clear the outlets first."
    ).format(number=step.index + 1 if number is None else number, area=default_anatomy().areas[step.area].in_text)


def warnings_by_row(plan: Plan) -> list[tuple[int | None, str]]:
    """The plan's warnings worded for the routine as written: a warning about one step names it by its
    row in the routine (skipped steps count), and comes with that row (from 0); others with None."""
    early = early_face_step(plan.steps)
    early_text = order_warning(early) if early is not None else None
    rows: list[tuple[int | None, str]] = []
    for warning in plan.warnings:
        if early is not None and warning == early_text:
            rows.append((early.routine_index, order_warning(early, number=early.routine_index + 1)))
        else:
            rows.append((None, warning))
    return rows


def _warnings(routine: Routine, settings: Settings, kept: list[PlannedStep]) -> list[str]:
    warnings: list[str] = []
    kept_areas = {s.area for s in kept}
    has_face = bool(kept_areas & FACE_AREAS)
    skipped = skipped_areas(settings.skipped_areas) & routine.areas
    outlets = [words for area, words in _outlet_words().items() if area in skipped]
    if outlets and has_face:
        if len(outlets) == 1:
            listed = outlets[0]
        else:
            listed = translate("plan", "{first} and {last}").format(first=", ".join(outlets[:-1]), last=outlets[-1])
        warnings.append(
            translate(
                "plan",
                "Skipping {outlets} leaves the face without a cleared outlet: "
                "the face drains through the neck to the collarbone hollow.",
            ).format(outlets=listed)
        )
    early = early_face_step(kept)
    if early is not None:
        warnings.append(order_warning(early))
    return warnings


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
    slowed: list[tuple[int, str, float]] = []
    start = settings.lead_in_s
    for work in worked_steps(routine, settings):
        step = work.step
        reps = focus_reps(step.reps) if step.area in settings.focus_areas else step.reps
        stroke_s = settings.breath_s if step.stroke == "breath" else settings.pace_s * step.pace_factor
        if stroke_s < MIN_STROKE_S:
            slowed.append((len(kept), step.area, stroke_s))
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
    return Plan(
        routine_id=routine_id,
        routine=routine,
        settings=settings,
        steps=tuple(kept),
        warnings=tuple(
            _written_for_warnings(routine, settings)
            + _warnings(routine, settings, kept)
            + _other_way_warnings(settings, kept)
            + [_slowed_warning(*item) for item in slowed]
        ),
    )


def _numbers(steps: list[PlannedStep]) -> str:
    """'4', '4 and 7', '4, 7 and 9': plan step numbers as people count them."""
    numbers = [str(step.index + 1) for step in steps]
    if len(numbers) == 1:
        return numbers[0]
    return translate("plan", "{first} and {last}").format(first=", ".join(numbers[:-1]), last=numbers[-1])


def _written_for_warnings(routine: Routine, settings: Settings) -> list[str]:
    """When a routine written for treated neck sides meets a setting that differs: the setting wins."""
    treated, written = settings.treated_side, routine.for_treated
    matches = {"one": ("left", "right"), "both": ("both",)}
    if not written or treated in matches[written]:
        return []
    if treated == "none":
        return [
            translate(
                "plan",
                "This routine is for neck lymph nodes treated on one side. Set your treated side (Safety, or "
                "Preferences) and that side's strokes go another way; until then they go the usual way.",
            )
            if written == "one"
            else translate(
                "plan",
                "This routine is for neck lymph nodes treated on both sides. Set that (Safety, or Preferences) and "
                "the strokes go to the armpits; until then they go the usual way.",
            )
        ]
    if written == "one":
        return [translate("plan", "This routine is for one treated side; you set both, so both sides are rerouted.")]
    side = {"left": translate("words", "left"), "right": translate("words", "right")}[treated]
    return [
        translate(
            "plan", "This routine is for both sides treated; you set only your {side} side, so only it is rerouted."
        ).format(side=side)
    ]


def _other_way_warnings(settings: Settings, kept: list[PlannedStep]) -> list[str]:
    """What changed for a treated neck side: the steps that clear the new way, and where each side's strokes
    go instead (``plan --json`` lists these in ``warnings``; the window shows them above the diagram)."""
    if settings.treated_side == "none":
        return []
    clearing = [s for s in kept if s.clears]
    across = [s for s in kept if s.route == "across"]
    armpit = [s for s in kept if s.route == "armpit"]
    if not (clearing or across or armpit):
        return []
    side_words = {"left": translate("words", "left"), "right": translate("words", "right")}
    if settings.treated_side == "both":
        lead = translate("plan", "Your neck lymph nodes were treated on both sides, so the fluid goes to the armpits.")
    else:
        lead = translate(
            "plan", "Your neck lymph nodes were treated on the {side} side, so the fluid on that side goes another way."
        ).format(side=side_words[settings.treated_side])
    defer = translate("plan", "Follow your therapist’s plan where it differs.")
    warnings = [f"{lead} {defer}"]
    if clearing:
        warnings.append(
            translate("plan", "Step {numbers} clears the new way first.")
            if len(clearing) == 1
            else translate("plan", "Steps {numbers} clear the new way first.")
        )
    if across:
        warnings.append(
            translate("plan", "Step {numbers}: the face is stroked across the middle to the other side.")
            if len(across) == 1
            else translate("plan", "Steps {numbers}: the face is stroked across the middle to the other side.")
        )
    if armpit:
        warnings.append(
            translate("plan", "Step {numbers}: stroked down over the collarbone toward the armpit.")
            if len(armpit) == 1
            else translate("plan", "Steps {numbers}: stroked down over the collarbone toward the armpit.")
        )
    numbers = [_numbers(steps) for steps in (clearing, across, armpit) if steps]
    warnings[1:] = [text.format(numbers=n) for text, n in zip(warnings[1:], numbers, strict=True)]
    return warnings


def _slowed_warning(index: int, area: str, stroke_s: float) -> str:
    return translate(
        "plan",
        "Step {number} ({area}) would make strokes of {seconds} s: slowed to 1 s, the fastest a stroke may be.",
    ).format(number=index + 1, area=default_anatomy().areas[area].in_text, seconds=f"{stroke_s:g}")
