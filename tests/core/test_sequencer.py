"""The sequencer: a session driven by an injected monotonic clock, never by counting ticks (docs/routine-format.md)."""

from __future__ import annotations

import dataclasses
import random
from typing import Any

import pytest
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, precondition, rule

from massage_gui.core.errors import PlanError
from massage_gui.core.library import builtin_routines
from massage_gui.core.plan import Plan, build_plan
from massage_gui.core.routine import Routine, Step
from massage_gui.core.sequencer import (
    HEARTBEAT_S,
    CountdownTick,
    Event,
    Paused,
    PositionStarted,
    Replanned,
    Resumed,
    RoutineFinished,
    Sequencer,
    SessionStarted,
    State,
    StepFinished,
    StepStarted,
    StrokeStarted,
    TransitionStarted,
)
from massage_gui.core.settings import Settings
from tests.core.test_routine import routines as generated_routines
from tests.fake_clock import FakeClock

BUILTINS = {entry.id: entry.routine for entry in builtin_routines()}


# Timeline at the default settings (lead-in 5, transitions 3, pace 2, breath 6):
#   lead-in 0-5 | breathing 5-17 (2 x 6 s) | 17-20 | collarbone 20-26 (3 x 2 s) | 26-29 | cheeks 29-35 (2 x 3 s)
SHORT = Routine(
    name="short",
    steps=(
        Step("breathing", "breath", 2),
        Step("collarbone", "circles", 3, "terminus"),
        Step("cheeks", "stretch", 2, "submandibular", pace_factor=1.5),
    ),
)
TOTAL = 35.0


def session(routine: Routine = SHORT, **changes: Any) -> tuple[Sequencer, FakeClock]:
    clock = FakeClock()
    return Sequencer(build_plan(routine, Settings(**changes), "test"), clock), clock


def run_to(seq: Sequencer, clock: FakeClock, t: float, step: float = 0.5) -> list[Event]:
    """Tick in small steps (well under the sleep gap) until session time ``t``; all events on the way."""
    events: list[Event] = []
    while seq.running and seq.t < t - 1e-12:
        clock.advance(min(step, t - seq.t))
        events += seq.tick()
    return events


def expected_timeline(plan: Plan) -> list[Event]:
    """Every event of an uninterrupted session, built from the plan's numbers and the timing rules."""
    events: list[Event] = [
        CountdownTick(k, plan.lead_in_s - k) for k in (3, 2, 1) if plan.lead_in_s - k >= 0
    ]  # the lead-in's last seconds
    for i, step in enumerate(plan.steps):
        events.append(StepStarted(i, step.start_s))
        first_at_spot = [sum(step.shares[:n]) for n in range(1, len(step.shares))]  # the hands move on
        for k in range(step.reps):
            at = step.start_s + k * step.stroke_s
            if k in first_at_spot:
                events.append(PositionStarted(i, first_at_spot.index(k) + 2, at))
            events.append(StrokeStarted(i, k + 1, at))
        end = step.start_s + step.duration_s
        events.append(StepFinished(i, end, completed=True))
        if i + 1 < len(plan.steps) and plan.transition_s > 0:
            events.append(TransitionStarted(i + 1, end))
    events.append(RoutineFinished(plan.total_s, completed=True))
    return events


def same_events(actual: list[Event], expected: list[Event]) -> bool:
    if len(actual) != len(expected):
        return False
    for a, b in zip(actual, expected, strict=True):
        if type(a) is not type(b):
            return False
        da, db = dataclasses.asdict(a), dataclasses.asdict(b)
        if da.pop("at_s") != pytest.approx(db.pop("at_s"), abs=1e-9) or da != db:
            return False
    return True


# -- basics ----------------------------------------------------------------------------------------


def test_the_short_plan_is_what_the_comments_say() -> None:
    seq, _ = session()
    plan = seq.plan
    assert [(s.start_s, s.duration_s) for s in plan.steps] == [(5.0, 12.0), (20.0, 6.0), (29.0, 6.0)]
    assert plan.total_s == TOTAL


def test_idle_sequencer_does_nothing() -> None:
    seq, clock = session()
    assert seq.state is State.IDLE
    assert not seq.running
    assert not seq.paused
    clock.advance(10)
    assert seq.tick() == []
    assert seq.t == 0.0
    assert seq.seconds_to_next_event() is None
    assert seq.pause() == []
    assert seq.resume() == []
    assert seq.stop() == []
    assert seq.next() == []
    assert seq.previous() == []
    assert seq.restart_step() == []


def test_start_and_the_whole_timeline() -> None:
    seq, clock = session()
    assert seq.start() == [SessionStarted(0.0)]
    assert seq.state is State.LEAD_IN
    assert seq.running
    assert seq.t == 0.0
    events = run_to(seq, clock, 100.0, step=0.37)
    assert same_events(events, expected_timeline(seq.plan)), events
    assert seq.state is State.FINISHED
    assert not seq.running
    assert seq.t == TOTAL
    clock.advance(0.5)
    assert seq.tick() == []


def test_start_without_lead_in_or_transitions() -> None:
    seq, clock = session(lead_in_s=0.0, transition_s=0.0)
    events = seq.start()
    assert events == [SessionStarted(0.0), StepStarted(0, 0.0), StrokeStarted(0, 1, 0.0)]
    events = run_to(seq, clock, 100.0, step=0.25)
    assert same_events(events, expected_timeline(seq.plan)[2:])
    assert not any(isinstance(e, TransitionStarted) for e in events)


def test_events_carry_session_time_not_clock_time() -> None:
    seq, clock = session()
    clock.now = 987654.25
    seq.start()
    clock.advance(1.0)
    assert seq.tick() == []
    clock.advance(1.0)
    seq.tick()
    for _ in range(2):
        clock.advance(1.0)
        seq.tick()
    clock.advance(1.0)
    assert seq.tick() == [StepStarted(0, 5.0), StrokeStarted(0, 1, 5.0)]
    assert seq.state is State.STEP


def test_tick_reports_each_event_once_whatever_the_tick_spacing() -> None:
    for spacing in (0.01, 0.1, 0.999, 1.0):
        seq, clock = session()
        seq.start()
        events = run_to(seq, clock, 100.0, step=spacing)
        assert same_events(events, expected_timeline(seq.plan)), spacing


def test_position_comes_from_the_clock_not_from_counting_ticks() -> None:
    a, clock_a = session()
    b, clock_b = session()
    a.start()
    b.start()
    run_to(a, clock_a, 23.0, step=0.01)
    run_to(b, clock_b, 23.0, step=1.0)
    assert a.t == pytest.approx(23.0)
    assert b.t == pytest.approx(23.0)
    assert a.frame().rep == b.frame().rep == 2


def test_seconds_to_next_event() -> None:
    seq, clock = session()
    seq.start()
    assert seq.seconds_to_next_event() == HEARTBEAT_S  # the first step starts at 5 s: wait a heartbeat
    run_to(seq, clock, 4.5)
    assert seq.seconds_to_next_event() == pytest.approx(0.5)
    run_to(seq, clock, 20.5)
    assert seq.seconds_to_next_event() == pytest.approx(min(1.5, HEARTBEAT_S))  # stroke 2 at 22 s
    run_to(seq, clock, 21.25)
    assert seq.seconds_to_next_event() == pytest.approx(0.75)  # stroke 2 at 22 s
    seq.pause()
    assert seq.seconds_to_next_event() is None
    seq.resume()
    run_to(seq, clock, 100)
    assert seq.seconds_to_next_event() is None


def test_seconds_to_next_event_counts_from_the_clock_not_the_last_tick() -> None:
    seq, clock = session()
    seq.start()
    run_to(seq, clock, 4.5)
    clock.advance(0.2)  # time passes without a tick (a slow paint, a lost timer event)
    assert seq.seconds_to_next_event() == pytest.approx(0.3)
    clock.advance(0.5)  # the step start is now overdue: tick at once
    assert seq.seconds_to_next_event() == 0.0
    assert seq.tick() == [StepStarted(0, 5.0), StrokeStarted(0, 1, 5.0)]


def test_frame_between_ticks_uses_the_given_time() -> None:
    seq, clock = session()
    seq.start()
    run_to(seq, clock, 21.0)
    assert seq.frame().t == pytest.approx(21.0)
    assert seq.frame(clock.now + 0.5).t == pytest.approx(21.5)
    assert seq.frame(clock.now + 1000).t == TOTAL
    assert seq.frame(mirror=False).mirror is False


# -- pause, resume, toggle -------------------------------------------------------------------------


def test_pause_and_resume() -> None:
    seq, clock = session()
    seq.start()
    run_to(seq, clock, 7.0)
    clock.advance(0.5)
    events = seq.pause()
    assert events == [Paused(7.5, "user")]
    assert seq.state is State.PAUSED
    assert seq.paused
    assert not seq.running
    clock.advance(500.0)
    assert seq.tick() == []
    assert seq.t == 7.5
    assert seq.pause() == []
    assert seq.resume() == [Resumed(7.5)]
    assert seq.resume() == []
    clock.advance(0.75)
    assert seq.tick() == []
    assert seq.t == pytest.approx(8.25)
    assert seq.state is State.STEP


def test_pause_reports_what_happened_since_the_last_tick() -> None:
    seq, clock = session()
    seq.start()
    run_to(seq, clock, 4.5)
    clock.advance(1.0)
    assert seq.pause() == [StepStarted(0, 5.0), StrokeStarted(0, 1, 5.0), Paused(5.5, "user")]


def test_toggle() -> None:
    seq, clock = session()
    assert seq.toggle() == [SessionStarted(0.0)]
    clock.advance(1.0)
    assert seq.toggle() == [Paused(1.0, "user")]
    clock.advance(9.0)
    assert seq.toggle() == [Resumed(1.0)]
    run_to(seq, clock, 100.0)
    assert seq.state is State.FINISHED
    assert seq.toggle() == [SessionStarted(0.0)]
    assert seq.state is State.LEAD_IN
    assert seq.t == 0.0


def test_pause_at_the_very_end_finishes_instead() -> None:
    seq, clock = session()
    seq.start()
    run_to(seq, clock, 34.5)
    clock.advance(0.75)
    events = seq.pause()
    assert events[-1] == RoutineFinished(TOTAL, completed=True)
    assert not any(isinstance(e, Paused) for e in events)
    assert seq.state is State.FINISHED
    assert seq.t == TOTAL


# -- moving around ---------------------------------------------------------------------------------


def test_next_from_the_lead_in_starts_the_first_step() -> None:
    seq, clock = session()
    seq.start()
    clock.advance(1.0)
    assert seq.next() == [StepStarted(0, 5.0), StrokeStarted(0, 1, 5.0)]
    assert seq.t == 5.0
    assert seq.state is State.STEP


def test_next_leaves_the_step_early() -> None:
    seq, clock = session()
    seq.start()
    run_to(seq, clock, 8.0)
    clock.advance(0.5)  # no tick: next must still use the clock's time
    assert seq.next() == [StepFinished(0, 8.5, completed=False), StepStarted(1, 20.0), StrokeStarted(1, 1, 20.0)]
    assert seq.t == 20.0
    assert seq.position().step_index == 1
    clock.advance(0.5)
    assert seq.tick() == []
    assert seq.t == pytest.approx(20.5)


def test_next_in_a_transition_starts_the_coming_step() -> None:
    seq, clock = session()
    seq.start()
    run_to(seq, clock, 18.0)
    assert seq.state is State.TRANSITION
    assert seq.next() == [StepStarted(1, 20.0), StrokeStarted(1, 1, 20.0)]


def test_next_on_the_last_step_finishes() -> None:
    seq, clock = session()
    seq.start()
    run_to(seq, clock, 30.0)
    events = seq.next()
    finished = [e for e in events if isinstance(e, StepFinished)]
    assert finished == [StepFinished(2, 30.0, completed=False)], "one StepFinished per step"
    assert isinstance(events[-1], RoutineFinished)
    assert seq.state is State.FINISHED
    assert seq.t == TOTAL
    assert seq.next() == []


def test_previous() -> None:
    seq, clock = session()
    seq.start()
    run_to(seq, clock, 22.0)
    assert seq.previous() == [StepFinished(1, 22.0, completed=False), StepStarted(0, 5.0), StrokeStarted(0, 1, 5.0)]
    assert seq.t == 5.0
    clock.advance(1.0)
    seq.tick()
    assert seq.previous()[-2:] == [StepStarted(0, 5.0), StrokeStarted(0, 1, 5.0)]
    assert seq.t == 5.0


def test_previous_in_a_transition_goes_to_the_step_just_done() -> None:
    seq, clock = session()
    seq.start()
    run_to(seq, clock, 27.0)
    assert seq.previous() == [StepStarted(1, 20.0), StrokeStarted(1, 1, 20.0)]


def test_previous_after_finishing_goes_back_to_the_last_step() -> None:
    seq, clock = session()
    seq.start()
    run_to(seq, clock, 100.0)
    assert seq.previous() == [StepStarted(2, 29.0), StrokeStarted(2, 1, 29.0)]
    assert seq.state is State.STEP
    assert seq.running


def test_restart_step() -> None:
    seq, clock = session()
    seq.start()
    run_to(seq, clock, 23.5)
    events = seq.restart_step()
    assert events == [StepFinished(1, 23.5, completed=False), StepStarted(1, 20.0), StrokeStarted(1, 1, 20.0)]
    assert seq.t == 20.0
    events = run_to(seq, clock, 22.0)
    assert events == [StrokeStarted(1, 2, 22.0)], "the strokes of the restarted step come again"


def test_restart_in_a_transition_repeats_the_step_just_done() -> None:
    seq, clock = session()
    seq.start()
    run_to(seq, clock, 18.0)
    assert seq.restart_step() == [StepStarted(0, 5.0), StrokeStarted(0, 1, 5.0)]


def test_restart_without_transitions_does_not_finish_the_step_before() -> None:
    seq, clock = session(transition_s=0.0)
    seq.start()
    step = seq.plan.steps[1]
    run_to(seq, clock, step.start_s + 1.0)
    events = seq.restart_step()
    expected = [
        StepFinished(1, step.start_s + 1.0, False),
        StepStarted(1, step.start_s),
        StrokeStarted(1, 1, step.start_s),
    ]
    assert same_events(events, expected), events


def test_previous_without_transitions_does_not_finish_the_step_before() -> None:
    seq, clock = session(transition_s=0.0)
    seq.start()
    step, last = seq.plan.steps[1], seq.plan.steps[2]
    run_to(seq, clock, last.start_s + 1.0)
    events = seq.previous()
    expected = [
        StepFinished(2, last.start_s + 1.0, False),
        StepStarted(1, step.start_s),
        StrokeStarted(1, 1, step.start_s),
    ]
    assert same_events(events, expected), events


def test_restarting_the_session_while_running_uses_the_clocks_time() -> None:
    seq, clock = session()
    seq.start()
    run_to(seq, clock, 8.0)
    clock.advance(0.5)
    assert seq.start() == [StepFinished(0, 8.5, completed=False), SessionStarted(0.0)]
    assert seq.t == 0.0
    assert seq.state is State.LEAD_IN


def test_stop() -> None:
    seq, clock = session()
    seq.start()
    run_to(seq, clock, 21.0)
    clock.advance(0.25)
    assert seq.stop() == [StepFinished(1, 21.25, completed=False), RoutineFinished(21.25, completed=False)]
    assert seq.state is State.IDLE
    assert seq.t == 0.0
    assert seq.stop() == []


def test_stop_in_a_transition_and_after_finishing() -> None:
    seq, clock = session()
    seq.start()
    run_to(seq, clock, 18.0)
    assert seq.stop() == [RoutineFinished(18.0, completed=False)]
    seq.start()
    run_to(seq, clock, 100.0)
    assert seq.stop() == []
    assert seq.state is State.IDLE


def test_moving_while_paused_stays_paused() -> None:
    seq, clock = session()
    seq.start()
    run_to(seq, clock, 8.0)
    seq.pause()
    assert seq.next()[-1] == StrokeStarted(1, 1, 20.0)
    assert seq.paused
    assert seq.t == 20.0
    clock.advance(5.0)
    assert seq.tick() == []
    assert seq.t == 20.0
    seq.resume()
    clock.advance(1.0)
    seq.tick()
    assert seq.t == pytest.approx(21.0)


# -- changing the plan mid-session ---------------------------------------------------------------


def test_set_pace_mid_step_keeps_rep_and_phase() -> None:
    seq, clock = session()
    seq.start()
    run_to(seq, clock, 24.5)  # collarbone: stroke 3 of 3 at 2 s a stroke, a quarter through
    before = seq.frame()
    assert (before.rep, before.phase) == (3, pytest.approx(0.25))
    seq.set_pace(4.0)
    after = seq.frame()
    assert after.state == "step"
    assert after.step_index == 1
    assert after.rep == 3
    assert after.phase == pytest.approx(0.25)
    step = seq.plan.steps[1]
    assert step.stroke_s == 4.0
    assert after.step_remaining_s == pytest.approx(0.75 * 4.0)  # what remains is re-timed
    assert seq.plan.settings.pace_s == 4.0
    assert seq.plan.steps[2].start_s == step.start_s + step.duration_s + seq.plan.transition_s
    # time keeps running at the new pace: one more second is a quarter stroke
    clock.advance(1.0)
    seq.tick()
    assert seq.frame().rep == 3
    assert seq.frame().phase == pytest.approx(0.5)


def test_set_pace_in_a_breathing_step_changes_nothing_there() -> None:
    seq, clock = session()
    seq.start()
    run_to(seq, clock, 9.5)
    before = seq.frame()
    seq.set_pace(1.0)
    after = seq.frame()
    assert (after.rep, after.phase, after.step_remaining_s) == (
        before.rep,
        pytest.approx(before.phase),
        pytest.approx(before.step_remaining_s),
    )


def test_set_pace_while_paused_keeps_the_place_and_the_pause() -> None:
    seq, clock = session()
    seq.start()
    run_to(seq, clock, 31.5)  # cheeks: 3 s strokes, stroke 1 at 2.5/3
    seq.pause()
    seq.set_pace(3.0)  # 4.5 s strokes
    assert seq.paused
    frame = seq.frame()
    assert frame.rep == 1
    assert frame.phase == pytest.approx(2.5 / 3)
    clock.advance(10.0)
    seq.tick()
    assert seq.frame().phase == pytest.approx(2.5 / 3)


def test_set_pace_in_a_transition_keeps_the_time_into_it() -> None:
    seq, clock = session()
    seq.start()
    run_to(seq, clock, 27.0)  # one second into the transition before cheeks
    seq.set_pace(1.0)
    pos = seq.position()
    assert pos.segment == "transition"
    assert pos.step_index == 2
    assert pos.offset_s == pytest.approx(1.0)


def test_replan_skipping_the_current_area_moves_to_the_next_kept_step() -> None:
    seq, clock = session()
    seq.start()
    run_to(seq, clock, 22.0)  # in the collarbone step
    seq.replan(dataclasses.replace(seq.plan.settings, skipped_areas=frozenset({"collarbone"})))
    assert [s.area for s in seq.plan.steps] == ["breathing", "cheeks"]
    pos = seq.position()
    assert pos.segment == "transition", "waits in the transition before cheeks"
    assert pos.step_index == 1
    assert seq.frame().area == "cheeks"
    events = run_to(seq, clock, 100.0)
    for e in events:
        index = getattr(e, "step_index", getattr(e, "next_step_index", None))
        if index is not None:
            assert seq.plan.steps[index].area != "collarbone"
    assert StepStarted(1, seq.plan.steps[1].start_s) in events
    assert seq.t == seq.plan.total_s


def test_replan_skipping_everything_is_refused_and_changes_nothing() -> None:
    seq, clock = session()
    seq.start()
    run_to(seq, clock, 22.0)
    plan = seq.plan
    with pytest.raises(PlanError):
        seq.replan(dataclasses.replace(plan.settings, skipped_areas=SHORT.areas))
    assert seq.plan is plan
    assert seq.running
    assert seq.t == pytest.approx(22.0)


def test_replan_with_focus_keeps_rep_and_phase() -> None:
    seq, clock = session()
    seq.start()
    run_to(seq, clock, 23.0)  # collarbone stroke 2, half way
    seq.replan(dataclasses.replace(seq.plan.settings, focus_areas=frozenset({"collarbone"})))
    assert seq.plan.steps[1].reps == 5  # ceil(3 × 1.5)
    frame = seq.frame()
    assert frame.rep == 2
    assert frame.phase == pytest.approx(0.5)
    assert frame.reps == 5


# -- sleep -----------------------------------------------------------------------------------------


def test_a_monotonic_jump_means_the_computer_slept() -> None:
    seq, clock = session()
    seq.start()
    run_to(seq, clock, 8.0)
    clock.advance(45.0)
    assert seq.tick() == [Paused(8.0, "sleep", 45.0)]
    assert seq.paused
    assert seq.state is State.PAUSED
    assert seq.t == 8.0
    clock.advance(1.0)
    assert seq.tick() == []
    assert seq.t == 8.0
    assert seq.resume() == [Resumed(8.0)]
    clock.advance(0.5)
    assert seq.tick() == []
    assert seq.t == pytest.approx(8.5)


def test_a_gap_of_two_seconds_is_not_sleep() -> None:
    seq, clock = session()
    seq.start()
    run_to(seq, clock, 8.0)
    clock.advance(2.0)
    assert seq.tick() == []
    assert seq.running
    assert seq.t == pytest.approx(10.0)
    clock.advance(2.01)
    assert seq.tick() == [Paused(10.0, "sleep", pytest.approx(2.01))]


def test_pause_that_finds_a_sleep_reports_only_the_sleep() -> None:
    seq, clock = session()
    seq.start()
    run_to(seq, clock, 8.0)
    clock.advance(30.0)
    assert seq.pause() == [Paused(8.0, "sleep", 30.0)]
    assert seq.paused
    assert seq.t == 8.0


class WallClock(FakeClock):
    """A wall clock that can jump while the monotonic clock does not (a suspend it did not count)."""


def test_wall_clock_running_ahead_of_monotonic_means_sleep() -> None:
    clock, wall = FakeClock(50.0), WallClock(1.7e9)
    seq = Sequencer(build_plan(SHORT, Settings()), clock, wall_clock=wall)
    seq.start()
    for _ in range(16):
        clock.advance(0.5)
        wall.advance(0.5)
        seq.tick()
    assert seq.running
    assert seq.t == pytest.approx(8.0)
    clock.advance(0.5)
    wall.advance(600.5)
    events = seq.tick()
    assert events == [Paused(pytest.approx(8.0), "sleep", pytest.approx(600.0))]
    assert seq.paused
    assert seq.t == pytest.approx(8.0)
    seq.resume()
    clock.advance(0.5)
    wall.advance(0.5)
    seq.tick()
    assert seq.running
    assert seq.t == pytest.approx(8.5)


@pytest.mark.parametrize("wall_step", [0.5, 2.4, -3600.0])
def test_wall_clock_that_agrees_or_goes_back_is_not_sleep(wall_step: float) -> None:
    clock, wall = FakeClock(50.0), WallClock(1.7e9)
    seq = Sequencer(build_plan(SHORT, Settings()), clock, wall_clock=wall)
    seq.start()
    clock.advance(0.5)
    wall.advance(wall_step)
    seq.tick()
    assert seq.running
    assert seq.t == pytest.approx(0.5)


# -- a long session with an uneven timer -----------------------------------------------------------


def test_simulated_thorough_session_with_jitter_and_dropped_ticks() -> None:
    rng = random.Random(20240611)
    clock = FakeClock(73519.123)
    plan = build_plan(BUILTINS["thorough"], Settings(), "thorough")
    assert 16 * 60 <= plan.total_s <= 24 * 60
    seq = Sequencer(plan, clock)
    session_start = clock.now
    events = seq.start()
    detected: dict[int, float] = {}
    finished: list[RoutineFinished] = []
    ticks = dropped = 0
    while seq.running:
        ticks += 1
        assert ticks < 200_000, "the session never finished"
        wait = seq.seconds_to_next_event()
        assert wait is not None
        assert 0.0 <= wait <= HEARTBEAT_S
        clock.advance(min(rng.uniform(0.010, 0.050), wait))
        if rng.random() < 0.1:  # the timer fired but the tick was lost; the next one still comes
            dropped += 1
            continue
        for event in seq.tick():
            events.append(event)
            if isinstance(event, StepStarted):
                assert event.step_index not in detected
                assert event.at_s == plan.steps[event.step_index].start_s
                detected[event.step_index] = clock.now - session_start
            elif isinstance(event, RoutineFinished):
                finished.append(event)
            assert not isinstance(event, Paused), "no tick gap here is long enough to look like sleep"
    assert dropped > 100
    assert ticks > 20_000
    assert sorted(detected) == list(range(len(plan.steps)))
    for index, at in detected.items():
        assert abs(at - plan.steps[index].start_s) <= 1e-3, (index, at, plan.steps[index].start_s)
    assert finished == [RoutineFinished(plan.total_s, completed=True)]
    assert seq.t == plan.total_s
    assert seq.state is State.FINISHED
    assert abs((clock.now - session_start) - plan.total_s) <= 1e-3
    timeline = [e for e in events if not isinstance(e, SessionStarted)]
    assert same_events(timeline, expected_timeline(plan))


# -- the state machine -----------------------------------------------------------------------------

PositionKey = tuple[int, int, float]


def position_key(seq: Sequencer) -> PositionKey:
    """Order positions: (step index, lead-in/transition before step, fraction through the segment)."""
    plan, pos = seq.plan, seq.position()
    if pos.segment == "finished":
        return (len(plan.steps), 0, 0.0)
    if pos.segment == "step":
        return (pos.step_index, 1, pos.offset_s / plan.steps[pos.step_index].duration_s)
    length = plan.lead_in_s if pos.segment == "lead_in" else plan.transition_s
    return (pos.step_index, 0, pos.offset_s / length if length else 0.0)


def event_step(event: Event) -> int | None:
    if isinstance(event, (StepStarted, StrokeStarted, StepFinished)):
        return event.step_index
    if isinstance(event, TransitionStarted):
        return event.next_step_index
    return None


machine_routines = st.one_of(st.sampled_from([SHORT, BUILTINS["quick"], BUILTINS["neck"]]), generated_routines)


class SessionMachine(RuleBasedStateMachine):
    seq: Sequencer
    clock: FakeClock

    @initialize(
        routine=machine_routines,
        data=st.data(),
        pace=st.floats(1.0, 4.0),
        lead_in=st.sampled_from([0.0, 2.5, 5.0]),
        transition=st.sampled_from([0.0, 1.0, 3.0]),
    )
    def setup(self, routine: Routine, data: st.DataObject, pace: float, lead_in: float, transition: float) -> None:
        areas = sorted(routine.areas)
        skipped = data.draw(st.frozensets(st.sampled_from(areas), max_size=len(areas) - 1), label="skipped")
        self.skipped = skipped
        self.clock = FakeClock(data.draw(st.floats(0.0, 1e6), label="clock"))
        s = Settings(pace_s=pace, lead_in_s=lead_in, transition_s=transition, skipped_areas=skipped)
        self.seq = Sequencer(build_plan(routine, s, "machine"), self.clock)
        self.key: PositionKey | None = None
        self.open_step: int | None = None  # the step between its StepStarted and its StepFinished

    # helpers

    def record(self, events: list[Event], *, moves_back: bool = False, lo: float | None = None) -> None:
        for event in events:
            self.follow(event)
            index = event_step(event)
            if index is not None:
                assert 0 <= index < len(self.seq.plan.steps)
                assert self.seq.plan.steps[index].area not in self.skipped
            if lo is not None and hasattr(event, "at_s") and not isinstance(event, (Paused, Resumed)):
                assert lo < event.at_s <= self.seq.t + 1e-9
        if lo is not None:  # a tick: events in the order they happened
            times = [e.at_s for e in events]
            assert times == sorted(times)
        self.check_position(moves_back=moves_back)

    def follow(self, event: Event) -> None:
        """Steps open and close in pairs: one StepFinished per StepStarted, strokes only inside a step."""
        if isinstance(event, StepStarted):
            assert self.open_step is None, (self.open_step, event)
            self.open_step = event.step_index
        elif isinstance(event, StepFinished):
            assert self.open_step == event.step_index, (self.open_step, event)
            self.open_step = None
        elif isinstance(event, StrokeStarted):
            assert self.open_step == event.step_index, (self.open_step, event)
        elif isinstance(event, (SessionStarted, RoutineFinished, TransitionStarted)):
            assert self.open_step is None, (self.open_step, event)

    def check_position(self, *, moves_back: bool, tolerance: float = 0.0) -> None:
        if self.seq.state is State.IDLE:
            self.key = None
            return
        key = position_key(self.seq)
        if self.key is not None and not moves_back:
            old = self.key
            assert key[:2] > old[:2] or (key[:2] == old[:2] and key[2] >= old[2] - tolerance), (old, key)
        self.key = key

    # rules

    @rule()
    def start(self) -> None:
        self.record(self.seq.start(), moves_back=True)
        assert self.seq.t == 0.0

    @rule()
    def pause(self) -> None:
        before = self.seq.t
        self.record(self.seq.pause(), lo=before)

    @rule()
    def resume(self) -> None:
        self.record(self.seq.resume())

    @rule()
    def toggle(self) -> None:
        restarting = self.seq.state in (State.IDLE, State.FINISHED)
        self.record(self.seq.toggle(), moves_back=restarting)

    @rule()
    def next(self) -> None:
        self.record(self.seq.next())

    @rule()
    def previous(self) -> None:
        self.record(self.seq.previous(), moves_back=True)

    @rule()
    def restart(self) -> None:
        self.record(self.seq.restart_step(), moves_back=True)

    @rule()
    def stop(self) -> None:
        self.record(self.seq.stop(), moves_back=True)

    @rule(pace=st.floats(1.0, 4.0))
    def change_pace(self, pace: float) -> None:
        before = self.seq.frame()
        self.seq.set_pace(pace)
        assert self.seq.plan.settings.pace_s == pace
        after = self.seq.frame()
        assert after.state == before.state
        assert after.step_index == before.step_index
        if before.state == "step" and before.phase is not None and 1e-6 < before.phase < 1 - 1e-6:
            assert after.rep == before.rep
            assert after.phase == pytest.approx(before.phase, abs=1e-6)
        self.check_position(moves_back=False, tolerance=1e-9)

    @rule(dt=st.floats(0.0, 1.0))
    def advance(self, dt: float) -> None:
        before, was_running = self.seq.t, self.seq.running
        self.clock.advance(dt)
        events = self.seq.tick()
        self.record(events, lo=before)
        if was_running:
            assert self.seq.t == pytest.approx(min(before + dt, self.seq.plan.total_s), abs=1e-6)
        else:
            assert events == []
            assert self.seq.t == before

    @precondition(lambda self: self.seq.running)
    @rule(gap=st.floats(2.01, 1e5))
    def sleep(self, gap: float) -> None:
        before = self.seq.t
        self.clock.advance(gap)
        assert self.seq.tick() == [Paused(before, "sleep", pytest.approx(gap))]
        assert self.seq.t == before
        assert self.seq.paused
        self.check_position(moves_back=False)

    # invariants

    @invariant()
    def within_the_step(self) -> None:
        pos = self.seq.position()
        if pos.segment == "step":
            assert 0.0 <= pos.offset_s < self.seq.plan.steps[pos.step_index].duration_s
        assert 0.0 <= self.seq.t <= self.seq.plan.total_s

    @invariant()
    def finished_exactly_at_the_end(self) -> None:
        if self.seq.state is State.FINISHED:
            assert self.seq.t == self.seq.plan.total_s
            assert not self.seq.running

    @invariant()
    def frame_never_shows_a_skipped_area(self) -> None:
        frame = self.seq.frame()
        assert frame.area not in self.skipped
        if frame.phase is not None:
            assert 0.0 <= frame.phase < 1.0

    @invariant()
    def next_event_is_soon(self) -> None:
        wait = self.seq.seconds_to_next_event()
        if self.seq.running:
            assert wait is not None
            assert 0.0 <= wait <= HEARTBEAT_S
        else:
            assert wait is None


TestSessionMachine = SessionMachine.TestCase
TestSessionMachine.settings = settings(
    max_examples=150,
    stateful_step_count=40,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
)


def test_machine_helpers_can_fail() -> None:
    """The position order used by the machine really is an order along the timeline."""
    seq, clock = session()
    seq.start()
    keys = [position_key(seq)]
    for _ in range(70):  # 0.5 s at a time to the end (35 s)
        clock.advance(0.5)
        seq.tick()
        keys.append(position_key(seq))
    assert keys == sorted(keys)
    assert len(set(keys)) == len(keys)
    assert keys[-1] == (len(seq.plan.steps), 0, 0.0)


def test_previous_and_restart_in_the_lead_in_restart_the_lead_in() -> None:
    seq, clock = session()
    seq.start()
    run_to(seq, clock, 3.0)
    assert seq.previous() == []
    assert seq.t == 0.0
    run_to(seq, clock, 2.0)
    assert seq.restart_step() == []
    assert seq.t == 0.0
    assert seq.state is State.LEAD_IN


def test_seek_into_the_middle_of_a_step_reports_that_the_step_began() -> None:
    seq, _ = session()
    events = seq.seek(22.5)
    assert events == [SessionStarted(0.0), StepStarted(1, 22.5)]
    events = seq.seek(30.0)
    assert events == [StepFinished(1, 22.5, completed=False), StepStarted(2, 30.0)]


def test_skipping_the_current_area_ends_its_step_early() -> None:
    seq, clock = session()
    seq.start()
    run_to(seq, clock, 21.0)
    assert seq.position().step_index == 1
    events = seq.replan(Settings(skipped_areas=frozenset({"collarbone"})))
    assert events[0] == StepFinished(1, 21.0, completed=False)
    assert events[1] == Replanned(seq.t, 21.0, seq.plan)  # after the old plan's last event
    assert all(s.area != "collarbone" for s in seq.plan.steps)
    assert seq.state is State.TRANSITION  # waiting before the next kept step (cheeks)
    assert seq.plan.steps[seq.position().step_index].area == "cheeks"


def test_a_pace_change_reports_only_the_new_plan_and_where_the_session_is_in_it() -> None:
    seq, clock = session()
    seq.start()
    run_to(seq, clock, 21.0)  # collarbone, half a stroke in at 2 s a stroke
    old = seq.plan
    events = seq.set_pace(3.0)
    assert events == [Replanned(seq.t, 21.0, seq.plan)]
    assert seq.plan is not old
    assert seq.t == pytest.approx(seq.plan.steps[1].start_s + 1.5)  # half a stroke in at 3 s a stroke


def test_replanning_before_a_session_reports_the_new_plan() -> None:
    seq, _ = session()
    events = seq.set_pace(3.0)
    assert events == [Replanned(0.0, 0.0, seq.plan)]
    assert seq.state is State.IDLE


def test_the_replanned_event_asks_for_no_cue() -> None:
    from massage_gui.core.cues import CueOptions, cues_for

    seq, clock = session()
    seq.start()
    run_to(seq, clock, 21.0)
    [event] = seq.set_pace(3.0)
    assert isinstance(event, Replanned)
    assert cues_for(event, seq.plan, CueOptions(sound=True, stroke_ticks=True, voice=True)) == []
