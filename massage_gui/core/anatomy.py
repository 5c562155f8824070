"""Node groups, massage areas and their stroke paths, in normalised face coordinates."""

from __future__ import annotations

import dataclasses
import json
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, Literal

from massage_gui.core.assets import assets_dir
from massage_gui.core.errors import DataError
from massage_gui.core.geometry import Point, StrokePath, mirror_x, polygon_contains
from massage_gui.core.i18n import translate

Side = Literal["both", "left", "right", "center"]
BodySide = Literal["left", "right", "center"]

NODE_IDS: tuple[str, ...] = (
    "terminus",
    "deep_cervical",
    "submandibular",
    "submental",
    "preauricular",
    "mastoid",
    "occipital",
    "axillary",
)

# docs/routine-format.md's table: each area and the nodes its strokes may drain toward, first the usual one.
DRAINS_TOWARD: dict[str, tuple[str, ...]] = {
    "collarbone": ("terminus",),
    "neck_side": ("terminus", "deep_cervical"),
    "neck_back": ("terminus", "deep_cervical"),
    "behind_ear": ("mastoid", "deep_cervical"),
    "front_of_ear": ("preauricular", "deep_cervical"),
    "under_chin": ("submental", "submandibular"),
    "jawline": ("submandibular", "preauricular"),
    "chin": ("submental", "submandibular"),
    "upper_lip": ("submandibular",),
    "cheeks": ("submandibular", "preauricular"),
    "nose": ("submandibular", "preauricular"),
    "under_eyes": ("preauricular", "submandibular"),
    "temples": ("preauricular",),
    "forehead": ("preauricular",),
    "breathing": (),
    "chest": ("axillary",),
}
AREA_IDS: tuple[str, ...] = tuple(DRAINS_TOWARD)
NECK_AREAS: frozenset[str] = frozenset({"collarbone", "neck_side", "neck_back"})
FACE_AREAS: frozenset[str] = frozenset(
    {"under_chin", "jawline", "chin", "upper_lip", "cheeks", "nose", "under_eyes", "temples", "forehead"}
)
# The ways round a treated neck side (nodes removed or irradiated): "across" the midline to the other side's
# nodes (the face, when one side was treated), or down over the collarbone to the "armpit" of the same side.
REROUTE_KINDS: tuple[str, ...] = ("across", "armpit")
ACROSS_AREAS: frozenset[str] = FACE_AREAS
ARMPIT_AREAS: frozenset[str] = FACE_AREAS | NECK_AREAS | {"behind_ear", "front_of_ear"}
STROKES: tuple[str, ...] = ("breath", "circles", "stretch", "sweep")
SIDES: tuple[Side, ...] = ("both", "left", "right", "center")


def body_sides(side: Side) -> tuple[BodySide, ...]:
    """The body sides a step works on; ``center`` means one hand on the midline, drawn on both halves."""
    if side == "both":
        return ("right", "left")
    return (side,)


@dataclass(frozen=True)
class Node:
    """A lymph node group; ``at`` is its right-side position (or its midline one when ``center``).
    ``label`` names it on its own ("Under the jaw"), ``in_text`` inside a sentence ("under the jaw")."""

    id: str
    label: str
    at: Point
    toward_phrase: str
    center: bool = False
    hidden: bool = False
    in_text: str = ""

    def position(self, side: BodySide) -> Point:
        """Position in photo coordinates (the user's right at x < 0.5)."""
        if self.center or side == "right":
            return self.at
        if side == "left":
            return mirror_x(self.at)
        raise ValueError(f"node {self.id} has no {side} position")

    def sides(self, side: Side) -> tuple[BodySide, ...]:
        """The node markers a step on ``side`` drains toward."""
        if self.center:
            return ("center",)
        if side == "center":
            return ("right", "left")
        return body_sides(side)


@dataclass(frozen=True)
class Area:
    """Where the hands work: a right-side outline and one right-side stroke path per node it drains toward.
    ``label`` names it on its own ("Cheeks"), ``in_text`` inside a sentence ("cheeks")."""

    id: str
    label: str
    outline: tuple[Point, ...]
    paths: dict[str, StrokePath]
    in_text: str = ""
    positions: int = 1  # the spots the hands work, one after the other, unless a routine step says otherwise
    reroutes: dict[str, tuple[str, StrokePath]] = field(default_factory=dict)  # kind -> (node, right-side path)

    @property
    def drains_toward(self) -> tuple[str, ...]:
        return DRAINS_TOWARD[self.id]

    def outline_for(self, side: BodySide) -> tuple[Point, ...]:
        if side == "left":
            return tuple(mirror_x(p) for p in self.outline)
        return self.outline

    def path(self, node: str, side: BodySide) -> StrokePath:
        """The stroke path toward ``node`` on one body side, in photo coordinates."""
        path = self.paths[node]
        return path.mirrored() if side == "left" else path

    def route(self, kind: str, node: str, side: BodySide) -> StrokePath:
        """The path a stroke takes on one body side: the usual one toward ``node``, or a way round a treated
        neck side (``kind`` "across" or "armpit")."""
        if kind == "usual":
            return self.path(node, side)
        path = self.reroutes[kind][1]
        return path.mirrored() if side == "left" else path

    def contains(self, point: Point) -> bool:
        """Whether a photo-coordinate point lies in this area on either side."""
        return polygon_contains(self.outline, point) or polygon_contains(self.outline_for("left"), point)


@dataclass(frozen=True)
class NoPressZone:
    """A place never to press (the carotid pulse): a right-side circle, mirrored to the left, shown on
    the steps that work one of ``areas``, drain toward one of ``toward`` or are sent one of ``routes``
    (``armpit``: down the neck round a treated side)."""

    id: str
    label: str
    at: Point
    radius: float
    areas: frozenset[str]
    toward: frozenset[str]
    routes: frozenset[str] = frozenset()

    def applies_to(self, area: str, toward: str | None, route: str = "usual") -> bool:
        return area in self.areas or (toward is not None and toward in self.toward) or route in self.routes

    def centers(self) -> tuple[Point, Point]:
        """Both sides' centres in photo coordinates (right first)."""
        return self.at, mirror_x(self.at)


@dataclass(frozen=True)
class Anatomy:
    """All nodes and areas, validated against the ids routine files use."""

    nodes: dict[str, Node]
    areas: dict[str, Area]
    no_press: tuple[NoPressZone, ...] = ()

    def no_press_for(self, area: str, toward: str | None, route: str = "usual") -> tuple[NoPressZone, ...]:
        """The no-press zones to show while ``area`` is worked toward ``toward`` (by ``route``)."""
        return tuple(zone for zone in self.no_press if zone.applies_to(area, toward, route))

    def area_at(self, point: Point) -> str | None:
        """The id of the area under a photo-coordinate point, or None."""
        for area in self.areas.values():
            if area.contains(point):
                return area.id
        return None


def _point(value: Any, where: str) -> Point:
    if (
        not isinstance(value, list)
        or len(value) != 2
        or not all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in value)
    ):
        raise DataError(f"{where}: expected [x, y]")
    return (float(value[0]), float(value[1]))


def _translated(text: str) -> str:
    """A label or phrase in the UI's language (the catalog in strings_catalog.py lists them for lupdate)."""
    return translate("anatomy", text)


def parse_anatomy(data: Any, source: str = "anatomy.json") -> Anatomy:
    """Build the anatomy from its JSON data, checking that it covers exactly the ids of docs/routine-format.md.
    Labels and phrases come out in the UI's language (English without a translator)."""
    if not isinstance(data, dict):
        raise DataError(f"{source}: expected an object")
    raw_nodes, raw_areas = data.get("nodes"), data.get("areas")
    if not isinstance(raw_nodes, dict) or set(raw_nodes) != set(NODE_IDS):
        raise DataError(f"{source}: nodes must be exactly {', '.join(NODE_IDS)}")
    if not isinstance(raw_areas, dict) or set(raw_areas) != set(AREA_IDS):
        raise DataError(f"{source}: areas must be exactly {', '.join(AREA_IDS)}")
    nodes = {
        node_id: Node(
            id=node_id,
            label=_translated(str(raw["label"])),
            at=_point(raw["at"], f"{source}: nodes.{node_id}.at"),
            toward_phrase=_translated(str(raw["toward"])),
            center=bool(raw.get("center", False)),
            hidden=bool(raw.get("hidden", False)),
            in_text=_translated(str(raw["label"]).lower()),
        )
        for node_id, raw in ((n, raw_nodes[n]) for n in NODE_IDS)
    }
    areas: dict[str, Area] = {}
    for area_id in AREA_IDS:
        raw = raw_areas[area_id]
        where = f"{source}: areas.{area_id}"
        paths = raw.get("paths", {})
        if set(paths) != set(DRAINS_TOWARD[area_id]):
            raise DataError(f"{where}.paths: expected paths toward {', '.join(DRAINS_TOWARD[area_id]) or 'nothing'}")
        positions = raw.get("positions", 1)
        if isinstance(positions, bool) or not isinstance(positions, int) or not 1 <= positions <= 6:
            raise DataError(f"{where}.positions: expected a whole number from 1 to 6")
        areas[area_id] = Area(
            id=area_id,
            positions=positions,
            label=_translated(str(raw["label"])),
            in_text=_translated(str(raw["label"]).lower()),
            outline=tuple(_point(p, f"{where}.outline[{i}]") for i, p in enumerate(raw["outline"])),
            paths={
                node: StrokePath(tuple(_point(p, f"{where}.paths.{node}[{i}]") for i, p in enumerate(points)))
                for node, points in paths.items()
            },
        )
    _add_reroutes(areas, data.get("reroutes"), source)
    return Anatomy(nodes=nodes, areas=areas, no_press=_no_press_zones(data.get("no_press", {}), source))


def _add_reroutes(areas: dict[str, Area], raw: Any, source: str) -> None:
    """The paths round a treated neck side: every face area goes "across" (to the other side's node named
    with it) and every face and neck area down to the "armpit" (the axillary node of the same side)."""
    if not isinstance(raw, dict):
        raise DataError(f"{source}: reroutes: expected an object")
    for area_id in sorted(ACROSS_AREAS | ARMPIT_AREAS):
        item = raw.get(area_id)
        where = f"{source}: reroutes.{area_id}"
        if not isinstance(item, dict):
            raise DataError(f"{where}: missing")
        found: dict[str, tuple[str, StrokePath]] = {}
        if area_id in ACROSS_AREAS:
            across = item.get("across")
            if not isinstance(across, dict) or across.get("node") not in ("submandibular", "preauricular"):
                raise DataError(f"{where}.across: expected {{node: submandibular or preauricular, path}}")
            found["across"] = (str(across["node"]), _path(across.get("path"), f"{where}.across.path"))
        if area_id in ARMPIT_AREAS:
            found["armpit"] = ("axillary", _path(item.get("armpit"), f"{where}.armpit"))
        areas[area_id] = dataclasses.replace(areas[area_id], reroutes=found)


def _path(points: Any, where: str) -> StrokePath:
    if not isinstance(points, list) or len(points) < 2:
        raise DataError(f"{where}: expected a list of at least two [x, y] points")
    return StrokePath(tuple(_point(p, f"{where}[{i}]") for i, p in enumerate(points)))


def _ids(value: Any, allowed: tuple[str, ...], where: str) -> frozenset[str]:
    if not isinstance(value, list) or not all(isinstance(v, str) and v in allowed for v in value):
        raise DataError(f"{where}: expected a list of ids from {', '.join(allowed)}")
    return frozenset(value)


def _no_press_zones(raw: Any, source: str) -> tuple[NoPressZone, ...]:
    if not isinstance(raw, dict):
        raise DataError(f"{source}: no_press must be an object")
    zones = []
    for zone_id, item in raw.items():
        where = f"{source}: no_press.{zone_id}"
        radius = item.get("radius") if isinstance(item, dict) else None
        if not isinstance(radius, (int, float)) or isinstance(radius, bool) or not 0 < radius < 0.5:
            raise DataError(f"{where}.radius: expected a number from 0 to 0.5")
        zones.append(
            NoPressZone(
                id=zone_id,
                label=_translated(str(item["label"])),
                at=_point(item.get("at"), f"{where}.at"),
                radius=float(radius),
                areas=_ids(item.get("areas", []), AREA_IDS, f"{where}.areas"),
                toward=_ids(item.get("toward", []), NODE_IDS, f"{where}.toward"),
                routes=_ids(item.get("routes", []), REROUTE_KINDS, f"{where}.routes"),
            )
        )
    return tuple(zones)


def load_anatomy(path: Path) -> Anatomy:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise DataError(f"{path}: cannot read anatomy data ({exc})") from None
    return parse_anatomy(data, str(path))


@lru_cache(maxsize=1)
def default_anatomy() -> Anatomy:
    """The anatomy shipped in ``assets/anatomy.json`` (read once, in the UI's language at that time:
    the UI clears this cache when it installs a translator)."""
    return load_anatomy(assets_dir() / "anatomy.json")
