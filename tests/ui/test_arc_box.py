"""The box around a piece of a ring's band (ui/arc_box.py), shared by the dial and the played circles."""

from __future__ import annotations

import pytest

from massage_gui.ui.arc_box import arc_box


def test_a_quarter_is_bounded_by_its_ends() -> None:
    left, top, right, bottom = arc_box(0.0, 0.0, 10.0, 1.0, 0.0, 90.0)  # 3 o'clock to 12, y down
    assert (left, top, right, bottom) == pytest.approx((0.0, -11.0, 11.0, 0.0), abs=1e-9)


def test_the_quarter_points_passed_bound_it_too() -> None:
    """From 12 o'clock anticlockwise to 6: the band's leftmost point is at 9 o'clock, not at either end."""
    left, top, right, bottom = arc_box(5.0, 5.0, 10.0, 1.0, 270.0, 90.0)
    assert (left, top, right, bottom) == pytest.approx((-6.0, -6.0, 5.0, 16.0), abs=1e-9)
