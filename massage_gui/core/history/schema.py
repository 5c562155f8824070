"""The history file's layout: its numbered migrations, the checks made on opening, and closing cut-off sessions."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

from massage_gui.core.diary import DIARY_FIELDS
from massage_gui.core.history.records import RECORD_FIELDS, STORED_FIELDS, epoch_of, iso_utc
from massage_gui.core.i18n import translate
from massage_gui.core.migrations import Migrations

SqlMigration = Callable[[sqlite3.Connection], None]

# ``HISTORY_MIGRATIONS[n]`` turns version n into n + 1 (version 0 is an empty file). The version is kept
# in ``PRAGMA user_version``; each migration runs inside the transaction that also sets the new version,
# so a failed migration leaves the file as it was.
HISTORY_MIGRATIONS: Migrations[SqlMigration] = Migrations()


@HISTORY_MIGRATIONS.register(0)
def _create_sessions(conn: sqlite3.Connection) -> None:
    conn.execute(
        """
        CREATE TABLE sessions (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            started_utc TEXT NOT NULL,
            utc_offset_min INTEGER NOT NULL,
            routine_id TEXT NOT NULL,
            routine_name TEXT NOT NULL,
            planned_s REAL NOT NULL,
            massaged_s REAL NOT NULL DEFAULT 0,
            steps_completed INTEGER NOT NULL DEFAULT 0,
            steps_skipped INTEGER NOT NULL DEFAULT 0,
            pace_s REAL NOT NULL,
            finished INTEGER NOT NULL DEFAULT 0,
            ended_utc TEXT
        )
        """
    )
    conn.execute("CREATE INDEX sessions_by_start ON sessions (started_utc)")


@HISTORY_MIGRATIONS.register(1)
def _add_reached_end_and_updated(conn: sqlite3.Connection) -> None:
    """Version 1 called a session finished when it reached the end, whatever was skipped: that is now
    ``reached_end``, and ``finished`` also asks that no step was skipped. ``updated_utc`` is when the row
    was last written (for a session already ended: its end)."""
    conn.execute("ALTER TABLE sessions ADD COLUMN reached_end INTEGER NOT NULL DEFAULT 0")
    conn.execute("ALTER TABLE sessions ADD COLUMN updated_utc TEXT")
    conn.execute("UPDATE sessions SET reached_end = 1 WHERE typeof(finished) = 'integer' AND finished != 0")
    conn.execute(
        "UPDATE sessions SET finished = 0 "
        "WHERE reached_end = 1 AND NOT (typeof(steps_skipped) = 'integer' AND steps_skipped = 0)"
    )
    conn.execute("UPDATE sessions SET updated_utc = ended_utc WHERE typeof(ended_utc) = 'text'")


@HISTORY_MIGRATIONS.register(2)
def _create_diary(conn: sqlite3.Connection) -> None:
    """The swelling diary: ratings of swelling and tightness (0 to 10), optional tape measurements in
    centimetres, a note, and the session it was noted after (NULL: on its own, or that session deleted)."""
    conn.execute(
        """
        CREATE TABLE diary (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            noted_utc TEXT NOT NULL,
            utc_offset_min INTEGER NOT NULL,
            session_id INTEGER,
            swelling INTEGER NOT NULL,
            tightness INTEGER NOT NULL,
            neck_cm REAL,
            ear_to_ear_cm REAL,
            mouth_left_cm REAL,
            mouth_right_cm REAL,
            note TEXT NOT NULL DEFAULT ''
        )
        """
    )
    conn.execute("CREATE INDEX diary_by_time ON diary (noted_utc)")


def target_version(migrations: Migrations[SqlMigration]) -> int:
    """The version ``migrations`` lead to; they must start from an empty file (version 0)."""
    version = migrations.version
    if version and 0 not in migrations:
        raise ValueError(f"history migrations must start from version 0: {list(migrations)}")
    return version


class DamagedError(Exception):
    """The file is not a readable history database: it is moved aside."""


def check(conn: sqlite3.Connection) -> int:
    """The file's schema version, after ``PRAGMA integrity_check``; raises DamagedError for a bad file."""
    try:
        version = int(conn.execute("PRAGMA user_version").fetchone()[0])
        problems = [str(row[0]) for row in conn.execute("PRAGMA integrity_check").fetchall()]
    except sqlite3.OperationalError:
        raise  # locked, unreadable, out of memory: the file may be fine
    except sqlite3.DatabaseError as exc:  # not a database, malformed
        raise DamagedError(str(exc)) from None
    if problems != ["ok"]:
        first = " ".join(problems[0].replace("*** in database main ***", "").split())
        raise DamagedError(translate("history", "integrity check failed ({problem})").format(problem=first[:200]))
    return version


def present_columns(conn: sqlite3.Connection, table: str = "sessions") -> set[str]:
    """The columns of ``table`` (none if the file has no such table)."""
    return {str(row[1]) for row in conn.execute(f"PRAGMA table_info({table})").fetchall()}


def has_diary(present: set[str]) -> bool:
    """Whether the diary table's columns (``present_columns(conn, "diary")``) are all there."""
    return all(name in present for name in DIARY_FIELDS)


def missing_columns(present: set[str], *, writable: bool) -> list[str]:
    """The columns a history needs that ``present`` lacks: all of them to write; to read, the exported
    ones (a file of schema 1, which the app has not upgraded yet, is read as it is)."""
    return [name for name in (STORED_FIELDS if writable else RECORD_FIELDS) if name not in present]


def select_columns(present: set[str]) -> str:
    """The SELECT list for a row of ``STORED_FIELDS``: NULL for a column the file does not have yet."""
    return ", ".join(name if name in present else "NULL" for name in STORED_FIELDS)


def migrate(conn: sqlite3.Connection, migrations: Migrations[SqlMigration], version: int) -> None:
    """Run the migrations from ``version`` up, all in one transaction with the new ``user_version``."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        for v in range(version, target_version(migrations)):
            migrations[v](conn)
            conn.execute(f"PRAGMA user_version = {v + 1:d}")
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")


def close_cut_off_sessions(conn: sqlite3.Connection) -> int:
    """End every session a killed app left open, at the time it was last written (rows from before that
    was kept: its start plus the time massaged). Call before a new session can start. Returns how many."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        rows = conn.execute(
            "SELECT id, started_utc, massaged_s, updated_utc FROM sessions WHERE ended_utc IS NULL"
        ).fetchall()
        closed = 0
        for id_, started, massaged, updated in rows:
            end = updated if type(updated) is str and epoch_of(updated) is not None else None
            if end is None and type(started) is str and type(massaged) in (int, float):
                end = _later(started, float(massaged))
            if end is not None:  # a row with values of the wrong type stays as it is
                conn.execute("UPDATE sessions SET ended_utc = ?, updated_utc = ? WHERE id = ?", (end, end, id_))
                closed += 1
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")
    return closed


def _later(iso: str, seconds: float) -> str | None:
    start = epoch_of(iso)
    if start is None:
        return None
    try:
        return iso_utc(start + max(seconds, 0.0))
    except (OverflowError, ValueError, OSError):  # a damaged row's time beyond the calendar
        return None
