"""Widget-test helpers: a clock the tests move by hand, and a main window driven by it."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from itertools import pairwise
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QImage, QRegion
from PySide6.QtWidgets import QLabel, QWidget
from pytestqt.qtbot import QtBot

from massage_gui.core.app_files import AppFiles
from massage_gui.core.app_state import AppState
from massage_gui.core.library import resolve_routine
from massage_gui.core.plan import Plan, build_plan
from massage_gui.core.settings import Settings
from massage_gui.ui.app import Started, start_window
from massage_gui.ui.cue_player import ENGINE_VARIABLE, CuePlayer
from massage_gui.ui.main_window import MainWindow
from massage_gui.ui.rep_dial import RepDial
from massage_gui.ui.step_panel import StepPanel
from massage_gui.ui.theme import Theme
from tests.conftest import tools_module
from tests.fake_clock import FakeClock

__all__ = ["FakeClock"]

# Windows and players in the tests speak through Qt's silent mock engine, never this computer's own speech
# engine (a speech-dispatcher that cannot open audio never answers). The voice end-to-end test sets its own.
os.environ.setdefault(ENGINE_VARIABLE, "mock")


def largest_difference(a: QImage, b: QImage) -> int:
    """The largest difference in any colour channel of any pixel between two pictures of the same size."""
    a, b = a.convertToFormat(QImage.Format.Format_RGB32), b.convertToFormat(QImage.Format.Format_RGB32)
    assert a.size() == b.size()
    return max((abs(x - y) for x, y in zip(a.constBits().tobytes(), b.constBits().tobytes(), strict=True)), default=0)


class PaintSpy(QObject):
    """Records the region of each paint event a widget gets."""

    def __init__(self, widget: QWidget) -> None:
        super().__init__(widget)
        self.regions: list[QRegion] = []
        widget.installEventFilter(self)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        if event.type() == QEvent.Type.Paint:
            self.regions.append(QRegion(event.region()))  # type: ignore[attr-defined]
        return False


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(100.0)


@pytest.fixture
def window(qtbot: QtBot, clock: FakeClock) -> Iterator[MainWindow]:
    settings = Settings(last_routine="quick", theme="light", safety_confirmed=True)
    win = MainWindow(AppState(settings, clock=clock))
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    win.activateWindow()
    qtbot.waitUntil(win.isActiveWindow)  # window shortcuts need the active window
    win.face_view.setFocus()
    yield win
    win.state.stop()


def session_window(qtbot: QtBot, settings: Settings, size: tuple[int, int], at: float) -> MainWindow:
    """A silent main window of ``size``, its session started and moved to ``at`` seconds."""
    window = MainWindow(AppState(settings, clock=FakeClock(100.0)))
    qtbot.addWidget(window)
    window.hands_free.player.keep_silent()
    window.resize(*size)
    window.show()
    qtbot.waitExposed(window)
    window.state.start()
    window.state.seek(at)
    return window


def ask_again_as_a_session_starts(qtbot: QtBot, player: CuePlayer) -> None:
    """What a session's start does for sound and voice that went away (ui/hands_free.py), once it is checked
    that nothing else asks again; returns when the player has its answer."""
    player.prepare()
    assert not player.pending, "asked again before a session started"
    with qtbot.waitSignal(player.status_changed, timeout=3000):
        player.retry_lost()
        player.prepare()
        assert player.pending


def panel_clashes(panel: StepPanel) -> list[str]:
    """Visible parts of the panel that overlap, or words cut short (a wrapped label lower than its text)."""
    layout = panel.layout()
    assert layout is not None
    items = [layout.itemAt(i).widget() for i in range(layout.count())]
    shown = [w for w in items if w is not None and w.isVisible()]
    found = [
        f"{a.objectName() or type(a).__name__} / {b.objectName() or type(b).__name__}"
        for a, b in pairwise(shown)
        if a.geometry().intersects(b.geometry())
    ]
    for w in shown:
        if isinstance(w, QLabel) and w.wordWrap() and w.text() and w.heightForWidth(w.width()) > w.height():
            found.append(f"{w.objectName()} cut short")
    return found


SANDBOX = tools_module("sound_sandbox")


@pytest.fixture
def pulse(tmp_path: Path) -> Iterator[dict[str, str]]:
    """A PulseAudio of the test's own with a null sink ("cues", its monitor to record from): its environment."""
    if shutil.which("pulseaudio") is None or shutil.which("parec") is None:
        if os.environ.get("CI"):
            pytest.fail("pulseaudio and parec are missing: .ci/run installs pulseaudio and pulseaudio-utils")
        pytest.skip("pulseaudio is not installed")
    try:
        with SANDBOX.pulse_null_sink(tmp_path, {**os.environ, "HOME": str(tmp_path)}, "cues") as env:
            yield env
    except RuntimeError as exc:
        pytest.fail(str(exc))


def region_area(region: QRegion) -> int:
    """The pixels a repainted region covers."""
    return sum(r.width() * r.height() for r in region)


def quick_plan() -> Plan:
    """The quick routine's plan at the default settings."""
    return build_plan(resolve_routine("quick").routine, Settings())


def stroke_start(plan: Plan, stroke: str) -> float:
    """When the first step of ``plan`` whose stroke is ``stroke`` starts."""
    return next(s for s in plan.steps if s.stroke == stroke).start_s


def shown_dial(qtbot: QtBot) -> RepDial:
    """A rep dial in the light theme, 300x300, on screen."""
    dial = RepDial(Theme.light())
    qtbot.addWidget(dial)
    dial.resize(300, 300)
    dial.show()
    qtbot.waitExposed(dial)
    return dial


def start_app_window(qtbot: QtBot, files: AppFiles, started: list[Started]) -> Started:
    """The window as the app starts it over ``files``, shown and active (window shortcuts need that), kept in
    ``started`` for the test to close."""
    s = start_window(files)
    qtbot.addWidget(s.window)
    s.window.show()
    qtbot.waitExposed(s.window)
    s.window.activateWindow()
    qtbot.waitUntil(s.window.isActiveWindow)
    s.window.face_view.setFocus()
    started.append(s)
    return s
