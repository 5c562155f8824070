"""An exclusive OS file lock (fcntl.flock on POSIX, msvcrt.locking on Windows) shared between programs."""

from __future__ import annotations

import contextlib
import errno
import os
import sys
import time
from collections.abc import Iterator
from pathlib import Path

from massage_gui.core.errors import DataError

LOCK_TIMEOUT_S = 15.0
_FIRST_WAIT_S = 0.002
_LONGEST_WAIT_S = 0.05

if sys.platform == "win32":
    import msvcrt

    def _try_lock(fd: int) -> bool:
        os.lseek(fd, 0, os.SEEK_SET)  # msvcrt locks bytes from the current position: always byte 0
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True

    def _unlock(fd: int) -> None:
        os.lseek(fd, 0, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)

else:
    import fcntl

    # flock, not lockf: a flock lock belongs to the open file, so two stores in one program exclude each
    # other too, and closing some other descriptor of the file does not drop it (as it would a lockf lock).
    def _try_lock(fd: int) -> bool:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        except OSError as exc:  # a file system without locks (some network shares): write as before
            if exc.errno in (errno.ENOLCK, errno.EOPNOTSUPP, errno.ENOSYS):
                return True
            raise
        return True

    def _unlock(fd: int) -> None:
        with contextlib.suppress(OSError):  # closing the file lets go of the lock anyway
            fcntl.flock(fd, fcntl.LOCK_UN)


@contextlib.contextmanager
def file_lock(path: Path, timeout_s: float = LOCK_TIMEOUT_S) -> Iterator[None]:
    """Hold an exclusive lock on ``path`` (created empty if absent, never deleted) while the block runs.

    Waits up to ``timeout_s`` for another program to let go; raises DataError naming the file if the lock
    file cannot be made or the wait is too long. A killed holder's lock is released by the OS.
    """
    try:
        fd = os.open(path, os.O_RDWR | os.O_CREAT | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_BINARY", 0), 0o666)
    except OSError as exc:
        raise DataError(f"{path}: cannot make the lock file ({exc.strerror or exc})") from None
    try:
        _wait_for_lock(fd, path, timeout_s)
        try:
            yield
        finally:
            _unlock(fd)
    finally:
        os.close(fd)


def _wait_for_lock(fd: int, path: Path, timeout_s: float) -> None:
    deadline = time.monotonic() + timeout_s
    wait = _FIRST_WAIT_S
    while True:
        try:
            if _try_lock(fd):
                return
        except OSError as exc:
            raise DataError(f"{path}: cannot lock ({exc.strerror or exc})") from None
        if time.monotonic() > deadline:
            raise DataError(f"{path}: another program kept this file locked for {timeout_s:g} s; try again")
        time.sleep(wait)
        wait = min(wait * 2, _LONGEST_WAIT_S)
