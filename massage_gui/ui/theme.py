"""Colours for the light and dark schemes, and how the app picks one (system, or forced by the user)."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette

# Okabe-Ito colours: told apart by most colour-blind people; markers differ in shape as well.
NODE_COLORS = {
    "terminus": "#0072B2",
    "deep_cervical": "#56B4E9",
    "submandibular": "#E69F00",
    "submental": "#CC79A7",
    "preauricular": "#D55E00",
    "mastoid": "#9A8600",
    "occipital": "#7F7F7F",
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
    """Give the whole app a palette that matches the theme (Fusion style honours it everywhere)."""
    app = QGuiApplication.instance()
    if not isinstance(app, QGuiApplication):
        return
    system_is_dark()  # remember the platform's own palette before replacing it
    palette = QPalette()
    roles = {
        QPalette.ColorRole.Window: theme.background,
        QPalette.ColorRole.WindowText: theme.text,
        QPalette.ColorRole.Base: theme.panel,
        QPalette.ColorRole.AlternateBase: theme.background,
        QPalette.ColorRole.Text: theme.text,
        QPalette.ColorRole.Button: theme.panel,
        QPalette.ColorRole.ButtonText: theme.text,
        QPalette.ColorRole.Highlight: theme.accent,
        QPalette.ColorRole.HighlightedText: theme.accent_text,
        QPalette.ColorRole.ToolTipBase: theme.panel,
        QPalette.ColorRole.ToolTipText: theme.text,
        QPalette.ColorRole.PlaceholderText: theme.muted_text,
        QPalette.ColorRole.Link: theme.accent,
    }
    for role, color in roles.items():
        palette.setColor(role, color)
    muted = QColor(theme.muted_text)
    for role in (QPalette.ColorRole.WindowText, QPalette.ColorRole.Text, QPalette.ColorRole.ButtonText):
        palette.setColor(QPalette.ColorGroup.Disabled, role, muted)
    app.setPalette(palette)
