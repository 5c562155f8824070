"""Plain second-person words for steps: what to do, where, and toward which node."""

from __future__ import annotations

from massage_gui.core.anatomy import Anatomy
from massage_gui.core.plan import PlannedStep

BREATH_IN_SHARE = 0.4  # of each breath: in through the nose, then a longer breath out

_SIDE_PREFIX = {"left": "Left side only: ", "right": "Right side only: ", "center": "", "both": ""}


def stroke_instruction(step: PlannedStep, anatomy: Anatomy) -> str:
    """'Stretch the skin toward the angle of the jaw' and the like."""
    if step.stroke == "breath" or step.toward is None:
        return "Breathe slowly into the belly"
    toward = anatomy.nodes[step.toward].toward_phrase
    text = {
        "stretch": f"Stretch the skin {toward}, then let go",
        "circles": f"Soft circles, easing the skin {toward}",
        "sweep": f"Glide lightly {toward}",
    }[step.stroke]
    prefix = _SIDE_PREFIX[step.side]
    return prefix + (text[0].lower() + text[1:] if prefix else text)


def breath_word(phase: float) -> str:
    return "Breathe in" if phase < BREATH_IN_SHARE else "Breathe out"


def step_title(step: PlannedStep, anatomy: Anatomy) -> str:
    return anatomy.areas[step.area].label


_SPOKEN_TOWARD = {
    "terminus": "toward the collarbone",
    "deep_cervical": "down the neck",
    "submandibular": "toward the jaw",
    "submental": "under the chin",
    "preauricular": "toward the ear",
    "mastoid": "behind the ear",
    "occipital": "toward the skull",
}
_SPOKEN_STROKE = {"stretch": "stretch", "circles": "circles", "sweep": "glide"}


def spoken_step(step: PlannedStep, anatomy: Anatomy) -> str:
    """A short announcement that ends before the strokes start: 'Cheeks: stretch toward the jaw, 7 times.'"""
    if step.stroke == "breath" or step.toward is None:
        return f"Breathing: {step.reps} slow breaths."
    side = {"left": " on the left", "right": " on the right"}.get(step.side, "")
    verb = _SPOKEN_STROKE[step.stroke]
    return f"{step_title(step, anatomy)}{side}: {verb} {_SPOKEN_TOWARD[step.toward]}, {step.reps} times."
