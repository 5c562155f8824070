"""The session log: recording from sequencer events on a fake clock, crash safety, migrations, damaged and
newer files, summaries across local midnight, and export round trips."""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import hashlib
import io
import json
import os
import re
import sqlite3
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from massage_gui.core.errors import DataError
from massage_gui.core.history import (
    HISTORY_SCHEMA,
    RECORD_FIELDS,
    HistoryStore,
    Schema,
    SessionRecord,
    SessionRecorder,
    Streaks,
    describe_streaks,
    duration_text,
    iso_utc,
    minutes_per_day,
    records_to_csv,
    records_to_json,
    streaks,
    totals_per_routine,
)
from massage_gui.core.plan import Plan, build_plan
from massage_gui.core.routine import Routine, Step
from massage_gui.core.sequencer import Event, Paused, Sequencer
from massage_gui.core.settings import Settings
from tests.fake_clock import FakeClock

BAD_NAME = re.compile(r"^history\.sqlite3\.bad-\d{8}T\d{12}Z$")
WALL_START = 1_717_400_000.0  # 2024-06-03T07:33:20Z, a Monday

# Timeline at the default settings (lead-in 5, transitions 3, pace 2, breath 6):
#   lead-in 0-5 | breathing 5-17 (2 x 6 s) | 17-20 | collarbone 20-26 (3 x 2 s) | 26-29 | cheeks 29-35 (2 x 3 s)
SHORT = Routine(
    name="Short",
    steps=(
        Step("breathing", "breath", 2),
        Step("collarbone", "circles", 3, "terminus"),
        Step("cheeks", "stretch", 2, "submandibular", pace_factor=1.5),
    ),
)
STEP_S = (12.0, 6.0, 6.0)


def short_plan(**changes: object) -> Plan:
    return build_plan(SHORT, dataclasses.replace(Settings(), **changes), "short")  # type: ignore[arg-type]


class Rig:
    """A sequencer on a fake monotonic clock, a fake wall clock, and a recorder listening to both."""

    def __init__(self, store: HistoryStore, plan: Plan | None = None, offset_min: int = 60) -> None:
        plan = plan or short_plan()
        self.store = store
        self.clock = FakeClock(1000.0)
        self.wall = FakeClock(WALL_START)
        self.seq = Sequencer(plan, self.clock)
        self.recorder = SessionRecorder(store, plan, self.wall, utc_offset_min=lambda _t: offset_min)
        self.events: list[Event] = []

    def feed(self, events: list[Event]) -> None:
        self.events += events
        self.recorder.handle(events)

    def start(self) -> None:
        self.feed(self.seq.start())

    def run(self, seconds: float, step: float = 0.25) -> None:
        """Let time pass, ticking like the app does (pauses let the wall clock run on)."""
        remaining = seconds
        while remaining > 1e-9:
            dt_s = min(step, remaining)
            self.clock.now += dt_s
            self.wall.now += dt_s
            remaining -= dt_s
            self.feed(self.seq.tick())

    def replan(self, **changes: object) -> None:
        settings = dataclasses.replace(self.seq.plan.settings, **changes)  # type: ignore[arg-type]
        events = self.seq.replan(settings)
        self.recorder.replanned(self.seq.plan, self.seq.t)  # as the controller: plan_changed, then events
        self.feed(events)

    def row(self) -> SessionRecord:
        rows = self.store.sessions()
        assert len(rows) == 1, rows
        return rows[0]


@pytest.fixture
def history_path(tmp_path: Path) -> Path:
    return tmp_path / "data" / "history.sqlite3"


@pytest.fixture
def store(history_path: Path) -> Iterator[HistoryStore]:
    opened, notice = HistoryStore.open(history_path)
    assert notice == ""
    yield opened
    opened.close()


def make_record(**changes: object) -> SessionRecord:
    values: dict[str, object] = {
        "id": 0,
        "started_utc": "2024-06-03T07:30:00+00:00",
        "utc_offset_min": 120,
        "routine_id": "standard",
        "routine_name": "Standard",
        "planned_s": 610.0,
        "massaged_s": 600.0,
        "steps_completed": 12,
        "steps_skipped": 0,
        "pace_s": 2.0,
        "finished": True,
        "ended_utc": "2024-06-03T07:40:30+00:00",
    }
    values.update(changes)
    return SessionRecord(**values)  # type: ignore[arg-type]


def file_digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


# -- recording ---------------------------------------------------------------------------------------------


def test_a_finished_routine_is_recorded_with_every_field(store: HistoryStore) -> None:
    rig = Rig(store)
    rig.start()
    rig.run(40)
    row = rig.row()
    assert row.started_utc == iso_utc(WALL_START) == "2024-06-03T07:33:20+00:00"
    assert row.utc_offset_min == 60
    assert (row.routine_id, row.routine_name) == ("short", "Short")
    assert row.planned_s == 35.0
    assert row.pace_s == 2.0
    assert row.massaged_s == pytest.approx(sum(STEP_S))
    assert (row.steps_completed, row.steps_skipped) == (3, 0)
    assert row.finished is True
    assert row.ended_utc == iso_utc(WALL_START + 35)  # the wall clock when RoutineFinished arrived
    assert store.running_session_id is None
    assert rig.recorder.record is None


def test_stopped_early_is_not_finished_and_the_running_step_is_not_skipped(store: HistoryStore) -> None:
    rig = Rig(store)
    rig.start()
    rig.run(22)  # 2 s into the collarbone step
    rig.feed(rig.seq.stop())
    row = rig.row()
    assert row.finished is False
    assert row.ended_utc == iso_utc(WALL_START + 22)
    assert row.massaged_s == pytest.approx(12 + 2)
    assert (row.steps_completed, row.steps_skipped) == (1, 0)


def test_a_step_left_early_counts_as_skipped_and_only_its_time_inside_counts(store: HistoryStore) -> None:
    rig = Rig(store)
    rig.start()
    rig.run(8)  # 3 s into breathing
    rig.feed(rig.seq.next())  # to the collarbone step
    rig.run(30)
    row = rig.row()
    assert row.finished is True
    assert row.massaged_s == pytest.approx(3 + 6 + 6)
    assert (row.steps_completed, row.steps_skipped) == (2, 1)


def test_a_step_skipped_then_done_after_going_back_is_completed(store: HistoryStore) -> None:
    rig = Rig(store)
    rig.start()
    rig.run(22)  # in collarbone
    rig.feed(rig.seq.next())  # skip it: cheeks
    rig.feed(rig.seq.previous())  # back to collarbone
    rig.run(30)
    row = rig.row()
    assert (row.steps_completed, row.steps_skipped) == (3, 0)
    assert row.massaged_s == pytest.approx(12 + 2 + 6 + 6)


def test_pauses_are_not_counted(store: HistoryStore) -> None:
    rig = Rig(store)
    rig.start()
    rig.run(10)  # 5 s into breathing
    rig.feed(rig.seq.pause())
    assert rig.row().massaged_s == pytest.approx(5)  # written at the pause
    rig.run(300, step=5)  # five minutes away: ticks do nothing while paused
    rig.feed(rig.seq.resume())
    rig.run(21)  # 7 s more of breathing, then the rest: 25 s of session time in all after resuming
    rig.run(10)
    row = rig.row()
    assert row.finished is True
    assert row.massaged_s == pytest.approx(sum(STEP_S))
    assert row.ended_utc == iso_utc(WALL_START + 35 + 300)


def test_a_pause_in_a_transition_and_moves_while_paused_count_nothing(store: HistoryStore) -> None:
    rig = Rig(store)
    rig.start()
    rig.run(18)  # in the transition after breathing
    rig.feed(rig.seq.pause())
    rig.feed(rig.seq.next())  # to collarbone while paused: nothing runs
    rig.run(60, step=5)
    assert rig.row().massaged_s == pytest.approx(12)
    rig.feed(rig.seq.resume())
    rig.run(20)
    assert rig.row().massaged_s == pytest.approx(sum(STEP_S))


def test_the_computer_sleeping_is_a_pause(store: HistoryStore) -> None:
    rig = Rig(store)
    rig.start()
    rig.run(10)
    rig.clock.now += 3600  # one tick an hour later: the sequencer reports a sleep
    rig.wall.now += 3600
    rig.feed(rig.seq.tick())
    assert any(isinstance(e, Paused) and e.reason == "sleep" for e in rig.events)
    rig.feed(rig.seq.resume())
    rig.run(30)
    row = rig.row()
    assert row.finished is True
    assert row.massaged_s == pytest.approx(sum(STEP_S))


@pytest.mark.parametrize(("k", "at"), [(0, 10.0), (1, 18.0), (2, 28.0)])
def test_a_crash_after_step_k_leaves_the_session_up_to_that_step(history_path: Path, k: int, at: float) -> None:
    store, _ = HistoryStore.open(history_path)
    rig = Rig(store)
    rig.start()
    rig.run(at)
    del rig  # no RoutineFinished: the app died here
    reopened = sqlite3.connect(history_path)  # another connection sees only what was committed
    count = reopened.execute("SELECT count(*) FROM sessions").fetchone()[0]
    reopened.close()
    assert count == 1
    store.close()
    store, notice = HistoryStore.open(history_path)
    assert notice == ""
    [row] = store.sessions()
    store.close()
    assert row.steps_completed == k
    assert row.massaged_s == pytest.approx(sum(STEP_S[:k]))
    assert row.ended_utc is None
    assert row.finished is False


def test_a_killed_process_leaves_the_session_up_to_its_last_completed_step(history_path: Path) -> None:
    """A real crash: the recording process ends with os._exit (nothing closed, nothing flushed)."""
    script = textwrap.dedent(
        f"""
        import os, sys
        sys.path.insert(0, {str(Path(__file__).resolve().parents[2])!r})
        from pathlib import Path
        from massage_gui.core.history import HistoryStore
        from tests.core.test_history import Rig
        store, _ = HistoryStore.open(Path({str(history_path)!r}))
        rig = Rig(store)
        rig.start()
        rig.run(30)  # two steps done, 1 s into the transition before the last
        os._exit(3)
        """
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60, check=False)
    assert result.returncode == 3, result.stderr
    store, notice = HistoryStore.open(history_path)
    assert notice == ""
    [row] = store.sessions()
    store.close()
    assert (row.steps_completed, row.ended_utc, row.finished) == (2, None, False)
    assert row.massaged_s == pytest.approx(18)


def test_a_session_stopped_before_anything_was_massaged_is_not_kept(store: HistoryStore) -> None:
    rig = Rig(store)
    rig.start()
    rig.run(3)  # still in the lead-in
    assert len(store.sessions()) == 1  # written at the start, in case of a crash
    rig.feed(rig.seq.stop())
    assert store.sessions() == []


def test_starting_again_ends_the_running_session_as_stopped_early(store: HistoryStore) -> None:
    rig = Rig(store)
    rig.start()
    rig.run(22)
    rig.feed(rig.seq.start())  # restart from the beginning: no RoutineFinished from the sequencer
    rig.run(40)
    newest, oldest = store.sessions()
    assert (oldest.finished, oldest.massaged_s, oldest.steps_completed, oldest.steps_skipped) == (False, 14, 1, 0)
    assert oldest.ended_utc is not None
    assert newest.finished is True
    assert newest.massaged_s == pytest.approx(sum(STEP_S))


def test_a_slower_pace_mid_step_counts_the_time_really_spent(store: HistoryStore) -> None:
    rig = Rig(store)
    rig.start()
    rig.run(22)  # 2 s into collarbone (1 of 3 strokes)
    rig.replan(pace_s=3.0)
    plan = rig.seq.plan
    collarbone, cheeks = plan.steps[1], plan.steps[2]
    expected = 12 + 2 + (collarbone.end_s - rig.seq.t) + cheeks.duration_s
    rig.run(60)
    row = rig.row()
    assert row.finished is True
    assert row.massaged_s == pytest.approx(expected)
    assert (row.pace_s, row.planned_s) == (3.0, plan.total_s)


def test_skipping_the_current_area_mid_step_ends_it_at_that_moment(store: HistoryStore) -> None:
    rig = Rig(store)
    rig.start()
    rig.run(22)
    rig.replan(skipped_areas=frozenset({"collarbone"}))
    rig.run(60)
    row = rig.row()
    assert row.finished is True
    assert row.massaged_s == pytest.approx(12 + 2 + 6)
    assert (row.steps_completed, row.steps_skipped) == (2, 1)


def test_a_read_only_store_records_nothing_and_raises_nothing(history_path: Path) -> None:
    store = HistoryStore(history_path, None, writable=False)
    rig = Rig(store)
    rig.start()
    rig.run(40)
    assert store.sessions() == []
    assert not history_path.exists()


def test_a_deleted_running_session_is_not_brought_back(store: HistoryStore) -> None:
    rig = Rig(store)
    rig.start()
    rig.run(10)
    assert store.running_session_id == rig.recorder.session_id is not None
    store.delete_all()
    rig.run(40)
    assert store.sessions() == []
    assert store.running_session_id is None


def test_a_failed_write_is_caught_up_by_the_next(store: HistoryStore, monkeypatch: pytest.MonkeyPatch) -> None:
    rig = Rig(store)
    rig.start()
    rig.run(16)

    def fail(record: SessionRecord) -> bool:
        raise DataError("disk full")

    monkeypatch.setattr(store, "update_session", fail)
    with pytest.raises(DataError):
        rig.run(2)  # breathing ends: the write fails
    monkeypatch.undo()
    rig.run(30)
    row = rig.row()
    assert (row.finished, row.steps_completed) == (True, 3)
    assert row.massaged_s == pytest.approx(sum(STEP_S))


# -- the file --------------------------------------------------------------------------------------------


def test_a_new_file_is_wal_mode_at_the_current_schema(store: HistoryStore, history_path: Path) -> None:
    conn = sqlite3.connect(history_path)
    try:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert conn.execute("PRAGMA user_version").fetchone()[0] == HISTORY_SCHEMA.version == 1
        columns = [row[1] for row in conn.execute("PRAGMA table_info(sessions)")]
    finally:
        conn.close()
    assert tuple(columns) == RECORD_FIELDS
    assert store.schema_version == 1


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


def _upgrade_schema() -> Schema:
    schema = HISTORY_SCHEMA.copy()

    @schema.migration(1)
    def _add_note(conn: sqlite3.Connection) -> None:
        conn.execute("ALTER TABLE sessions ADD COLUMN note TEXT NOT NULL DEFAULT ''")

    return schema


def test_a_registered_migration_runs_once_and_keeps_the_data(history_path: Path) -> None:
    store, _ = HistoryStore.open(history_path)
    kept = store.add_session(make_record())
    store.close()
    schema = _upgrade_schema()
    assert schema.version == 2
    store, notice = HistoryStore.open(history_path, schema=schema)
    assert notice == ""
    assert store.schema_version == 2
    assert [r.id for r in store.sessions()] == [kept]
    store.add_session(make_record())
    store.close()
    backup = history_path.with_name("history.sqlite3.v1.bak")
    conn = sqlite3.connect(backup)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 1
    assert conn.execute("SELECT count(*) FROM sessions").fetchone()[0] == 1
    conn.close()
    store, notice = HistoryStore.open(history_path, schema=schema)  # already at 2: nothing runs
    assert (notice, store.schema_version, len(store.sessions())) == ("", 2, 2)
    store.close()


def test_a_failing_migration_leaves_the_file_as_it_was(history_path: Path) -> None:
    store, _ = HistoryStore.open(history_path)
    store.add_session(make_record())
    store.close()
    schema = HISTORY_SCHEMA.copy()

    @schema.migration(1)
    def _broken(conn: sqlite3.Connection) -> None:
        conn.execute("ALTER TABLE sessions ADD COLUMN note TEXT")
        raise ValueError("unexpected old data")

    store, notice = HistoryStore.open(history_path, schema=schema)
    assert "cannot upgrade" in notice
    assert "ValueError" in notice
    assert not store.writable
    assert len(store.sessions()) == 1
    store.close()
    conn = sqlite3.connect(history_path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 1
    assert "note" not in [row[1] for row in conn.execute("PRAGMA table_info(sessions)")]
    conn.close()


def test_migrations_must_have_no_gaps() -> None:
    schema = Schema()
    schema.migration(1)(lambda conn: None)
    with pytest.raises(ValueError, match="without gaps"):
        _ = schema.version


def test_a_file_from_a_newer_version_is_read_but_never_written(history_path: Path) -> None:
    store, _ = HistoryStore.open(history_path, schema=_upgrade_schema())
    store.add_session(make_record())
    store.close()
    before = file_digest(history_path)
    store, notice = HistoryStore.open(history_path)
    assert "newer version of massage-gui (schema 2)" in notice
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


# -- summaries -------------------------------------------------------------------------------------------


def test_local_dates_come_from_the_offset_at_the_time() -> None:
    late = make_record(started_utc="2024-03-09T23:30:00+00:00", utc_offset_min=60)
    assert late.local_date == dt.date(2024, 3, 10)
    assert late.started.hour == 0
    west = make_record(started_utc="2024-03-10T03:30:00+00:00", utc_offset_min=-300)
    assert west.local_date == dt.date(2024, 3, 9)


def test_minutes_per_day_across_local_midnight() -> None:
    records = [
        make_record(started_utc="2024-03-09T22:50:00+00:00", utc_offset_min=60, massaged_s=600),  # 23:50 local
        make_record(started_utc="2024-03-09T23:10:00+00:00", utc_offset_min=60, massaged_s=300),  # 00:10 next day
        make_record(started_utc="2024-03-10T08:00:00+00:00", utc_offset_min=60, massaged_s=90),
    ]
    days = minutes_per_day(records, dt.date(2024, 3, 8), dt.date(2024, 3, 11))
    assert days == [
        (dt.date(2024, 3, 8), 0.0),
        (dt.date(2024, 3, 9), 10.0),
        (dt.date(2024, 3, 10), 6.5),
        (dt.date(2024, 3, 11), 0.0),
    ]
    assert streaks(records, dt.date(2024, 3, 10)) == Streaks(current=2, longest=2, includes_today=True)


def _on(*days: int) -> list[SessionRecord]:
    return [make_record(started_utc=f"2024-05-{d:02d}T12:00:00+00:00", utc_offset_min=0) for d in days]


@pytest.mark.parametrize(
    ("today", "expected"),
    [
        (6, Streaks(2, 3, True)),
        (7, Streaks(2, 3, False)),  # the day is not over: yesterday's run still counts
        (8, Streaks(0, 3, False)),
        (3, Streaks(3, 3, True)),
    ],
)
def test_streaks(today: int, expected: Streaks) -> None:
    records = _on(1, 2, 3, 3, 5, 6)
    assert streaks(records, dt.date(2024, 5, today)) == expected


def test_no_sessions_no_streak() -> None:
    assert streaks([], dt.date(2024, 5, 1)) == Streaks(0, 0, False)


@pytest.mark.parametrize(
    ("found", "current", "longest"),
    [
        (Streaks(5, 9, True), "You have massaged on 5 days in a row.", "Your longest run so far: 9 days in a row."),
        (Streaks(5, 5, False), "You have massaged on 5 days in a row, up to yesterday.", "Your longest run so far"),
        (Streaks(1, 1, True), "You massaged today.", ""),
        (Streaks(1, 4, False), "You massaged yesterday.", "Your longest run so far: 4 days"),
        (Streaks(0, 4, False), "Start a new run any day.", "Your longest run so far: 4 days"),
        (Streaks(0, 0, False), "Start a new run any day.", ""),
    ],
)
def test_streak_wording_is_gentle(found: Streaks, current: str, longest: str) -> None:
    said_current, said_longest = describe_streaks(found)
    assert said_current == current
    assert said_longest.startswith(longest)
    assert (longest == "") == (said_longest == "")
    for word in ("miss", "broke", "lost", "fail", "only", "again", "should"):
        assert word not in (said_current + said_longest).lower()


def test_totals_per_routine_use_the_latest_name_and_sort_by_time() -> None:
    records = [
        make_record(routine_id="mine", routine_name="Old name", started_utc="2024-01-01T07:00:00+00:00",
                    massaged_s=100, finished=False),
        make_record(routine_id="mine", routine_name="New name", started_utc="2024-02-01T07:00:00+00:00",
                    massaged_s=200),
        make_record(routine_id="quick", routine_name="Quick", massaged_s=1000),
    ]  # fmt: skip
    quick, mine = totals_per_routine(records)
    assert (quick.routine_id, quick.sessions, quick.finished, quick.massaged_s) == ("quick", 1, 1, 1000)
    assert (mine.routine_name, mine.sessions, mine.finished, mine.massaged_s) == ("New name", 2, 1, 300)


def test_store_queries_match_the_functions(store: HistoryStore) -> None:
    for record in _on(1, 2, 4):
        store.add_session(record)
    assert store.streaks(dt.date(2024, 5, 4)) == Streaks(1, 2, True)
    assert store.minutes_per_day(dt.date(2024, 5, 1), dt.date(2024, 5, 2)) == [
        (dt.date(2024, 5, 1), 10.0),
        (dt.date(2024, 5, 2), 10.0),
    ]
    [total] = store.totals_per_routine()
    assert total.sessions == 3


@pytest.mark.parametrize(
    ("seconds", "text"),
    [(0, "0 s"), (29.4, "29 s"), (59.6, "1 min"), (91, "2 min"), (3599, "1 h 00 min"), (3600, "1 h 00 min"),
     (3 * 3600 + 5 * 60, "3 h 05 min")],
)  # fmt: skip
def test_duration_text(seconds: float, text: str) -> None:
    assert duration_text(seconds) == text


# -- export ----------------------------------------------------------------------------------------------


def parse_csv(text: str) -> list[SessionRecord]:
    """Read an export back (as a spreadsheet or a therapist's script would)."""
    kinds = {f.name: f.type for f in dataclasses.fields(SessionRecord)}
    rows = list(csv.DictReader(io.StringIO(text, newline="")))
    records = []
    for row in rows:
        values: dict[str, object] = {}
        for name, cell in row.items():
            kind = kinds[name]
            if kind == "int":
                values[name] = int(cell)
            elif kind == "float":
                values[name] = float(cell)
            elif kind == "bool":
                assert cell in ("true", "false")
                values[name] = cell == "true"
            elif kind == "str | None":
                values[name] = cell or None
            else:
                values[name] = cell
        records.append(SessionRecord(**values))  # type: ignore[arg-type]
    return records


def parse_json(text: str) -> list[SessionRecord]:
    data = json.loads(text)
    assert isinstance(data, list)
    return [SessionRecord(**item) for item in data]


safe_text = st.text(st.characters(exclude_categories=("Cs",)), max_size=40)
records_strategy = st.lists(
    st.builds(
        SessionRecord,
        id=st.integers(1, 2**40),
        started_utc=st.datetimes(dt.datetime(2000, 1, 1), dt.datetime(2100, 1, 1)).map(
            lambda d: d.replace(microsecond=0, tzinfo=dt.timezone.utc).isoformat()
        ),
        utc_offset_min=st.integers(-720, 840),
        routine_id=safe_text,
        routine_name=safe_text,
        planned_s=st.floats(0, 1e6),
        massaged_s=st.floats(0, 1e6),
        steps_completed=st.integers(0, 200),
        steps_skipped=st.integers(0, 200),
        pace_s=st.floats(1, 4),
        finished=st.booleans(),
        ended_utc=st.none() | st.just("2024-06-03T07:40:30+00:00"),
    ),
    max_size=5,
)


@given(records_strategy)
def test_export_round_trips(records: list[SessionRecord]) -> None:
    assert parse_json(records_to_json(records)) == records
    assert parse_csv(records_to_csv(records)) == records


def test_export_shapes() -> None:
    tricky = make_record(id=7, routine_name='Eve, "calm"\nface', ended_utc=None, finished=False)
    data = json.loads(records_to_json([tricky]))
    assert data == [dict(zip(RECORD_FIELDS, dataclasses.astuple(tricky), strict=True))]
    assert list(data[0]) == list(RECORD_FIELDS)
    text = records_to_csv([tricky])
    header = text.splitlines()[0]
    assert header == ",".join(RECORD_FIELDS)
    assert ",false," in text
    assert text.endswith(",\r\n")  # no end time: an empty last cell
    assert parse_csv(text) == [tricky]
    assert records_to_csv([]) == ",".join(RECORD_FIELDS) + "\r\n"
    assert records_to_json([]) == "[]\n"


def test_exported_from_a_recorded_session(store: HistoryStore) -> None:
    rig = Rig(store)
    rig.start()
    rig.run(40)
    rig.start()
    rig.run(22)
    rig.feed(rig.seq.stop())
    records = store.sessions()
    assert len(records) == 2
    assert parse_csv(records_to_csv(records)) == records
    assert parse_json(records_to_json(records)) == records
