"""Accessibility: names on everything focusable, a sensible tab order, WCAG AA contrast, announcements."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QAbstractButton, QComboBox, QWidget
from pytestqt.qtbot import QtBot

from massage_gui.ui.main_window import MainWindow
from massage_gui.ui.theme import Theme


def _luminance(color: QColor) -> float:
    def channel(v: int) -> float:
        c = v / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    return 0.2126 * channel(color.red()) + 0.7152 * channel(color.green()) + 0.0722 * channel(color.blue())


def contrast(a: QColor, b: QColor) -> float:
    high, low = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


@pytest.mark.parametrize("theme", [Theme.light(), Theme.dark_theme(), Theme.high_contrast()], ids=lambda t: t.name)
def test_text_colours_pass_wcag_aa(theme: Theme) -> None:
    pairs = {
        "text on background": (theme.text, theme.background),
        "text on panel": (theme.text, theme.panel),
        "muted text on panel": (theme.muted_text, theme.panel),
        "muted text on background": (theme.muted_text, theme.background),
        "accent text on panel": (theme.accent, theme.panel),
        "accent text on background": (theme.accent, theme.background),
        "warning on background": (theme.warning, theme.background),
        "warning on panel": (theme.warning, theme.panel),
        "text on accent": (theme.accent_text, theme.accent),
    }
    for what, (fg, bg) in pairs.items():
        assert contrast(fg, bg) >= 4.5, f"{theme.name}: {what} is {contrast(fg, bg):.2f}:1"


def _focusable(window: QWidget) -> list[QWidget]:
    return [
        w
        for w in window.findChildren(QWidget)
        if w.isVisibleTo(window) and w.focusPolicy() != Qt.FocusPolicy.NoFocus and w.isEnabled()
    ]


def test_every_focusable_widget_has_an_accessible_name(window: MainWindow) -> None:
    unnamed = [
        f"{type(w).__name__}({w.objectName()})"
        for w in _focusable(window)
        if not w.accessibleName()
        and not (isinstance(w, QAbstractButton) and w.text())
        and not isinstance(w.parent(), QComboBox)  # a combo box's own line edit or view
    ]
    assert unnamed == []


def test_tab_walks_through_the_controls_in_reading_order(qtbot: QtBot, window: MainWindow) -> None:
    window.window_actions.routine_picker.setFocus()
    seen: list[str] = []
    for _ in range(30):
        widget = window.focusWidget()
        assert widget is not None
        name = widget.accessibleName() or type(widget).__name__
        if name in seen:
            break
        seen.append(name)
        qtbot.keyClick(widget, Qt.Key.Key_Tab)
    assert seen[0] == "Routine"
    assert "Pace in seconds per stroke" in seen
    assert "Face and neck diagram" in seen
    assert seen.index("Routine") < seen.index("Pace in seconds per stroke") < seen.index("Face and neck diagram")


def test_the_face_view_describes_the_step_and_announces_changes(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    announced: list[str] = []
    monkeypatch.setattr(window.face_view, "_announce", announced.append)
    qtbot.keyClick(window.face_view, Qt.Key.Key_Space)
    qtbot.keyClick(window.face_view, Qt.Key.Key_Right)
    description = window.face_view.accessibleDescription()
    assert description.startswith("Breathing")
    assert f"1 of {window.state.plan.steps[0].reps}" in description
    qtbot.keyClick(window.face_view, Qt.Key.Key_Right)
    assert announced[-1].startswith("Collarbone hollow")


def test_states_are_not_told_by_colour_alone(window: MainWindow) -> None:
    from massage_gui.ui.markers import NODE_SHAPES

    assert len(set(NODE_SHAPES.values()) - {"circle"}) >= 5, "node groups differ in shape too"
    assert window.step_panel.caution_label.text().startswith("Neck:"), "the no-press zone has words"
