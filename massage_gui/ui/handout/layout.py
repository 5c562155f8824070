"""Where everything goes: the paper, the title page's blocks in order, and two to four steps a page."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QLocale, QMarginsF, QRectF
from PySide6.QtGui import QFont, QPageLayout, QPageSize, QPaintDevice

from massage_gui.core.anatomy import Anatomy
from massage_gui.core.plan import Plan
from massage_gui.ui.handout import texts
from massage_gui.ui.handout.blocks import Block, Columns, NodeLegend, Spacer, Stack, TextBlock, column_width
from massage_gui.ui.handout.figure import StepStill
from massage_gui.ui.handout.style import Fonts
from massage_gui.ui.theme import Theme

PAPERS = {"a4": QPageSize.PageSizeId.A4, "letter": QPageSize.PageSizeId.Letter}
# Where Letter is the usual paper (CLDR's list): the rest of the world uses A4.
LETTER_TERRITORIES = frozenset(
    {
        QLocale.Country.UnitedStates,
        QLocale.Country.Canada,
        QLocale.Country.Mexico,
        QLocale.Country.Belize,
        QLocale.Country.Chile,
        QLocale.Country.Colombia,
        QLocale.Country.CostaRica,
        QLocale.Country.ElSalvador,
        QLocale.Country.Guatemala,
        QLocale.Country.Nicaragua,
        QLocale.Country.Panama,
        QLocale.Country.Philippines,
        QLocale.Country.PuertoRico,
        QLocale.Country.Venezuela,
    }
)
MARGIN_MM = 14.0
HEADER_PX = 28.0  # the step pages' running head
FOOTER_PX = 22.0  # every page's foot: the page number
CELL_GAP_PX = 20.0  # between the two steps of a row
ROW_GAP_PX = 18.0
TEXT_GAP_PX = 6.0  # between a step's drawing and its words
MIN_DRAWING_PX = 190.0  # a step's drawing is never smaller than this (then fewer steps share a page)
ROWS_A_PAGE = 2


def paper_for_locale(locale: QLocale | None = None) -> str:
    """'letter' where the system's country uses Letter paper, else 'a4'."""
    territory = (locale or QLocale.system()).territory()
    return "letter" if territory in LETTER_TERRITORIES else "a4"


def page_layout(paper: str) -> QPageLayout:
    """The paper, upright, with margins every printer can print within."""
    margins = QMarginsF(MARGIN_MM, MARGIN_MM, MARGIN_MM, MARGIN_MM)
    return QPageLayout(QPageSize(PAPERS[paper]), QPageLayout.Orientation.Portrait, margins, QPageLayout.Unit.Millimeter)


# -- the title page ---------------------------------------------------------------------------------------


def title_blocks(
    plan: Plan, anatomy: Anatomy, width: float, device: QPaintDevice, fonts: Fonts, theme: Theme
) -> list[Block]:
    """The title page from top to bottom: name, length, description, your settings, who should ask first
    (full width), then in two columns how light, how to sit, when to stop and how to read the drawings; last
    the node groups' shapes."""
    ink, muted = theme.text, theme.muted_text
    half = column_width(width, 2)

    def text(words: str, font: QFont, wide: float = width, **options: Any) -> TextBlock:
        return TextBlock(words, font, wide, device, ink, **options)

    def section(part: texts.Section, wide: float) -> list[Block]:
        blocks: list[Block] = [
            Spacer(7.0),
            text(part.heading, fonts.heading, wide, keep_with_next=True, space_after=2.0),
        ]
        blocks.extend(text(p, fonts.body, wide) for p in part.paragraphs)
        if part.columns > 1:
            bullets: list[Block] = [text(b, fonts.body, half, bullet=True) for b in part.bullets]
            blocks.append(Columns(bullets, half, part.columns))
        else:
            blocks.extend(text(b, fonts.body, wide, bullet=True) for b in part.bullets)
        blocks.extend(text(p, fonts.strong, wide) for p in part.strong)
        return blocks

    blocks: list[Block] = [
        text(plan.routine.name, fonts.title, space_after=4.0),
        TextBlock(texts.length_line(plan), fonts.subtitle, width, device, muted, space_after=6.0),
    ]
    if plan.routine.description:
        blocks.append(text(plan.routine.description, fonts.body))
    blocks.extend(text(line, fonts.body, bullet=True) for line in texts.settings_lines(plan, anatomy))
    blocks.append(Spacer(4.0))
    blocks.append(text(texts.what_it_is(), fonts.body))
    who, neck, *rest = texts.safety_sections()
    blocks.extend(section(who, width))
    blocks.extend(section(neck, width))
    blocks.append(Columns([Stack(section(part, half)) for part in [*rest, texts.legend_section()]], half, 2))
    blocks.extend(section(texts.Section(texts.node_groups_heading()), width))
    entries = [(node.id, node.label, node.hidden) for node in anatomy.nodes.values()]
    blocks.append(NodeLegend(entries, fonts.body, width, device, theme))
    return blocks


def flow(blocks: list[Block], height: float) -> list[list[tuple[Block, float]]]:
    """The blocks placed down pages of ``height``: each at its top, a heading never last on a page."""
    pages: list[list[tuple[Block, float]]] = [[]]
    y = 0.0
    i = 0
    while i < len(blocks):
        group = [blocks[i]]
        while group[-1].keep_with_next and i + len(group) < len(blocks):
            group.append(blocks[i + len(group)])
        needed = sum(b.height for b in group)
        if y + needed > height and pages[-1]:
            pages.append([])
            y = 0.0
        for block in group:
            if not pages[-1] and isinstance(block, Spacer):
                continue  # no gap at the top of a page
            pages[-1].append((block, y))
            y += block.height
        i += len(group)
    return pages


# -- the step pages ---------------------------------------------------------------------------------------


@dataclass
class StepCell:
    """One step on a page: its drawing above, its words below (measured for the column's width)."""

    still: StepStill
    region: QRectF  # the part of the drawing it shows, in face units
    words: texts.StepWords
    blocks: list[Block]

    @property
    def text_height(self) -> float:
        return sum(b.height for b in self.blocks)


def step_cell(
    still: StepStill,
    region: QRectF,
    words: texts.StepWords,
    width: float,
    device: QPaintDevice,
    fonts: Fonts,
    theme: Theme,
) -> StepCell:
    blocks: list[Block] = [TextBlock(words.title, fonts.step_title, width, device, theme.text, space_after=2.0)]
    for line in (words.instruction, words.toward, words.count):
        if line:
            blocks.append(TextBlock(line, fonts.body, width, device, theme.text, space_after=1.0))
    if words.caution:
        blocks.append(TextBlock(words.caution, fonts.strong, width, device, theme.text, space_after=1.0))
    if words.cue:
        blocks.append(TextBlock(words.cue, fonts.cue, width, device, theme.text, space_after=1.0))
    return StepCell(still, region, words, blocks)


@dataclass
class StepPage:
    """Rows of up to two steps; every drawing on the page is ``drawing_height`` tall."""

    rows: list[list[StepCell]] = field(default_factory=list)
    drawing_height: float = 0.0

    @property
    def first(self) -> int:
        return self.rows[0][0].words.number

    @property
    def last(self) -> int:
        return self.rows[-1][-1].words.number


def step_column_width(width: float) -> float:
    """The width of each of a step page's two columns."""
    return (width - CELL_GAP_PX) / 2


def step_pages(cells: list[StepCell], height: float) -> list[StepPage]:
    """Two rows of two steps a page while the words leave each drawing at least MIN_DRAWING_PX; a row
    whose words are longer gets a page to itself (so two to four steps a page, the last page perhaps one)."""
    body = height - HEADER_PX - FOOTER_PX
    rows = [cells[i : i + 2] for i in range(0, len(cells), 2)]
    words = [max(c.text_height for c in row) for row in rows]
    tallest = max(words, default=0.0)
    share = (body - ROW_GAP_PX * (ROWS_A_PAGE - 1)) / ROWS_A_PAGE
    drawing = max(share - tallest - TEXT_GAP_PX, MIN_DRAWING_PX)
    pages: list[StepPage] = []
    used = 0.0
    for row, text_height in zip(rows, words, strict=True):
        needed = drawing + TEXT_GAP_PX + text_height
        if not pages or used + ROW_GAP_PX + needed > body or len(pages[-1].rows) == ROWS_A_PAGE:
            pages.append(StepPage(drawing_height=drawing))
            used = needed
        else:
            used += ROW_GAP_PX + needed
        pages[-1].rows.append(row)
    return pages
