"""A translucent shape laid on from a picture of its own looks as Qt would draw it."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPen, QPolygonF

from massage_gui.ui import translucent_shapes
from massage_gui.ui.translucent_shapes import paint_polygon, paint_ring


def _canvas(dpr: float) -> QImage:
    image = QImage(round(120 * dpr), round(120 * dpr), QImage.Format.Format_RGB32)
    image.setDevicePixelRatio(dpr)
    image.fill(QColor("#F4EDE4"))
    painter = QPainter(image)
    painter.setPen(QPen(QColor("#202020"), 3))
    painter.drawLine(0, 60, 120, 60)  # something under the ring, for it to be laid over
    painter.end()
    return image


def _pixels(image: QImage) -> np.ndarray:
    image = image.convertToFormat(QImage.Format.Format_RGB32)
    return np.frombuffer(image.constBits(), np.uint8).reshape(image.height(), image.width(), 4)[..., :3].astype(int)


@pytest.mark.parametrize("dpr", [1.0, 2.0])
@pytest.mark.parametrize(("center", "radius", "alpha"), [((60, 60), 20.0, 120), ((60.37, 59.8), 13.3, 40)])
def test_a_ring_looks_as_drawn_by_qt(dpr: float, center: tuple[float, float], radius: float, alpha: int) -> None:
    pen = QPen(QColor(0, 110, 190, alpha), 3.0)
    drawn, laid = _canvas(dpr), _canvas(dpr)
    painter = QPainter(drawn)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(pen)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawEllipse(QPointF(*center), radius, radius)
    painter.end()
    painter = QPainter(laid)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    paint_ring(painter, QPointF(*center), radius, pen)
    painter.end()
    difference = np.abs(_pixels(drawn) - _pixels(laid)).max(axis=2)
    assert (_pixels(drawn) != _pixels(_canvas(dpr))).any(), "the ring was drawn"
    assert difference.max() <= 6, difference.max()  # rounding of the blend; a ring out of place differs by ~100


@pytest.mark.parametrize("dpr", [1.0, 2.0])
@pytest.mark.parametrize("alpha", [200, 90])
def test_an_arrow_head_looks_as_filled_by_qt(dpr: float, alpha: int) -> None:
    head = QPolygonF([QPointF(65.6, 45.6), QPointF(52.4, 64.5), QPointF(42.5, 47.1)])
    color = QColor(0, 110, 190, alpha)
    drawn, laid = _canvas(dpr), _canvas(dpr)
    painter = QPainter(drawn)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(color)
    painter.drawPolygon(head)
    painter.end()
    painter = QPainter(laid)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    paint_polygon(painter, head, color)
    painter.end()
    assert (_pixels(laid) != _pixels(_canvas(dpr))).any(), "the head was drawn"
    assert np.abs(_pixels(drawn) - _pixels(laid)).max() <= 6


def test_a_ring_that_stays_put_is_drawn_once() -> None:
    translucent_shapes._kept.clear()
    pen = QPen(QColor(0, 110, 190, 60), 3.0)
    canvas = _canvas(1.0)
    painter = QPainter(canvas)
    for _ in range(5):
        paint_ring(painter, QPointF(40.5, 50.25), 12.0, pen, keep=True)
        paint_ring(painter, QPointF(80.75, 50.25), 12.0, pen, keep=True)
    assert len(translucent_shapes._kept) == 2  # a picture for each place within a pixel, whichever pixel
    for x in range(10):  # a moving one, kept by mistake, would not grow the store past its bound
        paint_ring(painter, QPointF(10.0 + x * 0.3, 50.0), 12.0, pen, keep=True)
    painter.end()
    assert len(translucent_shapes._kept) == translucent_shapes.KEPT


def test_an_opaque_ring_is_drawn_as_qt_draws_it() -> None:
    pen = QPen(QColor(0, 110, 190), 3.0)
    canvas = _canvas(1.0)
    painter = QPainter(canvas)
    calls: list[str] = []
    original = QPainter.drawImage
    try:
        QPainter.drawImage = lambda *args: calls.append("image")  # type: ignore[method-assign]
        paint_ring(painter, QPointF(60, 60), 20.0, pen)
    finally:
        QPainter.drawImage = original  # type: ignore[method-assign]
        painter.end()
    assert not calls
