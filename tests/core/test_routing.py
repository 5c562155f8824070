"""Treated neck sides: no stroke goes into a treated side's nodes, the new way is cleared before it is used,
and the plan says what changed."""

from __future__ import annotations

import pytest

from massage_gui.core.anatomy import NODE_IDS
from massage_gui.core.frame import frame_at
from massage_gui.core.library import builtin_routines
from massage_gui.core.plan import Plan, PlannedStep, build_plan
from massage_gui.core.routine import Routine, Step
from massage_gui.core.routing import TREATED
from massage_gui.core.settings import Settings
from massage_gui.core.strokes import drawn_sides

BUILTINS = {entry.id: entry.routine for entry in builtin_routines()}
NECK_NODES = frozenset(NODE_IDS) - {"axillary"}  # every head and neck node group drains through the treated chain


def strokes_into(step: PlannedStep, plan: Plan) -> set[tuple[str, str]]:
    """(node, side) of every target a step's strokes go to, read from the frame the painter gets."""
    frame = frame_at(plan, step.start_s + step.stroke_s * 0.3, mirror=False)
    return {(t.node, t.side) for t in frame.targets}


@pytest.mark.parametrize("routine_id", sorted(BUILTINS))
@pytest.mark.parametrize("treated", ["left", "right", "both"])
def test_no_stroke_goes_into_a_treated_sides_neck_nodes(routine_id: str, treated: str) -> None:
    plan = build_plan(BUILTINS[routine_id], Settings(treated_side=treated), routine_id)
    sides = TREATED[treated]
    for step in plan.steps:
        for node, side in strokes_into(step, plan):
            assert not (node in NECK_NODES and side in sides), (step.index, step.area, step.side, node, side)
        if step.toward == "submental" and treated == "both":
            pytest.fail("the middle under the chin drains into both treated sides")


@pytest.mark.parametrize("routine_id", sorted(BUILTINS))
@pytest.mark.parametrize("treated", ["left", "right", "both"])
def test_the_new_way_is_cleared_before_it_is_used(routine_id: str, treated: str) -> None:
    plan = build_plan(BUILTINS[routine_id], Settings(treated_side=treated), routine_id)
    other_way = [s for s in plan.steps if s.route != "usual"]
    if not other_way:
        return
    first = other_way[0].index
    before = plan.steps[:first]
    sides = TREATED[treated]
    for side in sides:  # each treated side's armpit and upper chest
        assert any(s.area == "chest" and side in drawn_sides(s) for s in before), (side, [s.area for s in before])
    if len(sides) == 1:  # and the working side's outlets, for the face sent across
        (working,) = {"left", "right"} - sides
        for area in ("collarbone", "neck_side"):
            assert any(s.area == area and working in drawn_sides(s) and s.route == "usual" for s in before), area


def test_one_side_treated_sends_that_sides_face_across_and_its_neck_to_the_armpit() -> None:
    routine = Routine(
        "two",
        (
            Step("breathing", "breath", 3),
            Step("neck_side", "stretch", 6, "terminus"),
            Step("cheeks", "stretch", 6, "submandibular"),
        ),
    )
    plan = build_plan(routine, Settings(treated_side="right", lead_in_s=0))
    pieces = [(s.area, s.side, s.route, s.toward) for s in plan.steps]
    assert pieces[0] == ("breathing", "both", "usual", None)
    assert pieces[1:5] == [
        ("collarbone", "left", "usual", "terminus"),
        ("neck_side", "left", "usual", "terminus"),
        ("chest", "right", "usual", "axillary"),
        ("chest", "right", "usual", "axillary"),
    ]
    assert pieces[5:] == [
        ("neck_side", "left", "usual", "terminus"),  # the working side first
        ("neck_side", "right", "armpit", "axillary"),
        ("cheeks", "left", "usual", "submandibular"),
        ("cheeks", "right", "across", "submandibular"),
    ]
    across = plan.steps[-1]
    assert strokes_into(across, plan) == {("submandibular", "left")}, "across the midline to the working side"
    text = " ".join(plan.warnings)
    assert "treated on the right side" in text
    assert "Steps 2, 3, 4 and 5 clear the new way first." in text
    assert "across the middle" in text
    assert "toward the armpit" in text
    assert plan.to_json()["steps"][-1]["route"] == "across"


def test_both_sides_treated_send_everything_to_the_armpits() -> None:
    plan = build_plan(BUILTINS["standard"], Settings(treated_side="both"), "standard")
    for step in plan.steps:
        if step.toward is not None and step.area != "chest" and not step.clears:
            assert (step.route, step.toward) == ("armpit", "axillary"), (step.area, step.side)


def test_a_one_sided_plan_keeps_its_timing_rules() -> None:
    plan = build_plan(BUILTINS["standard"], Settings(treated_side="left"), "standard")
    keys = [s.key for s in plan.steps]
    assert keys == sorted(keys), "pieces stay in routine order (the sequencer maps a re-timing by them)"
    for a, b in zip(plan.steps, plan.steps[1:], strict=False):
        assert b.start_s == pytest.approx(a.end_s + plan.transition_s)


def test_no_treated_side_changes_nothing() -> None:
    for routine_id, routine in BUILTINS.items():
        plan = build_plan(routine, Settings(), routine_id)
        assert all(s.route == "usual" and s.part == 0 for s in plan.steps)


def test_without_skipped_leaves_out_skipped_steps_and_sides() -> None:
    from massage_gui.core.routing import without_skipped

    routine = BUILTINS["quick"]
    kept = without_skipped(routine, frozenset({"cheeks:left", "forehead"}))
    assert kept is not None
    assert kept.name == routine.name
    assert kept.description == routine.description
    assert "forehead" not in kept.areas
    assert [s.side for s in kept.steps if s.area == "cheeks"] == ["right"]
    assert len(kept.steps) == len(routine.steps) - 1
    assert without_skipped(routine, frozenset(routine.areas)) is None
    assert without_skipped(routine, frozenset()) == routine


def test_one_step_is_named_as_one() -> None:
    routine = Routine("one", (Step("cheeks", "stretch", 6, "submandibular", side="right"),))
    plan = build_plan(routine, Settings(treated_side="right"))
    assert "Step 5: the face is stroked across the middle to the other side." in plan.warnings
    assert "Steps 1, 2, 3 and 4 clear the new way first." in plan.warnings
