"""The toolbar stays put: buttons do not move as the session's state changes its words, nor after full screen."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from massage_gui.core.app_state import AppState
from massage_gui.core.settings import Settings
from massage_gui.ui.main_window import MainWindow
from tests.fake_clock import FakeClock


def _window(qtbot: QtBot, width: int) -> MainWindow:
    state = AppState(Settings(last_routine="standard", safety_confirmed=True), clock=FakeClock(100.0))
    window = MainWindow(state)
    qtbot.addWidget(window)
    window.hands_free.player.keep_silent()
    window.resize(width, 800)
    window.show()
    qtbot.waitExposed(window)
    return window


def _places(window: MainWindow) -> dict[str, int]:
    actions = window.window_actions
    found = {}
    for name, action in (("next", actions.next), ("stop", actions.stop), ("preferences", actions.preferences)):
        button = window.toolbar.widgetForAction(action)
        assert button is not None
        found[name] = button.x() if button.isVisible() else -1
    return found


def test_start_pause_and_resume_keep_the_buttons_in_place(qtbot: QtBot) -> None:
    """Bug: at 1280 px, "Pause" becoming the wider "Resume" pushed the buttons after it to the right and
    Preferences into the toolbar's overflow menu, where a mouse user reaching for it no longer found it.
    1264 px: a 1280 px screen's window inside its frame (openbox), where the words still fit beside the icons."""
    window = _window(qtbot, 1264)
    QApplication.processEvents()
    assert window.toolbar.toolButtonStyle() == Qt.ToolButtonStyle.ToolButtonTextBesideIcon
    idle = _places(window)
    window.state.start()
    QApplication.processEvents()
    running = _places(window)
    window.state.pause()
    QApplication.processEvents()
    paused = _places(window)
    assert idle == running == paused
    assert paused["preferences"] >= 0, "Preferences stays on the toolbar"
    window.state.stop()


def test_words_come_back_beside_the_icons_after_full_screen(qtbot: QtBot) -> None:
    window = _window(qtbot, 1280)
    assert window.toolbar.toolButtonStyle() == Qt.ToolButtonStyle.ToolButtonTextBesideIcon
    window.set_full_screen(True)
    qtbot.waitUntil(window.isFullScreen)
    window.set_full_screen(False)
    qtbot.waitUntil(lambda: not window.isFullScreen())
    qtbot.waitUntil(lambda: window.toolbar.toolButtonStyle() == Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
