"""A step as one still drawing: every hand position at once, numbered, with its arrows and the target node."""

from __future__ import annotations

import math
from dataclasses import dataclass, replace

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPen, QTransform

from massage_gui.core.anatomy import FACE_AREAS, NECK_AREAS
from massage_gui.core.frame import Arrow, Frame, Hand, frame_at
from massage_gui.core.plan import Plan, PlannedStep
from massage_gui.core.positions import HAND_HALF_ACROSS, HAND_HALF_ALONG
from massage_gui.core.scene import Scene, SceneArea
from massage_gui.core.strokes import CIRCLE_RADIUS, STRETCH_MOVE, SWEEP_MOVE, drawn_sides
from massage_gui.core.words import BREATH_IN_SHARE
from massage_gui.ui.diagram_painter import DiagramPainter
from massage_gui.ui.handout.style import Fonts
from massage_gui.ui.markers import marker_path
from massage_gui.ui.theme import Theme

HEAD_AND_NECK = FACE_AREAS | NECK_AREAS | {"behind_ear", "front_of_ear"}
CROP_PAD = 0.05  # face units around what the drawings must show
FACE_CHIN_ROOM = 0.08  # face units of neck below the face's lowest area in a face step's drawing
NUMBER_RADIUS_PX = 6.5
NUMBER_GAP_PX = 2.0
MIDLINE_X = 0.5


@dataclass(frozen=True)
class StepStill:
    """What a step's drawing shows: ``frame`` holds every position's hands (at rest) and arrows (the whole
    stroke), the target node and the no-press zones; ``spots`` each hand with its position's number."""

    step: PlannedStep
    frame: Frame
    spots: tuple[tuple[int, Hand], ...]


def print_scene(scene: Scene) -> Scene:
    """The window's scene for paper: skipped areas hatched as on screen, but without the node names (a
    legend on the first page names them) and without the faint dotted outline of every area the routine
    works (each drawing shades its own step's area instead)."""
    areas = tuple(SceneArea(a.area, a.side, a.outline, "unused") if a.status == "routine" else a for a in scene.areas)
    return Scene(scene.mirror, areas, scene.nodes, False, False)


def _full_stroke_phase(step: PlannedStep) -> float:
    """A moment of a stroke at which it shows whole: a stretch fully out, a circle half way round, lungs full."""
    if step.stroke == "breath":
        return BREATH_IN_SHARE * 0.999
    if step.stroke == "circles":
        return 0.5
    return (STRETCH_MOVE if step.stroke == "stretch" else SWEEP_MOVE) * 0.999


def _whole(arrow: Arrow) -> Arrow:
    """A stretch or sweep drawn out to its end, at full strength."""
    if arrow.path is None:
        return arrow
    return replace(arrow, progress=1.0, opacity=1.0)


def step_still(plan: Plan, step: PlannedStep) -> StepStill:
    """The step's still: one frame per hand position (its first stroke), put together."""
    phase = _full_stroke_phase(step)
    hands: list[Hand] = []
    arrows: list[Arrow] = []
    spots: list[tuple[int, Hand]] = []
    first: Frame | None = None
    for number, stroke in enumerate((0, *step.position_starts()), start=1):
        frame = frame_at(plan, step.start_s + (stroke + phase) * step.stroke_s)
        first = first or frame
        for hand in frame.hands:
            at_rest = replace(hand, dx=0.0, dy=0.0)
            hands.append(at_rest)
            spots.append((number, at_rest))
        arrows.extend(_whole(arrow) for arrow in frame.arrows)
    assert first is not None
    merged = replace(first, hands=tuple(hands), arrows=tuple(arrows), next_hands=(), phase=1.0)
    return StepStill(step, merged, tuple(spots) if step.positions > 1 else ())


def crop_region(scene: Scene, still: StepStill, breath_center: tuple[float, float], breath_size: float) -> QRectF:
    """The part of the drawing a step's picture shows (face units): the face for a step on the face, else the
    head and neck, and whatever the step reaches beyond them (the neck, an armpit, the upper chest, the breath)."""
    left = top = math.inf
    right = bottom = -math.inf

    def add(x: float, y: float, r: float = 0.0) -> None:
        nonlocal left, top, right, bottom
        left, top, right, bottom = min(left, x - r), min(top, y - r), max(right, x + r), max(bottom, y + r)

    step, frame = still.step, still.frame
    for area in sorted(FACE_AREAS if step.area in FACE_AREAS else HEAD_AND_NECK):
        for outline in scene.outlines(area):
            for x, y in outline:
                add(x, y)
    if step.area in FACE_AREAS:
        add(MIDLINE_X, bottom + FACE_CHIN_ROOM)  # the top of the neck, so the chin is not on the edge
    if step.stroke == "breath":
        add(*breath_center, breath_size)
    for outline in scene.outlines(step.area, drawn_sides(step)) if step.stroke != "breath" else ():
        for x, y in outline:
            add(x, y)
    for target in frame.targets:
        add(target.x, target.y, 0.03)
    for zone in frame.no_press:
        add(zone.x, zone.y, zone.radius)
    for hand in frame.hands:
        add(hand.x, hand.y, HAND_HALF_ALONG)
    return QRectF(left, top, right - left, bottom - top).adjusted(-CROP_PAD, -CROP_PAD, CROP_PAD, CROP_PAD)


def fit_region(box: QRectF, region: QRectF) -> QTransform:
    """Face units to page units: ``region`` as large as fits in ``box``, centred."""
    scale = max(min(box.width() / region.width(), box.height() / region.height()), 1e-3)
    dx = box.center().x() - region.center().x() * scale
    dy = box.center().y() - region.center().y() * scale
    return QTransform(scale, 0, 0, scale, dx, dy)


def _number_at(hand: Hand, transform: QTransform, reach: float) -> QPointF:
    """Beside the hand, across the stroke: on the side away from the middle of the face, or above a stroke
    that runs across the face (so that every number of a step sits on the same side)."""
    across = math.radians(hand.angle_deg + 90.0)
    ux, uy = math.cos(across), math.sin(across)
    across_the_face = abs(uy) > 2 * abs(ux)
    if (uy > 0) if across_the_face else (hand.x - MIDLINE_X) * ux < 0:
        ux, uy = -ux, -uy
    center = transform.map(QPointF(hand.x, hand.y))
    distance = reach * transform.m11() + NUMBER_GAP_PX + NUMBER_RADIUS_PX
    return QPointF(center.x() + ux * distance, center.y() + uy * distance)


def _paint_targets_on_top(
    painter: QPainter, transform: QTransform, frame: Frame, diagram: DiagramPainter, theme: Theme
) -> None:
    """The target node and its ring once more, over the hands: where the hands rest on the node (the
    collarbone hollow) the window shows them moving; a still would hide the node."""
    style = diagram.style
    radius = diagram.marker_radius(transform.m11())
    for target in frame.targets:
        center = transform.map(QPointF(target.x, target.y))
        color = theme.node_color(target.node)
        painter.setPen(QPen(color.darker(140), style.marker_pen_px))
        painter.setBrush(color)
        painter.drawPath(marker_path(target.node, center, radius))
        painter.setPen(QPen(theme.accent, style.target_pen_px))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawEllipse(center, radius * style.target_ring, radius * style.target_ring)


def paint_still(
    painter: QPainter,
    box: QRectF,
    region: QRectF,
    scene: Scene,
    still: StepStill,
    diagram: DiagramPainter,
    theme: Theme,
    fonts: Fonts,
) -> None:
    """The window's drawing of the step in ``box``: the face, the routine's areas, skipped areas hatched, the
    area shaded, every hand position numbered, the arrows, the target ring and the no-press zones."""
    transform = fit_region(box, region)
    painter.save()
    painter.setClipRect(box)
    painter.fillRect(box, theme.background)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    diagram.paint_static(
        painter, transform, scene, theme, fonts.small, box, diagram.label_rooms(still.frame, transform)
    )
    diagram.paint_frame(painter, transform, scene, still.frame, theme, fonts.small, box)
    _paint_targets_on_top(painter, transform, still.frame, diagram, theme)
    reach = CIRCLE_RADIUS if still.step.stroke == "circles" else HAND_HALF_ACROSS
    reach = max(reach, HAND_HALF_ACROSS)
    painter.setFont(fonts.number)
    for number, hand in still.spots:
        center = _number_at(hand, transform, reach)
        painter.setPen(QPen(theme.text, 1.0))
        painter.setBrush(theme.background)
        painter.drawEllipse(center, NUMBER_RADIUS_PX, NUMBER_RADIUS_PX)
        r = NUMBER_RADIUS_PX
        painter.drawText(
            QRectF(center.x() - r, center.y() - r, 2 * r, 2 * r), Qt.AlignmentFlag.AlignCenter, str(number)
        )
    painter.restore()
    painter.save()
    painter.setPen(QPen(QColor("#9E9E9E"), 0.8))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawRect(box)
    painter.restore()
