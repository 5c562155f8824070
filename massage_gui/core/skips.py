"""Skipped areas, per side: ``cheeks`` skips both cheeks, ``cheeks:right`` only the user's right one.

A set of skips is kept normalised: both sides of an area skipped are written as the area alone, and an
area skipped whole swallows its sides. Old settings (plain area ids) load unchanged.
"""

from __future__ import annotations

from collections.abc import Iterable

from massage_gui.core.anatomy import AREA_IDS, BodySide

SKIP_SIDES: tuple[BodySide, ...] = ("left", "right")  # breathing has no sides: it is skipped whole or not


def skip_ids() -> tuple[str, ...]:
    """Every value a skip may take: an area id, or an area id with ``:left`` or ``:right``."""
    return tuple(AREA_IDS) + tuple(f"{area}:{side}" for area in AREA_IDS if area != "breathing" for side in SKIP_SIDES)


def parse_skip(text: str) -> tuple[str, BodySide | None]:
    """``"cheeks:right"`` -> ("cheeks", "right"); ``"cheeks"`` -> ("cheeks", None). ValueError if unknown."""
    area, colon, side = text.partition(":")
    if area not in AREA_IDS or (colon and area == "breathing"):
        raise ValueError(text)
    if not colon:
        return area, None
    for known in SKIP_SIDES:
        if side == known:
            return area, known
    raise ValueError(text)


def normalised(skips: Iterable[str]) -> frozenset[str]:
    """The same skips in their one written form: a whole area as its id, one side as ``area:side``."""
    sides: dict[str, set[str]] = {}
    for text in skips:
        area, side = parse_skip(text)
        sides.setdefault(area, set()).update(SKIP_SIDES if side is None else (side,))
    result: set[str] = set()
    for area, skipped in sides.items():
        if area == "breathing" or skipped >= set(SKIP_SIDES):
            result.add(area)
        else:
            result.update(f"{area}:{side}" for side in skipped)
    return frozenset(result)


def skipped_sides(skips: frozenset[str], area: str) -> frozenset[BodySide]:
    """The sides of ``area`` that are skipped (both for a whole area)."""
    if area in skips:
        return frozenset(SKIP_SIDES)
    return frozenset(side for side in SKIP_SIDES if f"{area}:{side}" in skips)


def toggle(skips: frozenset[str], area: str, side: BodySide | None = None) -> frozenset[str]:
    """Skip ``side`` of ``area`` (both sides when None), or bring it back if it is skipped."""
    now = skipped_sides(skips, area)
    whole = side is None or area == "breathing"  # any skipped side comes back with the whole area
    after = (frozenset() if now else frozenset(SKIP_SIDES)) if whole else now ^ {side}
    others = [text for text in skips if parse_skip(text)[0] != area]
    if area == "breathing":
        return normalised([*others, *([area] if after else [])])
    return normalised([*others, *(f"{area}:{s}" for s in after)])


def skipped_areas(skips: frozenset[str]) -> frozenset[str]:
    """The areas with at least one side skipped."""
    return frozenset(parse_skip(text)[0] for text in skips)
