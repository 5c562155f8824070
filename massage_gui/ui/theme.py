"""Colours for the light and dark schemes, and how the app picks one (system, or forced by the user)."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication, QWidget

from massage_gui.ui.control_style import ControlStyle, mix

# Okabe-Ito colours: told apart by most colour-blind people; markers differ in shape as well.
NODE_COLORS = {
    "terminus": "#0072B2",
    "deep_cervical": "#56B4E9",
    "submandibular": "#E69F00",
    "submental": "#CC79A7",
    "preauricular": "#D55E00",
    "mastoid": "#9A8600",
    "occipital": "#7F7F7F",
    "axillary": "#009E73",
}


@dataclass(frozen=True)
class Theme:
    """Every colour the app paints with."""

    dark: bool
    background: QColor
    panel: QColor
    text: QColor
    muted_text: QColor
    accent: QColor
    accent_text: QColor
    area_fill: QColor
    area_line: QColor
    skipped: QColor
    warning: QColor
    overlay: QColor
    control_line: QColor  # outlines of boxes, fields, buttons and slider grooves: 3:1 or more on the background
    button: QColor
    name: str = "light"

    @classmethod
    def light(cls) -> Theme:
        return cls(
            dark=False,
            background=QColor("#F6F4F1"),
            panel=QColor("#FFFFFF"),
            text=QColor("#1F2428"),
            muted_text=QColor("#5C666E"),
            accent=QColor("#00737D"),
            accent_text=QColor("#FFFFFF"),
            area_fill=QColor(0, 115, 125, 46),
            area_line=QColor(0, 115, 125, 90),
            skipped=QColor("#9AA0A6"),
            warning=QColor("#C62828"),
            overlay=QColor(246, 244, 241, 215),
            control_line=QColor("#737A80"),
            button=QColor("#FFFFFF"),
        )

    @classmethod
    def dark_theme(cls) -> Theme:
        return cls(
            dark=True,
            background=QColor("#16191C"),
            panel=QColor("#1E2226"),
            text=QColor("#E8EAED"),
            muted_text=QColor("#A0A8B0"),
            accent=QColor("#3CC7D1"),
            accent_text=QColor("#0B1215"),
            area_fill=QColor(60, 199, 209, 52),
            area_line=QColor(60, 199, 209, 100),
            skipped=QColor("#6B7178"),
            warning=QColor("#FF6B6B"),
            overlay=QColor(22, 25, 28, 215),
            control_line=QColor("#8C959D"),
            button=QColor("#2A2F34"),
            name="dark",
        )

    @classmethod
    def high_contrast(cls) -> Theme:
        """Black and white with a yellow accent: far beyond WCAG AA, for low vision."""
        return cls(
            dark=True,
            background=QColor("#000000"),
            panel=QColor("#000000"),
            text=QColor("#FFFFFF"),
            muted_text=QColor("#E0E0E0"),
            accent=QColor("#FFD400"),
            accent_text=QColor("#000000"),
            area_fill=QColor(255, 212, 0, 70),
            area_line=QColor(255, 212, 0, 170),
            skipped=QColor("#BDBDBD"),
            warning=QColor("#FF6E6E"),
            overlay=QColor(0, 0, 0, 225),
            control_line=QColor("#FFFFFF"),
            button=QColor("#000000"),
            name="high_contrast",
        )

    def node_color(self, node: str) -> QColor:
        color = QColor(NODE_COLORS[node])
        return color.lighter(125) if self.dark else color


_palette_was_dark: bool | None = None  # the platform palette, read before the app sets its own


def system_is_dark() -> bool:
    """The desktop's colour scheme, or, where the platform does not say, its palette's lightness."""
    global _palette_was_dark
    app = QGuiApplication.instance()
    if not isinstance(app, QGuiApplication):
        return False
    scheme = app.styleHints().colorScheme()
    if scheme == Qt.ColorScheme.Dark:
        return True
    if scheme == Qt.ColorScheme.Light:
        return False
    if _palette_was_dark is None:
        _palette_was_dark = app.palette().color(QPalette.ColorRole.Window).lightness() < 128
    return _palette_was_dark


def theme_for(setting: str) -> Theme:
    """``setting`` is 'system', 'light', 'dark' or 'high_contrast'."""
    if setting == "high_contrast":
        return Theme.high_contrast()
    dark = system_is_dark() if setting == "system" else setting == "dark"
    return Theme.dark_theme() if dark else Theme.light()


def apply_palette(theme: Theme) -> None:
    """Give the whole app a palette that matches the theme, and the style that draws control outlines
    from it (Fusion alone draws them in a darker shade of the background, lost on dark themes)."""
    app = QGuiApplication.instance()
    if not isinstance(app, QGuiApplication):
        return
    system_is_dark()  # remember the platform's own palette before replacing it
    app.setPalette(palette_for(theme))
    if isinstance(app, QApplication) and not isinstance(app.style(), ControlStyle):
        app.setStyle(ControlStyle())


def set_text_color(widget: QWidget, color: QColor) -> None:
    """Colour a label's (or any widget's) words through its palette: the app uses no style sheets at start
    (tests/ui/test_start_weight.py)."""
    palette = QPalette(widget.palette())
    palette.setColor(QPalette.ColorRole.WindowText, color)
    widget.setPalette(palette)


def palette_for(theme: Theme) -> QPalette:
    """The theme as a palette. Mid is the outline of every control (see control_style.py)."""
    role = QPalette.ColorRole
    edge = mix(theme.button, theme.text, 0.15) if theme.dark else QColor("#FFFFFF")
    palette = QPalette()
    colours = {
        role.Window: theme.background,
        role.WindowText: theme.text,
        role.Base: theme.panel,
        role.AlternateBase: theme.background,
        role.Text: theme.text,
        role.Button: theme.button,
        role.ButtonText: theme.text,
        role.BrightText: theme.text,
        role.Light: edge,
        role.Midlight: mix(edge, theme.button, 0.5),
        role.Mid: theme.control_line,
        role.Dark: theme.control_line,
        role.Shadow: theme.text if theme.name == "high_contrast" else QColor("#000000"),
        role.Highlight: theme.accent,
        role.HighlightedText: theme.accent_text,
        role.ToolTipBase: theme.panel,
        role.ToolTipText: theme.text,
        role.PlaceholderText: theme.muted_text,
        role.Link: theme.accent,
        role.LinkVisited: theme.accent,
        role.Accent: theme.accent,
    }
    for r, color in colours.items():
        palette.setColor(r, color)
    # Disabled controls stay visible but read as off: muted words, outlines half way to the background.
    disabled = QPalette.ColorGroup.Disabled
    for r in (role.WindowText, role.Text, role.ButtonText):
        palette.setColor(disabled, r, theme.muted_text)
    faded_line = mix(theme.control_line, theme.background, 0.45)
    for r in (role.Mid, role.Dark, role.Highlight, role.Accent):
        palette.setColor(disabled, r, faded_line)
    palette.setColor(disabled, role.HighlightedText, theme.panel)
    return palette
