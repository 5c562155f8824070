"""Summaries of the session log across local midnight: minutes per day, streaks and their words, totals."""

from __future__ import annotations

import datetime as dt

import pytest

from massage_gui.core.history import (
    HistoryStore,
    SessionRecord,
    Streaks,
    describe_streaks,
    duration_text,
    minutes_per_day,
    streaks,
    totals_per_routine,
)
from massage_gui.core.history.stats import builtin_routine_names, shown_routine_name
from massage_gui.core.library import builtin_routines
from tests.core.history.helpers import make_record


def test_local_dates_come_from_the_offset_at_the_time() -> None:
    late = make_record(started_utc="2024-03-09T23:30:00+00:00", utc_offset_min=60)
    assert late.local_date == dt.date(2024, 3, 10)
    assert late.started.hour == 0
    west = make_record(started_utc="2024-03-10T03:30:00+00:00", utc_offset_min=-300)
    assert west.local_date == dt.date(2024, 3, 9)


def test_minutes_per_day_across_local_midnight() -> None:
    records = [
        make_record(started_utc="2024-03-09T22:50:00+00:00", utc_offset_min=60, massaged_s=600),  # 23:50 local
        make_record(started_utc="2024-03-09T23:10:00+00:00", utc_offset_min=60, massaged_s=300),  # 00:10 next day
        make_record(started_utc="2024-03-10T08:00:00+00:00", utc_offset_min=60, massaged_s=90),
    ]
    days = minutes_per_day(records, dt.date(2024, 3, 8), dt.date(2024, 3, 11))
    assert days == [
        (dt.date(2024, 3, 8), 0.0),
        (dt.date(2024, 3, 9), 10.0),
        (dt.date(2024, 3, 10), 6.5),
        (dt.date(2024, 3, 11), 0.0),
    ]
    assert streaks(records, dt.date(2024, 3, 10)) == Streaks(current=2, longest=2, includes_today=True)


def _on(*days: int) -> list[SessionRecord]:
    return [make_record(started_utc=f"2024-05-{d:02d}T12:00:00+00:00", utc_offset_min=0) for d in days]


@pytest.mark.parametrize(
    ("today", "expected"),
    [
        (6, Streaks(2, 3, True)),
        (7, Streaks(2, 3, False)),  # the day is not over: yesterday's run still counts
        (8, Streaks(0, 3, False)),
        (3, Streaks(3, 3, True)),
    ],
)
def test_streaks(today: int, expected: Streaks) -> None:
    records = _on(1, 2, 3, 3, 5, 6)
    assert streaks(records, dt.date(2024, 5, today)) == expected


def test_no_sessions_no_streak() -> None:
    assert streaks([], dt.date(2024, 5, 1)) == Streaks(0, 0, False)


@pytest.mark.parametrize(
    ("found", "current", "longest"),
    [
        (Streaks(5, 9, True), "You have massaged on 5 days in a row.", "Your longest run so far: 9 days in a row."),
        (Streaks(5, 5, False), "You have massaged on 5 days in a row, up to yesterday.", "Your longest run so far"),
        (Streaks(1, 1, True), "You massaged today.", ""),
        (Streaks(1, 4, False), "You massaged yesterday.", "Your longest run so far: 4 days"),
        (Streaks(0, 4, False), "Start a new run any day.", "Your longest run so far: 4 days"),
        (Streaks(0, 0, False), "Start a new run any day.", ""),
    ],
)
def test_streak_wording_is_gentle(found: Streaks, current: str, longest: str) -> None:
    said_current, said_longest = describe_streaks(found)
    assert said_current == current
    assert said_longest.startswith(longest)
    assert (longest == "") == (said_longest == "")
    for word in ("miss", "broke", "lost", "fail", "only", "again", "should"):
        assert word not in (said_current + said_longest).lower()


def test_totals_per_routine_use_the_latest_name_and_sort_by_time() -> None:
    records = [
        make_record(routine_id="mine", routine_name="Old name", started_utc="2024-01-01T07:00:00+00:00",
                    massaged_s=100, finished=False),
        make_record(routine_id="mine", routine_name="New name", started_utc="2024-02-01T07:00:00+00:00",
                    massaged_s=200),
        make_record(routine_id="quick", routine_name="Quick", massaged_s=1000),
    ]  # fmt: skip
    quick, mine = totals_per_routine(records)
    assert (quick.routine_id, quick.sessions, quick.finished, quick.massaged_s) == ("quick", 1, 1, 1000)
    assert (mine.routine_name, mine.sessions, mine.finished, mine.massaged_s) == ("New name", 2, 1, 300)


def test_a_built_in_routine_is_named_in_the_language_of_now_a_favourite_as_recorded() -> None:
    """Bug: History listed the built-in Quick as both "Quick" and "Kurz", the language of the day each session was
    recorded; its totals took whichever name was recorded last."""
    records = [
        make_record(routine_id="quick", routine_name="Quick", started_utc="2024-01-01T07:00:00+00:00"),
        make_record(routine_id="quick", routine_name="Kurz", started_utc="2024-02-01T07:00:00+00:00"),
        make_record(routine_id="mein-morgen", routine_name="Mein Morgen", massaged_s=10),
    ]
    english = {"quick": "Quick", "standard": "Standard"}
    assert [shown_routine_name(r, english) for r in records] == ["Quick", "Quick", "Mein Morgen"]
    assert [t.routine_name for t in totals_per_routine(records, english)] == ["Quick", "Mein Morgen"]
    german = {"quick": "Kurz", "standard": "Standard"}
    assert [shown_routine_name(r, german) for r in records] == ["Kurz", "Kurz", "Mein Morgen"]
    assert [t.routine_name for t in totals_per_routine(records, german)] == ["Kurz", "Mein Morgen"]


def test_the_built_in_names_are_those_of_the_built_in_routines() -> None:
    assert builtin_routine_names() == {entry.id: entry.routine.name for entry in builtin_routines()}
    assert builtin_routine_names()["quick"] == "Quick"


def test_store_queries_match_the_functions(store: HistoryStore) -> None:
    for record in _on(1, 2, 4):
        store.add_session(record)
    assert store.streaks(dt.date(2024, 5, 4)) == Streaks(1, 2, True)
    assert store.minutes_per_day(dt.date(2024, 5, 1), dt.date(2024, 5, 2)) == [
        (dt.date(2024, 5, 1), 10.0),
        (dt.date(2024, 5, 2), 10.0),
    ]
    [total] = store.totals_per_routine()
    assert total.sessions == 3


@pytest.mark.parametrize(
    ("seconds", "text"),
    [(0, "0 s"), (29.4, "29 s"), (59.6, "1 min"), (91, "2 min"), (3599, "1 h 00 min"), (3600, "1 h 00 min"),
     (3 * 3600 + 5 * 60, "3 h 05 min")],
)  # fmt: skip
def test_duration_text(seconds: float, text: str) -> None:
    assert duration_text(seconds) == text
