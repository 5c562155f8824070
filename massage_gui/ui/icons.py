"""Toolbar icons drawn in the theme's text colour, so they read on light and dark alike."""

from __future__ import annotations

from functools import lru_cache

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPainterPath, QPen, QPixmap, QPolygonF

SIZE = 64  # drawn large; Qt scales down sharply


def _triangle(painter: QPainter, left: float, top: float, width: float, height: float, pointing_right: bool) -> None:
    if pointing_right:
        points = [QPointF(left, top), QPointF(left + width, top + height / 2), QPointF(left, top + height)]
    else:
        points = [QPointF(left + width, top), QPointF(left, top + height / 2), QPointF(left + width, top + height)]
    painter.drawPolygon(QPolygonF(points))


def _draw(name: str, painter: QPainter, color: QColor) -> None:
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(color)
    s = SIZE
    if name == "play":
        _triangle(painter, s * 0.28, s * 0.18, s * 0.52, s * 0.64, True)
    elif name == "pause":
        painter.drawRoundedRect(QRectF(s * 0.24, s * 0.18, s * 0.17, s * 0.64), 3, 3)
        painter.drawRoundedRect(QRectF(s * 0.59, s * 0.18, s * 0.17, s * 0.64), 3, 3)
    elif name == "stop":
        painter.drawRoundedRect(QRectF(s * 0.22, s * 0.22, s * 0.56, s * 0.56), 5, 5)
    elif name == "next":
        _triangle(painter, s * 0.16, s * 0.22, s * 0.48, s * 0.56, True)
        painter.drawRect(QRectF(s * 0.68, s * 0.22, s * 0.12, s * 0.56))
    elif name == "previous":
        painter.drawRect(QRectF(s * 0.20, s * 0.22, s * 0.12, s * 0.56))
        _triangle(painter, s * 0.36, s * 0.22, s * 0.48, s * 0.56, False)
    elif name == "restart":
        pen = QPen(color, s * 0.1, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawArc(QRectF(s * 0.2, s * 0.2, s * 0.6, s * 0.6), 100 * 16, 290 * 16)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(color)
        head = QPainterPath()
        head.moveTo(s * 0.30, s * 0.06)
        head.lineTo(s * 0.52, s * 0.20)
        head.lineTo(s * 0.30, s * 0.34)
        head.closeSubpath()
        painter.drawPath(head)
    elif name == "mirror":
        pen = QPen(color, s * 0.06)
        painter.setPen(pen)
        painter.drawLine(QPointF(s * 0.5, s * 0.1), QPointF(s * 0.5, s * 0.9))
        painter.setPen(Qt.PenStyle.NoPen)
        _triangle(painter, s * 0.08, s * 0.3, s * 0.32, s * 0.4, False)
        _triangle(painter, s * 0.60, s * 0.3, s * 0.32, s * 0.4, True)
    elif name == "settings":
        pen = QPen(color, s * 0.09, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap)
        painter.setPen(pen)
        for y, knob in ((0.25, 0.65), (0.5, 0.35), (0.75, 0.55)):
            painter.drawLine(QPointF(s * 0.15, s * y), QPointF(s * 0.85, s * y))
            painter.drawEllipse(QPointF(s * knob, s * y), s * 0.06, s * 0.06)
    elif name == "areas":
        pen = QPen(color, s * 0.07)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        face = QRectF(s * 0.2, s * 0.08, s * 0.6, s * 0.8)
        painter.drawEllipse(face)
        clip = QPainterPath()
        clip.addEllipse(face)
        painter.setClipPath(clip)
        painter.setPen(QPen(color, s * 0.05))
        for k in range(5):  # a hatched cheek: an area left out
            x = s * (0.42 + 0.1 * k)
            painter.drawLine(QPointF(x, s * 0.88), QPointF(x + s * 0.3, s * 0.45))
        painter.setClipping(False)


def themed_icon(name: str, color: QColor, disabled: QColor) -> QIcon:
    """The icon ``name`` in ``color`` (``disabled`` when its action is off): the same icon each time for the
    same name and colours. Qt keeps an icon's pictures at each size it is shown in its pixmap cache, under
    that icon: a new icon at every change of the session's state filled the cache with dead icons' pictures
    (0.75 MiB over the standard routine, up to the cache's 10 MiB over many)."""
    return _themed_icon(name, color.rgba(), disabled.rgba())


@lru_cache(maxsize=64)  # 9 icons, play and pause, in a few themes
def _themed_icon(name: str, rgba: int, disabled_rgba: int) -> QIcon:
    icon = QIcon()
    for mode, c in ((QIcon.Mode.Normal, QColor.fromRgba(rgba)), (QIcon.Mode.Disabled, QColor.fromRgba(disabled_rgba))):
        pixmap = QPixmap(SIZE, SIZE)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        _draw(name, painter, c)
        painter.end()
        icon.addPixmap(pixmap, mode)
    return icon
