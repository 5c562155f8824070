"""Widget-test helpers: a clock the tests move by hand, and a main window driven by it."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from pytestqt.qtbot import QtBot

from massage_gui.core.library import resolve_routine
from massage_gui.core.plan import build_plan
from massage_gui.core.settings import Settings
from massage_gui.ui.main_window import MainWindow
from massage_gui.ui.session import SessionController


class FakeClock:
    """Monotonic seconds that only move when a test says so."""

    def __init__(self, start: float = 100.0) -> None:
        self.now = start

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def window(qtbot: QtBot, clock: FakeClock) -> Iterator[MainWindow]:
    settings = Settings(last_routine="quick", theme="light")
    entry = resolve_routine("quick")
    controller = SessionController(build_plan(entry.routine, settings, entry.id), clock=clock, wall_clock=None)
    win = MainWindow(settings, controller)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    win.activateWindow()
    qtbot.waitUntil(win.isActiveWindow)  # window shortcuts need the active window
    win.face_view.setFocus()
    yield win
    win.controller.stop()
