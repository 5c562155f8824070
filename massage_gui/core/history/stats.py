"""Summaries of the session log: minutes per day, runs of days in a row, totals per routine, and their words."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Collection, Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from massage_gui.core.history.records import SessionRecord
from massage_gui.core.i18n import translate
from massage_gui.core.library import builtin_ids, load_builtin


@dataclass(frozen=True)
class Streaks:
    """Runs of consecutive local days with at least one session. The current run ends today, or
    yesterday if there is no session yet today (the day is not over)."""

    current: int
    longest: int
    includes_today: bool


@dataclass(frozen=True)
class RoutineTotal:
    routine_id: str
    routine_name: str  # the name of its latest session (a built-in's: its name now)
    sessions: int
    finished: int
    massaged_s: float


def seconds_per_day(records: Iterable[SessionRecord]) -> dict[dt.date, float]:
    """Massaged seconds per local day (the day each session started, in the user's time then)."""
    days: dict[dt.date, float] = {}
    for record in records:
        day = record.local_date
        days[day] = days.get(day, 0.0) + record.massaged_s
    return days


def minutes_per_day(records: Iterable[SessionRecord], first: dt.date, last: dt.date) -> list[tuple[dt.date, float]]:
    """Every local day from ``first`` to ``last`` (inclusive) with its massaged minutes (0 if none)."""
    return daily_minutes(seconds_per_day(records), first, last)


def daily_minutes(per_day: Mapping[dt.date, float], first: dt.date, last: dt.date) -> list[tuple[dt.date, float]]:
    """``minutes_per_day`` from the result of ``seconds_per_day``."""
    count = (last - first).days + 1
    days = (first + dt.timedelta(days=i) for i in range(max(count, 0)))
    return [(day, per_day.get(day, 0.0) / 60) for day in days]


def streaks(records: Iterable[SessionRecord], today: dt.date) -> Streaks:
    return streaks_of_days({record.local_date for record in records}, today)


def streaks_of_days(days: Collection[dt.date], today: dt.date) -> Streaks:
    """``streaks`` from the set of local days with a session."""
    longest = run = 0
    previous: dt.date | None = None
    for day in sorted(days):
        run = run + 1 if previous is not None and (day - previous).days == 1 else 1
        longest = max(longest, run)
        previous = day
    one = dt.timedelta(days=1)
    end = today if today in days else today - one
    current = 0
    while end - current * one in days:
        current += 1
    return Streaks(current=current, longest=longest, includes_today=today in days)


def builtin_routine_names() -> dict[str, str]:
    """Each built-in routine's name in the UI's language, by id."""
    return {routine_id: load_builtin(routine_id).name for routine_id in builtin_ids()}


def shown_routine_name(record: SessionRecord, builtin_names: Mapping[str, str]) -> str:
    """The name to show for a session's routine: a built-in's as ``builtin_names`` has it (by id: the UI's
    language now, not the one it was recorded in), a saved favourite's as recorded (the user's own words)."""
    return builtin_names.get(record.routine_id, record.routine_name)


def totals_per_routine(
    records: Iterable[SessionRecord], builtin_names: Mapping[str, str] | None = None
) -> list[RoutineTotal]:
    """Sessions, finished sessions and massaged time per routine id, most time first; each routine named as its
    latest session was, or a built-in as ``builtin_names`` has it (see ``shown_routine_name``)."""
    names = builtin_names or {}
    # per routine id: [latest start, its name, sessions, finished, seconds]
    sums: dict[str, list[Any]] = {}
    for record in records:
        entry = sums.get(record.routine_id)
        if entry is None:
            sums[record.routine_id] = [record.started_utc, shown_routine_name(record, names), 1,
                                       int(record.finished), record.massaged_s]  # fmt: skip
            continue
        if record.started_utc > entry[0]:
            entry[0], entry[1] = record.started_utc, shown_routine_name(record, names)
        entry[2] += 1
        entry[3] += int(record.finished)
        entry[4] += record.massaged_s
    totals = [RoutineTotal(key, name, count, done, seconds) for key, (_, name, count, done, seconds) in sums.items()]
    return sorted(totals, key=lambda t: (-t.massaged_s, t.routine_name.casefold(), t.routine_id))


def describe_streaks(found: Streaks, number: Callable[[int], str] = str) -> tuple[str, str]:
    """Two gentle sentences: the current run, and the longest run (or ''). Missed days are never counted
    or mentioned; with no current run there is only an invitation. In the UI's language once a translator
    is installed; ``number`` writes the counts (the UI passes its locale's)."""
    if found.current >= 2:
        current = (
            translate("history", "You have massaged on {count} days in a row.")
            if found.includes_today
            else translate("history", "You have massaged on {count} days in a row, up to yesterday.")
        ).format(count=number(found.current))
    elif found.current == 1:
        current = (
            translate("history", "You massaged today.")
            if found.includes_today
            else translate("history", "You massaged yesterday.")
        )
    else:
        current = translate("history", "Start a new run any day.")
    longest = (
        translate("history", "Your longest run so far: {count} days in a row.").format(count=number(found.longest))
        if found.longest >= 2
        else ""
    )
    return current, longest


def duration_text(seconds: float, number: Callable[[int], str] = str) -> str:
    """A total time for people: '40 s', '45 min', '2 h 05 min' (in the UI's language; ``number`` writes
    the seconds, minutes and hours)."""
    seconds = max(seconds, 0.0)
    if seconds < 59.5:
        return translate("history", "{seconds} s").format(seconds=number(round(seconds)))
    minutes = round(seconds / 60)
    if minutes < 60:
        return translate("history", "{minutes} min").format(minutes=number(minutes))
    return translate("history", "{hours} h {minutes} min").format(
        hours=number(minutes // 60), minutes=f"{minutes % 60:02d}"
    )
