"""What the cue player plays and speaks through: the sound outputs' interface and names, the speech engines'
names, and the voice's locale for the UI's language (massage_gui/ui/cue_player.py chooses among them)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from PySide6.QtCore import QLocale

__all__ = [
    "ENGINE_NAMES",
    "ENGINE_VARIABLE",
    "MOCK_ENGINE",
    "PULSE_OUTPUT",
    "QT_OUTPUT",
    "QUIET_CATEGORIES",
    "SERVER_ENGINE",
    "SOUND_VARIABLE",
    "Sounds",
    "pick_locale",
]

MOCK_ENGINE = "mock"
ENGINE_VARIABLE = "MASSAGE_GUI_SPEECH_ENGINE"
SERVER_ENGINE = "speechd"  # speech-dispatcher, a separate server, which may stop answering
ENGINE_NAMES = {SERVER_ENGINE: "speech-dispatcher"}
# Which sound libraries Qt looked for and did not find (PipeWire where PulseAudio serves): QT_LOGGING_RULES
# still shows it, since the environment's rules come after these.
QUIET_CATEGORIES = "qt.multimedia.symbolsresolver.warning=false"
SOUND_VARIABLE = "MASSAGE_GUI_SOUND_OUTPUT"  # "pulse" or "qt": the sound path to use (the tests pick one)
PULSE_OUTPUT, QT_OUTPUT = "pulse", "qt"


class Sounds(Protocol):
    """The cue sounds on one output (massage_gui/ui/pulse_samples.py, massage_gui/ui/pulse_sound.py,
    massage_gui/ui/qt_sounds.py)."""

    description: str

    def play(self, name: str) -> None: ...

    def set_volume(self, volume: float) -> None: ...

    def loaded(self) -> bool: ...

    def close(self) -> None:
        """Play and tell nothing more; the object goes (a sound still playing may finish)."""


def pick_locale(available: Sequence[QLocale], language: str, preferred: QLocale | None = None) -> QLocale | None:
    """The speech locale for a UI language ('en', 'de'): the preferred locale (the system's) when the
    engine has it, else the first of that language; None when the engine has no voice for it."""
    wanted = QLocale(language).language()
    matching = [loc for loc in available if loc.language() == wanted]
    if preferred is not None:
        exact = [loc for loc in matching if loc.name() == preferred.name()]
        if exact:
            return exact[0]
    return matching[0] if matching else None
