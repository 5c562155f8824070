"""Paints the face-and-neck line art (``assets/face.json``) with QPainter, from paths built once."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPen, QTransform

from massage_gui.core.drawing import Drawing, Shape, Style, default_drawing

# Pen widths in device-independent pixels at the reference scale (REFERENCE_PX_PER_UNIT).
PEN_PX: dict[Style, float] = {"outline": 2.6, "feature": 1.8, "detail": 1.1}
REFERENCE_PX_PER_UNIT = 400.0
PEN_SCALE_MIN = 0.8
PEN_SCALE_MAX = 1.8


def pen_scale(px_per_unit: float) -> float:
    """How much thicker than at the reference size lines are drawn: gently, so big views stay readable."""
    return min(max(px_per_unit / REFERENCE_PX_PER_UNIT, PEN_SCALE_MIN), PEN_SCALE_MAX)


@dataclass(frozen=True)
class ArtColors:
    """The art's palette: ``background`` for the caller to clear with, ``skin`` the subtle silhouette fill,
    ``line`` for outlines and features, ``detail`` for the light detail lines."""

    background: QColor
    skin: QColor
    line: QColor
    detail: QColor

    def __hash__(self) -> int:  # QColor itself is not hashable
        return hash(tuple(c.rgba() for c in (self.background, self.skin, self.line, self.detail)))

    @classmethod
    def light(cls) -> ArtColors:
        """Warm grey paper, a barely tinted silhouette, dark slate lines."""
        return cls(
            background=QColor("#f3f1ed"),
            skin=QColor("#fbf8f4"),
            line=QColor("#3d4650"),
            detail=QColor("#7d8690"),
        )

    @classmethod
    def dark(cls) -> ArtColors:
        """A dim blue-grey room: a slightly lighter silhouette, soft light lines (no glare)."""
        return cls(
            background=QColor("#181b20"),
            skin=QColor("#23272e"),
            line=QColor("#c9d0d8"),
            detail=QColor("#8a939e"),
        )


# The curves are made into straight lines once, by Qt, as finely as a face this many pixels a unit needs (one
# filling a 4K screen has 820): a painter strokes lines in a third of the time it takes over curves, which it
# would cut into lines again at each paint (2.5 against 7.9 ms at 1280x800). 2,800 lines in all.
FLAT_PX_PER_UNIT = 4000.0
_TO_FLAT = QTransform.fromScale(FLAT_PX_PER_UNIT, FLAT_PX_PER_UNIT)
_FROM_FLAT = QTransform.fromScale(1 / FLAT_PX_PER_UNIT, 1 / FLAT_PX_PER_UNIT)


def _path(shape: Shape, flat: bool) -> QPainterPath:
    curve = QPainterPath(QPointF(*shape.start))
    for segment in shape.segments:
        if len(segment) == 1:
            curve.lineTo(*segment[0])
        else:
            (x1, y1), (x2, y2), (x3, y3) = segment
            curve.cubicTo(x1, y1, x2, y2, x3, y3)  # numbers, not QPointFs: a third of the time
    if shape.closed:
        curve.closeSubpath()
    if not flat:
        return curve
    path = QPainterPath()
    for polygon in curve.toSubpathPolygons(_TO_FLAT):
        path.addPolygon(_FROM_FLAT.map(polygon))
    if shape.closed:
        path.closeSubpath()  # a closed line is joined where it starts, not capped
    return path


class FaceArt:
    """The drawing as cached painter paths; paint it on a painter already scaled to face units. ``flat``: its
    curves made into lines once (for screens, see FLAT_PX_PER_UNIT); paper keeps them as curves, which a PDF
    holds in less room and a printer draws at its own resolution."""

    def __init__(self, drawing: Drawing | None = None, flat: bool = True) -> None:
        drawing = drawing or default_drawing()
        b = drawing.bounds
        self.bounds = QRectF(b.left, b.top, b.width, b.height)
        self._fills: list[QPainterPath] = []
        self._strokes: list[tuple[Style, QPainterPath]] = []
        for shape in drawing.shapes:
            path = _path(shape, flat)
            if shape.filled:
                fill = QPainterPath(path)
                fill.closeSubpath()
                self._fills.append(fill)
            if shape.style != "fill":
                self._strokes.append((shape.style, path))

    def paint(self, painter: QPainter, colors: ArtColors, px_per_unit: float) -> None:
        """Fill the silhouette and stroke every line; the painter maps 1 face unit to ``px_per_unit`` pixels.

        The background is left to the caller (``colors.background``).
        """
        if px_per_unit <= 0:
            return
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(colors.skin)
        for fill in self._fills:
            painter.drawPath(fill)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        unit = pen_scale(px_per_unit) / px_per_unit
        pens = {
            style: QPen(
                colors.detail if style == "detail" else colors.line,
                width * unit,
                Qt.PenStyle.SolidLine,
                Qt.PenCapStyle.RoundCap,
                Qt.PenJoinStyle.RoundJoin,
            )
            for style, width in PEN_PX.items()
        }
        for style, path in self._strokes:
            painter.setPen(pens[style])
            painter.drawPath(path)
        painter.restore()


@lru_cache(maxsize=1)
def default_art() -> FaceArt:
    """The shipped drawing's painter paths, made once and shared by every diagram (the window's, the compact
    window's, the handout's)."""
    return FaceArt()
