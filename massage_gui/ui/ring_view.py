"""Moves the dial's ring on by itself with Qt's animation timer, so that no Python runs at its moves.

While a stroke plays on its own (ui/stroke_layer.py), the rep dial's ring empties as the step runs, a couple of
device pixels at a time (ui/rep_dial.py ``TURN_STEP_PX``), 15 times a second or so. Moved and repainted by the
dial's own Python, the moves were about a fifth of the app's CPU while a stroke played; moved by Qt, the app uses
0.93 of what it did (docs/architecture.md). Here Qt moves it: the dial's face (its track and words) is the view's
background, and the ring's arc is cut into ``WEDGES`` equal wedges, each a picture of a piece of arc that Qt
turns about the ring's centre, seen only within its wedge. A wedge's piece stands at the wedge's start while the
ring's end has yet to reach it (the wedge full), follows the end through it, and stands at its end once the end
has passed (empty). A round cap goes with the end, another stays at the arc's start, at the top. A move then
repaints a box around the end alone, drawn by Qt from pictures."""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QAbstractAnimation,
    QParallelAnimationGroup,
    QPointF,
    QPropertyAnimation,
    QRectF,
    QSequentialAnimationGroup,
    Qt,
)
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPen, QPixmap, QVector3D
from PySide6.QtWidgets import (
    QGraphicsItem,
    QGraphicsPathItem,
    QGraphicsPixmapItem,
    QGraphicsRotation,
    QGraphicsWidget,
    QWidget,
)

from massage_gui.ui.played_view import Stage, clear_picture

if TYPE_CHECKING:
    from massage_gui.ui.rep_dial import Ring

WEDGES = 16  # more: a smaller box repainted at each move, and more pictures drawn where wedges meet
MARGIN_PX = 2  # around the ring's stroke, for antialiasing
OVERLAP_DEG = 1.0  # how far a piece reaches past its wedge's ends where the wedge is full or emptied


class RingView:
    """The dial's face with its ring moving on by itself, in ``view`` (ui/played_view.py) over the dial, hidden
    until it plays."""

    def __init__(self, parent: QWidget) -> None:
        self._stage = Stage(parent)
        self.view = self._stage.view
        # Pictures only, turned: smoothed as pictures, not as shapes. Antialiased, the wedges' edges would be
        # blended twice, a faint line where two meet (and a turned picture cost 2.5 times as much).
        self.view.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        self._parent = parent
        self._key: tuple[object, ...] | None = None  # the ring and colour the pieces were made for
        self._turns: list[QGraphicsRotation] = []  # the wedges' pieces' turns, then the moving cap's
        self._parts: list[object] = []  # PySide deletes an item in another with its wrapper: kept with the scene
        self._group: QParallelAnimationGroup | None = None
        self._start_deg = 0.0
        self._turn_s = 0.0

    @property
    def shown(self) -> bool:
        """Whether it covers the dial (playing, or stopped where the ring emptied)."""
        return not self.view.isHidden()

    @property
    def playing(self) -> bool:
        """Whether it is shown and Qt moves the ring on."""
        group = self._group
        return self.shown and group is not None and group.state() == QAbstractAnimation.State.Running

    @property
    def group(self) -> QParallelAnimationGroup | None:
        """The animations that move the ring on (None while stopped)."""
        return self._group

    def items(self) -> list[QGraphicsItem]:
        """The wedges, their pieces and the caps (and what holds them)."""
        return self._stage.items()

    def shows(self, ring: Ring, color: QColor) -> bool:
        """Whether its arc is of ``ring`` in ``color`` (else it plays anew)."""
        return self._key == (ring, color.rgba())

    def set_face(self, face: QPixmap) -> None:
        """What lies under the ring's arc: the track and the words, at the view's size and pixel ratio."""
        self._stage.set_background(face)  # shared with the dial, not copied

    def play(self, ring: Ring, color: QColor, face: QPixmap, start: float, turn_s: float, step_px: float) -> None:
        """Show the arc of the ring from ``start`` (0 full, 1 empty) on, emptying in ``turn_s`` for a whole
        turn, ``step_px`` device pixels along the ring at a time, the first step one step's time from now."""
        self.stop()
        view = self.view
        view.setGeometry(self._parent.rect())
        self._stage.set_rect(view.width(), view.height())
        self.set_face(face)
        if not self.shows(ring, color):
            self._build(ring, color)
            self._key = (ring, color.rgba())
        self._start_deg = 360.0 * start
        self._turn_s = turn_s
        self._group = _turning(self._turns, self._start_deg, turn_s, step_px / ring.length * 360.0, view)
        self._group.start()
        view.show()

    def stop(self) -> float:
        """Hide and stop; how far the ring had emptied (0 to 1)."""
        self.view.hide()
        shown = self.turned()
        if self._group is not None:
            self._group.stop()
            self._group.deleteLater()
            self._group = None
        return shown

    def due(self) -> float:
        """How far the ring has emptied by the clock, between its moves (0 to 1)."""
        group = self._group
        if group is None or self._turn_s <= 0:
            return self._start_deg / 360.0
        return min(1.0, self._start_deg / 360.0 + group.currentTime() / 1000 / self._turn_s)

    def turned(self) -> float:
        """How far the ring shows it has emptied (0 to 1), as it was last moved."""
        if not self._turns or self._group is None:
            return self._start_deg / 360.0
        return min(1.0, self._turns[-1].angle() / 360.0)

    def _build(self, ring: Ring, color: QColor) -> None:
        """The wedges, each with its piece of arc, and the two caps, for ``ring`` in ``color``."""
        self._stage.clear()
        self._parts.clear()
        self._turns.clear()
        center = QPointF(ring.cx, ring.cy)
        piece, offset = _arc_piece(ring, color)
        reach = (ring.radius + ring.width / 2 + MARGIN_PX) / math.cos(math.pi / WEDGES)
        for k in range(WEDGES):
            wedge = QPainterPath(center)
            for edge in (k, k + 1):
                wedge.lineTo(center + _toward(edge * 360.0 / WEDGES, reach))
            wedge.closeSubpath()
            clip = QGraphicsPathItem(wedge)
            clip.setPen(QPen(Qt.PenStyle.NoPen))
            clip.setFlag(QGraphicsItem.GraphicsItemFlag.ItemHasNoContents)
            clip.setFlag(QGraphicsItem.GraphicsItemFlag.ItemClipsChildrenToShape)
            self._stage.add(clip)
            self._parts.append(clip)
            self._turns.append(self._turned_picture(piece, center + offset, center, clip))
        cap = _cap(ring, color)
        top = center + QPointF(-ring.width / 2 - MARGIN_PX, -ring.radius - ring.width / 2 - MARGIN_PX)
        start = QGraphicsPixmapItem(cap)  # the arc's start, at the top
        start.setOffset(top)
        self._stage.add(start)
        self._parts.append(start)
        self._turns.append(self._turned_picture(cap, top, center))  # its end, moving

    def _turned_picture(
        self, picture: QPixmap, place: QPointF, center: QPointF, parent: QGraphicsItem | None = None
    ) -> QGraphicsRotation:
        """``picture`` at ``place``, turned about ``center`` by the rotation returned (Qt's, which repaints
        only when its angle changes)."""
        holder = QGraphicsWidget(parent)  # a Qt object, which the rotation goes with: Qt would use it deleted
        holder.setFlag(QGraphicsItem.GraphicsItemFlag.ItemHasNoContents)  # else its corner, turned, is repainted
        if parent is None:
            self._stage.add(holder)
        item = QGraphicsPixmapItem(picture, holder)
        item.setOffset(place)
        item.setTransformationMode(Qt.TransformationMode.SmoothTransformation)
        item.setShapeMode(QGraphicsPixmapItem.ShapeMode.BoundingRectShape)
        turn = QGraphicsRotation(holder)
        turn.setOrigin(QVector3D(center.x(), center.y(), 0.0))
        holder.setTransformations([turn])
        self._parts.extend((holder, item, turn))
        return turn


def _turning(
    turns: list[QGraphicsRotation], start_deg: float, turn_s: float, step_deg: float, parent: QWidget
) -> QParallelAnimationGroup:
    """The animations that move the wedges' pieces and the moving cap (the last of ``turns``) on from
    ``start_deg`` (clockwise from the top) to a whole turn, ``step_deg`` at a time, one step every ``turn_s`` *
    ``step_deg`` / 360 seconds; a wedge's piece moves only while the end is in it (one animation at a time)."""
    span = 360.0 / WEDGES
    step_ms = 1000.0 * turn_s * step_deg / 360.0
    steps = max(1, math.ceil((360.0 - start_deg) / step_deg))
    angles = [min(360.0, start_deg + k * step_deg) for k in range(steps + 1)]
    times = [round(k * step_ms) for k in range(steps + 1)]
    group = QParallelAnimationGroup(parent)
    wedges = QSequentialAnimationGroup(group)
    group.addAnimation(wedges)
    begin = 0  # where the next wedge's animation starts: where the one before it ends
    for k, turn in enumerate(turns[:-1]):
        low, high = k * span, (k + 1) * span
        # Full, the piece starts a little before the wedge, and emptied, a little after it: its cut end, smoothed,
        # would show as a faint line where two wedges meet.
        values = [
            low - OVERLAP_DEG if angle < low else high + OVERLAP_DEG if angle >= high else angle for angle in angles
        ]
        turn.setAngle(values[0])
        if angles[0] >= high:
            continue  # emptied already
        end = next(i for i, angle in enumerate(angles) if angle >= high)
        wedges.addAnimation(_staircase(turn, values[begin : end + 1], times[begin : end + 1]))
        begin = end
    cap = turns[-1]
    cap.setAngle(start_deg)
    group.addAnimation(_staircase(cap, angles, times))
    return group


def _staircase(turn: QGraphicsRotation, angles: list[float], times: list[int]) -> QPropertyAnimation:
    """``turn``'s angle, held at each of ``angles`` from its time to the next's (milliseconds, from the first's):
    Qt's rotation repaints only when its angle changes."""
    animation = QPropertyAnimation(turn, b"angle")
    start = times[0]
    duration = max(1, times[-1] - start)
    animation.setDuration(duration)
    for i, (angle, at) in enumerate(zip(angles, times, strict=True)):
        animation.setKeyValueAt((at - start) / duration, angle)
        if i + 1 < len(times) and times[i + 1] > at:
            animation.setKeyValueAt((times[i + 1] - start) / duration - 1e-9, angle)
    return animation


def _toward(degrees: float, distance: float) -> QPointF:
    """``distance`` away in the direction ``degrees`` clockwise from the top, on a screen (y down)."""
    return QPointF(distance * math.sin(math.radians(degrees)), -distance * math.cos(math.radians(degrees)))


def _arc_piece(ring: Ring, color: QColor) -> tuple[QPixmap, QPointF]:
    """A picture of the ring's stroke from the top clockwise, a wedge's worth and a little more (flat ended),
    and where its top left lies from the ring's centre."""
    span = 360.0 / WEDGES + 2 * OVERLAP_DEG + 1.0
    outer = ring.radius + ring.width / 2 + MARGIN_PX
    inner = (ring.radius - ring.width / 2 - MARGIN_PX) * math.cos(math.radians(span))
    left, top = -MARGIN_PX, -outer
    right, bottom = outer * math.sin(math.radians(span)) + MARGIN_PX, -inner
    picture, painter = clear_picture(
        math.ceil((right - left) * ring.dpr), math.ceil((bottom - top) * ring.dpr), ring.dpr
    )
    painter.translate(-left, -top)  # the ring's centre at the origin
    painter.setPen(QPen(color, ring.width, Qt.PenStyle.SolidLine, Qt.PenCapStyle.FlatCap))
    box = QRectF(-ring.radius, -ring.radius, 2 * ring.radius, 2 * ring.radius)
    painter.drawArc(box, 90 * 16, round(-span * 16))  # Qt's arcs run anticlockwise from 3 o'clock
    painter.end()
    return picture, QPointF(left, top)


def _cap(ring: Ring, color: QColor) -> QPixmap:
    """A round cap of the ring's stroke: a disc as wide as the ring, MARGIN_PX in from the picture's edges."""
    side = ring.width + 2 * MARGIN_PX
    picture, painter = clear_picture(math.ceil(side * ring.dpr), math.ceil(side * ring.dpr), ring.dpr)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(color)
    painter.drawEllipse(QRectF(MARGIN_PX, MARGIN_PX, ring.width, ring.width))
    painter.end()
    return picture
