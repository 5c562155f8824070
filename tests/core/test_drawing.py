"""The face drawing's curves: the spline through the control points, sampled (core/drawing.py)."""

from __future__ import annotations

import math
from itertools import pairwise

import pytest

from massage_gui.core.drawing import SAMPLE_STEP, sample_curve


def _on_circle(count: int, radius: float = 0.2) -> tuple[tuple[float, float], ...]:
    return tuple(
        (0.5 + radius * math.cos(2 * math.pi * k / count), 0.5 + radius * math.sin(2 * math.pi * k / count))
        for k in range(count)
    )


def test_a_closed_spline_through_points_on_a_circle_follows_the_circle() -> None:
    points = _on_circle(12)
    samples = sample_curve(points, smooth=True, closed=True, corners=frozenset())
    assert len(samples) > 12 * 10
    worst = max(abs(math.dist(p, (0.5, 0.5)) - 0.2) for p in samples)
    assert worst < 0.0005  # a periodic cubic spline through 12 points of a circle stays this close to it
    for point in points:  # it passes through every control point
        assert min(math.dist(point, s) for s in samples) < 1e-12


def test_an_open_spline_through_points_on_a_line_stays_on_the_line() -> None:
    points = ((0.1, 0.2), (0.3, 0.3), (0.4, 0.35), (0.7, 0.5))
    samples = sample_curve(points, smooth=True, closed=False, corners=frozenset())
    assert samples[0] == points[0]
    assert samples[-1] == points[-1]
    for x, y in samples:
        assert y == pytest.approx(0.15 + 0.5 * x, abs=1e-12)
    steps = [math.dist(a, b) for a, b in pairwise(samples)]
    assert max(steps) <= SAMPLE_STEP + 1e-12
