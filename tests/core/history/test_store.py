"""The history file: WAL mode, reads and writes, migrations, damaged and newer files, read-only opening."""

from __future__ import annotations

import os
import shutil
import sqlite3
from pathlib import Path

import pytest

from massage_gui.core.errors import DataError
from massage_gui.core.history import (
    HISTORY_MIGRATIONS,
    RECORD_FIELDS,
    STORED_FIELDS,
    HistoryStore,
    SessionRecord,
    iso_utc,
)
from massage_gui.core.history.schema import SqlMigration, target_version
from massage_gui.core.migrations import Migrations
from tests.core.history.helpers import BAD_NAME, FIXTURES, WALL_START, Rig, file_digest, make_record


def test_a_new_file_is_wal_mode_at_the_current_schema(store: HistoryStore, history_path: Path) -> None:
    conn = sqlite3.connect(history_path)
    try:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert conn.execute("PRAGMA user_version").fetchone()[0] == HISTORY_MIGRATIONS.version == CURRENT
        columns = [row[1] for row in conn.execute("PRAGMA table_info(sessions)")]
    finally:
        conn.close()
    assert tuple(columns) == STORED_FIELDS
    assert STORED_FIELDS[: len(RECORD_FIELDS)] == RECORD_FIELDS
    assert store.schema_version == CURRENT


def test_writes_and_reads_round_trip(store: HistoryStore) -> None:
    first = store.add_session(make_record(started_utc="2024-06-01T07:00:00+00:00"))
    second = store.add_session(make_record(started_utc="2024-06-02T07:00:00+00:00", ended_utc=None, finished=False))
    assert [r.id for r in store.sessions()] == [second, first]  # newest first
    assert store.get(first) == make_record(id=first, started_utc="2024-06-01T07:00:00+00:00")
    assert store.update_session(make_record(id=first, routine_name="Renamed"))
    assert store.get(first) is not None
    assert store.get(first).routine_name == "Renamed"  # type: ignore[union-attr]
    assert store.delete_session(first)
    assert not store.delete_session(first)
    assert not store.update_session(make_record(id=first))
    assert store.delete_all() == 1
    assert store.sessions() == []


def test_rows_of_the_wrong_type_are_left_out(store: HistoryStore, history_path: Path) -> None:
    store.add_session(make_record())
    conn = sqlite3.connect(history_path)
    conn.execute(
        "INSERT INTO sessions (started_utc, utc_offset_min, routine_id, routine_name, planned_s, pace_s) "
        "VALUES ('yesterday', 0, 'x', 'x', 'long', 2.0)"
    )
    conn.commit()
    conn.close()
    assert len(store.sessions()) == 1


CURRENT = 3  # the history's schema version


def _upgrade_schema() -> Migrations[SqlMigration]:
    migrations = HISTORY_MIGRATIONS.copy()

    @migrations.register(CURRENT)
    def _add_note(conn: sqlite3.Connection) -> None:
        conn.execute("ALTER TABLE sessions ADD COLUMN note TEXT NOT NULL DEFAULT ''")

    return migrations


def test_a_registered_migration_runs_once_and_keeps_the_data(history_path: Path) -> None:
    store, _ = HistoryStore.open(history_path)
    kept = store.add_session(make_record())
    store.close()
    schema = _upgrade_schema()
    assert schema.version == CURRENT + 1
    store, notice = HistoryStore.open(history_path, migrations=schema)
    assert notice == ""
    assert store.schema_version == CURRENT + 1
    assert [r.id for r in store.sessions()] == [kept]
    store.add_session(make_record())
    store.close()
    backup = history_path.with_name(f"history.sqlite3.v{CURRENT}.bak")
    conn = sqlite3.connect(backup)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == CURRENT
    assert conn.execute("SELECT count(*) FROM sessions").fetchone()[0] == 1
    conn.close()
    store, notice = HistoryStore.open(history_path, migrations=schema)  # already there: nothing runs
    assert (notice, store.schema_version, len(store.sessions())) == ("", CURRENT + 1, 2)
    store.close()


def test_a_failing_migration_leaves_the_file_as_it_was(history_path: Path) -> None:
    store, _ = HistoryStore.open(history_path)
    store.add_session(make_record())
    store.close()
    schema = HISTORY_MIGRATIONS.copy()

    @schema.register(CURRENT)
    def _broken(conn: sqlite3.Connection) -> None:
        conn.execute("ALTER TABLE sessions ADD COLUMN note TEXT")
        raise ValueError("unexpected old data")

    store, notice = HistoryStore.open(history_path, migrations=schema)
    assert "cannot upgrade" in notice
    assert "ValueError" in notice
    assert not store.writable
    assert len(store.sessions()) == 1
    store.close()
    conn = sqlite3.connect(history_path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == CURRENT
    assert "note" not in [row[1] for row in conn.execute("PRAGMA table_info(sessions)")]
    conn.close()


def test_migrations_must_have_no_gaps() -> None:
    schema: Migrations[SqlMigration] = Migrations()
    schema.register(1)(lambda conn: None)
    with pytest.raises(ValueError, match="from version 0"):
        target_version(schema)
    schema.register(0)(lambda conn: None)
    schema.register(3)(lambda conn: None)
    with pytest.raises(ValueError, match="consecutive"):
        target_version(schema)


def test_a_file_from_a_newer_version_is_read_but_never_written(history_path: Path) -> None:
    store, _ = HistoryStore.open(history_path, migrations=_upgrade_schema())
    store.add_session(make_record())
    store.close()
    before = file_digest(history_path)
    store, notice = HistoryStore.open(history_path)
    assert f"newer version of massage-gui (schema {CURRENT + 1})" in notice
    assert "\n" not in notice
    assert not store.writable
    assert len(store.sessions()) == 1
    with pytest.raises(DataError, match="read-only"):
        store.add_session(make_record())
    rig = Rig(store)
    rig.start()
    rig.run(40)
    store.close()
    assert file_digest(history_path) == before
    assert sorted(p.name for p in history_path.parent.iterdir()) == ["history.sqlite3"]


def _assert_moved_aside(history_path: Path, notice: str, original: bytes) -> None:
    moved = [p for p in history_path.parent.iterdir() if BAD_NAME.match(p.name)]
    assert len(moved) == 1, list(history_path.parent.iterdir())
    assert moved[0].read_bytes() == original
    assert moved[0].name in notice
    assert "Starting a new session history" in notice
    assert "\n" not in notice


def test_garbage_is_moved_aside_and_a_new_history_started(history_path: Path) -> None:
    history_path.parent.mkdir(parents=True)
    garbage = os.urandom(3000)
    history_path.write_bytes(garbage)
    store, notice = HistoryStore.open(history_path)
    _assert_moved_aside(history_path, notice, garbage)
    assert store.writable
    assert store.sessions() == []
    store.add_session(make_record())
    store.close()


@pytest.mark.parametrize("keep", [100, 2048, 0.5, -100])
def test_a_truncated_database_is_moved_aside(history_path: Path, keep: float) -> None:
    store, _ = HistoryStore.open(history_path)
    for i in range(600):
        store.add_session(make_record(routine_name=f"Routine {i}" * 5))
    store.close()
    data = history_path.read_bytes()
    cut = data[: int(len(data) * keep)] if isinstance(keep, float) else data[:keep]
    history_path.write_bytes(cut)
    store, notice = HistoryStore.open(history_path)
    _assert_moved_aside(history_path, notice, cut)
    assert store.writable
    assert store.sessions() == []
    store.close()


def test_a_database_of_another_program_is_moved_aside(history_path: Path) -> None:
    history_path.parent.mkdir(parents=True)
    conn = sqlite3.connect(history_path)
    conn.execute("CREATE TABLE contacts (name TEXT)")
    conn.commit()
    conn.close()
    original = history_path.read_bytes()
    store, notice = HistoryStore.open(history_path)
    _assert_moved_aside(history_path, notice, original)
    assert "other tables" in notice
    store.close()


def test_an_empty_file_is_a_new_history(history_path: Path) -> None:
    history_path.parent.mkdir(parents=True)
    history_path.write_bytes(b"")
    store, notice = HistoryStore.open(history_path)
    assert notice == ""
    assert store.writable
    store.close()


def test_a_file_that_cannot_be_opened_is_left_alone(tmp_path: Path) -> None:
    blocker = tmp_path / "data"
    blocker.write_text("a file where the folder should be")
    store, notice = HistoryStore.open(blocker / "history.sqlite3")
    assert "cannot open the session history" in notice
    assert not store.writable
    assert store.sessions() == []
    assert blocker.read_text() == "a file where the folder should be"
    rig = Rig(store)
    rig.start()
    rig.run(40)


def test_read_only_opening_never_creates_or_moves_anything(history_path: Path) -> None:
    store, notice = HistoryStore.open_read_only(history_path)
    assert (store.sessions(), notice, store.writable) == ([], "", False)
    assert not history_path.parent.exists()
    history_path.parent.mkdir(parents=True)
    history_path.write_bytes(b"not a database at all" * 100)
    store, notice = HistoryStore.open_read_only(history_path)
    assert store.sessions() == []
    assert "cannot read the session history" in notice
    assert sorted(p.name for p in history_path.parent.iterdir()) == ["history.sqlite3"]


def test_read_only_opening_sees_a_running_app_and_leaves_no_files(history_path: Path) -> None:
    writer, _ = HistoryStore.open(history_path)
    writer.add_session(make_record())
    reader, notice = HistoryStore.open_read_only(history_path)  # the app is running: read its log too
    assert notice == ""
    assert len(reader.sessions()) == 1
    writer.add_session(make_record())
    assert len(reader.sessions()) == 2
    reader.close()
    writer.close()
    assert sorted(p.name for p in history_path.parent.iterdir()) == ["history.sqlite3"]
    reader, _ = HistoryStore.open_read_only(history_path)  # the app is closed
    assert len(reader.sessions()) == 2
    reader.close()
    assert sorted(p.name for p in history_path.parent.iterdir()) == ["history.sqlite3"]


# -- sessions cut off by a kill, and files from before the finished verdict (issue 11) ------------------


def test_a_session_cut_off_by_a_kill_is_closed_at_the_next_start(history_path: Path) -> None:
    """Issue 11, item 19: the row a killed app left open is ended at its last write, not left open."""
    store, _ = HistoryStore.open(history_path)
    rig = Rig(store)
    rig.start()
    rig.run(28)  # collarbone ended at 26 s: the last write
    del rig
    store.close()
    store, _ = HistoryStore.open(history_path)
    [row] = store.sessions()
    store.close()
    assert row.ended_utc == iso_utc(WALL_START + 26)
    assert (row.finished, row.steps_completed) == (False, 2)


def _fixture_copy(tmp_path: Path) -> Path:
    """The committed history written by schema 1 (before ``reached_end`` and ``updated_utc``), copied."""
    path = tmp_path / "history.sqlite3"
    shutil.copy(FIXTURES / "history-v1.sqlite3", path)
    return path


def _rows(path: Path) -> dict[int, tuple[object, ...]]:
    conn = sqlite3.connect(path)
    try:
        return {row[0]: tuple(row[1:]) for row in conn.execute("SELECT * FROM sessions")}
    finally:
        conn.close()


# The fixture's sessions by id, as schema 1 stored them:
#   1 worked through; 2 stopped early; 3 every step skipped, stored as finished; 4 reached the end with one
#   step skipped, stored as finished; 5 cut off by a kill (never ended: 95.25 s massaged).
V1_IDS = [1, 2, 3, 4, 5]


def test_the_fixture_is_a_schema_1_history(tmp_path: Path) -> None:
    path = _fixture_copy(tmp_path)
    conn = sqlite3.connect(path)
    try:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == 1
        columns = tuple(row[1] for row in conn.execute("PRAGMA table_info(sessions)"))
        finished = dict(conn.execute("SELECT id, finished FROM sessions").fetchall())
        open_rows = [row[0] for row in conn.execute("SELECT id FROM sessions WHERE ended_utc IS NULL")]
    finally:
        conn.close()
    assert columns == RECORD_FIELDS
    assert finished == {1: 1, 2: 0, 3: 1, 4: 1, 5: 0}
    assert open_rows == [5]


def test_an_old_history_upgrades_keeping_every_session(tmp_path: Path) -> None:
    path = _fixture_copy(tmp_path)
    before = _rows(path)
    store, notice = HistoryStore.open(path)
    assert notice == ""
    assert store.schema_version == CURRENT
    records = {r.id: r for r in store.sessions()}
    store.close()
    assert sorted(records) == V1_IDS
    after = _rows(path)
    for id_, old in before.items():  # every value kept, but the verdict and the end of the cut-off session
        new = after[id_][: len(old)]
        assert [(a, b) for a, b in zip(old, new, strict=True) if a != b] in ([], [(1, 0)], [(None, new[-1])]), id_
    assert {i: (r.finished, r.reached_end) for i, r in records.items()} == {
        1: (True, True),
        2: (False, False),
        3: (False, True),  # every step skipped: it reached the end, but is not finished
        4: (False, True),
        5: (False, False),
    }
    assert records[1].updated_utc == records[1].ended_utc  # an ended session was last written at its end
    backup = path.with_name("history.sqlite3.v1.bak")
    assert _rows(backup) == before  # the file as it was, kept beside it


def test_an_old_history_closes_its_cut_off_session_with_the_time_recorded(tmp_path: Path) -> None:
    """Issue 11, item 19, for a file from before the last write was kept: its start plus the time massaged."""
    path = _fixture_copy(tmp_path)
    store, _ = HistoryStore.open(path)
    records = {r.id: r for r in store.sessions()}
    store.close()
    assert all(record.ended_utc is not None for record in records.values())
    cut_off = records[5]
    assert cut_off.started_utc == "2024-06-07T06:00:00+00:00"
    assert cut_off.massaged_s == 95.25
    assert cut_off.ended_utc == "2024-06-07T06:01:35+00:00"
    assert cut_off.finished is False


def test_reading_an_old_history_read_only_changes_nothing(tmp_path: Path) -> None:
    """The command line reads a file the app has not upgraded yet as it is, with the same verdicts."""
    path = _fixture_copy(tmp_path)
    before = file_digest(path)
    reader, notice = HistoryStore.open_read_only(path)
    assert notice == ""
    records = {r.id: r for r in reader.sessions()}
    reader.close()
    assert file_digest(path) == before
    assert sorted(p.name for p in path.parent.iterdir()) == ["history.sqlite3"]
    assert sorted(records) == V1_IDS
    assert {i: (r.finished, r.reached_end) for i, r in records.items()} == {
        1: (True, True), 2: (False, False), 3: (False, True), 4: (False, True), 5: (False, False),
    }  # fmt: skip
    assert records[5].ended_utc is None  # left as it is: only the app closes it
    store, _ = HistoryStore.open(path)
    upgraded = store.sessions()
    store.close()
    assert {r.id: r.finished for r in upgraded} == {i: r.finished for i, r in records.items()}


def test_closing_cut_off_sessions_leaves_damaged_rows_alone(store: HistoryStore, history_path: Path) -> None:
    conn = sqlite3.connect(history_path)
    conn.execute(
        "INSERT INTO sessions (started_utc, utc_offset_min, routine_id, routine_name, planned_s, massaged_s, pace_s)"
        " VALUES ('yesterday', 0, 'x', 'x', 10.0, 5.0, 2.0), ('2024-06-07T06:00:00+00:00', 0, 'y', 'y', 10.0,"
        " 1e308, 2.0)"
    )
    conn.commit()
    conn.close()
    store.close()
    reopened, notice = HistoryStore.open(history_path)
    assert notice == ""
    reopened.close()
    assert [row[RECORD_FIELDS.index("ended_utc") - 1] for row in _rows(history_path).values()] == [None, None]


def test_a_running_app_takes_its_session_back_if_another_start_closed_it(history_path: Path) -> None:
    """Should a second app (one started without the single-instance lock) close the running session,
    the first app's next write opens it again."""
    store, _ = HistoryStore.open(history_path)
    rig = Rig(store)
    rig.start()
    rig.run(18)
    other, _ = HistoryStore.open(history_path)
    assert other.sessions()[0].ended_utc is not None
    rig.run(10)  # collarbone ends: the row is written whole
    assert other.sessions()[0].ended_utc is None
    rig.run(20)
    row = other.sessions()[0]
    other.close()
    store.close()
    assert (row.finished, row.ended_utc) == (True, iso_utc(WALL_START + 35))


def test_a_record_compares_and_exports_by_its_exported_fields() -> None:
    record = make_record(reached_end=True, updated_utc="2024-06-03T07:40:30+00:00")
    plain = SessionRecord(*(getattr(record, name) for name in RECORD_FIELDS))
    assert record == plain
    assert record.to_json() == plain.to_json()
    assert list(record.to_json()) == list(RECORD_FIELDS)


def test_a_fifo_in_place_of_the_history_never_hangs(tmp_path: Path) -> None:
    """Opening a FIFO would block SQLite forever: the app moves it aside, the command line says so."""
    import os

    from massage_gui.core.history import HistoryStore

    path = tmp_path / "history.sqlite3"
    os.mkfifo(path)
    store, notice = HistoryStore.open_read_only(path)
    assert not store.writable
    assert "not a regular file" in notice
    store, notice = HistoryStore.open(path)
    try:
        assert store.writable
        assert "FIFO" in notice
        assert "moved" in notice
        assert path.is_file()
    finally:
        store.close()
