"""Starting the app: damaged or newer files never stop it, changes persist, one instance at a time."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from massage_gui.core.app_files import AppFiles
from massage_gui.core.paths import AppPaths
from massage_gui.ui.app import Started, start_window
from massage_gui.ui.single_instance import SingleInstance


@pytest.fixture
def files(tmp_path: Path) -> AppFiles:
    return AppFiles(AppPaths.under(tmp_path / "home"))


@pytest.fixture
def start(qtbot: QtBot, files: AppFiles) -> Iterator[list[Started]]:
    started: list[Started] = []
    yield started
    for s in started:
        s.window.close()


def _start(qtbot: QtBot, files: AppFiles, started: list[Started]) -> Started:
    s = start_window(files)
    qtbot.addWidget(s.window)
    s.window.show()
    qtbot.waitExposed(s.window)
    s.window.activateWindow()
    qtbot.waitUntil(s.window.isActiveWindow)  # window shortcuts need the active window
    s.window.face_view.setFocus()
    started.append(s)
    return s


def test_corrupt_settings_start_from_the_backup_and_say_which_file(
    qtbot: QtBot, files: AppFiles, start: list[Started]
) -> None:
    first = _start(qtbot, files, start)
    qtbot.keyClick(first.window.face_view, Qt.Key.Key_Plus)
    first.shutdown()
    qtbot.keyClick(first.window.face_view, Qt.Key.Key_Plus)
    first.shutdown()  # now settings.json holds 2.2 and settings.json.bak 2.1
    path = files.paths.settings_file
    path.write_bytes(path.read_bytes()[:20])  # a crash mid-write by some other tool
    second = _start(qtbot, files, start)
    assert second.window.settings.pace_s == pytest.approx(2.1)
    assert "settings.json.bak" in second.window.notice_bar.text()
    assert list(path.parent.glob("settings.json.bad-*")), "the damaged file is kept aside, not deleted"


def test_garbage_everywhere_still_starts_with_defaults(qtbot: QtBot, files: AppFiles, start: list[Started]) -> None:
    for path in (files.paths.settings_file, files.paths.favourites_file, files.paths.ui_state_file):
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(b"\xff\xfe not json at all")
    started = _start(qtbot, files, start)
    assert started.window.settings.pace_s == 2.0
    assert "Starting from defaults" in started.window.notice_bar.text()


def test_a_newer_settings_file_is_never_overwritten(qtbot: QtBot, files: AppFiles, start: list[Started]) -> None:
    path = files.paths.settings_file
    path.parent.mkdir(parents=True)
    newer = json.dumps({"schema": "massage-gui/settings", "schema_version": 99, "data": {"pace_s": 3.5}})
    path.write_text(newer, encoding="utf-8")
    started = _start(qtbot, files, start)
    assert "newer version" in started.window.notice_bar.text()
    qtbot.keyClick(started.window.face_view, Qt.Key.Key_Plus)
    started.shutdown()
    assert path.read_text(encoding="utf-8") == newer


def test_changes_made_in_the_window_survive_a_restart(qtbot: QtBot, files: AppFiles, start: list[Started]) -> None:
    first = _start(qtbot, files, start)
    window = first.window
    qtbot.keyClick(window.face_view, Qt.Key.Key_Minus)
    qtbot.keyClick(window.face_view, Qt.Key.Key_M)
    window.skip_actions["forehead"].trigger()
    window.select_routine("thorough")
    first.shutdown()  # quit at once: the debounced save is flushed
    again = _start(qtbot, files, start).window
    assert again.settings.pace_s == pytest.approx(1.9)
    assert again.settings.mirror is False
    assert again.settings.skipped_areas == frozenset({"forehead"})
    assert again.controller.plan.routine_id == "thorough"
    assert again.notice_bar.message == ""


def test_favourites_saved_in_the_window_survive_a_restart(
    qtbot: QtBot, files: AppFiles, start: list[Started]
) -> None:
    first = _start(qtbot, files, start)
    fav_id = first.window.library.save_as(first.window.controller.plan.routine)
    first.window.library.star(fav_id, True)
    first.shutdown()
    again = _start(qtbot, files, start).window
    assert again.library.favourites.get(fav_id).starred
    assert again.routine_combo.findData(fav_id) >= 0


def test_a_second_instance_activates_the_first(qtbot: QtBot, tmp_path: Path) -> None:
    first = SingleInstance(tmp_path)
    assert first.claim()
    try:
        second = SingleInstance(tmp_path)
        with qtbot.waitSignal(first.activation_requested, timeout=3000):
            assert not second.claim()
    finally:
        first.release()
    third = SingleInstance(tmp_path)
    assert third.claim(), "after the first quits, the next launch is the first again"
    third.release()


def test_a_session_done_in_the_window_is_in_the_history(
    qtbot: QtBot, files: AppFiles, start: list[Started], monkeypatch: pytest.MonkeyPatch
) -> None:
    started = _start(qtbot, files, start)
    window = started.window
    controller = window.controller
    controller.start()
    controller.seek(controller.plan.steps[2].start_s)  # two steps done (as far as the log knows: left early)
    controller.stop()
    assert window.history is not None
    sessions = window.history.sessions()
    assert len(sessions) == 1
    assert sessions[0].routine_id == controller.plan.routine_id
    assert sessions[0].finished is False
    window.history_action.trigger()
    from massage_gui.ui.history_view import HistoryView

    views = window.findChildren(HistoryView)
    assert len(views) == 1
    views[0].close()
    started.shutdown()
