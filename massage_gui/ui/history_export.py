"""Writing the history's exports: the sessions to the file the user chose, the diary to one beside it."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import QCoreApplication

from massage_gui.core.atomic import atomic_write_text
from massage_gui.core.diary import DiaryEntry
from massage_gui.core.history.export import diary_to_csv, diary_to_json, records_to_csv, records_to_json
from massage_gui.core.history.records import SessionRecord


def diary_path(path: Path) -> Path:
    """Where the diary goes beside the sessions' file: 'history.csv' -> 'history-diary.csv'."""
    return path.with_name(f"{path.stem}-diary{path.suffix}")


def write_exports(
    path: Path, kind: str, records: Sequence[SessionRecord], entries: Sequence[DiaryEntry]
) -> Path | None:
    """Write the sessions to ``path`` and, if there are diary entries, the diary beside it (``diary_path``),
    each atomically, as ``kind`` ('csv' or 'json'); returns the diary's file, if written. Raises DataError
    naming the file that could not be written."""
    # A byte-order mark lets spreadsheet programs see a CSV as UTF-8 (names with accents).
    if kind == "json":
        sessions, diary = records_to_json(records), diary_to_json(entries)
    else:
        sessions, diary = "\ufeff" + records_to_csv(records), "\ufeff" + diary_to_csv(entries)
    atomic_write_text(path, sessions)
    if not entries:
        return None
    atomic_write_text(diary_path(path), diary)
    return diary_path(path)


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
