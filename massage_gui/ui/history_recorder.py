"""Feeds the session controller's events to the history recorder, so every session is logged."""

from __future__ import annotations

import time

from PySide6.QtCore import QObject, Signal, Slot

from massage_gui.core import sequencer as seq
from massage_gui.core.errors import DataError
from massage_gui.core.history import HistoryStore, SessionRecorder, WallClock
from massage_gui.core.plan import Plan
from massage_gui.ui.session import SessionController

_WRITING_EVENTS = (seq.SessionStarted, seq.StepFinished, seq.Paused, seq.Resumed, seq.RoutineFinished)


class HistoryRecorderBridge(QObject):
    """Listens to one SessionController and writes each session to ``store`` as it goes.

    Construct it once, after the controller; it lives as long as the controller (its Qt parent).
    A store that is read-only (newer file, or one that could not be opened) records nothing.

    Signals:
        session_recorded(): a session row was written (started, a step ended, paused, resumed, ended):
            connect an open HistoryView's ``refresh`` to it.
        write_failed(str): a write failed (one line for a notice); said once until a write succeeds.
    """

    session_recorded = Signal()
    write_failed = Signal(str)

    def __init__(
        self,
        store: HistoryStore,
        controller: SessionController,
        wall_clock: WallClock = time.time,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(controller if parent is None else parent)
        self._store = store
        self._controller = controller
        self._recorder = SessionRecorder(store, controller.plan, wall_clock)
        self._failing = False
        controller.events_emitted.connect(self._on_controller_events_emitted)
        controller.plan_changed.connect(self._on_controller_plan_changed)

    @property
    def recorder(self) -> SessionRecorder:
        return self._recorder

    @property
    def store(self) -> HistoryStore:
        return self._store

    @Slot(list)
    def _on_controller_events_emitted(self, events: list[seq.Event]) -> None:
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

    @Slot(object)
    def _on_controller_plan_changed(self, plan: Plan) -> None:
        self._recorder.replanned(plan, self._controller.sequencer.t)
