"""After a session the heap's free pages go back to the system (glibc), so that an app waiting in the tray
for hours keeps only what it uses."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from massage_gui.ui import free_memory, hands_painter
from massage_gui.ui.main_window import MainWindow

CHILD = textwrap.dedent(
    """
    import json
    from massage_gui.ui.free_memory import release_free_memory

    def rss_mib():
        with open("/proc/self/status") as status:
            return next(int(line.split()[1]) for line in status if line.startswith("VmRSS")) / 1024

    blocks = [bytearray(100_000) for _ in range(300)]  # 30 MB in the heap (each below the mmap threshold)
    last = blocks[-1]  # kept: it holds the heap's top, so free() alone cannot give the rest back
    del blocks
    before = rss_mib()
    released = release_free_memory()
    print(json.dumps({"released": released, "freed_mib": before - rss_mib(), "kept": len(last)}))
    """
)


@pytest.mark.skipif(
    not sys.platform.startswith("linux") or os.confstr("CS_GNU_LIBC_VERSION") is None, reason="glibc's own"
)
def test_free_pages_in_the_middle_of_the_heap_go_back_to_the_system() -> None:
    done = subprocess.run([sys.executable, "-c", CHILD], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout)
    assert result["released"]
    assert result["freed_mib"] > 20, result


def test_the_heap_is_given_back_when_a_session_stops(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[str] = []
    monkeypatch.setattr(free_memory, "release_free_memory", lambda: calls.append(window.state.state.value))
    qtbot.keyClick(window.face_view, Qt.Key.Key_Space)
    qtbot.keyClick(window.face_view, Qt.Key.Key_Space)  # paused: the session goes on
    assert calls == []
    window.state.stop()
    assert calls == ["idle"]
    qtbot.waitUntil(lambda: len(calls) == 2, timeout=2000)  # again once the end's diary and cues are made
    assert calls == ["idle", "idle"]


def test_a_session_started_straight_after_the_end_is_left_alone(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[str] = []
    monkeypatch.setattr(free_memory, "release_free_memory", lambda: calls.append(window.state.state.value))
    window.hands_free.player.keep_silent()
    window.state.start()
    window.state.stop()
    window.state.start()
    qtbot.wait(free_memory.END_SETTLES_MS + 200)
    assert calls == ["idle"]


def test_the_sessions_pictures_go_before_the_heap_is_given_back(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The face view's still picture, the hands' pictures and the stroke layer's are let go when a session
    ends, before the heap's free pages go back: else the trim runs with them still held."""
    view = window.face_view
    held: list[tuple[bool, int, bool]] = []
    monkeypatch.setattr(
        free_memory,
        "release_free_memory",
        lambda: held.append(
            (
                view._layer is not None,
                len(hands_painter._sprites),
                view.stroke_layer is not None and view.stroke_layer.key is not None,
            )
        ),
    )
    window.hands_free.player.keep_silent()
    window.state.start()
    step = next(s for s in window.state.plan.steps if s.stroke == "stretch")
    window.state.seek(step.start_s + 0.3)
    view.set_live(False)  # painted, hands and all
    window.ticker.frame_changed.emit(window.state.frame())
    view.repaint()
    assert view._layer is not None
    assert hands_painter._sprites
    view.set_live(True)  # and played
    window.ticker.frame_changed.emit(window.state.frame())
    assert view.animates_itself
    window.state.stop()
    assert held == [(False, 0, False)]


def test_the_window_starts_without_giving_back_the_heap(qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> None:
    """Only the end of a session gives the heap back: not the window's start, before any session (which would
    load ctypes for nothing)."""
    from massage_gui.core.app_state import AppState
    from massage_gui.core.settings import Settings

    calls: list[bool] = []
    monkeypatch.setattr(free_memory, "release_free_memory", lambda: calls.append(True))
    window = MainWindow(AppState(Settings(safety_confirmed=True)))
    qtbot.addWidget(window)
    window.show()
    assert calls == []
