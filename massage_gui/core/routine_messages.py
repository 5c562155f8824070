"""A routine step's error worded for the window: the step counted from 1, areas and node groups by name."""

from __future__ import annotations

from typing import Any

from massage_gui.core.anatomy import DRAINS_TOWARD, default_anatomy
from massage_gui.core.i18n import translate
from massage_gui.core.quoting import shortened


def _either(names: list[str]) -> str:
    if len(names) == 1:
        return names[0]
    return translate("routine_errors", "{first} or {last}").format(first=", ".join(names[:-1]), last=names[-1])


def step_error_for_people(index: int, raw: Any, problem: str, max_reps: int) -> str:
    """``problem`` (``toward: cheeks drains toward ..., got "terminus"``, the command line's form without the
    ``steps[i].`` path) for someone reading the window: "Step 1: strokes on the cheeks go toward Under the
    jaw or In front of the ear, not Collarbone hollow"."""
    number = index + 1
    field = problem.split(":", 1)[0]
    detail = problem.split(":", 1)[1].strip() if ":" in problem else problem
    anatomy = default_anatomy()
    step = raw if isinstance(raw, dict) else {}
    area, stroke, toward = step.get("area"), step.get("stroke"), step.get("toward")
    if not isinstance(raw, dict):
        return translate("routine_errors", "Step {number} is not written as a step.").format(number=number)
    if detail == "missing":
        return translate("routine_errors", "Step {number}: “{key}” is missing.").format(number=number, key=field)
    if field == "area" and isinstance(area, str) and area not in anatomy.areas:
        return translate("routine_errors", "Step {number}: “{area}” is not an area this app knows.").format(
            number=number, area=shortened(area)
        )
    if field == "stroke" and isinstance(stroke, str):
        return translate(
            "routine_errors",
            "Step {number}: “{stroke}” is not a stroke here: "
            "use circles, stretch or sweep (breath only for breathing).",
        ).format(number=number, stroke=shortened(stroke))
    if field == "toward" and area == "breathing":
        return translate("routine_errors", "Step {number}: a breathing step has no “toward”.").format(number=number)
    if field == "toward" and isinstance(area, str) and DRAINS_TOWARD.get(area) and isinstance(toward, str):
        allowed = _either([anatomy.nodes[node].label for node in DRAINS_TOWARD[area]])
        got = anatomy.nodes[toward].label if toward in anatomy.nodes else f"“{shortened(toward)}”"
        text = translate("routine_errors", "Step {number}: strokes on the {area} go toward {allowed}, not {got}.")
        text = text.format(number=number, area=anatomy.areas[area].in_text, allowed=allowed, got=got)
        if toward == "axillary":
            text += " " + translate(
                "routine_errors",
                "The armpit is only the way round a treated neck side: set that side in Preferences, "
                "and the app sends these strokes there.",
            )
        return text
    if field == "reps":
        reps = step.get("reps")
        given = str(reps) if isinstance(reps, int) and not isinstance(reps, bool) else f"“{shortened(str(reps))}”"
        return translate("routine_errors", "Step {number}: give 1 to {max} strokes, not {reps}.").format(
            number=number, max=max_reps, reps=given
        )
    return translate("routine_errors", "Step {number}: {problem}").format(number=number, problem=problem)
