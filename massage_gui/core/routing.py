"""Which steps are done, on which side and which way: a routine's steps after the user's skipped sides and
treated neck sides.

Skipped sides: a step on both sides with one side skipped is done on the other side alone; a step on a
skipped side is left out; a midline step (one hand on the middle) is left out when either side of its area
is skipped.

Treated sides (neck lymph nodes removed or irradiated): no stroke is sent into a treated side's nodes.
As head and neck self-drainage is taught for this (Princess Margaret / UHN, "How to do lymphatic
self-massage on your face, head and neck", 2017: move the fluid to nodes "in areas of your face or neck
not affected by treatment" and to "your underarms"):

- one side treated: that side's face is stroked across the midline to the working side's nodes, and that
  side's neck (and the skin behind and in front of the ear) down over the collarbone to its armpit; a
  step on both sides is done one side at a time, the working side first;
- both sides treated: face and neck go down over the collarbones to the armpits;
- the new way is cleared first: the working side's collarbone hollow and neck (one side treated) and the
  armpit and upper chest of each treated side, just before the first step that uses them (what the routine
  has already cleared by then is not done twice).
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

from massage_gui.core.anatomy import ACROSS_AREAS, BodySide, Side, body_sides, default_anatomy
from massage_gui.core.i18n import translate
from massage_gui.core.routine import Routine, Step
from massage_gui.core.settings import Settings
from massage_gui.core.skips import skipped_sides

TREATED: dict[str, frozenset[BodySide]] = {
    "none": frozenset(),
    "left": frozenset({"left"}),
    "right": frozenset({"right"}),
    "both": frozenset({"left", "right"}),
}
CLEARING_REPS = 10
SECOND_PART = 8  # more than the clearing steps that may come between a step's two sides
OTHER: dict[BodySide, BodySide] = {"left": "right", "right": "left"}


@dataclass(frozen=True)
class Work:
    """One piece of the routine as it will be done: ``step`` with its side narrowed, where it came from
    (``routine_index``; ``part`` 0, then SECOND_PART for the treated side of a step done one side at a
    time; the steps that clear a new way count down from the part of the piece they come before, so that
    (routine_index, part) stays in order), the node its strokes go to (``toward``: the step's own, or the
    way round a treated side), the way (``route``) and whether it was added to clear the new way."""

    routine_index: int
    part: int
    step: Step
    route: str = "usual"
    toward: str | None = None
    clears: bool = False

    @property
    def target(self) -> str | None:
        return self.toward if self.route != "usual" else self.step.toward


def narrowed(step: Step, skips: frozenset[str]) -> Step | None:
    """``step`` without its skipped sides, or None when nothing of it is left to do."""
    gone = skipped_sides(skips, step.area)
    if not gone:
        return step
    if step.stroke == "breath" or len(gone) == 2 or step.side == "center":
        return None
    if step.side == "both":
        (kept,) = {"left", "right"} - gone
        return dataclasses.replace(step, side=kept)  # type: ignore[arg-type]  # a BodySide
    return None if step.side in gone else step


def without_skipped(routine: Routine, skips: frozenset[str]) -> Routine | None:
    """``routine`` as the user sees it with these skips: the skipped steps and sides left out (what a
    favourite saves), or None when nothing would be left."""
    kept = tuple(step for step in (narrowed(s, skips) for s in routine.steps) if step is not None)
    return dataclasses.replace(routine, steps=kept) if kept else None


def _way_round(step: Step, side: BodySide, treated: frozenset[BodySide]) -> tuple[str, str]:
    """The route and node for ``step``'s hand on a treated ``side``."""
    area = default_anatomy().areas[step.area]
    if len(treated) == 1 and step.area in ACROSS_AREAS:
        return "across", area.reroutes["across"][0]
    return "armpit", "axillary"


def _rerouted(index: int, step: Step, treated: frozenset[BodySide]) -> list[Work]:
    """The pieces of one step under the treated sides (the step itself when it needs no other way)."""
    if step.stroke == "breath" or step.area == "chest" or not treated:
        return [Work(index, 0, step)]
    if step.side == "center":
        if len(treated) == 1:  # one hand on the middle: keep it on the working half
            working = OTHER[next(iter(treated))]
            if step.toward == "submental":
                return [Work(index, 0, step)]  # the middle under the chin drains to the working side
            return _rerouted(index, dataclasses.replace(step, side=working), treated)
        return [Work(index, 0, dataclasses.replace(step, side="both"), *_way_round(step, "left", treated))]
    hands = body_sides(step.side)
    on_treated = [h for h in hands if h in treated]
    if not on_treated:
        return [Work(index, 0, step)]
    if len(on_treated) == len(hands):  # every hand on a treated side: one piece, the way round
        return [Work(index, 0, step, *_way_round(step, on_treated[0], treated))]
    (working,) = [h for h in hands if h not in treated]
    (treated_hand,) = on_treated
    return [
        Work(index, 0, dataclasses.replace(step, side=working)),
        Work(
            index,
            SECOND_PART,
            dataclasses.replace(step, side=treated_hand),
            *_way_round(step, treated_hand, treated),
        ),
    ]


def _clearing(treated: frozenset[BodySide]) -> list[Step]:
    """The steps that clear the new way round the treated sides."""
    cue = translate("routing", "Clear the new way first, gently")
    steps: list[Step] = []
    if len(treated) == 1:
        working = OTHER[next(iter(treated))]
        steps += [
            Step("collarbone", "circles", CLEARING_REPS, "terminus", side=working, cue=cue),
            Step("neck_side", "stretch", CLEARING_REPS, "terminus", side=working, cue=cue),
        ]
    side: Side = "both" if len(treated) == 2 else next(iter(treated))
    steps += [
        Step("chest", "circles", CLEARING_REPS, "axillary", side=side, positions=1, cue=cue),  # the armpit itself
        Step("chest", "stretch", CLEARING_REPS, "axillary", side=side, cue=cue),
    ]
    return steps


def worked_steps(routine: Routine, settings: Settings) -> list[Work]:
    """The pieces of ``routine`` to do under ``settings``, in order."""
    treated = TREATED[settings.treated_side]
    work: list[Work] = []
    for index, step in enumerate(routine.steps):
        kept = narrowed(step, settings.skipped_areas)
        if kept is not None:
            work += _rerouted(index, kept, treated)
    first_other_way = next((i for i, w in enumerate(work) if w.route != "usual"), None)
    if first_other_way is not None:
        first_hands = next(i for i, w in enumerate(work) if w.step.stroke != "breath")
        done = work[first_hands:first_other_way]
        clearing = _clearing(treated)
        if _clears_in_order(done, clearing):  # the routine began the clearing itself: add the rest
            at, needed = first_other_way, clearing[len(done) :]
        else:
            at, needed = first_hands, clearing
        first = work[at].part - len(needed)
        work[at:at] = [Work(work[at].routine_index, first + k, step, clears=True) for k, step in enumerate(needed)]
    return work


def _clears_in_order(done: list[Work], clearing: list[Step]) -> bool:
    """Whether the pieces done before the new way is first used are the first clearing steps, in order
    (the same area and sides, the usual way, toward the same node)."""
    if not done or len(done) > len(clearing):
        return False
    return all(
        w.route == "usual"
        and w.step.area == c.area
        and w.target == c.toward
        and set(body_sides(c.side)) <= set(body_sides(w.step.side))
        for w, c in zip(done, clearing[: len(done)], strict=True)
    )
