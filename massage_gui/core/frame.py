"""The frame: what the diagram shows at one moment, as a pure function of the plan and the session time."""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

from massage_gui.core.anatomy import Anatomy, BodySide, body_sides, default_anatomy
from massage_gui.core.geometry import Point, StrokePath
from massage_gui.core.plan import Plan, PlannedStep, Segment
from massage_gui.core.words import BREATH_IN_SHARE

STRETCH_MOVE = 0.6  # share of a stretch stroke spent stretching; the rest is the release
SWEEP_MOVE = 0.8
CIRCLE_RADIUS = 0.045
CIRCLE_AT = 0.3  # where on its path a stationary circle is made


@dataclass(frozen=True)
class Arrow:
    """One moving arrow, in screen face coordinates (mirror applied).

    ``path`` and ``progress`` say where along its stroke path the arrow is, so a painter can draw a
    trail; for circles ``path`` is None and ``center``/``radius`` describe the circle.
    """

    side: BodySide
    x: float
    y: float
    angle_deg: float
    opacity: float
    progress: float
    path: StrokePath | None = None
    center: Point | None = None
    radius: float = 0.0
    turn: int = 0  # circles: +1 turns clockwise on screen, -1 anticlockwise


    def to_json(self) -> dict[str, Any]:
        return {
            "side": self.side,
            "x": round(self.x, 4),
            "y": round(self.y, 4),
            "angle_deg": round(self.angle_deg, 1),
            "opacity": round(self.opacity, 3),
        }


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
        }


def to_screen(point: Point, mirror: bool) -> Point:
    """Photo coordinates (the user's right at x < 0.5) to screen: a mirror shows the user's right on the right."""
    return (1.0 - point[0], point[1]) if mirror else point


def _screen_angle(angle: float, mirror: bool) -> float:
    return (180.0 - angle) % 360.0 if mirror else angle % 360.0


def _ease(x: float) -> float:
    return 0.5 - 0.5 * math.cos(math.pi * min(max(x, 0.0), 1.0))


def _arrow(step: PlannedStep, side: BodySide, path: StrokePath, phase: float, mirror: bool) -> Arrow:
    if step.stroke == "circles":
        center = path.point_at(CIRCLE_AT)
        toward = path.angle_at(CIRCLE_AT)
        # Turn so that at mid-stroke the arrow pushes toward the node; the left hand turns the other way.
        sense = -1.0 if side == "left" else 1.0
        theta = math.radians(toward - sense * 90.0 + sense * 360.0 * (phase - 0.5))
        point = (center[0] + CIRCLE_RADIUS * math.cos(theta), center[1] + CIRCLE_RADIUS * math.sin(theta))
        angle = math.degrees(theta) + sense * 90.0
        opacity = 0.55 + 0.45 * math.sin(math.pi * phase)
        screen = to_screen(point, mirror)
        # y grows downward, so a growing angle turns clockwise on screen; a mirror reverses it.
        turn = round(sense) * (-1 if mirror else 1)
        return Arrow(
            side, screen[0], screen[1], _screen_angle(angle, mirror), opacity, phase,
            center=to_screen(center, mirror), radius=CIRCLE_RADIUS, turn=turn,
        )  # fmt: skip
    move = STRETCH_MOVE if step.stroke == "stretch" else SWEEP_MOVE
    if phase < move:
        progress, opacity = _ease(phase / move), 1.0
    else:
        progress, opacity = 1.0, 1.0 - (phase - move) / (1.0 - move)
    screen_path = path if not mirror else path.mirrored()
    point = screen_path.point_at(progress)
    return Arrow(side, point[0], point[1], screen_path.angle_at(progress) % 360.0, opacity, progress, path=screen_path)


def _targets(step: PlannedStep, anatomy: Anatomy, mirror: bool) -> tuple[Target, ...]:
    if step.toward is None:
        return ()
    node = anatomy.nodes[step.toward]
    result = []
    for side in node.sides(step.side):
        x, y = to_screen(node.position(side), mirror)
        result.append(Target(node.id, side, x, y))
    return tuple(result)


def _no_press(step: PlannedStep, anatomy: Anatomy, mirror: bool) -> tuple[Zone, ...]:
    zones = []
    for zone in anatomy.no_press_for(step.area, step.toward):
        for center in zone.centers():
            x, y = to_screen(center, mirror)
            zones.append(Zone(zone.id, zone.label, x, y, zone.radius))
    return tuple(zones)


def breath_fullness(phase: float) -> float:
    """How full the lungs are during one breath: a smooth breath in, then a longer breath out."""
    if phase < BREATH_IN_SHARE:
        return 0.5 - 0.5 * math.cos(math.pi * phase / BREATH_IN_SHARE)
    return 0.5 + 0.5 * math.cos(math.pi * (phase - BREATH_IN_SHARE) / (1 - BREATH_IN_SHARE))


def _arrows(step: PlannedStep, phase: float, anatomy: Anatomy, mirror: bool) -> tuple[Arrow, ...]:
    if step.toward is None:
        return ()
    area = anatomy.areas[step.area]
    sides: tuple[BodySide, ...] = body_sides(step.side) if step.side != "center" else ("right", "left")
    return tuple(_arrow(step, side, area.path(step.toward, side), phase, mirror) for side in sides)


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
    targets = _targets(step, anatomy, mirror)
    no_press = _no_press(step, anatomy, mirror)
    if pos.segment != "step":
        length = plan.lead_in_s if pos.segment == "lead_in" else plan.transition_s
        remaining = max(step.start_s - t, 0.0)
        seg_progress = 1.0 - remaining / length if length > 0 else 1.0
        return Frame(
            t, pos.segment, pos.step_index, step, None, None, remaining, total_remaining, mirror, (), targets,
            progress, seg_progress, no_press,
        )  # fmt: skip
    strokes_done = pos.offset_s / step.stroke_s
    rep = min(int(strokes_done), step.reps - 1)
    phase = min(strokes_done - rep, 1.0)
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
        arrows=_arrows(step, phase, anatomy, mirror),
        targets=targets,
        progress=progress,
        segment_progress=pos.offset_s / step.duration_s,
        no_press=no_press,
        breath=breath_fullness(phase) if step.stroke == "breath" else 0.0,
    )
