"""How each stroke moves at one moment: where the hands rest, how far the skin is stretched, the arrows.

A stretch: the flat fingers rest on a spot, move the skin a short way toward the node, and let it spring
back. A sweep moves the skin further, more slowly. Circles turn the skin on the spot. After the last
stroke at one spot the hands move on to the next spot, further from the node.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

from massage_gui.core.anatomy import BodySide, body_sides
from massage_gui.core.geometry import Point, StrokePath, mirror_x
from massage_gui.core.plan import PlannedStep
from massage_gui.core.positions import HandPosition, hand_positions

# Shares of one stroke: stretch, then release (the skin springs back), then rest or move on.
STRETCH_MOVE = 0.5
SWEEP_MOVE = 0.65
RELEASE_END = 0.85
MOVE_ON_FROM = 0.75  # the last stroke at a spot: the hands travel to the next spot from here
CIRCLE_RADIUS = 0.045


@dataclass(frozen=True)
class Arrow:
    """One arrow, in screen face coordinates (mirror applied).

    For a stretch or sweep, ``path`` is the stretch (from where the fingers rest toward the node) and
    ``progress`` how far along it the skin is; for circles ``path`` is None and ``center``/``radius``
    describe the circle and ``turn`` says which way it turns.
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
class Hand:
    """Where one hand's finger pads rest (screen face coordinates), the way toward the node (for drawing
    the fingers across it), and how far the skin under them is moved just now (``dx``, ``dy``)."""

    side: BodySide
    x: float
    y: float
    angle_deg: float
    dx: float = 0.0
    dy: float = 0.0

    def to_json(self) -> dict[str, Any]:
        return {"side": self.side, "x": round(self.x, 4), "y": round(self.y, 4)}


@dataclass(frozen=True)
class Motion:
    """A step's hands and arrows at one moment, and where the hands go next (None: nowhere)."""

    position: int
    hands: tuple[Hand, ...]
    arrows: tuple[Arrow, ...]
    next_hands: tuple[Hand, ...]
    moving_on: bool


def to_screen(point: Point, mirror: bool) -> Point:
    """Photo coordinates (the user's right at x < 0.5) to screen: a mirror shows the user's right on the right."""
    return mirror_x(point) if mirror else point


def screen_angle(angle: float, mirror: bool) -> float:
    return (180.0 - angle) % 360.0 if mirror else angle % 360.0


def _ease(x: float) -> float:
    return 0.5 - 0.5 * math.cos(math.pi * min(max(x, 0.0), 1.0))


def drawn_sides(step: PlannedStep) -> tuple[BodySide, ...]:
    """The sides a step is drawn on; a midline step (one hand) is shown on both halves of the face."""
    return body_sides(step.side) if step.side != "center" else ("right", "left")


def spots(step: PlannedStep, side: BodySide) -> tuple[HandPosition, ...]:
    assert step.toward is not None
    return hand_positions(step.area, step.toward, side, step.positions, step.stroke, step.route)


def _hand(spot: HandPosition, side: BodySide, mirror: bool, shift: Point = (0.0, 0.0)) -> Hand:
    x, y = to_screen(spot.rest, mirror)
    dx = -shift[0] if mirror else shift[0]
    return Hand(side, x, y, screen_angle(spot.stretch.angle_at(0.0), mirror), dx, shift[1])


def first_hands(step: PlannedStep, mirror: bool) -> tuple[Hand, ...]:
    """Where the hands go first for ``step`` (the spot nearest the node); none for a breath."""
    if step.toward is None:
        return ()
    return tuple(_hand(spots(step, side)[0], side, mirror) for side in drawn_sides(step))


def step_hands(step: PlannedStep, mirror: bool) -> tuple[Hand, ...]:
    """Every spot the hands rest on during ``step``, on each side, each moved by its whole stretch (circles
    do not move): where the finger pads go over the step."""
    if step.toward is None:
        return ()
    return tuple(_stretched(step, spot, side, mirror) for side in drawn_sides(step) for spot in spots(step, side))


def spot_hands(step: PlannedStep, position: int, mirror: bool) -> tuple[Hand, ...]:
    """The hands at spot ``position`` (from 1) on each side drawn, each moved by its whole stretch: where the
    finger pads go while they work that spot (``step_hands`` for one spot)."""
    if step.toward is None:
        return ()
    return tuple(_stretched(step, spots(step, side)[position - 1], side, mirror) for side in drawn_sides(step))


def spot_arrows(step: PlannedStep, position: int, mirror: bool) -> tuple[Arrow, ...]:
    """The arrows of a stroke at spot ``position`` (from 1), mid-stroke: each one's track, where the stroke is
    shown, is the same at every stroke at that spot."""
    first = sum((step.shares or (step.reps,))[: position - 1])
    return motion(step, first, 0.5, mirror).arrows if step.toward is not None else ()


def _stretched(step: PlannedStep, spot: HandPosition, side: BodySide, mirror: bool) -> Hand:
    end = spot.rest if step.stroke == "circles" else spot.stretch.point_at(1.0)
    return _hand(spot, side, mirror, (end[0] - spot.rest[0], end[1] - spot.rest[1]))


def _skin(phase: float, move: float, release_end: float) -> tuple[float, float]:
    """How far along the stretch the skin is (0 at rest, 1 stretched) and how strongly to draw the arrow."""
    if phase < move:
        return _ease(phase / move), 1.0
    if phase < release_end:
        back = (phase - move) / (release_end - move)
        return 1.0 - _ease(back), 0.7 * (1.0 - back) + 0.15
    return 0.0, 0.0


def motion(step: PlannedStep, stroke: int, phase: float, mirror: bool) -> Motion:
    """The hands and arrows of ``step`` during its ``stroke`` (from 0) at ``phase`` (0 to 1)."""
    position, within = step.position_of(stroke)
    if step.toward is None:
        return Motion(position, (), (), (), False)
    last_here = within == step.shares[position - 1] - 1 if step.shares else False
    moving_on = last_here and position < step.positions and phase >= MOVE_ON_FROM
    hands, arrows, next_hands = [], [], []
    for side in drawn_sides(step):
        here = spots(step, side)
        spot = here[position - 1]
        following = here[position] if position < len(here) else None
        if following is not None and last_here:
            next_hands.append(_hand(following, side, mirror))
        if moving_on and following is not None:
            travel = _ease((phase - MOVE_ON_FROM) / (1.0 - MOVE_ON_FROM))
            x = spot.rest[0] + (following.rest[0] - spot.rest[0]) * travel
            y = spot.rest[1] + (following.rest[1] - spot.rest[1]) * travel
            moved = HandPosition(spot.number, (x, y), spot.stretch)
            hands.append(_hand(moved, side, mirror))
            continue
        if step.stroke == "circles":
            arrow = _circle(spot, side, phase, mirror)
            hands.append(_hand(spot, side, mirror))
        else:
            move = STRETCH_MOVE if step.stroke == "stretch" else SWEEP_MOVE
            release_end = MOVE_ON_FROM if last_here and following is not None else RELEASE_END
            progress, strength = _skin(phase, move, release_end)
            path = spot.stretch.mirrored() if mirror else spot.stretch
            point = path.point_at(progress)
            arrow = Arrow(side, point[0], point[1], path.angle_at(progress) % 360.0, strength, progress, path=path)
            skin = spot.stretch.point_at(progress)
            hands.append(_hand(spot, side, mirror, (skin[0] - spot.rest[0], skin[1] - spot.rest[1])))
        arrows.append(arrow)
    return Motion(position, tuple(hands), tuple(arrows), tuple(next_hands), moving_on)


def _circle(spot: HandPosition, side: BodySide, phase: float, mirror: bool) -> Arrow:
    center = spot.rest
    toward = spot.stretch.angle_at(0.0)
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
        side, screen[0], screen[1], screen_angle(angle, mirror), opacity, phase,
        center=to_screen(center, mirror), radius=CIRCLE_RADIUS, turn=turn,
    )  # fmt: skip
