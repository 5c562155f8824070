"""The end screen and Stop say what was done (time massaged, steps done and skipped), not what was planned."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from massage_gui.core.sequencer import State
from massage_gui.ui.main_window import MainWindow
from tests.ui.conftest import FakeClock


def run_for(window: MainWindow, clock: FakeClock, seconds: float) -> None:
    end = clock.now + seconds
    while clock.now < end - 1e-9:
        clock.advance(min(0.25, end - clock.now))
        window.ticker.tick_timer.timeout.emit()


def test_skipping_through_a_routine_says_what_was_done(qtbot: QtBot, window: MainWindow, clock: FakeClock) -> None:
    """Bug: after skipping through in 30 s the end screen said '8 steps in 4:21', the planned length."""
    qtbot.keyClick(window.face_view, Qt.Key.Key_Space)
    qtbot.keyClick(window.face_view, Qt.Key.Key_Right)  # to the first step
    run_for(window, clock, window.state.plan.steps[0].duration_s + 0.1)  # the first step done in full
    while window.state.state is not State.FINISHED:
        qtbot.keyClick(window.face_view, Qt.Key.Key_Right)
    panel = window.step_panel
    total = len(window.state.plan.steps)
    summary = window.state.summary
    assert summary is not None
    assert summary.reached_end
    assert not summary.finished
    assert summary.steps_done == 1
    assert panel.state_label.text() == "AT THE END"
    massaged = window.state.plan.steps[0].duration_s
    expected_time = f"{int(massaged) // 60}:{int(massaged) % 60:02d}"
    assert f"You massaged for {expected_time}: 1 of {total} steps done, {total - 1} skipped." in (
        panel.instruction_label.text()
    )
    planned = window.state.plan.total_s
    window.state.set_pace(3.0)  # a later change of pace does not change what was done
    assert window.state.summary == summary
    assert f"{int(planned) // 60}:{int(planned) % 60:02d}" not in panel.instruction_label.text()


def test_stop_shows_the_same_summary(qtbot: QtBot, window: MainWindow, clock: FakeClock) -> None:
    """Bug: S ended the session at once, with no summary."""
    qtbot.keyClick(window.face_view, Qt.Key.Key_Space)
    qtbot.keyClick(window.face_view, Qt.Key.Key_Right)
    run_for(window, clock, 10.0)
    qtbot.keyClick(window.face_view, Qt.Key.Key_S)
    assert window.state.state is State.IDLE
    panel = window.step_panel
    assert panel.state_label.text() == "STOPPED"
    assert panel.instruction_label.text().startswith("You massaged for 0:10: 0 of ")
    qtbot.keyClick(window.face_view, Qt.Key.Key_Space)  # a new session: the ready screen's words again
    assert window.state.summary is None


def test_a_routine_worked_through_is_finished(qtbot: QtBot, window: MainWindow, clock: FakeClock) -> None:
    qtbot.keyClick(window.face_view, Qt.Key.Key_Space)
    run_for(window, clock, window.state.plan.total_s + 1)
    assert window.state.state is State.FINISHED
    assert window.step_panel.state_label.text() == "FINISHED"
    summary = window.state.summary
    assert summary is not None
    assert summary.finished
    assert summary.steps_done == summary.steps_total == len(window.state.plan.steps)


def test_skipped_areas_are_named_on_the_panel(qtbot: QtBot, window: MainWindow) -> None:
    """Bug: skips persisted silently across restarts, shown only as light hatching."""
    assert not window.step_panel.skips_label.isVisibleTo(window)
    window.state.toggle_skip("cheeks", "right")
    window.state.toggle_skip("forehead")
    text = window.step_panel.skips_label.text()
    assert "Cheeks (your right side)" in text
    assert "Forehead" in text
    assert "bring them back" in text
    assert window.step_panel.skips_label.isVisibleTo(window)
