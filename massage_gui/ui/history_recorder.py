"""Feeds the app state's session events to the history recorder, so every session is logged."""

from __future__ import annotations

import time
from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from massage_gui.core import sequencer as seq
from massage_gui.core.errors import DataError
from massage_gui.core.history.recorder import SessionRecorder, WallClock
from massage_gui.core.history.store import HistoryStore
from massage_gui.core.plan import Plan

if TYPE_CHECKING:
    from massage_gui.core.app_state import AppState, SessionUpdate

_WRITING_EVENTS = (seq.SessionStarted, seq.StepFinished, seq.Paused, seq.Resumed, seq.RoutineFinished)


class HistoryRecorderBridge(QObject):
    """Writes each session of ``state`` to ``store`` as it goes, from the sequencer's events alone.

    Every session update's events go to the recorder, in order (a running session follows the Replanned
    events); a new plan (another routine, new settings) is the next session's. Construct it once, with
    the window as its Qt parent; it stops listening when it is destroyed. A store that is read-only
    (newer file, or one that could not be opened) records nothing.

    Signals:
        session_recorded(): a session row was written (started, a step ended, paused, resumed, ended):
            connect an open HistoryView's ``refresh`` to it.
        write_failed(str): a write failed (one line for a notice); said once until a write succeeds.
        session_ended(int): a session ended and its row was kept (the id): the diary may follow it.
    """

    session_recorded = Signal()
    write_failed = Signal(str)
    session_ended = Signal(int)

    def __init__(
        self,
        store: HistoryStore,
        state: AppState,
        wall_clock: WallClock = time.time,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._store = store
        self._recorder = SessionRecorder(store, state.plan, wall_clock)
        self._failing = False
        disconnects = [
            state.events.session.connect(self._on_state_session),
            state.events.plan.connect(self._on_state_plan),
        ]
        self.destroyed.connect(lambda: [disconnect() for disconnect in disconnects])

    @property
    def recorder(self) -> SessionRecorder:
        return self._recorder

    @property
    def store(self) -> HistoryStore:
        return self._store

    def _on_state_session(self, update: SessionUpdate) -> None:
        self.take_events(update.events)

    def _on_state_plan(self, plan: Plan) -> None:
        self._recorder.set_plan(plan)

    def take_events(self, events: Sequence[seq.Event]) -> None:
        """One action's or tick's events, in order."""
        if not events:
            return
        running = self._recorder.session_id
        try:
            self._recorder.handle(events)
        except DataError as exc:
            if not self._failing:
                self._failing = True
                self.write_failed.emit(self.tr("The session history could not be saved: {error}").format(error=exc))
            return
        if any(isinstance(e, _WRITING_EVENTS) for e in events) and self._store.writable:
            self._failing = False
            self.session_recorded.emit()
        if running is not None and self._recorder.session_id != running and self._store.get(running) is not None:
            self.session_ended.emit(running)
