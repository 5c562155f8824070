"""The session log: a versioned SQLite file, a recorder that fills it from sequencer events, and its queries."""

from __future__ import annotations

import contextlib
import csv
import dataclasses
import datetime as dt
import functools
import io
import json
import os
import sqlite3
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from massage_gui.core import sequencer as seq
from massage_gui.core.errors import DataError
from massage_gui.core.i18n import translate
from massage_gui.core.plan import Plan

WallClock = Callable[[], float]
Migration = Callable[[sqlite3.Connection], None]
SQLITE_HEADER = b"SQLite format 3\x00"
BUSY_TIMEOUT_S = 5.0


# -- the record ------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class SessionRecord:
    """One session as stored. Times are ISO 8601 in UTC; ``utc_offset_min`` is the local offset when it
    started. ``massaged_s`` counts time inside steps only, pauses excluded. ``ended_utc`` is None while
    the session runs (or if the app stopped without ending it)."""

    id: int
    started_utc: str
    utc_offset_min: int
    routine_id: str
    routine_name: str
    planned_s: float
    massaged_s: float
    steps_completed: int
    steps_skipped: int
    pace_s: float
    finished: bool
    ended_utc: str | None

    @property
    def started(self) -> dt.datetime:
        """The start in the user's local time of that day (an aware datetime)."""
        return dt.datetime.fromisoformat(self.started_utc).astimezone(_zone(self.utc_offset_min))

    @property
    def local_date(self) -> dt.date:
        return self.started.date()

    def to_json(self) -> dict[str, Any]:
        return dataclasses.asdict(self)


@functools.lru_cache(maxsize=256)
def _zone(offset_min: int) -> dt.timezone:
    return dt.timezone(dt.timedelta(minutes=offset_min))


RECORD_FIELDS: tuple[str, ...] = tuple(f.name for f in dataclasses.fields(SessionRecord))
_COLUMNS = ", ".join(RECORD_FIELDS)


def iso_utc(timestamp: float) -> str:
    """Epoch seconds as ISO 8601 in UTC, to the second: ``2024-05-01T07:30:00+00:00``."""
    return dt.datetime.fromtimestamp(timestamp, dt.timezone.utc).isoformat(timespec="seconds")


def local_utc_offset_min(timestamp: float) -> int:
    """The computer's offset from UTC at ``timestamp``, in minutes (daylight saving included)."""
    offset = dt.datetime.fromtimestamp(timestamp).astimezone().utcoffset()
    return round(offset.total_seconds() / 60) if offset is not None else 0


def _record_from_row(row: Sequence[Any]) -> SessionRecord | None:
    """A row as a record, or None if a value has the wrong type (a hand-edited or damaged row)."""
    (id_, started, offset, routine_id, name, planned, massaged, done, skipped, pace, finished, ended) = row
    if not (
        type(id_) is int
        and type(started) is str
        and type(offset) is int
        and -24 * 60 < offset < 24 * 60
        and type(routine_id) is str
        and type(name) is str
        and type(planned) in _NUMBERS
        and type(massaged) in _NUMBERS
        and type(done) is int
        and type(skipped) is int
        and type(pace) in _NUMBERS
        and type(finished) is int
        and (ended is None or type(ended) is str)
    ):
        return None
    try:
        if dt.datetime.fromisoformat(started).tzinfo is None:
            return None
    except ValueError:
        return None
    return SessionRecord(
        id_, started, offset, routine_id, name, float(planned), float(massaged), done, skipped, float(pace),
        bool(finished), ended,
    )  # fmt: skip


_NUMBERS = (int, float)


# -- the schema ------------------------------------------------------------------------------------------


class Schema:
    """The file's layout: ``migrations[n]`` turns version n into n + 1 (version 0 is an empty file).

    The version is kept in ``PRAGMA user_version``; each migration runs inside the transaction that
    also sets the new version, so a failed migration leaves the file as it was.
    """

    def __init__(self, migrations: dict[int, Migration] | None = None) -> None:
        self.migrations: dict[int, Migration] = dict(migrations or {})

    @property
    def version(self) -> int:
        version = len(self.migrations)
        if sorted(self.migrations) != list(range(version)):
            raise ValueError(f"history migrations must run from version 0 without gaps: {sorted(self.migrations)}")
        return version

    def migration(self, from_version: int) -> Callable[[Migration], Migration]:
        """Register ``fn`` as the step from ``from_version`` to the next version."""

        def register(fn: Migration) -> Migration:
            self.migrations[from_version] = fn
            return fn

        return register

    def copy(self) -> Schema:
        return Schema(self.migrations)


HISTORY_SCHEMA = Schema()


@HISTORY_SCHEMA.migration(0)
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


# -- the store -------------------------------------------------------------------------------------------


class _DamagedError(Exception):
    """The file is not a readable history database: it is moved aside."""


def _timestamp() -> str:
    return dt.datetime.now(dt.timezone.utc).strftime("%Y%m%dT%H%M%S%fZ")


def _sidecars(path: Path) -> tuple[Path, Path]:
    return path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")


def _move_aside(path: Path) -> Path | None:
    """Rename the damaged file (and its write-ahead log) to NAME.bad-<UTC time>; drop its shared-memory file."""
    target = path.with_name(f"{path.name}.bad-{_timestamp()}")
    wal, shm = _sidecars(path)
    try:
        os.replace(path, target)
    except OSError:
        return None
    with contextlib.suppress(OSError):
        if wal.exists():
            os.replace(wal, target.with_name(target.name + "-wal"))
    with contextlib.suppress(OSError):
        shm.unlink()
    return target


def _check(conn: sqlite3.Connection) -> int:
    """The file's schema version, after ``PRAGMA integrity_check``; raises _DamagedError for a bad file."""
    try:
        version = int(conn.execute("PRAGMA user_version").fetchone()[0])
        problems = [str(row[0]) for row in conn.execute("PRAGMA integrity_check").fetchall()]
    except sqlite3.OperationalError:
        raise  # locked, unreadable, out of memory: the file may be fine
    except sqlite3.DatabaseError as exc:  # not a database, malformed
        raise _DamagedError(str(exc)) from None
    if problems != ["ok"]:
        first = " ".join(problems[0].replace("*** in database main ***", "").split())
        raise _DamagedError(translate("history", "integrity check failed ({problem})").format(problem=first[:200]))
    return version


def _missing_columns(conn: sqlite3.Connection) -> list[str]:
    present = {str(row[1]) for row in conn.execute("PRAGMA table_info(sessions)").fetchall()}
    return [name for name in RECORD_FIELDS if name not in present]


class HistoryStore:
    """The session log in one SQLite file (WAL mode). Build with ``open`` (the app) or ``open_read_only``
    (the command line). A store that could not open its file holds no sessions and is not writable.

    Every write is one small committed transaction. Writes raise DataError naming the file.
    """

    def __init__(self, path: Path | None, conn: sqlite3.Connection | None, *, writable: bool) -> None:
        self.path = path
        self._conn = conn
        self.writable = writable and conn is not None
        self.running_session_id: int | None = None  # set by the recorder while a session runs

    # -- opening ---------------------------------------------------------------------------------------

    @classmethod
    def open(cls, path: Path, *, schema: Schema = HISTORY_SCHEMA) -> tuple[HistoryStore, str]:
        """Open (creating or upgrading) the file for the app: the store and a one-line notice (or '').

        A file that is not a database or fails the integrity check is moved aside as NAME.bad-<time> and
        a new one started; a file from a newer version is opened read-only and never written.
        """
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            return cls._open_writable(path, schema)
        except _DamagedError as damage:
            reason = str(damage)
        except (sqlite3.Error, OSError) as exc:
            return cls(path, None, writable=False), translate(
                "history", "{path}: cannot open the session history ({error}): sessions are not recorded this time."
            ).format(path=path, error=exc)
        moved = _move_aside(path)
        if moved is None:
            return cls(path, None, writable=False), translate(
                "history", "{path}: {reason}. It could not be moved aside: sessions are not recorded this time."
            ).format(path=path, reason=reason)
        try:
            store, _ = cls._open_writable(path, schema)
        except (_DamagedError, sqlite3.Error, OSError) as exc:
            return cls(path, None, writable=False), translate(
                "history", "{path}: {reason}. It was moved to {name}, but a new history cannot be started ({error})."
            ).format(path=path, reason=reason, name=moved.name, error=exc)
        return store, translate(
            "history", "{path}: {reason}. It was moved to {name}. Starting a new session history."
        ).format(path=path, reason=reason, name=moved.name)

    @classmethod
    def _open_writable(cls, path: Path, schema: Schema) -> tuple[HistoryStore, str]:
        target = schema.version
        if path.exists():
            with path.open("rb") as handle:
                head = handle.read(len(SQLITE_HEADER))
            if head and head != SQLITE_HEADER:
                raise _DamagedError(translate("history", "not an SQLite database"))
            if head and path.stat().st_size < 512:
                raise _DamagedError(translate("history", "the file is cut short"))
        conn = sqlite3.connect(str(path), timeout=BUSY_TIMEOUT_S, isolation_level=None)
        try:
            version = _check(conn)
            if version > target:
                conn.close()
                store, notice = cls.open_read_only(path, schema=schema)
                newer = translate(
                    "history",
                    "{path} was written by a newer version of massage-gui (schema {version}): "
                    "showing it read-only; new sessions are not recorded.",
                ).format(path=path, version=version)
                return store, f"{newer} {notice}".strip()
            if version == 0 and conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]:
                raise _DamagedError(translate("history", "not a massage-gui history (it holds other tables)"))
            mode = conn.execute("PRAGMA journal_mode=WAL").fetchone()[0]
            if str(mode).lower() != "wal":
                raise sqlite3.OperationalError(f"cannot switch to WAL mode (got {mode})")
            conn.execute("PRAGMA synchronous=FULL")
            if version < target:
                if version > 0:
                    cls._back_up(conn, path.with_name(f"{path.name}.v{version}.bak"))
                try:
                    _migrate(conn, schema, version)
                except Exception as exc:  # a migration that fails on old data: keep the file, read-only
                    conn.close()
                    store, _ = cls.open_read_only(path, schema=schema)
                    return store, translate(
                        "history",
                        "{path}: cannot upgrade the session history from schema {version} ({error}): "
                        "showing it read-only; new sessions are not recorded.",
                    ).format(path=path, version=version, error=f"{type(exc).__name__}: {exc}")
            missing = _missing_columns(conn)
            if missing:
                raise _DamagedError(
                    translate("history", "not a massage-gui history (no {columns})").format(columns=", ".join(missing))
                )
        except BaseException:
            conn.close()
            raise
        return cls(path, conn, writable=True), ""

    @staticmethod
    def _back_up(conn: sqlite3.Connection, target: Path) -> None:
        backup = sqlite3.connect(str(target))
        try:
            conn.backup(backup)
        finally:
            backup.close()

    @classmethod
    def open_read_only(cls, path: Path, *, schema: Schema = HISTORY_SCHEMA) -> tuple[HistoryStore, str]:
        """Open without ever creating, upgrading or moving the file: a missing file is an empty history.

        While the app has the file open its write-ahead log is read too; otherwise the file is read as
        it is, leaving no ``-wal`` or ``-shm`` files behind.
        """
        if not path.exists():
            return cls(path, None, writable=False), ""
        wal, _ = _sidecars(path)
        query = "mode=ro" if wal.exists() else "immutable=1"
        try:
            conn = sqlite3.connect(f"{path.absolute().as_uri()}?{query}", uri=True, isolation_level=None)
        except sqlite3.Error as exc:
            return cls(path, None, writable=False), _cannot_read(path, exc) + "."
        try:
            version = _check(conn)
            if version == 0:
                conn.close()
                return cls(path, None, writable=False), ""
            missing = _missing_columns(conn)
            if missing:
                raise sqlite3.DatabaseError(
                    translate("history", "schema {version} has no {columns}").format(
                        version=version, columns=", ".join(missing)
                    )
                )
        except _DamagedError as exc:
            conn.close()
            return cls(path, None, writable=False), translate(
                "history",
                "{path}: cannot read the session history ({error}); the app moves it aside when it next starts.",
            ).format(path=path, error=exc)
        except sqlite3.Error as exc:
            conn.close()
            return cls(path, None, writable=False), _cannot_read(path, exc) + "."
        return cls(path, conn, writable=False), ""

    def close(self) -> None:
        """Close the file (the write-ahead log is folded back in when the last connection closes)."""
        if self._conn is not None:
            self._conn.close()
            self._conn = None
        self.writable = False

    @property
    def schema_version(self) -> int:
        if self._conn is None:
            return 0
        return int(self._conn.execute("PRAGMA user_version").fetchone()[0])

    # -- writing ---------------------------------------------------------------------------------------

    @contextlib.contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        if not self.writable or self._conn is None:
            raise DataError(f"{self.path}: the session history is read-only")
        conn = self._conn
        try:
            conn.execute("BEGIN IMMEDIATE")
            try:
                yield conn
            except BaseException:
                conn.execute("ROLLBACK")
                raise
            conn.execute("COMMIT")
        except sqlite3.Error as exc:
            raise DataError(
                translate("history", "{path}: cannot write the session history ({error})").format(
                    path=self.path, error=exc
                )
            ) from None

    def add_session(self, record: SessionRecord) -> int:
        """Insert a row with the record's values (its ``id`` is ignored); returns the new id."""
        fields = RECORD_FIELDS[1:]
        values = [getattr(record, name) for name in fields]
        with self._transaction() as conn:
            cursor = conn.execute(
                f"INSERT INTO sessions ({', '.join(fields)}) VALUES ({', '.join('?' * len(fields))})", values
            )
            new_id = cursor.lastrowid
        if new_id is None:
            raise DataError(translate("history", "{path}: the new session got no id").format(path=self.path))
        return new_id

    def update_session(self, record: SessionRecord) -> bool:
        """Write every value of the row ``record.id``; False if that row is gone (deleted)."""
        fields = RECORD_FIELDS[1:]
        values = [getattr(record, name) for name in fields]
        with self._transaction() as conn:
            cursor = conn.execute(
                f"UPDATE sessions SET {', '.join(f'{name} = ?' for name in fields)} WHERE id = ?",
                [*values, record.id],
            )
            return cursor.rowcount > 0

    def delete_session(self, session_id: int) -> bool:
        with self._transaction() as conn:
            return conn.execute("DELETE FROM sessions WHERE id = ?", (session_id,)).rowcount > 0

    def delete_all(self) -> int:
        """Delete every session; returns how many there were."""
        with self._transaction() as conn:
            return conn.execute("DELETE FROM sessions").rowcount

    # -- reading ---------------------------------------------------------------------------------------

    def sessions(self) -> list[SessionRecord]:
        """Every session, newest first (rows with values of the wrong type are left out)."""
        if self._conn is None:
            return []
        try:
            rows = self._conn.execute(f"SELECT {_COLUMNS} FROM sessions ORDER BY started_utc DESC, id DESC").fetchall()
        except sqlite3.Error as exc:
            raise DataError(_cannot_read(self.path, exc)) from None
        return [record for record in map(_record_from_row, rows) if record is not None]

    def get(self, session_id: int) -> SessionRecord | None:
        if self._conn is None:
            return None
        row = self._conn.execute(f"SELECT {_COLUMNS} FROM sessions WHERE id = ?", (session_id,)).fetchone()
        return None if row is None else _record_from_row(row)

    def minutes_per_day(self, first: dt.date, last: dt.date) -> list[tuple[dt.date, float]]:
        return minutes_per_day(self.sessions(), first, last)

    def streaks(self, today: dt.date) -> Streaks:
        return streaks(self.sessions(), today)

    def totals_per_routine(self) -> list[RoutineTotal]:
        return totals_per_routine(self.sessions())


def _cannot_read(path: Path | None, exc: Exception) -> str:
    return translate("history", "{path}: cannot read the session history ({error})").format(path=path, error=exc)


def _migrate(conn: sqlite3.Connection, schema: Schema, version: int) -> None:
    """Run the migrations from ``version`` to the schema's, all in one transaction."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        for v in range(version, schema.version):
            schema.migrations[v](conn)
            conn.execute(f"PRAGMA user_version = {v + 1:d}")
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")


# -- summaries -------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Streaks:
    """Runs of consecutive local days with at least one session. The current run ends today, or
    yesterday if there is no session yet today (the day is not over)."""

    current: int
    longest: int
    includes_today: bool


@dataclass(frozen=True)
class RoutineTotal:
    routine_id: str
    routine_name: str  # the name of its latest session
    sessions: int
    finished: int
    massaged_s: float


def seconds_per_day(records: Iterable[SessionRecord]) -> dict[dt.date, float]:
    """Massaged seconds per local day (the day each session started, in the user's time then)."""
    days: dict[dt.date, float] = {}
    for record in records:
        day = record.local_date
        days[day] = days.get(day, 0.0) + record.massaged_s
    return days


def minutes_per_day(records: Iterable[SessionRecord], first: dt.date, last: dt.date) -> list[tuple[dt.date, float]]:
    """Every local day from ``first`` to ``last`` (inclusive) with its massaged minutes (0 if none)."""
    return daily_minutes(seconds_per_day(records), first, last)


def daily_minutes(per_day: Mapping[dt.date, float], first: dt.date, last: dt.date) -> list[tuple[dt.date, float]]:
    """``minutes_per_day`` from the result of ``seconds_per_day``."""
    count = (last - first).days + 1
    days = (first + dt.timedelta(days=i) for i in range(max(count, 0)))
    return [(day, per_day.get(day, 0.0) / 60) for day in days]


def streaks(records: Iterable[SessionRecord], today: dt.date) -> Streaks:
    return streaks_of_days({record.local_date for record in records}, today)


def streaks_of_days(days: Collection[dt.date], today: dt.date) -> Streaks:
    """``streaks`` from the set of local days with a session."""
    longest = run = 0
    previous: dt.date | None = None
    for day in sorted(days):
        run = run + 1 if previous is not None and (day - previous).days == 1 else 1
        longest = max(longest, run)
        previous = day
    one = dt.timedelta(days=1)
    end = today if today in days else today - one
    current = 0
    while end - current * one in days:
        current += 1
    return Streaks(current=current, longest=longest, includes_today=today in days)


def totals_per_routine(records: Iterable[SessionRecord]) -> list[RoutineTotal]:
    """Sessions, finished sessions and massaged time per routine id, most time first."""
    # per routine id: [latest start, its name, sessions, finished, seconds]
    sums: dict[str, list[Any]] = {}
    for record in records:
        entry = sums.get(record.routine_id)
        if entry is None:
            sums[record.routine_id] = [record.started_utc, record.routine_name, 1, int(record.finished),
                                       record.massaged_s]  # fmt: skip
            continue
        if record.started_utc > entry[0]:
            entry[0], entry[1] = record.started_utc, record.routine_name
        entry[2] += 1
        entry[3] += int(record.finished)
        entry[4] += record.massaged_s
    totals = [RoutineTotal(key, name, count, done, seconds) for key, (_, name, count, done, seconds) in sums.items()]
    return sorted(totals, key=lambda t: (-t.massaged_s, t.routine_name.casefold(), t.routine_id))


def describe_streaks(found: Streaks, number: Callable[[int], str] = str) -> tuple[str, str]:
    """Two gentle sentences: the current run, and the longest run (or ''). Missed days are never counted
    or mentioned; with no current run there is only an invitation. In the UI's language once a translator
    is installed; ``number`` writes the counts (the UI passes its locale's)."""
    if found.current >= 2:
        current = (
            translate("history", "You have massaged on {count} days in a row.")
            if found.includes_today
            else translate("history", "You have massaged on {count} days in a row, up to yesterday.")
        ).format(count=number(found.current))
    elif found.current == 1:
        current = (
            translate("history", "You massaged today.")
            if found.includes_today
            else translate("history", "You massaged yesterday.")
        )
    else:
        current = translate("history", "Start a new run any day.")
    longest = (
        translate("history", "Your longest run so far: {count} days in a row.").format(count=number(found.longest))
        if found.longest >= 2
        else ""
    )
    return current, longest


def duration_text(seconds: float, number: Callable[[int], str] = str) -> str:
    """A total time for people: '40 s', '45 min', '2 h 05 min' (in the UI's language; ``number`` writes
    the seconds, minutes and hours)."""
    seconds = max(seconds, 0.0)
    if seconds < 59.5:
        return translate("history", "{seconds} s").format(seconds=number(round(seconds)))
    minutes = round(seconds / 60)
    if minutes < 60:
        return translate("history", "{minutes} min").format(minutes=number(minutes))
    return translate("history", "{hours} h {minutes} min").format(
        hours=number(minutes // 60), minutes=f"{minutes % 60:02d}"
    )


# -- export ----------------------------------------------------------------------------------------------


def records_to_json(records: Iterable[SessionRecord]) -> str:
    """A JSON list of objects with the record's fields."""
    return json.dumps([record.to_json() for record in records], indent=2, ensure_ascii=False) + "\n"


def _csv_value(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value) if not isinstance(value, float) else repr(value)


def records_to_csv(records: Iterable[SessionRecord]) -> str:
    """CSV (RFC 4180 line ends) with a header of the record's field names; booleans as true/false, a
    missing end time as an empty cell."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(RECORD_FIELDS)
    for record in records:
        writer.writerow([_csv_value(getattr(record, name)) for name in RECORD_FIELDS])
    return out.getvalue()


# -- the recorder ----------------------------------------------------------------------------------------


class SessionRecorder:
    """Keeps one history row per session up to date from the sequencer's events.

    A row is added at SessionStarted and rewritten at every StepFinished, Paused, Resumed and at
    RoutineFinished, each a committed transaction: if the app dies, the row holds the session up to the
    last of those. ``massaged_s`` sums the session time (``at_s``) spent inside steps: session time
    stands still while paused, so pauses never count. A step is *completed* when it ran to its end, and
    *skipped* when the user left it early and did not come back to finish it; the step that was running
    when the user stopped counts as neither. A session stopped before anything was massaged is deleted.

    ``wall_clock`` gives epoch seconds (for the start and end times); ``utc_offset_min`` the local offset
    at an epoch time. Call ``replanned`` when the plan changes under a running session (pace, skips).
    Writes that fail raise DataError; the recorder keeps its counts and the next write catches up.
    """

    def __init__(
        self,
        store: HistoryStore,
        plan: Plan,
        wall_clock: WallClock,
        utc_offset_min: Callable[[float], int] = local_utc_offset_min,
    ) -> None:
        self._store = store
        self._plan = plan
        self._wall = wall_clock
        self._offset = utc_offset_min
        self._record: SessionRecord | None = None
        self._saved = False  # whether the row exists in the store (its id is the record's)
        self._deleted = False  # the user deleted the running session's row: stop writing it
        self._reset_counts()

    def _reset_counts(self) -> None:
        self._step: int | None = None  # routine index of the step in progress
        self._since: float | None = None  # session time from which the step in progress counts
        self._paused = False
        self._massaged = 0.0
        self._completed: set[int] = set()
        self._left: set[int] = set()
        self._just_left: int | None = None  # the step the last event left early, if new to _left

    @property
    def plan(self) -> Plan:
        return self._plan

    @property
    def record(self) -> SessionRecord | None:
        """The running session as last computed (None between sessions)."""
        return self._record

    @property
    def session_id(self) -> int | None:
        return self._record.id if self._record is not None and self._saved else None

    # -- input -----------------------------------------------------------------------------------------

    def set_plan(self, plan: Plan) -> None:
        """A new plan for the next session (no session running)."""
        self._plan = plan

    def replanned(self, plan: Plan, t: float) -> None:
        """The plan changed under the session, which is now at session time ``t`` of ``plan``.

        Time already spent in the current step at the old pace is banked, and counting restarts at
        ``t``. (If the current step was dropped, the StepFinished that follows still ends it at the
        old time.)
        """
        old, self._plan = self._plan, plan
        if self._record is None:
            return
        if self._step is not None and self._since is not None:
            pos = plan.locate(t)
            if pos.segment == "step" and plan.steps[pos.step_index].routine_index == self._step:
                new_step = plan.steps[pos.step_index]
                old_step = next((s for s in old.steps if s.routine_index == self._step), None)
                if old_step is not None:
                    offset = min(pos.offset_s / new_step.stroke_s * old_step.stroke_s, old_step.duration_s)
                    self._massaged += max(0.0, old_step.start_s + offset - self._since)
                    self._since = t
        self._record = dataclasses.replace(self._record, planned_s=plan.total_s, pace_s=plan.settings.pace_s)

    def handle(self, events: Iterable[seq.Event]) -> None:
        """Take the events of one action or tick, in order. If a write fails, the remaining events are
        still taken (the counts stay right) and the first DataError is raised at the end."""
        failure: DataError | None = None
        for event in events:
            try:
                self._handle(event)
            except DataError as exc:
                failure = failure or exc
        if failure is not None:
            raise failure

    def _handle(self, event: seq.Event) -> None:
        just_left, self._just_left = self._just_left, None
        if isinstance(event, seq.SessionStarted):
            if self._record is not None:  # restarted without a RoutineFinished: the old one stopped early
                self._forget_stop_step(just_left)
                self._end(finished=False)
            self._begin()
        elif self._record is None:
            return
        elif isinstance(event, seq.StepStarted):
            steps = self._plan.steps
            self._step = steps[event.step_index].routine_index if event.step_index < len(steps) else None
            self._since = None if self._paused else event.at_s
        elif isinstance(event, seq.StepFinished):
            self._bank(event.at_s)
            if self._step is not None:
                if event.completed:
                    self._completed.add(self._step)
                elif self._step not in self._left:
                    self._left.add(self._step)
                    self._just_left = self._step
            self._step = None
            self._write()
        elif isinstance(event, seq.Paused):
            self._bank(event.at_s)
            self._paused = True
            self._write()
        elif isinstance(event, seq.Resumed):
            self._paused = False
            if self._step is not None:
                self._since = event.at_s
            self._write()
        elif isinstance(event, seq.RoutineFinished):
            self._bank(event.at_s)
            if not event.completed:
                self._forget_stop_step(just_left)
            self._end(finished=event.completed)

    # -- internals -------------------------------------------------------------------------------------

    def _forget_stop_step(self, just_left: int | None) -> None:
        if just_left is not None:
            self._left.discard(just_left)

    def _bank(self, at_s: float) -> None:
        if self._since is not None:
            self._massaged += max(0.0, at_s - self._since)
            self._since = None

    def _begin(self) -> None:
        self._reset_counts()
        now = self._wall()
        plan = self._plan
        self._record = SessionRecord(
            id=0,
            started_utc=iso_utc(now),
            utc_offset_min=self._offset(now),
            routine_id=plan.routine_id,
            routine_name=plan.routine.name,
            planned_s=plan.total_s,
            massaged_s=0.0,
            steps_completed=0,
            steps_skipped=0,
            pace_s=plan.settings.pace_s,
            finished=False,
            ended_utc=None,
        )
        self._saved = self._deleted = False
        self._write()

    def _end(self, *, finished: bool) -> None:
        record = self._current()
        self._record = dataclasses.replace(record, finished=finished, ended_utc=iso_utc(self._wall()))
        try:
            if not finished and record.massaged_s == 0 and record.steps_completed == 0:
                if self._saved and self._store.writable:
                    self._store.delete_session(record.id)
            else:
                self._write()
        finally:
            self._record = None
            self._saved = False
            self._store.running_session_id = None
            self._reset_counts()

    def _current(self) -> SessionRecord:
        assert self._record is not None
        return dataclasses.replace(
            self._record,
            massaged_s=round(self._massaged, 3),
            steps_completed=len(self._completed),
            steps_skipped=len(self._left - self._completed),
        )

    def _write(self) -> None:
        self._record = record = self._current()
        if self._deleted or not self._store.writable:
            return
        if not self._saved:
            new_id = self._store.add_session(record)
            self._record = dataclasses.replace(record, id=new_id)
            self._saved = True
            if record.ended_utc is None:
                self._store.running_session_id = new_id
        elif not self._store.update_session(record):
            self._deleted = True
            self._store.running_session_id = None
