"""What to play and say for each session event: a pure mapping, so sound and voice can be tested without Qt."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from massage_gui.core import sequencer as seq
from massage_gui.core.anatomy import Anatomy, default_anatomy
from massage_gui.core.plan import Plan
from massage_gui.core.words import spoken_done, spoken_move_on, spoken_step

SoundName = Literal["chime", "tick", "finish"]
SOUNDS: tuple[SoundName, ...] = ("chime", "tick", "finish")
# Announce the coming step during a transition or lead-in this long or longer; else as it starts.
ANNOUNCE_AHEAD_MIN_S = 2.5


@dataclass(frozen=True)
class CueOptions:
    sound: bool = True
    stroke_ticks: bool = True
    voice: bool = True


@dataclass(frozen=True)
class Cue:
    """One sound or one spoken line, due at session time ``at_s``."""

    kind: Literal["sound", "speech"]
    at_s: float
    sound: SoundName | None = None
    text: str = ""


def _announce(plan: Plan, index: int, at_s: float, anatomy: Anatomy) -> Cue:
    return Cue("speech", at_s, text=spoken_step(plan.steps[index], anatomy))


def cues_for(event: seq.Event, plan: Plan, options: CueOptions, anatomy: Anatomy | None = None) -> list[Cue]:
    """The cues one event asks for. A step start gives exactly one sound (the chime), each later stroke
    exactly one tick; the coming step is announced ahead when there is time, else as it starts."""
    anatomy = anatomy or default_anatomy()
    cues: list[Cue] = []
    if isinstance(event, seq.StepStarted):
        if options.sound:
            cues.append(Cue("sound", event.at_s, sound="chime"))
        ahead = plan.lead_in_s if event.step_index == 0 else plan.transition_s
        if options.voice and ahead < ANNOUNCE_AHEAD_MIN_S:
            cues.append(_announce(plan, event.step_index, event.at_s, anatomy))
    elif isinstance(event, seq.StrokeStarted):
        if options.sound and options.stroke_ticks and event.rep > 1:
            cues.append(Cue("sound", event.at_s, sound="tick"))
    elif isinstance(event, seq.PositionStarted):
        if options.voice:
            cues.append(Cue("speech", event.at_s, text=spoken_move_on()))
    elif isinstance(event, seq.TransitionStarted):
        if options.voice and plan.transition_s >= ANNOUNCE_AHEAD_MIN_S:
            cues.append(_announce(plan, event.next_step_index, event.at_s, anatomy))
    elif isinstance(event, seq.SessionStarted):
        if options.voice and plan.lead_in_s >= ANNOUNCE_AHEAD_MIN_S:
            cues.append(_announce(plan, 0, event.at_s, anatomy))
    elif isinstance(event, seq.CountdownTick):
        if options.voice:
            cues.append(Cue("speech", event.at_s, text=str(event.seconds_left)))
    elif isinstance(event, seq.RoutineFinished) and event.completed:
        if options.sound:
            cues.append(Cue("sound", event.at_s, sound="finish"))
        if options.voice:
            cues.append(Cue("speech", event.at_s, text=spoken_done()))
    return cues
