"""The session log as files for people and other programs: CSV and JSON with the record's exported fields."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable
from typing import Any

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
