"""The app's state without Qt: settings, the routine library, the chosen routine, its plan and the session.

Every window, dialog and the command line change the state through these actions, and learn what
changed from ``AppState.events``; no view keeps its own copy of what lives here.
"""

from __future__ import annotations

import dataclasses
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from massage_gui.core.anatomy import BodySide
from massage_gui.core.errors import PlanError
from massage_gui.core.favourites import Favourites
from massage_gui.core.frame import Frame
from massage_gui.core.i18n import translate
from massage_gui.core.library import RoutineEntry
from massage_gui.core.observable import Emitter
from massage_gui.core.plan import Plan, build_plan
from massage_gui.core.routine_library import RoutineLibrary
from massage_gui.core.scene import Scene, build_scene
from massage_gui.core.sequencer import Clock, Event, Sequencer, SessionStarted, State
from massage_gui.core.settings import TIMING_FIELDS, Settings, changed_fields, clamp_pace
from massage_gui.core.skips import toggle
from massage_gui.core.tally import SessionSummary, SessionTally

PACE_STEP_S = 0.25  # one press of + or -: a change a person notices (an eighth of the default pace)
RUNNING = frozenset({State.LEAD_IN, State.STEP, State.TRANSITION})


@dataclass(frozen=True)
class SettingsChange:
    settings: Settings
    fields: frozenset[str]


@dataclass(frozen=True)
class SessionUpdate:
    """What one session action or tick did: its events (possibly none) and the state after it."""

    events: tuple[Event, ...]
    state: State


def _safety_first() -> str:
    return translate("AppState", "Please read the safety information and confirm it first (F1).")


class AppEvents:
    """What views listen to. Each is emitted after the state has changed.

    settings(SettingsChange): settings changed (``fields`` names which).
    plan(Plan): a new plan: another routine, or timing settings changed it.
    scene(Scene): the still part of the diagram changed (mirror, skips, labels, routine).
    session(SessionUpdate): a session action or tick ran (the frame may have changed).
    state(State): the session state changed.
    notice(str): something to tell the user once.
    notice_ended(str): a notice given earlier no longer holds (views take it back).
    ended(SessionSummary): a session ended (ran to the end, or stopped): what was done.
    start_refused(str): a session may not start yet (the safety information is not confirmed); says why.
    """

    def __init__(self) -> None:
        self.settings: Emitter[SettingsChange] = Emitter("settings")
        self.plan: Emitter[Plan] = Emitter("plan")
        self.scene: Emitter[Scene] = Emitter("scene")
        self.session: Emitter[SessionUpdate] = Emitter("session")
        self.state: Emitter[State] = Emitter("state")
        self.notice: Emitter[str] = Emitter("notice")
        self.notice_ended: Emitter[str] = Emitter("notice_ended")
        self.start_refused: Emitter[str] = Emitter("start_refused")
        self.ended: Emitter[SessionSummary] = Emitter("ended")


class AppState:
    """Owns the settings, the library, the chosen routine's plan and the running session."""

    def __init__(
        self,
        settings: Settings,
        library: RoutineLibrary | None = None,
        clock: Clock | None = None,
        wall_clock: Clock | None = None,
    ) -> None:
        self.events = AppEvents()
        self.library = library or RoutineLibrary()
        self._clock: Clock = clock or time.monotonic
        self._wall = wall_clock
        self._settings = settings.validated()
        entry = self.library.entry(self._settings.last_routine) or self.library.entries()[0]
        self._sequencer = Sequencer(self._plan_for(entry, self._settings), self._clock, self._wall)
        self._state = State.IDLE
        self._scene = build_scene(self._settings, self.plan.routine.areas)
        self._tally = SessionTally(self.plan)
        self._summary: SessionSummary | None = None
        self._renamed_current: str | None = None  # the new id of the routine shown, once its session ends
        self.events.plan.connect(self._tally.set_plan)
        self.library.renamed.connect(self._on_library_renamed)
        self.library.changed.connect(self._on_library_changed)

    # -- queries -----------------------------------------------------------------------------------

    @property
    def settings(self) -> Settings:
        return self._settings

    @property
    def plan(self) -> Plan:
        return self._sequencer.plan

    @property
    def routine_id(self) -> str:
        return self.plan.routine_id

    @property
    def state(self) -> State:
        return self._sequencer.state

    @property
    def t(self) -> float:
        """Session seconds as of the last action or tick."""
        return self._sequencer.t

    @property
    def sequencer(self) -> Sequencer:
        return self._sequencer

    @property
    def scene(self) -> Scene:
        return self._scene

    @property
    def summary(self) -> SessionSummary | None:
        """How the last session ended, until another starts or another routine is chosen; else None."""
        return self._summary

    @property
    def running(self) -> bool:
        return self._sequencer.running

    @property
    def session_locked(self) -> bool:
        """Sessions stay locked until the safety information has been confirmed once."""
        return not self._settings.safety_confirmed

    def frame(self, now: float | None = None) -> Frame:
        """What the diagram shows now (smoothly between ticks while running), in the user's mirror."""
        if now is None and self._sequencer.running:
            now = self._clock()
        return self._sequencer.frame(now, mirror=self._settings.mirror)

    def seconds_to_next_event(self) -> float | None:
        return self._sequencer.seconds_to_next_event()

    # -- settings ----------------------------------------------------------------------------------

    def update(self, **changes: Any) -> bool:
        """Change some settings; see ``apply_settings``."""
        return self.apply_settings(dataclasses.replace(self._settings, **changes))

    def apply_settings(self, settings: Settings) -> bool:
        """Take new settings. Timing changes re-time the plan without losing the place; the others
        only change how things look or sound. False (and a notice) when nothing would be left to do."""
        settings = settings.validated()
        fields = changed_fields(self._settings, settings)
        if not fields:
            return True
        events: list[Event] = []
        if fields & TIMING_FIELDS:
            try:
                events = self._retime(settings)
            except PlanError:
                self.events.notice.emit(
                    translate(
                        "AppState",
                        "Every step of “{name}” is in a skipped area: nothing is left to do. "
                        "Bring back at least one area.",
                    ).format(name=self.plan.routine.name)
                )
                return False
        self._settings = settings
        self.events.settings.emit(SettingsChange(settings, fields))
        if fields & TIMING_FIELDS:
            self.events.plan.emit(self.plan)
        self._refresh_scene()
        if fields & TIMING_FIELDS:
            self._after_session_action(events)
        return True

    def _retime(self, settings: Settings) -> list[Event]:
        if self.state is State.IDLE:  # nothing to keep: a fresh plan from the routine as it is now
            entry = self.library.entry(self.routine_id)
            if entry is not None:
                self._sequencer = Sequencer(build_plan(entry.routine, settings, entry.id), self._clock, self._wall)
                return []
        return self._sequencer.replan(settings)

    def set_pace(self, pace_s: float) -> bool:
        return self.update(pace_s=round(clamp_pace(pace_s), 2))

    def nudge_pace(self, steps: int) -> bool:
        """``steps`` presses of + (slower, positive) or - (faster, negative)."""
        return self.set_pace(self._settings.pace_s + steps * PACE_STEP_S)

    def toggle_skip(self, area: str, side: BodySide | None = None) -> bool:
        """Skip one side of an area (both sides when ``side`` is None), or bring it back."""
        return self.update(skipped_areas=toggle(self._settings.skipped_areas, area, side))

    def clear_skips(self) -> bool:
        return self.update(skipped_areas=frozenset())

    def toggle_mirror(self) -> bool:
        return self.update(mirror=not self._settings.mirror)

    def confirm_safety(self, treated_side: str | None = None) -> bool:
        """The safety information was read; with the answer to its question about treated neck sides."""
        changed = (
            self.update(safety_confirmed=True)
            if treated_side is None
            else self.update(safety_confirmed=True, treated_side=treated_side)
        )
        if not self.session_locked:
            self.events.notice_ended.emit(_safety_first())
        return changed

    # -- routines ----------------------------------------------------------------------------------

    def select_routine(self, routine_id: str) -> bool:
        """Load a routine by id (built-in or favourite); a running session is stopped."""
        entry = self.library.entry(routine_id)
        if entry is None:
            return False
        events = self._sequencer.stop()
        settings = dataclasses.replace(self._settings, last_routine=entry.id)
        fields = changed_fields(self._settings, settings)
        self._settings = settings
        self._sequencer = Sequencer(self._plan_for(entry, settings), self._clock, self._wall)
        if fields:
            self.events.settings.emit(SettingsChange(settings, fields))
        self.events.plan.emit(self.plan)
        self._refresh_scene()
        self._after_session_action(events)
        self._summary = None  # another routine: its own ready screen, not the last session's summary
        return True

    def _on_library_renamed(self, renamed: dict[str, str]) -> None:
        """Another program saved a favourite under the id ours had (see ``merge_favourites``): ours goes on
        under its new id. Between sessions it is shown under that id at once; during one, the session goes on
        and it is shown under its new id when the session ends."""
        new_id = renamed.get(self.routine_id)
        if new_id is not None:
            self._renamed_current = new_id
            if self.state in (State.IDLE, State.FINISHED):
                self._follow_rename()

    def _follow_rename(self) -> None:
        """Show the routine under the id it was saved under in the end, keeping the last session's summary."""
        new_id, self._renamed_current = self._renamed_current, None
        summary = self._summary
        if new_id is not None and self.select_routine(new_id):
            self._summary = summary

    def _on_library_changed(self, favourites: Favourites) -> None:
        if self._renamed_current is not None:
            return  # ours is under a new id: followed when its session ends (not the routine now under the old)
        entry = self.library.entry(self.routine_id)
        if entry is None:  # the current favourite was deleted
            self.select_routine(self.library.entries()[0].id)
        elif entry.routine != self.plan.routine and self.state is State.IDLE:
            self.select_routine(entry.id)  # edited or renamed: show the new version

    @staticmethod
    def _plan_for(entry: RoutineEntry, settings: Settings) -> Plan:
        try:
            return build_plan(entry.routine, settings, entry.id)
        except PlanError:  # every area of this routine is skipped: show it whole rather than nothing
            return build_plan(entry.routine, dataclasses.replace(settings, skipped_areas=frozenset()), entry.id)

    # -- the session -------------------------------------------------------------------------------

    def toggle(self) -> None:
        """Space: start when idle or finished, else pause or resume."""
        if self.state in (State.IDLE, State.FINISHED) and not self._allow_start():
            return
        self._run(self._sequencer.toggle)

    def start(self) -> None:
        if self._allow_start():
            self._run(self._sequencer.start)

    def pause(self) -> None:
        self._run(self._sequencer.pause)

    def resume(self) -> None:
        self._run(self._sequencer.resume)

    def next(self) -> None:
        self._run(self._sequencer.next)

    def previous(self) -> None:
        self._run(self._sequencer.previous)

    def restart_step(self) -> None:
        self._run(self._sequencer.restart_step)

    def stop(self) -> None:
        self._run(self._sequencer.stop)

    def seek(self, t: float) -> None:
        """Jump to session time ``t`` (previews, pictures and tests; no safety check)."""
        self._run(lambda: self._sequencer.seek(t))

    def tick(self) -> None:
        """Advance to the clock's now (the app's timers call this)."""
        self._run(self._sequencer.tick)

    def _allow_start(self) -> bool:
        if self.session_locked:
            reason = _safety_first()
            self.events.notice.emit(reason)
            self.events.start_refused.emit(reason)
            return False
        return True

    def _run(self, action: Callable[[], list[Event]]) -> None:
        self._after_session_action(action())

    def _after_session_action(self, events: list[Event]) -> None:
        if any(isinstance(e, SessionStarted) for e in events):
            self._summary = None
        ended = self._tally.handle(events)
        if ended is not None:
            self._summary = ended
        state = self._sequencer.state
        self.events.session.emit(SessionUpdate(tuple(events), state))
        if state is not self._state:
            self._state = state
            self.events.state.emit(state)
        if ended is not None:
            self.events.ended.emit(ended)
            if self._renamed_current is not None:
                self._follow_rename()

    def _refresh_scene(self) -> None:
        scene = build_scene(self._settings, self.plan.routine.areas)
        if scene != self._scene:
            self._scene = scene
            self.events.scene.emit(scene)
