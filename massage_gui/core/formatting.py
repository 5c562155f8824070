"""How times are written for people: the same ``m:ss`` in the window, the compact window and the CLI."""

from __future__ import annotations

import math


def clock(seconds: float) -> str:
    """``m:ss``, rounded up so that a countdown never shows 0:00 while time remains."""
    whole = max(0, math.ceil(seconds - 1e-9))
    return f"{whole // 60}:{whole % 60:02d}"
