"""The pieces the title page is made of, each measured before it is placed: text, bullets, node shapes."""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QColor, QFont, QPaintDevice, QPainter, QPen

from massage_gui.ui.handout.text import Paragraph
from massage_gui.ui.markers import marker_path
from massage_gui.ui.theme import Theme

BULLET_INDENT = 14.0
COLUMN_GAP = 18.0
LEGEND_MARKER_PX = 6.0


class Block:
    """Something placed on a page at full width: ``height`` is known; ``keep_with_next`` keeps a heading
    on the page of what follows it."""

    height: float = 0.0
    keep_with_next: bool = False

    def draw(self, painter: QPainter, x: float, y: float) -> None:
        raise NotImplementedError


@dataclass
class Spacer(Block):
    height: float = 8.0

    def draw(self, painter: QPainter, x: float, y: float) -> None:
        return


class TextBlock(Block):
    """A paragraph, or a bullet point (``bullet``), in one font and colour."""

    def __init__(
        self,
        text: str,
        font: QFont,
        width: float,
        device: QPaintDevice,
        color: QColor,
        *,
        bullet: bool = False,
        keep_with_next: bool = False,
        space_after: float = 3.0,
    ) -> None:
        self.indent = BULLET_INDENT if bullet else 0.0
        self.paragraph = Paragraph(text, font, width - self.indent, device)
        self.bullet = Paragraph("•", font, self.indent, device) if bullet else None
        self.color = color
        self.keep_with_next = keep_with_next
        self.height = self.paragraph.height + space_after

    def draw(self, painter: QPainter, x: float, y: float) -> None:
        if self.bullet is not None:
            self.bullet.draw(painter, x, y, self.color)
        self.paragraph.draw(painter, x + self.indent, y, self.color)


class ColumnsBlock(Block):
    """Bullet points in ``columns`` columns side by side, filled down then across, in the given order."""

    def __init__(
        self, items: tuple[str, ...], font: QFont, width: float, device: QPaintDevice, color: QColor, columns: int
    ) -> None:
        columns = max(1, min(columns, len(items)))
        column_width = (width - COLUMN_GAP * (columns - 1)) / columns
        self.column_width = column_width
        blocks = [TextBlock(text, font, column_width, device, color, bullet=True) for text in items]
        self.columns = self._balanced(blocks, columns)
        self.height = max((sum(b.height for b in column) for column in self.columns), default=0.0)

    @staticmethod
    def _balanced(blocks: list[TextBlock], columns: int) -> list[list[TextBlock]]:
        """Cut the list into ``columns`` runs in order, the tallest run as short as it can be."""
        best: list[list[TextBlock]] = [blocks]
        best_height = sum(b.height for b in blocks)

        def split(rest: list[TextBlock], left: int, taken: list[list[TextBlock]]) -> None:
            nonlocal best, best_height
            if left == 1:
                runs = [*taken, rest]
                tallest = max(sum(b.height for b in run) for run in runs)
                if tallest < best_height - 1e-6:
                    best, best_height = runs, tallest
                return
            for cut in range(1, len(rest) - left + 2):
                split(rest[cut:], left - 1, [*taken, rest[:cut]])

        if columns > 1 and len(blocks) >= columns:
            split(blocks, columns, [])
        return best

    def draw(self, painter: QPainter, x: float, y: float) -> None:
        for i, column in enumerate(self.columns):
            top = y
            for block in column:
                block.draw(painter, x + i * (self.column_width + COLUMN_GAP), top)
                top += block.height


@dataclass
class NodeLegend(Block):
    """Each node group's marker, drawn as the diagrams draw it, beside its name; in columns."""

    entries: list[tuple[str, str, bool]]  # node id, name, hidden (behind the head: drawn hollow and dashed)
    font: QFont
    width: float
    device: QPaintDevice
    theme: Theme
    columns: int = 4
    rows: list[list[tuple[str, bool, Paragraph]]] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.cell = (self.width - COLUMN_GAP * (self.columns - 1)) / self.columns
        text_width = self.cell - 3 * LEGEND_MARKER_PX
        cells = [
            (node, hidden, Paragraph(name, self.font, text_width, self.device)) for node, name, hidden in self.entries
        ]
        self.rows = [cells[i : i + self.columns] for i in range(0, len(cells), self.columns)]
        self.height = sum(max(p.height for _, _, p in row) + 4 for row in self.rows)

    def draw(self, painter: QPainter, x: float, y: float) -> None:
        top = y
        for row in self.rows:
            for i, (node, hidden, name) in enumerate(row):
                left = x + i * (self.cell + COLUMN_GAP)
                center = QPointF(left + LEGEND_MARKER_PX, top + name.line_height / 2)
                color = self.theme.node_color(node)
                pen = QPen(color.darker(140), 1.0)
                painter.save()
                if hidden:
                    pen.setStyle(Qt.PenStyle.DashLine)
                    painter.setBrush(Qt.BrushStyle.NoBrush)
                else:
                    painter.setBrush(color)
                painter.setPen(pen)
                painter.drawPath(marker_path(node, center, LEGEND_MARKER_PX))
                painter.restore()
                name.draw(painter, left + 3 * LEGEND_MARKER_PX, top, self.theme.text)
            top += max(p.height for _, _, p in row) + 4
