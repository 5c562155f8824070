"""Draws the handout page by page on any paged device (a PDF writer or a printer), with one QPainter."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QPagedPaintDevice, QPainter, QPen

from massage_gui.core.anatomy import Anatomy, default_anatomy
from massage_gui.core.errors import MassageError
from massage_gui.core.plan import Plan
from massage_gui.core.scene import Scene, build_scene
from massage_gui.ui.diagram_painter import DiagramPainter
from massage_gui.ui.handout import texts
from massage_gui.ui.handout.blocks import Block
from massage_gui.ui.handout.figure import crop_region, paint_still, print_scene, step_still
from massage_gui.ui.handout.layout import (
    CELL_GAP_PX,
    FOOTER_PX,
    HEADER_PX,
    ROW_GAP_PX,
    TEXT_GAP_PX,
    StepPage,
    flow,
    step_cell,
    step_column_width,
    step_pages,
    title_blocks,
)
from massage_gui.ui.handout.style import PRINT_DIAGRAM_STYLE, PX_PER_INCH, Fonts, PrintArt, default_fonts, print_theme
from massage_gui.ui.handout.text import Paragraph
from massage_gui.ui.theme import Theme

BADGE_RADIUS_PX = 12.0
TITLE_FONT_SCALES = (1.0, 0.95, 0.9, 0.85)  # a longer title page (a description, many warnings) is set smaller


@dataclass
class Handout:
    """The whole handout laid out for one page size: title pages, then step pages."""

    plan: Plan
    scene: Scene
    title_pages: list[list[tuple[Block, float]]]
    step_pages: list[StepPage]

    @property
    def page_count(self) -> int:
        return len(self.title_pages) + len(self.step_pages)


def lay_out(
    plan: Plan,
    device: QPagedPaintDevice,
    width: float,
    height: float,
    fonts: Fonts,
    theme: Theme,
    diagram: DiagramPainter,
    anatomy: Anatomy,
) -> Handout:
    """Measure every text on ``device`` and place it on pages of ``width`` × ``height`` (1/96 inch units)."""
    scene = print_scene(build_scene(plan.settings, plan.routine.areas, anatomy))
    stills = [step_still(plan, step) for step in plan.steps]
    style = diagram.style
    for scale in TITLE_FONT_SCALES:  # the first that keeps the title page to one page
        title = flow(title_blocks(plan, anatomy, width, device, fonts.scaled(scale), theme), height - FOOTER_PX)
        if len(title) == 1:
            break
    cells = [
        step_cell(
            still,
            crop_region(scene, still, style.breath_center, sum(style.breath_radius)),
            texts.step_words(still.step, anatomy, bool(still.frame.no_press)),
            step_column_width(width),
            device,
            fonts,
            theme,
        )
        for still in stills
    ]
    return Handout(plan, scene, title, step_pages(cells, height))


def _footer(
    painter: QPainter, width: float, height: float, fonts: Fonts, theme: Theme, page: int, pages: int, left: str = ""
) -> None:
    number = Paragraph(texts.page_footer(page, pages), fonts.small, width)
    right = number.natural_width()
    number.draw(painter, width - right, height - number.height, theme.muted_text)
    if left:
        note = Paragraph(left, fonts.small, width - right - CELL_GAP_PX)
        note.draw(painter, 0.0, height - note.height, theme.muted_text)


def _badge(painter: QPainter, box: QRectF, number: int, fonts: Fonts, theme: Theme) -> None:
    """The step's number in a black disc at the drawing's top left corner."""
    r = BADGE_RADIUS_PX
    center = QPointF(box.left() + r + 5, box.top() + r + 5)
    painter.save()
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(theme.text)
    painter.drawEllipse(center, r, r)
    painter.setPen(theme.background)
    painter.setFont(fonts.heading)
    painter.drawText(QRectF(center.x() - r, center.y() - r, 2 * r, 2 * r), Qt.AlignmentFlag.AlignCenter, str(number))
    painter.restore()


def _step_page(
    painter: QPainter,
    handout: Handout,
    page: StepPage,
    width: float,
    fonts: Fonts,
    theme: Theme,
    diagram: DiagramPainter,
) -> None:
    header = Paragraph(texts.page_header(handout.plan.routine.name, page.first, page.last), fonts.small, width)
    header.draw(painter, 0.0, 0.0, theme.muted_text)
    painter.save()
    painter.setPen(QPen(theme.muted_text, 0.6))
    painter.drawLine(QPointF(0.0, HEADER_PX - 8), QPointF(width, HEADER_PX - 8))
    painter.restore()
    column = step_column_width(width)
    y = HEADER_PX
    for row in page.rows:
        for i, cell in enumerate(row):
            x = i * (column + CELL_GAP_PX)
            box = QRectF(x, y, column, page.drawing_height)
            paint_still(painter, box, cell.region, handout.scene, cell.still, diagram, theme, fonts)
            _badge(painter, box, cell.words.number, fonts, theme)
            top = y + page.drawing_height + TEXT_GAP_PX
            for block in cell.blocks:
                block.draw(painter, x, top)
                top += block.height
        y += page.drawing_height + TEXT_GAP_PX + max(c.text_height for c in row) + ROW_GAP_PX


def render_handout(device: QPagedPaintDevice, plan: Plan, anatomy: Anatomy | None = None) -> int:
    """Draw the handout of ``plan`` on ``device`` (its page size and margins already set); returns the number
    of pages. Sizes are in 1/96 inch whatever the device's resolution."""
    anatomy = anatomy or default_anatomy()
    theme = print_theme()
    fonts = default_fonts()
    diagram = DiagramPainter(PrintArt(), PRINT_DIAGRAM_STYLE)
    scale = device.logicalDpiY() / PX_PER_INCH
    width, height = device.width() / scale, device.height() / scale
    painter = QPainter()
    if not painter.begin(device):
        raise MassageError("cannot draw on the page (the printer or file refused it)")
    try:
        handout = lay_out(plan, device, width, height, fonts, theme, diagram, anatomy)
        pages = handout.page_count
        for number in range(1, pages + 1):
            if number > 1 and not device.newPage():
                raise MassageError(f"cannot start page {number} (the printer or file refused it)")
            painter.resetTransform()
            painter.scale(scale, scale)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            if number <= len(handout.title_pages):
                for block, top in handout.title_pages[number - 1]:
                    block.draw(painter, 0.0, top)
                _footer(painter, width, height, fonts, theme, number, pages, texts.title_footer())
            else:
                page = handout.step_pages[number - 1 - len(handout.title_pages)]
                _step_page(painter, handout, page, width, fonts, theme, diagram)
                _footer(painter, width, height, fonts, theme, number, pages)
    finally:
        painter.end()
    return pages
