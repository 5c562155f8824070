"""A plan's warnings as facts (which steps they are about), worded for the session or for the routine's rows.

The session (the window's notice bar, ``massage-gui plan``, the handout) names its own steps by their number
in the plan. The routine editor shows the routine as written, where a treated side's steps are not rows of
their own and a skipped step still has its row: there a warning names rows, and says what the session adds.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from massage_gui.core.anatomy import FACE_AREAS, NECK_AREAS, default_anatomy
from massage_gui.core.i18n import translate
from massage_gui.core.routine import Routine
from massage_gui.core.settings import Settings
from massage_gui.core.skips import skipped_areas

if TYPE_CHECKING:
    from massage_gui.core.plan import Plan, PlannedStep

Kind = Literal["said", "order", "slowed", "clearing", "across", "armpit"]


@dataclass(frozen=True)
class PlanWarning:
    """One warning as facts. ``kind``: "said" names no step (``text`` holds its words, the same for everyone);
    "order": a face step comes before the outlets are cleared; "slowed": a step's strokes would be faster than
    a stroke may be (``stroke_s``, what it asked for); "clearing": the steps added to clear the new way round a
    treated side, before the step that first uses it (they carry its row), which may be the second side of a
    step done one side at a time (``in_row``); "across" and "armpit": the steps sent that way round.
    ``steps``: the plan steps it is about, in order."""

    kind: Kind
    steps: tuple[PlannedStep, ...] = ()
    text: str = ""
    stroke_s: float = 0.0
    in_row: bool = False

    def for_session(self) -> str:
        """The words for the session: a step is named by its number in the plan."""
        return self.text if self.kind == "said" else _session_words(self)

    def for_rows(self) -> tuple[int | None, str]:
        """The words for the routine as written: a step is named by its row (skipped rows count), and the row
        (from 0) comes with a warning about one row's own step; None with the others."""
        if self.kind == "said":
            return None, self.text
        return _row_words(self)


def warnings_by_row(plan: Plan) -> list[tuple[int | None, str]]:
    """The plan's warnings worded for the routine as written (see ``PlanWarning.for_rows``), each once: the
    two sides of a row done one at a time are one row."""
    return list(dict.fromkeys(warning.for_rows() for warning in plan.warning_facts))


def plan_warnings(
    routine: Routine, settings: Settings, steps: tuple[PlannedStep, ...], slowed: Iterable[tuple[int, float]]
) -> tuple[PlanWarning, ...]:
    """What to warn about in a plan of ``routine`` at ``settings`` made of ``steps``; ``slowed``: the plan
    steps (their index) whose strokes were slowed to the fastest allowed, and the length each asked for."""
    return (
        *_written_for(routine, settings),
        *_outlets(routine, settings, steps),
        *_other_way(settings, steps),
        *(PlanWarning("slowed", (steps[index],), stroke_s=stroke_s) for index, stroke_s in slowed),
    )


# -- finding them ----------------------------------------------------------------------------------------


def _said(text: str) -> PlanWarning:
    return PlanWarning("said", text=text)


def _outlet_words() -> dict[str, str]:
    """The neck outlets as the first warning names them (the object of 'Skipping ...')."""
    return {
        "collarbone": translate("plan", "the collarbone hollow"),
        "neck_side": translate("plan", "the side of the neck"),
        "neck_back": translate("plan", "the back of the neck"),
    }


def _early_face_step(steps: Iterable[PlannedStep]) -> PlannedStep | None:
    """The first face step that comes before any neck step has cleared the outlets, or None."""
    for step in steps:
        if step.area in NECK_AREAS:
            return None
        if step.area in FACE_AREAS:
            return step
    return None


def _outlets(routine: Routine, settings: Settings, steps: tuple[PlannedStep, ...]) -> list[PlanWarning]:
    """Skipped outlets with face work to drain through them, and face work before the outlets are cleared."""
    warnings: list[PlanWarning] = []
    has_face = any(step.area in FACE_AREAS for step in steps)
    skipped = skipped_areas(settings.skipped_areas) & routine.areas
    outlets = [words for area, words in _outlet_words().items() if area in skipped]
    if outlets and has_face:
        text = translate(
            "plan",
            "Skipping {outlets} leaves the face without a cleared outlet: "
            "the face drains through the neck to the collarbone hollow.",
        )
        warnings.append(_said(text.format(outlets=_listed(outlets))))
    early = _early_face_step(steps)
    if early is not None:
        warnings.append(PlanWarning("order", (early,)))
    return warnings


def _written_for(routine: Routine, settings: Settings) -> list[PlanWarning]:
    """When a routine written for treated neck sides meets a setting that differs: the setting wins."""
    treated, written = settings.treated_side, routine.for_treated
    matches = {"one": ("left", "right"), "both": ("both",)}
    if not written or treated in matches[written]:
        return []
    if treated == "none":
        text = (
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
        )
        return [_said(text)]
    if written == "one":
        return [
            _said(translate("plan", "This routine is for one treated side; you set both, so both sides are rerouted."))
        ]
    side = {"left": translate("words", "left"), "right": translate("words", "right")}[treated]
    return [
        _said(
            translate(
                "plan", "This routine is for both sides treated; you set only your {side} side, so only it is rerouted."
            ).format(side=side)
        )
    ]


def _other_way(settings: Settings, steps: tuple[PlannedStep, ...]) -> list[PlanWarning]:
    """What changed for a treated neck side: why, the steps that clear the new way, and the steps sent each way
    round (``plan --json`` lists these in ``warnings``; the window shows them above the diagram)."""
    if settings.treated_side == "none":
        return []
    clearing = tuple(s for s in steps if s.clears)
    across = tuple(s for s in steps if s.route == "across")
    armpit = tuple(s for s in steps if s.route == "armpit")
    if not (clearing or across or armpit):
        return []
    if settings.treated_side == "both":
        lead = translate("plan", "Your neck lymph nodes were treated on both sides, so the fluid goes to the armpits.")
    else:
        side = {"left": translate("words", "left"), "right": translate("words", "right")}[settings.treated_side]
        lead = translate(
            "plan", "Your neck lymph nodes were treated on the {side} side, so the fluid on that side goes another way."
        ).format(side=side)
    defer = translate("plan", "Follow your therapist’s plan where it differs.")
    warnings = [_said(f"{lead} {defer}")]
    if clearing:
        in_row = steps[clearing[-1].index + 1].part != 0  # not the first piece of its row: its treated side
        warnings.append(PlanWarning("clearing", clearing, in_row=in_row))
    if across:
        warnings.append(PlanWarning("across", across))
    if armpit:
        warnings.append(PlanWarning("armpit", armpit))
    return warnings


# -- wording them ----------------------------------------------------------------------------------------


def _listed(items: list[str]) -> str:
    """'a', 'a and b', 'a, b and c'."""
    if len(items) == 1:
        return items[0]
    return translate("plan", "{first} and {last}").format(first=", ".join(items[:-1]), last=items[-1])


def _area(step: PlannedStep) -> str:
    return default_anatomy().areas[step.area].in_text


def _session_words(warning: PlanWarning) -> str:
    steps = warning.steps
    numbers = _listed([str(step.index + 1) for step in steps])
    one = len(steps) == 1
    if warning.kind == "order":
        return translate(
            "plan", "Step {number} ({area}) comes before the neck and collarbone are cleared: clear the outlets first."
        ).format(number=numbers, area=_area(steps[0]))
    if warning.kind == "slowed":
        return translate(
            "plan",
            "Step {number} ({area}) would make strokes of {seconds} s: slowed to 1 s, the fastest a stroke may be.",
        ).format(number=numbers, area=_area(steps[0]), seconds=f"{warning.stroke_s:g}")
    if warning.kind == "clearing":
        text = (
            translate("plan", "Step {numbers} clears the new way first.")
            if one
            else translate("plan", "Steps {numbers} clear the new way first.")
        )
    elif warning.kind == "across":
        text = (
            translate("plan", "Step {numbers}: the face is stroked across the middle to the other side.")
            if one
            else translate("plan", "Steps {numbers}: the face is stroked across the middle to the other side.")
        )
    else:
        text = (
            translate("plan", "Step {numbers}: stroked down over the collarbone toward the armpit.")
            if one
            else translate("plan", "Steps {numbers}: stroked down over the collarbone toward the armpit.")
        )
    return text.format(numbers=numbers)


def _row_words(warning: PlanWarning) -> tuple[int | None, str]:
    steps = warning.steps
    rows = sorted({step.routine_index for step in steps})
    numbers = _listed([str(row + 1) for row in rows])
    one = len(rows) == 1
    if warning.kind == "order":
        return rows[0], translate(
            "plan", "Row {number} ({area}) comes before the neck and collarbone are cleared: clear the outlets first."
        ).format(number=numbers, area=_area(steps[0]))
    if warning.kind == "slowed":
        return rows[0], translate(
            "plan",
            "Row {number} ({area}) would make strokes of {seconds} s: slowed to 1 s, the fastest a stroke may be.",
        ).format(number=numbers, area=_area(steps[0]), seconds=f"{warning.stroke_s:g}")
    if warning.kind == "clearing":
        return None, _clearing_row_words(len(steps), rows[0], warning.in_row)
    if warning.kind == "across":
        text = (
            translate(
                "plan", "Row {numbers}: on the treated side, the face is stroked across the middle to the other side."
            )
            if one
            else translate(
                "plan", "Rows {numbers}: on the treated side, the face is stroked across the middle to the other side."
            )
        )
    else:
        text = (
            translate("plan", "Row {numbers}: on a treated side, stroked down over the collarbone toward the armpit.")
            if one
            else translate(
                "plan", "Rows {numbers}: on a treated side, stroked down over the collarbone toward the armpit."
            )
        )
    return None, text.format(numbers=numbers)


def _clearing_row_words(count: int, row: int, in_row: bool) -> str:
    """The clearing steps are no row: say how many the session adds, and where: before ``row`` (from 0), or
    inside it, before its treated side (a step done one side at a time, the working side first)."""
    if not in_row:
        text = (
            translate("plan", "The session adds one step to clear the new way first, before row {row}.")
            if count == 1
            else translate("plan", "The session adds {count} steps to clear the new way first, before row {row}.")
        )
    else:
        text = (
            translate(
                "plan", "The session adds one step to clear the new way first, in row {row} before its treated side."
            )
            if count == 1
            else translate(
                "plan",
                "The session adds {count} steps to clear the new way first, in row {row} before its treated side.",
            )
        )
    return text.format(count=count, row=row + 1)
