"""Cue scheduling against the sequencer's events, with a fake clock: one cue per step change and stroke."""

from __future__ import annotations

import dataclasses
import random

import pytest

from massage_gui.core.anatomy import default_anatomy
from massage_gui.core.cues import ANNOUNCE_AHEAD_MIN_S, Cue, CueOptions, cues_for
from massage_gui.core.library import resolve_routine
from massage_gui.core.plan import build_plan
from massage_gui.core.sequencer import Sequencer
from massage_gui.core.settings import Settings
from massage_gui.core.words import spoken_step
from tests.fake_clock import FakeClock


def run_session(settings: Settings, options: CueOptions, seed: int = 1) -> tuple[list[tuple[float, Cue]], Sequencer]:
    """Drive a whole 'quick' session with jittered ticks; return (session time when given, cue) pairs."""
    entry = resolve_routine("quick")
    clock = FakeClock(50.0)
    seq = Sequencer(build_plan(entry.routine, settings, entry.id), clock)
    rng = random.Random(seed)
    given: list[tuple[float, Cue]] = []
    start = clock.now
    for event in seq.start():
        given += [(clock.now - start, c) for c in cues_for(event, seq.plan, options)]
    while seq.running:
        wait = seq.seconds_to_next_event()
        assert wait is not None
        clock.now += min(rng.uniform(0.01, 0.05), wait + 0.0005)
        for event in seq.tick():
            given += [(clock.now - start, c) for c in cues_for(event, seq.plan, options)]
    return given, seq


def test_every_step_change_and_stroke_gives_exactly_one_sound_and_none_is_late() -> None:
    given, seq = run_session(Settings(), CueOptions(voice=False))
    sounds = [(t, c) for t, c in given if c.kind == "sound"]
    chimes = [c for _, c in sounds if c.sound == "chime"]
    ticks = [c for _, c in sounds if c.sound == "tick"]
    assert [c.at_s for c in chimes] == [s.start_s for s in seq.plan.steps]
    expected_ticks = [s.start_s + k * s.stroke_s for s in seq.plan.steps for k in range(1, s.reps)]
    assert [c.at_s for c in ticks] == pytest.approx(expected_ticks)
    assert [c.sound for _, c in sounds].count("finish") == 1
    lateness = [t - c.at_s for t, c in sounds]
    assert max(lateness) < 0.002, "a cue is given within 2 ms of its time"
    assert min(lateness) >= -1e-9, "never early"


def test_stroke_ticks_can_be_turned_off_and_sound_altogether() -> None:
    given, _ = run_session(Settings(), CueOptions(stroke_ticks=False, voice=False))
    assert {c.sound for _, c in given} == {"chime", "finish"}
    given, _ = run_session(Settings(), CueOptions(sound=False, voice=False))
    assert given == []


def test_each_step_is_announced_once_before_or_as_it_starts() -> None:
    given, seq = run_session(Settings(), CueOptions(sound=False))
    spoken = [c for _, c in given if c.kind == "speech"]
    announcements = [c for c in spoken if c.text.endswith("times.") or "breaths" in c.text]
    assert len(announcements) == len(seq.plan.steps)
    for cue, step in zip(announcements, seq.plan.steps, strict=True):
        assert cue.at_s <= step.start_s
        assert step.start_s - cue.at_s <= max(seq.plan.lead_in_s, seq.plan.transition_s)
    assert [c.text for c in spoken if c.text in {"3", "2", "1"}] == ["3", "2", "1"]
    assert spoken[-1].text == "Done."


def test_short_transitions_announce_as_the_step_starts() -> None:
    settings = Settings(transition_s=ANNOUNCE_AHEAD_MIN_S - 1, lead_in_s=0.0)
    given, seq = run_session(settings, CueOptions(sound=False))
    said = {"3", "2", "1", "Done.", "Move your hands on."}
    announcements = [c for _, c in given if c.kind == "speech" and c.text not in said]
    assert [c.at_s for c in announcements] == [s.start_s for s in seq.plan.steps]


def test_announcements_are_short_enough_to_finish_before_the_strokes() -> None:
    """At about 3 words a second (speech engines' usual rate), a line fits in the default 3-second transition."""
    for routine in ("quick", "standard", "thorough", "neck", "evening"):
        entry = resolve_routine(routine)
        plan = build_plan(entry.routine, Settings(), entry.id)
        for step in plan.steps:
            words = len(spoken_step(step, default_anatomy()).split())
            assert words / 3.0 <= Settings().transition_s, spoken_step(step, default_anatomy())


def test_a_way_across_the_middle_adds_one_word_to_the_line() -> None:
    """A treated side's face steps are said to go to the other side ("Cheeks, left: stretch to the right jaw,
    18 times."): one word more than the usual way's line, which is as long as a one-sided line already is (a
    first wording, "across to the other side's jaw", made lines of up to 13 words, over 4 seconds)."""
    anatomy = default_anatomy()
    for routine in ("quick", "standard", "thorough", "neck", "evening", "one-side", "both-sides"):
        entry = resolve_routine(routine)
        for treated in ("left", "right"):
            plan = build_plan(entry.routine, Settings(treated_side=treated), entry.id)
            for step in (s for s in plan.steps if s.route == "across"):
                usual = dataclasses.replace(step, route="usual")
                line = spoken_step(step, anatomy)
                assert len(line.split()) == len(spoken_step(usual, anatomy).split()) + 1, line
                assert len(line.split()) <= 11, line


def test_a_stopped_session_does_not_say_done() -> None:
    entry = resolve_routine("quick")
    clock = FakeClock(50.0)
    seq = Sequencer(build_plan(entry.routine, Settings(), entry.id), clock)
    seq.start()
    events = seq.stop()
    cues = [c for e in events for c in cues_for(e, seq.plan, CueOptions())]
    assert cues == []


def test_moving_on_to_the_next_spot_is_said() -> None:
    from massage_gui.core import sequencer as seq
    from massage_gui.core.cues import CueOptions, cues_for
    from massage_gui.core.plan import build_plan
    from massage_gui.core.routine import Routine, Step
    from massage_gui.core.settings import Settings

    plan = build_plan(Routine("x", (Step("cheeks", "stretch", 6, "submandibular", positions=2),)), Settings())
    said = cues_for(seq.PositionStarted(0, 2, 11.0), plan, CueOptions())
    assert [(c.kind, c.text) for c in said] == [("speech", "Move your hands on.")]
    assert cues_for(seq.PositionStarted(0, 2, 11.0), plan, CueOptions(voice=False)) == []


def test_every_area_and_node_can_be_announced() -> None:
    """Bug: the upper chest and the armpit (round a treated neck side) had no spoken words: a KeyError."""
    from massage_gui.core.anatomy import AREA_IDS, DRAINS_TOWARD, default_anatomy
    from massage_gui.core.plan import build_plan
    from massage_gui.core.routine import Routine, Step
    from massage_gui.core.settings import Settings
    from massage_gui.core.words import spoken_step

    for area in AREA_IDS:
        for node in DRAINS_TOWARD[area] or (None,):
            step = Step(area, "breath" if node is None else "stretch", 3, node)
            plan = build_plan(Routine("x", (step,)), Settings())
            assert spoken_step(plan.steps[0], default_anatomy())
    rerouted = build_plan(Routine("y", (Step("neck_side", "stretch", 4, "terminus"),)), Settings(treated_side="both"))
    assert "armpit" in spoken_step(rerouted.steps[-1], default_anatomy())


def test_one_breath_is_spoken_as_one() -> None:
    """Bug: "Breathing: 1 slow breaths."."""
    from massage_gui.core.routine import Routine, Step

    plan = build_plan(Routine("one", (Step("breathing", "breath", 1),)), Settings())
    assert spoken_step(plan.steps[0], default_anatomy()) == "Breathing: 1 slow breath."
    plan = build_plan(Routine("two", (Step("breathing", "breath", 2),)), Settings())
    assert spoken_step(plan.steps[0], default_anatomy()) == "Breathing: 2 slow breaths."
