"""build_plan against the timing rules of docs/routine-format.md and the shape of the built-in routines."""

from __future__ import annotations

import dataclasses
import math
from itertools import pairwise

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from massage_gui.core.anatomy import AREA_IDS, FACE_AREAS, NECK_AREAS
from massage_gui.core.errors import PlanError, SettingsError
from massage_gui.core.library import builtin_routines
from massage_gui.core.plan import MIN_STROKE_S, Plan, build_plan
from massage_gui.core.routine import Routine, Step
from massage_gui.core.settings import Settings
from tests.core.test_routine import routines as generated_routines

BUILTINS = {entry.id: entry.routine for entry in builtin_routines()}
OUTLETS = ("collarbone", "neck_side", "neck_back")
NOMINAL_MINUTES = {"quick": 5, "standard": 10, "thorough": 20}
MAX_CUE_CHARS = 40  # a cue is glanced at while both hands are busy: one short line
READING_CHARS_PER_S = 10  # slow reading speed; a cue must be readable well within its step


def focus_reps(reps: int) -> int:
    """ceil(reps × 1.5) in integers, so no float rounding is borrowed from the code under test."""
    return (3 * reps + 1) // 2


def check_plan(plan: Plan, routine: Routine, s: Settings) -> None:
    """Every timing rule of docs/routine-format.md and the plan --json invariants of docs/cli.md."""
    kept = [(i, step) for i, step in enumerate(routine.steps) if step.area not in s.skipped_areas]
    assert [p.routine_index for p in plan.steps] == [i for i, _ in kept]
    assert [p.index for p in plan.steps] == list(range(len(kept)))
    assert plan.steps[0].start_s == s.lead_in_s
    for prev, nxt in pairwise(plan.steps):
        assert nxt.start_s == prev.start_s + prev.duration_s + s.transition_s
    last = plan.steps[-1]
    assert plan.total_s == last.start_s + last.duration_s
    for planned, (_, step) in zip(plan.steps, kept, strict=True):
        assert planned.area not in s.skipped_areas
        assert (planned.area, planned.stroke, planned.toward, planned.side, planned.cue) == (
            step.area,
            step.stroke,
            step.toward,
            step.side,
            step.cue,
        )
        reps = focus_reps(step.reps) if step.area in s.focus_areas else step.reps
        assert planned.reps == reps
        if step.stroke == "breath":
            assert planned.stroke_s == s.breath_s
            assert math.isclose(planned.duration_s, reps * s.breath_s, rel_tol=1e-12)
        else:  # the pace times the step's factor, but never a stroke faster than MIN_STROKE_S
            stroke_s = max(s.pace_s * step.pace_factor, MIN_STROKE_S)
            assert math.isclose(planned.stroke_s, stroke_s, rel_tol=1e-12)
            assert math.isclose(planned.duration_s, reps * stroke_s, rel_tol=1e-12)
        assert math.isclose(planned.duration_s, planned.reps * planned.stroke_s, rel_tol=1e-12)
        assert planned.duration_s > 0


@pytest.mark.parametrize("routine_id", list(BUILTINS))
def test_builtin_plan_at_default_settings(routine_id: str) -> None:
    routine = BUILTINS[routine_id]
    plan = build_plan(routine, Settings(), routine_id)
    check_plan(plan, routine, Settings())
    assert plan.routine_id == routine_id
    if routine.for_treated:  # written for a treated side, planned with none set: it says how to set it
        assert len(plan.warnings) == 1
        assert "Preferences" in plan.warnings[0]
    else:
        assert plan.warnings == (), "a built-in routine clears the outlets before the face"
    assert plan.steps[0].start_s == 5.0
    assert plan.transition_s == 3.0


@pytest.mark.parametrize("routine_id", list(BUILTINS))
@pytest.mark.parametrize("pace", [1.0, 2.0, 4.0])
def test_builtin_plan_scales_with_pace_but_not_breathing(routine_id: str, pace: float) -> None:
    routine = BUILTINS[routine_id]
    base = build_plan(routine, Settings(pace_s=2.0))
    plan = build_plan(routine, Settings(pace_s=pace))
    check_plan(plan, routine, Settings(pace_s=pace))
    for a, b in zip(base.steps, plan.steps, strict=True):
        if a.stroke == "breath":
            assert b.duration_s == a.duration_s
        else:
            assert math.isclose(b.duration_s, a.duration_s * pace / 2.0, rel_tol=1e-12)


@pytest.mark.parametrize(("routine_id", "minutes"), list(NOMINAL_MINUTES.items()))
def test_builtin_durations_match_their_names(routine_id: str, minutes: int) -> None:
    total = build_plan(BUILTINS[routine_id], Settings()).total_s
    assert 0.8 * minutes * 60 <= total <= 1.2 * minutes * 60, f"{routine_id} lasts {total / 60:.1f} min"


def test_builtin_durations_are_ordered() -> None:
    totals = [build_plan(BUILTINS[i], Settings()).total_s for i in NOMINAL_MINUTES]
    assert totals == sorted(totals)


@pytest.mark.parametrize("routine_id", list(BUILTINS))
def test_builtin_routine_opens_and_closes_with_breathing_and_collarbone(routine_id: str) -> None:
    areas = [s.area for s in BUILTINS[routine_id].steps]
    assert areas[:2] == ["breathing", "collarbone"]
    assert areas[-2:] == ["collarbone", "breathing"]


@pytest.mark.parametrize("routine_id", list(BUILTINS))
def test_builtin_routine_first_and_last_target_is_the_terminus(routine_id: str) -> None:
    targets = [s.toward for s in BUILTINS[routine_id].steps if s.toward is not None]
    assert targets[0] == "terminus"
    assert targets[-1] == "terminus"


@pytest.mark.parametrize("routine_id", list(BUILTINS))
def test_builtin_routine_clears_the_neck_before_the_face(routine_id: str) -> None:
    areas = [s.area for s in BUILTINS[routine_id].steps]
    first_neck = next(i for i, a in enumerate(areas) if a in NECK_AREAS)
    assert not any(a in FACE_AREAS for a in areas[:first_neck])


@pytest.mark.parametrize("routine_id", list(BUILTINS))
def test_builtin_cues_are_short_enough_to_read_in_their_step(routine_id: str) -> None:
    fastest = build_plan(BUILTINS[routine_id], Settings(pace_s=1.0))
    for step in fastest.steps:
        assert step.cue, f"step {step.index} has no cue"
        assert len(step.cue) <= 120
        assert len(step.cue) <= MAX_CUE_CHARS, step.cue
        assert len(step.cue) / READING_CHARS_PER_S <= step.duration_s / 2, step.cue


def test_focus_reps_rounds_up() -> None:
    routine = BUILTINS["standard"]
    plan = build_plan(routine, Settings(focus_areas=frozenset({"cheeks", "breathing"})))
    for planned in plan.steps:
        original = routine.steps[planned.routine_index].reps
        if planned.area in ("cheeks", "breathing"):
            assert planned.reps == math.ceil(original * 1.5)
            assert planned.reps > original
        else:
            assert planned.reps == original
    assert [focus_reps(r) for r in (1, 2, 3, 7, 100)] == [2, 3, 5, 11, 150]


def test_skipped_areas_are_dropped_and_the_rest_close_up() -> None:
    routine = BUILTINS["standard"]
    plan = build_plan(routine, Settings(skipped_areas=frozenset({"nose", "forehead"})))
    full = build_plan(routine, Settings())
    assert len(plan.steps) == len(full.steps) - sum(s.area in ("nose", "forehead") for s in routine.steps)
    assert not {"nose", "forehead"} & {s.area for s in plan.steps}
    assert plan.total_s < full.total_s
    check_plan(plan, routine, Settings(skipped_areas=frozenset({"nose", "forehead"})))


@pytest.mark.parametrize(
    ("routine_id", "outlet"),
    [(r, o) for r, routine in BUILTINS.items() if routine.areas & FACE_AREAS for o in OUTLETS if o in routine.areas],
)
def test_skipping_an_outlet_before_face_work_warns(routine_id: str, outlet: str) -> None:
    routine = BUILTINS[routine_id]
    plan = build_plan(routine, Settings(skipped_areas=frozenset({outlet})))
    assert plan.warnings
    assert all(isinstance(w, str) and w and "\n" not in w for w in plan.warnings)


def test_skipping_every_outlet_also_warns_that_the_face_comes_first() -> None:
    one = build_plan(BUILTINS["standard"], Settings(skipped_areas=frozenset({"collarbone"})))
    three = build_plan(BUILTINS["standard"], Settings(skipped_areas=frozenset(OUTLETS)))
    assert len(three.warnings) > len(one.warnings) >= 1


def test_skipping_a_face_area_does_not_warn() -> None:
    assert build_plan(BUILTINS["standard"], Settings(skipped_areas=frozenset({"forehead", "cheeks"}))).warnings == ()


def test_skipping_an_outlet_without_face_work_does_not_warn() -> None:
    routine = BUILTINS["neck"]
    assert not routine.areas & FACE_AREAS
    assert build_plan(routine, Settings(skipped_areas=frozenset({"neck_side"}))).warnings == ()
    face_skipped = frozenset({"neck_side"}) | FACE_AREAS
    assert build_plan(BUILTINS["standard"], Settings(skipped_areas=face_skipped)).warnings == ()


def test_face_work_before_the_outlets_warns() -> None:
    routine = Routine(
        name="backwards",
        steps=(
            Step("cheeks", "stretch", 5, "submandibular"),
            Step("collarbone", "circles", 5, "terminus"),
        ),
    )
    assert build_plan(routine, Settings()).warnings


@pytest.mark.parametrize("routine_id", list(BUILTINS))
def test_skipping_everything_is_a_plan_error(routine_id: str) -> None:
    routine = BUILTINS[routine_id]
    with pytest.raises(PlanError):
        build_plan(routine, Settings(skipped_areas=frozenset(routine.areas)))
    with pytest.raises(PlanError):
        build_plan(routine, Settings(skipped_areas=frozenset(AREA_IDS)))
    # all but one area: still a plan
    keep = sorted(routine.areas)[0]
    build_plan(routine, Settings(skipped_areas=frozenset(routine.areas - {keep})))


@pytest.mark.parametrize(
    "change",
    [
        {"pace_s": 0.99},
        {"pace_s": 4.01},
        {"pace_s": math.nan},
        {"pace_s": math.inf},
        {"breath_s": 2.9},
        {"breath_s": 12.5},
        {"lead_in_s": -1.0},
        {"lead_in_s": 30.5},
        {"transition_s": -0.1},
        {"transition_s": 15.1},
        {"skipped_areas": frozenset({"elbow"})},
        {"focus_areas": frozenset({"knee"})},
    ],
)
def test_settings_out_of_range_are_refused(change: dict[str, object]) -> None:
    with pytest.raises(SettingsError, match=next(iter(change))):
        build_plan(BUILTINS["quick"], dataclasses.replace(Settings(), **change))  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "change",
    [{"pace_s": 1.0}, {"pace_s": 4.0}, {"breath_s": 3.0}, {"breath_s": 12.0}, {"lead_in_s": 0.0}, {"lead_in_s": 30.0},
     {"transition_s": 0.0}, {"transition_s": 15.0}],
)  # fmt: skip
def test_settings_limits_are_inclusive(change: dict[str, float]) -> None:
    s = dataclasses.replace(Settings(), **change)  # type: ignore[arg-type]
    check_plan(build_plan(BUILTINS["quick"], s), BUILTINS["quick"], s)


def test_plan_to_json_has_the_documented_keys() -> None:
    data = build_plan(BUILTINS["standard"], Settings(focus_areas=frozenset({"nose"})), "standard").to_json()
    assert set(data) == {
        "routine", "pace_s", "breath_s", "lead_in_s", "transition_s", "total_s", "skipped_areas", "focus_areas",
        "warnings", "steps",
    }  # fmt: skip
    assert data["routine"] == {"id": "standard", "name": BUILTINS["standard"].name}
    assert data["focus_areas"] == ["nose"]
    assert data["skipped_areas"] == []
    for step in data["steps"]:
        assert set(step) == {
            "index", "area", "stroke", "toward", "side", "reps", "positions", "route", "stroke_s", "start_s",
            "duration_s", "cue",
        }  # fmt: skip


# -- the timing rules as a property ---------------------------------------------------------------

area_sets = st.frozensets(st.sampled_from(AREA_IDS))
plan_settings = st.builds(
    Settings,
    pace_s=st.floats(1.0, 4.0),
    breath_s=st.floats(3.0, 12.0),
    lead_in_s=st.floats(0.0, 30.0),
    transition_s=st.floats(0.0, 15.0),
    skipped_areas=area_sets,
    focus_areas=area_sets,
)
any_routine = st.one_of(st.sampled_from(list(BUILTINS.values())), generated_routines)


@settings(max_examples=300, deadline=None)
@given(any_routine, plan_settings)
def test_timing_rules_hold_for_any_settings(routine: Routine, s: Settings) -> None:
    if routine.areas <= s.skipped_areas:
        with pytest.raises(PlanError):
            build_plan(routine, s)
        return
    plan = build_plan(routine, s)
    check_plan(plan, routine, s)
    kept_areas = {step.area for step in plan.steps}
    outlet_skipped = bool(s.skipped_areas & NECK_AREAS & routine.areas)
    if outlet_skipped and kept_areas & FACE_AREAS:
        assert plan.warnings


@settings(max_examples=100, deadline=None)
@given(st.sampled_from(list(BUILTINS.values())), plan_settings)
def test_builtin_warnings_exactly_when_an_outlet_is_skipped_before_face_work(routine: Routine, s: Settings) -> None:
    if routine.areas <= s.skipped_areas:
        return
    plan = build_plan(routine, s)
    kept_areas = {step.area for step in plan.steps}
    expected = bool(s.skipped_areas & NECK_AREAS & routine.areas) and bool(kept_areas & FACE_AREAS)
    about_skips = [w for w in plan.warnings if not w.startswith("This routine is for")]
    assert bool(about_skips) == expected


@settings(max_examples=200, deadline=None)
@given(any_routine, plan_settings, st.floats(0.0, 1.0))
def test_locate_agrees_with_the_timeline(routine: Routine, s: Settings, fraction: float) -> None:
    if routine.areas <= s.skipped_areas:
        return
    plan = build_plan(routine, s)
    t = fraction * plan.total_s
    pos = plan.locate(t)
    if pos.segment == "finished":
        assert t >= plan.total_s
        return
    step = plan.steps[pos.step_index]
    if pos.segment == "lead_in":
        assert pos.step_index == 0
        assert 0 <= t < s.lead_in_s
    elif pos.segment == "step":
        assert step.start_s <= t < step.start_s + step.duration_s
        assert 0 <= pos.offset_s < step.duration_s
    else:
        prev = plan.steps[pos.step_index - 1]
        assert prev.start_s + prev.duration_s <= t < step.start_s
        assert 0 <= pos.offset_s < s.transition_s
    assert math.isclose(plan.time_of(pos), t, rel_tol=1e-9, abs_tol=1e-9)


def test_locate_at_the_boundaries() -> None:
    plan = build_plan(BUILTINS["quick"], Settings())
    first, second = plan.steps[0], plan.steps[1]
    assert plan.locate(0.0).segment == "lead_in"
    assert plan.locate(first.start_s).segment == "step"
    assert plan.locate(first.start_s).offset_s == 0
    assert plan.locate(first.end_s).segment == "transition"
    assert plan.locate(first.end_s).step_index == 1
    assert plan.locate(second.start_s).segment == "step"
    assert plan.locate(second.start_s).step_index == 1
    assert plan.locate(plan.total_s).segment == "finished"
    no_gaps = build_plan(BUILTINS["quick"], Settings(lead_in_s=0.0, transition_s=0.0))
    assert no_gaps.locate(0.0).segment == "step"
    assert no_gaps.locate(no_gaps.steps[0].end_s).segment == "step"
    assert no_gaps.locate(no_gaps.steps[0].end_s).step_index == 1
