"""Starting the app: damaged or newer files never stop it, changes persist, one instance at a time."""

from __future__ import annotations

import json
import os
import signal
import stat
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from massage_gui.core.app_files import AppFiles
from massage_gui.core.app_state import PACE_STEP_S
from massage_gui.core.errors import DataError
from massage_gui.core.history import HistoryStore
from massage_gui.core.paths import AppPaths
from massage_gui.core.settings import Settings
from massage_gui.ui.app import Started, quit_on_terminate, start_window
from massage_gui.ui.single_instance import SingleInstance
from tests.ui.conftest import start_app_window


@pytest.fixture
def files(tmp_path: Path) -> AppFiles:
    return AppFiles(AppPaths.under(tmp_path / "home"))


@pytest.fixture
def start(qtbot: QtBot, files: AppFiles) -> Iterator[list[Started]]:
    started: list[Started] = []
    yield started
    for s in started:
        s.window.close()


def test_corrupt_settings_start_from_the_backup_and_say_which_file(
    qtbot: QtBot, files: AppFiles, start: list[Started]
) -> None:
    first = start_app_window(qtbot, files, start)
    qtbot.keyClick(first.window.face_view, Qt.Key.Key_Plus)
    first.shutdown()
    qtbot.keyClick(first.window.face_view, Qt.Key.Key_Plus)
    first.shutdown()  # now settings.json holds 2 + 2 steps and settings.json.bak 2 + 1 step
    path = files.paths.settings_file
    path.write_bytes(path.read_bytes()[:20])  # a crash mid-write by some other tool
    second = start_app_window(qtbot, files, start)
    assert second.window.state.settings.pace_s == pytest.approx(2.0 + PACE_STEP_S)
    assert "settings.json.bak" in second.window.notice_bar.text()
    assert list(path.parent.glob("settings.json.bad-*")), "the damaged file is kept aside, not deleted"


def test_garbage_everywhere_still_starts_with_defaults(qtbot: QtBot, files: AppFiles, start: list[Started]) -> None:
    for path in (files.paths.settings_file, files.paths.favourites_file, files.paths.ui_state_file):
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(b"\xff\xfe not json at all")
    started = start_app_window(qtbot, files, start)
    assert started.window.state.settings.pace_s == 2.0
    assert "Starting from defaults" in started.window.notice_bar.text()


def test_a_newer_settings_file_is_never_overwritten(qtbot: QtBot, files: AppFiles, start: list[Started]) -> None:
    path = files.paths.settings_file
    path.parent.mkdir(parents=True)
    newer = json.dumps({"schema": "massage-gui/settings", "schema_version": 99, "data": {"pace_s": 3.5}})
    path.write_text(newer, encoding="utf-8")
    started = start_app_window(qtbot, files, start)
    assert "newer version" in started.window.notice_bar.text()
    qtbot.keyClick(started.window.face_view, Qt.Key.Key_Plus)
    started.shutdown()
    assert path.read_text(encoding="utf-8") == newer


def test_changes_made_in_the_window_survive_a_restart(qtbot: QtBot, files: AppFiles, start: list[Started]) -> None:
    first = start_app_window(qtbot, files, start)
    window = first.window
    qtbot.keyClick(window.face_view, Qt.Key.Key_Minus)
    qtbot.keyClick(window.face_view, Qt.Key.Key_M)
    window.window_actions.skip_menu.area_actions["forehead"].trigger()
    window.state.select_routine("thorough")
    first.shutdown()  # quit at once: the debounced save is flushed
    again = start_app_window(qtbot, files, start).window
    assert again.state.settings.pace_s == pytest.approx(2.0 - PACE_STEP_S)
    assert again.state.settings.mirror is False
    assert again.state.settings.skipped_areas == frozenset({"forehead"})
    assert again.state.plan.routine_id == "thorough"
    assert again.notice_bar.message == ""


def test_favourites_saved_in_the_window_survive_a_restart(qtbot: QtBot, files: AppFiles, start: list[Started]) -> None:
    first = start_app_window(qtbot, files, start)
    fav_id = first.window.state.library.save_as(first.window.state.plan.routine)
    first.window.state.library.star(fav_id, True)
    first.shutdown()
    again = start_app_window(qtbot, files, start).window
    assert again.state.library.favourites.get(fav_id).starred
    assert fav_id in again.window_actions.routine_picker.routine_actions()


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


def test_a_socket_path_that_cannot_be_cleared_does_not_stop_the_start(qtbot: QtBot, tmp_path: Path) -> None:
    """Something that is not a socket where the socket goes (another user's file, a folder): the app starts,
    unreachable by a second launch, which finds the lock held and stops."""
    first = SingleInstance(tmp_path)
    first.socket_path.mkdir()
    try:
        assert first.claim()
        assert not SingleInstance(tmp_path).claim()
    finally:
        first.release()
        first.socket_path.rmdir()


def test_launches_of_earlier_versions_and_this_one_find_each_other(qtbot: QtBot, tmp_path: Path) -> None:
    """Earlier versions listened with QLocalServer under the same name; the socket is where it put it."""
    from PySide6.QtNetwork import QLocalServer, QLocalSocket

    first = SingleInstance(tmp_path)
    assert first.claim()
    try:
        earlier = QLocalSocket()  # an earlier version's second launch
        earlier.connectToServer(first.server_name)
        assert earlier.waitForConnected(1000)
        with qtbot.waitSignal(first.activation_requested, timeout=3000):
            earlier.write(b"activate\n")
            earlier.flush()
        earlier.disconnectFromServer()
    finally:
        first.release()
    assert not first.socket_path.exists(), "the socket goes with the instance"
    running = QLocalServer()  # an earlier version, running
    assert running.listen(first.server_name)
    try:
        with qtbot.waitSignal(running.newConnection, timeout=3000):
            assert SingleInstance(tmp_path)._activate_other()
    finally:
        running.close()


def test_a_session_done_in_the_window_is_in_the_history(
    qtbot: QtBot, files: AppFiles, start: list[Started], monkeypatch: pytest.MonkeyPatch
) -> None:
    started = start_app_window(qtbot, files, start)
    window = started.window
    state = window.state
    state.start()
    state.seek(state.plan.steps[2].start_s)  # two steps done (as far as the log knows: left early)
    state.stop()
    history = window.dialogs.history
    assert history is not None
    sessions = history.sessions()
    assert len(sessions) == 1
    assert sessions[0].routine_id == state.plan.routine_id
    assert sessions[0].finished is False
    window.window_actions.history.trigger()
    from massage_gui.ui.history_view import HistoryView

    views = window.findChildren(HistoryView)
    assert len(views) == 1
    views[0].close()
    started.shutdown()


# -- a lock that cannot be made, folders that are files, SIGTERM ------------------------------------------


def test_a_lock_that_cannot_be_made_starts_unprotected_and_says_so(
    qtbot: QtBot, files: AppFiles, start: list[Started], tmp_path: Path
) -> None:
    """'Another instance holds the lock' and 'the lock cannot be made' (a full disk, a missing folder) are
    different: only the first stops a launch."""
    instance = SingleInstance(tmp_path / "missing-folder")
    try:
        assert instance.claim(), "nobody else runs: this launch must open its window"
        assert instance.problem.startswith(f"{tmp_path / 'missing-folder' / 'instance.lock'}: cannot be made")
        assert "a second copy of the app is not prevented" in instance.problem
        started = start_window(files, notices=[instance.problem])
        qtbot.addWidget(started.window)
        start.append(started)
        assert instance.problem in started.window.notice_bar.message
    finally:
        instance.release()


def test_a_held_lock_is_not_a_problem(qtbot: QtBot, tmp_path: Path) -> None:
    first = SingleInstance(tmp_path)
    assert first.claim()
    assert first.problem == ""
    second = SingleInstance(tmp_path)
    try:
        assert not second.claim()
        assert second.problem == ""
    finally:
        first.release()


@pytest.mark.parametrize("folder", ["config_dir", "data_dir", "state_dir"])
def test_a_file_in_place_of_a_folder_stops_the_start_with_its_path(files: AppFiles, folder: str) -> None:
    path: Path = getattr(files.paths, folder)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"someone's file")
    with pytest.raises(DataError) as info:
        start_window(files)
    assert str(info.value) == f"{path}: is a file, not a folder; move it away so massage-gui can keep its files there"
    assert path.read_bytes() == b"someone's file"


def test_the_window_start_makes_private_folders(qtbot: QtBot, files: AppFiles, start: list[Started]) -> None:
    home = files.paths.config_dir.parent
    old = os.umask(0o022)
    try:
        started = start_window(files)
    finally:
        os.umask(old)
    qtbot.addWidget(started.window)
    start.append(started)
    for folder in (home, files.paths.config_dir, files.paths.data_dir, files.paths.state_dir):
        assert stat.S_IMODE(folder.stat().st_mode) == 0o700, folder
    started.window.show()
    qtbot.waitUntil(files.paths.history_file.exists)  # the log makes its file once it opens, after the first frame
    started.shutdown()


@pytest.mark.skipif(sys.platform == "win32", reason="SIGTERM is POSIX")
def test_sigterm_runs_the_quit_shutdown_and_closes_the_session(
    qtbot: QtBot, files: AppFiles, start: list[Started]
) -> None:
    started = start_app_window(qtbot, files, start)
    state = started.window.state
    state.start()
    state.seek(state.plan.steps[1].start_s)  # a session under way
    called: list[bool] = []

    def quit_now() -> None:
        started.shutdown()
        called.append(True)

    uninstall = quit_on_terminate(quit_now)
    try:
        os.kill(os.getpid(), signal.SIGTERM)
        qtbot.waitUntil(lambda: bool(called), timeout=3000)
    finally:
        uninstall()
    assert signal.getsignal(signal.SIGTERM) is signal.SIG_DFL
    history = HistoryStore.open_read_only(files.paths.history_file)[0]
    try:
        sessions = history.sessions()
    finally:
        history.close()
    assert len(sessions) == 1
    assert sessions[0].ended_utc is not None, "the running session was closed"
    assert json.loads(files.paths.ui_state_file.read_text(encoding="utf-8"))["data"]["geometry"]


def test_a_right_cheek_clicked_in_a_session_is_skipped_alone_and_stays_skipped(
    qtbot: QtBot, files: AppFiles, start: list[Started]
) -> None:
    from PySide6.QtCore import QPointF

    first = start_app_window(qtbot, files, start)
    window = first.window
    window.state.confirm_safety()
    window.state.select_routine("standard")
    qtbot.keyClick(window.face_view, Qt.Key.Key_Space)
    assert window.state.running
    view = window.face_view
    cheek = next(item for item in view.scene.areas if item.area == "cheeks" and item.side == "right")
    xs, ys = zip(*cheek.outline, strict=True)
    inside = next(
        view.to_px((x, y))
        for x, y in ((sum(xs) / len(xs), sum(ys) / len(ys)), *cheek.outline)
        if view.hit(view.to_px((x, y))) == ("cheeks", "right")
    )
    qtbot.mouseClick(view, Qt.MouseButton.LeftButton, pos=QPointF(inside).toPoint())
    assert window.state.settings.skipped_areas == frozenset({"cheeks:right"})
    assert view.scene.status("cheeks", "right") == "skipped"
    assert view.scene.status("cheeks", "left") == "routine"
    cheek_steps = [s for s in window.state.plan.steps if s.area == "cheeks"]
    assert cheek_steps
    assert {s.side for s in cheek_steps} == {"left"}
    window.state.seek(cheek_steps[0].start_s + 0.3 * cheek_steps[0].stroke_s)
    assert {a.side for a in window.state.frame().arrows} == {"left"}, "the diagram works the left cheek alone"
    first.shutdown()
    again = start_app_window(qtbot, files, start).window
    assert again.state.settings.skipped_areas == frozenset({"cheeks:right"})
    assert {s.side for s in again.state.plan.steps if s.area == "cheeks"} == {"left"}
    assert again.face_view.scene.status("cheeks", "right") == "skipped"


def _say_sound_is_off(window: object, reason: str) -> None:
    """The player reports: no sound (for ``reason``), and no voice wanted."""
    hands_free = window.hands_free  # type: ignore[attr-defined]
    hands_free.player._sounds = None
    hands_free.player.sound_status = reason
    hands_free._state.update(sound=True, voice=False)
    hands_free._on_player_status_changed()


def test_why_it_is_silent_is_told_once_not_at_every_start(qtbot: QtBot, files: AppFiles, start: list[Started]) -> None:
    first = start_app_window(qtbot, files, start)
    first.window.set_notice("")
    _say_sound_is_off(first.window, "Sound is off: no audio output device was found.")
    assert "no audio output device" in first.window.notice_bar.message
    first.shutdown()
    again = start_app_window(qtbot, files, start)
    again.window.set_notice("")
    _say_sound_is_off(again.window, "Sound is off: no audio output device was found.")
    assert again.window.notice_bar.message == "", "the same reason is not told again at the next start"
    _say_sound_is_off(again.window, "Sound is off: Qt's multimedia module could not load (x).")
    assert "could not load" in again.window.notice_bar.message, "a new reason is told"


def _start_now(qtbot: QtBot, files: AppFiles, started: list[Started], settings: Settings | None = None) -> Started:
    """The window as ``start_window`` leaves it (with ``settings`` stored first), before the event loop ran."""
    if settings is not None:
        files.settings().save(settings)
    s = start_window(files)
    qtbot.addWidget(s.window)
    started.append(s)
    return s


def test_the_session_log_opens_after_the_first_frame(qtbot: QtBot, files: AppFiles, start: list[Started]) -> None:
    started = _start_now(qtbot, files, start)
    window = started.window
    assert window.dialogs.history is None  # not yet: SQLite loads after the first frame
    window.show()
    qtbot.waitUntil(lambda: window.dialogs.history is not None, timeout=3000)
    assert files.paths.history_file.exists()
    started.shutdown()


def test_a_session_started_before_the_log_opened_is_recorded_from_its_start(
    qtbot: QtBot, files: AppFiles, start: list[Started]
) -> None:
    started = _start_now(qtbot, files, start, Settings(safety_confirmed=True))
    state = started.window.state
    assert started.window.dialogs.history is None
    state.start()
    state.seek(state.plan.steps[2].start_s)  # two steps done: a session the log keeps
    state.stop()
    history = started.window.dialogs.history
    assert history is not None
    sessions = history.sessions()
    assert [s.routine_id for s in sessions] == [state.plan.routine_id]
    assert sessions[0].finished is False
    started.shutdown()


def test_reminders_that_are_on_open_the_log_with_the_window(
    qtbot: QtBot, files: AppFiles, start: list[Started]
) -> None:
    started = _start_now(qtbot, files, start, Settings(reminders=True))
    assert started.window.dialogs.history is not None  # they must know whether today's session is done
    reminders = started.reminders()
    assert reminders is not None
    assert reminders._history is started.window.dialogs.history
    started.shutdown()


def test_a_damaged_log_is_told_of_when_it_opens_beside_the_starts_own_notices(
    qtbot: QtBot, files: AppFiles, start: list[Started]
) -> None:
    for path in (files.paths.settings_file, files.paths.history_file):
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(b"\xff\xfe not what it should be" * 100)
    started = _start_now(qtbot, files, start)
    told_at_start = started.window.notice_bar.message
    assert "Starting from defaults" in told_at_start
    started.window.hands_free.player.keep_silent()  # no "sound is off" to take the bar's place
    started.window.show()
    qtbot.waitUntil(lambda: started.window.dialogs.history is not None)
    told = started.window.notice_bar.message
    assert told.startswith(told_at_start), told  # kept, with the log's words added
    assert len(told) > len(told_at_start), told
    assert files.paths.history_file.name in told


def test_a_later_notice_does_not_hide_what_the_start_said(qtbot: QtBot, files: AppFiles, start: list[Started]) -> None:
    """Bug: 300 ms after the window showed, "Sound is off" took the bar's place, and the start's "Starting from
    defaults" (a damaged settings file) was never seen."""
    files.paths.settings_file.parent.mkdir(parents=True, exist_ok=True)
    files.paths.settings_file.write_bytes(b"\xff\xfe not json at all")
    started = start_app_window(qtbot, files, start)
    _say_sound_is_off(started.window, "Sound is off: no audio output device was found.")
    told = started.window.notice_bar.text()
    assert "Starting from defaults" in told
    assert "no audio output device" in told
