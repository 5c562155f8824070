"""The main window forwards keys and controls to the session, and renders what the core says."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QAbstractButton, QAbstractSlider, QComboBox, QToolButton, QWidget
from pytestqt.qtbot import QtBot

from massage_gui.core.anatomy import default_anatomy
from massage_gui.core.sequencer import State
from massage_gui.ui.main_window import MainWindow
from tests.ui.conftest import FakeClock


def key(qtbot: QtBot, window: MainWindow, k: Qt.Key) -> None:
    qtbot.keyClick(window.face_view, k)


def run_for(window: MainWindow, clock: FakeClock, seconds: float) -> None:
    """Let session time pass the way the app's timers would: a tick at least every quarter second."""
    end = clock.now + seconds
    while clock.now < end - 1e-9:
        clock.advance(min(0.25, end - clock.now))
        window.ticker.tick_timer.timeout.emit()


def test_space_starts_pauses_and_resumes(qtbot: QtBot, window: MainWindow, clock: FakeClock) -> None:
    assert window.state.state is State.IDLE
    key(qtbot, window, Qt.Key.Key_Space)
    assert window.state.state is State.LEAD_IN
    assert window.window_actions.start.text() == "Pause"
    run_for(window, clock, 2.0)
    key(qtbot, window, Qt.Key.Key_Space)
    assert window.state.state is State.PAUSED
    assert window.state.t == pytest.approx(2.0)
    assert window.window_actions.start.text() == "Resume"
    clock.advance(30.0)  # time while paused does not count
    key(qtbot, window, Qt.Key.Key_Space)
    assert window.state.state is State.LEAD_IN
    assert window.state.t == pytest.approx(2.0)


def test_arrow_keys_move_between_steps(qtbot: QtBot, window: MainWindow) -> None:
    key(qtbot, window, Qt.Key.Key_Space)
    key(qtbot, window, Qt.Key.Key_Right)  # skip the lead-in to step 1
    assert window.state.sequencer.position().step_index == 0
    assert window.state.state is State.STEP
    key(qtbot, window, Qt.Key.Key_Right)
    key(qtbot, window, Qt.Key.Key_Right)
    assert window.state.sequencer.position().step_index == 2
    key(qtbot, window, Qt.Key.Key_Left)
    assert window.state.sequencer.position().step_index == 1
    assert window.state.t == window.state.plan.steps[1].start_s


def test_restart_and_stop_keys(qtbot: QtBot, window: MainWindow, clock: FakeClock) -> None:
    key(qtbot, window, Qt.Key.Key_Space)
    key(qtbot, window, Qt.Key.Key_Right)
    key(qtbot, window, Qt.Key.Key_Right)
    run_for(window, clock, 3.0)
    key(qtbot, window, Qt.Key.Key_R)
    assert window.state.t == window.state.plan.steps[1].start_s
    key(qtbot, window, Qt.Key.Key_S)
    assert window.state.state is State.IDLE


def test_plus_and_minus_change_the_pace_and_keep_the_place(qtbot: QtBot, window: MainWindow, clock: FakeClock) -> None:
    key(qtbot, window, Qt.Key.Key_Space)
    key(qtbot, window, Qt.Key.Key_Right)
    key(qtbot, window, Qt.Key.Key_Right)  # collarbone circles
    run_for(window, clock, 5.0)  # 2.5 strokes in at 2 s per stroke
    assert window.state.state is State.STEP
    before = window.state.frame()
    key(qtbot, window, Qt.Key.Key_Plus)  # slower by a step a person notices
    assert window.state.settings.pace_s == pytest.approx(2.25)
    assert window.state.plan.settings.pace_s == pytest.approx(2.25)
    assert window.window_actions.pace_control.pace() == pytest.approx(2.25)
    after = window.state.frame()
    assert (after.step_index, after.rep) == (before.step_index, before.rep)
    assert after.phase == pytest.approx(before.phase)
    key(qtbot, window, Qt.Key.Key_Minus)
    key(qtbot, window, Qt.Key.Key_Minus)
    assert window.state.settings.pace_s == pytest.approx(1.75)


def test_pace_slider_applies_at_once(qtbot: QtBot, window: MainWindow) -> None:
    window.window_actions.pace_control.slider.setValue(60)  # 0.05 s a notch
    assert window.state.settings.pace_s == pytest.approx(3.0)
    assert window.state.plan.steps[1].stroke_s == pytest.approx(3.0)


def test_pace_never_leaves_its_range(qtbot: QtBot, window: MainWindow) -> None:
    for _ in range(40):
        key(qtbot, window, Qt.Key.Key_Minus)
    assert window.state.settings.pace_s == pytest.approx(1.0)
    for _ in range(40):
        key(qtbot, window, Qt.Key.Key_Plus)
    assert window.state.settings.pace_s == pytest.approx(4.0)


def test_m_toggles_the_mirror(qtbot: QtBot, window: MainWindow) -> None:
    assert window.state.settings.mirror is True
    key(qtbot, window, Qt.Key.Key_Space)
    key(qtbot, window, Qt.Key.Key_Right)
    key(qtbot, window, Qt.Key.Key_Right)
    left = next(a for a in window.state.frame().arrows if a.side == "left")
    assert left.x < 0.5
    key(qtbot, window, Qt.Key.Key_M)
    assert window.state.settings.mirror is False
    assert window.window_actions.mirror.isChecked() is False
    left = next(a for a in window.state.frame().arrows if a.side == "left")
    assert left.x > 0.5


def test_f11_and_escape_toggle_full_screen(qtbot: QtBot, window: MainWindow) -> None:
    key(qtbot, window, Qt.Key.Key_F11)
    qtbot.waitUntil(window.isFullScreen)
    assert not window.toolbar.isVisible()
    key(qtbot, window, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not window.isFullScreen())
    assert window.toolbar.isVisible()


def _area_point(window: MainWindow, area: str) -> QPointF:
    outline = default_anatomy().areas[area].outline
    x = sum(p[0] for p in outline) / len(outline)
    y = sum(p[1] for p in outline) / len(outline)
    view = window.face_view
    point = view.to_px((1 - x, y) if window.state.settings.mirror else (x, y))
    assert view.area_at(point) == area, "the centroid of the outline should lie inside it"
    return point


def test_clicking_an_area_skips_that_side_and_clicking_again_brings_it_back(qtbot: QtBot, window: MainWindow) -> None:
    """Bug: clicking one cheek skipped both. The user's right cheek is on the screen's right in the mirror."""
    point = _area_point(window, "cheeks").toPoint()  # the user's right side (x < 0.5 in photo terms)
    qtbot.mouseClick(window.face_view, Qt.MouseButton.LeftButton, pos=point)
    assert window.state.settings.skipped_areas == frozenset({"cheeks:right"})
    cheeks = [s for s in window.state.plan.steps if s.area == "cheeks"]
    assert cheeks, "the left cheek is still worked"
    assert {s.side for s in cheeks} == {"left"}
    assert window.window_actions.skip_menu.area_actions["cheeks"].isChecked()
    assert window.window_actions.skip_menu.area_actions["cheeks"].text() == "Cheeks (your right side)"
    assert window.face_view.scene.status("cheeks", "right") == "skipped"
    assert window.face_view.scene.status("cheeks", "left") == "routine"
    qtbot.mouseClick(window.face_view, Qt.MouseButton.LeftButton, pos=point)
    assert window.state.settings.skipped_areas == frozenset()
    assert {s.side for s in window.state.plan.steps if s.area == "cheeks"} == {"both"}


def test_shift_click_or_the_menu_skips_both_sides(qtbot: QtBot, window: MainWindow) -> None:
    point = _area_point(window, "cheeks").toPoint()
    qtbot.mouseClick(window.face_view, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.ShiftModifier, point)
    assert window.state.settings.skipped_areas == frozenset({"cheeks"})
    assert all(s.area != "cheeks" for s in window.state.plan.steps)
    window.window_actions.skip_menu.area_actions["cheeks"].trigger()  # brings both back
    assert window.state.settings.skipped_areas == frozenset()
    window.window_actions.skip_menu.area_actions["forehead"].trigger()
    assert window.state.settings.skipped_areas == frozenset({"forehead"})


def test_skip_menu_skips_during_a_session_without_losing_the_place(
    qtbot: QtBot, window: MainWindow, clock: FakeClock
) -> None:
    key(qtbot, window, Qt.Key.Key_Space)
    key(qtbot, window, Qt.Key.Key_Right)
    key(qtbot, window, Qt.Key.Key_Right)
    area = window.state.frame().area
    window.window_actions.skip_menu.area_actions["forehead"].trigger()
    assert "forehead" in window.state.settings.skipped_areas
    assert window.state.frame().area == area
    assert window.state.state is State.STEP


def test_skipping_the_collarbone_warns(qtbot: QtBot, window: MainWindow) -> None:
    window.window_actions.skip_menu.area_actions["collarbone"].trigger()
    assert window.notice_bar.isVisible()
    assert "collarbone" in window.notice_bar.text()


def test_skipping_every_area_is_refused_with_a_notice(qtbot: QtBot, window: MainWindow) -> None:
    for area in sorted(window.state.plan.routine.areas):
        window.window_actions.skip_menu.area_actions[area].trigger()
    assert window.state.plan.steps, "a plan always keeps at least one step"
    assert "skipped" in window.notice_bar.text()


def test_routine_picker_loads_another_routine(qtbot: QtBot, window: MainWindow) -> None:
    window.window_actions.routine_picker.routine_actions()["thorough"].trigger()
    assert window.state.plan.routine_id == "thorough"
    assert window.state.settings.last_routine == "thorough"
    assert window.step_panel.area_label.text() == window.state.plan.routine.name


def test_step_panel_shows_rep_counter_and_countdown(qtbot: QtBot, window: MainWindow, clock: FakeClock) -> None:
    key(qtbot, window, Qt.Key.Key_Space)
    key(qtbot, window, Qt.Key.Key_Right)
    key(qtbot, window, Qt.Key.Key_Right)
    run_for(window, clock, 4.5)
    panel = window.step_panel
    step = window.state.plan.steps[1]
    assert panel.area_label.text() == "Collarbone hollow"
    assert panel.dial.value == "3"
    assert panel.dial.caption == f"of {step.reps}"
    assert "left in this step" in panel.countdown_label.text()
    assert panel.next_label.text().startswith("Next: ")
    assert "collarbone" in panel.instruction_label.text()


def test_every_control_has_an_accessible_name_and_a_tooltip_with_its_key(window: MainWindow) -> None:
    for widget in window.findChildren(QWidget):
        if isinstance(widget, (QAbstractButton, QAbstractSlider, QComboBox)) and widget.isVisible():
            assert widget.accessibleName(), f"{widget!r} has no accessible name"
            assert widget.toolTip(), f"{widget!r} has no tooltip"
    for action in window.actions():
        if isinstance(action, QAction) and action.shortcut().toString():
            assert action.shortcut().toString() in action.toolTip() or "(" in action.toolTip()
    keys = {a.shortcut().toString() for a in window.actions()}
    assert {"Space", "Left", "Right", "M", "F11", "Esc", "+", "-"} <= keys
    assert window.window_actions.quit.shortcut().toString()
    assert window.window_actions.preferences.shortcut().toString()
    assert isinstance(window.window_actions.areas_button, QToolButton)


def test_animation_timer_runs_only_while_a_session_runs_and_is_seen(
    qtbot: QtBot, window: MainWindow, clock: FakeClock
) -> None:
    timer = window.ticker.animation_timer
    assert not timer.isActive(), "idle: no animation timer"
    key(qtbot, window, Qt.Key.Key_Space)
    assert timer.isActive()
    key(qtbot, window, Qt.Key.Key_Space)
    assert not timer.isActive(), "paused: no animation timer"
    assert not window.ticker.tick_timer.isActive(), "paused: no timer at all"
    key(qtbot, window, Qt.Key.Key_Space)
    assert timer.isActive()
    window.hide()
    assert not timer.isActive(), "hidden: no animation timer"
    window.show()
    qtbot.waitExposed(window)
    assert timer.isActive()
    window.showMinimized()
    qtbot.waitUntil(lambda: not timer.isActive())
    window.showNormal()
    qtbot.waitUntil(timer.isActive)
    key(qtbot, window, Qt.Key.Key_S)
    assert not timer.isActive(), "stopped: no animation timer"
    assert not window.ticker.tick_timer.isActive(), "stopped: no tick timer"


def test_paused_window_paints_nothing_over_time(qtbot: QtBot, window: MainWindow, clock: FakeClock) -> None:
    key(qtbot, window, Qt.Key.Key_Space)
    key(qtbot, window, Qt.Key.Key_Space)
    frames: list[object] = []
    window.ticker.frame_changed.connect(frames.append)
    qtbot.wait(300)
    assert frames == []


def test_sleep_pauses_with_a_notice(qtbot: QtBot, window: MainWindow, clock: FakeClock) -> None:
    key(qtbot, window, Qt.Key.Key_Space)
    key(qtbot, window, Qt.Key.Key_Right)
    before = window.state.t
    clock.advance(600.0)
    window.ticker.tick_timer.timeout.emit()
    assert window.state.state is State.PAUSED
    assert window.state.t == pytest.approx(before)
    assert "asleep" in window.notice_bar.text()


def test_idle_window_shows_no_countdown_or_active_area(window: MainWindow) -> None:
    assert window.state.state is State.IDLE
    assert window.face_view.frame is None
    assert window.step_panel.state_label.text() == "READY"
    assert window.step_panel.area_label.text() == window.state.plan.routine.name


def test_arrow_keys_never_change_the_pace_even_with_the_slider_focused(
    qtbot: QtBot, window: MainWindow, clock: FakeClock
) -> None:
    """Bug: once the slider had focus, Right after a routine ended moved the pace from 1.9 to 3.8 s."""
    slider = window.window_actions.pace_control.slider
    slider.setFocus()
    key(qtbot, window, Qt.Key.Key_Space)
    window.state.seek(window.state.plan.total_s)  # finished: Previous and Next are off
    assert window.state.state is State.FINISHED
    before = window.state.settings.pace_s
    for k in (Qt.Key.Key_Right, Qt.Key.Key_Right, Qt.Key.Key_Up, Qt.Key.Key_Left, Qt.Key.Key_Down):
        qtbot.keyClick(slider, k)
    assert window.state.settings.pace_s == before
    qtbot.keyClick(slider, Qt.Key.Key_PageUp)  # the slider's own keys still work
    assert window.state.settings.pace_s != before


def test_a_press_of_plus_or_minus_changes_the_pace_by_a_step_a_person_notices(qtbot: QtBot, window: MainWindow) -> None:
    """Bug: + and - moved the pace by 0.1 s, 5% at the default pace."""
    key(qtbot, window, Qt.Key.Key_Plus)
    assert window.state.settings.pace_s - 2.0 >= 0.25
    assert "faster" in window.window_actions.pace_control.slider.toolTip()


def test_a_saved_size_larger_than_the_screen_comes_back_inside_it(qtbot: QtBot, window: MainWindow) -> None:
    """Bug: at 1920x1080 with a 2x scale the window came back larger than the screen."""
    available = window.screen().availableGeometry()
    window.setGeometry(available.x() + 500, available.y() + 400, available.width() * 2, available.height() * 2)
    saved = window.saveGeometry()
    again = MainWindow(window.state)
    qtbot.addWidget(again)
    again.restore_saved_geometry(saved)
    again.show()
    qtbot.waitExposed(again)
    assert available.contains(again.frameGeometry()) or (
        again.width() <= available.width() and again.height() <= available.height()
    )
    assert again.width() <= available.width()
    assert again.height() <= available.height()
    assert again.x() >= available.x()
    assert again.y() >= available.y()


@pytest.mark.parametrize("width", [800, 1000, 1280, 1920])
def test_every_toolbar_control_is_shown_at_any_window_width(qtbot: QtBot, window: MainWindow, width: int) -> None:
    """Bug: at 800 px the mirror and preferences buttons went behind the toolbar's overflow arrow."""
    window.state.update(skipped_areas=frozenset({"cheeks", "nose"}))
    window.resize(width, 700)
    qtbot.wait(20)
    toolbar = window.toolbar
    hidden = [
        action.text() or type(toolbar.widgetForAction(action)).__name__
        for action in toolbar.actions()
        if not action.isSeparator() and not toolbar.widgetForAction(action).isVisible()
    ]
    assert hidden == []


def test_the_skip_button_always_says_how_many_areas_are_skipped(qtbot: QtBot, window: MainWindow) -> None:
    """Bug: skips persist across restarts and showed only as light hatching; the button had no words."""
    button = window.window_actions.areas_button
    window.resize(800, 600)
    qtbot.wait(20)
    assert button.toolButtonStyle() == Qt.ToolButtonStyle.ToolButtonTextBesideIcon
    assert button.text() == "Skip"
    window.state.toggle_skip("cheeks")
    window.state.toggle_skip("nose")
    assert button.text() == "Skipped: 2"
    window.resize(1920, 1000)
    qtbot.wait(20)
    assert button.text() == "Skipped: 2"
    window.window_actions.skip_menu.clear_action.trigger()
    assert window.state.settings.skipped_areas == frozenset()
    assert button.text() == "Skip areas"


def test_the_next_line_says_which_side_comes_next(qtbot: QtBot, window: MainWindow) -> None:
    """One side at a time (a treated side): 'Next: Jawline' alone did not say that the other side follows."""
    window.state.update(treated_side="right")
    window.state.select_routine("one-side")
    steps = window.state.plan.steps
    working = next(s for s in steps if s.area == "jawline" and s.side == "left")
    window.state.seek(working.start_s + 1.0)
    qtbot.waitUntil(lambda: window.step_panel.area_label.text() == "Jawline")
    assert window.step_panel.next_label.text() == "Next: Jawline (your right side)"


def test_toolbar_icons_are_made_once_for_a_look_not_at_each_step(qtbot: QtBot, window: MainWindow) -> None:
    """Each change of the session's state (lead-in, step, part) made new icons: Qt kept every old one's
    pictures in its pixmap cache (0.75 MiB over the standard routine, up to 10 MiB over many)."""
    actions = window.window_actions
    qtbot.keyClick(window.face_view, Qt.Key.Key_Space)
    shown = {action.text(): action.icon().cacheKey() for action in (actions.start, actions.next, actions.stop)}
    changes: list[object] = []
    window.state.events.state.connect(changes.append)
    for _ in range(3):
        window.state.next()  # a new step: lead-in, step or part
    window.state.pause()
    window.state.resume()
    assert len(changes) >= 3
    assert {action.text(): action.icon().cacheKey() for action in (actions.start, actions.next, actions.stop)} == shown
