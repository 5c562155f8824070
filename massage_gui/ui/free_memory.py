"""Gives the C heap's free pages back to the system when a session ends (glibc's malloc_trim).

A session draws, plays and speaks for minutes; what it allocated and let go stays in the heap, where glibc
returns to the system only what lies at its top. The app may then sit for hours in the tray waiting for the
next reminder, so once a session has finished or stopped, the free pages in the middle go back too: 1.1 to
1.5 MiB after the neck routine (docs/architecture.md). Elsewhere than on glibc nothing is done.
"""

from __future__ import annotations

import os

__all__ = ["release_free_memory"]


def _glibc() -> bool:
    try:
        return os.confstr("CS_GNU_LIBC_VERSION") is not None
    except (AttributeError, ValueError, OSError):  # not a glibc system (or no confstr at all)
        return False


def release_free_memory() -> bool:
    """Return the heap's free pages to the system; False where the C library cannot (not glibc)."""
    if not _glibc():
        return False
    import ctypes  # loaded by the sound on Linux already; only here otherwise

    ctypes.CDLL("libc.so.6").malloc_trim(0)
    return True
