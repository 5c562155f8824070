"""The scene: what the diagram shows between frames (areas and nodes on screen), from the settings and plan.

Everything is in screen face coordinates: the mirror is applied here, once, so painters and hit tests
never mirror anything themselves.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from massage_gui.core.anatomy import Anatomy, BodySide, default_anatomy
from massage_gui.core.frame import to_screen
from massage_gui.core.geometry import Point, polygon_contains
from massage_gui.core.settings import Settings
from massage_gui.core.skips import skipped_sides

AreaStatus = Literal["routine", "skipped", "unused"]


@dataclass(frozen=True)
class SceneArea:
    """One side of an area: its outline on screen and whether the routine works it, skips it or not."""

    area: str
    side: BodySide
    outline: tuple[Point, ...]
    status: AreaStatus


@dataclass(frozen=True)
class SceneNode:
    """One marker of a node group on screen; ``label`` is set on the one marker that carries the name."""

    node: str
    side: BodySide
    x: float
    y: float
    hidden: bool
    label: str = ""


@dataclass(frozen=True)
class Scene:
    """The still part of the diagram. Views paint it and ask it what lies under the pointer."""

    mirror: bool
    areas: tuple[SceneArea, ...]
    nodes: tuple[SceneNode, ...]
    show_labels: bool
    reduced_motion: bool

    def hit(self, point: Point) -> tuple[str, BodySide] | None:
        """The area and the side of the body under a screen point, or None."""
        for item in self.areas:
            if polygon_contains(item.outline, point):
                return item.area, item.side
        return None

    def area_at(self, point: Point) -> str | None:
        """The id of the area under a screen point, or None."""
        found = self.hit(point)
        return found[0] if found else None

    def status(self, area: str, side: BodySide | None = None) -> AreaStatus:
        """How ``area`` is shown (on ``side``; without a side: skipped if either side is)."""
        items = [item for item in self.areas if item.area == area and side in (None, item.side)]
        if any(item.status == "skipped" for item in items):
            return "skipped"
        return items[0].status if items else "unused"

    def outlines(self, area: str, sides: tuple[BodySide, ...] = ("right", "left")) -> tuple[tuple[Point, ...], ...]:
        """The outlines of ``area`` on those sides of the body, on screen."""
        return tuple(item.outline for item in self.areas if item.area == area and item.side in sides)

    def without_labels(self) -> Scene:
        return Scene(self.mirror, self.areas, self.nodes, False, self.reduced_motion)


def build_scene(settings: Settings, routine_areas: frozenset[str], anatomy: Anatomy | None = None) -> Scene:
    """The scene for a routine's areas under the user's settings (mirror, skipped areas, labels, motion)."""
    anatomy = anatomy or default_anatomy()
    mirror = settings.mirror
    areas: list[SceneArea] = []
    for area in anatomy.areas.values():
        skipped = skipped_sides(settings.skipped_areas, area.id)
        for side in ("right", "left"):
            status: AreaStatus = "routine" if area.id in routine_areas else "unused"
            if side in skipped:  # shown even where this routine does not go: a skip is easy to forget
                status = "skipped"
            outline = tuple(to_screen(p, mirror) for p in area.outline_for(side))
            areas.append(SceneArea(area.id, side, outline, status))
    nodes: list[SceneNode] = []
    for node in anatomy.nodes.values():
        sides: tuple[BodySide, ...] = ("center",) if node.center else ("right", "left")
        for i, side in enumerate(sides):
            x, y = to_screen(node.position(side), mirror)
            nodes.append(SceneNode(node.id, side, x, y, node.hidden, node.label if i == 0 else ""))
    return Scene(mirror, tuple(areas), tuple(nodes), settings.show_labels, settings.reduced_motion)
