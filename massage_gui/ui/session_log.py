"""The window's session log (core/history/), opened once the window is on screen or a session starts.

Loading SQLite and opening the file take 16 ms and 2.4 MiB (measured) that the first frame does not need, so
the log opens just after it: at a timer started with the window, or at once when a session starts first (its
first events are then handed over, so nothing goes unrecorded), or when something asks for it (the
reminders, which must know whether today's session is done)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer

if TYPE_CHECKING:
    from massage_gui.core.app_state import SessionUpdate
    from massage_gui.core.history import HistoryStore
    from massage_gui.ui.history_recorder import HistoryRecorderBridge
    from massage_gui.ui.main_window import MainWindow

OPEN_AFTER_MS = 300  # after the first frame, well before anyone can ask for the log by hand


class SessionLog(QObject):
    """Opens the history for ``window`` once, records its sessions, and offers the diary after each."""

    def __init__(self, path: Path, window: MainWindow) -> None:
        super().__init__(window)
        self._path = path
        self._window = window
        self._store: HistoryStore | None = None
        self._bridge: HistoryRecorderBridge | None = None
        self._disconnect = window.state.events.session.connect(self._on_state_session)
        self.destroyed.connect(lambda: self._disconnect())

    def open_soon(self) -> None:
        QTimer.singleShot(OPEN_AFTER_MS, self, self.open)

    def open(self) -> HistoryStore:
        """Open the log now if it is not yet open; a notice tells of a file that was recovered or is read-only."""
        if self._store is not None:
            return self._store
        from massage_gui.core.history import HistoryStore
        from massage_gui.ui.history_recorder import HistoryRecorderBridge

        self._disconnect()
        window = self._window
        store, notice = HistoryStore.open(self._path)
        self._store = store
        window.dialogs.history = store
        # Recorded here, not in MainWindow: pictures and tests build windows that must not log sessions.
        bridge = HistoryRecorderBridge(store, window.state, parent=window)
        bridge.write_failed.connect(window.set_notice)
        bridge.session_ended.connect(window.dialogs.offer_diary)  # the diary, after a session
        window.dialogs.history_bridge = self._bridge = bridge
        if notice:
            window.set_notice(notice)
        return store

    def close(self) -> None:
        if self._store is not None:
            self._store.close()

    def _on_state_session(self, update: SessionUpdate) -> None:
        if update.events:  # a session started before the timer: open now and record it from its start
            self.open()
            assert self._bridge is not None
            self._bridge.take_events(update.events)
