"""The handout's words: the title page (length, your settings, safety, how to read the drawings) and each step's."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QLocale

from massage_gui.core.anatomy import Anatomy
from massage_gui.core.formatting import clock
from massage_gui.core.plan import Plan, PlannedStep
from massage_gui.core.words import skipped_names, stroke_instruction
from massage_gui.ui.safety_dialog import (
    ASK_FIRST,
    ASK_FIRST_HEADING,
    ASK_FIRST_NECK,
    NECK_HEADING,
    POSITIONING,
    PRESSURE,
    STOP,
    WHAT_IT_IS,
)

translate = QCoreApplication.translate  # the name pyside6-lupdate looks for


def _safety(text: str) -> str:
    return translate("SafetyDialog", text)


def _number(value: float) -> str:
    """A number as the UI's language writes it ('2.5', '2,5')."""
    return QLocale().toString(float(value), "g", 3)


@dataclass(frozen=True)
class Section:
    """A heading and what comes under it: paragraphs, and bullet points (``columns`` side by side)."""

    heading: str
    paragraphs: tuple[str, ...] = ()
    bullets: tuple[str, ...] = ()
    columns: int = 1
    strong: tuple[str, ...] = ()  # paragraphs set in bold, after the others


def length_line(plan: Plan) -> str:
    """'9:22 min at 2 s a stroke, 20 steps'."""
    count = len(plan.steps)
    words = (
        translate("Handout", "{time} min at {pace} s a stroke, 1 step")
        if count == 1
        else translate("Handout", "{time} min at {pace} s a stroke, {count} steps")
    )
    return words.format(time=clock(plan.total_s), pace=_number(plan.settings.pace_s), count=count)


def settings_lines(plan: Plan, anatomy: Anatomy) -> list[str]:
    """What the user changed that shapes this sheet: skipped areas, focus areas, the treated side's ways
    (the plan's own warnings), and which way round the drawings are."""
    settings = plan.settings
    lines = []
    skipped = skipped_names(settings.skipped_areas, anatomy)
    if skipped:
        lines.append(translate("Handout", "Skipped: {areas}.").format(areas=", ".join(skipped)))
    focus = [anatomy.areas[a].label for a in anatomy.areas if a in settings.focus_areas]
    if focus:
        lines.append(translate("Handout", "More strokes on: {areas}.").format(areas=", ".join(focus)))
    lines.extend(plan.warnings)
    if settings.mirror:
        lines.append(translate("Handout", "The drawings are as in a mirror: your right side is on the right."))
    else:
        lines.append(translate("Handout", "The drawings face you: your right side is on the left."))
    return lines


def safety_sections() -> list[Section]:
    """Who should not do it, how to sit, how light, where never to press, when to stop (the safety screen's
    own words, and a line on how the no-press zone looks on paper)."""
    return [
        Section(_safety(ASK_FIRST_HEADING), bullets=tuple(_safety(t) for t in ASK_FIRST), columns=2),
        Section(_safety(NECK_HEADING), bullets=tuple(_safety(t) for t in ASK_FIRST_NECK), columns=2),
        Section(
            translate("SafetyDialog", "How light"),
            paragraphs=(_safety(PRESSURE),),
            strong=(
                translate(
                    "Handout",
                    "Never press or rub where you feel the pulse of the neck artery, below the angle of the jaw: "
                    "the dashed circle with a cross in the drawings.",
                ),
            ),
        ),
        Section(translate("SafetyDialog", "How to sit, and when"), bullets=tuple(_safety(t) for t in POSITIONING)),
        Section(translate("SafetyDialog", "When to stop"), paragraphs=(_safety(STOP),)),
    ]


def what_it_is() -> str:
    return _safety(WHAT_IT_IS)


def legend_section() -> Section:
    return Section(
        translate("Handout", "How to read the drawings"),
        bullets=(
            translate("Handout", "Shaded: the area you work in this step. Hatched: an area you skip."),
            translate(
                "Handout",
                "Fingers: where your hands rest. Numbered when they move on: start at 1, nearest the node, "
                "then move them further away.",
            ),
            translate("Handout", "Arrow: which way to move the skin. Ring: the node group the fluid goes to."),
            translate("Handout", "Dashed circle with a cross: never press there."),
        ),
    )


def node_groups_heading() -> str:
    return translate("Handout", "The node groups")


def title_of(step: PlannedStep, anatomy: Anatomy) -> str:
    return anatomy.areas[step.area].label


def toward_line(step: PlannedStep, anatomy: Anatomy) -> str:
    """'Toward: Under the jaw' (and the way round a treated side)."""
    if step.toward is None:
        return ""
    node = anatomy.nodes[step.toward].label
    if step.route == "across":
        return translate("Handout", "Toward: {node}, on the other side (across the middle)").format(node=node)
    if step.route == "armpit":
        return translate("Handout", "Toward: {node} (down over the collarbone)").format(node=node)
    return translate("Handout", "Toward: {node}").format(node=node)


def count_line(step: PlannedStep) -> str:
    """'2 positions × 6 strokes, 0:24'; '15 strokes, 0:30'; '5 slow breaths, 0:30'."""
    time = clock(step.duration_s)
    if step.stroke == "breath":
        return translate("Handout", "{reps} slow breaths, {time}").format(reps=step.reps, time=time)
    shares = step.shares or (step.reps,)
    if len(shares) == 1:
        if step.reps == 1:
            return translate("Handout", "1 stroke, {time}").format(time=time)
        return translate("Handout", "{reps} strokes, {time}").format(reps=step.reps, time=time)
    if len(set(shares)) == 1:
        return translate("Handout", "{positions} positions × {strokes} strokes, {time}").format(
            positions=len(shares), strokes=shares[0], time=time
        )
    return translate("Handout", "{positions} positions, {shares} strokes, {time}").format(
        positions=len(shares), shares=" + ".join(str(n) for n in shares), time=time
    )


def cue_line(step: PlannedStep) -> str:
    return translate("Handout", "“{cue}”").format(cue=step.cue) if step.cue else ""


def caution_line(has_no_press: bool) -> str:
    if not has_no_press:
        return ""
    return translate("Handout", "Neck: skin only. Never press on the pulse below the jaw.")


@dataclass(frozen=True)
class StepWords:
    """A step's words as the sheet sets them: the title in bold, then lines, the cue in italics."""

    number: int
    title: str
    instruction: str
    toward: str
    count: str
    caution: str
    cue: str


def step_words(step: PlannedStep, anatomy: Anatomy, has_no_press: bool) -> StepWords:
    return StepWords(
        number=step.index + 1,
        title=title_of(step, anatomy),
        instruction=stroke_instruction(step, anatomy),
        toward=toward_line(step, anatomy),
        count=count_line(step),
        caution=caution_line(has_no_press),
        cue=cue_line(step),
    )


def page_header(name: str, first: int, last: int) -> str:
    if first == last:
        return translate("Handout", "{routine}: step {first}").format(routine=name, first=first)
    return translate("Handout", "{routine}: steps {first} to {last}").format(routine=name, first=first, last=last)


def page_footer(page: int, pages: int) -> str:
    return translate("Handout", "Page {page} of {pages}").format(page=page, pages=pages)


def title_footer() -> str:
    return translate("Handout", "Printed by massage-gui. Keep it with your therapist's own plan.")
