"""Writes the app's own cue sounds to assets/sounds/ as 16-bit mono WAV (run after changing them).

Sine partials with soft attack and exponential decay: a calm chime for a new step, a quiet short tick
for each stroke, and a three-note rising figure for the end of the routine.
"""

from __future__ import annotations

import math
import struct
import wave
from pathlib import Path

RATE = 44_100
OUT = Path(__file__).resolve().parents[1] / "assets" / "sounds"


def _tone(partials: list[tuple[float, float]], seconds: float, attack_s: float, decay_per_s: float) -> list[float]:
    samples = []
    for n in range(int(seconds * RATE)):
        t = n / RATE
        envelope = min(1.0, t / attack_s) * math.exp(-decay_per_s * t)
        fade_out = min(1.0, (seconds - t) / 0.02)  # no click at the end
        samples.append(envelope * fade_out * sum(a * math.sin(2 * math.pi * f * t) for f, a in partials))
    return samples


def _mix(parts: list[tuple[float, list[float]]], seconds: float) -> list[float]:
    out = [0.0] * int(seconds * RATE)
    for start_s, samples in parts:
        offset = int(start_s * RATE)
        for i, v in enumerate(samples):
            if offset + i < len(out):
                out[offset + i] += v
    return out


def _write(name: str, samples: list[float], peak: float) -> None:
    top = max(abs(v) for v in samples) or 1.0
    frames = b"".join(struct.pack("<h", round(v / top * peak * 32767)) for v in samples)
    OUT.mkdir(parents=True, exist_ok=True)
    with wave.open(str(OUT / f"{name}.wav"), "wb") as wav:
        wav.setnchannels(1)
        wav.setsampwidth(2)
        wav.setframerate(RATE)
        wav.writeframes(frames)


def main() -> None:
    # E5 with a soft fifth above: a bell-like chime, 0.9 s.
    _write("chime", _tone([(659.25, 1.0), (987.77, 0.35), (1318.5, 0.12)], 0.9, 0.006, 4.5), 0.55)
    # A short, low "tock": 0.07 s, quiet, so it paces without nagging.
    _write("tick", _tone([(523.25, 1.0), (1046.5, 0.2)], 0.07, 0.002, 60.0), 0.35)
    # C5, E5, G5 rising, 1.4 s in all.
    notes = [(0.0, 523.25), (0.18, 659.25), (0.36, 783.99)]
    parts = [(start, _tone([(f, 1.0), (2 * f, 0.15)], 1.0, 0.008, 3.5)) for start, f in notes]
    _write("finish", _mix(parts, 1.4), 0.5)


if __name__ == "__main__":
    main()
