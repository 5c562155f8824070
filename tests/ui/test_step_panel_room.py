"""The step panel's lines never lie over one another or over the dial, however little room the window has."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from massage_gui.core.app_state import AppState
from massage_gui.core.settings import Settings
from massage_gui.ui import i18n
from massage_gui.ui.main_window import MainWindow
from massage_gui.ui.step_panel import StepPanel
from massage_gui.ui.theme import Theme
from tests.fake_clock import FakeClock
from tests.ui.conftest import panel_clashes

SOUND_OFF = (
    "Ton ist aus: Der Tonserver hat nicht geantwortet (Connection refused). Beim Start der nächsten Sitzung wird "
    "es noch einmal versucht. Die Sprachausgabe hat nicht geantwortet: Sprachansagen sind aus. Beim Start der "
    "nächsten Sitzung wird es noch einmal versucht. Die Schrittanzeige blinkt statt jedes Tons."
)


def test_a_crowded_panel_leaves_out_its_spare_lines_rather_than_overlap(qtbot: QtBot, qapp: QApplication) -> None:
    """Bug: at 800x600 in German, under a notice of six lines (sound and voice off, a treated side), with two
    areas skipped, the panel needed 414 px at its smallest type and had 404: the countdown and the cue lay over
    the dial's ring. Now the general pressure reminder, then the list of skipped areas (the toolbar counts
    them too), make way first; the step's own words, the dial and the pulse warning stay."""
    assert i18n.install_translator(qapp, "de") == "de"
    try:
        settings = Settings(
            last_routine="quick", safety_confirmed=True, treated_side="left",
            skipped_areas=frozenset({"cheeks", "forehead:right"}),
        )  # fmt: skip
        state = AppState(settings, clock=FakeClock(100.0))
        window = MainWindow(state)
        qtbot.addWidget(window)
        window.hands_free.player.keep_silent()
        window.resize(800, 600)
        window.show()
        qtbot.waitExposed(window)
        window.set_notice(SOUND_OFF)
        state.start()
        state.seek(state.plan.steps[1].start_s + 0.3)
        window.ticker.animation_timer.timeout.emit()
        for _ in range(3):
            QApplication.processEvents()
        panel = window.step_panel
        assert panel_clashes(panel) == []
        for kept in (panel.area_label, panel.instruction_label, panel.dial, panel.cue_label, panel.next_label):
            assert kept.isVisible()
        assert panel.caution_label.isVisible(), "the pulse warning is never left out"
        assert not panel.reminder_label.isVisible()
        window.notice_bar.set_message("")
        window.resize(1024, 768)  # room again for what was left out
        for _ in range(3):
            QApplication.processEvents()
        assert panel_clashes(panel) == []
        assert panel.reminder_label.isVisible()
        assert panel.skips_label.isVisible()
        state.stop()
    finally:
        i18n.remove_translators(qapp)


def test_the_panel_fits_its_type_to_its_own_size_not_to_qts_default(qtbot: QtBot) -> None:
    """A panel just made has Qt's default size. Fitting the type to that shrank every font step by step to the
    smallest, the most costly part of making the panel at start, only for the first resize to fit it again."""
    panel = StepPanel(Theme.light())
    qtbot.addWidget(panel)
    default_px = panel.font().pixelSize()
    assert panel.area_label.font().pixelSize() == default_px, "nothing fitted before the panel has a size"
    panel.resize(380, 620)
    panel.show()
    qtbot.waitExposed(panel)
    assert panel.area_label.font().pixelSize() == 34  # the usual size: the panel is 380x620, the type's unit 1
