"""The face-and-neck line art from ``assets/face.json``: validated shapes as lines and cubic Bézier curves, mirrored,
in face coordinates."""

from __future__ import annotations

import itertools
import math
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from massage_gui.core.assets import assets_dir
from massage_gui.core.errors import DataError
from massage_gui.core.geometry import Point, mirror_x
from massage_gui.core.strictjson import loads_strict

Style = Literal["fill", "outline", "feature", "detail"]
ShapeSide = Literal["right", "left", "center"]
Mirror = Literal["pair", "join", "none"]
# One piece of a shape's path: (end,) a straight line to ``end``; (control1, control2, end) a cubic Bézier curve.
Segment = tuple[Point, ...]

STYLES: tuple[Style, ...] = ("fill", "outline", "feature", "detail")
MIRRORS: tuple[Mirror, ...] = ("pair", "join", "none")
SCHEMA = "massage-gui/face-art"
MAX_FILE_BYTES = 512 * 1024
MAX_POINTS = 400
MIDLINE_EPS = 1e-9
MIN_SPACING = 1e-4  # neighbouring points closer than this make no sense and upset the spline

_SHAPE_KEYS = frozenset({"id", "style", "mirror", "closed", "filled", "smooth", "points", "corners", "circle"})
_CIRCLE_KEYS = frozenset({"center", "radius", "from_deg", "to_deg"})


@dataclass(frozen=True)
class Bounds:
    """The face-coordinate rectangle the whole drawing spans."""

    left: float
    top: float
    right: float
    bottom: float

    @property
    def width(self) -> float:
        return self.right - self.left

    @property
    def height(self) -> float:
        return self.bottom - self.top


@dataclass(frozen=True)
class Shape:
    """One drawn curve, ready to paint: photo coordinates (the subject's right at x < 0.5), a path from ``start``
    through ``segments`` (a closed shape's path ends where it starts, or is closed by a straight line).

    ``style`` says how to paint it: ``fill`` is only filled with the skin colour; the others are stroked
    (``outline`` heavy, ``feature`` medium, ``detail`` light) and, when ``filled``, also filled with the
    skin colour underneath every line (an open shape is filled as if closed by a straight line).
    """

    id: str
    side: ShapeSide
    style: Style
    closed: bool
    filled: bool
    start: Point
    segments: tuple[Segment, ...]

    def mirrored(self, side: ShapeSide) -> Shape:
        """The same shape reflected across the face's midline, on ``side``."""
        segments = tuple(tuple(mirror_x(p) for p in segment) for segment in self.segments)
        return Shape(self.id, side, self.style, self.closed, self.filled, mirror_x(self.start), segments)


@dataclass(frozen=True)
class Drawing:
    """All shapes in painting order (fills are meant to go first) and the drawing's bounds."""

    shapes: tuple[Shape, ...]
    bounds: Bounds

    def by_id(self, shape_id: str) -> tuple[Shape, ...]:
        """Every side of the shape called ``shape_id`` (right, left or center)."""
        return tuple(s for s in self.shapes if s.id == shape_id)


# --- curves -----------------------------------------------------------------------------------------------


def _solve(matrix: list[list[float]], rhs: list[list[float]]) -> list[list[float]]:
    """Solve ``matrix @ x = rhs`` (several right-hand sides) by Gaussian elimination with partial pivoting."""
    n = len(matrix)
    a = [row[:] + rhs_row[:] for row, rhs_row in zip(matrix, rhs, strict=True)]
    for col in range(n):
        pivot = max(range(col, n), key=lambda r: abs(a[r][col]))
        a[col], a[pivot] = a[pivot], a[col]
        for r in range(col + 1, n):
            f = a[r][col] / a[col][col]
            if f:
                a[r] = [x - f * y for x, y in zip(a[r], a[col], strict=True)]
    out = [[0.0] * len(rhs[0]) for _ in range(n)]
    for r in range(n - 1, -1, -1):
        for k in range(len(rhs[0])):
            acc = a[r][n + k] - sum(a[r][c] * out[c][k] for c in range(r + 1, n))
            out[r][k] = acc / a[r][r]
    return out


def _spline(points: list[Point], closed: bool) -> list[Segment]:
    """The interpolating cubic spline through ``points`` (curvature continuous; chord-length parameter; natural
    free ends when open, periodic when closed), one cubic Bézier segment a span, from ``points[0]``."""
    pts = [*points, points[0]] if closed else list(points)
    spans = len(pts) - 1
    h = [max(math.dist(pts[i], pts[i + 1]), 1e-9) for i in range(spans)]
    m = spans if closed else spans + 1  # unknown second derivatives
    matrix = [[0.0] * m for _ in range(m)]
    rhs = [[0.0, 0.0] for _ in range(m)]
    for i in range(m):
        if not closed and i in (0, spans):
            matrix[i][i] = 1.0  # natural end: no curvature
            continue
        prev, nxt = (i - 1) % spans, i % spans
        hp, hn = h[prev], h[nxt]
        matrix[i][(i - 1) % m] += hp
        matrix[i][i] += 2 * (hp + hn)
        matrix[i][(i + 1) % m] += hn
        a, b, c = pts[prev], pts[i % spans], pts[(i % spans) + 1]
        for k in (0, 1):
            rhs[i][k] = 6 * ((c[k] - b[k]) / hn - (b[k] - a[k]) / hp)
    second = _solve(matrix, rhs)
    out: list[Segment] = []
    for i in range(spans):
        hi = h[i]
        (x0, y0), (x1, y1) = pts[i], pts[i + 1]
        (mx0, my0), (mx1, my1) = second[i % m], second[(i + 1) % m]
        # The span's slopes at its ends, from the second derivatives m0 and m1 there: (p1 - p0) / h - h (2 m0 + m1)
        # / 6 and (p1 - p0) / h + h (m0 + 2 m1) / 6. The Bézier's control points lie a third of the span along them.
        third = hi / 3
        out.append(
            (
                (
                    x0 + third * ((x1 - x0) / hi - hi * (2 * mx0 + mx1) / 6),
                    y0 + third * ((y1 - y0) / hi - hi * (2 * my0 + my1) / 6),
                ),
                (
                    x1 - third * ((x1 - x0) / hi + hi * (mx0 + 2 * mx1) / 6),
                    y1 - third * ((y1 - y0) / hi + hi * (my0 + 2 * my1) / 6),
                ),
                (x1, y1),
            )
        )
    return out


def curve_path(
    points: tuple[Point, ...], *, smooth: bool, closed: bool, corners: frozenset[int]
) -> tuple[Point, tuple[Segment, ...]]:
    """The curve through ``points`` as a start and its segments: the spline through them when ``smooth``, broken
    into separate smooth pieces at the ``corners`` (indices into ``points``) so it turns sharply there; straight
    lines between them otherwise. A closed curve's last segment ends at its start (straight lines leave that to
    the painter's closing line)."""
    pts = list(points)
    if not smooth:
        return pts[0], tuple((p,) for p in pts[1:])
    if closed and not corners:
        return pts[0], tuple(_spline(pts, closed=True))
    if closed:
        first = min(corners)
        pts = pts[first:] + pts[: first + 1]  # start and end at a corner
        corners = frozenset((c - first) % len(points) for c in corners) | {len(points)}
    out: list[Segment] = []
    start = 0
    for cut in [*sorted(c for c in corners if 0 < c < len(pts) - 1), len(pts) - 1]:
        if cut - start >= 2:
            out.extend(_spline(pts[start : cut + 1], closed=False))
        else:
            out.extend((p,) for p in pts[start + 1 : cut + 1])
        start = cut
    return pts[0], tuple(out)


def _arc(center: Point, radius: float, from_deg: float, to_deg: float) -> tuple[Point, tuple[Segment, ...]]:
    """A circular arc as cubic Bézier segments of at most 90 degrees each (off the circle by 0.03 % of its radius
    at most)."""
    count = max(1, math.ceil(abs(to_deg - from_deg) / 90 - 1e-9))
    step = math.radians(to_deg - from_deg) / count
    reach = radius * 4 / 3 * math.tan(step / 4)  # how far along the tangent each control point lies
    cx, cy = center

    def at(angle: float) -> tuple[Point, Point]:
        cos, sin = math.cos(angle), math.sin(angle)
        return (cx + radius * cos, cy + radius * sin), (-sin, cos)

    start, _ = at(math.radians(from_deg))
    segments: list[Segment] = []
    for i in range(count):
        (x0, y0), (tx0, ty0) = at(math.radians(from_deg) + i * step)
        (x1, y1), (tx1, ty1) = at(math.radians(from_deg) + (i + 1) * step)
        segments.append(((x0 + reach * tx0, y0 + reach * ty0), (x1 - reach * tx1, y1 - reach * ty1), (x1, y1)))
    return start, tuple(segments)


# --- parsing ----------------------------------------------------------------------------------------------


def _number(value: Any, where: str) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
        raise DataError(f"{where}: expected a number")
    return float(value)


def _point(value: Any, where: str) -> Point:
    if not isinstance(value, list) or len(value) != 2:
        raise DataError(f"{where}: expected [x, y]")
    return (_number(value[0], f"{where}[0]"), _number(value[1], f"{where}[1]"))


def _bool(raw: dict[str, Any], key: str, default: bool, where: str) -> bool:
    value = raw.get(key, default)
    if not isinstance(value, bool):
        raise DataError(f"{where}.{key}: expected true or false")
    return value


def _choice(raw: dict[str, Any], key: str, allowed: tuple[str, ...], default: str | None, where: str) -> str:
    value = raw.get(key, default)
    if value not in allowed:
        raise DataError(f"{where}.{key}: expected one of {', '.join(allowed)}")
    return str(value)


@dataclass(frozen=True)
class _Raw:
    """A shape's control points as written (right side or midline), with its corner indices."""

    points: tuple[Point, ...]
    corners: frozenset[int]
    closed: bool


def _control_points(raw: dict[str, Any], where: str, earlier: dict[str, _Raw | None]) -> tuple[list[Point], set[int]]:
    """The shape's control points, splicing in earlier open shapes named by a string (corners at the joins)."""
    items = raw.get("points")
    if not isinstance(items, list) or not items:
        raise DataError(f"{where}.points: expected a list of [x, y] points or shape ids")
    points: list[Point] = []
    corners: set[int] = set()
    index_of: dict[int, int] = {}  # item index -> index in ``points`` of a plain point
    for i, item in enumerate(items):
        if isinstance(item, str):
            ref = earlier.get(item)
            if ref is None or ref.closed:
                raise DataError(f"{where}.points[{i}]: {item!r} is not an earlier open shape made of points")
            if points and points[-1] == ref.points[0]:
                points.pop()
            offset = len(points)
            points.extend(ref.points)
            corners.update(offset + c for c in ref.corners)
            corners.update((offset, len(points) - 1))
        else:
            index_of[i] = len(points)
            points.append(_point(item, f"{where}.points[{i}]"))
    raw_corners = raw.get("corners", [])
    if not isinstance(raw_corners, list):
        raise DataError(f"{where}.corners: expected a list of point indices")
    for i, c in enumerate(raw_corners):
        if isinstance(c, bool) or not isinstance(c, int) or c not in index_of:
            raise DataError(f"{where}.corners[{i}]: expected the index of an [x, y] item in points")
        corners.add(index_of[c])
    if len(points) > MAX_POINTS:
        raise DataError(f"{where}.points: more than {MAX_POINTS} points")
    return points, corners


def _join(points: list[Point], corners: set[int], closed: bool) -> tuple[list[Point], set[int]]:
    """A right half joined with its mirror image into one symmetric curve (midline points kept once)."""
    n = len(points)
    full = list(points)
    full_corners = set(corners)
    for i in range(n - 1, -1, -1):
        m = mirror_x(points[i])
        if abs(m[0] - full[-1][0]) < MIDLINE_EPS and abs(m[1] - full[-1][1]) < MIDLINE_EPS:
            continue
        if closed and i == 0 and abs(m[0] - full[0][0]) < MIDLINE_EPS and abs(m[1] - full[0][1]) < MIDLINE_EPS:
            continue
        full.append(m)
        if i in corners:
            full_corners.add(len(full) - 1)
    return full, full_corners


def _parse_shape(raw: Any, where: str, earlier: dict[str, _Raw | None]) -> tuple[list[Shape], _Raw | None]:
    if not isinstance(raw, dict):
        raise DataError(f"{where}: expected an object")
    unknown = set(raw) - _SHAPE_KEYS
    if unknown:
        raise DataError(f"{where}: unknown key {sorted(unknown)[0]!r}")
    shape_id = raw.get("id")
    if not isinstance(shape_id, str) or not shape_id:
        raise DataError(f"{where}.id: expected a non-empty string")
    where = f"{where} ({shape_id})"
    style: Style = _choice(raw, "style", STYLES, None, where)  # type: ignore[assignment]
    mirror: Mirror = _choice(raw, "mirror", MIRRORS, "none", where)  # type: ignore[assignment]
    closed = _bool(raw, "closed", False, where)
    filled = _bool(raw, "filled", style == "fill", where)
    smooth = _bool(raw, "smooth", True, where)
    if "circle" in raw:
        if "points" in raw or "corners" in raw:
            raise DataError(f"{where}: give either points or circle, not both")
        circle = raw["circle"]
        if not isinstance(circle, dict) or set(circle) - _CIRCLE_KEYS or not {"center", "radius"} <= set(circle):
            raise DataError(f"{where}.circle: expected {{center, radius, from_deg?, to_deg?}}")
        center = _point(circle["center"], f"{where}.circle.center")
        radius = _number(circle["radius"], f"{where}.circle.radius")
        if radius <= 0:
            raise DataError(f"{where}.circle.radius: expected a positive number")
        whole = "from_deg" not in circle and "to_deg" not in circle
        from_deg = _number(circle.get("from_deg", 0.0), f"{where}.circle.from_deg")
        to_deg = _number(circle.get("to_deg", from_deg + 360.0), f"{where}.circle.to_deg")
        if not 0 < abs(to_deg - from_deg) <= 360:
            raise DataError(f"{where}.circle: the arc must sweep more than 0 and at most 360 degrees")
        closed = closed or whole
        if mirror == "join":
            raise DataError(f"{where}.mirror: a circle can be a pair or a midline shape, not joined")
        raw_shape = None  # a circle has no points to splice into another shape
        start, segments = _arc(center, radius, from_deg, to_deg)
    else:
        control, corners = _control_points(raw, where, earlier)
        raw_shape = _Raw(tuple(control), frozenset(corners), closed)
        if mirror == "join":
            control, corners = _join(control, corners, closed)
        if len(control) < (3 if closed else 2):
            raise DataError(f"{where}.points: too few points for a {'closed' if closed else 'open'} curve")
        ring = [*control, control[0]] if closed else control
        if any(math.dist(a, b) < MIN_SPACING for a, b in itertools.pairwise(ring)):
            raise DataError(f"{where}.points: two neighbouring points are (almost) the same")
        start, segments = curve_path(tuple(control), smooth=smooth, closed=closed, corners=frozenset(corners))
    if style == "fill" and not filled:
        raise DataError(f"{where}.filled: a fill shape is always filled")
    if mirror == "pair":
        right = Shape(shape_id, "right", style, closed, filled, start, segments)
        shapes = [right, right.mirrored("left")]
    else:
        shapes = [Shape(shape_id, "center", style, closed, filled, start, segments)]
    return shapes, raw_shape


def parse_drawing(data: Any, source: str = "face.json") -> Drawing:
    """Build the drawing from its JSON data, or raise DataError naming what is wrong and where."""
    if not isinstance(data, dict):
        raise DataError(f"{source}: expected an object")
    unknown = set(data) - {"comment", "schema", "version", "bounds", "shapes"}
    if unknown:
        raise DataError(f"{source}: unknown key {sorted(unknown)[0]!r}")
    if data.get("schema") != SCHEMA or data.get("version") != 1:
        raise DataError(f"{source}: expected schema {SCHEMA!r}, version 1")
    raw_bounds = data.get("bounds")
    if not isinstance(raw_bounds, list) or len(raw_bounds) != 4:
        raise DataError(f"{source}.bounds: expected [left, top, right, bottom]")
    left, top, right, bottom = (_number(v, f"{source}.bounds[{i}]") for i, v in enumerate(raw_bounds))
    if not (left < right and top < bottom):
        raise DataError(f"{source}.bounds: expected left < right and top < bottom")
    raw_shapes = data.get("shapes")
    if not isinstance(raw_shapes, list) or not raw_shapes:
        raise DataError(f"{source}.shapes: expected a non-empty list")
    shapes: list[Shape] = []
    earlier: dict[str, _Raw | None] = {}  # None: a circle
    for i, raw in enumerate(raw_shapes):
        parsed, raw_shape = _parse_shape(raw, f"{source}.shapes[{i}]", earlier)
        shape_id = parsed[0].id
        if shape_id in earlier:
            raise DataError(f"{source}.shapes[{i}].id: duplicate id {shape_id!r}")
        earlier[shape_id] = raw_shape
        shapes.extend(parsed)
    return Drawing(shapes=tuple(shapes), bounds=Bounds(left, top, right, bottom))


def load_drawing(path: Path) -> Drawing:
    """Read and validate a face drawing file."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise DataError(f"{path}: cannot read the face drawing ({exc.strerror or exc})") from None
    return parse_drawing(loads_strict(data, max_bytes=MAX_FILE_BYTES, what=str(path)), str(path))


def default_drawing() -> Drawing:
    """The drawing shipped in ``assets/face.json``, read anew at each call (2 ms): the window keeps only the
    painter paths made from it (ui/face_art.py)."""
    return load_drawing(assets_dir() / "face.json")
