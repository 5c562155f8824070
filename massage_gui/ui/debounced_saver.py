"""Saves a value to its store shortly after the last change, and at once on quit."""

from __future__ import annotations

from typing import Generic, TypeVar

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal, Slot

from massage_gui.core.errors import DataError
from massage_gui.core.store import Store

T = TypeVar("T")
SAVE_DELAY_MS = 1000


class DebouncedSaver(QObject, Generic[T]):
    """Signals:
    saved(object): the value now on disk (it differs from the one given when another program's changes
        to the file were merged in).
    save_failed(str): a save did not happen; the message names the file and why (the old file is intact).
    """

    saved = Signal(object)
    save_failed = Signal(str)

    def __init__(self, store: Store[T], delay_ms: int = SAVE_DELAY_MS, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._store = store
        self._pending: T | None = None
        self._has_pending = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(delay_ms)
        self._timer.timeout.connect(self._on_timer_timeout)

    @property
    def store(self) -> Store[T]:
        return self._store

    def schedule(self, value: T) -> None:
        self._pending, self._has_pending = value, True
        self._timer.start()

    def flush(self) -> None:
        """Write any pending value now (on quit)."""
        self._timer.stop()
        if not self._has_pending:
            return
        value = self._pending
        self._pending, self._has_pending = None, False
        try:
            written = self._store.save(value)  # type: ignore[arg-type]
        except DataError as exc:
            message = QCoreApplication.translate("DebouncedSaver", "Could not save: {error}")
            self.save_failed.emit(message.format(error=exc))
            return
        if written:
            self.saved.emit(self._store.value)

    @Slot()
    def _on_timer_timeout(self) -> None:
        self.flush()
