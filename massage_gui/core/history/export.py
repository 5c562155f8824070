"""The session log and the diary as files for people and other programs: CSV and JSON, one row or object each."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from massage_gui.core.atomic import atomic_write_text
from massage_gui.core.diary import DIARY_FIELDS, DiaryEntry
from massage_gui.core.history.records import RECORD_FIELDS, SessionRecord


def records_to_json(records: Iterable[SessionRecord]) -> str:
    """A JSON list of objects with the record's exported fields (``RECORD_FIELDS``)."""
    return json.dumps([record.to_json() for record in records], indent=2, ensure_ascii=False) + "\n"


def _csv_value(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value) if not isinstance(value, float) else repr(value)


def records_to_csv(records: Iterable[SessionRecord]) -> str:
    """CSV (RFC 4180 line ends) with a header of the exported field names; booleans as true/false, a
    missing end time as an empty cell."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(RECORD_FIELDS)
    for record in records:
        writer.writerow([_csv_value(getattr(record, name)) for name in RECORD_FIELDS])
    return out.getvalue()


def diary_to_json(entries: Iterable[DiaryEntry]) -> str:
    """A JSON list of diary entries, one object each with every field (``DIARY_FIELDS``); a measurement
    not taken is null."""
    return json.dumps([entry.to_json() for entry in entries], indent=2, ensure_ascii=False) + "\n"


def diary_to_csv(entries: Iterable[DiaryEntry]) -> str:
    """CSV (RFC 4180 line ends) with a header of the field names; a measurement not taken or a diary entry
    not tied to a session is an empty cell."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(DIARY_FIELDS)
    for entry in entries:
        writer.writerow([_csv_value(getattr(entry, name)) for name in DIARY_FIELDS])
    return out.getvalue()


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
