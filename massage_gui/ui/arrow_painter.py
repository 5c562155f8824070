"""Draws a frame's arrows: a stretch's track and head, a circle's track and fading trail, or, with reduced
motion, the whole path standing still."""

from __future__ import annotations

import math
from functools import lru_cache

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPen, QPolygonF, QTransform

from massage_gui.core.frame import Arrow
from massage_gui.core.geometry import Point
from massage_gui.ui.diagram_style import DiagramStyle
from massage_gui.ui.pens import alpha_byte, cached_pen, qpoint


@lru_cache(maxsize=512)
def _trail_pens(rgb: int, width: float, opacity: int, segments: int) -> tuple[QPen, ...]:
    """The pens of a circle's trail, from its tail to the head: fading in toward the head, whose ``opacity``
    (0..255) the last one nearly reaches. Made once for each opacity (the raster engine blends in 8-bit
    alpha, so the opacity's finer steps would look no different)."""
    cap = Qt.PenCapStyle.FlatCap
    return tuple(
        cached_pen(
            rgb, alpha_byte(opacity / 255 * (0.15 + 0.85 * (i + 1) / segments)), width, Qt.PenStyle.SolidLine, cap
        )
        for i in range(segments)
    )


def head_polygon(tip: QPointF, angle_deg: float, size: float) -> QPolygonF:
    """An arrow's head at ``tip``, pointing ``angle_deg`` (clockwise from the right, on the page)."""
    a = math.radians(angle_deg)
    back = QPointF(tip.x() - size * math.cos(a), tip.y() - size * math.sin(a))
    normal = QPointF(-math.sin(a) * size * 0.6, math.cos(a) * size * 0.6)
    tip_out = QPointF(tip.x() + size * 0.25 * math.cos(a), tip.y() + size * 0.25 * math.sin(a))
    return QPolygonF([tip_out, back + normal, back - normal])


def paint_head(painter: QPainter, tip: QPointF, angle_deg: float, size: float, color: QColor) -> None:
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(color)
    painter.drawPolygon(head_polygon(tip, angle_deg, size))


def paint_arrow(
    painter: QPainter, transform: QTransform, arrow: Arrow, accent: QColor, style: DiagramStyle, width: float
) -> None:
    """One moment of an arrow, ``width`` pixels wide, in the ``accent`` colour."""
    s = style
    color = QColor(accent)
    if arrow.path is not None:
        _paint_stretch(painter, transform, arrow, color, width, style)
        return
    elif arrow.center is not None:
        paint_arrow_track(painter, transform, arrow, accent, style, width)
        center = transform.map(qpoint(arrow.center))
        r = arrow.radius * transform.m11()
        rgb = color.rgb() & 0xFFFFFF
        # A trail a third of a turn long behind the head, so a still frame shows which way it turns.
        rect = QRectF(center.x() - r, center.y() - r, 2 * r, 2 * r)
        head = transform.map(QPointF(arrow.x, arrow.y))
        at = math.degrees(math.atan2(center.y() - head.y(), head.x() - center.x()))  # Qt arcs: y up
        sweep = -s.circle_trail_deg if arrow.turn > 0 else s.circle_trail_deg
        piece = sweep / s.trail_segments
        span = round(piece * 16)
        for i, pen in enumerate(_trail_pens(rgb, width * 0.8, alpha_byte(arrow.opacity), s.trail_segments)):
            painter.setPen(pen)
            painter.drawArc(rect, round((at - sweep + piece * i) * 16), span)
    head_color = QColor(color)
    head_color.setAlphaF(arrow.opacity)
    tip = transform.map(QPointF(arrow.x, arrow.y))
    paint_head(painter, tip, arrow.angle_deg, width * s.head_size, head_color)


def paint_arrow_track(
    painter: QPainter, transform: QTransform, arrow: Arrow, accent: QColor, style: DiagramStyle, width: float
) -> None:
    """The faint track an arrow runs along, which stands still all through a stroke: a circle, or a stretch's
    line as far as the skin goes."""
    if arrow.path is not None:
        (x0, y0), (x1, y1) = stretch_line(arrow, style)
        track = QColor(accent)
        track.setAlphaF(style.stretch_track_alpha)
        painter.setPen(QPen(track, width * 0.5, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
        painter.drawLine(transform.map(QPointF(x0, y0)), transform.map(QPointF(x1, y1)))
    elif arrow.center is not None:
        r = arrow.radius * transform.m11()
        painter.setPen(cached_pen(accent.rgb() & 0xFFFFFF, alpha_byte(style.circle_track_alpha), width * 0.45))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawEllipse(transform.map(qpoint(arrow.center)), r, r)


def stretch_line(arrow: Arrow, style: DiagramStyle) -> tuple[Point, Point]:
    """Where a stretch's arrow runs, in face coordinates: over the finger pads, from where they rest,
    straight toward the node, as long as the stretch (at least ``min_stretch_arrow``, to be seen)."""
    assert arrow.path is not None
    start, angle = arrow.path.start, math.radians(arrow.path.angle_at(0.0))
    length = max(arrow.path.length, style.min_stretch_arrow)
    return start, (start[0] + length * math.cos(angle), start[1] + length * math.sin(angle))


def _paint_stretch(
    painter: QPainter, transform: QTransform, arrow: Arrow, color: QColor, width: float, style: DiagramStyle
) -> None:
    """The stretch: a faint track as far as the skin goes, the part stretched so far, and the head where
    the skin is now (it travels back on the release)."""
    s = style
    paint_arrow_track(painter, transform, arrow, color, style, width)
    (x0, y0), (x1, y1) = stretch_line(arrow, style)
    start, end = transform.map(QPointF(x0, y0)), transform.map(QPointF(x1, y1))
    head = start + (end - start) * arrow.progress
    if arrow.opacity <= 0:
        return
    done = QColor(color)
    done.setAlphaF(arrow.opacity)
    painter.setPen(QPen(done, width * 0.7, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
    painter.drawLine(start, head)
    size = min(width * s.head_size, math.hypot(end.x() - start.x(), end.y() - start.y()) * 0.6)
    angle = math.degrees(math.atan2(end.y() - start.y(), end.x() - start.x()))
    paint_head(painter, head, angle, size, done)


def paint_static_arrow(
    painter: QPainter, transform: QTransform, arrow: Arrow, accent: QColor, style: DiagramStyle, width: float
) -> None:
    """The whole arrow standing still (reduced motion): a stretch's path with its head, a circle's ring."""
    color = QColor(accent)
    if arrow.path is not None:
        steps = 24
        points = [transform.map(qpoint(arrow.path.point_at(i / steps))) for i in range(steps + 1)]
        painter.setPen(QPen(color, width * style.static_arrow_width, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
        painter.drawPolyline(QPolygonF(points))
        end = transform.map(qpoint(arrow.path.end))
        paint_head(painter, end, arrow.path.angle_at(1.0), width * style.head_size, color)
    elif arrow.center is not None:
        center = transform.map(qpoint(arrow.center))
        r = arrow.radius * transform.m11()
        painter.setPen(QPen(color, width * 0.6))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawEllipse(center, r, r)
