"""The words for a step say where the strokes go: across the middle when a treated side is rerouted."""

from __future__ import annotations

import pytest

from massage_gui.core.anatomy import default_anatomy
from massage_gui.core.library import builtin_routines
from massage_gui.core.plan import build_plan
from massage_gui.core.settings import Settings
from massage_gui.core.words import spoken_step, stroke_instruction

BUILTINS = {entry.id: entry.routine for entry in builtin_routines()}


@pytest.mark.parametrize("treated", ["left", "right"])
def test_a_stroke_sent_across_the_middle_is_said_to_go_to_the_other_side(treated: str) -> None:
    """Bug: with the left neck treated, the left cheek's step said "Left side only: stretch the skin toward
    the nodes under the jaw", which a patient follows into their own (treated) left jaw nodes; the diagram
    and the handout sent the strokes across to the other side."""
    anatomy = default_anatomy()
    plan = build_plan(BUILTINS["standard"], Settings(treated_side=treated), "standard")
    across = [step for step in plan.steps if step.route == "across"]
    assert across, "the standard routine sends some face steps across"
    other = {"left": "right", "right": "left"}
    for step in across:
        assert "other side" in stroke_instruction(step, anatomy), (step.area, step.side)
        spoken = spoken_step(step, anatomy)  # "Cheeks, left: stretch to the right jaw, 18 times."
        assert f"to the {other[step.side]} " in spoken, spoken


def test_the_usual_way_names_no_other_side() -> None:
    anatomy = default_anatomy()
    plan = build_plan(BUILTINS["standard"], Settings(), "standard")
    for step in plan.steps:
        assert "other side" not in stroke_instruction(step, anatomy)
        assert " to the left " not in spoken_step(step, anatomy)
        assert " to the right " not in spoken_step(step, anatomy)
