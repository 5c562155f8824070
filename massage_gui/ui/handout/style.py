"""How the handout looks on paper: a white page, grey line art, black overlays, and its type sizes."""

from __future__ import annotations

from dataclasses import dataclass, replace

from PySide6.QtGui import QColor, QFont, QGuiApplication, QPainter

from massage_gui.ui.diagram_style import DIAGRAM_STYLE, DiagramStyle
from massage_gui.ui.face_art import ArtColors, FaceArt
from massage_gui.ui.theme import Theme

PX_PER_INCH = 96.0  # the handout is laid out in these units whatever the printer's resolution
MM = PX_PER_INCH / 25.4

# The line art in greys, so that what the step asks (shading, hands, arrows, rings) stands out in black.
PRINT_ART_COLORS = ArtColors(
    background=QColor("#FFFFFF"),
    skin=QColor("#FFFFFF"),
    line=QColor("#6E6E6E"),
    detail=QColor("#A8A8A8"),
)


def print_theme() -> Theme:
    """The window's light theme made for paper: white, black and greys (the node groups keep their colours
    for colour printers, and differ in shape for grey ones); the no-press zone stays red, drawn dashed with a
    cross so that it reads in grey too."""
    return replace(
        Theme.light(),
        background=QColor("#FFFFFF"),
        panel=QColor("#FFFFFF"),
        text=QColor("#000000"),
        muted_text=QColor("#404040"),
        accent=QColor("#000000"),
        area_fill=QColor(0, 0, 0, 46),
        area_line=QColor(0, 0, 0, 150),
        skipped=QColor("#505050"),
        warning=QColor("#B71C1C"),
        name="print",
    )


class PrintArt(FaceArt):
    """The same drawing as curves, always in the print greys (the painter hands it the theme's screen colours)."""

    def __init__(self) -> None:
        super().__init__(flat=False)

    def paint(self, painter: QPainter, colors: ArtColors, px_per_unit: float) -> None:
        super().paint(painter, PRINT_ART_COLORS, px_per_unit)


# The window's sizes, a little finer: the drawings are small and a printer draws thin lines cleanly.
PRINT_DIAGRAM_STYLE: DiagramStyle = replace(
    DIAGRAM_STYLE,
    margin_px=0.0,
    marker_px=(3.2, 7.0),
    marker_pen_px=1.0,
    skipped_pen_px=1.0,
    skipped_alpha=255,  # opaque lines are drawn as PDF lines; see-through ones as many small shapes
    active_pen_px=1.4,
    no_press_pen_px=1.4,
    no_press_fill_alpha=30,
    no_press_cross_pen_px=1.6,
    no_press_font_px=(8.0, 10.0),
    target_pen_px=1.8,
    arrow_px=(2.4, 6.0),
    head_size=2.4,
    pad_pen_px=1.1,
    pad_fill_alpha=0.9,
    breath_pen_px=1.6,
)


@dataclass(frozen=True)
class Fonts:
    """The handout's type, in pixels of 1/96 inch (so that it scales with the painter on any printer)."""

    base: QFont
    scale: float = 1.0  # a title page with more to say is set a little smaller to stay on one page

    def scaled(self, scale: float) -> Fonts:
        return replace(self, scale=scale)

    def _sized(self, px: float, bold: bool = False, italic: bool = False) -> QFont:
        font = QFont(self.base)
        font.setPixelSize(max(1, round(px * self.scale)))
        font.setBold(bold)
        font.setItalic(italic)
        return font

    @property
    def title(self) -> QFont:
        return self._sized(28, bold=True)

    @property
    def subtitle(self) -> QFont:
        return self._sized(15)

    @property
    def heading(self) -> QFont:
        return self._sized(15, bold=True)

    @property
    def body(self) -> QFont:
        return self._sized(12.5)

    @property
    def strong(self) -> QFont:
        return self._sized(12.5, bold=True)

    @property
    def cue(self) -> QFont:
        return self._sized(12.5, italic=True)

    @property
    def step_title(self) -> QFont:
        return self._sized(16, bold=True)

    @property
    def number(self) -> QFont:
        return self._sized(10, bold=True)

    @property
    def small(self) -> QFont:
        return self._sized(10.5)


def default_fonts() -> Fonts:
    """The app's font family at the handout's sizes."""
    return Fonts(QFont(QGuiApplication.font()))
