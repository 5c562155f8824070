"""The step panel's flash (a cue that could not be heard) never makes its words hard to read."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from massage_gui.core.frame import frame_at
from massage_gui.core.library import resolve_routine
from massage_gui.core.plan import build_plan
from massage_gui.core.sequencer import State
from massage_gui.core.settings import Settings
from massage_gui.core.tally import NO_SESSION
from massage_gui.ui.step_panel import StepPanel
from massage_gui.ui.theme import Theme

THEMES = [Theme.light(), Theme.dark_theme(), Theme.high_contrast()]


@pytest.mark.parametrize("theme", THEMES, ids=["light", "dark", "high_contrast"])
def test_the_flash_lights_the_panels_edge_not_behind_its_words(qtbot: QtBot, theme: Theme) -> None:
    """Bug: the whole panel took the accent colour for a quarter second at every stroke, under words drawn
    for the panel's own background: white on bright yellow in high contrast, the grey lines and the accent
    step count gone in light, the red pulse warning red on teal."""
    plan = build_plan(resolve_routine("standard").routine, Settings())
    panel = StepPanel(theme)
    qtbot.addWidget(panel)
    panel.resize(512, 740)
    panel.show()
    qtbot.waitExposed(panel)
    step = plan.steps[2]
    panel.show_frame(frame_at(plan, step.start_s + 0.5), plan, State.STEP, "", NO_SESSION)
    panel.flash()
    QApplication.processEvents()
    assert panel.flashing
    image = panel.grab().toImage()
    assert image.pixelColor(QPoint(2, 2)).name() == theme.accent.name(), "the edge lights up"
    assert image.pixelColor(QPoint(2, panel.height() - 3)).name() == theme.accent.name()
    labels = [panel.area_label, panel.instruction_label, panel.countdown_label, panel.caution_label]
    for label in [*labels, panel.dial]:
        corner = label.mapTo(panel, QPoint(1, 1))
        assert image.pixelColor(corner).name() == theme.panel.name(), label.objectName()
    qtbot.waitUntil(lambda: not panel.flashing, timeout=2000)
    image = panel.grab().toImage()
    assert image.pixelColor(QPoint(2, 2)).name() == theme.panel.name()
