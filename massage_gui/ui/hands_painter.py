"""Draws where the hands go: a soft outline of three flat finger pads stacked along the stroke (the fingers
lying across it), moving with the skin while it is stretched; the next spot is drawn faint and dashed.
The pads' sizes are the core's (core/positions.py), which keeps them off the no-press zones."""

from __future__ import annotations

import math
from functools import lru_cache

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPen, QTransform

from massage_gui.core.positions import PAD_ACROSS, PAD_ALONG, PAD_COUNT, PAD_SPACING
from massage_gui.core.strokes import Hand
from massage_gui.ui.diagram_style import DiagramStyle
from massage_gui.ui.theme import Theme


def finger_pads(hand: Hand, style: DiagramStyle, moved: bool = True) -> QPainterPath:
    """The pads in face coordinates, stacked along the way to the node, each longer across it than along
    (a finger lying across the stroke); ``moved`` puts them where the skin under them is now."""
    x = hand.x + (hand.dx if moved else 0.0)
    y = hand.y + (hand.dy if moved else 0.0)
    along = math.radians(hand.angle_deg)
    ax, ay = math.cos(along), math.sin(along)
    cx, cy = -ay, ax  # across the stroke
    path = QPainterPath()
    middle = (PAD_COUNT - 1) / 2
    for k in range(PAD_COUNT):
        offset = (k - middle) * PAD_SPACING
        # the middle finger is the longest, as on a flat hand
        reach = style.pad_reach if k == middle else 0.0
        px, py = x + ax * offset + cx * reach, y + ay * offset + cy * reach
        pad = QPainterPath()
        pad.addEllipse(QPointF(0, 0), PAD_ALONG / 2, PAD_ACROSS / 2)
        path.addPath(QTransform().translate(px, py).rotate(hand.angle_deg).map(pad))
    return path


def pads_box(hand: Hand, style: DiagramStyle, moved: bool = True) -> QRectF:
    """``finger_pads(hand, style, moved).boundingRect()``, from a box worked out once for each angle."""
    box = _pads_box(hand.angle_deg, style.pad_reach)
    return box.translated(hand.x + hand.dx, hand.y + hand.dy) if moved else box.translated(hand.x, hand.y)


@lru_cache(maxsize=64)
def _pads_box(angle_deg: float, reach: float) -> QRectF:
    return finger_pads(Hand("right", 0.0, 0.0, angle_deg), DiagramStyle(pad_reach=reach), moved=False).boundingRect()


@lru_cache(maxsize=64)
def _pads_outline(angle_deg: float, reach: float) -> QPainterPath:
    """The pads of a hand resting at the origin, merged into one outline (translated to each hand)."""
    style = DiagramStyle(pad_reach=reach)
    pads = finger_pads(Hand("right", 0.0, 0.0, angle_deg), style, moved=False)
    pads.setFillRule(Qt.FillRule.WindingFill)
    return pads.simplified()


def paint_hands(
    painter: QPainter,
    transform: QTransform,
    hands: tuple[Hand, ...],
    theme: Theme,
    style: DiagramStyle,
    *,
    coming: bool = False,
) -> None:
    """The hands now (``coming`` False), or where they go next: faint, dashed, where they will rest."""
    if not hands:
        return
    line = QColor(theme.text)
    fill = QColor(theme.panel if not theme.dark else theme.background)
    if coming:
        line.setAlphaF(style.coming_alpha)
        fill.setAlphaF(0.0)
    else:
        fill.setAlphaF(style.pad_fill_alpha)
    pen = QPen(line, style.pad_pen_px, Qt.PenStyle.DashLine if coming else Qt.PenStyle.SolidLine)
    pen.setCosmetic(True)
    painter.save()
    painter.setTransform(transform, combine=True)
    painter.setPen(pen)
    painter.setBrush(fill)
    for hand in hands:
        x, y = (hand.x, hand.y) if coming else (hand.x + hand.dx, hand.y + hand.dy)
        painter.translate(x, y)
        painter.drawPath(_pads_outline(hand.angle_deg, style.pad_reach))
        painter.translate(-x, -y)
    painter.restore()
