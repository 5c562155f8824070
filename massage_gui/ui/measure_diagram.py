"""A small drawing of where to put the tape: the face and neck as in a mirror, with the numbered measuring lines."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QPainter, QPainterPath, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from massage_gui.core.diary import POINT_KEYS, measure_points

# The drawing in a 100 x 120 frame: the face, the ears (tragus and lobe), the mouth corners, the chin, the neck.
_FACE = QRectF(22, 6, 56, 72)
_TRAGUS = {"left": QPointF(20, 40), "right": QPointF(80, 40)}  # as in a mirror: the user's left on the left
_LOBE = {"left": QPointF(21, 50), "right": QPointF(79, 50)}
_MOUTH = {"left": QPointF(42, 60), "right": QPointF(58, 60)}
_CHIN = QPointF(50, 78)
_NECK_Y = 94.0


class MeasureDiagram(QWidget):
    """The measuring points, numbered in the order of the fields beside it; ``set_current`` draws one of
    them stronger (the field being filled in)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._current = ""
        self.setMinimumSize(150, 180)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        self.setAccessibleName(self.tr("Where to measure"))
        names = [f"{i}. {p.label}" for i, p in enumerate(measure_points(), start=1)]
        self.setAccessibleDescription(
            self.tr("A face and neck as in a mirror, with the measuring lines: {lines}.").format(lines="; ".join(names))
        )

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt override)
        return QSize(200, 240)

    def set_current(self, key: str) -> None:
        if key != self._current:
            self._current = key
            self.update()

    def paths(self) -> dict[str, QPainterPath]:
        """Each measuring line in the 100 x 120 frame."""
        neck = QPainterPath()
        neck.addEllipse(QRectF(33, _NECK_Y - 5, 34, 10))
        under_chin = QPainterPath(_LOBE["left"])
        under_chin.cubicTo(QPointF(26, 80), QPointF(40, 86), QPointF(50, 86))
        under_chin.cubicTo(QPointF(60, 86), QPointF(74, 80), _LOBE["right"])
        lines = {"neck": neck, "ear_to_ear": under_chin}
        for side in ("left", "right"):
            path = QPainterPath(_TRAGUS[side])
            path.lineTo(_MOUTH[side])
            lines[f"mouth_{side}"] = path
        return lines

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt override)
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        scale = min(self.width() / 100, self.height() / 120)
        painter.translate((self.width() - 100 * scale) / 2, (self.height() - 120 * scale) / 2)
        painter.scale(scale, scale)
        palette = self.palette()
        outline = palette.color(QPalette.ColorRole.WindowText)
        faint = QColor(outline)
        faint.setAlphaF(0.45)
        accent = palette.color(QPalette.ColorRole.Highlight)
        painter.setPen(QPen(faint, 1.0))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawEllipse(_FACE)
        for side in ("left", "right"):
            ear = QRectF(_TRAGUS[side].x() - (4 if side == "left" else 0), 33, 4, 18)
            painter.drawEllipse(ear)
        painter.drawLine(QPointF(44, 60), QPointF(56, 60))  # the mouth
        painter.drawLine(QPointF(36, 74), QPointF(36, 112))  # the neck
        painter.drawLine(QPointF(64, 74), QPointF(64, 112))
        painter.drawLine(QPointF(36, 112), QPointF(6, 118))  # the shoulders
        painter.drawLine(QPointF(64, 112), QPointF(94, 118))
        font = QFont(self.font())
        font.setPixelSize(7)
        font.setBold(True)
        painter.setFont(font)
        painter.drawText(QRectF(0, 0, 16, 10), Qt.AlignmentFlag.AlignLeft, self.tr("L", "your left, short"))
        painter.drawText(QRectF(84, 0, 16, 10), Qt.AlignmentFlag.AlignRight, self.tr("R", "your right, short"))
        numbers = {"neck": QPointF(74, _NECK_Y), "ear_to_ear": QPointF(50, 90), "mouth_left": QPointF(29, 53),
                   "mouth_right": QPointF(71, 53)}  # fmt: skip
        for number, key in enumerate(POINT_KEYS, start=1):
            current = key == self._current
            color = accent if current else outline
            painter.setPen(
                QPen(color, 2.2 if current else 1.3, Qt.PenStyle.SolidLine if current else Qt.PenStyle.DashLine)
            )
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawPath(self.paths()[key])
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QBrush(color))
            centre = numbers[key]
            painter.drawEllipse(centre, 4.2, 4.2)
            painter.setPen(QPen(palette.color(QPalette.ColorRole.Window)))
            painter.drawText(QRectF(centre.x() - 4, centre.y() - 4, 8, 8), Qt.AlignmentFlag.AlignCenter, str(number))
        painter.end()
