"""The rep counter: the largest text on screen, inside a ring that counts down the current part.

While a session runs, the ring's track and the words are drawn once per value into a cached pixmap, on the
dial's own background (between sessions, when nothing moves, the dial is painted straight and keeps none); as
the part runs, only the piece of the ring where the arc ends is repainted, only the arc's last few degrees are
stroked there, and nothing behind the dial is painted. While the ring moves on by itself, Qt moves it over the
dial with no Python at its moves (ui/ring_view.py)."""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, NamedTuple

from PySide6.QtCore import QRect, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPaintEvent, QPen, QPixmap, QResizeEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

from massage_gui.ui.arc_box import arc_box
from massage_gui.ui.blit import blit_region
from massage_gui.ui.theme import Theme

if TYPE_CHECKING:
    from massage_gui.ui.ring_view import RingView

# How far the ring's end moves at a time when it moves on by itself: each move is a repaint, and at one device
# pixel a move the ring cost as much as the whole stroke. Two device pixels: one pixel on a screen at 2x.
TURN_STEP_PX = 2
CAP_MARGIN_PX = 2  # around the ring's round cap, for antialiasing


class Ring(NamedTuple):
    """Where the ring goes at one size and pixel ratio: its rectangle (through the middle of its stroke), its
    width, and its length in device pixels; its centre and radius, and the box around all of it with the round
    cap, as plain numbers for the moves (see ``RepDial._arc_change``; ui/ring_view.py draws it from these too)."""

    dpr: float
    rect: QRectF
    width: float
    length: float
    cx: float
    cy: float
    radius: float
    whole: tuple[int, int, int, int]


class RepDial(QWidget):
    """Shows a big value (the rep, or a countdown), a caption under it, and a progress ring."""

    def __init__(self, theme: Theme, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._theme = theme
        self._value = ""
        self._caption = ""
        self._progress = 0.0
        self._dim = False
        self._background: QColor | None = None  # None: the window's (the theme's background)
        self._face: QPixmap | None = None  # the track and the words, for this size and content, while not resting
        self._resting = True  # between sessions: painted straight, no picture kept (see forget_ring_view)
        self._face_dpr: float | None = None  # the pixel ratio the face was made at; None: made anew at the next paint
        self._face_font = QFont()  # the font it was made with
        self._pen = QPen()  # the ring's, made with the face
        self._geometry: Ring | None = None  # see _ring
        self._turn_s: float | None = None  # see set_turn
        # The ring moving on by itself, drawn over the dial by Qt (made when first needed). Moved by Qt's animation
        # timer, not a timer of its own, each move is repainted with the frame the diagram's stroke layer moves on
        # at that tick: one repaint of the window, not two.
        self._ring_view: RingView | None = None
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(120, 120)
        self.setAccessibleName(self.tr("Repetition counter"))
        # It paints every pixel itself, so that a move of the ring does not repaint the panel behind it.
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)

    def set_theme(self, theme: Theme) -> None:
        self._theme = theme
        self._face_changed()

    def set_background(self, color: QColor) -> None:
        """The colour of what lies behind the dial (its parent's background), which the dial paints itself."""
        if self._background is None or color != self._background:  # QColor != None tries QGradient: 2 ms
            self._background = QColor(color)
            self._face_changed()

    def set_content(self, value: str, caption: str, progress: float, dim: bool = False) -> None:
        """``progress`` 0..1 fills the ring; the text reads ``value`` over ``caption``. The ring is repainted
        when its end has moved a pixel or more (or empties or fills): a part of a minute moves it less than a
        pixel a frame, and a smaller move would not show."""
        if (value, caption, dim) == (self._value, self._caption, self._dim):
            self.set_progress(progress)
            return
        self._value, self._caption, self._dim = value, caption, dim
        self.setAccessibleDescription(f"{value} {caption}".strip())
        if self._turn_s is None:
            self._progress = progress
        self._face_changed()
        if self._turn_s is not None:
            self._follow(progress)

    def _face_changed(self) -> None:
        """The track or the words look different now: made anew at the next paint, or now under a ring moving on
        (in a new colour, it moves on anew from where it is)."""
        self._face_dpr = None
        self.update()
        view = self._ring_view
        if view is None or not view.shown:
            return
        face = self._cached_face()
        if view.playing and view.shows(self._ring(), self._pen.color()):
            view.set_face(face)
        else:  # in a new colour, or the ring has emptied: shown by the dial itself until it moves on anew
            self._stop_turning()
            self._turn_on(self._progress)

    def set_turn(self, seconds: float | None) -> None:
        """Let the ring move on by itself between the progress values given, as a part that fills it in
        ``seconds`` runs on, ``TURN_STEP_PX`` device pixels at a time, while frames come seldom (from where it
        is now). None: it moves only when given a value."""
        if seconds is not None:
            self._resting = False
        if seconds != self._turn_s:
            progress = self.progress
            self._stop_turning()
            self._turn_s = seconds
            if seconds is not None:
                self._follow(progress)

    def forget_ring_view(self) -> None:
        """Let go of what moves the ring by itself (Qt's view, its pieces and pictures: about 1 MiB) and of the
        picture of the face (0.5 MiB in a 1280x800 window): a session ended, and the next may be hours away. Until
        the ring next moves (``set_progress``, ``set_turn``), the dial is painted straight, as it is before the
        first session."""
        self._stop_turning()
        self._turn_s = None
        if not self._resting:
            self._resting = True
            self._face = None
            self.update()
        view, self._ring_view = self._ring_view, None
        if view is None:
            return
        view.view.deleteLater()  # its pieces with it (ui/played_view.py)

    @property
    def ring_view(self) -> RingView | None:
        """What shows the ring moving on by itself (None until it first has)."""
        return self._ring_view

    @property
    def turning(self) -> bool:
        """Whether the ring is moving on by itself (see ``set_turn``)."""
        return self._ring_view is not None and self._ring_view.playing

    def _stop_turning(self) -> None:
        """Stop the ring moving on by itself, and paint it where it was."""
        if self._ring_view is not None and self._ring_view.shown:
            self._progress = self._ring_view.stop()
            self.update()

    def set_progress(self, progress: float) -> None:
        """Only the ring moves (repainted where it changed, once its end has moved a pixel)."""
        self._resting = False
        if self._turn_s is not None:
            self._follow(progress)
        else:
            self._show_progress(progress)

    def _follow(self, progress: float) -> None:
        """Move the ring on from ``progress`` (unless it is moving on already and within a pixel of it). A ring
        moving on by itself covers the dial, which then is not painted: a new pixel ratio (the window moved to
        another screen) or font is seen here, at the next frame, and the ring made anew for it."""
        view = self._ring_view
        if view is not None and view.playing:
            if self._face_outdated():
                self._face_changed()
            if not self._ring_moved(view.due(), progress):
                return
        self._stop_turning()
        self._show_progress(progress)
        self._turn_on(progress)

    def _turn_on(self, progress: float) -> None:
        """Let Qt move the ring on by itself from ``progress``."""
        seconds = self._turn_s
        if seconds is None or progress >= 1.0 or seconds <= 0 or self._ring().length <= 0:
            return
        from massage_gui.ui.ring_view import RingView  # Qt's graphics view, loaded when first needed

        if self._ring_view is None:
            self._ring_view = RingView(self)
            self._ring_view.view.setAccessibleName(self.tr("Repetition counter, moving"))  # for screen readers
        face = self._cached_face()
        self._progress = progress
        self._ring_view.play(self._ring(), self._pen.color(), face, progress, seconds, TURN_STEP_PX)

    def _show_progress(self, progress: float) -> None:
        if not self._ring_moved(self._progress, progress):
            return
        old, self._progress = self._progress, progress
        self.update(*self._arc_change(old, progress))

    def _ring_moved(self, old: float, new: float) -> bool:
        if (old <= 0) != (new <= 0) or (old >= 1) != (new >= 1):
            return True
        return abs(new - old) * self._ring().length >= 1.0  # device pixels along the ring

    def _ring(self) -> Ring:
        """Where the ring goes, kept until the size or pixel ratio changes."""
        dpr = self.devicePixelRatioF()
        geometry = self._geometry
        if geometry is None or geometry.dpr != dpr:
            side = min(self.width(), self.height())
            ring_width = max(6.0, side * 0.055)
            rect = QRectF(
                (self.width() - side) / 2 + ring_width, (self.height() - side) / 2 + ring_width,
                side - 2 * ring_width, side - 2 * ring_width,
            )  # fmt: skip
            cx, cy, radius = rect.center().x(), rect.center().y(), rect.width() / 2
            geometry = self._geometry = Ring(
                dpr, rect, ring_width, math.pi * rect.width() * dpr, cx, cy, radius,
                _box(cx - radius, cy - radius, cx + radius, cy + radius, ring_width / 2 + CAP_MARGIN_PX),
            )  # fmt: skip
        return geometry

    def _arc_change(self, old: float, new: float) -> tuple[int, int, int, int]:
        """Where the ring differs between ``old`` and ``new`` progress (x, y, width, height): around the stretch
        of ring between the two ends of the arc, with room for the round cap. Plain arithmetic: it runs at each
        move of the ring, and each Qt object made from Python costs more than the sums."""
        ring = self._ring()
        if old <= 0 or new <= 0:  # no arc at all on one side: the whole ring
            return ring.whole
        # Qt's angles run anticlockwise from 3 o'clock; the arc ends at 90° plus what is left of a turn.
        ends = (90 + 360 * (1 - old), 90 + 360 * (1 - new))
        box = arc_box(ring.cx, ring.cy, ring.radius, ring.width / 2, *ends)
        return _box(*box, ring.width / 2 + CAP_MARGIN_PX)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt override)
        self._face_dpr = None
        self._geometry = None
        super().resizeEvent(event)
        if self.turning:  # anew at the new size
            self._stop_turning()
            self._turn_on(self._progress)

    @property
    def progress(self) -> float:
        """How far the ring shows the part run (0 full ring, 1 empty)."""
        view = self._ring_view
        return view.turned() if view is not None and view.shown else self._progress

    @property
    def value(self) -> str:
        return self._value

    @property
    def caption(self) -> str:
        return self._caption

    @property
    def dim(self) -> bool:
        return self._dim

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt override)
        return QSize(240, 240)

    def heightForWidth(self, width: int) -> int:  # noqa: N802 (Qt override)
        return width

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt override)
        painter = QPainter(self)
        if self._resting:  # nothing moves between sessions: no picture of the face is kept for moves
            painter.setClipRegion(event.region())
            painter.fillRect(self.rect(), self._background or self._theme.background)
            self._paint_face(painter)
        else:
            blit_region(painter, self._cached_face(), event.region())
        if self._progress > 0:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.setPen(self._pen)
            ring = self._ring()
            # The ring empties as the part runs out: full at its start. Angles in 16ths of a degree.
            span = round(360 * 16 * (1.0 - self._progress))
            piece = _end_piece(ring, event.rect(), span)
            painter.drawArc(ring.rect, 90 * 16 + span - piece, piece)
        painter.end()

    def _face_outdated(self) -> bool:
        """Whether the picture of the face was made at another pixel ratio or in another font than the dial's.
        (Learnt here, at a paint or a frame, rather than from a changeEvent or event override: one that takes a
        plain QEvent has PySide make a Python type for each of Qt's event classes at the first event; see
        docs/architecture.md.)"""
        return self._face_dpr != self.devicePixelRatioF() or self._face_font != self.font()

    def _cached_face(self) -> QPixmap:
        """The face, made anew when what is on it changed (which sets ``_face_dpr`` to None), its pixel ratio or
        its font."""
        dpr = self.devicePixelRatioF()
        if self._face is None or self._face_outdated():
            background = self._background or self._theme.background
            face = self._face
            if face is None or face.size() != self.size() * dpr or face.devicePixelRatio() != dpr:
                face = QPixmap(self.size() * dpr)  # else painted over: not a new pixmap at every number
                face.setDevicePixelRatio(dpr)
            face.fill(background)
            painter = QPainter(face)
            self._paint_face(painter)
            painter.end()
            self._face, self._face_dpr, self._face_font = face, dpr, self.font()
        return self._face

    def _paint_face(self, painter: QPainter) -> None:
        """The track of the ring, the value and the caption (and the pen the ring is drawn with over them)."""
        accent = QColor(self._theme.muted_text if self._dim else self._theme.accent)
        self._pen = QPen(accent, self._ring().width, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        ring = self._ring()
        rect, ring_width = ring.rect, ring.width
        track = QColor(self._theme.area_line)
        painter.setPen(QPen(track, ring_width, Qt.PenStyle.SolidLine, Qt.PenCapStyle.FlatCap))
        painter.drawEllipse(rect)
        font = QFont(self.font())
        font.setBold(True)
        length = max(len(self._value), 1)
        font.setPixelSize(max(18, round(rect.height() * (0.42 if length <= 2 else 0.34 if length <= 4 else 0.24))))
        painter.setFont(font)
        painter.setPen(self._theme.muted_text if self._dim else self._theme.text)
        value_rect = QRectF(rect.left(), rect.top(), rect.width(), rect.height() * 0.66)
        painter.drawText(value_rect, Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom, self._value)
        font.setBold(False)
        font.setPixelSize(max(12, round(rect.height() * 0.11)))
        painter.setFont(font)
        painter.setPen(self._theme.muted_text)
        caption_rect = QRectF(rect.left(), rect.top() + rect.height() * 0.66, rect.width(), rect.height() * 0.2)
        painter.drawText(caption_rect, Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop, self._caption)


def _box(left: float, top: float, right: float, bottom: float, margin: float) -> tuple[int, int, int, int]:
    """The whole pixels (x, y, width, height) that cover a box grown by ``margin`` on each side."""
    x, y = math.floor(left - margin), math.floor(top - margin)
    return x, y, math.ceil(right + margin) - x, math.ceil(bottom + margin) - y


def _end_piece(ring: Ring, repainted: QRect, span: int) -> int:
    """How much of an arc of ``span`` to stroke, back from its end, for all of it that lies in ``repainted``:
    a move of the ring repaints a box around the end, where the last few degrees of the arc are all that
    shows, and stroking those took about half the instructions of the whole arc, a move (54,000 against 99,000).
    The whole arc where more shows (a box far from the end, or the end near the ring's start)."""
    end = math.radians(90 + span / 16)
    ex, ey = ring.cx + ring.radius * math.cos(end), ring.cy - ring.radius * math.sin(end)
    x, y, w, h = repainted.x(), repainted.y(), repainted.width(), repainted.height()
    reach = math.hypot(max(abs(x - ex), abs(x + w - ex)), max(abs(y - ey), abs(y + h - ey)))
    # Every point of the arc more than this chord from the end, with the stroke's half width and its
    # antialiasing, lies outside the box.
    chord = reach + ring.width / 2 + CAP_MARGIN_PX
    if chord >= 2 * ring.radius:
        return span
    piece = math.ceil(16 * math.degrees(2 * math.asin(chord / (2 * ring.radius))))
    gap = 360 * 16 - span  # the empty part of the ring: beyond it lies the arc's start
    return span if piece >= span or piece > gap else piece
