"""Where a frame's changing parts lie on the page, so that a view repaints only those rectangles."""

from __future__ import annotations

import math

from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QFont, QTransform

from massage_gui.core.frame import Frame
from massage_gui.core.positions import HAND_HALF_ACROSS, HAND_HALF_ALONG
from massage_gui.core.scene import Scene
from massage_gui.core.strokes import Hand, drawn_sides
from massage_gui.ui.diagram_labels import circle_box
from massage_gui.ui.diagram_painter import DiagramPainter

MARGIN_PX = 2.0  # antialiasing reaches a pixel beyond a shape's edge


def _around(transform: QTransform, x: float, y: float, radius_px: float) -> QRectF:
    return circle_box(transform.map(QPointF(x, y)), radius_px)


def _hand_box(diagram: DiagramPainter, transform: QTransform, hand: Hand, moved: bool) -> QRectF:
    """The finger pads' box: the pads span HAND_HALF_ALONG either way along the stroke and (the middle
    finger reaching a little further) HAND_HALF_ACROSS plus the reach across it."""
    s = diagram.style
    a = math.radians(hand.angle_deg)
    along, across = HAND_HALF_ALONG, HAND_HALF_ACROSS + s.pad_reach
    half_w = abs(along * math.cos(a)) + abs(across * math.sin(a))
    half_h = abs(along * math.sin(a)) + abs(across * math.cos(a))
    x, y = (hand.x + hand.dx, hand.y + hand.dy) if moved else (hand.x, hand.y)
    box = transform.mapRect(QRectF(x - half_w, y - half_h, 2 * half_w, 2 * half_h))
    pen = s.pad_pen_px
    return box.adjusted(-pen, -pen, pen, pen)


def moving_bounds(diagram: DiagramPainter, transform: QTransform, scene: Scene, frame: Frame) -> list[QRectF]:
    """Page rectangles that hold every part of ``diagram.paint_frame(..., layer="moving")`` that can differ
    from one frame to the next within the same still layer: between two such frames, only the union of
    both frames' rectangles changes. Parts that never move within a step (a static arrow) are left out, and
    so is the no-press warning (see ``warning_bounds``): it moves only when the hands make room."""
    return [*spot_bounds(diagram, transform, scene, frame), *hand_bounds(diagram, transform, frame)]


def spot_key(frame: Frame) -> tuple[object, ...]:
    """What ``spot_bounds`` depends on in a frame (besides the page and the scene): frames with the same key
    have the same spot bounds, so a view works them out once for each spot, not 60 times a second."""
    return (
        frame.step, frame.state, frame.position, frame.moving_on, frame.mirror, len(frame.arrows),
        frame.targets, frame.no_press, frame.next_hands,
    )  # fmt: skip


def spot_bounds(diagram: DiagramPainter, transform: QTransform, scene: Scene, frame: Frame) -> list[QRectF]:
    """The part of ``moving_bounds`` that stays put while the hands work one spot (see ``spot_key``): the
    targets' pulse, where the hands go next, each arrow's whole track, a blinking area."""
    step = frame.step
    if step is None or step.area == "breathing":
        return []
    s = diagram.style
    scale = transform.m11()
    rects: list[QRectF] = []
    if not diagram.has_still_part(frame):  # the blinking area and the no-press circles are drawn each frame
        outline = diagram.outline(scene, step.area, drawn_sides(step)).boundingRect()
        pen = s.active_pen_px
        rects.append(transform.mapRect(outline).adjusted(-pen, -pen, pen, pen))
        for zone in frame.no_press:
            rects.append(_around(transform, zone.x, zone.y, zone.radius * scale + s.no_press_cross_pen_px))
    marker = diagram.marker_radius(scale)
    stepping = frame.state == "step"
    ring = s.target_ring
    if stepping:
        ring = s.target_progress_ring if scene.reduced_motion else s.target_ring + s.target_pulse_grow
    reach = marker * max(ring, s.target_ring) + max(s.target_pen_px, s.target_pulse_pen_px)
    rects.extend(_around(transform, t.x, t.y, reach) for t in frame.targets)
    rects.extend(_hand_box(diagram, transform, hand, moved=False) for hand in frame.next_hands)
    if not stepping or scene.reduced_motion:  # no arrows yet, or they stand still
        return _padded(rects)
    rects.extend(diagram.arrow_box(transform, arrow) for arrow in frame.arrows)
    return _padded(rects)


def hand_bounds(diagram: DiagramPainter, transform: QTransform, frame: Frame) -> list[QRectF]:
    """The rest of ``moving_bounds``, which changes from frame to frame: the hands now, or a breath."""
    step = frame.step
    if step is None:
        return []
    if step.area == "breathing":
        s = diagram.style
        scale = transform.m11()
        fullness = frame.breath if frame.state == "step" else 0.0
        empty, grow = s.breath_radius
        rx = scale * (empty + grow * fullness) + s.breath_pen_px
        ry = scale * (empty + grow * fullness) * 0.75 + s.breath_pen_px
        c = transform.map(QPointF(*s.breath_center))
        return _padded([QRectF(c.x() - rx, c.y() - ry, 2 * rx, 2 * ry)])
    if frame.state != "step":
        return []
    return _padded([_hand_box(diagram, transform, hand, moved=True) for hand in frame.hands])


def warning_bounds(
    diagram: DiagramPainter, transform: QTransform, scene: Scene, frame: Frame, font: QFont, page: QRectF
) -> QRectF | None:
    """Where the no-press warning is drawn (None: it is not); ``paint_frame`` given a region leaves it out
    where the region does not reach it."""
    if not frame.no_press or frame.step is None:
        return None
    spots, names = diagram.spot_rooms(frame, transform), diagram.label_rooms(frame, transform)
    label = diagram.no_press_label(scene, frame.no_press, transform, font, page, spots, names)
    return None if label is None else _padded([label.rect])[0]


def _padded(rects: list[QRectF]) -> list[QRectF]:
    m = MARGIN_PX
    return [r.adjusted(-m, -m, m, m) for r in rects]


SUBPIXEL = 4  # the hands' sprites sit on a quarter-pixel grid: a smaller move paints the same pixels
FADE_LEVELS = 64  # a change of opacity smaller than a 64th (4 of 255 levels) is not seen


def visible_motion(diagram: DiagramPainter, transform: QTransform, scene: Scene, frame: Frame) -> tuple[object, ...]:
    """The moving parts as they would look: each place to a quarter pixel, each fade to a 64th. Two frames
    with the same value look alike, so a view paints a frame only when this changes: every frame while
    an arrow travels a quarter pixel or more in one (at the fastest pace, most frames), fewer while the
    skin eases in and out, rests, or a breath swells slowly."""
    s = diagram.style
    px = transform.m11()
    quarter = px * SUBPIXEL  # quarter pixels per face unit
    blink = None
    if frame.state == "transition":
        blink = round((s.blink_base + s.blink_swing * math.cos(2 * math.pi * frame.t)) * FADE_LEVELS)
    pulse = None
    if frame.phase is not None and frame.targets:
        ring = diagram.marker_radius(px)
        if scene.reduced_motion:  # the progress arc's end, along the ring
            pulse = (round(frame.phase * 2 * math.pi * ring * s.target_progress_ring * SUBPIXEL), 0)
        else:  # the pulse ring's radius, and its fade
            pulse = (round(frame.phase * ring * s.target_pulse_grow * SUBPIXEL), round(frame.phase * FADE_LEVELS))
    breath = None
    if frame.breath:
        breath = round(frame.breath * s.breath_radius[1] * quarter)
    arrows = tuple(
        (round(a.progress * max(a.path.length, s.min_stretch_arrow) * quarter), round(a.opacity * FADE_LEVELS))
        if a.path is not None  # a stretch: its head travels along a straight line as the skin goes
        else (round(a.x * quarter), round(a.y * quarter), round(a.opacity * FADE_LEVELS))  # circles: the head
        for a in frame.arrows
    )
    hands = tuple((round((h.x + h.dx) * quarter), round((h.y + h.dy) * quarter), h.angle_deg) for h in frame.hands)
    coming = tuple((round(h.x * quarter), round(h.y * quarter), h.angle_deg) for h in frame.next_hands)
    return (pulse, breath, blink, arrows, hands, coming, frame.targets, frame.no_press, scene.reduced_motion)
