"""``massage-gui diary [--json]``: the swelling diary, read-only, one JSON object per entry; history keeps its shape."""

from __future__ import annotations

import shutil

import pytest

from massage_gui.core.diary import DIARY_FIELDS, check_values, new_entry
from massage_gui.core.history import RECORD_FIELDS, HistoryStore
from massage_gui.core.paths import AppPaths
from tests.core.history.helpers import FIXTURES, file_digest, make_record
from tests.test_cli import run, run_json


def _history_with_diary() -> list[int]:
    store, _ = HistoryStore.open(AppPaths.from_environment().history_file)
    session = store.add_session(make_record())
    ids = [
        store.add_diary_entry(
            new_entry(
                check_values(4, 6, {"neck": "38.5", "mouth_left": "11"}), "2024-06-03T19:45:00+00:00", 120, session
            )
        ),
        store.add_diary_entry(
            new_entry(check_values(3, 2, {}, "tight\x1b[2J after\nlunch"), "2024-06-04T06:30:00+00:00", 120)
        ),
    ]
    store.close()
    return ids


def test_no_diary_yet(capsys: pytest.CaptureFixture[str]) -> None:
    assert run_json(capsys, "diary", "--json") == []
    code, out, err = run(capsys, "diary")
    assert (code, err) == (0, "")
    assert out.startswith("No diary entries yet")
    assert not AppPaths.from_environment().data_dir.exists()  # never creates anything


def test_json_has_one_object_per_entry_newest_first(capsys: pytest.CaptureFixture[str]) -> None:
    ids = _history_with_diary()
    data = run_json(capsys, "diary", "--json")
    assert [entry["id"] for entry in data] == ids[::-1]
    assert all(list(entry) == list(DIARY_FIELDS) for entry in data)
    assert data[1]["neck_cm"] == 38.5
    assert data[1]["ear_to_ear_cm"] is None
    assert data[0]["session_id"] is None
    history = run_json(capsys, "history", "--json")  # unchanged in shape by the diary
    assert [list(entry) for entry in history] == [list(RECORD_FIELDS)]


def test_lines_show_ratings_measurements_and_notes_as_plain_text(capsys: pytest.CaptureFixture[str]) -> None:
    _history_with_diary()
    before = file_digest(AppPaths.from_environment().history_file)
    code, out, err = run(capsys, "diary")
    assert (code, err) == (0, "")
    lines = out.splitlines()
    assert lines == [
        "2024-06-04 08:30 +0200  swelling  3/10  tightness  2/10  no measurements  tight[2J after\\nlunch",
        "2024-06-03 21:45 +0200  swelling  4/10  tightness  6/10  neck 38.5 cm, mouth L 11.0 cm",
    ]
    assert file_digest(AppPaths.from_environment().history_file) == before


def test_an_old_history_without_a_diary_lists_none_and_is_not_changed(capsys: pytest.CaptureFixture[str]) -> None:
    path = AppPaths.from_environment().history_file
    path.parent.mkdir(parents=True)
    shutil.copy(FIXTURES / "history-v1.sqlite3", path)
    before = file_digest(path)
    assert run_json(capsys, "diary", "--json") == []
    assert file_digest(path) == before
