"""The session tally: what a session did, from the sequencer's events on a fake clock, and when it is finished."""

from __future__ import annotations

import dataclasses

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from massage_gui.core import sequencer as seq
from massage_gui.core.plan import Plan, build_plan
from massage_gui.core.routine import Routine, Step
from massage_gui.core.sequencer import Sequencer
from massage_gui.core.settings import Settings
from massage_gui.core.tally import NO_SESSION, SessionSummary, SessionTally
from tests.fake_clock import FakeClock

# Timeline at the default settings (lead-in 5, transitions 3, pace 2, breath 6):
#   lead-in 0-5 | breathing 5-17 (2 x 6 s) | 17-20 | collarbone 20-26 (3 x 2 s) | 26-29 | cheeks 29-35 (2 x 3 s)
SHORT = Routine(
    name="Short",
    steps=(
        Step("breathing", "breath", 2),
        Step("collarbone", "circles", 3, "terminus"),
        Step("cheeks", "stretch", 2, "submandibular", pace_factor=1.5),
    ),
)
ALL_S = 12.0 + 6.0 + 6.0


def short_plan(**changes: object) -> Plan:
    return build_plan(SHORT, dataclasses.replace(Settings(), **changes), "short")  # type: ignore[arg-type]


class Run:
    """A sequencer on a fake clock whose every event goes to a tally; ``ended`` collects what it returned."""

    def __init__(self, plan: Plan | None = None) -> None:
        plan = plan or short_plan()
        self.clock = FakeClock(100.0)
        self.seq = Sequencer(plan, self.clock)
        self.tally = SessionTally(plan)
        self.ended: list[SessionSummary] = []

    def feed(self, events: list[seq.Event]) -> None:
        ended = self.tally.handle(events)
        if ended is not None:
            self.ended.append(ended)

    def run(self, seconds: float, step: float = 0.25) -> None:
        remaining = seconds
        while remaining > 1e-9:
            self.clock.now += min(step, remaining)
            remaining -= step
            self.feed(self.seq.tick())

    def do(self, action: str, *args: object) -> None:
        self.feed(getattr(self.seq, action)(*args))

    def summary(self) -> SessionSummary:
        return self.tally.summary()


def counts(summary: SessionSummary) -> tuple[int, int, int, bool, bool]:
    return (summary.steps_done, summary.steps_skipped, summary.steps_total, summary.reached_end, summary.finished)


def test_before_any_session_everything_is_zero() -> None:
    tally = SessionTally(short_plan())
    assert tally.summary() == NO_SESSION
    assert not tally.running


def test_a_routine_worked_through_is_finished() -> None:
    r = Run()
    r.do("start")
    assert r.tally.running
    r.run(40)
    summary = r.summary()
    assert counts(summary) == (3, 0, 3, True, True)
    assert summary.massaged_s == pytest.approx(ALL_S)
    assert r.ended == [summary]
    assert not r.tally.running


def test_skipping_through_every_step_reaches_the_end_but_is_not_finished() -> None:
    """Issue 11, item 2: Next through a routine in seconds: nothing done, everything skipped."""
    r = Run()
    r.do("start")
    r.run(6)  # 1 s into breathing
    for _ in range(3):
        r.do("next")
    summary = r.summary()
    assert counts(summary) == (0, 3, 3, True, False)
    assert summary.massaged_s == pytest.approx(1.0)


def test_one_step_left_early_means_not_finished() -> None:
    r = Run()
    r.do("start")
    r.run(8)
    r.do("next")  # breathing left after 3 s
    r.run(30)
    summary = r.summary()
    assert counts(summary) == (2, 1, 3, True, False)
    assert summary.massaged_s == pytest.approx(3 + 6 + 6)


def test_a_step_left_then_done_after_going_back_counts_as_done() -> None:
    r = Run()
    r.do("start")
    r.run(22)
    r.do("next")  # collarbone left
    r.do("previous")  # and back to it
    r.run(30)
    assert counts(r.summary()) == (3, 0, 3, True, True)


def test_restarting_a_step_and_finishing_it_counts_as_done() -> None:
    r = Run()
    r.do("start")
    r.run(23)
    r.do("restart_step")
    r.run(30)
    summary = r.summary()
    assert counts(summary) == (3, 0, 3, True, True)
    assert summary.massaged_s == pytest.approx(ALL_S + 3)  # the first 3 s of collarbone were massaged too


def test_stopping_counts_the_step_in_progress_as_neither_done_nor_skipped() -> None:
    r = Run()
    r.do("start")
    r.run(22)
    r.do("stop")
    summary = r.summary()
    assert counts(summary) == (1, 0, 3, False, False)
    assert summary.massaged_s == pytest.approx(12 + 2)
    assert r.ended == [summary]


def test_a_step_left_early_before_the_stop_stays_skipped() -> None:
    r = Run()
    r.do("start")
    r.run(8)
    r.do("next")
    r.run(2)
    r.do("stop")
    assert counts(r.summary()) == (0, 1, 3, False, False)


def test_pauses_and_the_computer_sleeping_are_not_counted() -> None:
    r = Run()
    r.do("start")
    r.run(10)
    r.do("pause")
    r.run(300, step=5)
    r.do("resume")
    r.run(5)
    r.clock.now += 3600  # asleep
    r.feed(r.seq.tick())
    r.do("resume")
    r.run(30)
    summary = r.summary()
    assert summary.massaged_s == pytest.approx(ALL_S)
    assert summary.finished


def test_a_new_pace_mid_step_counts_the_time_really_spent() -> None:
    r = Run()
    r.do("start")
    r.run(22)  # 2 s into collarbone
    r.do("set_pace", 3.0)
    plan = r.seq.plan
    expected = 12 + 2 + (plan.steps[1].end_s - r.seq.t) + plan.steps[2].duration_s
    assert r.tally.plan is plan
    r.run(60)
    summary = r.summary()
    assert summary.massaged_s == pytest.approx(expected)
    assert counts(summary) == (3, 0, 3, True, True)


def test_a_new_pace_while_paused_counts_nothing_until_resumed() -> None:
    r = Run()
    r.do("start")
    r.run(22)
    r.do("pause")
    r.do("set_pace", 4.0)
    r.run(50, step=5)
    assert r.summary().massaged_s == pytest.approx(14)
    r.do("resume")
    r.run(100)
    plan = r.seq.plan
    assert r.summary().massaged_s == pytest.approx(12 + 2 + plan.steps[1].duration_s * 2 / 3 + plan.steps[2].duration_s)


def test_skipping_the_area_in_progress_skips_its_step() -> None:
    r = Run()
    r.do("start")
    r.run(22)
    r.do("replan", dataclasses.replace(r.seq.plan.settings, skipped_areas=frozenset({"collarbone"})))
    r.run(60)
    summary = r.summary()
    assert counts(summary) == (2, 1, 3, True, False)
    assert summary.massaged_s == pytest.approx(12 + 2 + 6)


def test_skipping_an_area_not_reached_yet_takes_its_step_out_of_the_session() -> None:
    r = Run()
    r.do("start")
    r.run(10)
    r.do("replan", dataclasses.replace(r.seq.plan.settings, skipped_areas=frozenset({"cheeks"})))
    assert r.summary().steps_total == 2
    r.run(60)
    assert counts(r.summary()) == (2, 0, 2, True, True)


def test_skipping_an_area_already_done_keeps_its_step() -> None:
    r = Run()
    r.do("start")
    r.run(27)  # breathing and collarbone done, in the transition before cheeks
    r.do("replan", dataclasses.replace(r.seq.plan.settings, skipped_areas=frozenset({"breathing"})))
    r.run(60)
    assert counts(r.summary()) == (3, 0, 3, True, True)


def test_skipping_the_area_just_done_from_the_transition_after_it_keeps_every_step() -> None:
    """Bug: Sequencer.replan landed on the start of the next kept step without a StepStarted."""
    r = Run()
    r.do("start")
    r.run(18)  # breathing done, in the transition before collarbone
    r.do("replan", dataclasses.replace(r.seq.plan.settings, skipped_areas=frozenset({"breathing"})))
    assert r.seq.t == r.seq.plan.steps[0].start_s  # collarbone, now the first step, begins here
    r.run(60)
    assert counts(r.summary()) == (3, 0, 3, True, True)


def test_steps_jumped_over_count_as_skipped_once_the_end_is_reached() -> None:
    r = Run()
    r.do("seek", 30.0)  # into cheeks: breathing and collarbone never began
    assert counts(r.summary()) == (0, 0, 3, False, False)
    r.run(10)
    summary = r.summary()
    assert counts(summary) == (1, 2, 3, True, False)
    assert summary.steps_done + summary.steps_skipped == summary.steps_total


def test_the_summary_of_an_ended_session_does_not_change_with_the_pace_afterwards() -> None:
    """Issue 11, item 2: the end screen changed when the pace changed after the end."""
    r = Run()
    r.do("start")
    r.run(40)
    ended = r.summary()
    r.do("set_pace", 4.0)
    r.do("replan", dataclasses.replace(r.seq.plan.settings, skipped_areas=frozenset({"cheeks"})))
    assert r.summary() == ended
    assert r.tally.plan is r.seq.plan  # the next session's plan


def test_starting_again_ends_the_running_session_as_stopped() -> None:
    r = Run()
    r.do("start")
    r.run(22)
    r.do("start")
    [ended] = r.ended
    assert counts(ended) == (1, 0, 3, False, False)
    assert ended.massaged_s == pytest.approx(14)
    assert r.tally.running
    assert counts(r.summary()) == (0, 0, 3, False, False)


def test_set_plan_waits_for_the_next_session() -> None:
    r = Run()
    r.do("start")
    r.run(22)
    other = build_plan(Routine(name="One", steps=(Step("breathing", "breath", 1),)), Settings(), "one")
    r.tally.set_plan(other)  # another routine chosen: told before the stop's events arrive
    assert r.tally.plan is not other
    r.do("stop")
    assert counts(r.summary()) == (1, 0, 3, False, False)
    assert r.tally.plan is other
    r.seq = Sequencer(other, r.clock)
    r.do("start")
    r.run(20)
    assert counts(r.summary()) == (1, 0, 1, True, True)


def test_reset_forgets_the_last_session() -> None:
    r = Run()
    r.do("start")
    r.run(40)
    r.tally.reset()
    assert r.summary() == NO_SESSION
    r.do("start")
    r.run(3)
    r.tally.reset()  # a running session is dropped
    assert not r.tally.running
    assert r.summary() == NO_SESSION
    r.run(40)  # its later events change nothing
    assert r.summary() == NO_SESSION


ACTIONS = st.lists(
    st.one_of(
        st.tuples(st.just("run"), st.floats(0.0, 12.0)),
        st.tuples(st.sampled_from(["start", "pause", "resume", "next", "previous", "restart_step", "stop"])),
        st.tuples(st.just("set_pace"), st.floats(1.0, 4.0)),
        st.tuples(st.just("skip"), st.sampled_from(["breathing", "collarbone", "cheeks"])),
    ),
    max_size=25,
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(ACTIONS)
def test_the_counts_always_add_up(actions: list[tuple[object, ...]]) -> None:
    r = Run()
    r.do("start")
    for name, *args in actions:
        if name == "run":
            r.run(float(args[0]))  # type: ignore[arg-type]
        elif name == "skip":
            skipped = r.seq.plan.settings.skipped_areas ^ {args[0]}
            if len(skipped) < 3:
                r.do("replan", dataclasses.replace(r.seq.plan.settings, skipped_areas=skipped))
        else:
            r.do(str(name), *args)
        summary = r.summary()
        assert 0 <= summary.steps_done + summary.steps_skipped <= summary.steps_total <= 3
        assert summary.massaged_s <= r.seq.plan.total_s * 4 + 1e-6
        assert summary.finished == (summary.reached_end and summary.steps_done == summary.steps_total)
        if summary.reached_end:
            assert summary.steps_done + summary.steps_skipped == summary.steps_total
            assert summary.finished == (summary.steps_skipped == 0)
