"""The compact window says what the main window says, in brief: the area and its side, and the count at the spot."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from massage_gui.core.app_state import AppState
from massage_gui.core.sequencer import State
from massage_gui.core.settings import Settings
from massage_gui.ui.main_window import MainWindow
from tests.fake_clock import FakeClock


def test_the_compact_window_names_the_side_and_counts_at_the_spot(qtbot: QtBot) -> None:
    """Bug: with the left neck treated, the compact window said only "Cheeks" for the left cheek's step (the
    main window: "Left side only: ..."), and counted "13 of 18" over the whole step while the main window's
    dial counted "1 of 6" at the hands' spot, as self-drainage is taught (5 to 7 strokes, then move on)."""
    state = AppState(
        Settings(last_routine="standard", safety_confirmed=True, treated_side="left"), clock=FakeClock(100.0)
    )
    window = MainWindow(state)
    qtbot.addWidget(window)
    window.hands_free.player.keep_silent()
    window.show()
    window.set_compact(True)
    compact = window.compact_window
    assert compact is not None
    state.start()
    step = next(s for s in state.plan.steps if s.area == "cheeks" and s.side == "left" and s.positions > 1)
    state.seek(step.start_s + step.stroke_s * 12.5)  # the 13th stroke: the first at the third spot
    window.ticker.animation_timer.timeout.emit()
    assert state.state is State.STEP
    assert compact.area_label.text() == "Cheeks (your left side)"
    assert (compact.dial.value, compact.dial.caption) == (window.step_panel.dial.value, window.step_panel.dial.caption)
    assert (compact.dial.value, compact.dial.caption) == ("1", "of 6")
    state.stop()
