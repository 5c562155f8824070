"""Plane geometry in face coordinates: points, smoothed stroke paths, arc-length lookup, mirroring."""

from __future__ import annotations

import bisect
import math
from array import array
from dataclasses import dataclass
from functools import cached_property

Point = tuple[float, float]

SAMPLES_PER_SPAN = 16


def mirror_x(point: Point) -> Point:
    """Reflect a point about the facial midline (x = 0.5)."""
    return (1.0 - point[0], point[1])


def _spline(p0: float, p1: float, p2: float, p3: float, t: float) -> float:
    t2, t3 = t * t, t * t * t
    return 0.5 * (2 * p1 + (p2 - p0) * t + (2 * p0 - 5 * p1 + 4 * p2 - p3) * t2 + (3 * p1 - p0 - 3 * p2 + p3) * t3)


def _catmull_rom(points: tuple[Point, ...]) -> list[Point]:
    """A smooth curve through every control point (uniform Catmull-Rom), sampled densely."""
    if len(points) < 3:
        return list(points)
    padded = [points[0], *points, points[-1]]
    out: list[Point] = [points[0]]
    for i in range(1, len(padded) - 2):
        p0, p1, p2, p3 = padded[i - 1], padded[i], padded[i + 1], padded[i + 2]
        for s in range(1, SAMPLES_PER_SPAN + 1):
            t = s / SAMPLES_PER_SPAN
            out.append((_spline(p0[0], p1[0], p2[0], p3[0], t), _spline(p0[1], p1[1], p2[1], p3[1], t)))
    return out


@dataclass(frozen=True)
class StrokePath:
    """A smooth curve through control points, walked by arc length from 0 (start) to 1 (end).

    The curve is sampled when first walked, into arrays of x, y and the length walked (24 bytes a sample,
    against about 130 as tuples of floats); the window's first frame, before any session, walks none."""

    control: tuple[Point, ...]

    def __post_init__(self) -> None:
        if len(self.control) < 2:
            raise ValueError("a stroke path needs at least two points")

    @cached_property
    def _walk(self) -> tuple[array[float], array[float], array[float]]:
        xs, ys, lengths = array("d"), array("d"), array("d")
        walked = 0.0
        previous: Point | None = None
        for point in _catmull_rom(self.control):
            if previous is not None:
                walked += math.dist(previous, point)
            xs.append(point[0])
            ys.append(point[1])
            lengths.append(walked)
            previous = point
        return xs, ys, lengths

    @property
    def samples(self) -> tuple[Point, ...]:
        """The sampled curve, from start to end."""
        xs, ys, _ = self._walk
        return tuple(zip(xs, ys, strict=True))

    @property
    def length(self) -> float:
        return self._walk[2][-1]

    @property
    def start(self) -> Point:
        return self.control[0]

    @property
    def end(self) -> Point:
        return self.control[-1]

    def _locate(self, fraction: float) -> tuple[int, float]:
        lengths = self._walk[2]
        target = min(max(fraction, 0.0), 1.0) * lengths[-1]
        i = bisect.bisect_right(lengths, target) - 1
        i = min(max(i, 0), len(lengths) - 2)
        start = lengths[i]
        span = lengths[i + 1] - start
        local = 0.0 if span == 0 else (target - start) / span
        return i, min(max(local, 0.0), 1.0)

    def point_at(self, fraction: float) -> Point:
        """The point at ``fraction`` of the path's length (clamped to 0..1)."""
        i, local = self._locate(fraction)
        xs, ys, _ = self._walk
        ax, ay = xs[i], ys[i]
        return (ax + (xs[i + 1] - ax) * local, ay + (ys[i + 1] - ay) * local)

    def angle_at(self, fraction: float) -> float:
        """Direction of travel in degrees: 0 points to +x, 90 to +y (down the screen)."""
        i, _ = self._locate(fraction)
        xs, ys, _ = self._walk
        return math.degrees(math.atan2(ys[i + 1] - ys[i], xs[i + 1] - xs[i]))

    @cached_property
    def _mirror_image(self) -> StrokePath:
        return StrokePath(tuple(mirror_x(p) for p in self.control))

    def mirrored(self) -> StrokePath:
        """The same path reflected about the midline (computed once)."""
        return self._mirror_image


def polygon_contains(polygon: tuple[Point, ...], point: Point) -> bool:
    """Even-odd rule point-in-polygon test."""
    x, y = point
    inside = False
    n = len(polygon)
    for i in range(n):
        (x1, y1), (x2, y2) = polygon[i], polygon[(i + 1) % n]
        if (y1 > y) != (y2 > y) and x < x1 + (y - y1) * (x2 - x1) / (y2 - y1):
            inside = not inside
    return inside
