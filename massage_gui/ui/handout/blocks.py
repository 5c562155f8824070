"""The pieces the title page is made of, each measured before it is placed: text, bullets, node shapes."""

from __future__ import annotations

from dataclasses import dataclass, field
from itertools import pairwise

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


class Stack(Block):
    """Blocks one under the other, kept together as one."""

    def __init__(self, blocks: list[Block]) -> None:
        self.blocks = blocks
        self.height = sum(b.height for b in blocks)

    def draw(self, painter: QPainter, x: float, y: float) -> None:
        for block in self.blocks:
            block.draw(painter, x, y)
            y += block.height


def column_width(width: float, count: int) -> float:
    """The width of each of ``count`` columns side by side in ``width``."""
    return (width - COLUMN_GAP * (count - 1)) / count


def balanced(heights: list[float], count: int) -> list[int]:
    """Where to cut a list of items of these heights into ``count`` runs, in order, so that the tallest run
    is as short as it can be: the index each run after the first starts at."""
    best: list[int] = []
    best_height = sum(heights)

    def split(start: int, left: int, cuts: list[int]) -> None:
        nonlocal best, best_height
        if left == 1:
            edges = [0, *cuts, len(heights)]
            tallest = max(sum(heights[a:b]) for a, b in pairwise(edges))
            if tallest < best_height - 1e-6:
                best, best_height = cuts, tallest
            return
        for cut in range(start + 1, len(heights) - left + 2):
            split(cut, left - 1, [*cuts, cut])

    if count > 1 and len(heights) >= count:
        split(0, count, [])
    return best


class Columns(Block):
    """Blocks in ``count`` columns of ``width`` side by side, filled down then across in the given order, the
    tallest column as short as it can be."""

    def __init__(self, items: list[Block], width: float, count: int) -> None:
        self.width = width
        edges = [0, *balanced([b.height for b in items], count), len(items)]
        self.columns = [items[a:b] for a, b in pairwise(edges)]
        self.height = max((sum(b.height for b in column) for column in self.columns), default=0.0)

    def draw(self, painter: QPainter, x: float, y: float) -> None:
        for i, column in enumerate(self.columns):
            Stack(column).draw(painter, x + i * (self.width + COLUMN_GAP), y)


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
