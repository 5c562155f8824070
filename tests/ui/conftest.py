"""Widget-test helpers: a clock the tests move by hand, and a main window driven by it."""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest
from pytestqt.qtbot import QtBot

from massage_gui.core.library import resolve_routine
from massage_gui.core.plan import build_plan
from massage_gui.core.settings import Settings
from massage_gui.ui.cue_player import ENGINE_VARIABLE
from massage_gui.ui.main_window import MainWindow
from massage_gui.ui.session import SessionController
from tests.fake_clock import FakeClock

__all__ = ["FakeClock"]

# Windows and players in the tests speak through Qt's silent mock engine, never this computer's own speech
# engine (a speech-dispatcher that cannot open audio never answers). The voice end-to-end test sets its own.
os.environ.setdefault(ENGINE_VARIABLE, "mock")


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(100.0)


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
