"""Crash-safe file writes: temporary file in the same folder, flush, fsync, then atomic replace."""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import stat
import tempfile
import time
from pathlib import Path

from massage_gui.core.errors import DataError
from massage_gui.core.paths import check_folder
from massage_gui.core.readfile import kind_of

REPLACE_RETRIES = 5
REPLACE_RETRY_DELAY_S = 0.05


def _replace(source: str, target: Path) -> None:
    """os.replace, retried briefly: on Windows a reader or virus scanner can hold the target open."""
    for attempt in range(REPLACE_RETRIES):
        try:
            os.replace(source, target)
            return
        except PermissionError:
            if os.name != "nt" or attempt == REPLACE_RETRIES - 1:
                raise
            time.sleep(REPLACE_RETRY_DELAY_S)


def _fsync_dir(folder: Path) -> None:
    if os.name == "nt":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _mode_for(path: Path) -> int:
    """Keep an existing file's permissions; a new file gets the usual 0o666 less the umask."""
    try:
        return path.stat().st_mode & 0o7777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def check_target(path: Path) -> None:
    """Refuse what a replace would destroy or a write cannot reach: a target that exists and is not a
    regular file (a device such as /dev/full, a FIFO, a socket, a folder; through a link too), and a folder
    that does not exist. Folders are never made here: the app makes its own (AppPaths.create_folders);
    a missing folder in a path the user typed is a typing mistake, not a request to create it."""
    try:
        mode = os.stat(path).st_mode
    except FileNotFoundError:
        pass  # absent, or a link to nothing (replaced by the file, as before)
    except NotADirectoryError:
        check_folder(path.parent, advice="")
        raise DataError(f"{path}: cannot write (a folder in its path is a file)") from None
    except OSError as exc:
        raise DataError(f"{path}: cannot write ({exc.strerror or exc})") from None
    else:
        if not stat.S_ISREG(mode):
            raise DataError(f"{path}: is {kind_of(mode)}, not a regular file; not replacing it")
        return
    if not path.parent.is_dir():
        check_folder(path.parent, advice="")
        raise DataError(f"{path}: the folder {path.parent} does not exist")


def atomic_write_bytes(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` so that it holds either the old or the new content, never a mix.

    Raises DataError naming the file if anything fails; the old file is then untouched. The folder must
    exist, and ``path``, if it exists, must be a regular file.
    """
    folder = path.parent
    check_target(path)
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise DataError(f"{path}: cannot write ({exc.strerror or exc})") from None
    try:
        with os.fdopen(fd, "wb") as handle:
            if os.name != "nt":
                os.fchmod(handle.fileno(), _mode_for(path))  # mkstemp makes files private (0o600)
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        _replace(tmp, path)
        _fsync_dir(folder)
    except OSError as exc:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise DataError(f"{path}: cannot write ({exc.strerror or exc})") from None


def remove_stale_temp_files(path: Path, older_than_s: float) -> None:
    """Delete the temporary files that writes of ``path`` or ``path.bak`` killed before their replace left
    behind (``.NAME.*.tmp`` beside it), if older than ``older_than_s``: a younger one may be another
    program's write in progress."""
    prefix = f".{path.name}."
    cutoff = time.time() - older_than_s
    try:
        entries = list(os.scandir(path.parent))
    except OSError:
        return
    for entry in entries:
        if entry.name.startswith(prefix) and entry.name.endswith(".tmp"):
            with contextlib.suppress(OSError):
                if entry.is_file(follow_symlinks=False) and entry.stat(follow_symlinks=False).st_mtime < cutoff:
                    os.unlink(entry.path)


def atomic_write_text(path: Path, text: str) -> None:
    atomic_write_bytes(path, text.encode("utf-8"))


def utc_stamp() -> str:
    """Now in UTC, compact and sortable, for the names of files moved aside: ``20240501T073000123456Z``."""
    return dt.datetime.now(dt.timezone.utc).strftime("%Y%m%dT%H%M%S%fZ")


def move_aside(path: Path, companions: tuple[str, ...] = ()) -> Path | None:
    """Rename a damaged file to ``NAME.bad-<UTC time>`` so that nothing is lost; None if it cannot be moved.

    Each ``companions`` suffix names a file that belongs to it (SQLite's ``-wal``): moved along with it.
    """
    target = path.with_name(f"{path.name}.bad-{utc_stamp()}")
    try:
        os.replace(path, target)
    except OSError:
        return None
    for suffix in companions:
        with contextlib.suppress(OSError):
            companion = path.with_name(path.name + suffix)
            if companion.exists():
                os.replace(companion, target.with_name(target.name + suffix))
    return target
