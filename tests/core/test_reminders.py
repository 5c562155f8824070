"""Reminder scheduling on a fake clock: times, snooze, done today, day change, clock change, sleep."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from massage_gui.core.errors import SettingsError
from massage_gui.core.reminders import (
    Due,
    Reminder,
    ReminderSchedule,
    Slot,
    parse_reminder,
    parse_reminders,
    reminder_message,
    reminders_problem,
    with_done,
)
from massage_gui.core.settings import Settings

DAY = dt.date(2024, 6, 3)
MORNING, EVENING = Reminder(dt.time(8, 0)), Reminder(dt.time(20, 0), "evening")


def at(hour: int, minute: int = 0, day: dt.date = DAY) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(hour, minute))


class Clock:
    """Local wall time that moves only when the test says so (forward, back, or across a sleep)."""

    def __init__(self, now: dt.datetime) -> None:
        self.now = now

    def __call__(self) -> dt.datetime:
        return self.now


def run_until(schedule: ReminderSchedule, clock: Clock, end: dt.datetime, step_min: int = 1) -> list[Due]:
    """Let time pass minute by minute like the app's timer (at most one wake a minute), showing every
    reminder that falls due; returns what was shown."""
    shown: list[Due] = []
    while clock.now < end:
        due = schedule.next_due(clock.now)
        if due is not None and due.at <= clock.now:
            schedule.shown(due)
            shown.append(dataclasses.replace(due, at=clock.now))
            continue
        clock.now += dt.timedelta(minutes=step_min)
    return shown


def test_parse_and_check_reminder_texts() -> None:
    assert parse_reminder("08:00") == Reminder(dt.time(8, 0))
    assert parse_reminder("20:30=evening") == Reminder(dt.time(20, 30), "evening")
    assert parse_reminder("20:30=evening").text == "20:30=evening"
    for bad in ("8:00", "24:00", "12:60", "noon", "20:30=Evening", "20:30=", " 08:00"):
        with pytest.raises(ValueError, match="expected a time"):
            parse_reminder(bad)
    assert reminders_problem(["08:00", "08:00=quick"]) == "two reminders at the same time"
    assert "at most 6" in (reminders_problem([f"{h:02d}:00" for h in range(7)]) or "")
    assert reminders_problem([8]) == "expected times such as 08:00"
    assert parse_reminders(["20:00", "bad", "08:00"]) == (MORNING, Reminder(dt.time(20, 0)))


def test_settings_default_to_off_with_morning_and_evening_suggested() -> None:
    settings = Settings()
    assert settings.reminders is False
    assert settings.start_at_login is False
    assert settings.reminder_times == frozenset({"08:00", "20:00"})
    with pytest.raises(SettingsError, match="reminder_times"):
        dataclasses.replace(settings, reminder_times=frozenset({"8am"})).validated()
    with pytest.raises(SettingsError, match="reminders_done"):
        dataclasses.replace(settings, reminders_done=frozenset({"today"})).validated()


def test_windows_split_the_day_half_way_between_reminders() -> None:
    schedule = ReminderSchedule([MORNING, EVENING])
    assert schedule.window(Slot(DAY, 0)) == (at(0), at(14))
    assert schedule.window(Slot(DAY, 1)) == (at(14), at(0, day=DAY + dt.timedelta(days=1)))
    assert schedule.slot_at(at(13, 59)) == Slot(DAY, 0)
    assert schedule.slot_at(at(14)) == Slot(DAY, 1)
    assert ReminderSchedule().slot_at(at(9)) is None
    single = ReminderSchedule([EVENING])
    assert single.window(Slot(DAY, 0)) == (at(0), at(0, day=DAY + dt.timedelta(days=1)))


def test_each_reminder_comes_once_at_its_time_every_day() -> None:
    schedule = ReminderSchedule([EVENING, MORNING])  # any order
    clock = Clock(at(6))
    assert schedule.next_due(clock.now) == Due(at(8), Slot(DAY, 0), MORNING)
    shown = run_until(schedule, clock, at(7, day=DAY + dt.timedelta(days=2)))
    assert [(d.at, d.reminder) for d in shown] == [
        (at(8), MORNING),
        (at(20), EVENING),
        (at(8, day=DAY + dt.timedelta(days=1)), MORNING),  # the day changed: the same times again
        (at(20, day=DAY + dt.timedelta(days=1)), EVENING),
    ]


def test_a_finished_session_in_its_window_means_no_reminder() -> None:
    schedule = ReminderSchedule([MORNING, EVENING])
    schedule.sessions_finished([at(7, 30), at(15, 10)])  # the morning one early, the evening one early too
    clock = Clock(at(6))
    assert run_until(schedule, clock, at(23, 59)) == []
    tomorrow = at(8, day=DAY + dt.timedelta(days=1))
    assert schedule.next_due(clock.now) == Due(tomorrow, Slot(tomorrow.date(), 0), MORNING)


def test_a_session_late_in_the_morning_does_not_cancel_the_evening() -> None:
    schedule = ReminderSchedule([MORNING, EVENING])
    clock = Clock(at(7))
    run_until(schedule, clock, at(12))
    schedule.sessions_finished([at(13, 0)])
    assert [d.at for d in run_until(schedule, clock, at(23))] == [at(20)]


def test_done_today_from_the_notification_or_the_menu() -> None:
    schedule = ReminderSchedule([MORNING, EVENING])
    due = schedule.next_due(at(20))
    assert due is not None
    schedule.shown(due)
    assert schedule.done_now(at(20, 1), due) == Slot(DAY, 1)
    assert schedule.is_done(Slot(DAY, 1))
    menu = ReminderSchedule([MORNING, EVENING])  # from the tray menu at 7:00, before the morning reminder
    assert menu.done_now(at(7)) == Slot(DAY, 0)
    assert [d.at for d in run_until(menu, Clock(at(7)), at(21))] == [at(20)]


def test_done_today_is_kept_across_a_restart() -> None:
    schedule = ReminderSchedule([MORNING, EVENING])
    key = schedule.done_key(Slot(DAY, 1))
    assert key == "2024-06-03 20:00"
    kept = with_done(frozenset({"2024-05-30 08:00"}), key, keep_from=DAY - dt.timedelta(days=1))
    assert kept == frozenset({key})  # older days dropped
    restarted = ReminderSchedule([MORNING, EVENING])
    restarted.restore_done([*kept, "2024-06-03 09:00", "garbage", "2024-13-40 08:00"])
    assert run_until(restarted, Clock(at(19)), at(23)) == []


@pytest.mark.parametrize("minutes", [10, 30])
def test_snooze_brings_the_reminder_back_once(minutes: int) -> None:
    schedule = ReminderSchedule([MORNING, EVENING])
    clock = Clock(at(19, 59))
    [first] = run_until(schedule, clock, at(20, 1))
    snoozed = schedule.snooze(clock.now, minutes, first)
    assert snoozed is not None
    assert snoozed.snoozed
    assert schedule.snoozed_until == at(20, 1 + minutes)
    shown = run_until(schedule, clock, at(22))
    assert [(d.at, d.snoozed) for d in shown] == [(at(20, 1 + minutes), True)]
    assert schedule.snoozed_until is None


def test_snooze_then_done_cancels_it() -> None:
    schedule = ReminderSchedule([MORNING, EVENING])
    due = schedule.next_due(at(8))
    assert due is not None
    schedule.shown(due)
    schedule.snooze(at(8), 30, due)
    schedule.sessions_finished([at(8, 10)])
    assert [d.at for d in run_until(schedule, Clock(at(8)), at(13))] == []


def test_a_snooze_from_the_menu_without_a_notification() -> None:
    schedule = ReminderSchedule([MORNING, EVENING])
    snoozed = schedule.snooze(at(7, 55), 10)  # the window of now: the morning reminder
    assert snoozed is not None
    assert snoozed.slot == Slot(DAY, 0)
    assert [d.at for d in run_until(schedule, Clock(at(7, 55)), at(9))] == [at(8, 5)]
    assert ReminderSchedule().snooze(at(8), 10) is None


def test_sleep_through_a_reminder_shows_it_once_on_waking_in_its_window() -> None:
    schedule = ReminderSchedule([MORNING, EVENING])
    clock = Clock(at(7, 50))
    run_until(schedule, clock, at(7, 55))
    clock.now = at(10, 20)  # asleep from 7:55 to 10:20: the morning reminder was missed
    due = schedule.next_due(clock.now)
    assert due == Due(at(10, 20), Slot(DAY, 0), MORNING)
    assert [d.at for d in run_until(schedule, clock, at(12))] == [at(10, 20)]


def test_sleep_past_the_window_does_not_stack_missed_reminders() -> None:
    schedule = ReminderSchedule([MORNING, EVENING])
    clock = Clock(at(7))
    run_until(schedule, clock, at(7, 5))
    clock.now = at(21, 0)  # asleep all day: the morning window is over, the evening one is not
    shown = run_until(schedule, clock, at(23))
    assert [(d.at, d.reminder) for d in shown] == [(at(21), EVENING)]  # one reminder, not two
    clock.now = at(9, day=DAY + dt.timedelta(days=2))  # asleep for more than a day
    assert [d.reminder for d in run_until(schedule, clock, clock.now + dt.timedelta(minutes=5))] == [MORNING]


def test_a_snooze_slept_through_is_dropped() -> None:
    schedule = ReminderSchedule([MORNING, EVENING])
    due = schedule.next_due(at(20))
    assert due is not None
    schedule.shown(due)
    schedule.snooze(at(20), 10, due)
    clock = Clock(at(9, day=DAY + dt.timedelta(days=1)))  # woke the next morning
    shown = run_until(schedule, clock, clock.now + dt.timedelta(minutes=5))
    assert [(d.reminder, d.snoozed) for d in shown] == [(MORNING, False)]


def test_clock_set_back_does_not_repeat_a_reminder() -> None:
    schedule = ReminderSchedule([MORNING, EVENING])
    clock = Clock(at(19, 58))
    assert len(run_until(schedule, clock, at(20, 5))) == 1
    clock.now = at(19, 0)  # an hour back (a time-zone trip, a corrected clock)
    assert run_until(schedule, clock, at(21)) == []


def test_clock_set_forward_shows_a_skipped_reminder_once_or_not_at_all() -> None:
    schedule = ReminderSchedule([MORNING, EVENING])
    clock = Clock(at(7, 30))
    run_until(schedule, clock, at(7, 40))
    clock.now = at(9, 40)  # forward two hours, past 8:00 but still in the morning window
    assert [d.at for d in run_until(schedule, clock, at(10))] == [at(9, 40)]
    other = ReminderSchedule([MORNING, EVENING])
    clock = Clock(at(7, 30))
    run_until(other, clock, at(7, 40))
    clock.now = at(15)  # forward past the morning window: that one is dropped, the evening one waits
    due = other.next_due(clock.now)
    assert due == Due(at(20), Slot(DAY, 1), EVENING)


def test_new_times_forget_the_old_ones() -> None:
    schedule = ReminderSchedule([MORNING])
    schedule.mark_done(Slot(DAY, 0))
    schedule.set_reminders([MORNING])
    assert schedule.is_done(Slot(DAY, 0))  # the same list: kept
    schedule.set_reminders([Reminder(dt.time(9, 0))])
    assert not schedule.is_done(Slot(DAY, 0))
    schedule.set_reminders([])
    assert schedule.next_due(at(9)) is None
    schedule.set_reminders([MORNING])
    schedule.mark_done(Slot(DAY - dt.timedelta(days=3), 0))
    schedule.forget_before(DAY)
    assert not schedule.is_done(Slot(DAY - dt.timedelta(days=3), 0))


def test_the_message_names_the_part_of_the_day_and_the_minutes() -> None:
    assert reminder_message(dt.time(20, 0), 9) == "Time for your evening routine, 9 minutes"
    assert reminder_message(dt.time(7, 30), 5) == "Time for your morning routine, 5 minutes"
    assert reminder_message(dt.time(12, 0), 5) == "Time for your midday routine, 5 minutes"
    assert reminder_message(dt.time(15, 0), 5) == "Time for your afternoon routine, 5 minutes"
