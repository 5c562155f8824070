"""Renders the face-and-neck art to a PNG, with the anatomy overlaid, to check the drawing and the data together.

    python tools/render_face.py out.png [--size 800x900] [--dark] [--plain] [--areas cheeks,nose]
        [--reroutes across|armpit|all] [--side both|right|left] [--spots] [--view LEFT,TOP,RIGHT,BOTTOM]
        [--anatomy FILE] [--face FILE]

Overlays: node markers labelled with their ids, area outlines (thin dashed, labelled on the subject's right
side), every stroke path with an arrowhead at its end, and the carotid no-press zone. With --reroutes the
areas' "reroutes" paths (the ways round a treated neck side: "across" the midline to the other side's node,
or down to the "armpit") are drawn instead of their usual paths. The part of each path inside its area, where
the hands rest, is drawn thicker; --spots numbers the spots the hands rest on there (the area's "positions",
1 nearest the node). --view shows only that rectangle of face coordinates (to look closely).

The anatomy is read from the JSON itself, so the tool draws whatever node groups and areas the file holds.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QPointF, QRectF, QSizeF, Qt
from PySide6.QtGui import QColor, QFont, QGuiApplication, QImage, QPainter, QPainterPath, QPen, QPolygonF

from massage_gui.core.assets import assets_dir
from massage_gui.core.drawing import load_drawing
from massage_gui.core.geometry import Point, StrokePath, mirror_x, polygon_contains
from massage_gui.ui.face_art import ArtColors, FaceArt

MARGIN_PX = 12
SAMPLES = 200
SIDES = ("right", "left")
REROUTE_KINDS = ("across", "armpit", "all")
AREA_HUES = {
    "collarbone": 200,
    "neck_side": 160,
    "neck_back": 30,
    "behind_ear": 280,
    "front_of_ear": 100,
    "under_chin": 330,
    "jawline": 50,
    "chin": 250,
    "upper_lip": 0,
    "cheeks": 190,
    "nose": 130,
    "under_eyes": 300,
    "temples": 70,
    "forehead": 220,
    "breathing": 0,
    "chest": 15,
}


@dataclass(frozen=True)
class Route:
    """One path to draw: its area, where it goes, the right-side control points."""

    area: str
    target: str
    points: tuple[Point, ...]


def _size(text: str) -> tuple[int, int]:
    try:
        w, h = (int(v) for v in text.lower().split("x"))
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected WxH, got {text!r}") from None
    if not (50 <= w <= 8000 and 50 <= h <= 8000):
        raise argparse.ArgumentTypeError("each side must be 50 to 8000 pixels")
    return w, h


def _view(text: str) -> QRectF:
    try:
        left, top, right, bottom = (float(v) for v in text.split(","))
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected LEFT,TOP,RIGHT,BOTTOM, got {text!r}") from None
    if not (left < right and top < bottom):
        raise argparse.ArgumentTypeError("expected LEFT < RIGHT and TOP < BOTTOM")
    return QRectF(left, top, right - left, bottom - top)


def _area_color(area: str, dark: bool) -> QColor:
    return QColor.fromHsv(AREA_HUES.get(area, 0), 150 if dark else 200, 235 if dark else 170)


def _pt(value: list[float]) -> Point:
    return (float(value[0]), float(value[1]))


def _side_points(points: tuple[Point, ...], side: str) -> tuple[Point, ...]:
    return tuple(mirror_x(p) for p in points) if side == "left" else points


def _arrow_head(path: StrokePath, size: float) -> QPolygonF:
    tip = path.end
    angle = math.radians(path.angle_at(1.0))
    back = (tip[0] - size * math.cos(angle), tip[1] - size * math.sin(angle))
    side = (-math.sin(angle) * size * 0.5, math.cos(angle) * size * 0.5)
    return QPolygonF(
        [QPointF(*tip), QPointF(back[0] + side[0], back[1] + side[1]), QPointF(back[0] - side[0], back[1] - side[1])]
    )


def _polyline(points: tuple[Point, ...] | list[Point], closed: bool = False) -> QPainterPath:
    path = QPainterPath(QPointF(*points[0]))
    for p in points[1:]:
        path.lineTo(QPointF(*p))
    if closed:
        path.closeSubpath()
    return path


def routes(data: dict[str, Any], only: frozenset[str], reroutes: str | None) -> list[Route]:
    """The paths to draw: each area's usual paths, or with ``reroutes`` its "across" and/or "armpit" ones."""
    out: list[Route] = []
    for area_id, area in data["areas"].items():
        if only and area_id not in only:
            continue
        if reroutes is None:
            out.extend(Route(area_id, node, tuple(map(_pt, pts))) for node, pts in area.get("paths", {}).items())
            continue
        entry = data.get("reroutes", {}).get(area_id, {})
        if reroutes in ("across", "all") and "across" in entry:
            across = entry["across"]
            out.append(Route(area_id, f"{across['node']} (other side)", tuple(map(_pt, across["path"]))))
        if reroutes in ("armpit", "all") and "armpit" in entry:
            out.append(Route(area_id, "axillary", tuple(map(_pt, entry["armpit"]))))
    return out


def _worked_span(path: StrokePath, outline: tuple[Point, ...]) -> tuple[float, float] | None:
    """The part of the path inside the outline, as fractions of its length (where the hands rest)."""
    inside = [i for i in range(SAMPLES + 1) if polygon_contains(outline, path.point_at(i / SAMPLES))]
    return (inside[0] / SAMPLES, inside[-1] / SAMPLES) if inside else None


def spots(path: StrokePath, outline: tuple[Point, ...], count: int) -> list[Point]:
    """Where the hands rest, spread over the worked part as core/positions.py spreads them, nearest the node
    first (without its snapping off no-press zones)."""
    span = _worked_span(path, outline)
    if span is None:
        return []
    low, high = span
    return [path.point_at(low + (high - low) * (count - number + 0.5) / count) for number in range(1, count + 1)]


def _paint_overlays(
    painter: QPainter,
    data: dict[str, Any],
    scale: float,
    dark: bool,
    only: frozenset[str],
    reroutes: str | None,
    sides: tuple[str, ...],
    show_spots: bool,
) -> list[tuple[Point, str]]:
    """Paints the overlays in face units; returns the hand spots' numbers to write on top, in face units."""
    px = 1.0 / scale
    numbers: list[tuple[Point, str]] = []
    for zone in data.get("no_press", {}).values():
        warn = QColor("#e0564a")
        warn.setAlpha(60)
        painter.setPen(QPen(QColor("#e0564a"), 1.2 * px, Qt.PenStyle.DotLine))
        painter.setBrush(warn)
        at, radius = _pt(zone["at"]), float(zone["radius"])
        for center in (at, mirror_x(at)):
            painter.drawEllipse(QPointF(*center), radius, radius)
    for area_id, area in data["areas"].items():
        if only and area_id not in only:
            continue
        painter.setPen(QPen(_area_color(area_id, dark), 1.0 * px, Qt.PenStyle.DashLine))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        for side in SIDES:
            painter.drawPath(_polyline(_side_points(tuple(map(_pt, area["outline"])), side), closed=True))
    for route in routes(data, only, reroutes):
        color = _area_color(route.area, dark)
        outline = tuple(map(_pt, data["areas"][route.area]["outline"]))
        for side in sides:
            path = StrokePath(_side_points(route.points, side))
            line = QPen(color, 1.6 * px, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap, Qt.PenJoinStyle.RoundJoin)
            painter.setPen(line)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawPath(_polyline(path.samples))
            span = _worked_span(path, _side_points(outline, side))
            worked = (
                [path.point_at(span[0] + (span[1] - span[0]) * i / SAMPLES) for i in range(SAMPLES + 1)] if span else []
            )
            if len(worked) > 1:
                line.setWidthF(4.5 * px)
                painter.setPen(line)
                painter.drawPath(_polyline(worked))
            painter.setBrush(color)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.drawPolygon(_arrow_head(path, 9 * px))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.setPen(QPen(color, 1.2 * px))
            painter.drawEllipse(QPointF(*path.start), 2.5 * px, 2.5 * px)
            if show_spots:
                count = int(data["areas"][route.area].get("positions", 1))
                for number, spot in enumerate(spots(path, _side_points(outline, side), count), start=1):
                    painter.setPen(QPen(color, 1.4 * px))
                    painter.setBrush(QColor(0, 0, 0, 170) if dark else QColor(255, 255, 255, 200))
                    painter.drawEllipse(QPointF(*spot), 7 * px, 7 * px)
                    numbers.append((spot, str(number)))
    for node in data["nodes"].values():
        at = _pt(node["at"])
        pen = QPen(QColor("#5fd3c8") if dark else QColor("#1f7a74"), 1.6 * px)
        painter.setBrush(QColor(95, 211, 200, 120))
        if node.get("hidden"):
            pen.setStyle(Qt.PenStyle.DashLine)
            painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.setPen(pen)
        for center in [at] if node.get("center") else [at, mirror_x(at)]:
            painter.drawEllipse(QPointF(*center), 6 * px, 6 * px)
    return numbers


def render(
    out: Path,
    size: tuple[int, int],
    *,
    dark: bool,
    plain: bool,
    data: dict[str, Any],
    face: Path,
    only: frozenset[str] = frozenset(),
    reroutes: str | None = None,
    sides: tuple[str, ...] = SIDES,
    view: QRectF | None = None,
    show_spots: bool = False,
) -> None:
    colors = ArtColors.dark() if dark else ArtColors.light()
    art = FaceArt(load_drawing(face))
    image = QImage(size[0], size[1], QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(colors.background)
    bounds = view or art.bounds
    avail = QRectF(0, 0, size[0], size[1]).adjusted(MARGIN_PX, MARGIN_PX, -MARGIN_PX, -MARGIN_PX)
    scale = min(avail.width() / bounds.width(), avail.height() / bounds.height())
    dx = avail.center().x() - bounds.center().x() * scale
    dy = avail.center().y() - bounds.center().y() * scale
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.translate(dx, dy)
    painter.scale(scale, scale)
    art.paint(painter, colors, scale)
    if not plain:
        numbers = _paint_overlays(painter, data, scale, dark, only, reroutes, sides, show_spots)
        painter.resetTransform()
        font = QFont()
        font.setPixelSize(max(9, round(scale * 0.022)))
        painter.setFont(font)
        text = QColor("#20262c") if not dark else QColor("#e6ebf0")

        def to_px(p: Point) -> QPointF:
            return QPointF(dx + p[0] * scale, dy + p[1] * scale)

        for node_id, node in data["nodes"].items():
            at = _pt(node["at"])
            painter.setPen(text)
            painter.drawText(to_px(at if node.get("center") else mirror_x(at)) + QPointF(8, 4), node_id)
        for area_id, area in data["areas"].items():
            if only and area_id not in only:
                continue
            outline = [_pt(p) for p in area["outline"]]
            at = to_px((sum(p[0] for p in outline) / len(outline), sum(p[1] for p in outline) / len(outline)))
            painter.setPen(_area_color(area_id, dark))
            width = painter.fontMetrics().horizontalAdvance(area_id)
            painter.drawText(at - QPointF(width / 2, -4), area_id)
        painter.setPen(text)
        for spot, number in numbers:
            painter.drawText(QRectF(to_px(spot) - QPointF(7, 7), QSizeF(14, 14)), Qt.AlignmentFlag.AlignCenter, number)
    painter.end()
    if not image.save(str(out)):
        raise SystemExit(f"render_face: cannot write {out}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("out", type=Path, help="PNG file to write")
    parser.add_argument("--size", type=_size, default=(800, 900), help="WxH in pixels (default 800x900)")
    parser.add_argument("--dark", action="store_true", help="dark palette")
    parser.add_argument("--plain", action="store_true", help="the art only, no anatomy overlays")
    parser.add_argument("--areas", default="", metavar="A,B", help="overlay only these areas (default: all)")
    parser.add_argument(
        "--reroutes", choices=REROUTE_KINDS, help="draw the areas' reroute paths (across, armpit or all) instead"
    )
    parser.add_argument("--side", choices=("both", "right", "left"), default="both", help="which side's paths")
    parser.add_argument("--spots", action="store_true", help="number the hand spots on each path, 1 nearest the node")
    parser.add_argument("--view", type=_view, help="show only this rectangle of face coordinates")
    parser.add_argument("--anatomy", type=Path, default=assets_dir() / "anatomy.json", help="anatomy JSON file")
    parser.add_argument("--face", type=Path, default=assets_dir() / "face.json", help="face drawing JSON file")
    args = parser.parse_args(argv)
    _app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    try:
        data = json.loads(args.anatomy.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        parser.error(f"{args.anatomy}: cannot read anatomy data ({exc})")
    only = frozenset(a for a in args.areas.split(",") if a)
    unknown = only - set(data["areas"])
    if unknown:
        parser.error(f"unknown area {sorted(unknown)[0]!r}; choose from {', '.join(data['areas'])}")
    sides = SIDES if args.side == "both" else (args.side,)
    render(
        args.out,
        args.size,
        dark=args.dark,
        plain=args.plain,
        data=data,
        face=args.face,
        only=only,
        reroutes=args.reroutes,
        sides=sides,
        view=args.view,
        show_spots=args.spots,
    )
    print(args.out)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
