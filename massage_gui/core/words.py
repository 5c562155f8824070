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


# Spoken words are shorter than written ones: a line must end within the 3-second transition.
_SPOKEN_AREA = {
    "collarbone": "Collarbone",
    "neck_side": "Side of neck",
    "neck_back": "Back of neck",
    "behind_ear": "Behind the ears",
    "front_of_ear": "Front of ears",
    "under_chin": "Under the chin",
    "jawline": "Jawline",
    "chin": "Chin",
    "upper_lip": "Upper lip",
    "cheeks": "Cheeks",
    "nose": "Beside the nose",
    "under_eyes": "Under the eyes",
    "temples": "Temples",
    "forehead": "Forehead",
}
_SPOKEN_TOWARD = {
    "terminus": "to the collarbone",
    "deep_cervical": "down the neck",
    "submandibular": "to the jaw",
    "submental": "under the chin",
    "preauricular": "to the ear",
    "mastoid": "behind the ear",
    "occipital": "to the skull",
}
_SPOKEN_STROKE = {"stretch": "stretch", "circles": "circles", "sweep": "glide"}


def spoken_step(step: PlannedStep, anatomy: Anatomy) -> str:
    """A short announcement that ends before the strokes start: 'Cheeks: stretch toward the jaw, 7 times.'"""
    if step.stroke == "breath" or step.toward is None:
        return f"Breathing: {step.reps} slow breaths."
    side = {"left": ", left", "right": ", right"}.get(step.side, "")
    verb = _SPOKEN_STROKE[step.stroke]
    return f"{_SPOKEN_AREA[step.area]}{side}: {verb} {_SPOKEN_TOWARD[step.toward]}, {step.reps} times."
