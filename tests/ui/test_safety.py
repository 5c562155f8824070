"""The safety screen comes first: until it is confirmed once, no session starts, whatever the user presses."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from massage_gui.core.app_state import AppState
from massage_gui.core.sequencer import State
from massage_gui.core.settings import Settings
from massage_gui.ui import i18n
from massage_gui.ui.main_window import MainWindow
from massage_gui.ui.safety_dialog import SafetyDialog
from tests.fake_clock import FakeClock


@pytest.fixture
def first_start(qtbot: QtBot) -> Iterator[MainWindow]:
    window = MainWindow(AppState(Settings(last_routine="quick", theme="light"), clock=FakeClock(100.0)))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.dialogs.show_safety_if_needed()
    dialog = window.dialogs.safety_dialog
    assert dialog is not None
    qtbot.waitExposed(dialog)
    yield window
    window.state.stop()


def test_escape_closes_the_safety_screen_but_keeps_sessions_locked(qtbot: QtBot, first_start: MainWindow) -> None:
    """Bug: Esc closed the safety screen without the box ticked, and Space then started a session."""
    window = first_start
    dialog = window.dialogs.safety_dialog
    assert dialog is not None
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window.face_view, Qt.Key.Key_Space)
    assert window.state.state is State.IDLE
    assert "safety" in window.notice_bar.text()
    assert window.dialogs.safety_dialog is not None
    assert window.dialogs.safety_dialog.isVisible(), "the safety screen comes back"
    assert window.state.settings.safety_confirmed is False


def test_ticking_the_box_and_continuing_unlocks_sessions(qtbot: QtBot, first_start: MainWindow) -> None:
    window = first_start
    dialog = window.dialogs.safety_dialog
    assert dialog is not None
    assert not dialog.ok_button.isEnabled()
    dialog.confirm_box.setChecked(True)
    dialog.ok_button.click()
    assert window.state.settings.safety_confirmed is True
    window.state.toggle()
    assert window.state.state is State.LEAD_IN


def test_the_core_refuses_to_start_before_confirmation() -> None:
    state = AppState(Settings(), clock=FakeClock(0.0))
    refused: list[str] = []
    state.events.start_refused.connect(refused.append)
    state.toggle()
    state.start()
    assert state.state is State.IDLE
    assert len(refused) == 2
    state.confirm_safety()
    state.start()
    assert state.state is State.LEAD_IN


def test_the_safety_screen_asks_gently_about_a_treated_side(qtbot: QtBot, first_start: MainWindow) -> None:
    """Optional, "No" already chosen; the answer is saved with the confirmation and reroutes the plan."""
    window = first_start
    dialog = window.dialogs.safety_dialog
    assert dialog is not None
    assert dialog.treated_box.isVisible()
    assert dialog.treated_side() == "none", "nothing is assumed"
    right = next(b for b, value in dialog._treated_choices.items() if value == "right")
    right.click()
    dialog.confirm_box.setChecked(True)
    dialog.ok_button.click()
    assert window.state.settings.treated_side == "right"
    assert any(step.route != "usual" for step in window.state.plan.steps)
    assert "treated on the right side" in window.notice_bar.text()


def test_the_safety_screen_from_help_does_not_ask_again(qtbot: QtBot) -> None:
    from massage_gui.ui.safety_dialog import SafetyDialog

    dialog = SafetyDialog(confirm=False)
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.treated_box.isVisible()


def test_the_keyboard_reaches_the_question_before_the_confirmation(qtbot: QtBot, first_start: MainWindow) -> None:
    """Bug: Tab went from the text straight to the confirmation; the answers came after Continue."""
    dialog = first_start.dialogs.safety_dialog
    assert dialog is not None
    answer = dialog.treated_buttons.checkedButton()
    assert answer is not None
    assert dialog.nextInFocusChain() is not None
    order = []
    widget = dialog.focusWidget() or dialog
    for _ in range(12):
        widget = widget.nextInFocusChain()
        if widget in (answer, dialog.confirm_box, dialog.ok_button) and widget not in order:
            order.append(widget)
    assert order == [answer, dialog.confirm_box, dialog.ok_button]
    answer.setFocus()
    qtbot.keyClick(answer, Qt.Key.Key_Down)
    qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Down)
    assert dialog.treated_side() == "right", "arrow keys choose among the answers"


def test_quit_works_on_the_safety_screen(qtbot: QtBot, first_start: MainWindow) -> None:
    """Bug: Ctrl+Q did nothing while the safety screen had the focus (its window held the keys): someone who
    reads it and decides not to go on could not quit as they would anywhere else."""
    window = first_start
    dialog = window.dialogs.safety_dialog
    assert dialog is not None
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    qtbot.keyClick(dialog.confirm_box, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: not window.isVisible())  # closed for good: the app quits with its last window
    assert window.state.settings.safety_confirmed is False


def test_the_german_safety_screen_fits_an_800_px_screen(qtbot: QtBot, qapp: QApplication) -> None:
    """Bug: in German the confirmation ("Ich habe das gelesen. Nichts davon trifft auf mich zu, ...") stayed on
    one line, so the first-start safety screen was 1221 px wide: on an 800x600 screen its text was cut off
    mid-sentence and Continue was off the screen. It wraps now, and a click on its words ticks the box."""
    assert i18n.install_translator(qapp, "de") == "de"
    try:
        dialog = SafetyDialog(None, confirm=True)
        qtbot.addWidget(dialog)
        assert dialog.minimumSizeHint().width() <= 760
        dialog.resize(760, 560)
        dialog.show()
        qtbot.waitExposed(dialog)
        words = dialog.confirm_label
        assert words.text().startswith("Ich habe das gelesen")
        assert words.geometry().right() <= dialog.width()
        assert words.height() > words.fontMetrics().height()
        qtbot.mouseClick(words, Qt.MouseButton.LeftButton)
        assert dialog.confirm_box.isChecked()
        assert dialog.ok_button.isEnabled()
        qtbot.mouseClick(words, Qt.MouseButton.LeftButton)
        assert not dialog.confirm_box.isChecked()
        assert not dialog.ok_button.isEnabled()
    finally:
        i18n.remove_translators(qapp)


def test_the_refusal_notice_goes_once_the_safety_screen_is_confirmed(qtbot: QtBot, first_start: MainWindow) -> None:
    """Bug: after Esc and Space, "Please read the safety information and confirm it first (F1)." stayed above
    the diagram through the whole session that the confirmation then allowed, and after it."""
    window = first_start
    dialog = window.dialogs.safety_dialog
    assert dialog is not None
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    window.state.toggle()  # Space: refused, with the notice; the safety screen comes back
    assert "safety" in window.notice_bar.text()
    window.notice_bar.set_message("Another message")
    again = window.dialogs.safety_dialog
    assert again is not None
    again.confirm_box.setChecked(True)
    again.ok_button.click()
    assert "safety" not in window.notice_bar.text()
    assert "Another message" in window.notice_bar.text(), "other messages stay"
