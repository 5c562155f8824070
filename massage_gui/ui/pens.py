"""Pens and points the diagram's painters share: a pen made once for each colour, alpha and width."""

from __future__ import annotations

from functools import lru_cache

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QColor, QPen

from massage_gui.core.geometry import Point


def qpoint(point: Point) -> QPointF:
    return QPointF(point[0], point[1])


@lru_cache(maxsize=256)
def cached_pen(
    rgb: int,
    alpha: int,
    width: float,
    style: Qt.PenStyle = Qt.PenStyle.SolidLine,
    cap: Qt.PenCapStyle = Qt.PenCapStyle.SquareCap,
) -> QPen:
    """A pen of colour ``rgb`` (0xRRGGBB) and ``alpha`` 0..255, made once: frames ask for the same few pens
    again and again (the raster engine blends in 8-bit alpha, so finer alphas would look no different)."""
    color = QColor(rgb)
    color.setAlpha(alpha)
    return QPen(color, width, style, cap)


def alpha_byte(share: float) -> int:
    return max(0, min(255, round(share * 255)))
