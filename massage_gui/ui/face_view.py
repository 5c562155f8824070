"""The face and neck diagram: static line art from a cached pixmap, with the frame's arrows on top."""

from __future__ import annotations

import math

from PySide6.QtCore import QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QAccessible,
    QAccessibleAnnouncementEvent,
    QBrush,
    QColor,
    QFont,
    QMouseEvent,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPen,
    QPixmap,
    QPolygonF,
    QResizeEvent,
    QTransform,
)
from PySide6.QtWidgets import QSizePolicy, QWidget

from massage_gui.core.anatomy import NECK_AREAS, Anatomy, BodySide, default_anatomy
from massage_gui.core.frame import Arrow, Frame, to_screen
from massage_gui.core.geometry import Point, StrokePath
from massage_gui.core.words import BREATH_IN_SHARE, stroke_word
from massage_gui.ui.face_art import ArtColors, FaceArt
from massage_gui.ui.markers import marker_path
from massage_gui.ui.theme import Theme

CAROTID_ZONE: tuple[Point, float] = ((0.30, 1.12), 0.05)  # right side, photo coordinates; radius
TRAIL = 0.3  # share of the path drawn behind an arrow
TRAIL_SEGMENTS = 8
MARGIN_PX = 12


class FaceView(QWidget):
    """Paints a Frame over the face and neck. It keeps no time of its own.

    Signals:
        area_clicked(str): the user clicked an area (to skip it or bring it back).
    """

    area_clicked = Signal(str)

    def __init__(self, theme: Theme, parent: QWidget | None = None, anatomy: Anatomy | None = None) -> None:
        super().__init__(parent)
        self._anatomy = anatomy or default_anatomy()
        self._art = FaceArt()
        self._theme = theme
        self._frame: Frame | None = None
        self._mirror = True
        self._skipped: frozenset[str] = frozenset()
        self._routine_areas: frozenset[str] = frozenset()
        self._reduced_motion = False
        self._show_labels = True
        self._paused_text = ""
        self._cache: QPixmap | None = None
        self._transform_cache: QTransform | None = None
        self._area_paths: dict[tuple[str, bool], QPainterPath] = {}
        self.cache_builds = 0  # how often the static drawing was rebuilt (for tests and benchmarks)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMouseTracking(True)
        self.setMinimumSize(260, 300)
        self.setAccessibleName(self.tr("Face and neck diagram"))
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)

    # -- state setters (each invalidates only what it must) ----------------------------------------

    @property
    def frame(self) -> Frame | None:
        return self._frame

    def set_frame(self, frame: Frame | None) -> None:
        """What to draw on top of the face; None before a session starts (the face and nodes only)."""
        previous = self._frame
        self._frame = frame
        self.setAccessibleDescription(self._describe(frame) if frame is not None else "")
        if frame is not None and frame.step is not None and (
            previous is None or previous.step_index != frame.step_index or previous.state != frame.state
        ):
            self._announce(self._describe(frame))
        self.update()

    def _announce(self, text: str) -> None:
        """Tell screen readers about a new step (polite: it waits for what is being read)."""
        if QAccessible.isActive():
            event = QAccessibleAnnouncementEvent(self, text)
            event.setPoliteness(QAccessible.AnnouncementPoliteness.Polite)
            QAccessible.updateAccessibility(event)

    def set_theme(self, theme: Theme) -> None:
        self._theme = theme
        self._invalidate()

    def set_mirror(self, mirror: bool) -> None:
        if mirror != self._mirror:
            self._mirror = mirror
            self._invalidate()

    def set_skipped(self, areas: frozenset[str]) -> None:
        if areas != self._skipped:
            self._skipped = areas
            self._invalidate()

    def set_routine_areas(self, areas: frozenset[str]) -> None:
        if areas != self._routine_areas:
            self._routine_areas = areas
            self._invalidate()

    def set_reduced_motion(self, reduced: bool) -> None:
        self._reduced_motion = reduced
        self.update()

    def set_show_labels(self, show: bool) -> None:
        if show != self._show_labels:
            self._show_labels = show
            self._invalidate()

    def set_paused_text(self, text: str) -> None:
        """Dim the diagram and show ``text`` (empty: not paused)."""
        self._paused_text = text
        self.update()

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt override)
        return QSize(560, 640)

    # -- geometry ----------------------------------------------------------------------------------

    def _transform(self) -> QTransform:
        """Face coordinates (screen side, mirror applied) to widget pixels, fitted and centred."""
        if self._transform_cache is None:
            bounds = self._art.bounds
            avail = QRectF(self.rect()).adjusted(MARGIN_PX, MARGIN_PX, -MARGIN_PX, -MARGIN_PX)
            scale = max(min(avail.width() / bounds.width(), avail.height() / bounds.height()), 1e-3)
            dx = avail.center().x() - bounds.center().x() * scale
            dy = avail.center().y() - bounds.center().y() * scale
            self._transform_cache = QTransform(scale, 0, 0, scale, dx, dy)
        return self._transform_cache

    def px_per_unit(self) -> float:
        return self._transform().m11()

    def _to_px(self, point: Point) -> QPointF:
        return self._transform().map(QPointF(point[0], point[1]))

    def _screen(self, point: Point) -> Point:
        return to_screen(point, self._mirror)

    def _area_path(self, area: str) -> QPainterPath:
        """Both sides' outlines of an area in screen face coordinates (cached per mirror state)."""
        key = (area, self._mirror)
        path = self._area_paths.get(key)
        if path is None:
            path = QPainterPath()
            path.setFillRule(Qt.FillRule.WindingFill)
            for side in ("right", "left"):
                points = [self._screen(p) for p in self._anatomy.areas[area].outline_for(side)]
                path.addPolygon(QPolygonF([QPointF(x, y) for x, y in points]))
                path.closeSubpath()
            self._area_paths[key] = path
        return path

    def area_at(self, pos: QPointF) -> str | None:
        """The area under a widget position, or None."""
        inverted, ok = self._transform().inverted()
        if not ok:
            return None
        face = inverted.map(pos)
        photo = to_screen((face.x(), face.y()), self._mirror)  # mirroring is its own inverse
        return self._anatomy.area_at(photo)

    # -- static layer ------------------------------------------------------------------------------

    def _invalidate(self) -> None:
        self._cache = None
        self.update()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt override)
        self._cache = None
        self._transform_cache = None
        super().resizeEvent(event)

    def _static_layer(self) -> QPixmap:
        dpr = self.devicePixelRatioF()
        size = self.size() * dpr
        if self._cache is not None and self._cache.devicePixelRatioF() == dpr and self._cache.size() == size:
            return self._cache
        pixmap = QPixmap(size)
        pixmap.setDevicePixelRatio(dpr)
        pixmap.fill(self._theme.background)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        self._paint_static(painter)
        painter.end()
        self._cache = pixmap
        self.cache_builds += 1
        return pixmap

    def _art_colors(self) -> ArtColors:
        if self._theme.name == "high_contrast":
            black, white = QColor("#000000"), QColor("#FFFFFF")
            return ArtColors(background=black, skin=black, line=white, detail=QColor("#D0D0D0"))
        return ArtColors.dark() if self._theme.dark else ArtColors.light()

    def _paint_static(self, painter: QPainter) -> None:
        transform = self._transform()
        scale = transform.m11()
        painter.save()
        painter.setTransform(transform)
        self._art.paint(painter, self._art_colors(), scale)
        faint = QColor(self._theme.area_line)
        faint.setAlphaF(faint.alphaF() * 0.55)
        pen = QPen(faint, 1.0, Qt.PenStyle.DotLine)
        pen.setCosmetic(True)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        for area in sorted(self._routine_areas - self._skipped - {"breathing"}):
            painter.drawPath(self._area_path(area).simplified())  # simplified: no seam on the midline
        painter.restore()
        for area in sorted(self._skipped):
            path = transform.map(self._area_path(area))
            color = QColor(self._theme.skipped)
            color.setAlpha(170)
            painter.setPen(QPen(color, 1.4, Qt.PenStyle.DashLine))
            hatch = QBrush(color, Qt.BrushStyle.BDiagPattern)
            painter.setBrush(hatch)
            painter.drawPath(path)
        self._paint_nodes(painter, scale)

    def _marker_radius(self, scale: float) -> float:
        return max(5.0, min(12.0, scale * 0.016))

    def _paint_nodes(self, painter: QPainter, scale: float) -> None:
        radius = self._marker_radius(scale)
        font = QFont(self.font())
        font.setPointSizeF(max(8.0, min(12.0, scale * 0.014)))
        painter.setFont(font)
        for node in self._anatomy.nodes.values():
            sides: tuple[BodySide, ...] = ("center",) if node.center else ("right", "left")
            for side in sides:
                center = self._to_px(self._screen(node.position(side)))
                color = self._theme.node_color(node.id)
                pen = QPen(color.darker(140) if not self._theme.dark else color.lighter(130), 1.5)
                if node.hidden:
                    pen.setStyle(Qt.PenStyle.DashLine)
                    painter.setBrush(Qt.BrushStyle.NoBrush)
                else:
                    painter.setBrush(color)
                painter.setPen(pen)
                painter.drawPath(marker_path(node.id, center, radius))
            if self._show_labels:
                anchor = self._to_px(self._screen(node.position(sides[0])))
                self._paint_label(painter, node.label, anchor, radius, below=node.center)

    def _paint_label(self, painter: QPainter, text: str, anchor: QPointF, radius: float, below: bool) -> None:
        metrics = painter.fontMetrics()
        width = metrics.horizontalAdvance(text)
        if below:
            x, y = anchor.x() - width / 2, anchor.y() + radius + 3
        else:
            on_left = anchor.x() < self.width() / 2
            x = anchor.x() - radius - 6 - width if on_left else anchor.x() + radius + 6
            y = anchor.y() - metrics.height() / 2
        x = min(max(x, 2.0), self.width() - width - 2.0)
        rect = QRectF(x, y, width, metrics.height())
        painter.setPen(self._theme.muted_text)
        painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, text)

    # -- dynamic layer -----------------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt override)
        painter = QPainter(self)
        painter.drawPixmap(0, 0, self._static_layer())
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        frame = self._frame
        if frame is not None and frame.step is not None:
            self._paint_active(painter, frame)
        if self._paused_text:
            self._paint_overlay(painter, self._paused_text, self.tr("Space to resume"))
        elif frame is not None and frame.state == "lead_in" and frame.step is not None:
            self._paint_overlay(
                painter, str(max(1, math.ceil(frame.step_remaining_s))), self.tr("Get ready"), big=True
            )
        painter.end()

    def _paint_active(self, painter: QPainter, frame: Frame) -> None:
        step = frame.step
        assert step is not None
        transform = self._transform()
        scale = transform.m11()
        if step.area == "breathing":
            self._paint_breath(painter, frame, scale)
            return
        fill = QColor(self._theme.area_fill)
        if frame.state == "transition":  # the coming area blinks gently
            fill.setAlphaF(fill.alphaF() * (0.55 + 0.45 * math.cos(2 * math.pi * frame.t)))
        pen = QPen(self._theme.accent, 2.0)
        pen.setCosmetic(True)
        painter.save()
        painter.setTransform(transform)
        painter.setPen(pen)
        painter.setBrush(fill)
        painter.drawPath(self._area_path(step.area))
        painter.restore()
        if step.area in NECK_AREAS or step.toward == "deep_cervical":
            self._paint_carotid(painter, scale)
        for target in frame.targets:
            self._paint_target(painter, self._to_px((target.x, target.y)), frame, scale)
        if frame.state != "step":
            return
        for arrow in frame.arrows:
            if self._reduced_motion:
                self._paint_static_arrow(painter, arrow, scale)
            else:
                self._paint_arrow(painter, arrow, scale)

    def _paint_carotid(self, painter: QPainter, scale: float) -> None:
        (x, y), radius = CAROTID_ZONE
        color = QColor(self._theme.warning)
        for side_point in ((x, y), (1 - x, y)):
            center = self._to_px(side_point)
            r = radius * scale
            painter.setPen(QPen(color, 2.0, Qt.PenStyle.DashLine))
            fill = QColor(color)
            fill.setAlpha(40)
            painter.setBrush(fill)
            painter.drawEllipse(center, r, r)
            cross = r * 0.45
            painter.setPen(QPen(color, 2.2))
            painter.drawLine(
                QPointF(center.x() - cross, center.y() - cross), QPointF(center.x() + cross, center.y() + cross)
            )
            painter.drawLine(
                QPointF(center.x() - cross, center.y() + cross), QPointF(center.x() + cross, center.y() - cross)
            )
        font = QFont(self.font())
        font.setPixelSize(round(max(11.0, min(18.0, scale * 0.032))))
        font.setBold(True)
        painter.setFont(font)
        painter.setPen(color)
        top = self._to_px((0.5, y + radius + 0.035))
        painter.drawText(
            QRectF(top.x() - 150, top.y(), 300, font.pixelSize() * 1.5),
            Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop,
            self.tr("Pulse: never press here"),
        )

    def _paint_target(self, painter: QPainter, center: QPointF, frame: Frame, scale: float) -> None:
        radius = self._marker_radius(scale)
        phase = frame.phase if frame.phase is not None else 0.0
        color = QColor(self._theme.accent)
        if frame.state == "step" and not self._reduced_motion:
            grow = 1.6 + 1.6 * phase
            color.setAlphaF(max(0.0, 1.0 - phase))
            painter.setPen(QPen(color, 3.0))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawEllipse(center, radius * grow, radius * grow)
        if frame.state == "step" and self._reduced_motion:
            ring = QRectF(center.x() - radius * 2.4, center.y() - radius * 2.4, radius * 4.8, radius * 4.8)
            painter.setPen(QPen(self._theme.area_line, 3.0))
            painter.drawEllipse(ring)
            painter.setPen(QPen(self._theme.accent, 3.0, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
            painter.drawArc(ring, 90 * 16, -round(360 * 16 * phase))
        solid = QColor(self._theme.accent)
        painter.setPen(QPen(solid, 2.5))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawEllipse(center, radius * 1.6, radius * 1.6)

    def _arrow_width(self, scale: float) -> float:
        return max(5.0, min(18.0, scale * 0.022))

    def _paint_head(self, painter: QPainter, tip: QPointF, angle_deg: float, size: float, color: QColor) -> None:
        a = math.radians(angle_deg)
        back = QPointF(tip.x() - size * math.cos(a), tip.y() - size * math.sin(a))
        normal = QPointF(-math.sin(a) * size * 0.6, math.cos(a) * size * 0.6)
        tip_out = QPointF(tip.x() + size * 0.25 * math.cos(a), tip.y() + size * 0.25 * math.sin(a))
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(color)
        painter.drawPolygon(QPolygonF([tip_out, back + normal, back - normal]))

    def _path_points(self, path: StrokePath, start: float, end: float, steps: int = 24) -> list[QPointF]:
        return [self._to_px(path.point_at(start + (end - start) * i / steps)) for i in range(steps + 1)]

    def _paint_arrow(self, painter: QPainter, arrow: Arrow, scale: float) -> None:
        width = self._arrow_width(scale)
        color = QColor(self._theme.accent)
        if arrow.path is not None:
            points = self._path_points(arrow.path, max(0.0, arrow.progress - TRAIL), arrow.progress, TRAIL_SEGMENTS)
            for i in range(len(points) - 1):  # a trail that fades toward its tail
                c = QColor(color)
                c.setAlphaF(arrow.opacity * (0.1 + 0.9 * (i + 1) / len(points)))
                painter.setPen(
                    QPen(c, width * (0.5 + 0.5 * i / len(points)), Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap)
                )
                painter.drawLine(points[i], points[i + 1])
        elif arrow.center is not None:
            center = self._to_px(arrow.center)
            r = arrow.radius * scale
            track = QColor(color)
            track.setAlphaF(0.22)
            painter.setPen(QPen(track, width * 0.45))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawEllipse(center, r, r)
            # A trail a third of a turn long behind the head, so a still frame shows which way it turns.
            rect = QRectF(center.x() - r, center.y() - r, 2 * r, 2 * r)
            head = self._to_px((arrow.x, arrow.y))
            at = math.degrees(math.atan2(center.y() - head.y(), head.x() - center.x()))  # Qt arcs: y up
            turning = math.sin(math.radians(arrow.angle_deg - (-at + 90)))  # +1 clockwise on screen
            sweep = -120.0 if turning > 0 else 120.0
            for i in range(TRAIL_SEGMENTS):
                c = QColor(color)
                c.setAlphaF(arrow.opacity * (0.15 + 0.85 * (i + 1) / TRAIL_SEGMENTS))
                painter.setPen(QPen(c, width * 0.8, Qt.PenStyle.SolidLine, Qt.PenCapStyle.FlatCap))
                start = at - sweep + sweep * i / TRAIL_SEGMENTS
                painter.drawArc(rect, round(start * 16), round(sweep / TRAIL_SEGMENTS * 16))
        head = QColor(color)
        head.setAlphaF(arrow.opacity)
        self._paint_head(painter, self._to_px((arrow.x, arrow.y)), arrow.angle_deg, width * 2.6, head)

    def _paint_static_arrow(self, painter: QPainter, arrow: Arrow, scale: float) -> None:
        width = self._arrow_width(scale)
        color = QColor(self._theme.accent)
        if arrow.path is not None:
            points = self._path_points(arrow.path, 0.0, 1.0)
            painter.setPen(QPen(color, width * 0.8, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
            painter.drawPolyline(QPolygonF(points))
            end = arrow.path.end
            self._paint_head(painter, self._to_px(end), arrow.path.angle_at(1.0), width * 2.6, color)
        elif arrow.center is not None:
            center = self._to_px(arrow.center)
            r = arrow.radius * scale
            painter.setPen(QPen(color, width * 0.6))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawEllipse(center, r, r)

    def _paint_breath(self, painter: QPainter, frame: Frame, scale: float) -> None:
        phase = frame.phase if frame.phase is not None else 0.0
        if phase < BREATH_IN_SHARE:
            fullness = 0.5 - 0.5 * math.cos(math.pi * phase / BREATH_IN_SHARE)
        else:
            fullness = 0.5 + 0.5 * math.cos(math.pi * (phase - BREATH_IN_SHARE) / (1 - BREATH_IN_SHARE))
        if frame.state != "step":
            fullness = 0.0
        center = self._to_px((0.5, 1.76))
        radius = scale * (0.08 + 0.1 * fullness)
        fill = QColor(self._theme.area_fill)
        fill.setAlphaF(min(1.0, fill.alphaF() * 2.0))
        painter.setPen(QPen(self._theme.accent, 2.5))
        painter.setBrush(fill)
        painter.drawEllipse(center, radius, radius * 0.75)

    def _paint_overlay(self, painter: QPainter, title: str, subtitle: str, big: bool = False) -> None:
        painter.fillRect(self.rect(), self._theme.overlay)
        rect = QRectF(self.rect())
        font = QFont(self.font())
        size = min(rect.width(), rect.height())
        font.setPixelSize(max(24, round(size * (0.28 if big else 0.09))))
        font.setBold(True)
        painter.setFont(font)
        painter.setPen(self._theme.text)
        title_rect = QRectF(rect.left(), rect.top(), rect.width(), rect.height() * 0.55)
        painter.drawText(title_rect, Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom, title)
        font.setPixelSize(max(16, round(size * 0.045)))
        font.setBold(False)
        painter.setFont(font)
        painter.setPen(self._theme.muted_text)
        sub_rect = QRectF(rect.left(), rect.top() + rect.height() * 0.57, rect.width(), rect.height() * 0.2)
        painter.drawText(sub_rect, Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop, subtitle)

    # -- input -------------------------------------------------------------------------------------

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 (Qt override)
        if event.button() == Qt.MouseButton.LeftButton:
            area = self.area_at(event.position())
            if area is not None:
                self.area_clicked.emit(area)
                return
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802 (Qt override)
        area = self.area_at(event.position())
        if area is None:
            self.unsetCursor()
            self.setToolTip("")
        else:
            self.setCursor(Qt.CursorShape.PointingHandCursor)
            label = self._anatomy.areas[area].label
            tip = self.tr("{area}: click to bring back") if area in self._skipped else self.tr("{area}: click to skip")
            self.setToolTip(tip.format(area=label))
        super().mouseMoveEvent(event)

    def _describe(self, frame: Frame) -> str:
        if frame.step is None:
            return self.tr("Routine finished") if frame.state == "finished" else ""
        area = self._anatomy.areas[frame.step.area].label
        if frame.state == "step" and frame.rep is not None:
            return self.tr("{area}: {stroke}, stroke {rep} of {reps}").format(
                area=area, stroke=stroke_word(frame.step.stroke), rep=frame.rep, reps=frame.step.reps
            )
        return self.tr("Next: {area}").format(area=area)
