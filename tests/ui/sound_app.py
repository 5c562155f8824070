"""Plays a short routine's cues through the real audio stack; prints when each cue was given to the player.

Run by test_sound_e2e.py against a PulseAudio null sink, recording its monitor:

    python sound_app.py OUT.wav                 chimes and ticks
    python sound_app.py OUT.wav --voice LANG    spoken cues through speech-dispatcher, and the chimes

Prints one JSON line: {"sound_status", "voice_status", "voices", "language_voice", "cues": [[kind,
sound or text, monotonic_s], ...], "recording_started": monotonic_s}. Exit 3 when sound (or voice) is off.
"""

from __future__ import annotations

import json
import math
import os
import subprocess
import sys
import time
import wave
from pathlib import Path

from PySide6.QtCore import Qt, QTimer, QUrl
from PySide6.QtMultimedia import QSoundEffect
from PySide6.QtWidgets import QApplication

from massage_gui.core.cues import CueOptions, cues_for
from massage_gui.core.plan import build_plan
from massage_gui.core.routine import Routine, Step
from massage_gui.core.sequencer import Event, RoutineFinished, Sequencer
from massage_gui.core.settings import Settings
from massage_gui.ui.app import create_application
from massage_gui.ui.cue_player import CuePlayer
from massage_gui.ui.i18n import install_translator

SOUND_ROUTINE = Routine(
    "Sound check",
    (Step("breathing", "breath", 1), Step("collarbone", "circles", 3, "terminus")),
)
VOICE_ROUTINE = Routine("Voice check", (Step("breathing", "breath", 2),))


def _wait(app: QApplication, until: object, seconds: float) -> None:
    deadline = time.monotonic() + seconds
    while not until() and time.monotonic() < deadline:  # type: ignore[operator]
        app.processEvents()
        time.sleep(0.01)


def _report(player: CuePlayer, **more: object) -> str:
    return json.dumps(
        {
            "sound_status": player.sound_status,
            "voice_status": player.voice_status,
            "voices": player.voices(),
            "language_voice": player.language_voice,
            **more,
        }
    )


def main() -> int:
    out_wav = sys.argv[1]
    language = sys.argv[3] if sys.argv[2:3] == ["--voice"] else None
    app = create_application()
    if language is not None:
        install_translator(app, language)
        settings = Settings(breath_s=3.0, lead_in_s=6.0, volume=1.0, stroke_ticks=False)
        routine, options = VOICE_ROUTINE, CueOptions(sound=True, stroke_ticks=False, voice=True)
        player = CuePlayer(settings, speech_engine="speechd")
    else:
        settings = Settings(pace_s=1.0, breath_s=3.0, lead_in_s=1.0, transition_s=1.0, volume=1.0, voice=False)
        routine, options = SOUND_ROUTINE, CueOptions(sound=True, stroke_ticks=True, voice=False)
        player = CuePlayer(settings)
    player.prepare()
    _wait(app, lambda: not player.pending, 20)
    if not player.sound_ready or (language is not None and not player.voice_ready):
        print(_report(player, cues=[]))
        return 3
    _wait(app, lambda: player.sounds is not None and player.sounds.loaded(), 10)
    # A looping silent sound keeps the sink busy, so its monitor streams from the first moment and the
    # recording's time line can be matched to this process's clock.
    silence = Path(out_wav).with_name("silence.wav")
    with wave.open(str(silence), "wb") as wav:
        wav.setnchannels(1)
        wav.setsampwidth(2)
        wav.setframerate(44_100)
        wav.writeframes(b"\0\0" * 44_100)
    keep_alive = QSoundEffect()
    keep_alive.setSource(QUrl.fromLocalFile(str(silence)))
    keep_alive.setLoopCount(QSoundEffect.Loop.Infinite.value)
    keep_alive.play()
    for _ in range(100):
        app.processEvents()
        time.sleep(0.01)
    recorder = subprocess.Popen(
        ["parec", "-d", os.environ.get("CUE_MONITOR", "cues.monitor"), "--file-format=wav", out_wav],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    while not Path(out_wav).exists() or Path(out_wav).stat().st_size <= 44:  # until audio data arrives
        time.sleep(0.002)
    recording_started = time.monotonic() - (Path(out_wav).stat().st_size - 44) / (44_100 * 4)
    sequencer = Sequencer(build_plan(routine, settings, "sound-check"), time.monotonic)
    given: list[list[object]] = []
    tick = QTimer()  # as the app does: a precise single shot at each timeline event
    tick.setSingleShot(True)
    tick.setTimerType(Qt.TimerType.PreciseTimer)

    def run(events: list[Event]) -> None:
        for event in events:
            for cue in cues_for(event, sequencer.plan, options):
                player.play(cue)
                given.append([cue.kind, cue.sound or cue.text, time.monotonic()])
            if isinstance(event, RoutineFinished):
                QTimer.singleShot(3000, app.quit)  # let the finish sound (and the last word) play out
        wait = sequencer.seconds_to_next_event()
        if wait is not None:
            tick.start(max(0, math.ceil(wait * 1000)))

    tick.timeout.connect(lambda: run(sequencer.tick()))
    QTimer.singleShot(700, lambda: run(sequencer.start()))  # the recorder is running by then
    QTimer.singleShot(40_000, app.quit)
    app.exec()
    recorder.terminate()
    recorder.wait(5)
    print(_report(player, cues=given, recording_started=recording_started))
    return 0


if __name__ == "__main__":
    sys.exit(main())
