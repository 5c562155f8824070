"""End to end: real sound through PulseAudio into a null sink, recorded from its monitor; every cue is
heard at its time (within 100 ms of the plan) and the cue latency is printed."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
import wave
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest

APP = Path(__file__).with_name("sound_app.py")
ROOT = Path(__file__).resolve().parents[2]
WINDOW_S = 0.005
THRESHOLD = 0.01  # of full scale, RMS over 5 ms
SILENCE_BEFORE_ONSET_S = 0.04


@pytest.fixture
def pulse(tmp_path: Path) -> Iterator[dict[str, str]]:
    if shutil.which("pulseaudio") is None or shutil.which("parec") is None:
        if os.environ.get("CI"):
            pytest.fail("pulseaudio and parec are missing: .ci/run installs pulseaudio and pulseaudio-utils")
        pytest.skip("pulseaudio is not installed")
    runtime = tmp_path / "runtime"
    runtime.mkdir(mode=0o700)
    env = {
        **os.environ,
        "XDG_RUNTIME_DIR": str(runtime),
        "HOME": str(tmp_path),
        "PULSE_RUNTIME_PATH": str(runtime / "pulse"),
    }
    env.pop("PULSE_SERVER", None)
    subprocess.run(
        ["pulseaudio", "-n", "--daemonize=yes", "--exit-idle-time=-1", "--disallow-exit",
         "--load=module-null-sink sink_name=cues", "--load=module-native-protocol-unix",
         "--load=module-always-sink"],
        env=env, check=True, capture_output=True, timeout=30,
    )  # fmt: skip
    deadline = time.monotonic() + 10
    while subprocess.run(["pactl", "info"], env=env, capture_output=True).returncode != 0:
        if time.monotonic() > deadline:
            pytest.fail("pulseaudio did not start")
        time.sleep(0.1)
    subprocess.run(["pactl", "set-default-sink", "cues"], env=env, check=True, capture_output=True)
    yield env
    subprocess.run(["pulseaudio", "--kill"], env=env, capture_output=True, timeout=30)


def onsets(path: Path) -> list[float]:
    """Seconds into the recording at which a sound begins after a moment of silence."""
    with wave.open(str(path)) as wav:
        rate, channels = wav.getframerate(), wav.getnchannels()
        samples = np.frombuffer(wav.readframes(wav.getnframes()), dtype=np.int16).astype(np.float64) / 32768
    mono = samples.reshape(-1, channels).mean(axis=1)
    size = int(rate * WINDOW_S)
    rms = np.sqrt((mono[: len(mono) // size * size].reshape(-1, size) ** 2).mean(axis=1))
    loud = rms > THRESHOLD
    quiet_windows = int(SILENCE_BEFORE_ONSET_S / WINDOW_S)
    found, quiet = [], quiet_windows
    for i, is_loud in enumerate(loud):
        if is_loud and quiet >= quiet_windows:
            found.append(i * WINDOW_S)
        quiet = 0 if is_loud else quiet + 1
    return found


@pytest.mark.skipif(sys.platform != "linux", reason="PulseAudio null sink: Linux only")
def test_recorded_cues_land_on_the_plan(pulse: dict[str, str], tmp_path: Path) -> None:
    recording = tmp_path / "cues.wav"
    env = {**pulse, "QT_QPA_PLATFORM": "offscreen", "CUE_MONITOR": "cues.monitor"}
    result = subprocess.run(
        [sys.executable, str(APP), str(recording)], env=env, capture_output=True, text=True, timeout=120, cwd=ROOT
    )
    report = json.loads(result.stdout.strip().splitlines()[-1])
    assert result.returncode == 0, report["sound_status"] + result.stderr[-2000:]
    given = report["cues"]
    kinds = [sound for _, sound, _ in given]
    assert kinds == ["chime", "chime", "tick", "tick", "finish"]
    heard = onsets(recording)
    assert len(heard) == len(given), (heard, given)
    # Align the recording on the first cue: each later one must be heard where the plan puts it.
    first_given = given[0][2]
    expected = [t - first_given for _, _, t in given]
    relative = [h - heard[0] for h in heard]
    errors_ms = [abs(r - e) * 1000 for r, e in zip(relative, expected, strict=True)]
    planned = [0.0, 4.0, 5.0, 6.0, 7.0]
    plan_errors_ms = [abs(r - p) * 1000 for r, p in zip(relative, planned, strict=True)]
    latency_ms = (heard[0] - (first_given - report["recording_started"])) * 1000
    print(f"\ncue latency (cue given -> sound in the recording, incl. recorder start-up): {latency_ms:.0f} ms")
    print(f"timing error against the cue times: max {max(errors_ms):.1f} ms; against the plan: "
          f"max {max(plan_errors_ms):.1f} ms")  # fmt: skip
    assert max(plan_errors_ms) < 100, plan_errors_ms
