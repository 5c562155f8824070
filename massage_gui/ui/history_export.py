"""What the history's export says it saved (the writing is core/history/export.py's write_exports)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication


def saved_text(path: Path, sessions: int, diary: Path | None, entries: int, number: Callable[[int], str]) -> str:
    """What was saved where, in a sentence."""
    if sessions == 1:
        first = QCoreApplication.translate("HistoryView", "Saved 1 session to {name}.").format(name=path.name)
    else:
        first = QCoreApplication.translate("HistoryView", "Saved {count} sessions to {name}.")
        first = first.format(count=number(sessions), name=path.name)
    if diary is None:
        return first
    if entries == 1:
        second = QCoreApplication.translate("HistoryView", "Saved 1 diary entry to {name}.").format(name=diary.name)
    else:
        second = QCoreApplication.translate("HistoryView", "Saved {count} diary entries to {name}.")
        second = second.format(count=number(entries), name=diary.name)
    return f"{first} {second}"
