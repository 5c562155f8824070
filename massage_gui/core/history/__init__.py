"""The session log: a versioned SQLite file, a recorder that fills it from sequencer events, and its summaries.

The names other modules use are re-exported here; the modules: ``records`` (one session), ``schema``
(the file's layout and migrations), ``store`` (the file), ``stats`` (summaries and their words),
``export`` (CSV and JSON, of sessions and of the diary) and ``recorder`` (from events to rows).
"""

from __future__ import annotations

from massage_gui.core.history.export import diary_to_csv, diary_to_json, records_to_csv, records_to_json
from massage_gui.core.history.recorder import SessionRecorder, WallClock
from massage_gui.core.history.records import (
    RECORD_FIELDS,
    STORED_FIELDS,
    SessionRecord,
    iso_utc,
    local_utc_offset_min,
)
from massage_gui.core.history.schema import HISTORY_MIGRATIONS
from massage_gui.core.history.stats import (
    RoutineTotal,
    Streaks,
    builtin_routine_names,
    daily_minutes,
    describe_streaks,
    duration_text,
    minutes_per_day,
    seconds_per_day,
    shown_routine_name,
    streaks,
    streaks_of_days,
    totals_per_routine,
)
from massage_gui.core.history.store import HistoryStore

__all__ = [
    "HISTORY_MIGRATIONS",
    "RECORD_FIELDS",
    "STORED_FIELDS",
    "HistoryStore",
    "RoutineTotal",
    "SessionRecord",
    "SessionRecorder",
    "Streaks",
    "WallClock",
    "builtin_routine_names",
    "daily_minutes",
    "describe_streaks",
    "diary_to_csv",
    "diary_to_json",
    "duration_text",
    "iso_utc",
    "local_utc_offset_min",
    "minutes_per_day",
    "records_to_csv",
    "records_to_json",
    "seconds_per_day",
    "shown_routine_name",
    "streaks",
    "streaks_of_days",
    "totals_per_routine",
]
