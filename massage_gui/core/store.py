"""Versioned JSON files that cannot lose data: backups, registered migrations, corrupt files moved aside."""

from __future__ import annotations

import contextlib
import copy
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Generic, TypeVar

from massage_gui.core.atomic import atomic_write_bytes, move_aside, remove_stale_temp_files, utc_stamp
from massage_gui.core.errors import DataError
from massage_gui.core.filelock import file_lock
from massage_gui.core.migrations import Migrations
from massage_gui.core.paths import make_private_folder
from massage_gui.core.readfile import read_regular_file
from massage_gui.core.strictjson import loads_strict

T = TypeVar("T")
Migration = Callable[[dict[str, Any]], dict[str, Any]]
MAX_FILE_BYTES = 4 * 1024 * 1024
STALE_TEMP_S = 10.0  # a temporary file older than this was left by a killed save, not one in progress


@dataclass(frozen=True)
class Loaded(Generic[T]):
    """What a load found: the value, whether it may be saved over, a notice for the user (or ''), and whether
    the file was written by a newer version (left as it is, not damaged)."""

    value: T
    writable: bool = True
    notice: str = ""
    newer: bool = False


@dataclass(frozen=True)
class Decoded(Generic[T]):
    """What a file's bytes hold: the value, the file's version, what a lenient parse put right, and what
    it left out of the value (parts that cannot be read, such as one damaged favourite)."""

    value: T
    version: int
    problems: list[str] = field(default_factory=list)
    left_out: list[str] = field(default_factory=list)


@dataclass
class DocumentKind(Generic[T]):
    """How one kind of file is read and written: its schema name, version, migrations and codec.

    ``migrations[n]`` turns the data of version n into version n + 1; each runs on a copy.
    """

    schema: str
    version: int
    parse: Callable[[Any], T]
    dump: Callable[[T], dict[str, Any]]
    default: Callable[[], T]
    migrations: Migrations[Migration] = field(default_factory=Migrations)
    # merge(base, ours, theirs): how to combine our unsaved value with a file another program changed
    # since we read it (base: the value we read). None: the last writer wins.
    merge: Callable[[T, T, T], T] | None = None
    problems: Callable[[dict[str, Any]], list[str]] = lambda _body: []
    repair_note: str = "reset to the defaults"  # what the lenient parse did about ``problems``
    # read(body): the value, the problems put right and the parts left out, in one pass (instead of
    # ``parse`` and ``problems``). A file with parts left out is kept as it was before it is saved over.
    read: Callable[[dict[str, Any]], tuple[T, list[str], list[str]]] | None = None

    def migration(self, from_version: int) -> Callable[[Migration], Migration]:
        """Register the decorated function as the step from ``from_version`` to the next version."""
        return self.migrations.register(from_version)

    def decode(self, raw: bytes, what: str) -> tuple[T, int, list[str]]:
        """Parse file bytes to a value, migrating old versions: the value, the file's version, and the
        problems a lenient parse put right (values reset to defaults, parts left out)."""
        decoded = self.read_bytes(raw, what)
        return decoded.value, decoded.version, [*decoded.left_out, *decoded.problems]

    def read_bytes(self, raw: bytes, what: str) -> Decoded[T]:
        """Parse file bytes, migrating old versions; DataError if they hold no value of this kind."""
        data = loads_strict(raw, max_bytes=MAX_FILE_BYTES, what=what)
        if not isinstance(data, dict) or data.get("schema") != self.schema:
            raise DataError(f"{what}: not a {self.schema} file")
        version = data.get("schema_version")
        if isinstance(version, bool) or not isinstance(version, int) or version < 1:
            raise DataError(f"{what}: schema_version must be a whole number from 1")
        if version > self.version:
            return Decoded(self.default(), version)
        body = data.get("data")
        if not isinstance(body, dict):
            raise DataError(f"{what}: data must be an object")
        body = copy.deepcopy(body)
        for v in range(version, self.version):
            if v not in self.migrations:
                raise DataError(f"{what}: no migration from version {v}")
            try:
                body = self.migrations[v](body)
            except Exception as exc:  # old data the step did not expect: a damaged file, not a crash
                raise DataError(f"{what}: cannot migrate from version {v} ({type(exc).__name__}: {exc})") from None
            if not isinstance(body, dict):
                raise DataError(f"{what}: cannot migrate from version {v} (the step gave no object)")
        try:
            if self.read is None:
                return Decoded(self.parse(body), version, self.problems(body))
            value, problems, left_out = self.read(body)
            return Decoded(value, version, problems, left_out)
        except DataError as exc:
            raise DataError(f"{what}: {exc}") from None

    def encode(self, value: T) -> bytes:
        import json

        document = {"schema": self.schema, "schema_version": self.version, "data": self.dump(value)}
        text = json.dumps(document, indent=2, ensure_ascii=False, sort_keys=False) + "\n"
        try:
            return text.encode("utf-8")
        except UnicodeEncodeError:  # an unpaired surrogate (read from a \ud800 escape) cannot be UTF-8
            raise DataError(f"{self.schema}: cannot save text with an unpaired surrogate") from None


def printable(text: str) -> str:
    """``text`` on one line: every character ``str.isprintable`` refuses written as its Python escape."""
    return "".join(c if c.isprintable() else repr(c)[1:-1] for c in text)


def _detail(path: Path, message: str) -> str:
    """A message about ``path`` without the path it may start with (the store's notices put it first)."""
    name = str(path)
    if message.startswith(f"{name}: "):
        return message[len(name) + 2 :]
    if message.startswith(f"{name} "):
        return message[len(name) + 1 :]
    return message


class Store(Generic[T]):
    """One file of one kind, with ``<name>.bak`` beside it holding the last good version.

    Every change to the files (save, moving a damaged file aside) happens under an OS lock on
    ``<name>.lock``, so that programs saving at once (the window and ``massage-gui import``) take turns:
    each reads what the other wrote, merges, and replaces, and no change is lost. The lock is a separate
    file, not the data file itself, because a save replaces the data file with a new one: a lock held on
    the old file would not stop a program that opens the new one. The lock file is never replaced or
    deleted, so everyone locks the same file. ``make_folder``: create the folder (private) if missing;
    the app's own stores do, a store anywhere else needs its folder to exist.

    ``writable`` is False, and ``unwritable`` says why in one line, while the file must not be saved over:
    it was written by a newer version, or it is damaged and was read without repair (the command line
    never repairs: the app moves a damaged file aside first, so nothing of it is lost).
    """

    def __init__(self, path: Path, kind: DocumentKind[T], *, make_folder: bool = False) -> None:
        self.path = path
        self.kind = kind
        self.backup = path.with_name(path.name + ".bak")
        self.lock_path = path.with_name(path.name + ".lock")
        self.make_folder = make_folder
        self.writable = True
        self.unwritable = ""
        self._repair = True  # as the last load was asked: may a damaged file be moved aside
        self._read_bytes: dict[Path, bytes] = {}
        self._last_raw: bytes | None = None  # what the last _read found, even if it did not decode
        self._known: bytes | None = None  # the file's content as we last read or wrote it
        self._base: T | None = None  # the value that content holds
        self.value: T | None = None  # the value last loaded or saved (after any merge)

    def _read(self, path: Path) -> Decoded[T]:
        self._last_raw = None
        raw = read_regular_file(path, MAX_FILE_BYTES)
        self._last_raw = raw
        decoded = self.kind.read_bytes(raw, str(path))
        if decoded.version > self.kind.version:
            raise _NewerVersionError(decoded.version)
        self._read_bytes[path] = raw
        return decoded

    def _notice(self, path: Path, decoded: Decoded[T]) -> str:
        if not decoded.problems and not decoded.left_out:
            return ""
        note = f": {self.kind.repair_note}" if self.kind.repair_note and decoded.problems else ""
        return f"{path}: {'; '.join([*decoded.left_out, *decoded.problems])}{note}."

    def load(self, *, repair: bool = True) -> Loaded[T]:
        """Read the file; on damage move it aside (unless ``repair`` is False, for read-only callers such
        as the command line) and fall back to the backup, then to defaults. Parts of it that cannot be
        read (one bad favourite) are left out of the value: then, with ``repair``, the file as it was is
        copied aside and what could be read is saved in its place; without, the file is left as it is and
        not saved over."""
        self._read_bytes.clear()
        loaded = self._load(repair)
        if not loaded.notice.isprintable():  # a message quoting the file's text: keep the notice one line
            loaded = replace(loaded, notice=printable(loaded.notice))
        self._known = self._read_bytes.get(self.path)
        self._base = self.value = loaded.value
        return loaded

    def _current_raw(self) -> bytes | None:
        try:
            return read_regular_file(self.path, MAX_FILE_BYTES)
        except DataError:
            return None

    def _move_aside_damaged(self) -> tuple[bool, Path | None]:
        """Move the damaged file aside under the lock, unless another program replaced it since we read it
        (then (True, None): load again). Without a lock to be had (a full disk) it is moved all the same."""
        damaged = self._last_raw
        try:
            with file_lock(self.lock_path):
                if self._current_raw() != damaged:
                    return True, None
                return False, move_aside(self.path)
        except DataError:
            return False, move_aside(self.path)

    def _keep(self, path: Path, raw: bytes) -> Path:
        """Copy a file's bytes aside as ``<name>.bad-<UTC time>`` (DataError if that cannot be done)."""
        kept = path.with_name(f"{path.name}.bad-{utc_stamp()}")
        atomic_write_bytes(kept, raw)
        return kept

    def _repair_left_out(self, decoded: Decoded[T]) -> tuple[bool, str]:
        """Keep the file read (which held parts that could not be read) as it was, and save what could be
        read in its place, under the lock, unless another program replaced it since we read it (then
        (True, ''): load again). Returns (False, what the notice adds)."""
        raw = self._last_raw
        assert raw is not None
        try:
            with file_lock(self.lock_path):
                if self._current_raw() != raw:
                    return True, ""
                kept = self._keep(self.path, raw)
                with contextlib.suppress(DataError):  # else the next save does it (and keeps the file again)
                    data = self.kind.encode(decoded.value)
                    atomic_write_bytes(self.path, data)
                    self._read_bytes[self.path] = data
        except DataError as exc:  # nothing saved over it: say so, and save nothing over it later either
            self._refuse(f"{self.path}: cannot keep it as it was ({_detail(self.path, str(exc))}): not saving over it")
            return False, f" It could not be kept as it was ({exc}), so nothing is saved over it."
        return False, f" The file as it was is kept as {kept.name}."

    def _refuse(self, why: str) -> None:
        self.writable, self.unwritable = False, why

    def _damaged(self, message: str, path: Path | None = None) -> str:
        path = path or self.path
        return f"{path}: damaged ({_detail(path, message)}); the app repairs it when it starts"

    def _from_backup(self, repair: bool) -> tuple[T, str] | None:
        """The backup's value, and what the notice adds about parts of it left out; None if it is not there
        or cannot be read. Left-out parts are kept (the backup copied aside) or, without ``repair``, make
        the store read-only: a save would soon write over the backup."""
        if not self.backup.exists():
            return None
        try:
            decoded = self._read(self.backup)
        except (DataError, _NewerVersionError):
            return None
        if not decoded.left_out:
            return decoded.value, ""
        left_out = "; ".join(decoded.left_out)
        if not repair:
            if self.writable:  # the file itself was fine (missing): the backup is why
                self._refuse(self._damaged(left_out, self.backup))
            return decoded.value, f" {self.backup.name}: {left_out}."
        try:
            kept = self._keep(self.backup, self._read_bytes[self.backup])
        except DataError as exc:
            self._refuse(f"{self.backup}: cannot keep it as it was ({_detail(self.backup, str(exc))})")
            return decoded.value, f" {self.backup.name}: {left_out}; it could not be kept as it was ({exc})."
        return decoded.value, f" {self.backup.name}: {left_out}; it is kept as {kept.name}."

    def _load(self, repair: bool, again: bool = True) -> Loaded[T]:
        self.writable, self.unwritable, self._repair = True, "", repair
        if not self.path.exists():
            if again and self.backup.exists() and self.path.exists():
                # Another program saved it since the first look: a save writes the backup only while the file is
                # there, and never removes the file, so a backup seen with no file means the file came meanwhile.
                return self._load(repair, again=False)
            backup = self._from_backup(repair)
            if backup is None:
                return Loaded(self.kind.default(), self.writable)
            value, more = backup
            return Loaded(value, self.writable, f"{self.path}: missing: using the backup {self.backup.name}.{more}")
        try:
            decoded = self._read(self.path)
        except _NewerVersionError as newer:
            self._refuse(f"{self.path}: written by a newer version of massage-gui (schema {newer.version})")
            return Loaded(
                self.kind.default(),
                writable=False,
                notice=(
                    f"{self.path}: written by a newer version of massage-gui (schema {newer.version}): "
                    "using defaults for now and leaving the file untouched."
                ),
                newer=True,
            )
        except DataError as exc:
            return self._load_damaged(exc, repair, again)
        notice = self._notice(self.path, decoded)
        if decoded.left_out and not repair:
            self._refuse(self._damaged("; ".join(decoded.left_out)))
        elif decoded.left_out:
            replaced, more = self._repair_left_out(decoded)
            if replaced and again:
                return self._load(repair, again=False)
            notice += more
        return Loaded(decoded.value, self.writable, notice)

    def _load_damaged(self, exc: DataError, repair: bool, again: bool) -> Loaded[T]:
        if not repair:
            self._refuse(self._damaged(str(exc)))
        replaced, moved = self._move_aside_damaged() if repair else (False, None)
        if replaced and again:
            return self._load(repair, again=False)
        damage = f"{self.path}: {_detail(self.path, str(exc))}.{f' It was moved to {moved.name}.' if moved else ''}"
        backup = self._from_backup(repair)
        if backup is not None:
            value, more = backup
            return Loaded(value, self.writable, f"{damage} Using the backup {self.backup.name}.{more}")
        return Loaded(self.kind.default(), self.writable, f"{damage} Starting from defaults.")

    def save(self, value: T) -> bool:
        """Write atomically, keeping the previous good file as the backup. False if the file is newer.

        If another program changed the file since we read it and the kind can merge, the two are merged
        (``self.value`` then holds what was written)."""
        if not self.writable:
            return False
        if self.make_folder:
            make_private_folder(self.path.parent)
        elif not self.path.parent.is_dir():
            raise DataError(f"{self.path}: the folder {self.path.parent} does not exist")
        with file_lock(self.lock_path):
            return self._save_locked(value)

    def remove(self) -> None:
        """Delete the file and its backup, under the lock (a file that is only kept for a while, such as the
        diary's draft, once it is done with). DataError naming the file that cannot be removed."""
        with file_lock(self.lock_path):
            for path in (self.path, self.backup):
                try:
                    path.unlink(missing_ok=True)
                except OSError as exc:
                    raise DataError(f"{path}: cannot be removed ({exc.strerror or exc})") from None
        self._known = self._base = self.value = None

    def _save_locked(self, value: T) -> bool:
        remove_stale_temp_files(self.path, STALE_TEMP_S)
        previous: bytes | None = None
        theirs: T | None = None
        damage = ""
        keep = False  # the file holds parts that cannot be read: copy it aside, do not make it the backup
        if self.path.exists():
            try:
                previous = read_regular_file(self.path, MAX_FILE_BYTES)
            except DataError:  # unreadable, or no regular file: the write below never replaces a FIFO or device
                previous = None
        if previous is not None:
            try:
                decoded = self.kind.read_bytes(previous, str(self.path))
            except DataError as exc:  # damaged since we read it: never saved over unkept, never backed up
                if not self._repair:
                    raise DataError(self._damaged(str(exc))) from None
                previous, damage = None, str(exc)
            else:
                if decoded.version > self.kind.version:
                    self._refuse(f"{self.path}: written by a newer version of massage-gui (schema {decoded.version})")
                    return False
                if decoded.left_out and not self._repair:
                    raise DataError(self._damaged("; ".join(decoded.left_out)))
                theirs, keep = decoded.value, bool(decoded.left_out)
        merge, base = self.kind.merge, self._base
        # A store that never read the file has no base to merge from: its value is the whole new content.
        if merge is not None and base is not None and theirs is not None and previous != self._known:
            value = merge(base, value, theirs)
        data = self.kind.encode(value)
        if len(data) > MAX_FILE_BYTES:  # it could not be read back: the next load would count it damaged
            raise DataError(
                f"{self.path}: not saved: it would be {len(data)} bytes, more than the {MAX_FILE_BYTES} a file may hold"
            )
        if damage and move_aside(self.path) is None:
            raise DataError(f"{self.path}: damaged ({_detail(self.path, damage)}) and cannot be moved aside: not saved")
        if keep and previous is not None:
            self._keep(self.path, previous)
        elif previous is not None and previous != data:
            atomic_write_bytes(self.backup, previous)
        atomic_write_bytes(self.path, data)
        self._known, self._base, self.value = data, value, value
        return True


class _NewerVersionError(Exception):
    def __init__(self, version: int) -> None:
        super().__init__(version)
        self.version = version
