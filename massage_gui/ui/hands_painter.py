"""Draws where the hands go: a soft outline of three flat finger pads stacked along the stroke (the fingers
lying across it), moving with the skin while it is stretched; the next spot is drawn faint and dashed.
The pads' sizes are the core's (core/positions.py), which keeps them off the no-press zones."""

from __future__ import annotations

import math
from collections import OrderedDict
from functools import lru_cache

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPen, QPixmap, QTransform

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


def pads_room(hand: Hand, style: DiagramStyle) -> QRectF:
    """The room the pads take while they rest and while they stretch the skin (face coordinates)."""
    return pads_box(hand, style, moved=False).united(pads_box(hand, style))


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
    on_screen: bool = False,
) -> None:
    """The hands now (``coming`` False), or where they go next: faint, dashed, where they will rest.
    ``on_screen``: the painter paints pixels (a widget, a pixmap), not a page to print."""
    if not hands:
        return
    pen, fill = hand_pen_and_fill(theme, style, coming)
    places = [(hand, *((hand.x, hand.y) if coming else (hand.x + hand.dx, hand.y + hand.dy))) for hand in hands]
    if on_screen and _blits(painter, transform):
        for hand, x, y in places:
            _blit_hand(painter, transform, hand.angle_deg, x, y, pen, fill, style)
        return
    painter.save()
    painter.setTransform(transform, combine=True)
    painter.setPen(pen)
    painter.setBrush(fill)
    for hand, x, y in places:
        painter.translate(x, y)
        painter.drawPath(_pads_outline(hand.angle_deg, style.pad_reach))
        painter.translate(-x, -y)
    painter.restore()


def hand_pen_and_fill(theme: Theme, style: DiagramStyle, coming: bool = False) -> tuple[QPen, QColor]:
    """How the pads are outlined and filled: the hands now, or (``coming``) faint and dashed where they go next."""
    line = QColor(theme.text)
    fill = QColor(theme.panel if not theme.dark else theme.background)
    if coming:
        line.setAlphaF(style.coming_alpha)
        fill.setAlphaF(0.0)
    else:
        fill.setAlphaF(style.pad_fill_alpha)
    pen = QPen(line, style.pad_pen_px, Qt.PenStyle.DashLine if coming else Qt.PenStyle.SolidLine)
    pen.setCosmetic(True)
    return pen, fill


# A hand drawn on screen comes from a small picture of it, drawn once for each angle, size and quarter of a
# pixel of position: drawing its outline costs more than anything else in a frame, and a quarter pixel keeps a
# moving hand gliding. Printing (a PDF) draws the outline itself.
SUBPIXEL_STEPS = 4
SPRITES_KEPT = 48
UNTURNED = (
    QTransform.TransformationType.TxNone,
    QTransform.TransformationType.TxTranslate,
    QTransform.TransformationType.TxScale,
)
_sprites: OrderedDict[tuple[object, ...], tuple[QPixmap, int, int]] = OrderedDict()


def forget_pictures() -> None:
    """Let the hands' pictures go (about 1 MiB): a session ended, and the next may be hours away."""
    _sprites.clear()


def _blits(painter: QPainter, transform: QTransform) -> bool:
    device = painter.deviceTransform()  # the device's pixels per logical one (and any offset), no turning
    return (
        device.type() in UNTURNED
        and device.m11() == device.m22() > 0
        and transform.type() in UNTURNED
        and transform.m11() == transform.m22()
    )


def _blit_hand(
    painter: QPainter, transform: QTransform, angle: float, x: float, y: float, pen: QPen, fill: QColor,
    style: DiagramStyle,
) -> None:  # fmt: skip
    device = painter.deviceTransform()
    dpr = device.m11()
    scale = transform.m11()
    at = device.map(transform.map(QPointF(x, y)))
    px, py = at.x(), at.y()
    ix, iy = math.floor(px), math.floor(py)
    qx, qy = round((px - ix) * SUBPIXEL_STEPS), round((py - iy) * SUBPIXEL_STEPS)
    key = (angle, style.pad_reach, scale, dpr, pen.color().rgba(), pen.style(), pen.widthF(), fill.rgba(), qx, qy)
    found = _sprites.get(key)
    if found is None:
        found = hand_sprite(angle, style.pad_reach, scale, dpr, pen, fill, qx, qy)
        _sprites[key] = found
        if len(_sprites) > SPRITES_KEPT:
            _sprites.popitem(last=False)
    else:
        _sprites.move_to_end(key)
    sprite, left, top = found
    painter.drawPixmap(QPointF((ix - left - device.dx()) / dpr, (iy - top - device.dy()) / dpr), sprite)


def hand_sprite(
    angle: float, reach: float, scale: float, dpr: float, pen: QPen, fill: QColor, qx: int, qy: int
) -> tuple[QPixmap, int, int]:
    """The picture of a hand's pads turned ``angle``, at ``scale`` pixels a face unit and ``dpr`` device pixels a
    pixel, and where in it the pads' origin lies: ``qx``, ``qy`` quarter device pixels right of and below the
    device pixel (left, top) from the picture's corner."""
    box = _pads_box(angle, reach)
    margin = pen.widthF() * dpr + 2  # the pen's width and antialiasing
    left = math.ceil(margin - box.left() * scale * dpr)
    top = math.ceil(margin - box.top() * scale * dpr)
    width = left + math.ceil(box.right() * scale * dpr + margin) + 1
    height = top + math.ceil(box.bottom() * scale * dpr + margin) + 1
    sprite = QPixmap(width, height)
    sprite.setDevicePixelRatio(dpr)
    sprite.fill(Qt.GlobalColor.transparent)
    painter = QPainter(sprite)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    ox, oy = (left + qx / SUBPIXEL_STEPS) / dpr, (top + qy / SUBPIXEL_STEPS) / dpr
    painter.setTransform(QTransform(scale, 0, 0, scale, ox, oy))
    painter.setPen(pen)
    painter.setBrush(fill)
    painter.drawPath(_pads_outline(angle, reach))
    painter.end()
    return sprite, left, top
