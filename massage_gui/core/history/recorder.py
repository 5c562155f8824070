"""Keeps the history row of the running session up to date from the sequencer's events."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable

from massage_gui.core import sequencer as seq
from massage_gui.core.errors import DataError
from massage_gui.core.history.records import SessionRecord, iso_utc, local_utc_offset_min
from massage_gui.core.history.store import HistoryStore
from massage_gui.core.plan import Plan
from massage_gui.core.tally import SessionSummary, SessionTally

WallClock = Callable[[], float]
_WRITTEN_AT = (seq.StepFinished, seq.Paused, seq.Resumed)


class SessionRecorder:
    """Keeps one history row per session up to date from the sequencer's events.

    A row is added at SessionStarted and rewritten at every StepFinished, Paused, Resumed and when the
    session ends, each a committed transaction: if the app dies, the row holds the session up to the
    last of those (and ``updated_utc`` says when that was). The counts come from a ``SessionTally``
    (time massaged, steps done and skipped, the ``finished`` verdict). A session stopped before
    anything was massaged is deleted.

    ``wall_clock`` gives epoch seconds (for the start, end and write times); ``utc_offset_min`` the local
    offset at an epoch time. A running session follows the plan changes its Replanned events report;
    ``set_plan`` gives the plan of the next session. Writes that fail raise DataError; the recorder keeps
    its counts and the next write catches up.
    """

    def __init__(
        self,
        store: HistoryStore,
        plan: Plan,
        wall_clock: WallClock,
        utc_offset_min: Callable[[float], int] = local_utc_offset_min,
    ) -> None:
        self._store = store
        self._tally = SessionTally(plan)
        self._wall = wall_clock
        self._offset = utc_offset_min
        self._record: SessionRecord | None = None
        self._saved = False  # whether the row exists in the store (its id is the record's)
        self._deleted = False  # the user deleted the running session's row: stop writing it

    @property
    def plan(self) -> Plan:
        return self._tally.plan

    @property
    def tally(self) -> SessionTally:
        """The counts of the running session (or of the last one)."""
        return self._tally

    @property
    def record(self) -> SessionRecord | None:
        """The running session as last computed (None between sessions)."""
        return self._record

    @property
    def session_id(self) -> int | None:
        return self._record.id if self._record is not None and self._saved else None

    # -- input -----------------------------------------------------------------------------------------

    def set_plan(self, plan: Plan) -> None:
        """The plan for the next session (another routine, or new settings); a running session keeps its own."""
        self._tally.set_plan(plan)

    def handle(self, events: Iterable[seq.Event]) -> None:
        """Take the events of one action or tick, in order. If a write fails, the remaining events are
        still taken (the counts stay right) and the first DataError is raised at the end."""
        failure: DataError | None = None
        for event in events:
            try:
                self._handle(event)
            except DataError as exc:
                failure = failure or exc
        if failure is not None:
            raise failure

    def _handle(self, event: seq.Event) -> None:
        ended = self._tally.handle_event(event)
        if ended is not None and self._record is not None:
            self._end(ended)
        if isinstance(event, seq.SessionStarted):
            self._begin()
        elif self._record is None:
            return
        elif isinstance(event, seq.Replanned):
            plan = event.plan
            self._record = dataclasses.replace(self._record, planned_s=plan.total_s, pace_s=plan.settings.pace_s)
        elif isinstance(event, _WRITTEN_AT):
            self._write(self._tally.summary())

    # -- internals -------------------------------------------------------------------------------------

    def _begin(self) -> None:
        now = self._wall()
        plan = self._tally.plan
        self._record = SessionRecord(
            id=0,
            started_utc=iso_utc(now),
            utc_offset_min=self._offset(now),
            routine_id=plan.routine_id,
            routine_name=plan.routine.name,
            planned_s=plan.total_s,
            massaged_s=0.0,
            steps_completed=0,
            steps_skipped=0,
            pace_s=plan.settings.pace_s,
            finished=False,
            ended_utc=None,
        )
        self._saved = self._deleted = False
        self._write(self._tally.summary())

    def _end(self, summary: SessionSummary) -> None:
        assert self._record is not None
        self._record = dataclasses.replace(self._record, ended_utc=iso_utc(self._wall()))
        try:
            if not summary.reached_end and round(summary.massaged_s, 3) == 0 and summary.steps_done == 0:
                if self._saved and self._store.writable:
                    self._store.delete_session(self._record.id)
            else:
                self._write(summary)
        finally:
            self._record = None
            self._saved = False
            self._store.running_session_id = None

    def _write(self, summary: SessionSummary) -> None:
        assert self._record is not None
        self._record = record = dataclasses.replace(
            self._record,
            massaged_s=round(summary.massaged_s, 3),
            steps_completed=summary.steps_done,
            steps_skipped=summary.steps_skipped,
            finished=summary.finished,
            reached_end=summary.reached_end,
            updated_utc=self._record.ended_utc or iso_utc(self._wall()),
        )
        if self._deleted or not self._store.writable:
            return
        if not self._saved:
            new_id = self._store.add_session(record)
            self._record = dataclasses.replace(record, id=new_id)
            self._saved = True
            if record.ended_utc is None:
                self._store.running_session_id = new_id
        elif not self._store.update_session(record):
            self._deleted = True
            self._store.running_session_id = None
