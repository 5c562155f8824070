"""``massage-gui history [--json]`` (docs/cli.md): the session log, read-only, never creating or moving it."""

from __future__ import annotations

import hashlib
import json
import shutil
from pathlib import Path

import pytest

from massage_gui.core.history import RECORD_FIELDS, HistoryStore
from massage_gui.core.paths import AppPaths
from tests.core.history.helpers import FIXTURES, make_record
from tests.test_cli import run, run_json, run_process


def history_file() -> Path:
    return AppPaths.from_environment().history_file


@pytest.fixture
def recorded() -> list[int]:
    """Two sessions in the history of the test's MASSAGE_GUI_HOME (the app closed)."""
    store, _ = HistoryStore.open(history_file())
    ids = [
        store.add_session(make_record(started_utc="2024-06-03T07:30:00+00:00")),
        store.add_session(
            make_record(
                started_utc="2024-06-04T21:15:00+00:00",
                utc_offset_min=-300,
                routine_id="quick",
                routine_name="Quick",
                planned_s=300.0,
                massaged_s=125.5,
                steps_completed=4,
                steps_skipped=1,
                finished=False,
                ended_utc="2024-06-04T21:18:00+00:00",
            )
        ),
    ]
    store.close()
    return ids


def test_no_history_yet(capsys: pytest.CaptureFixture[str]) -> None:
    assert run_json(capsys, "history", "--json") == []
    code, out, err = run(capsys, "history")
    assert (code, err) == (0, "")
    assert out.startswith("No sessions yet")
    assert not history_file().exists()
    assert not history_file().parent.exists()  # the command line never creates the data folder


def test_json_lists_every_session_newest_first(capsys: pytest.CaptureFixture[str], recorded: list[int]) -> None:
    data = run_json(capsys, "history", "--json")
    assert [entry["id"] for entry in data] == recorded[::-1]
    for entry in data:
        assert list(entry) == list(RECORD_FIELDS)
    quick = data[0]
    assert quick == {
        "id": recorded[1],
        "started_utc": "2024-06-04T21:15:00+00:00",
        "utc_offset_min": -300,
        "routine_id": "quick",
        "routine_name": "Quick",
        "planned_s": 300.0,
        "massaged_s": 125.5,
        "steps_completed": 4,
        "steps_skipped": 1,
        "pace_s": 2.0,
        "finished": False,
        "ended_utc": "2024-06-04T21:18:00+00:00",
    }
    assert data[1]["finished"] is True


def test_text_is_one_line_per_session_in_local_time(capsys: pytest.CaptureFixture[str], recorded: list[int]) -> None:
    code, out, err = run(capsys, "history")
    assert (code, err) == (0, "")
    lines = out.splitlines()
    assert len(lines) == 2
    assert lines[0].startswith("2024-06-04 16:15 -0500")  # local time where the user was
    assert "2:06 of 5:00" in lines[0]
    assert "stopped early" in lines[0]
    assert "4 steps, 1 skipped" in lines[0]
    assert lines[0].endswith("Quick [quick]")
    assert lines[1].startswith("2024-06-03 09:30 +0200")
    assert "finished" in lines[1]
    assert lines[1].endswith("Standard [standard]")


def test_a_session_still_running_in_the_app_is_listed(capsys: pytest.CaptureFixture[str]) -> None:
    store, _ = HistoryStore.open(history_file())  # the app has the file open, its log not yet folded in
    store.add_session(make_record(ended_utc=None, finished=False))
    try:
        [entry] = run_json(capsys, "history", "--json")
        assert entry["ended_utc"] is None
        _, out, _ = run(capsys, "history")
        assert "not ended" in out
    finally:
        store.close()


def test_a_damaged_file_is_reported_and_left_where_it_is(capsys: pytest.CaptureFixture[str]) -> None:
    path = history_file()
    path.parent.mkdir(parents=True)
    path.write_bytes(b"\x00garbage" * 500)
    code, out, err = run(capsys, "history", "--json")
    assert code == 0
    assert json.loads(out) == []
    lines = err.splitlines()
    assert len(lines) == 1
    assert lines[0].startswith("massage-gui: warning: ")
    assert "cannot read the session history" in lines[0]
    assert sorted(p.name for p in path.parent.iterdir()) == ["history.sqlite3"]


def test_the_file_is_not_changed_by_reading(capsys: pytest.CaptureFixture[str], recorded: list[int]) -> None:
    path = history_file()
    before = hashlib.sha256(path.read_bytes()).hexdigest()
    run_json(capsys, "history", "--json")
    run(capsys, "history")
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before
    assert sorted(p.name for p in path.parent.iterdir()) == ["history.sqlite3"]


def test_history_in_a_real_process(recorded: list[int]) -> None:
    result = run_process("history", "--json")
    assert result.returncode == 0, result.stderr
    assert [entry["id"] for entry in json.loads(result.stdout)] == recorded[::-1]
    result = run_process("history", "--bogus")
    assert result.returncode == 2
    assert result.stderr.startswith("massage-gui: error: ")
    assert "Traceback" not in result.stderr


def test_an_old_history_is_read_as_it_is_with_the_same_keys(capsys: pytest.CaptureFixture[str]) -> None:
    """A file of schema 1 that the app has not opened since: listed with the verdicts the app would give,
    its cut-off session still "not ended" (only the app closes it), and the file left untouched."""
    path = history_file()
    path.parent.mkdir(parents=True)
    shutil.copy(FIXTURES / "history-v1.sqlite3", path)
    before = hashlib.sha256(path.read_bytes()).hexdigest()
    data = run_json(capsys, "history", "--json")
    assert [list(entry) for entry in data] == [list(RECORD_FIELDS)] * 5
    assert {entry["id"]: entry["finished"] for entry in data} == {1: True, 2: False, 3: False, 4: False, 5: False}
    code, out, err = run(capsys, "history")
    assert (code, err) == (0, "")
    assert "not ended" in out.splitlines()[0]  # the newest: cut off by a kill
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before
    assert sorted(p.name for p in path.parent.iterdir()) == ["history.sqlite3"]


def test_a_cut_off_session_is_ended_once_the_app_has_opened_the_history(capsys: pytest.CaptureFixture[str]) -> None:
    store, _ = HistoryStore.open(history_file())
    store.add_session(make_record(ended_utc=None, finished=False, massaged_s=90.0))
    store.close()  # the app was killed with this session open
    store, _ = HistoryStore.open(history_file())  # and started again
    store.close()
    [entry] = run_json(capsys, "history", "--json")
    assert entry["ended_utc"] == "2024-06-03T07:31:30+00:00"  # its start plus the 90 s recorded
    _, out, _ = run(capsys, "history")
    assert "stopped early" in out


def test_a_session_that_reached_the_end_with_steps_skipped_is_partly_done(capsys: pytest.CaptureFixture[str]) -> None:
    store, _ = HistoryStore.open(history_file())
    store.add_session(make_record(finished=False, reached_end=True, steps_completed=0, steps_skipped=8))
    store.close()
    [entry] = run_json(capsys, "history", "--json")
    assert (entry["finished"], list(entry)) == (False, list(RECORD_FIELDS))
    _, out, _ = run(capsys, "history")
    assert "partly done" in out
    assert "0 steps, 8 skipped" in out
