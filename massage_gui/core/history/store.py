"""The session history file: opening (creating, upgrading or moving aside a damaged file), reads and writes."""

from __future__ import annotations

import contextlib
import datetime as dt
import sqlite3
from collections.abc import Iterator
from pathlib import Path

from massage_gui.core.atomic import move_aside
from massage_gui.core.diary import DIARY_FIELDS, DiaryEntry, entry_from_row
from massage_gui.core.errors import DataError
from massage_gui.core.history import schema
from massage_gui.core.history.records import STORED_FIELDS, SessionRecord, record_from_row
from massage_gui.core.history.schema import HISTORY_MIGRATIONS, DamagedError, SqlMigration
from massage_gui.core.history.stats import RoutineTotal, Streaks, minutes_per_day, streaks, totals_per_routine
from massage_gui.core.i18n import translate
from massage_gui.core.migrations import Migrations
from massage_gui.core.paths import make_private_folder
from massage_gui.core.readfile import read_head

SQLITE_HEADER = b"SQLite format 3\x00"
BUSY_TIMEOUT_S = 5.0


class HistoryStore:
    """The session log in one SQLite file (WAL mode). Build with ``open`` (the app) or ``open_read_only``
    (the command line). A store that could not open its file holds no sessions and is not writable.

    Every write is one small committed transaction. Writes raise DataError naming the file.
    """

    def __init__(
        self,
        path: Path | None,
        conn: sqlite3.Connection | None,
        *,
        writable: bool,
        columns: str | None = None,
        diary: bool = True,
    ) -> None:
        self.path = path
        self._conn = conn
        self._columns = columns or ", ".join(STORED_FIELDS)  # the SELECT list for a record's row
        self.writable = writable and conn is not None
        self.has_diary = diary and conn is not None  # False for a file from before the diary (read as it is)
        self.running_session_id: int | None = None  # set by the recorder while a session runs

    # -- opening ---------------------------------------------------------------------------------------

    @classmethod
    def open(cls, path: Path, *, migrations: Migrations[SqlMigration] = HISTORY_MIGRATIONS) -> tuple[HistoryStore, str]:
        """Open (creating or upgrading) the file for the app: the store and a one-line notice (or '').

        A file that is not a database or fails the integrity check is moved aside as NAME.bad-<time> and
        a new one started; a file from a newer version is opened read-only and never written. Sessions a
        killed app left open are ended at the time they were last written.
        """
        try:
            make_private_folder(path.parent)
            return cls._open_writable(path, migrations)
        except DamagedError as damage:
            reason = str(damage)
        except (sqlite3.Error, OSError, DataError) as exc:  # DataError: a file where the folder should be
            return cls(path, None, writable=False), translate(
                "history", "{path}: cannot open the session history ({error}): sessions are not recorded this time."
            ).format(path=path, error=exc)
        moved = move_aside(path, companions=("-wal",))
        if moved is None:
            return cls(path, None, writable=False), translate(
                "history", "{path}: {reason}. It could not be moved aside: sessions are not recorded this time."
            ).format(path=path, reason=reason)
        with contextlib.suppress(OSError):
            path.with_name(path.name + "-shm").unlink()  # shared memory of the log moved aside: not needed
        try:
            store, _ = cls._open_writable(path, migrations)
        except (DamagedError, sqlite3.Error, OSError) as exc:
            return cls(path, None, writable=False), translate(
                "history", "{path}: {reason}. It was moved to {name}, but a new history cannot be started ({error})."
            ).format(path=path, reason=reason, name=moved.name, error=exc)
        return store, translate(
            "history", "{path}: {reason}. It was moved to {name}. Starting a new session history."
        ).format(path=path, reason=reason, name=moved.name)

    @classmethod
    def _open_writable(cls, path: Path, migrations: Migrations[SqlMigration]) -> tuple[HistoryStore, str]:
        target = schema.target_version(migrations)
        if path.exists() or path.is_symlink():
            try:
                head = read_head(path, len(SQLITE_HEADER))  # a FIFO here would block SQLite forever
            except DataError as exc:
                raise DamagedError(str(exc).removeprefix(f"{path}: ")) from None
            if head and head != SQLITE_HEADER:
                raise DamagedError(translate("history", "not an SQLite database"))
            if head and path.stat().st_size < 512:
                raise DamagedError(translate("history", "the file is cut short"))
        conn = sqlite3.connect(str(path), timeout=BUSY_TIMEOUT_S, isolation_level=None)
        try:
            version = schema.check(conn)
            if version > target:
                conn.close()
                store, notice = cls.open_read_only(path)
                newer = translate(
                    "history",
                    "{path} was written by a newer version of massage-gui (schema {version}): "
                    "showing it read-only; new sessions are not recorded.",
                ).format(path=path, version=version)
                return store, f"{newer} {notice}".strip()
            if version == 0 and conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]:
                raise DamagedError(translate("history", "not a massage-gui history (it holds other tables)"))
            mode = conn.execute("PRAGMA journal_mode=WAL").fetchone()[0]
            if str(mode).lower() != "wal":
                raise sqlite3.OperationalError(f"cannot switch to WAL mode (got {mode})")
            conn.execute("PRAGMA synchronous=FULL")
            if version < target:
                if version > 0:
                    cls._back_up(conn, path.with_name(f"{path.name}.v{version}.bak"))
                try:
                    schema.migrate(conn, migrations, version)
                except Exception as exc:  # a migration that fails on old data: keep the file, read-only
                    conn.close()
                    store, _ = cls.open_read_only(path)
                    return store, translate(
                        "history",
                        "{path}: cannot upgrade the session history from schema {version} ({error}): "
                        "showing it read-only; new sessions are not recorded.",
                    ).format(path=path, version=version, error=f"{type(exc).__name__}: {exc}")
            present = schema.present_columns(conn)
            missing = schema.missing_columns(present, writable=True)
            if not schema.has_diary(schema.present_columns(conn, "diary")):
                missing.append("diary")
            if missing:
                raise DamagedError(
                    translate("history", "not a massage-gui history (no {columns})").format(columns=", ".join(missing))
                )
            with contextlib.suppress(sqlite3.Error):  # if it cannot be done now, the next start does it
                schema.close_cut_off_sessions(conn)
        except BaseException:
            conn.close()
            raise
        return cls(path, conn, writable=True, columns=schema.select_columns(present)), ""

    @staticmethod
    def _back_up(conn: sqlite3.Connection, target: Path) -> None:
        backup = sqlite3.connect(str(target))
        try:
            conn.backup(backup)
        finally:
            backup.close()

    @classmethod
    def open_read_only(cls, path: Path) -> tuple[HistoryStore, str]:
        """Open without ever creating, upgrading, moving or otherwise changing the file: a missing file
        is an empty history. A file of an older schema is read as it is.

        While the app has the file open its write-ahead log is read too; otherwise the file is read as
        it is, leaving no ``-wal`` or ``-shm`` files behind.
        """
        if not path.exists():
            return cls(path, None, writable=False), ""
        try:
            read_head(path, len(SQLITE_HEADER))  # a FIFO here would block SQLite forever
        except DataError as exc:
            return cls(path, None, writable=False), f"{exc}."
        query = "mode=ro" if path.with_name(path.name + "-wal").exists() else "immutable=1"
        try:
            conn = sqlite3.connect(f"{path.absolute().as_uri()}?{query}", uri=True, isolation_level=None)
        except sqlite3.Error as exc:
            return cls(path, None, writable=False), _cannot_read(path, exc) + "."
        try:
            version = schema.check(conn)
            if version == 0:
                conn.close()
                return cls(path, None, writable=False), ""
            present = schema.present_columns(conn)
            missing = schema.missing_columns(present, writable=False)
            if missing:
                raise sqlite3.DatabaseError(
                    translate("history", "schema {version} has no {columns}").format(
                        version=version, columns=", ".join(missing)
                    )
                )
        except DamagedError as exc:
            conn.close()
            return cls(path, None, writable=False), translate(
                "history",
                "{path}: cannot read the session history ({error}); the app moves it aside when it next starts.",
            ).format(path=path, error=exc)
        except sqlite3.Error as exc:
            conn.close()
            return cls(path, None, writable=False), _cannot_read(path, exc) + "."
        diary = schema.has_diary(schema.present_columns(conn, "diary"))
        return cls(path, conn, writable=False, columns=schema.select_columns(present), diary=diary), ""

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
        fields = STORED_FIELDS[1:]
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
        fields = STORED_FIELDS[1:]
        values = [getattr(record, name) for name in fields]
        with self._transaction() as conn:
            cursor = conn.execute(
                f"UPDATE sessions SET {', '.join(f'{name} = ?' for name in fields)} WHERE id = ?",
                [*values, record.id],
            )
            return cursor.rowcount > 0

    def delete_session(self, session_id: int) -> bool:
        """Delete one session; a diary entry noted after it is kept, no longer tied to a session."""
        with self._transaction() as conn:
            conn.execute("UPDATE diary SET session_id = NULL WHERE session_id = ?", (session_id,))
            return conn.execute("DELETE FROM sessions WHERE id = ?", (session_id,)).rowcount > 0

    def delete_all(self) -> int:
        """Delete every session (the diary is kept); returns how many there were."""
        with self._transaction() as conn:
            conn.execute("UPDATE diary SET session_id = NULL")
            return conn.execute("DELETE FROM sessions").rowcount

    def add_diary_entry(self, entry: DiaryEntry) -> int:
        """Insert a diary row with the entry's values (its ``id`` is ignored); returns the new id."""
        fields = DIARY_FIELDS[1:]
        with self._transaction() as conn:
            cursor = conn.execute(
                f"INSERT INTO diary ({', '.join(fields)}) VALUES ({', '.join('?' * len(fields))})",
                [getattr(entry, name) for name in fields],
            )
            new_id = cursor.lastrowid
        if new_id is None:
            raise DataError(translate("history", "{path}: the new diary entry got no id").format(path=self.path))
        return new_id

    def update_diary_entry(self, entry: DiaryEntry) -> bool:
        """Write every value of the diary row ``entry.id``; False if that row is gone."""
        fields = DIARY_FIELDS[1:]
        with self._transaction() as conn:
            cursor = conn.execute(
                f"UPDATE diary SET {', '.join(f'{name} = ?' for name in fields)} WHERE id = ?",
                [*(getattr(entry, name) for name in fields), entry.id],
            )
            return cursor.rowcount > 0

    def delete_diary_entry(self, entry_id: int) -> bool:
        with self._transaction() as conn:
            return conn.execute("DELETE FROM diary WHERE id = ?", (entry_id,)).rowcount > 0

    def delete_diary(self) -> int:
        """Delete every diary entry (the sessions are kept); returns how many there were."""
        with self._transaction() as conn:
            return conn.execute("DELETE FROM diary").rowcount

    # -- reading ---------------------------------------------------------------------------------------

    def sessions(self) -> list[SessionRecord]:
        """Every session, newest first (rows with values of the wrong type are left out)."""
        if self._conn is None:
            return []
        try:
            rows = self._conn.execute(
                f"SELECT {self._columns} FROM sessions ORDER BY started_utc DESC, id DESC"
            ).fetchall()
        except sqlite3.Error as exc:
            raise DataError(_cannot_read(self.path, exc)) from None
        return [record for record in map(record_from_row, rows) if record is not None]

    def get(self, session_id: int) -> SessionRecord | None:
        if self._conn is None:
            return None
        row = self._conn.execute(f"SELECT {self._columns} FROM sessions WHERE id = ?", (session_id,)).fetchone()
        return None if row is None else record_from_row(row)

    def finished_since(self, since_utc: str) -> list[SessionRecord]:
        """The finished sessions that started at ``since_utc`` (ISO 8601 in UTC) or later."""
        if self._conn is None:
            return []
        try:
            rows = self._conn.execute(
                f"SELECT {self._columns} FROM sessions WHERE started_utc >= ? ORDER BY started_utc, id", (since_utc,)
            ).fetchall()
        except sqlite3.Error as exc:
            raise DataError(_cannot_read(self.path, exc)) from None
        return [r for r in map(record_from_row, rows) if r is not None and r.finished]

    def diary_entries(self) -> list[DiaryEntry]:
        """Every diary entry, newest first (rows with values of the wrong type are left out); none for a
        file from before the diary."""
        if self._conn is None or not self.has_diary:
            return []
        try:
            rows = self._conn.execute(
                f"SELECT {', '.join(DIARY_FIELDS)} FROM diary ORDER BY noted_utc DESC, id DESC"
            ).fetchall()
        except sqlite3.Error as exc:
            raise DataError(_cannot_read(self.path, exc)) from None
        return [entry for entry in map(entry_from_row, rows) if entry is not None]

    def minutes_per_day(self, first: dt.date, last: dt.date) -> list[tuple[dt.date, float]]:
        return minutes_per_day(self.sessions(), first, last)

    def streaks(self, today: dt.date) -> Streaks:
        return streaks(self.sessions(), today)

    def totals_per_routine(self) -> list[RoutineTotal]:
        return totals_per_routine(self.sessions())


def _cannot_read(path: Path | None, exc: Exception) -> str:
    return translate("history", "{path}: cannot read the session history ({error})").format(path=path, error=exc)
