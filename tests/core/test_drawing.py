"""The face drawing's curves: the spline through the control points as Bézier segments, arcs (core/drawing.py)."""

from __future__ import annotations

import itertools
import math

import pytest

from massage_gui.core.drawing import Segment, Shape, curve_path, default_drawing, parse_drawing
from massage_gui.core.errors import DataError
from massage_gui.core.geometry import Point


def _on_circle(count: int, radius: float = 0.2) -> tuple[tuple[float, float], ...]:
    return tuple(
        (0.5 + radius * math.cos(2 * math.pi * k / count), 0.5 + radius * math.sin(2 * math.pi * k / count))
        for k in range(count)
    )


def _walk(start: Point, segments: tuple[Segment, ...], per_segment: int = 20) -> list[Point]:
    """Points along the path, as a painter draws it: lines, and each cubic Bézier at ``per_segment`` steps."""
    out = [start]
    for segment in segments:
        p0 = out[-1]
        if len(segment) == 1:
            out.append(segment[0])
            continue
        p1, p2, p3 = segment
        for step in range(1, per_segment + 1):
            t = step / per_segment
            u = 1 - t
            x, y = (
                u**3 * a + 3 * u * u * t * b + 3 * u * t * t * c + t**3 * d
                for a, b, c, d in zip(p0, p1, p2, p3, strict=True)
            )
            out.append((x, y))
    return out


def test_a_closed_spline_through_points_on_a_circle_follows_the_circle() -> None:
    points = _on_circle(12)
    start, segments = curve_path(points, smooth=True, closed=True, corners=frozenset())
    assert start == points[0]
    assert [s[-1] for s in segments] == [*points[1:], points[0]]  # through every point, back to the start
    worst = max(abs(math.dist(p, (0.5, 0.5)) - 0.2) for p in _walk(start, segments))
    assert worst < 0.0005  # a periodic cubic spline through 12 points of a circle stays this close to it


def test_an_open_spline_through_points_on_a_line_stays_on_the_line() -> None:
    points = ((0.1, 0.2), (0.3, 0.3), (0.4, 0.35), (0.7, 0.5))
    start, segments = curve_path(points, smooth=True, closed=False, corners=frozenset())
    assert start == points[0]
    assert [s[-1] for s in segments] == list(points[1:])
    for x, y in _walk(start, segments):
        assert y == pytest.approx(0.15 + 0.5 * x, abs=1e-12)


def test_the_spline_turns_smoothly_through_each_point_and_sharply_at_a_corner() -> None:
    points = ((0.1, 0.1), (0.3, 0.3), (0.5, 0.1), (0.7, 0.3), (0.9, 0.1))
    _, segments = curve_path(points, smooth=True, closed=False, corners=frozenset({2}))
    for (_, before, joint), (after, _, _) in itertools.pairwise(segments):
        incoming = (joint[0] - before[0], joint[1] - before[1])
        outgoing = (after[0] - joint[0], after[1] - joint[1])
        cross = incoming[0] * outgoing[1] - incoming[1] * outgoing[0]
        if joint == points[2]:
            assert abs(cross) > 1e-3  # the corner: the curve changes direction there
        else:
            assert cross == pytest.approx(0.0, abs=1e-12)  # the tangents line up: no kink


def test_straight_shapes_are_lines_between_their_points() -> None:
    start, segments = curve_path(((0.0, 0.0), (1.0, 0.0), (1.0, 1.0)), smooth=False, closed=True, corners=frozenset())
    assert (start, segments) == ((0.0, 0.0), (((1.0, 0.0),), ((1.0, 1.0),)))


def _drawing(shape: dict[str, object]) -> tuple[Shape, ...]:
    data = {"schema": "massage-gui/face-art", "version": 1, "bounds": [0, 0, 1, 1], "shapes": [shape]}
    return parse_drawing(data).shapes


@pytest.mark.parametrize("sweep", [(0.0, 360.0), (30.0, 200.0), (90.0, -45.0)])
def test_a_circle_is_drawn_on_its_circle(sweep: tuple[float, float]) -> None:
    from_deg, to_deg = sweep
    circle = {"center": [0.5, 0.4], "radius": 0.1}
    if sweep != (0.0, 360.0):
        circle |= {"from_deg": from_deg, "to_deg": to_deg}
    (shape,) = _drawing({"id": "iris", "style": "feature", "circle": circle})
    walked = _walk(shape.start, shape.segments)
    assert max(abs(math.dist(p, (0.5, 0.4)) - 0.1) for p in walked) < 0.1 * 0.0003
    end = math.radians(to_deg)
    assert walked[-1] == pytest.approx((0.5 + 0.1 * math.cos(end), 0.4 + 0.1 * math.sin(end)), abs=1e-12)
    assert shape.closed == (sweep == (0.0, 360.0))


def test_a_pair_is_mirrored_across_the_midline() -> None:
    right, left = _drawing(
        {"id": "brow", "style": "feature", "mirror": "pair", "points": [[0.2, 0.3], [0.3, 0.25], [0.4, 0.3]]}
    )
    assert (right.side, left.side) == ("right", "left")
    assert left.start == (0.8, 0.3)
    for mine, theirs in zip(right.segments, left.segments, strict=True):
        for (x, y), (their_x, their_y) in zip(mine, theirs, strict=True):
            assert (1 - x, y) == pytest.approx((their_x, their_y), abs=1e-12)


def test_a_circle_cannot_be_spliced_into_another_shape() -> None:
    data = {
        "schema": "massage-gui/face-art", "version": 1, "bounds": [0, 0, 1, 1],
        "shapes": [
            {"id": "arc", "style": "detail", "circle": {"center": [0.5, 0.5], "radius": 0.1, "to_deg": 90}},
            {"id": "line", "style": "detail", "points": ["arc", [0.9, 0.9]]},
        ],
    }  # fmt: skip
    with pytest.raises(DataError, match=r"shapes\[1\] \(line\)\.points\[0\]: 'arc' is not an earlier open shape"):
        parse_drawing(data)


def test_the_shipped_drawing_is_a_few_hundred_segments() -> None:
    """The window draws curves, not thousands of sampled points: 6,450 before, each a Python tuple and a lineTo."""
    segments = sum(len(shape.segments) for shape in default_drawing().shapes)
    assert 100 < segments < 1000
