"""One session as the history stores it, its fields, and how a stored row becomes a record."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from massage_gui.core.formatting import wall_time


@dataclass(frozen=True)
class SessionRecord:
    """One session as stored. Times are ISO 8601 in UTC; ``utc_offset_min`` is the local offset when it
    started. ``massaged_s`` counts time inside steps only, pauses excluded. ``finished``: it reached the
    end with every step done (see ``massage_gui.core.tally.SessionSummary``). ``ended_utc`` is None while
    the session runs (or until the app next starts, if it was killed).

    Two more values are kept in the file but are not part of exports (whose shape is fixed) nor of
    comparisons: ``reached_end`` (it ran to the end of its plan, finished or not) and ``updated_utc``
    (when the row was last written, for closing a session cut off by a kill).
    """

    id: int
    started_utc: str
    utc_offset_min: int
    routine_id: str
    routine_name: str
    planned_s: float
    massaged_s: float
    steps_completed: int
    steps_skipped: int
    pace_s: float
    finished: bool
    ended_utc: str | None
    reached_end: bool = field(default=False, compare=False)
    updated_utc: str | None = field(default=None, compare=False)

    @property
    def started(self) -> dt.datetime:
        """The start in the user's local time of that day (an aware datetime)."""
        return wall_time(self.started_utc, self.utc_offset_min)

    @property
    def local_date(self) -> dt.date:
        return self.started.date()

    def to_json(self) -> dict[str, Any]:
        """The exported fields (``RECORD_FIELDS``), in order."""
        return {name: getattr(self, name) for name in RECORD_FIELDS}


# The fields of exports (CSV, JSON, ``massage-gui history --json``), and every column of a row.
RECORD_FIELDS: tuple[str, ...] = tuple(f.name for f in dataclasses.fields(SessionRecord) if f.compare)
STORED_FIELDS: tuple[str, ...] = tuple(f.name for f in dataclasses.fields(SessionRecord))
_NUMBERS = (int, float)


def iso_utc(timestamp: float) -> str:
    """Epoch seconds as ISO 8601 in UTC, to the second: ``2024-05-01T07:30:00+00:00``."""
    return dt.datetime.fromtimestamp(timestamp, dt.timezone.utc).isoformat(timespec="seconds")


def local_utc_offset_min(timestamp: float) -> int:
    """The computer's offset from UTC at ``timestamp``, in minutes (daylight saving included)."""
    offset = dt.datetime.fromtimestamp(timestamp).astimezone().utcoffset()
    return round(offset.total_seconds() / 60) if offset is not None else 0


def epoch_of(iso: str) -> float | None:
    """An ISO 8601 time with an offset as epoch seconds; None if it is not one."""
    try:
        moment = dt.datetime.fromisoformat(iso)
    except ValueError:
        return None
    return moment.timestamp() if moment.tzinfo is not None else None


def record_from_row(row: Sequence[Any]) -> SessionRecord | None:
    """A row of ``STORED_FIELDS`` as a record, or None if a value has the wrong type (a hand-edited or
    damaged row). A row read from a file of schema 1 has None for ``reached_end``: there ``finished``
    meant only that the session reached the end, so the verdict is worked out from the skipped steps."""
    (id_, started, offset, routine_id, name, planned, massaged, done, skipped, pace, finished, ended,
     reached_end, updated) = row  # fmt: skip
    if not (
        type(id_) is int
        and type(started) is str
        and type(offset) is int
        and -24 * 60 < offset < 24 * 60
        and type(routine_id) is str
        and type(name) is str
        and type(planned) in _NUMBERS
        and type(massaged) in _NUMBERS
        and type(done) is int
        and type(skipped) is int
        and type(pace) in _NUMBERS
        and type(finished) is int
        and (ended is None or type(ended) is str)
        and (reached_end is None or type(reached_end) is int)
        and (updated is None or type(updated) is str)
    ):
        return None
    try:
        if dt.datetime.fromisoformat(started).tzinfo is None:
            return None
    except ValueError:
        return None
    if reached_end is None:
        reached_end, finished = finished, legacy_finished(bool(finished), skipped)
    return SessionRecord(
        id_, started, offset, routine_id, name, float(planned), float(massaged), done, skipped, float(pace),
        bool(finished), ended, bool(reached_end), updated,
    )  # fmt: skip


def legacy_finished(reached_end: bool, steps_skipped: int) -> bool:
    """The verdict for a session recorded before it was kept: it reached the end and skipped no step."""
    return reached_end and steps_skipped == 0
