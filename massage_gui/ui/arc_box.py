"""The box around a piece of a ring's band, in plain numbers: it runs at each move of the dial's ring, where
each Qt object made from Python costs more than the sums."""

from __future__ import annotations

import math


def arc_box(
    cx: float, cy: float, radius: float, half_width: float, start_deg: float, end_deg: float
) -> tuple[float, float, float, float]:
    """(left, top, right, bottom) around the band ``half_width`` either side of a circle of ``radius`` about
    (``cx``, ``cy``), from ``start_deg`` to ``end_deg``: Qt's angles, anticlockwise from 3 o'clock, on a page
    whose y runs down. Its ends and the quarter points it passes bound it."""
    low, high = sorted((start_deg, end_deg))
    angles = [low, high, *(90.0 * k for k in range(math.ceil(low / 90), math.floor(high / 90) + 1))]
    xs, ys = [], []
    for angle in angles:
        cos, sin = math.cos(math.radians(angle)), math.sin(math.radians(angle))
        for reach in (radius - half_width, radius + half_width):
            xs.append(cx + reach * cos)
            ys.append(cy - reach * sin)
    return min(xs), min(ys), max(xs), max(ys)
