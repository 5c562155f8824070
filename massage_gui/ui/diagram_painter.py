"""Paints the face-and-neck diagram (a scene and a frame) on any QPainter: a widget, a pixmap or a PDF page."""

from __future__ import annotations

import math
from typing import Literal

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontMetricsF,
    QPainter,
    QPainterPath,
    QPen,
    QPolygonF,
    QRegion,
    QTransform,
)

from massage_gui.core.anatomy import BodySide
from massage_gui.core.frame import Frame, Zone, repeats
from massage_gui.core.scene import Scene
from massage_gui.core.strokes import Arrow, drawn_sides, spot_arrows, spot_hands, step_hands
from massage_gui.ui.arrow_painter import paint_arrow, paint_arrow_track, paint_static_arrow, stretch_line
from massage_gui.ui.diagram_labels import NoPressPlaces, PlacedLabel, circle_box, marker_boxes, place_node_labels
from massage_gui.ui.diagram_style import DIAGRAM_STYLE, DiagramStyle, clamp_scaled
from massage_gui.ui.face_art import ArtColors, FaceArt, default_art
from massage_gui.ui.hands_painter import pads_box, pads_room, paint_hands
from massage_gui.ui.markers import marker_path
from massage_gui.ui.pens import alpha_byte, cached_pen, qpoint
from massage_gui.ui.theme import Theme

FrameLayer = Literal["all", "still", "moving"]


# Where the no-press warning's halo is drawn, round its words (pixels): within the 2 px the repaints allow it.
HALO_OFFSETS = tuple(
    (round(1.25 * math.cos(k * math.pi / 4), 2), round(1.25 * math.sin(k * math.pi / 4), 2)) for k in range(8)
)


class DiagramPainter:
    """Knows how the diagram looks; keeps nothing about any one moment. Coordinates come from the
    scene and the frame (screen face coordinates), mapped to the page by ``fit``'s transform."""

    def __init__(self, art: FaceArt | None = None, style: DiagramStyle = DIAGRAM_STYLE) -> None:
        self.art = art or default_art()
        self.style = style
        self._outlines: dict[tuple[str, tuple[BodySide, ...]], QPainterPath] = {}
        self._outlines_scene: Scene | None = None
        self._labels_key: tuple[object, ...] | None = None
        self._labels: list[PlacedLabel] = []
        self._no_press_key: tuple[object, ...] | None = None  # what the places left for the warning hold for
        self._no_press_places: NoPressPlaces | None = None
        self._no_press_rooms: tuple[QRectF, ...] | None = None
        self._no_press: PlacedLabel | None = None
        self._rooms_key: tuple[object, ...] | None = None
        self._rooms: tuple[QRectF, ...] = ()
        self._spot_rooms_key: tuple[object, ...] | None = None
        self._spot_rooms: tuple[QRectF, ...] = ()

    # -- geometry ----------------------------------------------------------------------------------

    def fit(self, rect: QRectF) -> QTransform:
        """Face coordinates to page pixels: the whole drawing fitted and centred in ``rect``."""
        bounds = self.art.bounds
        m = self.style.margin_px
        avail = rect.adjusted(m, m, -m, -m)
        scale = max(min(avail.width() / bounds.width(), avail.height() / bounds.height()), 1e-3)
        dx = avail.center().x() - bounds.center().x() * scale
        dy = avail.center().y() - bounds.center().y() * scale
        return QTransform(scale, 0, 0, scale, dx, dy)

    def outline(self, scene: Scene, area: str, sides: tuple[BodySide, ...] = ("right", "left")) -> QPainterPath:
        """An area's outline on those sides, on screen in face coordinates (kept until the scene changes)."""
        if scene is not self._outlines_scene:
            self._outlines.clear()
            self._outlines_scene = scene
        key = (area, sides)
        path = self._outlines.get(key)
        if path is None:
            path = QPainterPath()
            path.setFillRule(Qt.FillRule.WindingFill)
            for points in scene.outlines(area, sides):
                path.addPolygon(QPolygonF([qpoint(p) for p in points]))
                path.closeSubpath()
            self._outlines[key] = path
        return path

    def marker_radius(self, scale: float) -> float:
        s = self.style
        return clamp_scaled(scale, s.marker_per_unit, *s.marker_px)

    def arrow_width(self, scale: float) -> float:
        s = self.style
        return clamp_scaled(scale, s.arrow_per_unit, *s.arrow_px)

    # -- the still layer ---------------------------------------------------------------------------

    def paint_static(
        self,
        painter: QPainter,
        transform: QTransform,
        scene: Scene,
        theme: Theme,
        font: QFont,
        page: QRectF,
        clear_of: tuple[QRectF, ...] = (),
    ) -> None:
        """The face, the routine's areas, skipped areas and the node markers (with names if wanted, placed
        clear of ``clear_of``: see ``label_rooms``)."""
        self._paint_areas(painter, transform, scene, theme)
        s = self.style
        scale = transform.m11()
        radius = self.marker_radius(scale)
        for node in scene.nodes:
            center = transform.map(QPointF(node.x, node.y))
            color = theme.node_color(node.node)
            pen = QPen(color.darker(140) if not theme.dark else color.lighter(130), s.marker_pen_px)
            if node.hidden:
                pen.setStyle(Qt.PenStyle.DashLine)
                painter.setBrush(Qt.BrushStyle.NoBrush)
            else:
                painter.setBrush(color)
            painter.setPen(pen)
            painter.drawPath(marker_path(node.node, center, radius))
        painter.setFont(self.label_font(font, scale))
        painter.setPen(theme.muted_text)
        for label in self.node_labels(scene, transform, font, page, clear_of):
            painter.drawText(label.rect, Qt.AlignmentFlag.AlignCenter, label.text)

    def _paint_areas(self, painter: QPainter, transform: QTransform, scene: Scene, theme: Theme) -> None:
        """The face, the routine's areas (dotted) and the skipped areas (hatched)."""
        s = self.style
        scale = transform.m11()
        painter.save()
        painter.setTransform(transform, combine=True)
        self.art.paint(painter, art_colors(theme), scale)
        faint = QColor(theme.area_line)
        faint.setAlphaF(faint.alphaF() * s.routine_outline_alpha)
        pen = QPen(faint, 1.0, Qt.PenStyle.DotLine)
        pen.setCosmetic(True)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        routine: dict[str, list[BodySide]] = {}
        for item in scene.areas:
            if item.status == "routine" and item.area != "breathing":
                routine.setdefault(item.area, []).append(item.side)
        for area, sides in sorted(routine.items()):
            # simplified: no seam on the midline where both sides meet
            painter.drawPath(self.outline(scene, area, tuple(sides)).simplified())
        painter.restore()
        for area, side in sorted({(a.area, a.side) for a in scene.areas if a.status == "skipped"}):
            path = transform.map(self.outline(scene, area, (side,)))
            color = QColor(theme.skipped)
            color.setAlpha(s.skipped_alpha)
            painter.setPen(QPen(color, s.skipped_pen_px, Qt.PenStyle.DashLine))
            painter.setBrush(QBrush(color, Qt.BrushStyle.BDiagPattern))
            painter.drawPath(path)

    def label_font(self, font: QFont, scale: float) -> QFont:
        s = self.style
        label_font = QFont(font)
        label_font.setPointSizeF(clamp_scaled(scale, s.label_pt_per_unit, *s.label_pt))
        return label_font

    def node_labels(
        self, scene: Scene, transform: QTransform, font: QFont, page: QRectF, clear_of: tuple[QRectF, ...] = ()
    ) -> list[PlacedLabel]:
        """Where each node's name goes, clear of ``clear_of`` too (kept while all that stays the same)."""
        scale = transform.m11()
        label_font = self.label_font(font, scale)
        key = (id(scene), scene, transform.m11(), transform.dx(), transform.dy(), page, label_font.key(), clear_of)
        if key != self._labels_key:
            radius = self.marker_radius(scale)
            self._labels = place_node_labels(
                scene, transform, page, QFontMetricsF(label_font), radius, 2 * self.style.label_gap_px,
                radius * self.style.target_ring, clear_of,
            )  # fmt: skip
            self._labels_key = key
        return self._labels

    def label_rooms(self, frame: Frame | None, transform: QTransform) -> tuple[QRectF, ...]:
        """Where the hands go over the frame's step, on the page, when the step's still part is drawn (see
        ``has_still_part``): the node names keep clear of them then, as a name under the fingers cannot be
        read. None otherwise (the names stay where they are between steps)."""
        if frame is None or frame.step is None or not self.has_still_part(frame):
            return ()
        key = (frame.step, frame.mirror, transform.m11(), transform.dx(), transform.dy())
        if key != self._rooms_key:
            hands = step_hands(frame.step, frame.mirror)
            self._rooms = tuple(transform.mapRect(pads_room(hand, self.style)) for hand in hands)
            self._rooms_key = key
        return self._rooms

    def spot_rooms(self, frame: Frame, transform: QTransform) -> tuple[QRectF, ...]:
        """Where the hands and the stroke go while they work the frame's spot, on the page: each hand's pads at
        rest and over their whole stretch, and each arrow's whole track; once the next spot is shown, that spot
        and the way to it. The no-press warning keeps clear of these, so that it stands still while the pads
        stretch and let go, and moves (if it must) only when the next spot shows."""
        if frame.step is None:
            return ()
        here = frame.position if frame.state == "step" else None
        key = (frame.step, here, frame.mirror, frame.next_hands, transform.m11(), transform.dx(), transform.dy())
        if key != self._spot_rooms_key:
            working = spot_hands(frame.step, here, frame.mirror) if here is not None else ()
            rooms = [pads_room(hand, self.style) for hand in working]
            for coming in frame.next_hands:
                rooms.append(pads_box(coming, self.style, moved=False))
                for hand in working:
                    if hand.side == coming.side:  # the way the pads glide there
                        rest = pads_box(hand, self.style, moved=False)
                        rooms.append(rest.united(rest.translated(coming.x - hand.x, coming.y - hand.y)))
            arrows = spot_arrows(frame.step, here, frame.mirror) if here is not None else ()
            self._spot_rooms = (
                *(transform.mapRect(room) for room in rooms),
                *(self.arrow_box(transform, arrow) for arrow in arrows),
            )
            self._spot_rooms_key = key
        return self._spot_rooms

    def arrow_box(self, transform: QTransform, arrow: Arrow) -> QRectF:
        """Where an arrow reaches all through its stroke, on the page: its whole track, with its head and line."""
        width = self.arrow_width(transform.m11())
        reach = width * self.style.head_size + width
        if arrow.center is not None:
            return circle_box(transform.map(QPointF(*arrow.center)), arrow.radius * transform.m11() + reach)
        (x0, y0), (x1, y1) = stretch_line(arrow, self.style)
        box = QRectF(transform.map(QPointF(x0, y0)), transform.map(QPointF(x1, y1))).normalized()
        return box.adjusted(-reach, -reach, reach, reach)

    # -- one moment --------------------------------------------------------------------------------

    def paint_frame(
        self,
        painter: QPainter,
        transform: QTransform,
        scene: Scene,
        frame: Frame,
        theme: Theme,
        font: QFont,
        page: QRectF,
        layer: FrameLayer = "all",
        only: QRegion | None = None,
    ) -> None:
        """The active area, the no-press zone, the target nodes and the arrows of one frame.

        ``layer`` "still" paints only what stays the same all through a step (the area and the no-press
        circles, see ``has_still_part``), "moving" the rest on top of it; "all" (the default) both.
        ``only``: the region being repainted on screen; the no-press warning is left out where it does not reach
        it. None (a page to print, say): all of it, drawn as outlines."""
        step = frame.step
        if step is None:
            return
        scale = transform.m11()
        if step.area == "breathing":
            if layer != "still":
                self._paint_breath(painter, transform, frame, theme)
            return
        s = self.style
        still = self.has_still_part(frame)
        if layer == "all" or (layer == "still") == still:
            fill = QColor(theme.area_fill)
            if frame.state == "transition":  # the coming area blinks gently
                fill.setAlphaF(fill.alphaF() * (s.blink_base + s.blink_swing * math.cos(2 * math.pi * frame.t)))
            pen = QPen(theme.accent, s.active_pen_px)
            pen.setCosmetic(True)
            painter.save()
            painter.setTransform(transform, combine=True)
            painter.setPen(pen)
            painter.setBrush(fill)
            painter.drawPath(self.outline(scene, step.area, drawn_sides(step)))  # only the sides worked
            painter.restore()
            self._paint_no_press_zones(painter, transform, frame.no_press, theme)
        if layer == "still":
            if still:  # the target's ring stands still; only its pulse moves
                for target in frame.targets:
                    self._paint_target_ring(painter, transform.map(QPointF(target.x, target.y)), theme, scale)
            return
        if frame.no_press:
            rooms = self.label_rooms(frame, transform)
            spots = self.spot_rooms(frame, transform)
            self._paint_no_press_label(painter, transform, scene, frame.no_press, theme, font, page, spots, only, rooms)
        for target in frame.targets:
            center = transform.map(QPointF(target.x, target.y))
            self._paint_target(painter, center, frame, scene, theme, scale)
            if layer == "all":
                self._paint_target_ring(painter, center, theme, scale)
        screen = only is not None
        paint_hands(painter, transform, frame.next_hands, theme, s, coming=True, on_screen=screen)
        if frame.state != "step":
            return
        paint_hands(painter, transform, frame.hands, theme, s, on_screen=screen)
        for arrow in frame.arrows:
            width = self.arrow_width(transform.m11())
            if scene.reduced_motion:
                paint_static_arrow(painter, transform, arrow, theme.accent, self.style, width)
            else:
                paint_arrow(painter, transform, arrow, theme.accent, self.style, width)

    def paint_stroke_still(
        self, painter: QPainter, transform: QTransform, scene: Scene, frame: Frame, theme: Theme, font: QFont,
        page: QRectF,
    ) -> None:  # fmt: skip
        """What stands still all through a stroke that plays through (see core/frame.py ``plays_through``) but
        lies on the moving layer: the no-press warning, clear of the hands at this spot, the arrows' tracks, and
        where the hands go next once the next spot shows. A view that plays the rest of such a stroke itself
        (ui/stroke_layer.py) draws this once, under it. The arrows' tracks only for a stroke that ``repeats``: in the
        last at a spot they go with their arrows as the hands move on (the layer plays them then)."""
        if frame.no_press:
            rooms, spots = self.label_rooms(frame, transform), self.spot_rooms(frame, transform)
            self._paint_no_press_label(painter, transform, scene, frame.no_press, theme, font, page, spots, None, rooms)
        width = self.arrow_width(transform.m11())
        for arrow in frame.arrows if repeats(frame) else ():
            paint_arrow_track(painter, transform, arrow, theme.accent, self.style, width)
        paint_hands(painter, transform, frame.next_hands, theme, self.style, coming=True, on_screen=True)

    def no_press_label(
        self,
        scene: Scene,
        zones: tuple[Zone, ...],
        transform: QTransform,
        font: QFont,
        page: QRectF,
        spots: tuple[QRectF, ...] = (),
        clear_of: tuple[QRectF, ...] = (),
    ) -> PlacedLabel | None:
        """Where the no-press warning goes, clear of every node name (placed clear of ``clear_of``), marker
        and the ``spots`` rooms (where the hands and the stroke go, see ``spot_rooms``) on the page (None: no
        room)."""
        if not zones:
            return None
        key = (scene, zones, transform, font.key(), page, clear_of)
        if key != self._no_press_key or self._no_press_places is None:
            ring = self.marker_radius(transform.m11()) * self.style.target_ring
            taken = [label.rect for label in self.node_labels(scene, transform, font, page, clear_of)]
            taken += marker_boxes(scene, transform, ring)
            metrics = QFontMetricsF(self.no_press_font(font, transform))
            self._no_press_places = NoPressPlaces(zones, transform, page, metrics, taken)
            self._no_press_key = key
            self._no_press_rooms = None
        if spots != self._no_press_rooms:
            self._no_press = self._no_press_places.first_clear_of(list(spots))
            self._no_press_rooms = spots
        return self._no_press

    def has_still_part(self, frame: Frame) -> bool:
        """Whether some of the frame stays the same all through its step: the area and the no-press circles,
        except in a transition, where the coming area blinks (and on a breathing step, which has neither)."""
        return frame.step is not None and frame.step.area != "breathing" and frame.state != "transition"

    def no_press_font(self, font: QFont, transform: QTransform) -> QFont:
        s = self.style
        label_font = QFont(font)
        label_font.setPixelSize(round(clamp_scaled(transform.m11(), s.no_press_font_per_unit, *s.no_press_font_px)))
        label_font.setBold(True)
        return label_font

    def _paint_no_press_zones(
        self, painter: QPainter, transform: QTransform, zones: tuple[Zone, ...], theme: Theme
    ) -> None:
        s = self.style
        scale = transform.m11()
        color = QColor(theme.warning)
        for zone in zones:
            center = transform.map(QPointF(zone.x, zone.y))
            r = zone.radius * scale
            painter.setPen(QPen(color, s.no_press_pen_px, Qt.PenStyle.DashLine))
            fill = QColor(color)
            fill.setAlpha(s.no_press_fill_alpha)
            painter.setBrush(fill)
            painter.drawEllipse(center, r, r)
            cross = r * s.no_press_cross
            painter.setPen(QPen(color, s.no_press_cross_pen_px))
            painter.drawLine(
                QPointF(center.x() - cross, center.y() - cross), QPointF(center.x() + cross, center.y() + cross)
            )
            painter.drawLine(
                QPointF(center.x() - cross, center.y() + cross), QPointF(center.x() + cross, center.y() - cross)
            )

    def _paint_no_press_label(
        self,
        painter: QPainter,
        transform: QTransform,
        scene: Scene,
        zones: tuple[Zone, ...],
        theme: Theme,
        font: QFont,
        page: QRectF,
        spots: tuple[QRectF, ...] = (),
        only: QRegion | None = None,
        clear_of: tuple[QRectF, ...] = (),
    ) -> None:
        color = QColor(theme.warning)
        label = self.no_press_label(scene, zones, transform, font, page, spots, clear_of)
        if label is not None and (only is None or only.intersects(label.rect.toAlignedRect().adjusted(-2, -2, 2, 2))):
            painter.setFont(self.no_press_font(font, transform))
            # The words keep clear of other words and marks, but the neck's outline and shading may cross them:
            # a halo of the background round each letter keeps the warning readable at a glance.
            painter.setPen(theme.background)
            for dx, dy in HALO_OFFSETS:
                painter.drawText(label.rect.translated(dx, dy), Qt.AlignmentFlag.AlignCenter, label.text)
            painter.setPen(color)
            painter.drawText(label.rect, Qt.AlignmentFlag.AlignCenter, label.text)

    def _paint_target(
        self, painter: QPainter, center: QPointF, frame: Frame, scene: Scene, theme: Theme, scale: float
    ) -> None:
        s = self.style
        radius = self.marker_radius(scale)
        phase = frame.phase if frame.phase is not None else 0.0
        if frame.state == "step" and not scene.reduced_motion:
            grow = s.target_ring + s.target_pulse_grow * phase
            accent = theme.accent
            painter.setPen(
                cached_pen(accent.rgb() & 0xFFFFFF, alpha_byte(accent.alphaF() * (1.0 - phase)), s.target_pulse_pen_px)
            )
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawEllipse(center, radius * grow, radius * grow)
        if frame.state == "step" and scene.reduced_motion:
            r = radius * s.target_progress_ring
            ring = QRectF(center.x() - r, center.y() - r, 2 * r, 2 * r)
            painter.setPen(QPen(theme.area_line, s.target_pulse_pen_px))
            painter.drawEllipse(ring)
            painter.setPen(QPen(theme.accent, s.target_pulse_pen_px, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
            painter.drawArc(ring, 90 * 16, -round(360 * 16 * phase))

    def _paint_target_ring(self, painter: QPainter, center: QPointF, theme: Theme, scale: float) -> None:
        s = self.style
        radius = self.marker_radius(scale) * s.target_ring
        painter.setPen(cached_pen(theme.accent.rgb() & 0xFFFFFF, theme.accent.alpha(), s.target_pen_px))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawEllipse(center, radius, radius)

    def _paint_breath(self, painter: QPainter, transform: QTransform, frame: Frame, theme: Theme) -> None:
        s = self.style
        scale = transform.m11()
        fullness = frame.breath if frame.state == "step" else 0.0
        center = transform.map(qpoint(s.breath_center))
        empty, grow = s.breath_radius
        radius = scale * (empty + grow * fullness)
        fill = QColor(theme.area_fill)
        fill.setAlphaF(min(1.0, fill.alphaF() * 2.0))
        painter.setPen(QPen(theme.accent, s.breath_pen_px))
        painter.setBrush(fill)
        painter.drawEllipse(center, radius, radius * 0.75)


def art_colors(theme: Theme) -> ArtColors:
    """The line art's palette for a theme."""
    if theme.name == "high_contrast":
        black, white = QColor("#000000"), QColor("#FFFFFF")
        return ArtColors(background=black, skin=black, line=white, detail=QColor("#D0D0D0"))
    return ArtColors.dark() if theme.dark else ArtColors.light()
