"""``massage-gui history [--json]`` (contract §4): the session log, read-only, never creating or moving it."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from massage_gui.core.history import RECORD_FIELDS, HistoryStore
from massage_gui.core.paths import AppPaths
from tests.core.test_history import make_record
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
