"""Hand positions: where the flat fingers rest along an area, nearest the node first, and the short stretch
each stroke makes there toward the node.

Taught self-drainage works one spot at a time: rest the fingers, stretch the skin a short way toward the
node, let it spring back, 5 to 7 times; then move the hands on, away from the node, and repeat.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import lru_cache

from massage_gui.core.anatomy import BodySide, default_anatomy
from massage_gui.core.errors import DataError
from massage_gui.core.geometry import Point, StrokePath, polygon_contains

STRETCH_UNITS = 0.06  # how far a stretch moves the skin: about 1 cm on a face 19 cm from hairline to chin
SWEEP_UNITS = 0.12  # a sweep moves the skin about twice as far, slowly
SAMPLES = 200
MAX_POSITIONS = 6

# The flat fingers as the diagram shows them: three pads stacked along the stroke, the fingers lying
# across it (as flat hands lie on the side of the neck, fingers pointing back, stretching down).
PAD_COUNT = 3
PAD_ALONG = 0.045  # one pad's size along the stroke
PAD_ACROSS = 0.08  # how much of each finger lies across it
PAD_SPACING = 0.05  # between the pads' middles
HAND_HALF_ALONG = (PAD_COUNT - 1) / 2 * PAD_SPACING + PAD_ALONG / 2
HAND_HALF_ACROSS = PAD_ACROSS / 2
CLEARANCE = 0.01  # kept between the pads and a no-press circle, beyond touching


@dataclass(frozen=True)
class HandPosition:
    """One spot: ``rest`` is where the finger pads lie (photo coordinates, the given side); ``stretch``
    runs from there a short way along the area's path toward the node."""

    number: int  # from 1, nearest the node
    rest: Point
    stretch: StrokePath


def _worked_span(path: StrokePath, outline: tuple[Point, ...]) -> tuple[float, float]:
    """The part of the path (as fractions of its length) that lies inside the area: where hands can rest."""
    inside = [i for i in range(SAMPLES + 1) if polygon_contains(outline, path.point_at(i / SAMPLES))]
    if not inside:
        return 0.0, 1.0
    return inside[0] / SAMPLES, inside[-1] / SAMPLES


def hand_clear_of(rest: Point, angle_deg: float, zone_center: Point, zone_radius: float) -> bool:
    """Whether the finger pads resting at ``rest`` (the stroke going ``angle_deg``) keep off a no-press circle."""
    along = math.radians(angle_deg)
    dx, dy = zone_center[0] - rest[0], zone_center[1] - rest[1]
    u = dx * math.cos(along) + dy * math.sin(along)
    v = -dx * math.sin(along) + dy * math.cos(along)
    gap_u, gap_v = max(abs(u) - HAND_HALF_ALONG, 0.0), max(abs(v) - HAND_HALF_ACROSS, 0.0)
    return math.hypot(gap_u, gap_v) >= zone_radius


def _safe(path: StrokePath, fraction: float, reach: float, zones: tuple[tuple[Point, float], ...]) -> bool:
    """Whether the pads keep off the zones both at rest and with the skin stretched toward the node."""
    angle = path.angle_at(fraction)
    return all(
        hand_clear_of(path.point_at(f), angle, center, radius)
        for f in (fraction, min(fraction + reach, 1.0))
        for center, radius in zones
    )


def _sub_path(path: StrokePath, start: float, end: float) -> StrokePath:
    steps = max(2, math.ceil((end - start) * 24))
    points = [path.point_at(start + (end - start) * i / steps) for i in range(steps + 1)]
    return StrokePath(tuple(points))


@lru_cache(maxsize=512)
def hand_positions(
    area: str, node: str, side: BodySide, count: int, stroke: str, route: str = "usual"
) -> tuple[HandPosition, ...]:
    """``count`` spots spread over the worked part of the area's path toward ``node`` (or its way round a
    treated neck side, ``route``), nearest the node first. Each spot rests at the middle of its share of
    the path; its stretch goes toward the node."""
    anatomy = default_anatomy()
    where = anatomy.areas[area]
    path = where.route(route, node, side if side != "center" else "right")
    outline = where.outline_for("left" if side == "left" else "right")
    low, high = _worked_span(path, outline)
    reach = (SWEEP_UNITS if stroke == "sweep" else STRETCH_UNITS) / max(path.length, 1e-9)
    # Never rest the hands on a no-press zone (the neck pulse): spots snap to the nearest safe place.
    zones = tuple((c, z.radius + CLEARANCE) for z in anatomy.no_press_for(area, node, route) for c in z.centers())
    fractions = [low + (high - low) * i / SAMPLES for i in range(SAMPLES + 1)]
    safe = [f for f in fractions if _safe(path, f, reach, zones)]
    if not safe:
        raise DataError(f"anatomy.json: {area} toward {node} has no place for the hands clear of a no-press zone")
    spots = []
    used: set[float] = set()
    for number in range(1, count + 1):
        ideal = low + (high - low) * (count - number + 0.5) / count
        rest = min((f for f in safe if f not in used), key=lambda f: abs(f - ideal), default=safe[0])
        used.add(rest)
        end = min(rest + reach, 1.0)
        start = min(rest, end - 1e-3)
        spots.append(HandPosition(number, path.point_at(start), _sub_path(path, start, end)))
    return tuple(spots)


def share_reps(reps: int, positions: int) -> tuple[int, ...]:
    """``reps`` strokes shared out evenly over the positions, any extra at the ones nearest the node.
    There are never more positions than strokes."""
    count = max(1, min(positions, reps))
    base, extra = divmod(reps, count)
    return tuple(base + (1 if i < extra else 0) for i in range(count))


def position_of_stroke(shares: tuple[int, ...], stroke: int) -> tuple[int, int]:
    """For a stroke counted from 0 in the step: its position (from 1) and its stroke within that position
    (from 0)."""
    for number, count in enumerate(shares, start=1):
        if stroke < count:
            return number, stroke
        stroke -= count
    return len(shares), shares[-1] - 1
