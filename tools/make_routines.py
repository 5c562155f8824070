"""Writes the built-in routines in assets/routines/ (run after changing them; the JSON files are committed)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from massage_gui.core.plan import build_plan
from massage_gui.core.routine import SCHEMA, parse_routine
from massage_gui.core.settings import Settings

OUT = Path(__file__).resolve().parents[1] / "assets" / "routines"


def step(area: str, stroke: str, reps: int, toward: str | None = None, cue: str = "", **extra: object) -> dict:
    item: dict[str, object] = {"area": area, "stroke": stroke}
    if toward:
        item["toward"] = toward
    item.update(extra)
    item["reps"] = reps
    if cue:
        item["cue"] = cue
    return item


def breathe(reps: int, cue: str) -> dict:
    return step("breathing", "breath", reps, cue=cue)


OPEN_BREATH = "In through the nose, belly rises"
CLOSE_BREATH = "Slow breaths, shoulders soft"

ROUTINES = {
    "quick": (
        "Quick (5 minutes)",
        "Breathing, the collarbone and neck outlets, and a short pass over the face. For busy mornings.",
        [
            breathe(4, OPEN_BREATH),
            step("collarbone", "circles", 10, "terminus", "Flat fingers in the hollows"),
            step("neck_side", "stretch", 10, "terminus", "Stretch the skin down, no pressure"),
            step("front_of_ear", "circles", 8, "preauricular", "Soft circles, then let go"),
            step("under_chin", "stretch", 8, "submandibular", "Along under the jaw"),
            step("cheeks", "stretch", 8, "submandibular", "Palms flat, skin only"),
            step("under_eyes", "stretch", 6, "preauricular", "Lightest touch", pace_factor=1.2),
            step("forehead", "sweep", 6, "preauricular", "Centre out to the temples"),
            step("neck_side", "stretch", 8, "terminus", "Down toward the collarbone"),
            step("collarbone", "circles", 8, "terminus", "Finish where you began"),
            breathe(3, CLOSE_BREATH),
        ],
    ),
    "standard": (
        "Standard (10 minutes)",
        "The full face and neck sequence as it is usually taught: outlets first, then the face from the nodes outward.",
        [
            breathe(5, OPEN_BREATH),
            step("collarbone", "circles", 12, "terminus", "Flat fingers in the hollows"),
            step("neck_side", "stretch", 12, "terminus", "Low on the neck, stretch down"),
            step("neck_side", "stretch", 10, "deep_cervical", "Higher up, stretch down"),
            step("neck_back", "stretch", 10, "terminus", "Hands behind, draw forward and down"),
            step("behind_ear", "stretch", 10, "deep_cervical", "Behind the ears, then down"),
            step("front_of_ear", "circles", 10, "preauricular", "Soft circles, then let go"),
            step("under_chin", "stretch", 10, "submandibular", "Along under the jaw"),
            step("jawline", "stretch", 10, "submandibular", "Chin to jaw angle"),
            step("chin", "stretch", 8, "submental", "Down to under the chin"),
            step("upper_lip", "stretch", 8, "submandibular", "Out and down to the jaw"),
            step("nose", "stretch", 8, "submandibular", "Beside the nose, then down"),
            step("cheeks", "stretch", 10, "submandibular", "Palms flat, skin only"),
            step("under_eyes", "stretch", 8, "preauricular", "Lightest touch", pace_factor=1.25),
            step("temples", "circles", 8, "preauricular", "Soft circles at the temples"),
            step("forehead", "sweep", 8, "preauricular", "Centre out to the temples"),
            step("front_of_ear", "stretch", 10, "deep_cervical", "In front of the ears, then down"),
            step("neck_side", "stretch", 12, "terminus", "Down toward the collarbone"),
            step("collarbone", "circles", 12, "terminus", "Finish where you began"),
            breathe(5, CLOSE_BREATH),
        ],
    ),
    "thorough": (
        "Thorough (20 minutes)",
        "Every area with more repetitions, including the back of the neck and behind the ears. Matches the 15 to 20 "
        "minutes often taught for self-drainage.",
        [
            breathe(8, OPEN_BREATH),
            step("collarbone", "circles", 15, "terminus", "Flat fingers in the hollows"),
            step("neck_side", "stretch", 15, "terminus", "Low on the neck, stretch down"),
            step("neck_side", "stretch", 15, "deep_cervical", "Higher up, stretch down"),
            step("neck_back", "stretch", 12, "terminus", "Hands behind, draw forward and down"),
            step("neck_back", "stretch", 12, "deep_cervical", "Base of the skull, then down"),
            step("behind_ear", "circles", 12, "mastoid", "Soft circles behind the ears"),
            step("behind_ear", "stretch", 12, "deep_cervical", "Behind the ears, then down"),
            step("front_of_ear", "circles", 12, "preauricular", "Soft circles, then let go"),
            step("front_of_ear", "stretch", 12, "deep_cervical", "In front of the ears, then down"),
            step("under_chin", "circles", 10, "submental", "Under the chin, soft circles"),
            step("under_chin", "stretch", 12, "submandibular", "Along under the jaw"),
            step("jawline", "stretch", 12, "submandibular", "Chin to jaw angle"),
            step("jawline", "stretch", 10, "preauricular", "Jaw angle up to the ear"),
            step("chin", "stretch", 10, "submental", "Down to under the chin"),
            step("upper_lip", "stretch", 10, "submandibular", "Out and down to the jaw"),
            step("nose", "stretch", 10, "submandibular", "Beside the nose, then down"),
            step("cheeks", "stretch", 12, "submandibular", "Palms flat, skin only"),
            step("cheeks", "stretch", 10, "preauricular", "Out toward the ears"),
            step("under_eyes", "stretch", 10, "preauricular", "Lightest touch", pace_factor=1.25),
            step("temples", "circles", 10, "preauricular", "Soft circles at the temples"),
            step("forehead", "sweep", 10, "preauricular", "Centre out to the temples"),
            step("front_of_ear", "stretch", 12, "deep_cervical", "In front of the ears, then down"),
            step("neck_side", "stretch", 12, "deep_cervical", "High on the neck, stretch down"),
            step("neck_side", "stretch", 15, "terminus", "Down toward the collarbone"),
            step("collarbone", "circles", 15, "terminus", "Finish where you began"),
            breathe(6, CLOSE_BREATH),
        ],
    ),
    "neck": (
        "Neck and collarbone (4 minutes)",
        "Only the outlets: the collarbone hollows and the neck. A good start, or for days the face is tender.",
        [
            breathe(4, OPEN_BREATH),
            step("collarbone", "circles", 12, "terminus", "Flat fingers in the hollows"),
            step("neck_side", "stretch", 12, "terminus", "Low on the neck, stretch down"),
            step("neck_side", "stretch", 10, "deep_cervical", "Higher up, stretch down"),
            step("neck_back", "stretch", 10, "terminus", "Hands behind, draw forward and down"),
            step("front_of_ear", "stretch", 10, "deep_cervical", "In front of the ears, then down"),
            step("collarbone", "circles", 10, "terminus", "Finish where you began"),
            breathe(3, CLOSE_BREATH),
        ],
    ),
    "evening": (
        "Slow evening (12 minutes)",
        "The standard sequence at a slower, calmer pace, with longer breathing to wind down.",
        [
            breathe(6, "Long, slow breaths out"),
            step("collarbone", "circles", 10, "terminus", "Flat fingers in the hollows", pace_factor=1.3),
            step("neck_side", "stretch", 10, "terminus", "Stretch the skin down, slowly", pace_factor=1.3),
            step("neck_back", "stretch", 8, "terminus", "Hands behind, draw forward and down", pace_factor=1.3),
            step("front_of_ear", "circles", 8, "preauricular", "Soft circles, then let go", pace_factor=1.3),
            step("under_chin", "stretch", 8, "submandibular", "Along under the jaw", pace_factor=1.3),
            step("jawline", "stretch", 8, "submandibular", "Chin to jaw angle", pace_factor=1.3),
            step("upper_lip", "stretch", 6, "submandibular", "Out and down to the jaw", pace_factor=1.3),
            step("cheeks", "stretch", 8, "submandibular", "Palms flat, skin only", pace_factor=1.3),
            step("under_eyes", "stretch", 6, "preauricular", "Lightest touch", pace_factor=1.5),
            step("forehead", "sweep", 6, "preauricular", "Centre out to the temples", pace_factor=1.3),
            step("neck_side", "stretch", 10, "terminus", "Down toward the collarbone", pace_factor=1.3),
            step("collarbone", "circles", 10, "terminus", "Finish where you began", pace_factor=1.3),
            breathe(6, "Let the breath slow down"),
        ],
    ),
}


# Minutes each routine should last at the default settings; massage reps are scaled to get there.
TARGET_MIN = {"quick": 5, "standard": 10, "thorough": 20, "neck": 4, "evening": 12}


def _scaled(steps: list[dict], factor: float) -> list[dict]:
    return [
        s if s["stroke"] == "breath" else {**s, "reps": min(100, max(1, round(int(s["reps"]) * factor)))}  # type: ignore[call-overload]
        for s in steps
    ]


def _fit(routine_id: str, name: str, description: str, steps: list[dict]) -> dict:
    lo, hi = 0.3, 5.0
    for _ in range(40):
        mid = (lo + hi) / 2
        data = {"schema": SCHEMA, "version": 1, "name": name, "description": description, "steps": _scaled(steps, mid)}
        total = build_plan(parse_routine(data), Settings()).total_s
        lo, hi = (mid, hi) if total < TARGET_MIN[routine_id] * 60 else (lo, mid)
    return data


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    for routine_id, (name, description, steps) in ROUTINES.items():
        data = _fit(routine_id, name, description, steps)
        (OUT / f"{routine_id}.json").write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
