"""Every theme draws controls people can see: unticked boxes and slider tracks and handles measured on the
rendered Preferences and toolbar at 3:1 or more against their background (WCAG 2 non-text contrast)."""

from __future__ import annotations

import dataclasses
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QRect
from PySide6.QtGui import QColor, QImage, QPalette
from PySide6.QtWidgets import QCheckBox, QSlider, QStyle, QStyleOptionButton, QStyleOptionSlider, QWidget
from pytestqt.qtbot import QtBot

from massage_gui.core.settings import Settings
from massage_gui.ui.main_window import MainWindow
from massage_gui.ui.preferences_dialog import PreferencesDialog
from massage_gui.ui.theme import Theme, apply_palette, theme_for

THEMES = ("light", "dark", "high_contrast")
NON_TEXT_CONTRAST = 3.0


def luminance(color: QColor) -> float:
    def linear(c: float) -> float:
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    return 0.2126 * linear(color.redF()) + 0.7152 * linear(color.greenF()) + 0.0722 * linear(color.blueF())


def contrast(a: QColor, b: QColor) -> float:
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def test_contrast_is_the_wcag_ratio() -> None:
    assert contrast(QColor("#000000"), QColor("#FFFFFF")) == pytest.approx(21.0)
    assert contrast(QColor("#767676"), QColor("#FFFFFF")) == pytest.approx(4.54, abs=0.01)
    assert contrast(QColor("#123456"), QColor("#123456")) == 1.0


def background_around(image: QImage, rect: QRect) -> QColor:
    """The commonest colour in a ring 3 to 5 pixels outside ``rect``: what the control stands on."""
    colours: Counter[int] = Counter()
    outer = rect.adjusted(-5, -5, 5, 5)
    inner = rect.adjusted(-3, -3, 3, 3)
    for x in range(outer.left(), outer.right() + 1):
        for y in range(outer.top(), outer.bottom() + 1):
            if not inner.contains(x, y) and image.rect().contains(x, y):
                colours[image.pixel(x, y)] += 1
    return QColor.fromRgb(colours.most_common(1)[0][0])


def edge_contrasts(image: QImage, rect: QRect, background: QColor, sides: str = "ltrb") -> dict[str, float]:
    """Per side of ``rect``: the strongest contrast against ``background`` found crossing that side in its
    middle (from 2 pixels outside to 3 inside), where a control's outline is drawn."""
    centre = rect.center()
    found: dict[str, float] = {}
    for side in sides:
        if side in "lr":
            x0 = rect.left() if side == "l" else rect.right()
            inward = 1 if side == "l" else -1
            points = [QPoint(x0 + inward * d, centre.y()) for d in range(-2, 4)]
        else:
            y0 = rect.top() if side == "t" else rect.bottom()
            inward = 1 if side == "t" else -1
            points = [QPoint(centre.x(), y0 + inward * d) for d in range(-2, 4)]
        found[side] = max(contrast(QColor.fromRgb(image.pixel(p)), background) for p in points)
    return found


def in_image(widget: QWidget, top: QWidget, rect: QRect) -> QRect:
    return QRect(widget.mapTo(top, rect.topLeft()), rect.size())


def indicator_rect(box: QCheckBox) -> QRect:
    option = QStyleOptionButton()
    box.initStyleOption(option)
    return box.style().subElementRect(QStyle.SubElement.SE_CheckBoxIndicator, option, box)


def slider_parts(slider: QSlider) -> tuple[QRect, QRect]:
    option = QStyleOptionSlider()
    slider.initStyleOption(option)
    style = slider.style()
    cc = QStyle.ComplexControl.CC_Slider
    groove = style.subControlRect(cc, option, QStyle.SubControl.SC_SliderGroove, slider)
    handle = style.subControlRect(cc, option, QStyle.SubControl.SC_SliderHandle, slider)
    return groove, handle


def track_contrast(image: QImage, slider: QSlider, top: QWidget) -> float:
    """The track's outline against the background, measured across the track away from the handle."""
    groove, handle = slider_parts(slider)
    groove, handle = in_image(slider, top, groove), in_image(slider, top, handle)
    x = handle.right() + (groove.right() - handle.right()) // 2
    if x - handle.right() < 6:  # the handle is at the right end: measure left of it
        x = groove.left() + (handle.left() - groove.left()) // 2
    background = background_around(image, groove.adjusted(0, -4, 0, 4))
    column = [QColor.fromRgb(image.pixel(x, y)) for y in range(groove.top(), groove.bottom() + 1)]
    return max(contrast(c, background) for c in column)


def handle_contrast(image: QImage, slider: QSlider, top: QWidget) -> float:
    """The handle's outline against the background, above and below the track."""
    _groove, handle = slider_parts(slider)
    handle = in_image(slider, top, handle)
    background = background_around(image, handle)
    return min(edge_contrasts(image, handle, background, "tb").values())


@pytest.fixture
def themed() -> Iterator[None]:
    yield
    apply_palette(theme_for("light"))


def _save(image: QImage, tmp_path: Path, name: str) -> Path:
    path = tmp_path / f"{name}.png"
    image.save(str(path))
    return path


@pytest.mark.parametrize("name", THEMES)
def test_control_outlines_in_the_palette_reach_3_to_1(name: str) -> None:
    theme: Theme = theme_for(name)
    for against in (theme.background, theme.panel, theme.button):
        assert contrast(theme.control_line, against) >= NON_TEXT_CONTRAST, (name, against.name())


@pytest.mark.parametrize("name", THEMES)
def test_preferences_boxes_and_slider_are_visible(qtbot: QtBot, themed: None, tmp_path: Path, name: str) -> None:
    apply_palette(theme_for(name))
    dialog = PreferencesDialog(Settings(theme=name, reduced_motion=False))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)

    display = dialog.editor("reduced_motion")
    assert isinstance(display, QCheckBox)
    assert not display.isChecked()
    dialog.groups.setCurrentRow(dialog.pages.indexOf(_page_of(dialog, display)))
    image = dialog.grab().toImage()
    path = _save(image, tmp_path, f"preferences-display-{name}")
    box = in_image(display, dialog, indicator_rect(display))
    sides = edge_contrasts(image, box, background_around(image, box))
    assert min(sides.values()) >= NON_TEXT_CONTRAST, f"{name}: unticked box {sides} ({path})"

    rate = dialog.editor("voice_rate")
    assert isinstance(rate, QSlider)
    dialog.groups.setCurrentRow(dialog.pages.indexOf(_page_of(dialog, rate)))
    image = dialog.grab().toImage()
    path = _save(image, tmp_path, f"preferences-sound-{name}")
    assert track_contrast(image, rate, dialog) >= NON_TEXT_CONTRAST, f"{name}: track ({path})"
    assert handle_contrast(image, rate, dialog) >= NON_TEXT_CONTRAST, f"{name}: handle ({path})"


@pytest.mark.parametrize("name", THEMES)
def test_toolbar_pace_slider_is_visible(
    qtbot: QtBot, themed: None, tmp_path: Path, name: str, window: MainWindow
) -> None:
    window.state.apply_settings(dataclasses.replace(window.state.settings, theme=name))
    expected = theme_for(name).background
    qtbot.waitUntil(lambda: window.toolbar.palette().color(QPalette.ColorRole.Window) == expected)
    slider = window.window_actions.pace_control.slider
    image = window.toolbar.grab().toImage()
    path = _save(image, tmp_path, f"toolbar-{name}")
    assert track_contrast(image, slider, window.toolbar) >= NON_TEXT_CONTRAST, f"{name}: track ({path})"
    assert handle_contrast(image, slider, window.toolbar) >= NON_TEXT_CONTRAST, f"{name}: handle ({path})"


def _page_of(dialog: PreferencesDialog, editor: QWidget) -> QWidget:
    pages = [dialog.pages.widget(i) for i in range(dialog.pages.count())]
    return next(page for page in pages if page.isAncestorOf(editor))
