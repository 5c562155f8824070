"""Reminder times and when the next one is due, on a clock the caller gives (local wall time, naive).

Each reminder owns a window of the day: from half-way after the reminder before it (or midnight) to
half-way before the next one (or midnight). A finished session started in that window, or "Done today",
means the reminder is done for the day and does not come. A reminder comes once at its time; if the
computer was asleep, the app closed or the clock moved at that time, it comes once as soon as the app
notices, but only while its window lasts: missed reminders are never stacked.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from massage_gui.core.i18n import translate

MAX_REMINDERS = 6
SNOOZE_CHOICES_MIN = (10, 30)
LATE_SNOOZE = dt.timedelta(minutes=15)  # a snooze that ends after its window may still come this late
_ITEM = re.compile(r"^(?P<h>[01]\d|2[0-3]):(?P<m>[0-5]\d)(?:=(?P<routine>[a-z0-9][a-z0-9-]{0,63}))?$")
DAY = dt.timedelta(days=1)


@dataclass(frozen=True, order=True)
class Reminder:
    """A time of day and the routine it offers ('': the routine used last)."""

    time: dt.time
    routine_id: str = ""

    @property
    def text(self) -> str:
        """As stored in the settings: 'HH:MM' or 'HH:MM=routine-id'."""
        base = f"{self.time.hour:02d}:{self.time.minute:02d}"
        return f"{base}={self.routine_id}" if self.routine_id else base


def parse_reminder(text: str) -> Reminder:
    """'08:00' or '20:30=evening' as a Reminder; ValueError saying what is wrong."""
    found = _ITEM.match(text) if isinstance(text, str) else None
    if found is None:
        raise ValueError(f"expected a time such as 08:00 or 20:30=evening, got {text!r}")
    return Reminder(dt.time(int(found["h"]), int(found["m"])), found["routine"] or "")


def reminders_problem(items: Iterable[object]) -> str | None:
    """Why ``items`` is not a valid list of reminders (the settings' check), or None."""
    parsed: list[Reminder] = []
    for item in items:
        if not isinstance(item, str):
            return "expected times such as 08:00"
        try:
            parsed.append(parse_reminder(item))
        except ValueError as exc:
            return str(exc)
    if len(parsed) > MAX_REMINDERS:
        return f"expected at most {MAX_REMINDERS} reminders, got {len(parsed)}"
    times = [r.time for r in parsed]
    if len(set(times)) != len(times):
        return "two reminders at the same time"
    return None


def parse_reminders(items: Iterable[str]) -> tuple[Reminder, ...]:
    """Valid items as reminders, sorted by time (invalid ones left out; settings were checked before)."""
    found: dict[dt.time, Reminder] = {}
    for item in items:
        try:
            reminder = parse_reminder(item)
        except ValueError:
            continue
        found.setdefault(reminder.time, reminder)
    return tuple(sorted(found.values())[:MAX_REMINDERS])


@dataclass(frozen=True, order=True)
class Slot:
    """One reminder on one day: the day and the reminder's place in the day's sorted list."""

    day: dt.date
    index: int


@dataclass(frozen=True)
class Due:
    """The next reminder to show: ``at`` (local wall time), which one, and whether it was snoozed."""

    at: dt.datetime
    slot: Slot
    reminder: Reminder
    snoozed: bool = False


class ReminderSchedule:
    """What has come, what is done and what is snoozed, and from that the next reminder due.

    Pure and clock-free: every method takes ``now`` (naive local wall time). The caller asks
    ``next_due(now)``, waits until its ``at`` (or less, to notice sleep and clock changes), asks again,
    and calls ``shown`` when it shows a reminder that is due.
    """

    def __init__(self, reminders: Sequence[Reminder] = ()) -> None:
        self.reminders: tuple[Reminder, ...] = tuple(sorted(reminders))
        self._shown: set[Slot] = set()
        self._done: set[Slot] = set()
        self._snooze: tuple[dt.datetime, Slot] | None = None

    def set_reminders(self, reminders: Sequence[Reminder]) -> None:
        """New times: what was shown, done or snoozed is forgotten if the list changed."""
        new = tuple(sorted(reminders))
        if new != self.reminders:
            self.reminders = new
            self._shown.clear()
            self._done.clear()
            self._snooze = None

    # -- windows -------------------------------------------------------------------------------------------

    def time_of(self, slot: Slot) -> dt.datetime:
        return dt.datetime.combine(slot.day, self.reminders[slot.index].time)

    def window(self, slot: Slot) -> tuple[dt.datetime, dt.datetime]:
        """The part of the day that belongs to ``slot``: [start, end)."""
        midnight = dt.datetime.combine(slot.day, dt.time())
        at = self.time_of(slot)
        if slot.index == 0:
            start = midnight
        else:
            before = self.time_of(Slot(slot.day, slot.index - 1))
            start = before + (at - before) / 2
        if slot.index == len(self.reminders) - 1:
            end = midnight + DAY
        else:
            after = self.time_of(Slot(slot.day, slot.index + 1))
            end = at + (after - at) / 2
        return start, end

    def slot_at(self, moment: dt.datetime) -> Slot | None:
        """The slot whose window holds ``moment`` (None when there are no reminders)."""
        for index in range(len(self.reminders)):
            slot = Slot(moment.date(), index)
            start, end = self.window(slot)
            if start <= moment < end:
                return slot
        return None

    # -- what happened -------------------------------------------------------------------------------------

    def mark_done(self, slot: Slot) -> None:
        self._done.add(slot)
        if self._snooze is not None and self._snooze[1] == slot:
            self._snooze = None

    def is_done(self, slot: Slot) -> bool:
        return slot in self._done

    def done_key(self, slot: Slot) -> str:
        """How "done today" is kept in the settings: 'YYYY-MM-DD HH:MM' (the day and the reminder's time)."""
        return f"{slot.day.isoformat()} {self.reminders[slot.index].text[:5]}"

    def restore_done(self, keys: Iterable[str]) -> None:
        """Mark done the slots named by ``done_key`` keys (keys of other times or malformed: left out)."""
        times = {r.text[:5]: index for index, r in enumerate(self.reminders)}
        for key in keys:
            day, _, time = key.partition(" ")
            if time not in times:
                continue
            try:
                self.mark_done(Slot(dt.date.fromisoformat(day), times[time]))
            except ValueError:
                continue

    def sessions_finished(self, starts: Iterable[dt.datetime]) -> None:
        """Finished sessions (their local start times): the reminders of their windows are done."""
        for start in starts:
            slot = self.slot_at(start)
            if slot is not None:
                self.mark_done(slot)

    def done_now(self, now: dt.datetime, due: Due | None = None) -> Slot | None:
        """ "Done today" for the reminder shown (``due``), else the one whose window holds ``now``."""
        slot = due.slot if due is not None else self.slot_at(now)
        if slot is not None:
            self.mark_done(slot)
        return slot

    def shown(self, due: Due) -> None:
        """The reminder ``due`` was shown: it does not come again unless snoozed."""
        self._shown.add(due.slot)
        if due.snoozed:
            self._snooze = None

    def snooze(self, now: dt.datetime, minutes: int, due: Due | None = None) -> Due | None:
        """Show the reminder ``due`` (else the one of ``now``'s window) again ``minutes`` from now."""
        slot = due.slot if due is not None else self.slot_at(now)
        if slot is None:
            return None
        self._snooze = (now + dt.timedelta(minutes=minutes), slot)
        self._done.discard(slot)
        return Due(self._snooze[0], slot, self.reminders[slot.index], snoozed=True)

    @property
    def snoozed_until(self) -> dt.datetime | None:
        return None if self._snooze is None else self._snooze[0]

    def forget_before(self, day: dt.date) -> None:
        """Drop what is kept about days before ``day`` (call now and then: a long-running app)."""
        self._shown = {s for s in self._shown if s.day >= day}
        self._done = {s for s in self._done if s.day >= day}

    # -- what comes next -----------------------------------------------------------------------------------

    def next_due(self, now: dt.datetime) -> Due | None:
        """The next reminder to show: ``at <= now`` means show it now. None when there are none."""
        if not self.reminders:
            return None
        candidates: list[Due] = []
        if self._snooze is not None:
            until, slot = self._snooze
            _, end = self.window(slot)
            if slot in self._done or now >= max(end, until + LATE_SNOOZE):
                self._snooze = None  # done meanwhile, or asleep past it: not stacked on the next one
            else:
                candidates.append(Due(until, slot, self.reminders[slot.index], snoozed=True))
        for day in (now.date(), now.date() + DAY):
            for index, reminder in enumerate(self.reminders):
                slot = Slot(day, index)
                if slot in self._shown or slot in self._done:
                    continue
                if self._snooze is not None and self._snooze[1] == slot:
                    continue
                _, end = self.window(slot)
                if now >= end:
                    continue  # its window is over: missed, and not shown late
                candidates.append(Due(max(self.time_of(slot), now), slot, reminder))
        return min(candidates, key=lambda due: (due.at, due.slot)) if candidates else None


def with_done(done: frozenset[str], key: str, keep_from: dt.date) -> frozenset[str]:
    """The settings' "done today" keys with ``key`` added and days before ``keep_from`` dropped."""
    return frozenset({*(k for k in done if k[:10] >= keep_from.isoformat()), key})


DONE_KEY = re.compile(r"^\d{4}-\d{2}-\d{2} (?:[01]\d|2[0-3]):[0-5]\d$")


def part_of_day(time: dt.time) -> str:
    """'morning' (before 11), 'midday' (before 14), 'afternoon' (before 17) or 'evening'."""
    if time.hour < 11:
        return "morning"
    if time.hour < 14:
        return "midday"
    if time.hour < 17:
        return "afternoon"
    return "evening"


def reminder_message(time: dt.time, minutes: int) -> str:
    """The notification's first line: 'Time for your evening routine, 9 minutes'."""
    texts = {
        "morning": translate("reminders", "Time for your morning routine, {minutes} minutes"),
        "midday": translate("reminders", "Time for your midday routine, {minutes} minutes"),
        "afternoon": translate("reminders", "Time for your afternoon routine, {minutes} minutes"),
        "evening": translate("reminders", "Time for your evening routine, {minutes} minutes"),
    }
    return texts[part_of_day(time)].format(minutes=minutes)
