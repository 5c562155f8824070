"""Translucent shapes drawn on screen fast: opaque on a small picture of their own, then laid on at their alpha.

Qt's raster engine fills or strokes many translucent antialiased shapes several times slower than opaque ones
(measured on a 768x742 face view: a ring 30 px across with a 3 px pen 140 µs against 25 this way, an arrow
head 55 to 65 µs against about 15). A frame of the animation draws up to four such shapes (a target's pulse,
a circle's track, the arrow heads), so this is a good part of a frame's cost. A printer keeps its vectors."""

from __future__ import annotations

import math
from collections import OrderedDict
from collections.abc import Callable

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QImage, QPaintEngine, QPainter, QPen, QPolygonF, QTransform

KEPT = 4  # pictures of rings that stay put (a circle's track on each side, say)
_kept: OrderedDict[tuple[object, ...], QImage] = OrderedDict()
_UNTURNED = (QTransform.TransformationType.TxNone, QTransform.TransformationType.TxTranslate,
             QTransform.TransformationType.TxScale)  # fmt: skip


def paint_ring(painter: QPainter, center: QPointF, radius: float, pen: QPen, *, keep: bool = False) -> None:
    """``painter.drawEllipse(center, radius, radius)`` with ``pen`` and no brush, in the painter's logical
    coordinates, looking the same. ``keep``: the ring will be drawn again just so (its picture is kept)."""
    color = pen.color()
    plain = pen.style() == Qt.PenStyle.SolidLine and pen.brush().style() == Qt.BrushStyle.SolidPattern
    if not (plain and not pen.isCosmetic() and _laid_on(painter, color)):
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawEllipse(center, radius, radius)
        return
    device = painter.deviceTransform()
    dpr = device.m11()
    at = device.map(center)
    reach = (radius + pen.widthF() / 2) * dpr + 2  # the pen's outer half and antialiasing
    box = QRectF(at.x() - reach, at.y() - reach, 2 * reach, 2 * reach)

    def draw(image: QPainter, origin: QPointF) -> None:
        image.setPen(QPen(_opaque(color), pen.widthF() * dpr))
        image.setBrush(Qt.BrushStyle.NoBrush)
        image.drawEllipse(at - origin, radius * dpr, radius * dpr)

    _lay_on(painter, box, color, draw, (radius, pen.widthF(), color.rgb()) if keep else None)


def paint_polygon(painter: QPainter, polygon: QPolygonF, color: QColor) -> None:
    """``painter.drawPolygon(polygon)`` filled with ``color`` and no pen, looking the same."""
    if not _laid_on(painter, color):
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(color)
        painter.drawPolygon(polygon)
        return
    on_device = painter.deviceTransform().map(polygon)

    def draw(image: QPainter, origin: QPointF) -> None:
        image.setPen(Qt.PenStyle.NoPen)
        image.setBrush(_opaque(color))
        image.drawPolygon(on_device.translated(-origin))

    _lay_on(painter, on_device.boundingRect().adjusted(-2, -2, 2, 2), color, draw, None)


def _laid_on(painter: QPainter, color: QColor) -> bool:
    """Whether a shape of ``color`` is better drawn opaque on a picture and laid on: translucent, on a raster
    device, not turned (a picture is laid on pixel for pixel)."""
    device = painter.deviceTransform()
    return (
        color.alpha() < 255
        and painter.paintEngine().type() == QPaintEngine.Type.Raster
        and painter.worldTransform().isIdentity()
        and device.type() in _UNTURNED
        and device.m11() == device.m22() > 0
    )


def _opaque(color: QColor) -> QColor:
    opaque = QColor(color)
    opaque.setAlpha(255)
    return opaque


def _lay_on(
    painter: QPainter,
    box: QRectF,
    color: QColor,
    draw: Callable[[QPainter, QPointF], None],
    keep: tuple[object, ...] | None,
) -> None:
    """Draw with ``draw`` (given a painter and where the picture's corner lies, in device pixels) on a
    transparent picture covering ``box`` (device pixels), then lay it on at ``color``'s alpha. ``keep``: what
    else the drawing depends on, to keep the picture for the next time (None: it changes every time)."""
    device = painter.deviceTransform()
    dpr = device.m11()
    left, top = math.floor(box.left()), math.floor(box.top())
    width, height = math.ceil(box.right()) - left + 1, math.ceil(box.bottom()) - top + 1
    origin = QPointF(left, top)
    key = (box.left() - left, box.top() - top, width, height, dpr, *keep) if keep is not None else None
    image = _kept.get(key) if key is not None else None
    if image is None:
        image = QImage(width, height, QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(0)
        on_image = QPainter(image)
        on_image.setRenderHint(QPainter.RenderHint.Antialiasing)
        draw(on_image, origin)
        on_image.end()
        if key is not None:
            _kept[key] = image
            if len(_kept) > KEPT:
                _kept.popitem(last=False)
    elif key is not None:
        _kept.move_to_end(key)
    opacity = painter.opacity()
    painter.setOpacity(opacity * color.alphaF())
    corner = QPointF((left - device.dx()) / dpr, (top - device.dy()) / dpr)
    painter.drawImage(QRectF(corner.x(), corner.y(), width / dpr, height / dpr), image)
    painter.setOpacity(opacity)
