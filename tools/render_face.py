"""Renders the face-and-neck art to a PNG, with the anatomy overlaid, to check the drawing and the data together.

    python tools/render_face.py out.png [--size 800x900] [--dark] [--plain] [--areas cheeks,nose]

Overlays (both sides): node markers labelled with their ids, area outlines (thin dashed, labelled on the
subject's right side), every stroke path with an arrowhead at its end, and the carotid no-press zone.
"""

from __future__ import annotations

import argparse
import math
import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QGuiApplication, QImage, QPainter, QPainterPath, QPen, QPolygonF

from massage_gui.core.anatomy import Anatomy, BodySide, default_anatomy
from massage_gui.core.geometry import Point, StrokePath
from massage_gui.ui.face_art import ArtColors, FaceArt

CAROTID = ((0.30, 1.12), 0.05)
MARGIN_PX = 12
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
}


def _size(text: str) -> tuple[int, int]:
    try:
        w, h = (int(v) for v in text.lower().split("x"))
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected WxH, got {text!r}") from None
    if not (50 <= w <= 8000 and 50 <= h <= 8000):
        raise argparse.ArgumentTypeError("each side must be 50 to 8000 pixels")
    return w, h


def _area_color(area: str, dark: bool) -> QColor:
    color = QColor.fromHsv(AREA_HUES.get(area, 0), 150 if dark else 200, 235 if dark else 170)
    return color


def _arrow_head(path: StrokePath, size: float) -> QPolygonF:
    tip = path.end
    angle = math.radians(path.angle_at(1.0))
    back = (tip[0] - size * math.cos(angle), tip[1] - size * math.sin(angle))
    side = (-math.sin(angle) * size * 0.5, math.cos(angle) * size * 0.5)
    return QPolygonF(
        [QPointF(*tip), QPointF(back[0] + side[0], back[1] + side[1]), QPointF(back[0] - side[0], back[1] - side[1])]
    )


def _polyline(points: tuple[Point, ...], closed: bool = False) -> QPainterPath:
    path = QPainterPath(QPointF(*points[0]))
    for p in points[1:]:
        path.lineTo(QPointF(*p))
    if closed:
        path.closeSubpath()
    return path


def _paint_overlays(painter: QPainter, anatomy: Anatomy, scale: float, dark: bool, only: frozenset[str]) -> None:
    px = 1.0 / scale
    sides: tuple[BodySide, ...] = ("right", "left")
    # Carotid no-press zone.
    warn = QColor("#e0564a")
    warn.setAlpha(60)
    painter.setPen(QPen(QColor("#e0564a"), 1.2 * px, Qt.PenStyle.DotLine))
    painter.setBrush(warn)
    for center in (CAROTID[0], (1 - CAROTID[0][0], CAROTID[0][1])):
        painter.drawEllipse(QPointF(*center), CAROTID[1], CAROTID[1])
    # Areas and their stroke paths.
    for area in anatomy.areas.values():
        if only and area.id not in only:
            continue
        color = _area_color(area.id, dark)
        for side in sides:
            pen = QPen(color, 1.0 * px, Qt.PenStyle.DashLine)
            painter.setPen(pen)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawPath(_polyline(area.outline_for(side), closed=True))
            for target in area.drains_toward:
                path = area.path(target, side)
                painter.setPen(
                    QPen(color, 1.6 * px, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap, Qt.PenJoinStyle.RoundJoin)
                )
                painter.drawPath(_polyline(path.samples))
                painter.setBrush(color)
                painter.setPen(Qt.PenStyle.NoPen)
                painter.drawPolygon(_arrow_head(path, 9 * px))
                painter.setBrush(Qt.BrushStyle.NoBrush)
                painter.drawEllipse(QPointF(*path.start), 2 * px, 2 * px)
    # Nodes.
    for node in anatomy.nodes.values():
        node_sides: tuple[BodySide, ...] = ("center",) if node.center else sides
        for side in node_sides:
            at = node.position(side)
            painter.setPen(QPen(QColor("#1f7a74") if not dark else QColor("#5fd3c8"), 1.6 * px))
            painter.setBrush(QColor(95, 211, 200, 120))
            if node.hidden:
                painter.setPen(QPen(painter.pen().color(), 1.6 * px, Qt.PenStyle.DashLine))
                painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawEllipse(QPointF(*at), 6 * px, 6 * px)


def render(
    out: Path, size: tuple[int, int], *, dark: bool, plain: bool, anatomy: Anatomy, only: frozenset[str] = frozenset()
) -> None:
    colors = ArtColors.dark() if dark else ArtColors.light()
    art = FaceArt()
    image = QImage(size[0], size[1], QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(colors.background)
    bounds = art.bounds
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
        _paint_overlays(painter, anatomy, scale, dark, only)
        painter.resetTransform()
        font = QFont()
        font.setPixelSize(max(9, round(scale * 0.022)))
        painter.setFont(font)
        text = QColor("#20262c") if not dark else QColor("#e6ebf0")

        def to_px(p: Point) -> QPointF:
            return QPointF(dx + p[0] * scale, dy + p[1] * scale)

        for node in anatomy.nodes.values():
            at = to_px(node.position("center" if node.center else "left"))
            painter.setPen(text)
            painter.drawText(at + QPointF(8, 4), node.id)
        for area in anatomy.areas.values():
            if only and area.id not in only:
                continue
            xs = [p[0] for p in area.outline]
            ys = [p[1] for p in area.outline]
            at = to_px((sum(xs) / len(xs), sum(ys) / len(ys)))
            painter.setPen(_area_color(area.id, dark))
            width = painter.fontMetrics().horizontalAdvance(area.id)
            painter.drawText(at - QPointF(width / 2, -4), area.id)
    painter.end()
    if not image.save(str(out)):
        raise SystemExit(f"render_face: cannot write {out}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path, help="PNG file to write")
    parser.add_argument("--size", type=_size, default=(800, 900), help="WxH in pixels (default 800x900)")
    parser.add_argument("--dark", action="store_true", help="dark palette")
    parser.add_argument("--plain", action="store_true", help="the art only, no anatomy overlays")
    parser.add_argument("--areas", default="", metavar="A,B", help="overlay only these areas (default: all)")
    args = parser.parse_args(argv)
    _app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    anatomy = default_anatomy()
    only = frozenset(a for a in args.areas.split(",") if a)
    unknown = only - set(anatomy.areas)
    if unknown:
        parser.error(f"unknown area {sorted(unknown)[0]!r}; choose from {', '.join(anatomy.areas)}")
    render(args.out, args.size, dark=args.dark, plain=args.plain, anatomy=anatomy, only=only)
    print(args.out)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
