"""Copying a cached picture onto only the parts of a widget that a paint event asks for."""

from __future__ import annotations

from collections.abc import Iterable
from typing import cast

from PySide6.QtCore import QRect, QRectF
from PySide6.QtGui import QImage, QPainter, QPixmap, QRegion


def blit_region(painter: QPainter, picture: QPixmap | QImage, region: QRegion) -> None:
    """Draw `picture` (made at the widget's size and pixel ratio) over each rectangle of `region`."""
    dpr = picture.devicePixelRatio()
    # PySide6 iterates a QRegion's rectangles, but its type stubs do not say so.
    for part in cast("Iterable[QRect]", region):
        r = QRectF(part)
        source = QRectF(r.x() * dpr, r.y() * dpr, r.width() * dpr, r.height() * dpr)
        if isinstance(picture, QImage):
            painter.drawImage(r, picture, source)
        else:
            painter.drawPixmap(r, picture, source)
