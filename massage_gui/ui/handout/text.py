"""Plain text set in lines of a given width (QTextLayout: never rich text), measured before it is drawn."""

from __future__ import annotations

from PySide6.QtCore import QPointF
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPaintDevice, QPainter, QTextLayout, QTextOption

LINE_SPACING = 1.18  # times the font's own line height


class Paragraph:
    """One text (line breaks kept) wrapped to ``width``; ``height`` is known before drawing."""

    def __init__(self, text: str, font: QFont, width: float, device: QPaintDevice | None = None) -> None:
        self.text = text
        self.font = font
        self.width = max(width, 1.0)
        metrics = QFontMetricsF(font, device) if device is not None else QFontMetricsF(font)
        self.line_height = metrics.height() * LINE_SPACING
        self._ascent_gap = (self.line_height - metrics.height()) / 2
        self._layouts: list[tuple[QTextLayout, int]] = []
        lines = 0
        option = QTextOption()
        option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        for part in text.split("\n"):
            layout = QTextLayout(part, font, device) if device is not None else QTextLayout(part, font)
            layout.setTextOption(option)
            layout.beginLayout()
            count = 0
            while True:
                line = layout.createLine()
                if not line.isValid():
                    break
                line.setLineWidth(self.width)
                line.setPosition(QPointF(0, self._ascent_gap + count * self.line_height))
                count += 1
            layout.endLayout()
            self._layouts.append((layout, lines))
            lines += max(count, 1)
        self.lines = lines

    @property
    def height(self) -> float:
        return self.lines * self.line_height

    def natural_width(self) -> float:
        """The widest line as set (at most ``width``)."""
        widest = 0.0
        for layout, _ in self._layouts:
            for i in range(layout.lineCount()):
                widest = max(widest, layout.lineAt(i).naturalTextWidth())
        return widest

    def draw(self, painter: QPainter, x: float, y: float, color: QColor) -> None:
        painter.save()
        painter.setPen(color)
        for layout, first_line in self._layouts:
            layout.draw(painter, QPointF(x, y + first_line * self.line_height))
        painter.restore()
