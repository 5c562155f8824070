"""Which steps are done, on which side and which way: a routine's steps after the user's skipped sides.

A step on both sides with one side skipped is done on the other side alone; a step on a skipped side is
left out; a midline step (one hand on the middle) is left out when either side of its area is skipped.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

from massage_gui.core.routine import Routine, Step
from massage_gui.core.settings import Settings
from massage_gui.core.skips import skipped_sides


@dataclass(frozen=True)
class Work:
    """One piece of the routine as it will be done: ``step`` with its side narrowed, where it came from
    (``routine_index``; ``part`` 0, or 1 for the second side of a step done one side at a time; added
    steps have ``routine_index`` -1), and the way it drains (``route``)."""

    routine_index: int
    part: int
    step: Step
    route: str = "usual"


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


def worked_steps(routine: Routine, settings: Settings) -> list[Work]:
    """The pieces of ``routine`` to do under ``settings``, in order."""
    work: list[Work] = []
    for index, step in enumerate(routine.steps):
        kept = narrowed(step, settings.skipped_areas)
        if kept is not None:
            work.append(Work(index, 0, kept))
    return work
