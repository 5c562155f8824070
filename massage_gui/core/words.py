"""Plain second-person words for steps: what to do, where, and toward which node.

Every text goes through ``translate`` (English without a translator); templates keep their
placeholders so a translation can put the words in its own order.
"""

from __future__ import annotations

from massage_gui.core.anatomy import Anatomy, default_anatomy
from massage_gui.core.i18n import translate
from massage_gui.core.plan import PlannedStep
from massage_gui.core.skips import skipped_sides

BREATH_IN_SHARE = 0.4  # of each breath: in through the nose, then a longer breath out


def _instruction_template(stroke: str, side: str) -> str:
    """The written instruction for a stroke on a side, with a ``{toward}`` placeholder."""
    if side == "left":
        return {
            "stretch": translate("words", "Left side only: stretch the skin {toward}, then let go"),
            "circles": translate("words", "Left side only: soft circles, easing the skin {toward}"),
            "sweep": translate("words", "Left side only: glide lightly {toward}"),
        }[stroke]
    if side == "right":
        return {
            "stretch": translate("words", "Right side only: stretch the skin {toward}, then let go"),
            "circles": translate("words", "Right side only: soft circles, easing the skin {toward}"),
            "sweep": translate("words", "Right side only: glide lightly {toward}"),
        }[stroke]
    return {
        "stretch": translate("words", "Stretch the skin {toward}, then let go"),
        "circles": translate("words", "Soft circles, easing the skin {toward}"),
        "sweep": translate("words", "Glide lightly {toward}"),
    }[stroke]


def stroke_instruction(step: PlannedStep, anatomy: Anatomy) -> str:
    """'Stretch the skin toward the angle of the jaw' and the like."""
    if step.stroke == "breath" or step.toward is None:
        return translate("words", "Breathe slowly into the belly")
    toward = anatomy.nodes[step.toward].toward_phrase
    if step.route == "across":  # a treated side's face drains to the other side's node, not this side's
        toward = translate("words", "across the middle, {toward} on the other side").format(toward=toward)
    return _instruction_template(step.stroke, step.side).format(toward=toward)


def breath_word(phase: float) -> str:
    return translate("words", "Breathe in") if phase < BREATH_IN_SHARE else translate("words", "Breathe out")


def stroke_word(stroke: str) -> str:
    """A stroke's short name in lists and descriptions ('stretch'; in English the stroke's id)."""
    return {
        "breath": translate("words", "breath"),
        "circles": translate("words", "circles"),
        "stretch": translate("words", "stretch"),
        "sweep": translate("words", "sweep"),
    }[stroke]


def side_word(side: str) -> str:
    """A side's short name in lists ('both'; in English the side's id)."""
    return {
        "both": translate("words", "both"),
        "left": translate("words", "left"),
        "right": translate("words", "right"),
        "center": translate("words", "center"),
    }[side]


def skipped_names(skips: frozenset[str], anatomy: Anatomy | None = None) -> list[str]:
    """The skipped areas for people, in body order: 'Cheeks', 'Nose (your left side)'."""
    anatomy = anatomy or default_anatomy()
    names = []
    for area in anatomy.areas:
        sides = skipped_sides(skips, area)
        if len(sides) == 2:
            names.append(anatomy.areas[area].label)
        elif sides:
            (side,) = sides
            names.append(one_side_name(anatomy.areas[area].label, side))
    return names


def one_side_name(label: str, side: str) -> str:
    """'Cheeks (your right side)': an area on one side of the body."""
    return translate("words", "{area} (your {side} side)").format(area=label, side=side_word(side))


def step_place(step: PlannedStep, anatomy: Anatomy) -> str:
    """The step's area, with its side when it is done on one side at a time: 'Cheeks (your left side)'."""
    label = anatomy.areas[step.area].label
    return one_side_name(label, step.side) if step.side in ("left", "right") else label


# Spoken words are shorter than written ones: a line must end within the 3-second transition.
def _spoken_area(area: str) -> str:
    return {
        "collarbone": translate("spoken", "Collarbone"),
        "neck_side": translate("spoken", "Side of neck"),
        "neck_back": translate("spoken", "Back of neck"),
        "behind_ear": translate("spoken", "Behind the ears"),
        "front_of_ear": translate("spoken", "Front of ears"),
        "under_chin": translate("spoken", "Under the chin"),
        "jawline": translate("spoken", "Jawline"),
        "chin": translate("spoken", "Chin"),
        "upper_lip": translate("spoken", "Upper lip"),
        "cheeks": translate("spoken", "Cheeks"),
        "nose": translate("spoken", "Beside the nose"),
        "under_eyes": translate("spoken", "Under the eyes"),
        "temples": translate("spoken", "Temples"),
        "forehead": translate("spoken", "Forehead"),
        "chest": translate("spoken", "Upper chest"),
    }[area]


def _spoken_toward(node: str) -> str:
    return {
        "terminus": translate("spoken", "to the collarbone"),
        "deep_cervical": translate("spoken", "down the neck"),
        "submandibular": translate("spoken", "to the jaw"),
        "submental": translate("spoken", "under the chin"),
        "preauricular": translate("spoken", "to the ear"),
        "mastoid": translate("spoken", "behind the ear"),
        "occipital": translate("spoken", "to the skull"),
        "axillary": translate("spoken", "to the armpit"),
    }[node]


def _spoken_across(node: str, side: str) -> str:
    """Where a stroke from one side sent across the middle goes: the other side's node, named by that side
    (only these two node groups take a treated side's face). One word more than the usual way's words."""
    if side == "left":  # from the left: to the right
        return {
            "submandibular": translate("spoken", "to the right jaw"),
            "preauricular": translate("spoken", "to the right ear"),
        }.get(node) or translate("spoken", "to the right side")
    return {
        "submandibular": translate("spoken", "to the left jaw"),
        "preauricular": translate("spoken", "to the left ear"),
    }.get(node) or translate("spoken", "to the left side")


def _spoken_stroke(stroke: str) -> str:
    return {
        "stretch": translate("spoken", "stretch"),
        "circles": translate("spoken", "circles"),
        "sweep": translate("spoken", "glide"),
    }[stroke]


def _spoken_side(side: str) -> str:
    return {"left": translate("spoken", ", left"), "right": translate("spoken", ", right")}.get(side, "")


def spoken_step(step: PlannedStep, anatomy: Anatomy) -> str:
    """A short announcement that ends before the strokes start: 'Cheeks: stretch toward the jaw, 7 times.'"""
    if step.stroke == "breath" or step.toward is None:
        if step.reps == 1:
            return translate("spoken", "Breathing: 1 slow breath.")
        return translate("spoken", "Breathing: {reps} slow breaths.").format(reps=step.reps)
    return translate("spoken", "{area}{side}: {stroke} {toward}, {reps} times.").format(
        area=_spoken_area(step.area),
        side=_spoken_side(step.side),
        stroke=_spoken_stroke(step.stroke),
        toward=_spoken_across(step.toward, step.side) if step.route == "across" else _spoken_toward(step.toward),
        reps=step.reps,
    )


def spoken_move_on() -> str:
    """Said when the hands move on to the next spot of a step."""
    return translate("spoken", "Move your hands on.")


def spoken_done() -> str:
    """Said when a routine is completed."""
    return translate("spoken", "Done.")
