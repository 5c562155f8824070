"""plays_through, repeats and stroke_frames: which strokes a view may play on its own, and what it plays."""

from __future__ import annotations

import math

import pytest

from massage_gui.core.frame import Frame, frame_at, plays_through, repeats, stroke_frames
from massage_gui.core.library import builtin_routines
from massage_gui.core.plan import Plan, PlannedStep, build_plan
from massage_gui.core.settings import Settings
from tests.core.test_frame import at_stroke, sampler_plan


def _moments(plan: Plan) -> list[float]:
    """Session times across the whole plan, ten to a stroke, off the strokes' own boundaries."""
    return [k * 0.2 + 0.013 for k in range(math.floor(plan.total_s / 0.2))]


def close(x: float, y: float) -> bool:
    return math.isclose(x, y, abs_tol=1e-9)


def _same_moving_parts(a: Frame, b: Frame) -> bool:
    return (
        a.phase is not None
        and b.phase is not None
        and close(a.phase, b.phase)
        and a.targets == b.targets
        and len(a.hands) == len(b.hands)
        and all(
            close(h.x + h.dx, k.x + k.dx) and close(h.y + h.dy, k.y + k.dy)
            for h, k in zip(a.hands, b.hands, strict=True)
        )
        and len(a.arrows) == len(b.arrows)
        and all(
            close(p.x, q.x) and close(p.y, q.y) and close(p.opacity, q.opacity) and close(p.progress, q.progress)
            for p, q in zip(a.arrows, b.arrows, strict=True)
        )
    )


@pytest.mark.parametrize("mirror", [True, False])
def test_the_played_stroke_is_the_frames_of_that_stroke(mirror: bool) -> None:
    plan = sampler_plan(mirror=mirror)
    for step in plan.steps:
        if step.toward is None:
            continue
        frame = frame_at(plan, at_stroke(step, 2, 0.4))
        played = stroke_frames(frame, 11)
        assert [f.phase for f in played] == pytest.approx([k / 10 for k in range(11)])
        for k, sample in enumerate(played[:-1]):
            assert _same_moving_parts(sample, frame_at(plan, at_stroke(step, 2, k / 10))), (step.area, k)


def test_a_repeating_stroke_moves_as_the_next_one_at_its_spot() -> None:
    """What a view plays in a loop must be what the core shows in the next stroke too, for every built-in."""
    for entry in builtin_routines():
        plan = build_plan(entry.routine, Settings())
        for t in _moments(plan):
            frame = frame_at(plan, t)
            if not repeats(frame):
                continue
            assert frame.step is not None
            later = frame_at(plan, t + frame.step.stroke_s)
            if not repeats(later) or later.step is not frame.step or later.position != frame.position:
                continue  # the next stroke is not played: a tick at its start tells the view so
            assert _same_moving_parts(frame, later), (entry.id, t)


def _step(plan: Plan, stroke: str) -> PlannedStep:
    return next(s for s in plan.steps if s.stroke == stroke)


def test_what_does_not_repeat() -> None:
    plan = sampler_plan()
    breathing, circles = _step(plan, "breath"), _step(plan, "circles")
    assert not repeats(frame_at(plan, 1.0)), "the lead-in"
    assert not repeats(frame_at(plan, at_stroke(breathing, 2, 0.5))), "a breath: nothing toward a node"
    assert not repeats(frame_at(plan, circles.start_s - 0.5)), "a transition"
    assert not repeats(frame_at(plan, plan.total_s)), "the end"
    assert repeats(frame_at(plan, at_stroke(circles, 1, 0.5)))


def test_the_last_stroke_at_a_spot_before_another_does_not_repeat() -> None:
    """It shows the next spot and moves the hands there; the last stroke of the last spot repeats."""
    plan = build_plan(next(e.routine for e in builtin_routines() if e.id == "standard"), Settings())
    step = next(s for s in plan.steps if s.positions > 1)
    first_spot = step.shares[0]
    assert repeats(frame_at(plan, at_stroke(step, first_spot - 1, 0.5)))
    last_here = frame_at(plan, at_stroke(step, first_spot, 0.2))
    assert last_here.next_hands
    assert not repeats(last_here)
    assert plays_through(last_here), "played once: all of it is known from its start"
    assert repeats(frame_at(plan, at_stroke(step, step.reps, 0.5)))


def test_what_does_not_play_through() -> None:
    plan = sampler_plan()
    breathing, circles = _step(plan, "breath"), _step(plan, "circles")
    for frame in (
        frame_at(plan, 1.0),
        frame_at(plan, at_stroke(breathing, 2, 0.5)),
        frame_at(plan, circles.start_s - 0.5),
        frame_at(plan, plan.total_s),
    ):
        assert not plays_through(frame), frame.state


@pytest.mark.parametrize("mirror", [True, False])
def test_the_stroke_that_moves_the_hands_on_is_its_frames(mirror: bool) -> None:
    """Played from its samples, it must move as the core shows it: the hands on their way to the next spot from
    three quarters of the stroke on, with no arrow on their sides then."""
    plan = build_plan(next(e.routine for e in builtin_routines() if e.id == "standard"), Settings(mirror=mirror))
    for step in plan.steps:
        if step.positions < 2 or step.toward is None:
            continue
        last = step.shares[0]
        played = stroke_frames(frame_at(plan, at_stroke(step, last, 0.1)), 21)
        for k, sample in enumerate(played[:-1]):
            shown = frame_at(plan, at_stroke(step, last, k / 20))
            assert _same_moving_parts(sample, shown), (step.area, k)
            assert sample.moving_on == shown.moving_on
        assert played[-2].moving_on
        assert not played[-2].arrows


def test_stroke_frames_wants_a_stroke_and_two_moments() -> None:
    plan = sampler_plan()
    with pytest.raises(ValueError, match="within a stroke"):
        stroke_frames(frame_at(plan, 1.0), 10)
    with pytest.raises(ValueError, match="two moments"):
        stroke_frames(frame_at(plan, at_stroke(_step(plan, "circles"), 1, 0.5)), 1)
