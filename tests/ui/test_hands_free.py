"""Hands-free guidance: the screen saver is held off during a session; compact and full-screen modes
keep every key."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from massage_gui.core.sequencer import State
from massage_gui.ui.main_window import MainWindow
from massage_gui.ui.screensaver import DBusScreenSaver, ScreenSaverInhibitor
from tests.ui.conftest import FakeClock


class FakeScreenSaver:
    def __init__(self) -> None:
        self.held: set[int] = set()
        self.calls: list[str] = []
        self._next = 40

    def inhibit(self) -> int:
        self._next += 1
        self.held.add(self._next)
        self.calls.append("inhibit")
        return self._next

    def uninhibit(self, cookie: int) -> None:
        self.held.remove(cookie)
        self.calls.append("uninhibit")


def test_the_screen_saver_is_held_off_only_while_a_session_runs(qtbot: QtBot, window: MainWindow) -> None:
    fake = FakeScreenSaver()
    window.hands_free.screensaver = ScreenSaverInhibitor(fake)
    qtbot.keyClick(window.face_view, Qt.Key.Key_Space)
    assert len(fake.held) == 1
    qtbot.keyClick(window.face_view, Qt.Key.Key_Right)  # moving on does not inhibit twice
    assert fake.calls == ["inhibit"]
    qtbot.keyClick(window.face_view, Qt.Key.Key_Space)  # paused: released
    assert fake.held == set()
    qtbot.keyClick(window.face_view, Qt.Key.Key_Space)
    assert len(fake.held) == 1
    qtbot.keyClick(window.face_view, Qt.Key.Key_S)  # stopped: released
    assert fake.held == set()
    assert fake.calls == ["inhibit", "uninhibit", "inhibit", "uninhibit"]


def test_finishing_releases_the_screen_saver(qtbot: QtBot, window: MainWindow, clock: FakeClock) -> None:
    fake = FakeScreenSaver()
    window.hands_free.screensaver = ScreenSaverInhibitor(fake)
    window.state.start()
    window.state.seek(window.state.plan.total_s - 0.1)
    clock.advance(0.5)
    window.ticker.tick_timer.timeout.emit()
    assert window.state.state is State.FINISHED
    assert fake.held == set()


def test_a_session_start_asks_again_for_sound_and_voice_that_went_away(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[str] = []
    player = window.hands_free.player
    monkeypatch.setattr(player, "retry_lost", lambda: calls.append("retry"))
    monkeypatch.setattr(player, "prepare", lambda everything=False: calls.append("prepare"))
    qtbot.keyClick(window.face_view, Qt.Key.Key_Space)
    assert calls == ["retry", "prepare"]
    qtbot.keyClick(window.face_view, Qt.Key.Key_Space)  # a pause and its end start nothing
    qtbot.keyClick(window.face_view, Qt.Key.Key_Space)
    assert calls == ["retry", "prepare"]


def test_without_a_session_bus_the_dbus_backend_says_why(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/bus")
    backend = DBusScreenSaver()
    assert backend.inhibit() is None
    assert backend.status.startswith("Cannot keep the screen on") or "platform" in backend.status


def test_compact_mode_swaps_windows_and_keeps_every_key(qtbot: QtBot, window: MainWindow) -> None:
    qtbot.keyClick(window.face_view, Qt.Key.Key_C)
    compact = window.compact_window
    assert compact is not None
    qtbot.waitUntil(compact.isVisible)
    assert not window.isVisible()
    assert bool(compact.windowFlags() & Qt.WindowType.WindowStaysOnTopHint)
    compact.activateWindow()
    qtbot.waitUntil(compact.isActiveWindow)
    qtbot.keyClick(compact, Qt.Key.Key_Space)
    assert window.state.state is State.LEAD_IN
    assert window.ticker.animation_timer.isActive(), "the compact window animates"
    qtbot.keyClick(compact, Qt.Key.Key_Right)
    assert compact.area_label.text() == "Breathing"
    qtbot.keyClick(compact, Qt.Key.Key_Plus)
    assert window.state.settings.pace_s == pytest.approx(2.25)
    qtbot.keyClick(compact, Qt.Key.Key_C)
    qtbot.waitUntil(window.isVisible)
    assert not compact.isVisible()


def test_full_screen_shows_only_the_diagram_and_the_step(qtbot: QtBot, window: MainWindow) -> None:
    qtbot.keyClick(window.face_view, Qt.Key.Key_F11)
    qtbot.waitUntil(window.isFullScreen)
    assert not window.toolbar.isVisible()
    assert not window.menuBar().isVisible()
    assert window.face_view.isVisible()
    assert window.step_panel.isVisible()
    qtbot.keyClick(window.face_view, Qt.Key.Key_Space)
    assert window.state.state is State.LEAD_IN


def test_the_silence_notice_says_once_that_sound_and_voice_are_tried_again(window: MainWindow) -> None:
    """Bug: with both sound and voice gone, the notice said "It is tried again when a session starts." twice,
    once after each (six lines above the diagram in German at 800x600, squeezing the step panel)."""
    player = window.hands_free.player
    window.state.update(sound=True, voice=True)
    player._lose_sound("Sound is off: the sound server did not answer (Connection refused).")
    player._lose_voice("The speech engine stopped answering: spoken cues are off.")
    player.status_changed.emit()
    text = window.notice_bar.text()
    assert text.count(player.retry_text()) == 1, text
    assert text.index("Sound is off") < text.index("speech engine") < text.index(player.retry_text())
    assert "flashes" in text
