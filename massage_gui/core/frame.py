"""The frame: what the diagram shows at one moment, as a pure function of the plan and the session time."""

from __future__ import annotations

import dataclasses
import math
from dataclasses import dataclass
from typing import Any

from massage_gui.core.anatomy import Anatomy, BodySide, default_anatomy
from massage_gui.core.plan import Plan, PlannedStep, Segment
from massage_gui.core.strokes import Arrow, Hand, first_hands, motion, to_screen
from massage_gui.core.words import BREATH_IN_SHARE

__all__ = [
    "Arrow",
    "Frame",
    "Hand",
    "Target",
    "Zone",
    "breath_fullness",
    "frame_at",
    "plays_through",
    "repeats",
    "stroke_frames",
    "to_screen",
]


@dataclass(frozen=True)
class Target:
    node: str
    side: BodySide
    x: float
    y: float

    def to_json(self) -> dict[str, Any]:
        return {"node": self.node, "side": self.side, "x": round(self.x, 4), "y": round(self.y, 4)}


@dataclass(frozen=True)
class Zone:
    """A no-press zone on screen (face coordinates, mirror applied) and what to call it."""

    id: str
    label: str
    x: float
    y: float
    radius: float


@dataclass(frozen=True)
class Frame:
    """What the diagram shows at session time ``t``.

    In a lead-in or transition, ``step_index``, ``area`` and ``stroke`` describe the coming step and
    ``step_remaining_s`` counts down to its start; ``rep`` and ``phase`` are None outside a step.
    """

    t: float
    state: Segment
    step_index: int | None
    step: PlannedStep | None
    rep: int | None
    phase: float | None
    step_remaining_s: float
    total_remaining_s: float
    mirror: bool
    arrows: tuple[Arrow, ...]
    targets: tuple[Target, ...]
    progress: float  # 0..1 of the whole session
    segment_progress: float  # 0..1 of the current lead-in, step or transition
    no_press: tuple[Zone, ...] = ()  # where never to press while this step (or the coming one) is worked
    breath: float = 0.0  # a breathing step: how full the lungs are, 0 (out) to 1 (in)
    position: int | None = None  # during a step: the hand position, from 1 (nearest the node)
    hands: tuple[Hand, ...] = ()  # during a step: where the finger pads rest now, per side
    next_hands: tuple[Hand, ...] = ()  # where the hands go next: the next spot, or the coming step's first
    moving_on: bool = False  # the hands are moving on to the next spot just now

    @property
    def positions(self) -> int | None:
        return self.step.positions if self.step is not None and self.state == "step" else None

    @property
    def area(self) -> str | None:
        return self.step.area if self.step else None

    @property
    def stroke(self) -> str | None:
        return self.step.stroke if self.step else None

    @property
    def reps(self) -> int | None:
        return self.step.reps if self.step else None

    def to_json(self) -> dict[str, Any]:
        return {
            "t": self.t,
            "state": self.state,
            "step_index": self.step_index,
            "area": self.area,
            "stroke": self.stroke,
            "rep": self.rep,
            "reps": self.reps,
            "phase": None if self.phase is None else math.floor(self.phase * 10_000) / 10_000,  # stays below 1
            "step_remaining_s": round(self.step_remaining_s, 3),
            "total_remaining_s": round(self.total_remaining_s, 3),
            "mirror": self.mirror,
            "arrows": [a.to_json() for a in self.arrows],
            "targets": [t.to_json() for t in self.targets],
            "position": self.position,
            "positions": self.positions,
            "hands": [h.to_json() for h in self.hands],
        }


def _targets(step: PlannedStep, anatomy: Anatomy, mirror: bool) -> tuple[Target, ...]:
    if step.toward is None:
        return ()
    node = anatomy.nodes[step.toward]
    sides = node.sides(step.side)
    if step.route == "across":  # to the other side's node, across the midline
        sides = tuple("left" if s == "right" else "right" for s in sides)
    result = []
    for side in sides:
        x, y = to_screen(node.position(side), mirror)
        result.append(Target(node.id, side, x, y))
    return tuple(result)


def _no_press(step: PlannedStep, anatomy: Anatomy, mirror: bool) -> tuple[Zone, ...]:
    zones = []
    for zone in anatomy.no_press_for(step.area, step.toward, step.route):
        for center in zone.centers():
            x, y = to_screen(center, mirror)
            zones.append(Zone(zone.id, zone.label, x, y, zone.radius))
    return tuple(zones)


StepParts = tuple[tuple[Target, ...], tuple[Zone, ...], tuple[Hand, ...]]
_step_parts_cache: dict[tuple[PlannedStep, bool], tuple[Anatomy, StepParts]] = {}
STEP_PARTS_KEPT = 128  # more than any plan's steps, both ways round


def _step_parts(step: PlannedStep, anatomy: Anatomy, mirror: bool) -> StepParts:
    """A step's targets, no-press zones and first hands: the same at every frame of it, so worked out once
    (an animation asks 60 times a second), and the same objects each time, which compare at once."""
    key = (step, mirror)
    found = _step_parts_cache.get(key)
    if found is not None and found[0] is anatomy:
        return found[1]
    parts = (_targets(step, anatomy, mirror), _no_press(step, anatomy, mirror), first_hands(step, mirror))
    if len(_step_parts_cache) >= STEP_PARTS_KEPT:
        _step_parts_cache.clear()
    _step_parts_cache[key] = (anatomy, parts)
    return parts


def breath_fullness(phase: float) -> float:
    """How full the lungs are during one breath: a smooth breath in, then a longer breath out."""
    if phase < BREATH_IN_SHARE:
        return 0.5 - 0.5 * math.cos(math.pi * phase / BREATH_IN_SHARE)
    return 0.5 + 0.5 * math.cos(math.pi * (phase - BREATH_IN_SHARE) / (1 - BREATH_IN_SHARE))


def frame_at(plan: Plan, t: float, *, mirror: bool | None = None, anatomy: Anatomy | None = None) -> Frame:
    """What the diagram shows at session time ``t`` (clamped to 0..total)."""
    anatomy = anatomy or default_anatomy()
    mirror = plan.settings.mirror if mirror is None else mirror
    t = min(max(t, 0.0), plan.total_s)
    total_remaining = plan.total_s - t
    progress = t / plan.total_s if plan.total_s > 0 else 1.0
    pos = plan.locate(t)
    if pos.segment == "finished":
        return Frame(t, "finished", None, None, None, None, 0.0, 0.0, mirror, (), (), 1.0, 1.0)
    step = plan.steps[pos.step_index]
    targets, no_press, coming = _step_parts(step, anatomy, mirror)
    if pos.segment != "step":
        length = plan.lead_in_s if pos.segment == "lead_in" else plan.transition_s
        remaining = max(step.start_s - t, 0.0)
        seg_progress = 1.0 - remaining / length if length > 0 else 1.0
        return Frame(
            t, pos.segment, pos.step_index, step, None, None, remaining, total_remaining, mirror, (), targets,
            progress, seg_progress, no_press, next_hands=coming,
        )  # fmt: skip
    strokes_done = pos.offset_s / step.stroke_s
    rep = min(int(strokes_done), step.reps - 1)
    phase = min(strokes_done - rep, 1.0)
    moved = motion(step, rep, phase, mirror)
    return Frame(
        t=t,
        state="step",
        step_index=pos.step_index,
        step=step,
        rep=rep + 1,
        phase=phase,
        step_remaining_s=step.end_s - t,
        total_remaining_s=total_remaining,
        mirror=mirror,
        arrows=moved.arrows,
        targets=targets,
        progress=progress,
        segment_progress=pos.offset_s / step.duration_s,
        no_press=no_press,
        breath=breath_fullness(phase) if step.stroke == "breath" else 0.0,
        position=moved.position if step.toward is not None else None,
        hands=moved.hands,
        next_hands=moved.next_hands,
        moving_on=moved.moving_on,
    )


def plays_through(frame: Frame) -> bool:
    """Whether a view may play the frame's stroke from ``stroke_frames`` until the next stroke starts: a stroke
    toward a node, all of whose moments are known from its start. ``repeats`` says whether it may also play it
    again, in a loop."""
    step = frame.step
    return frame.state == "step" and step is not None and step.toward is not None and frame.rep is not None


def repeats(frame: Frame) -> bool:
    """Whether the frame's stroke moves just as the one before and after it at the same spot, so that a view may
    play it in a loop: a stroke that ``plays_through``, but not the last at a spot with another after it (that
    one shows the next spot and moves the hands on, once)."""
    return plays_through(frame) and not frame.next_hands and not frame.moving_on


def stroke_frames(frame: Frame, count: int) -> tuple[Frame, ...]:
    """The frame's stroke at ``count`` (2 or more) evenly spaced moments from its start (phase 0) to its end
    (phase 1): the same hands, arrows and pulse as ``frame_at`` gives at those moments. The stroke that moves the
    hands on to the next spot has no arrow on a side whose hands are on their way (``moving_on``)."""
    step, rep = frame.step, frame.rep
    if step is None or rep is None or count < 2:
        raise ValueError("stroke_frames needs a frame within a stroke, and at least two moments")
    frames = []
    for k in range(count):
        phase = k / (count - 1)
        moved = motion(step, rep - 1, phase, frame.mirror)
        frames.append(
            dataclasses.replace(frame, phase=phase, hands=moved.hands, arrows=moved.arrows, moving_on=moved.moving_on)
        )
    return tuple(frames)
