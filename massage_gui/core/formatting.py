"""How times are written for people: the same ``m:ss`` in the window, the compact window and the CLI, and
stored UTC moments as the user's wall clock showed them."""

from __future__ import annotations

import datetime as dt
import functools
import math


def clock(seconds: float) -> str:
    """``m:ss``, rounded up so that a countdown never shows 0:00 while time remains."""
    whole = max(0, math.ceil(seconds - 1e-9))
    return f"{whole // 60}:{whole % 60:02d}"


def wall_time(utc_iso: str, offset_min: int) -> dt.datetime:
    """A stored UTC moment in the user's local time then (``offset_min`` east of UTC), as an aware datetime."""
    return dt.datetime.fromisoformat(utc_iso).astimezone(_zone(offset_min))


@functools.lru_cache(maxsize=256)
def _zone(offset_min: int) -> dt.timezone:
    return dt.timezone(dt.timedelta(minutes=offset_min))
