"""Plays a stroke's moving parts with Qt's animation timer, so that no Python runs between frames.

While a stroke toward a node runs (core/frame.py ``plays_through``), the face view shows this layer over itself: the
view's picture (the face, the step's still parts and what stands still through the stroke) behind, and the hands,
the arrows and the target's pulse as Qt's own items in front, their places and fades sampled from the core's frames
over one stroke. A stroke that moves just as the one before it (``repeats``) is played in a loop; the last at a
spot, which shows the next spot and moves the hands on, once; its arrows' tracks are then parts of their own, which
go with the arrows as the hands move on. The face view keeps it in step with the core's frames."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QAbstractAnimation, QParallelAnimationGroup, QPointF, QPropertyAnimation, QRectF, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPen, QPixmap, QTransform
from PySide6.QtWidgets import (
    QGraphicsItem,
    QGraphicsLineItem,
    QGraphicsPixmapItem,
    QGraphicsPolygonItem,
    QGraphicsScale,
    QGraphicsWidget,
    QWidget,
)

from massage_gui.core.anatomy import BodySide
from massage_gui.core.frame import Arrow, Frame, repeats, stroke_frames
from massage_gui.ui.arc_box import arc_box
from massage_gui.ui.arrow_painter import head_polygon, paint_arrow_track, paint_head, stretch_line
from massage_gui.ui.diagram_painter import DiagramPainter
from massage_gui.ui.hands_painter import SUBPIXEL_STEPS, hand_pen_and_fill, hand_sprite
from massage_gui.ui.played_view import Stage, clear_picture
from massage_gui.ui.theme import Theme

SAMPLES = 61  # moments sampled over one stroke (a 60th of it apart); Qt moves the parts in straight lines between
# Pictures of a target's pulse ring, each at one size of its growth: its line is blended from a picture at most
# 6 % larger or smaller than drawn (at 6, for a ring that doubles), a few hundredths of a pixel.
PULSE_SIZES = 6
IN_STEP_MS = 20  # how far the played stroke may drift from the core's time before it is put back in step


class StrokeLayer:
    """The moving parts of one repeating stroke over a picture of the rest, in ``view`` (ui/played_view.py), a
    child of the widget given, hidden until it plays. Holds nothing but what it shows."""

    def __init__(self, parent: QWidget) -> None:
        self._stage = Stage(parent)
        self.view = self._stage.view
        self._key: tuple[object, ...] | None = None
        self._group: QParallelAnimationGroup | None = None
        self._parts: list[object] = []  # PySide deletes an item in another with its wrapper: kept until stop()
        self._duration_ms = 0
        self._loops = True  # played in a loop (a stroke that repeats), or once

    @property
    def key(self) -> tuple[object, ...] | None:
        """What the layer was built for (None: nothing)."""
        return self._key

    def items(self) -> list[QGraphicsItem]:
        """The parts shown (and those that hold them)."""
        return self._stage.items()

    @property
    def playing(self) -> bool:
        """Whether it is shown and Qt moves its parts on."""
        group = self._group
        return self.view.isVisible() and group is not None and group.state() == QAbstractAnimation.State.Running

    def loop_ms(self) -> int:
        """Where in the stroke the played parts are, in milliseconds from its start."""
        return self._group.currentLoopTime() if self._group is not None else 0

    def play(
        self,
        key: tuple[object, ...],
        frame: Frame,
        picture: QImage,
        transform: QTransform,
        theme: Theme,
        diagram: DiagramPainter,
    ) -> None:
        """Show ``frame``'s stroke over ``picture`` (the view's, at its size and pixel ratio) and play it from
        the frame's moment on: in a loop if it ``repeats``, else once, its parts then staying where it ends. Built
        anew when ``key`` (what the parts depend on) changes; otherwise only put back in step when it has drifted
        from the frame by more than ``IN_STEP_MS``."""
        step = frame.step
        if step is None or frame.phase is None:
            raise ValueError("a stroke layer plays a frame within a stroke")
        if key != self._key:
            self._duration_ms = max(1, round(step.stroke_s * 1000))
            self._loops = repeats(frame)
            self._build(stroke_frames(frame, SAMPLES), picture, transform, theme, diagram)
            self._key = key
        group = self._group
        assert group is not None
        due = min(round(frame.phase * self._duration_ms), self._duration_ms - 1)
        drift = abs(group.currentLoopTime() - due)
        if self._loops:
            drift = min(drift, self._duration_ms - drift)  # a loop's end meets its start
        if group.state() != QAbstractAnimation.State.Running and group.animationCount():
            group.start()
            group.setCurrentTime(due)
        elif drift > IN_STEP_MS:
            group.setCurrentTime(due)
        if not self.view.isVisible():
            self.view.show()

    def stop(self) -> None:
        """Hide, stop, and let go of the items and the picture."""
        self.view.hide()
        if self._group is not None:
            self._group.stop()
            self._group.deleteLater()
            self._group = None
        self._stage.clear()
        self._parts.clear()
        self._stage.clear_background()
        self._key = None

    # -- building ----------------------------------------------------------------------------------

    def _build(
        self,
        frames: Sequence[Frame],
        picture: QImage,
        transform: QTransform,
        theme: Theme,
        diagram: DiagramPainter,
    ) -> None:
        self.stop()
        view = self.view
        self._stage.set_rect(view.width(), view.height())
        self._stage.set_background(picture)  # shared with the face view, not copied
        group = QParallelAnimationGroup(view)
        group.setLoopCount(-1 if self._loops else 1)
        self._group = group
        build = _Build(group, self._duration_ms, frames, transform, theme, diagram, picture.devicePixelRatio())
        self._add_pulses(build)  # under the hands, as the face view draws it
        for i in range(len(frames[0].hands)):
            self._add_hand(build, i)
        lines = False
        for arrow in frames[0].arrows:
            if not self._loops:  # its arrows, and their tracks, go while the hands move on
                self._add_track(build, arrow.side)
            if arrow.center is not None:
                self._add_circle(build, arrow.side)
            elif arrow.path is not None:
                self._add_stretch(build, arrow.side)
                lines = True
        # Pictures only (circles): each drawn with a clear edge, which the view need not smooth. Antialiased, a
        # turned picture cost Qt two and a half times as much to draw.
        view.setRenderHint(QPainter.RenderHint.Antialiasing, lines)

    def _holder(self, parent: QGraphicsItem | None = None) -> QGraphicsWidget:
        """An empty item whose place, turn, size and fade Qt can animate, for the drawn items in it."""
        holder = QGraphicsWidget(parent)
        if parent is None:
            self._stage.add(holder)
        self._parts.append(holder)
        return holder

    def _add_track(self, build: _Build, body_side: BodySide) -> None:
        """An arrow's faint track, as the still picture has it for a stroke that repeats (see
        ``DiagramPainter.paint_stroke_still``), on a picture of its own on the view's pixels, shown while the arrow
        is."""
        arrow, arrows = _arrows_of(build.frames, body_side)
        transform, dpr = build.transform, build.dpr
        width = build.diagram.arrow_width(transform.m11())
        box = build.diagram.arrow_box(transform, arrow)
        left, top = math.floor(box.left() * dpr), math.floor(box.top() * dpr)  # on the picture's own pixels
        picture, painter = clear_picture(
            math.ceil(box.right() * dpr) - left + 1, math.ceil(box.bottom() * dpr) - top + 1, dpr
        )
        painter.translate(-left / dpr, -top / dpr)
        paint_arrow_track(painter, transform, arrow, QColor(build.theme.accent), build.diagram.style, width)
        painter.end()
        holder = self._holder()
        holder.setPos(left / dpr, top / dpr)
        QGraphicsPixmapItem(picture, holder)
        _animate(build, holder, b"opacity", [0.0 if a is None else 1.0 for a in arrows])

    def _add_hand(self, build: _Build, i: int) -> None:
        """A hand's pads, moved with the skin. The picture is made for the spot where the pads rest, so that
        they are as sharp there as the face view draws them; between, Qt blends neighbouring pixels."""
        dpr = build.dpr
        places = [
            build.transform.map(QPointF(f.hands[i].x + f.hands[i].dx, f.hands[i].y + f.hands[i].dy))
            for f in build.frames
        ]
        rest = build.transform.map(QPointF(build.frames[0].hands[i].x, build.frames[0].hands[i].y))
        device_x, device_y = rest.x() * dpr, rest.y() * dpr
        qx = round((device_x - math.floor(device_x)) * SUBPIXEL_STEPS)
        qy = round((device_y - math.floor(device_y)) * SUBPIXEL_STEPS)
        pen, fill = hand_pen_and_fill(build.theme, build.diagram.style)
        angle = build.frames[0].hands[i].angle_deg
        sprite, left, top = hand_sprite(
            angle, build.diagram.style.pad_reach, build.transform.m11(), dpr, pen, fill, qx, qy
        )
        holder = self._holder()
        item = QGraphicsPixmapItem(sprite, holder)
        item.setTransformationMode(Qt.TransformationMode.SmoothTransformation)
        # the pads' origin at the holder's: (left + q/4) device pixels into the picture
        item.setOffset(-(left + qx / SUBPIXEL_STEPS) / dpr, -(top + qy / SUBPIXEL_STEPS) / dpr)
        _animate(build, holder, b"pos", places)

    def _add_circle(self, build: _Build, body_side: BodySide) -> None:
        """A circle's fading trail and head, turned about the circle's centre (its track is in the picture, or a
        part of its own: see ``_add_track``)."""
        s = build.diagram.style
        arrow, arrows = _arrows_of(build.frames, body_side)
        assert arrow.center is not None
        center = build.transform.map(QPointF(*arrow.center))
        r = arrow.radius * build.transform.m11()
        width = build.diagram.arrow_width(build.transform.m11())
        holder = self._holder()
        holder.setPos(center)
        # One picture of the trail and the head, with the head at angle 0 (right of the centre), turned by Qt:
        # cheaper to draw turned at each frame than the trail's pieces stroked anew. Only as large as the trail
        # and the head: Qt turns every pixel of the picture, and the rest of the circle's square is empty.
        dpr = build.dpr
        box = QRectF(-r, -r, 2 * r, 2 * r)
        sweep = -s.circle_trail_deg if arrow.turn > 0 else s.circle_trail_deg  # Qt's arcs count anticlockwise
        piece = sweep / s.trail_segments
        turned = _screen_angle(arrow, center, build.transform)
        head = head_polygon(QPointF(r, 0), arrow.angle_deg - turned, width * s.head_size)
        x0, y0, x1, y1 = arc_box(0.0, 0.0, r, width * 0.8 / 2, -sweep, 0.0)
        drawn = QRectF(x0, y0, x1 - x0, y1 - y0).united(head.boundingRect())
        left, top = math.floor((drawn.left() - 2) * dpr) / dpr, math.floor((drawn.top() - 2) * dpr) / dpr  # 2: AA
        picture, painter = clear_picture(
            math.ceil((drawn.right() + 2) * dpr - left * dpr), math.ceil((drawn.bottom() + 2) * dpr - top * dpr), dpr
        )
        painter.translate(-left, -top)  # the circle's centre at the origin
        for k in range(s.trail_segments):
            color = QColor(build.theme.accent)
            color.setAlphaF(color.alphaF() * (0.15 + 0.85 * (k + 1) / s.trail_segments))
            painter.setPen(QPen(color, width * 0.8, Qt.PenStyle.SolidLine, Qt.PenCapStyle.FlatCap))
            painter.drawArc(box, round((-sweep + piece * k) * 16), round(piece * 16))
        paint_head(painter, QPointF(r, 0), arrow.angle_deg - turned, width * s.head_size, QColor(build.theme.accent))
        painter.end()
        item = QGraphicsPixmapItem(picture, holder)
        item.setTransformationMode(Qt.TransformationMode.SmoothTransformation)
        item.setOffset(left, top)
        turns = [_screen_angle(arrow, center, build.transform)]
        for later in arrows[1:]:  # no jump from 359° to 0°: Qt would turn the long way back
            angle = turns[-1] if later is None else _screen_angle(later, center, build.transform)
            turns.append(turns[-1] + (angle - turns[-1] + 180.0) % 360.0 - 180.0)
        _animate(build, holder, b"rotation", turns)
        _animate(build, holder, b"opacity", [0.0 if a is None else a.opacity for a in arrows])

    def _add_stretch(self, build: _Build, body_side: BodySide) -> None:
        """A stretch's line, drawn out from where the pads rest as far as the skin goes, and its head at the
        line's end (its track is in the picture, or a part of its own: see ``_add_track``)."""
        s = build.diagram.style
        arrow, arrows = _arrows_of(build.frames, body_side)
        (x0, y0), (x1, y1) = stretch_line(arrow, s)
        start, end = build.transform.map(QPointF(x0, y0)), build.transform.map(QPointF(x1, y1))
        length = math.hypot(end.x() - start.x(), end.y() - start.y())
        width = build.diagram.arrow_width(build.transform.m11())
        holder = self._holder()
        holder.setPos(start)
        holder.setRotation(math.degrees(math.atan2(end.y() - start.y(), end.x() - start.x())))
        drawn = self._holder(holder)
        stretched = QGraphicsScale(drawn)  # along the line only
        drawn.setTransformations([stretched])
        self._parts.append(stretched)
        pen = QPen(build.theme.accent, width * 0.7, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap)
        pen.setCosmetic(True)  # its width and round ends in pixels, not stretched with the line
        QGraphicsLineItem(0.0, 0.0, length, 0.0, drawn).setPen(pen)
        tip = self._holder(holder)
        head = QGraphicsPolygonItem(head_polygon(QPointF(0, 0), 0.0, min(width * s.head_size, length * 0.6)), tip)
        head.setBrush(build.theme.accent)
        head.setPen(QPen(Qt.PenStyle.NoPen))
        progress = [0.0 if a is None else a.progress for a in arrows]
        _animate(build, stretched, b"xScale", progress)
        _animate(build, tip, b"pos", [QPointF(p * length, 0.0) for p in progress])
        _animate(build, holder, b"opacity", [0.0 if a is None else a.opacity for a in arrows])

    def _add_pulses(self, build: _Build) -> None:
        """Each target's pulse: a ring that grows from the target's ring and fades over the stroke, its line as
        thick at every size. Drawn from PULSE_SIZES pictures, each of the ring at one size of its growth and
        shown while it grows through that size: a picture costs a third of a ring stroked anew at each frame,
        and needs no antialiasing from the view (see ``_build``)."""
        s = build.diagram.style
        ring = build.diagram.marker_radius(build.transform.m11()) * s.target_ring
        grown = 1.0 + s.target_pulse_grow / s.target_ring  # its size at the stroke's end, to the target's ring
        phases = [f.phase or 0.0 for f in build.frames]
        scales = [1.0 + (grown - 1.0) * p for p in phases]
        sizes = [grown ** ((k + 0.5) / PULSE_SIZES) for k in range(PULSE_SIZES)]
        pictures = [_ring_picture(ring * size, s.target_pulse_pen_px, build.theme.accent, build.dpr) for size in sizes]
        for target in build.frames[0].targets:
            holder = self._holder()
            holder.setPos(build.transform.map(QPointF(target.x, target.y)))
            _animate(build, holder, b"scale", scales)
            _animate(build, holder, b"opacity", [1.0 - p for p in phases])
            for k, (picture, size) in enumerate(zip(pictures, sizes, strict=True)):
                shown = self._holder(holder)
                item = QGraphicsPixmapItem(picture, shown)
                item.setTransformationMode(Qt.TransformationMode.SmoothTransformation)
                half = picture.width() / build.dpr / 2
                item.setOffset(-half, -half)
                item.setScale(1.0 / size)  # the ring's own size in the holder, which Qt grows
                _animate(build, shown, b"opacity", [1.0 if _pulse_size(scale, grown) == k else 0.0 for scale in scales])


def _pulse_size(scale: float, grown: float) -> int:
    """Which of the pulse's PULSE_SIZES pictures shows it at ``scale`` (1 to ``grown``)."""
    return min(PULSE_SIZES - 1, max(0, math.floor(PULSE_SIZES * math.log(scale) / math.log(grown))))


def _ring_picture(radius: float, pen_px: float, color: QColor, dpr: float) -> QPixmap:
    """A ring of ``radius`` drawn with a ``pen_px`` line, centred in a square picture at ``dpr`` with a clear
    edge (so that Qt need not smooth the picture's own edges when it scales it)."""
    picture, painter = _centred_picture(radius + pen_px / 2 + 2, dpr)  # 2: antialiasing, and Qt's blending
    painter.setPen(QPen(color, pen_px))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawEllipse(QPointF(0.0, 0.0), radius, radius)
    painter.end()
    return picture


def _centred_picture(reach: float, dpr: float) -> tuple[QPixmap, QPainter]:
    """A clear square picture at ``dpr``, ``reach`` pixels or more from its centre to each side, and an
    antialiased painter on it with its origin at the centre (to be ended by the caller)."""
    side = math.ceil(2 * reach * dpr)
    picture, painter = clear_picture(side, side, dpr)
    painter.translate(side / dpr / 2, side / dpr / 2)
    return picture, painter


@dataclass(frozen=True)
class _Build:
    """What the parts of one stroke are made from: the animation group that plays them and the stroke's length,
    its frames, where the face goes on the view, its colours and sizes, and the view's device pixels to one."""

    group: QParallelAnimationGroup
    duration_ms: int
    frames: Sequence[Frame]
    transform: QTransform
    theme: Theme
    diagram: DiagramPainter
    dpr: float


def _arrows_of(frames: Sequence[Frame], side: BodySide) -> tuple[Arrow, list[Arrow | None]]:
    """The arrow on ``side`` at the stroke's start, and in each frame: None where there is none (its hands are
    moving on to the next spot)."""
    arrows = [next((a for a in f.arrows if a.side == side), None) for f in frames]
    first = arrows[0]
    if first is None:
        raise ValueError(f"no arrow on the {side} side at the stroke's start")
    return first, arrows


def _screen_angle(arrow: Arrow, center: QPointF, transform: QTransform) -> float:
    """Where a circle's head is, as seen from its centre: degrees clockwise from the right, on the page."""
    head = transform.map(QPointF(arrow.x, arrow.y))
    return math.degrees(math.atan2(head.y() - center.y(), head.x() - center.x()))


def _animate(build: _Build, target: QGraphicsWidget | QGraphicsScale, name: bytes, values: Sequence[object]) -> None:
    """Play ``values`` (evenly spaced over the stroke) on the ``name`` property; a value that stays the same
    is set once, and nothing plays."""
    if all(value == values[0] for value in values):
        target.setProperty(name.decode(), values[0])
        return
    animation = QPropertyAnimation(target, name, build.group)
    animation.setDuration(build.duration_ms)
    last = len(values) - 1
    for k, value in enumerate(values):
        animation.setKeyValueAt(k / last, value)
    build.group.addAnimation(animation)
