"""Gives memory back when a session ends: the hands' pictures, then the C heap's free pages (glibc's malloc_trim).

A session draws, plays and speaks for minutes; what it allocated and let go stays in the heap, where glibc
returns to the system only what lies at its top. The app may then sit for hours in the tray waiting for the
next reminder, so once a session has finished or stopped, the free pages in the middle go back too: 1.1 to
1.5 MiB after the neck routine, and 0.8 MiB more half a second later, once the diary and the last cues that
the end brings are made (docs/architecture.md). Elsewhere than on glibc the heap is left as it is.
"""

from __future__ import annotations

import os

from PySide6.QtCore import QObject, QTimer, Slot

from massage_gui.core.app_state import AppState
from massage_gui.core.tally import SessionSummary
from massage_gui.ui.hands_painter import forget_pictures as forget_hand_pictures

__all__ = ["END_SETTLES_MS", "SessionEndRelease", "release_free_memory"]

# What the end of a session opens and plays (the diary, the last cues) is made and drawn in the half second
# after it, and lets go of as much again: the heap's free pages are given back once more then.
END_SETTLES_MS = 500


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


class SessionEndRelease(QObject):
    """When ``state``'s session finishes or stops: the hands' pictures go and the heap is given back, and again
    END_SETTLES_MS later unless a session has started. (The face view lets its own picture go as the
    session's last frame comes, before this: see FaceView.set_frame.)"""

    def __init__(self, state: AppState, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._state = state
        self._settled_timer = QTimer(self)
        self._settled_timer.setSingleShot(True)
        self._settled_timer.setInterval(END_SETTLES_MS)
        self._settled_timer.timeout.connect(self._on_settled_timer_timeout)
        state.events.ended.connect(self._on_state_ended)

    def _on_state_ended(self, summary: SessionSummary) -> None:
        forget_hand_pictures()
        release_free_memory()
        self._settled_timer.start()

    @Slot()
    def _on_settled_timer_timeout(self) -> None:
        if not self._state.running:
            release_free_memory()
