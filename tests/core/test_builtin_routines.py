"""The built-in routines as taught: 5 to 7 strokes a spot (10 to 15 in the collarbone hollow), order, lengths."""

from __future__ import annotations

import importlib.util
import itertools
import json
import math
from pathlib import Path

import pytest

from massage_gui.core.anatomy import FACE_AREAS, NECK_AREAS, default_anatomy
from massage_gui.core.library import builtin_routines
from massage_gui.core.plan import Plan, build_plan
from massage_gui.core.positions import hand_positions
from massage_gui.core.settings import Settings

ROOT = Path(__file__).resolve().parents[2]
BUILTINS = {entry.id: entry.routine for entry in builtin_routines()}
WRITTEN_FOR = {"": "none", "one": "right", "both": "both"}  # the treated side each routine is checked with
PLANS = {
    routine_id: build_plan(routine, Settings(treated_side=WRITTEN_FOR[routine.for_treated]), routine_id)
    for routine_id, routine in BUILTINS.items()
}
PER_SPOT = (5, 7)  # One River Massage "5-7 strokes in each position"; LNNI 5; St Margaret's 5-10
HOLLOW = (10, 15)  # one spot: the collarbone hollow (MD Anderson's 15 slow strokes), the armpit (LNNI: 10)
NEVER_ON_ONE_SPOT = 20
MINUTES = {"quick": 5, "standard": 10, "thorough": 20}


def massage_steps(plan: Plan) -> list[str]:
    return [step.area for step in plan.steps if step.stroke != "breath"]


def test_every_built_in_is_checked() -> None:
    assert set(BUILTINS) == {"quick", "standard", "thorough", "neck", "evening", "one-side", "both-sides"}


@pytest.mark.parametrize("routine_id", list(BUILTINS))
def test_strokes_per_spot_are_as_taught(routine_id: str) -> None:
    for step in PLANS[routine_id].steps:
        if step.stroke == "breath":
            continue
        one_spot = step.area == "collarbone" or (step.area == "chest" and step.stroke == "circles")  # the armpit
        low, high = HOLLOW if one_spot else PER_SPOT
        assert min(step.shares) >= low, (step.index, step.area, step.shares)
        assert max(step.shares) <= high, (step.index, step.area, step.shares)
        assert sum(step.shares) == step.reps


@pytest.mark.parametrize("routine_id", list(BUILTINS))
def test_no_step_works_one_spot_twenty_times_or_more(routine_id: str) -> None:
    for step in PLANS[routine_id].steps:
        if step.stroke != "breath":
            assert math.ceil(step.reps / step.positions) < NEVER_ON_ONE_SPOT, (step.index, step.area)


@pytest.mark.parametrize("routine_id", list(BUILTINS))
def test_order_as_taught(routine_id: str) -> None:
    plan = PLANS[routine_id]
    areas = [step.area for step in plan.steps]
    massage = [step.area for step in plan.steps if step.stroke != "breath" and not step.clears]
    assert areas[0] == "breathing"
    assert massage[0] == "collarbone", "the collarbone hollow is cleared first (after the new way round a treated side)"
    first_face = next((i for i, area in enumerate(massage) if area in FACE_AREAS), len(massage))
    assert any(area in NECK_AREAS - {"collarbone"} for area in massage[:first_face]), "the neck before the face"
    ending = [area for k, area in enumerate(areas) if k == 0 or area != areas[k - 1]]  # one side, then the other
    assert ending[-1] == "breathing"
    assert ending[-2] == "collarbone"
    assert ending[-3] in NECK_AREAS - {"collarbone"}, "back through the neck to the collarbone"


@pytest.mark.parametrize("routine_id", list(BUILTINS))
def test_each_spot_is_a_different_place(routine_id: str) -> None:
    """More spots mean more skin covered: no two spots of a step fall on (almost) the same place."""
    for step in PLANS[routine_id].steps:
        if step.toward is None:
            continue
        for side in ("right", "left"):
            spots = hand_positions(step.area, step.toward, side, step.positions, step.stroke, step.route)
            rests = [spot.rest for spot in spots]
            for a, b in itertools.pairwise(rests):
                assert math.dist(a, b) >= 0.03, (step.index, step.area, step.toward, side)


@pytest.mark.parametrize(("routine_id", "minutes"), list(MINUTES.items()))
def test_lengths_at_the_default_pace(routine_id: str, minutes: int) -> None:
    total = PLANS[routine_id].total_s
    assert 0.75 * minutes * 60 <= total <= 1.25 * minutes * 60, f"{routine_id} lasts {total / 60:.1f} min"


@pytest.mark.parametrize("routine_id", list(BUILTINS))
def test_names_do_not_promise_minutes(routine_id: str) -> None:
    assert "minute" not in BUILTINS[routine_id].name.lower()


@pytest.mark.parametrize("routine_id", list(BUILTINS))
def test_positions_are_written_only_where_they_differ_from_the_area(routine_id: str) -> None:
    raw = json.loads((ROOT / "assets" / "routines" / f"{routine_id}.json").read_text(encoding="utf-8"))
    areas = default_anatomy().areas
    for step in raw["steps"]:
        if "positions" in step:
            assert step["positions"] != areas[step["area"]].positions, step


def test_the_files_are_what_the_generator_writes() -> None:
    spec = importlib.util.spec_from_file_location("make_routines", ROOT / "tools" / "make_routines.py")
    assert spec is not None
    assert spec.loader is not None
    generator = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(generator)
    assert set(generator.ROUTINES) == set(BUILTINS)
    for routine_id, (name, description, steps) in generator.ROUTINES.items():
        written = json.loads((ROOT / "assets" / "routines" / f"{routine_id}.json").read_text(encoding="utf-8"))
        expected = generator.routine_data(routine_id, name, description, steps)
        assert written == expected, f"run tools/make_routines.py ({routine_id})"


@pytest.mark.parametrize("routine_id", ["one-side", "both-sides"])
def test_the_routines_for_treated_sides_are_rerouted_and_defer_to_the_therapist(routine_id: str) -> None:
    routine = BUILTINS[routine_id]
    assert routine.for_treated == {"one-side": "one", "both-sides": "both"}[routine_id]
    assert "therapist" in routine.description
    plan = PLANS[routine_id]
    assert any(step.route != "usual" for step in plan.steps)
    assert not any(w.startswith("This routine is for") for w in plan.warnings), "the setting matches"
    usual = build_plan(routine, Settings(), routine_id)
    assert usual.warnings[0].startswith("This routine is for neck lymph nodes treated on")
    assert "Preferences" in usual.warnings[0]
    assert all(step.route == "usual" for step in usual.steps), "no treated side set: the usual way"
    # a treated setting that is not what the routine was written for: the setting wins, and it says so
    other = "both" if routine_id == "one-side" else "left"
    mismatched = build_plan(routine, Settings(treated_side=other), routine_id)
    assert mismatched.warnings[0].startswith("This routine is for ")
    assert any(step.route == "armpit" for step in mismatched.steps)


@pytest.mark.parametrize("treated", ["left", "right"])
def test_one_side_treated_clears_the_working_side_once_then_the_armpit(treated: str) -> None:
    """The routine opens on the working side's collarbone hollow: the plan adds only the rest of the clearing
    (the working side's neck, the treated side's armpit and upper chest), not the hollow a second time."""
    plan = build_plan(BUILTINS["one-side"], Settings(treated_side=treated), "one-side")
    working = "left" if treated == "right" else "right"
    opening = [(s.area, s.side, s.clears) for s in plan.steps[1:6]]
    assert opening == [
        ("collarbone", working, False),
        ("neck_side", working, True),
        ("chest", treated, True),
        ("chest", treated, True),
        ("collarbone", treated, False),
    ]
    assert plan.steps[5].route == "armpit"
    keys = [s.key for s in plan.steps]
    assert keys == sorted(keys)
