"""The ways round a treated neck side in assets/anatomy.json: the armpit node, the upper chest, and each area's
"across" and "armpit" paths (read as plain JSON, so these check the data itself)."""

from __future__ import annotations

import itertools
import json
import math
from typing import Any

import pytest

from massage_gui.core.assets import assets_dir
from massage_gui.core.geometry import Point, StrokePath, mirror_x, polygon_contains

DATA: dict[str, Any] = json.loads((assets_dir() / "anatomy.json").read_text(encoding="utf-8"))
LOWER_FACE = ("under_chin", "jawline", "chin", "upper_lip", "cheeks", "nose")
UPPER_FACE = ("under_eyes", "temples", "forehead")
FACE = LOWER_FACE + UPPER_FACE
ARMPIT_AREAS = ("collarbone", "neck_side", "neck_back", "behind_ear", "front_of_ear", *FACE)
SAMPLES = 200
PULSE_MARGIN = 0.05  # face units between any path and the edge of the pulse circle


def _point(raw: Any) -> Point:
    return (float(raw[0]), float(raw[1]))


def _points(raw: Any) -> tuple[Point, ...]:
    return tuple(_point(p) for p in raw)


def _node(node: str) -> Point:
    return _point(DATA["nodes"][node]["at"])


def _outline(area: str) -> tuple[Point, ...]:
    return _points(DATA["areas"][area]["outline"])


def _reroutes() -> list[tuple[str, str, tuple[Point, ...]]]:
    """(area, kind, right-side control points) for every reroute path in the file."""
    out = []
    for area, entry in DATA["reroutes"].items():
        if area == "comment":
            continue
        if "across" in entry:
            out.append((area, "across", _points(entry["across"]["path"])))
        if "armpit" in entry:
            out.append((area, "armpit", _points(entry["armpit"])))
    return out


ALL_PATHS = [*_reroutes(), ("chest", "axillary", _points(DATA["areas"]["chest"]["paths"]["axillary"]))]
PATH_IDS = [f"{area}-{kind}" for area, kind, _ in ALL_PATHS]


def _samples(points: tuple[Point, ...]) -> list[Point]:
    path = StrokePath(points)
    return [path.point_at(i / SAMPLES) for i in range(SAMPLES + 1)]


def _segments_cross(a: Point, b: Point, c: Point, d: Point) -> bool:
    def turn(p: Point, q: Point, r: Point) -> float:
        return (q[0] - p[0]) * (r[1] - p[1]) - (q[1] - p[1]) * (r[0] - p[0])

    return turn(a, b, c) * turn(a, b, d) < 0 and turn(c, d, a) * turn(c, d, b) < 0


def _edges(polygon: tuple[Point, ...]) -> list[tuple[Point, Point]]:
    return [(p, polygon[(i + 1) % len(polygon)]) for i, p in enumerate(polygon)]


def _polygons_overlap(one: tuple[Point, ...], two: tuple[Point, ...]) -> bool:
    if any(polygon_contains(two, p) for p in one) or any(polygon_contains(one, p) for p in two):
        return True
    return any(_segments_cross(a, b, c, d) for (a, b), (c, d) in itertools.product(_edges(one), _edges(two)))


def test_the_armpit_node_and_the_upper_chest_are_there() -> None:
    axillary = DATA["nodes"]["axillary"]
    assert axillary["label"] == "Armpit"
    assert axillary["toward"] == "toward the armpit"
    assert _node("axillary")[0] < 0.5, "given for the subject's right side"
    chest = DATA["areas"]["chest"]
    assert chest["label"] == "Upper chest"
    assert chest["positions"] == 2
    assert set(chest["paths"]) == {"axillary"}
    assert _points(chest["paths"]["axillary"])[-1] == _node("axillary")


def test_every_area_has_the_reroutes_it_needs_and_no_others() -> None:
    reroutes = DATA["reroutes"]
    assert isinstance(reroutes.get("comment"), str)
    assert reroutes["comment"].strip()
    assert set(reroutes) - {"comment"} == set(ARMPIT_AREAS)
    for area in ARMPIT_AREAS:
        assert area in DATA["areas"], area
        kinds = {"across", "armpit"} if area in FACE else {"armpit"}
        assert set(reroutes[area]) == kinds, area
    for area in LOWER_FACE:
        assert reroutes[area]["across"]["node"] == "submandibular", area
    for area in UPPER_FACE:
        assert reroutes[area]["across"]["node"] == "preauricular", area


@pytest.mark.parametrize("area", FACE)
def test_across_paths_end_at_the_other_sides_node(area: str) -> None:
    across = DATA["reroutes"][area]["across"]
    path = _points(across["path"])
    assert path[-1] == mirror_x(_node(across["node"]))
    assert path[0][0] < 0.5 < path[-1][0], "from the right side over the midline"


@pytest.mark.parametrize("area", ARMPIT_AREAS)
def test_armpit_paths_end_at_the_armpit_node_of_the_same_side(area: str) -> None:
    assert _points(DATA["reroutes"][area]["armpit"])[-1] == _node("axillary")


@pytest.mark.parametrize(("area", "kind", "points"), ALL_PATHS, ids=PATH_IDS)
def test_paths_start_inside_their_area_where_the_hands_rest(area: str, kind: str, points: tuple[Point, ...]) -> None:
    outline = _outline(area)
    assert polygon_contains(outline, points[0]), f"{area} {kind} starts outside its area"
    inside = [polygon_contains(outline, p) for p in _samples(points)]
    leaves = inside.index(False) if False in inside else len(inside)
    assert not any(inside[leaves:]), f"{area} {kind} comes back into its area after leaving it"


@pytest.mark.parametrize(("area", "kind", "points"), ALL_PATHS, ids=PATH_IDS)
def test_paths_keep_clear_of_the_pulse(area: str, kind: str, points: tuple[Point, ...]) -> None:
    pulse = DATA["no_press"]["pulse"]
    centers = (_point(pulse["at"]), mirror_x(_point(pulse["at"])))
    clearance = min(math.dist(p, c) for p in _samples(points) for c in centers) - float(pulse["radius"])
    assert clearance >= PULSE_MARGIN, f"{area} {kind} passes {clearance:.3f} from the pulse"


def test_the_upper_chest_lies_apart_from_the_collarbone_hollow_and_the_breathing_area() -> None:
    chest = _outline("chest")
    assert not _polygons_overlap(chest, _outline("collarbone"))
    assert not _polygons_overlap(chest, _outline("breathing"))
    assert not _polygons_overlap(chest, tuple(mirror_x(p) for p in chest)), "the two sides meet"


def test_the_overlap_check_can_fail() -> None:
    square = ((0.0, 0.0), (1.0, 0.0), (1.0, 1.0), (0.0, 1.0))
    assert _polygons_overlap(square, ((0.5, 0.5), (2.0, 0.5), (2.0, 2.0)))
    assert _polygons_overlap(square, ((-0.5, 0.4), (1.5, 0.4), (1.5, 0.6), (-0.5, 0.6)))  # crossing, no vertex in
    assert not _polygons_overlap(square, ((2.0, 0.0), (3.0, 0.0), (3.0, 1.0)))


def test_the_armpits_and_every_path_lie_on_the_drawing() -> None:
    left, top, right, bottom = json.loads((assets_dir() / "face.json").read_text(encoding="utf-8"))["bounds"]

    def on_page(p: Point) -> bool:
        return left <= p[0] <= right and top <= p[1] <= bottom

    for p in (_node("axillary"), mirror_x(_node("axillary")), *_outline("chest")):
        assert on_page(p), p
    for area, kind, points in ALL_PATHS:
        for p in _samples(points):
            assert on_page(p), (area, kind, p)
            assert on_page(mirror_x(p)), (area, kind, p)


def test_the_pulse_zone_names_the_way_round_a_treated_side_in_the_data(tmp_path: Any) -> None:
    """Steps sent down the neck to the armpit show the pulse zone because anatomy.json says so (its
    ``routes``), not by a rule written into the code; an unknown route there is refused by name."""
    from massage_gui.core.anatomy import load_anatomy
    from massage_gui.core.errors import DataError

    pulse = load_anatomy(assets_dir() / "anatomy.json").no_press[0]
    assert pulse.routes == {"armpit"}
    assert pulse.applies_to("cheeks", "axillary", "armpit")
    assert not pulse.applies_to("cheeks", "submandibular", "across")
    data = json.loads((assets_dir() / "anatomy.json").read_text(encoding="utf-8"))
    data["no_press"]["pulse"]["routes"] = ["sideways"]
    bad = tmp_path / "anatomy.json"
    bad.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(DataError, match=r"no_press.*routes"):
        load_anatomy(bad)
