"""The face and neck diagram widget: the scene from a cached picture, the frame's arrows on top, clicks on areas.

Each frame repaints only the rectangles where something moves (see diagram_bounds.py); what stays the same
all through a step (the face, the area, the no-press circles) comes from that picture."""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

from PySide6.QtCore import QLineF, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QFont,
    QHideEvent,
    QImage,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QRegion,
    QResizeEvent,
    QTransform,
)
from PySide6.QtWidgets import QSizePolicy, QWidget

from massage_gui.core.anatomy import Anatomy, BodySide, default_anatomy
from massage_gui.core.frame import Frame, plays_through
from massage_gui.core.geometry import Point
from massage_gui.core.scene import Scene
from massage_gui.core.words import side_word, stroke_word
from massage_gui.ui.blit import blit_region
from massage_gui.ui.diagram_bounds import hand_bounds, spot_bounds, spot_key, visible_motion, warning_bounds
from massage_gui.ui.diagram_painter import DiagramPainter
from massage_gui.ui.node_terms import node_tooltip
from massage_gui.ui.plain_text import as_written
from massage_gui.ui.theme import Theme

if TYPE_CHECKING:
    from massage_gui.ui.stroke_layer import StrokeLayer


class FaceView(QWidget):
    """Paints a Scene and a Frame. It keeps no time and no settings of its own: it is given both.

    Signals:
        area_clicked(str, str): the user clicked an area, to skip it or bring it back: the area and the side
            of the body clicked ("left" or "right"), or "" for both sides (a Shift+click).
    """

    area_clicked = Signal(str, str)

    def __init__(
        self,
        theme: Theme,
        scene: Scene,
        parent: QWidget | None = None,
        anatomy: Anatomy | None = None,
        painter: DiagramPainter | None = None,
    ) -> None:
        super().__init__(parent)
        self._anatomy = anatomy or default_anatomy()
        self._diagram = painter or DiagramPainter()
        self._theme = theme
        self._scene = scene
        self._frame: Frame | None = None
        self._paused_text = ""
        self._transform_cache: QTransform | None = None
        self.cache_builds = 0  # how often a session's face picture was drawn anew for a size, theme or scene
        self._art_serial = 0  # goes up when the face's drawing must change: size, theme or scene
        self._layer: QImage | None = None  # the face, with the step's still part on it while it has one
        self._layer_key: tuple[object, ...] | None = None  # what is drawn on it
        self._shown_key: tuple[object, ...] | None = None  # what the last full repaint showed
        self._shown_motion: tuple[object, ...] | None = None
        self._moving_rects: list[QRectF] = []  # where the moving parts of the last frame lie
        # what stays put while the hands work one spot: that part of the moving rectangles, and the warning's
        self._spot: tuple[tuple[object, ...], list[QRectF], QRectF | None] | None = None
        self._warning_rect: QRectF | None = None  # where the no-press warning lies (it moves only with the hands)
        self._description = ""
        self._description_key: tuple[object, ...] | None = None
        self._described = ""
        self._live = False
        self._stroke: StrokeLayer | None = None  # made when a session first plays a stroke
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMouseTracking(True)
        self.setMinimumSize(260, 300)
        self.setAccessibleName(self.tr("Face and neck diagram"))
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)

    # -- what to show (each invalidates only what it must) -----------------------------------------

    @property
    def frame(self) -> Frame | None:
        return self._frame

    @property
    def scene(self) -> Scene:
        return self._scene

    @property
    def stroke_layer(self) -> StrokeLayer | None:
        return self._stroke

    @property
    def animates_itself(self) -> bool:
        """Whether the view plays the current stroke on its own (see ``set_live``): until the next stroke, frames
        need not come 60 times a second."""
        return self._stroke is not None and self._stroke.playing

    def set_live(self, live: bool) -> None:
        """Whether a session runs and someone can see this view. While it does, a stroke that moves just as the
        one before it is played by Qt on a layer over the view (ui/stroke_layer.py), kept in step with the
        frames given, and no Python runs between them; otherwise each frame is painted as given."""
        if live != self._live:
            self._live = live
            if not live:
                self._leave_stroke()

    def set_frame(self, frame: Frame | None) -> None:
        """What to draw on top of the face; None before a session starts (the face and nodes only). A frame
        that would look as the one shown is not kept: what is painted (all or in part) is what is shown."""
        previous = self._frame
        description = self._describe(frame) if frame is not None else ""
        if description != self._description:
            self._description = description
            self.setAccessibleDescription(description)
        if (
            frame is not None
            and frame.step is not None
            and (previous is None or previous.step_index != frame.step_index or previous.state != frame.state)
        ):
            self._announce(description)
        if self._play_stroke(frame):
            self._frame = frame
            return
        self._leave_stroke()
        if self._schedule_paint(frame):
            self._frame = frame
            if frame is None or frame.step is None:
                self._layer = self._layer_key = None  # see paintEvent: between sessions no picture is kept

    def _play_stroke(self, frame: Frame | None) -> bool:
        """Play the frame's stroke on the stroke layer when it ``plays_through`` and the view is live (see
        ``set_live``), over the still picture with what stands still through the stroke drawn on it. False when it
        is not."""
        if (
            frame is None
            or not self._live
            or not self.isVisible()
            or self._paused_text
            or self._scene.reduced_motion
            or not plays_through(frame)
        ):
            return False
        key = (
            self._art_serial, frame.step, frame.position, frame.next_hands, frame.mirror, self.size(),
            self.devicePixelRatioF(),
        )  # fmt: skip
        layer = self._stroke
        if layer is None:
            from massage_gui.ui.stroke_layer import StrokeLayer  # Qt's graphics view, loaded when first needed

            layer = self._stroke = StrokeLayer(self)
            layer.view.setAccessibleName(self.tr("The stroke, moving"))  # inside the diagram, for screen readers
        if key != layer.key:
            layer.stop()  # lets go of the picture before it is painted over
            if layer.view.geometry() != self.rect():
                layer.view.setGeometry(self.rect())
        picture, _ = self._still_layer(frame, stroke_still=True)
        layer.play(key, frame, picture, self._transform(), self._theme, self._diagram)
        return True

    def _leave_stroke(self) -> None:
        """Back to painting each frame: the whole view, as the picture loses what stood still through a stroke."""
        if self._stroke is not None and self._stroke.key is not None:
            self._stroke.stop()
            self._shown_key = None
            self.update()

    def _schedule_paint(self, frame: Frame | None) -> bool:
        """Repaint all of the view when what stays still changed; else only where the moving parts were and
        are now; nothing when nothing visible moved (a lead-in between its seconds, a quarter-pixel move):
        False then."""
        key = self._paint_key(frame)
        if key != self._shown_key:
            self._shown_key = key
            self._shown_motion = self._motion(frame)
            self._moving_rects = self._bounds(frame)
            self._warning_rect = self._warning_bounds(frame)
            self.update()
            return True
        motion = self._motion(frame)
        if motion == self._shown_motion:
            return False
        self._shown_motion = motion
        rects = self._bounds(frame)
        region = QRegion()
        for rect in (*self._moving_rects, *rects):
            region += rect.toAlignedRect()
        self._moving_rects = rects
        warning = self._warning_bounds(frame)
        if warning != self._warning_rect:  # the hands made it move: where it was and where it is now
            for place in (self._warning_rect, warning):
                if place is not None:
                    region += place.toAlignedRect()
            self._warning_rect = warning
        if not region.isEmpty():
            self.update(region)
        return True

    def _paint_key(self, frame: Frame | None) -> tuple[object, ...]:
        """Changes whenever a frame differs from the last in more than its moving parts."""
        if frame is None:
            return (None, self._paused_text)
        countdown = math.ceil(frame.step_remaining_s) if frame.state == "lead_in" else None
        still = self._diagram.has_still_part(frame)
        return (
            frame.step,
            frame.state == "step",
            still,
            frame.no_press if still else None,
            countdown,
            self._paused_text,
        )

    def _motion(self, frame: Frame | None) -> tuple[object, ...] | None:
        """The moving parts as they would look (see ``visible_motion``): no repaint while it stays the same."""
        if frame is None:
            return None
        return visible_motion(self._diagram, self._transform(), self._scene, frame)

    def _bounds(self, frame: Frame | None) -> list[QRectF]:
        """``moving_bounds``, with the part that stays put while the hands work one spot worked out once."""
        if frame is None:
            return []
        return [*self._spot_parts(frame)[0], *hand_bounds(self._diagram, self._transform(), frame)]

    def _warning_bounds(self, frame: Frame | None) -> QRectF | None:
        """``warning_bounds``: it stands still while the hands work one spot."""
        return None if frame is None else self._spot_parts(frame)[1]

    def _spot_parts(self, frame: Frame) -> tuple[list[QRectF], QRectF | None]:
        """``spot_bounds`` and ``warning_bounds`` for the frame's spot, worked out once for each spot (see
        ``spot_key``; a new size, theme or scene changes ``_art_serial``)."""
        key = (self._art_serial, spot_key(frame))
        if self._spot is None or self._spot[0] != key:
            transform, page = self._transform(), QRectF(self.rect())
            rects = spot_bounds(self._diagram, transform, self._scene, frame)
            warning = warning_bounds(self._diagram, transform, self._scene, frame, self.font(), page)
            self._spot = (key, rects, warning)
        return self._spot[1], self._spot[2]

    def set_scene(self, scene: Scene) -> None:
        if scene != self._scene:
            self._scene = scene
            self._invalidate()

    def set_theme(self, theme: Theme) -> None:
        self._theme = theme
        self._invalidate()

    def set_paused_text(self, text: str) -> None:
        """Dim the diagram and show ``text`` (empty: not paused)."""
        if text != self._paused_text:
            self._paused_text = text
            if text:
                self._leave_stroke()
            self._shown_key = None
            self.update()

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt override)
        return QSize(560, 640)

    def _announce(self, text: str) -> None:
        """Tell screen readers about a new step (polite: it waits for what is being read)."""
        from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent  # made in Python when first used: 2 ms

        if QAccessible.isActive():
            event = QAccessibleAnnouncementEvent(self, text)
            event.setPoliteness(QAccessible.AnnouncementPoliteness.Polite)
            QAccessible.updateAccessibility(event)

    # -- geometry ----------------------------------------------------------------------------------

    def _transform(self) -> QTransform:
        """Screen face coordinates to widget pixels, fitted and centred."""
        if self._transform_cache is None:
            self._transform_cache = self._diagram.fit(QRectF(self.rect()))
        return self._transform_cache

    def px_per_unit(self) -> float:
        return self._transform().m11()

    def to_px(self, point: Point) -> QPointF:
        """A point in screen face coordinates, in widget pixels."""
        return self._transform().map(QPointF(point[0], point[1]))

    def area_at(self, pos: QPointF) -> str | None:
        """The area under a widget position, or None."""
        found = self.hit(pos)
        return found[0] if found else None

    # -- painting ----------------------------------------------------------------------------------

    def _invalidate(self) -> None:
        self._art_serial += 1
        self._shown_key = None
        self.update()
        self._replay_stroke()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt override)
        self._art_serial += 1
        self._transform_cache = None
        self._shown_key = None
        super().resizeEvent(event)
        self._replay_stroke()

    def hideEvent(self, event: QHideEvent) -> None:  # noqa: N802 (Qt override)
        self._leave_stroke()  # nobody sees it: nothing plays (a frame shown again plays it again)
        super().hideEvent(event)

    def _replay_stroke(self) -> None:
        """The stroke being played, built again for a new size, theme or scene (or left, if it no longer may be)."""
        if self._stroke is not None and self._stroke.key is not None and not self._play_stroke(self._frame):
            self._leave_stroke()

    def _still_layer(self, frame: Frame, stroke_still: bool = False) -> tuple[QImage, bool]:
        """The face with what stays the same all through the frame's step on it (its area and no-press
        circles), and whether that is on it; with ``stroke_still``, also what stands still through the frame's
        stroke (see ``DiagramPainter.paint_stroke_still``), for the stroke layer. One picture, painted over when
        the step, the face or that changes (the face takes 6 ms at 1280x800) rather than a second copy of the face
        kept to start each step from (1.7 MiB at 1280x800; 13 MiB at 1920x1080 with two device pixels to one). It
        keeps four bytes a pixel (RGB32), as the window does: the stroke layer draws it behind its moving parts
        at each frame, and from three bytes (RGB888) each pixel drawn is converted (7% of the app's CPU while a
        stroke plays); the fourth byte costs 0.57 MiB at 1280x800 while a session runs."""
        dpr = self.devicePixelRatioF()
        size = self.size() * dpr
        still = self._diagram.has_still_part(frame)
        layer = self._layer
        if layer is None or layer.size() != size or layer.devicePixelRatio() != dpr:
            layer = QImage(size, QImage.Format.Format_RGB32)
            layer.setDevicePixelRatio(dpr)
            self._layer, self._layer_key = layer, None
        art = (self._art_serial, size, dpr)
        spot = (frame.position, frame.next_hands, frame.mirror) if stroke_still else None
        key = (*art, (frame.step, frame.no_press) if still else None, spot)
        if key != self._layer_key:
            if self._layer_key is None or self._layer_key[:3] != art:
                self.cache_builds += 1
            painter = QPainter(layer)
            self._paint_face(painter, frame)
            if still:
                page = QRectF(self.rect())
                self._diagram.paint_frame(
                    painter, self._transform(), self._scene, frame, self._theme, self.font(), page, "still"
                )
            if stroke_still:
                self._diagram.paint_stroke_still(
                    painter, self._transform(), self._scene, frame, self._theme, self.font(), QRectF(self.rect())
                )
            painter.end()
            self._layer_key = key
        return layer, still

    def _paint_face(self, painter: QPainter, frame: Frame | None) -> None:
        """The face, its areas and node markers on the theme's background (node names clear of where the
        frame's hands go, when its step's still part is drawn with them)."""
        painter.fillRect(self.rect(), self._theme.background)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        rooms = self._diagram.label_rooms(frame, self._transform())  # () without the still part
        page = QRectF(self.rect())
        self._diagram.paint_static(painter, self._transform(), self._scene, self._theme, self.font(), page, rooms)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt override)
        """While a session shows a step, from the still picture (``_still_layer``) with the moving parts on
        top, where they move; before and after one, the face is painted straight on the view and no picture is
        kept (1.7 MiB at 1280x800): nothing moves then, and the app may wait for hours in the tray."""
        painter = QPainter(self)
        frame = self._frame
        if frame is None or frame.step is None:
            self._paint_face(painter, frame)
        else:
            layer, has_still = self._still_layer(frame)
            blit_region(painter, layer, event.region())  # only the parts to repaint: a whole blit costs more
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            page = QRectF(self.rect())
            self._diagram.paint_frame(
                painter, self._transform(), self._scene, frame, self._theme, self.font(), page,
                "moving" if has_still else "all", event.region(),
            )  # fmt: skip
        if self._paused_text:
            self._paint_overlay(painter, self._paused_text, self.tr("Space to resume"))
        elif frame is not None and frame.state == "lead_in" and frame.step is not None:
            self._paint_overlay(painter, str(max(1, math.ceil(frame.step_remaining_s))), self.tr("Get ready"), big=True)
        painter.end()

    def _paint_overlay(self, painter: QPainter, title: str, subtitle: str, big: bool = False) -> None:
        style = self._diagram.style
        painter.fillRect(self.rect(), self._theme.overlay)
        rect = QRectF(self.rect())
        font = QFont(self.font())
        size = min(rect.width(), rect.height())
        font.setPixelSize(max(24, round(size * (style.overlay_title_big if big else style.overlay_title))))
        font.setBold(True)
        painter.setFont(font)
        painter.setPen(self._theme.text)
        title_rect = QRectF(rect.left(), rect.top(), rect.width(), rect.height() * 0.55)
        painter.drawText(title_rect, Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom, title)
        font.setPixelSize(max(16, round(size * style.overlay_subtitle)))
        font.setBold(False)
        painter.setFont(font)
        painter.setPen(self._theme.muted_text)
        sub_rect = QRectF(rect.left(), rect.top() + rect.height() * 0.57, rect.width(), rect.height() * 0.2)
        painter.drawText(sub_rect, Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop, subtitle)

    # -- input -------------------------------------------------------------------------------------

    def hit(self, pos: QPointF) -> tuple[str, BodySide] | None:
        """The area and the side of the body under a widget position, or None."""
        inverted, ok = self._transform().inverted()
        if not ok:
            return None
        face = inverted.map(pos)
        return self._scene.hit((face.x(), face.y()))

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 (Qt override)
        if event.button() == Qt.MouseButton.LeftButton:
            found = self.hit(event.position())
            if found is not None:
                area, side = found
                whole = bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier) or area == "breathing"
                self.area_clicked.emit(area, "" if whole else side)
                return
        super().mousePressEvent(event)

    def node_at(self, pos: QPointF) -> str | None:
        """The node group whose marker is under a widget position (a little beyond the marker), or None."""
        reach = self._diagram.marker_radius(self.px_per_unit()) * 1.5
        for node in self._scene.nodes:
            if not node.hidden and QLineF(self.to_px((node.x, node.y)), pos).length() <= reach:
                return node.node
        return None

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802 (Qt override)
        node = self.node_at(event.position())
        if node is not None:
            self.unsetCursor()
            self.setToolTip(node_tooltip(node))
            super().mouseMoveEvent(event)
            return
        found = self.hit(event.position())
        if found is None:
            self.unsetCursor()
            self.setToolTip("")
        else:
            self.setCursor(Qt.CursorShape.PointingHandCursor)
            area, side = found
            label = self._anatomy.areas[area].label
            if self._scene.status(area, side) == "skipped":
                tip = self.tr("{area}, your {side} side: click to bring it back (Shift+click: both sides)")
            else:
                tip = self.tr("{area}, your {side} side: click to skip it (Shift+click: both sides)")
            self.setToolTip(as_written(tip.format(area=label, side=side_word(side))))
        super().mouseMoveEvent(event)

    def _describe(self, frame: Frame) -> str:
        key = (frame.step, frame.state, frame.rep)
        if key != self._description_key:
            self._description_key = key
            self._described = self._words(frame)
        return self._described

    def _words(self, frame: Frame) -> str:
        if frame.step is None:
            return self.tr("Routine finished") if frame.state == "finished" else ""
        area = self._anatomy.areas[frame.step.area].label
        if frame.state == "step" and frame.rep is not None:
            return self.tr("{area}: {stroke}, stroke {rep} of {reps}").format(
                area=area, stroke=stroke_word(frame.step.stroke), rep=frame.rep, reps=frame.step.reps
            )
        return self.tr("Next: {area}").format(area=area)
