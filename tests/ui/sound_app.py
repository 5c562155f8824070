"""Plays a short routine's cues through the real audio stack; prints when each cue was handed to Qt.

Run by test_sound_e2e.py against a PulseAudio null sink. Prints one JSON line:
{"sound_status", "cues": [[kind, sound, monotonic_s], ...], "recording_started": monotonic_s}.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
import wave
from pathlib import Path

from PySide6.QtCore import QTimer, QUrl
from PySide6.QtMultimedia import QSoundEffect

from massage_gui.core.cues import CueOptions, cues_for
from massage_gui.core.plan import build_plan
from massage_gui.core.routine import Routine, Step
from massage_gui.core.settings import Settings
from massage_gui.ui.app import create_application
from massage_gui.ui.cue_player import CuePlayer
from massage_gui.ui.session import SessionController

ROUTINE = Routine(
    "Sound check",
    (Step("breathing", "breath", 1), Step("collarbone", "circles", 3, "terminus")),
)


def main() -> int:
    out_wav = sys.argv[1]
    app = create_application()
    settings = Settings(pace_s=1.0, breath_s=3.0, lead_in_s=1.0, transition_s=1.0, volume=1.0, voice=False)
    player = CuePlayer(settings)
    player.prepare()
    if not player.sound_ready:
        print(json.dumps({"sound_status": player.sound_status, "cues": []}))
        return 3
    deadline = time.monotonic() + 10
    while any(e.status() != e.Status.Ready for e in player._effects.values()) and time.monotonic() < deadline:
        app.processEvents()
        time.sleep(0.01)
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
    controller = SessionController(build_plan(ROUTINE, settings, "sound-check"))
    given: list[list[object]] = []
    options = CueOptions(sound=True, stroke_ticks=True, voice=False)

    def on_events(events: list[object]) -> None:
        for event in events:
            for cue in cues_for(event, controller.plan, options):  # type: ignore[arg-type]
                player.play(cue)
                given.append([cue.kind, cue.sound, time.monotonic()])

    def on_finished(completed: bool) -> None:
        QTimer.singleShot(2000, app.quit)  # let the finish sound play out

    controller.events_emitted.connect(on_events)
    controller.routine_finished.connect(on_finished)
    QTimer.singleShot(700, controller.start)  # the recorder is running by then
    QTimer.singleShot(30_000, app.quit)
    app.exec()
    recorder.terminate()
    recorder.wait(5)
    print(json.dumps({"sound_status": player.sound_status, "cues": given, "recording_started": recording_started}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
