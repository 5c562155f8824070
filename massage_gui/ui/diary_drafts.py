"""The diary entry being typed when the app is made to quit (logout, shutdown, ``kill``): kept as a draft in the
state folder, and opened again, as it was, at the next start.

A quit from the window asks first (``settle_unsaved``); a SIGTERM cannot wait for an answer, so what the diary
held went with it. Only the diary offered after a session is kept: an entry edited from the History window is
the user's own, already saved, and is left as it was."""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from massage_gui.core.errors import DataError

if TYPE_CHECKING:
    from massage_gui.core.app_files import AppFiles
    from massage_gui.core.history import HistoryStore
    from massage_gui.ui.main_window import MainWindow


class DiaryDrafts:
    """Keeps the window's unsaved diary entry at quit (``keep``) and opens it again at start (``reopen``)."""

    def __init__(self, files: AppFiles, window: MainWindow, open_log: Callable[[], HistoryStore]) -> None:
        self._files = files
        self._window = window
        self._open_log = open_log

    def reopen(self) -> None:
        """Open the diary with the draft, if one was kept (the window shown first: the diary is its dialog)."""
        path = self._files.paths.diary_draft_file
        if not path.exists():  # the usual case: nothing read, nothing imported
            return
        store = self._files.diary_draft()
        loaded = store.load()  # a damaged file is moved aside and told of: never a crash at start
        if loaded.notice:
            self._window.set_notice(loaded.notice)
        if loaded.value.empty:
            self.clear()
            return
        self._open_log()
        dialog = self._window.dialogs.reopen_diary(loaded.value)
        if dialog is None:  # no log to save it in now: kept for a start that has one
            return
        dialog.finished.connect(lambda _result: self.clear())  # saved, or thrown away after the question
        self._window.set_notice(
            QCoreApplication.translate(
                "DiaryDrafts", "The diary entry you were writing when the app was closed is open again."
            )
        )

    def keep(self) -> None:
        """Write what the diary holds unsaved, if anything (the app is quitting)."""
        draft = self._window.dialogs.diary_draft()
        if draft is None or draft.empty:
            return
        try:
            self._files.diary_draft().save(draft)
        except DataError as exc:  # a full disk must not stop the quit
            print(f"massage-gui: could not keep the diary entry being written: {exc}", file=sys.stderr)

    def clear(self) -> None:
        """Remove the draft (and its backup): the entry was saved, or the user threw it away."""
        try:
            self._files.diary_draft().remove()
        except DataError as exc:
            print(f"massage-gui: could not remove the diary draft: {exc}", file=sys.stderr)
