"""A plan's warnings worded for two audiences: the session numbers its own steps (the window, the command line),
the editor the routine's rows; both from the same facts."""

from __future__ import annotations

import dataclasses

import pytest

from massage_gui.core.library import builtin_routines
from massage_gui.core.plan import build_plan
from massage_gui.core.plan_warnings import warnings_by_row
from massage_gui.core.routine import Routine, Step
from massage_gui.core.settings import Settings

BREATH = Step("breathing", "breath", 3)
COLLAR = Step("collarbone", "circles", 5, "terminus")
CHEEKS = Step("cheeks", "stretch", 6, "submandibular")
BUILTINS = {entry.id: entry.routine for entry in builtin_routines()}
LEFT_LEAD = (
    "Your neck lymph nodes were treated on the left side, so the fluid on that side goes another way. "
    "Follow your therapist’s plan where it differs."
)


def test_the_session_keeps_its_own_step_numbers() -> None:
    """What the window's notice bar and ``massage-gui plan`` say (docs/cli.md): unchanged."""
    plan = build_plan(BUILTINS["quick"], Settings(treated_side="left"), "quick")
    assert plan.warnings == (
        LEFT_LEAD,
        "Steps 3, 4 and 5 clear the new way first.",
        "Steps 12, 14, 16 and 18: the face is stroked across the middle to the other side.",
        "Steps 6, 8, 10, 20 and 22: stroked down over the collarbone toward the armpit.",
    )
    assert plan.to_json()["warnings"] == list(plan.warnings)


def test_the_editor_names_rows_and_says_what_the_session_adds() -> None:
    plan = build_plan(BUILTINS["quick"], Settings(treated_side="left"), "quick")
    assert warnings_by_row(plan) == [
        (None, LEFT_LEAD),
        (None, "The session adds 3 steps to clear the new way first, in row 2 before its treated side."),
        (None, "Rows 5, 6, 7 and 8: on the treated side, the face is stroked across the middle to the other side."),
        (None, "Rows 2, 3, 4, 9 and 10: on a treated side, stroked down over the collarbone toward the armpit."),
    ]


def test_clearing_before_a_row_and_one_row_named_as_one() -> None:
    routine = Routine("one", (BREATH, dataclasses.replace(CHEEKS, side="right")))
    plan = build_plan(routine, Settings(treated_side="right"))
    assert plan.warnings[1:] == (
        "Steps 2, 3, 4 and 5 clear the new way first.",
        "Step 6: the face is stroked across the middle to the other side.",
    )
    assert [text for _row, text in warnings_by_row(plan)][1:] == [
        "The session adds 4 steps to clear the new way first, before row 2.",
        "Row 2: on the treated side, the face is stroked across the middle to the other side.",
    ]


def test_the_order_warning_names_the_row_and_comes_with_it() -> None:
    routine = Routine("face first", (BREATH, CHEEKS, COLLAR))
    plan = build_plan(routine, Settings(skipped_areas=frozenset({"breathing"})))
    assert plan.warnings == (
        "Step 1 (cheeks) comes before the neck and collarbone are cleared: clear the outlets first.",
    )
    assert warnings_by_row(plan) == [
        (1, "Row 2 (cheeks) comes before the neck and collarbone are cleared: clear the outlets first.")
    ]


@pytest.mark.parametrize("treated", ["left", "both"])
def test_a_row_slowed_in_two_pieces_is_named_once(treated: str) -> None:
    routine = Routine("fast", (COLLAR, dataclasses.replace(CHEEKS, pace_factor=0.5)))
    plan = build_plan(routine, Settings(treated_side=treated, pace_s=1.0))
    slowed = "would make strokes of 0.5 s: slowed to 1 s, the fastest a stroke may be."
    pieces = [s for s in plan.steps if s.area == "cheeks"]
    assert [w for w in plan.warnings if "slowed" in w] == [f"Step {s.index + 1} (cheeks) {slowed}" for s in pieces]
    assert [item for item in warnings_by_row(plan) if "slowed" in item[1]] == [(1, f"Row 2 (cheeks) {slowed}")]


@pytest.mark.parametrize("routine_id", sorted(BUILTINS))
@pytest.mark.parametrize("treated", ["none", "left", "right", "both"])
def test_both_audiences_get_the_same_warnings(routine_id: str, treated: str) -> None:
    """For the built-ins (no stroke is slowed, so no row is named twice): one warning for each audience, in
    the same order; those that name no step read the same."""
    plan = build_plan(BUILTINS[routine_id], Settings(treated_side=treated), routine_id)
    rows = warnings_by_row(plan)
    assert len(rows) == len(plan.warnings)
    for (_row, text), session in zip(rows, plan.warnings, strict=True):
        if not any(ch.isdigit() for ch in session):
            assert text == session
