"""Reading the user's files safely: regular files only (a FIFO or device never blocks or floods), size-capped."""

from __future__ import annotations

import contextlib
import os
import stat
from collections.abc import Iterator
from pathlib import Path

from massage_gui.core.errors import DataError

_KINDS = (
    (stat.S_ISDIR, "a folder"),
    (stat.S_ISFIFO, "a FIFO"),
    (stat.S_ISCHR, "a device"),
    (stat.S_ISBLK, "a device"),
    (stat.S_ISSOCK, "a socket"),
)


def kind_of(mode: int) -> str:
    """What a non-regular file is, in words: 'a FIFO', 'a folder'..."""
    return next((name for test, name in _KINDS if test(mode)), "not a regular file")


@contextlib.contextmanager
def _regular_file(path: Path) -> Iterator[int]:
    """An open descriptor of ``path``, refused (DataError naming it) unless it is a regular file; read errors
    inside the block become DataError too.

    The file is opened non-blocking, so that opening a FIFO with no writer returns at once instead of
    waiting forever; fstat on the open file then refuses it (no gap between a check and the open).
    """
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(path, flags | getattr(os, "O_CLOEXEC", 0))
    except IsADirectoryError:
        raise DataError(f"{path}: is a folder, not a regular file; not reading it") from None
    except OSError as exc:
        raise DataError(f"{path}: cannot read ({exc.strerror or exc})") from None
    try:
        mode = os.fstat(fd).st_mode
        if not stat.S_ISREG(mode):
            raise DataError(f"{path}: is {kind_of(mode)}, not a regular file; not reading it")
        yield fd
    except OSError as exc:
        raise DataError(f"{path}: cannot read ({exc.strerror or exc})") from None
    finally:
        os.close(fd)


READ_CHUNK = 64 * 1024  # os.read allocates what it is asked for before it reads: not the limit (4 MiB) each time


def read_regular_file(path: Path, max_bytes: int) -> bytes:
    """The file's bytes. Raises DataError naming ``path`` if it cannot be read, is not a regular file, or
    holds more than ``max_bytes`` (then only ``max_bytes + 1`` bytes were read, never the whole file)."""
    chunks: list[bytes] = []
    size = 0
    with _regular_file(path) as fd:
        while size <= max_bytes:
            chunk = os.read(fd, min(READ_CHUNK, max_bytes + 1 - size))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
    if size > max_bytes:
        raise DataError(f"{path}: file is larger than the {max_bytes} bytes allowed")
    return b"".join(chunks)


def read_head(path: Path, count: int) -> bytes:
    """The first ``count`` bytes of a regular file (fewer if it is shorter); DataError as read_regular_file."""
    with _regular_file(path) as fd:
        return os.read(fd, count)
