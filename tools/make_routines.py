"""Writes the built-in routines in assets/routines/ from the teaching (run after changing them; the JSON is committed).

The routines are built from what self-lymphatic drainage (SLD) leaflets teach, not fitted to a length;
the length follows from the spots worked. Where each choice comes from:

- Hand positions. Rest flat fingers on one spot, stretch the skin a short way toward the node, let it
  spring back, "5-7 strokes in each position", then move the hands on (One River Massage, self-MLD for
  the head and neck). Other leaflets give 5 per position and say to move the hands down the neck until
  it is covered (Lymphoedema Network Northern Ireland, SLD for the arm and trunk), or 5 to 10 (St
  Margaret's Hospice SLD leaflets). So every step here works 5, 6 or 7 strokes at each spot: 5 in the
  quick, neck and evening routines, 6 in the standard one, 7 in the thorough one (the numbers within
  that range are our own choice). A step's reps are strokes per spot times spots, and no spot ever gets
  20 strokes or more.
- The collarbone hollow (one spot): MD Anderson Cancer Center teaches 15 slow strokes over the
  supraclavicular hollow, "about two seconds" each (Arm Manual Lymphatic Drainage video); the hospice
  and network leaflets give 5. We use 10 to 15: 15 where a routine opens at a normal pace, 10 to close
  and in the slow evening routine (our own choice inside that range).
- Order: "we clear closest to the heart, and gradually work away" (MD Anderson): breathing, the
  collarbone hollow, the neck from low to high, the outlets at the ear and jaw, then the face from the
  nodes outward; inside each step the spot nearest the node comes first (assets/anatomy.json orders
  them). The neck in three spots, low to high, follows Hands On Clinic's three neck positions and
  LNNI's "move your hands ... so that you have covered the whole neck area": two spots toward the
  collarbone, then one just below the ear toward the side of the neck.
- Finish by clearing the neck and the collarbone hollow again, then breathe (St Margaret's Hospice:
  "Finish SLD by repeating Step 2 and then Step 1"). Breathing: 5 slow belly breaths to open (LNNI and
  St Margaret's: "Repeat 5 times"); 3 to 5 to close, and 6 long ones in the evening (our own choice).
- The thorough routine is longer because it works more spots and areas (every direction an area drains,
  the back of the neck up to the skull, behind the ears), and it clears the outlets again between the
  lower and the upper face: "keep returning to empty the nodes" (lymph.org.uk, "Fill and Flush" SLD
  leaflets). That it lasts about 20 minutes matches the 15 to 20 minutes hospices teach (Woodlands
  Hospice; St Margaret's Hospice), not a target it was stretched to.
- Our own inference, not from a leaflet: the order of the face areas after the jaw (chin, upper lip,
  beside the nose, cheeks, under the eyes, temples, forehead: nearest the nodes under the jaw and in
  front of the ear first); under the eyes a quarter slower and lighter; no stroke from mid-jaw up to
  the ear (skin there drains to the nodes under the jaw); the evening routine 1.3 times slower.
- The two routines for treated neck sides (lymph nodes removed or irradiated) are written the usual way
  and marked "for_treated"; the plan then reroutes them for the side the user set (massage_gui/core/
  routing.py): the treated side's face across the middle to the working side's nodes and its neck down
  over the collarbone to the armpit (one side), or everything to the armpits (both sides), after clearing
  the new way. That the fluid goes to "lymph nodes in areas of your face or neck not affected by
  treatment" and to "your underarms" is Princess Margaret / UHN's ("How to do lymphatic self-massage on
  your face, head and neck"); its step-by-step pages could not be read, so the order is the usual one
  above, with the new way cleared again halfway ("keep returning to empty the nodes", lymph.org.uk), and
  the description tells the user to follow their therapist's own plan where it differs.
- Strokes: "stretch" and "circles" as the leaflets teach them; "sweep" is a slower stretch that moves
  the skin further (the fingers never slide over the skin, Hands On Clinic: "Your hand should be flat
  and not slide over the skin"); it is used on the forehead only.

A step sets "positions" only where it differs from its area's usual number in assets/anatomy.json.
Run: python tools/make_routines.py (it prints each routine's steps and its length at the default pace).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from massage_gui.core.plan import build_plan  # noqa: E402
from massage_gui.core.routine import SCHEMA, parse_routine  # noqa: E402
from massage_gui.core.settings import Settings  # noqa: E402

OUT = ROOT / "assets" / "routines"
ANATOMY = json.loads((ROOT / "assets" / "anatomy.json").read_text(encoding="utf-8"))
USUAL_POSITIONS = {area: int(raw["positions"]) for area, raw in ANATOMY["areas"].items()}

PER_SPOT = range(5, 8)  # strokes at each hand position (One River Massage; LNNI; St Margaret's)
HOLLOW = range(10, 16)  # strokes in the collarbone hollow, its one position (MD Anderson: 15)

Step = dict[str, object]


def spots(
    area: str, stroke: str, toward: str, per_spot: int, cue: str, positions: int | None = None, pace: float = 1.0
) -> Step:
    """A step of ``per_spot`` strokes at each of ``positions`` spots (default: the area's usual number)."""
    count = USUAL_POSITIONS[area] if positions is None else positions
    limit = HOLLOW if area == "collarbone" else PER_SPOT
    if per_spot not in limit:
        raise SystemExit(f"{area}: {per_spot} strokes a spot is outside {limit.start} to {limit.stop - 1}")
    item: Step = {"area": area, "stroke": stroke, "toward": toward}
    if count != USUAL_POSITIONS[area]:
        item["positions"] = count
    if pace != 1.0:
        item["pace_factor"] = pace
    item["reps"] = per_spot * count
    item["cue"] = cue
    return item


def hollow(strokes: int, cue: str, pace: float = 1.0) -> Step:
    return spots("collarbone", "circles", "terminus", strokes, cue, pace=pace)


def breathe(reps: int, cue: str) -> Step:
    return {"area": "breathing", "stroke": "breath", "reps": reps, "cue": cue}


OPEN_BREATH = "In through the nose, belly rises"
CLOSE_BREATH = "Slow breaths, shoulders soft"
HOLLOW_CUE = "Flat fingers in the hollows"
FINISH_CUE = "Finish where you began"


def neck_low_to_high(per_spot: int, pace: float = 1.0) -> list[Step]:
    """The side of the neck in three spots: two toward the collarbone (low first), one just below the ear."""
    return [
        spots("neck_side", "stretch", "terminus", per_spot, "Low on the neck first, then higher", pace=pace),
        spots("neck_side", "stretch", "deep_cervical", per_spot, "Below the ear, then down", 1, pace=pace),
    ]


TREATED_NOTE = (
    " Follow your therapist's own plan where it differs: they know what was treated and which way your fluid can go."
)

ROUTINES: dict[str, tuple[str, str, list[Step]]] = {
    "quick": (
        "Quick",
        "Breathing, the collarbone and the neck, the outlets by the ear and under the jaw, then the cheeks, "
        "under the eyes and the forehead, and back. Five strokes at each spot. For busy mornings.",
        [
            breathe(5, OPEN_BREATH),
            hollow(10, HOLLOW_CUE),
            spots("neck_side", "stretch", "terminus", 5, "Low on the neck first, then higher"),
            spots("front_of_ear", "stretch", "deep_cervical", 5, "In front of the ears, then down", 2),
            spots("under_chin", "stretch", "submandibular", 5, "Under the jaw, angle first"),
            spots("cheeks", "stretch", "submandibular", 5, "Palms flat, low cheek first"),
            spots("under_eyes", "stretch", "preauricular", 5, "Lightest touch, outer side first", pace=1.25),
            spots("forehead", "sweep", "preauricular", 5, "Slowly, temples first"),
            spots("neck_side", "stretch", "terminus", 5, "Down toward the collarbone"),
            hollow(10, FINISH_CUE),
            breathe(3, CLOSE_BREATH),
        ],
    ),
    "standard": (
        "Standard",
        "The face and neck sequence as it is usually taught: the collarbone and the neck first, the outlets "
        "by the ears and the jaw, then the face from the nodes outward, and back. Six strokes at each spot.",
        [
            breathe(5, OPEN_BREATH),
            hollow(15, HOLLOW_CUE),
            *neck_low_to_high(6),
            spots("neck_back", "stretch", "terminus", 6, "Hands behind, draw forward and down"),
            spots("behind_ear", "stretch", "deep_cervical", 6, "Behind the ears, then down", 1),
            spots("front_of_ear", "stretch", "deep_cervical", 6, "In front of the ears, then down", 2),
            spots("under_chin", "stretch", "submandibular", 6, "Under the jaw, angle first"),
            spots("jawline", "stretch", "submandibular", 6, "Along the jaw, angle first"),
            spots("chin", "stretch", "submental", 6, "Down to under the chin"),
            spots("upper_lip", "stretch", "submandibular", 6, "Out and down toward the jaw"),
            spots("nose", "stretch", "submandibular", 6, "Beside the nose, then down"),
            spots("cheeks", "stretch", "submandibular", 6, "Palms flat, low cheek first"),
            spots("under_eyes", "stretch", "preauricular", 6, "Lightest touch, outer side first", pace=1.25),
            spots("temples", "circles", "preauricular", 6, "Soft circles at the temples"),
            spots("forehead", "sweep", "preauricular", 6, "Slowly, temples first"),
            spots("front_of_ear", "stretch", "deep_cervical", 6, "In front of the ears, then down", 2),
            spots("neck_side", "stretch", "terminus", 6, "Down toward the collarbone"),
            hollow(10, FINISH_CUE),
            breathe(5, CLOSE_BREATH),
        ],
    ),
    "thorough": (
        "Thorough",
        "Every area and direction, seven strokes at each spot, with the back of the neck up to the skull and "
        "behind the ears. The outlets are cleared again between the lower and the upper face.",
        [
            breathe(5, OPEN_BREATH),
            hollow(15, HOLLOW_CUE),
            *neck_low_to_high(7),
            spots("neck_back", "stretch", "terminus", 7, "Hands behind, draw forward and down", 3),
            spots("neck_back", "stretch", "deep_cervical", 7, "Base of the skull, then down"),
            spots("behind_ear", "stretch", "deep_cervical", 7, "Behind the ears, then down", 1),
            spots("behind_ear", "circles", "mastoid", 7, "Soft circles behind the ears"),
            spots("front_of_ear", "stretch", "deep_cervical", 7, "In front of the ears, then down", 2),
            spots("front_of_ear", "circles", "preauricular", 7, "Soft circles, then let go"),
            spots("under_chin", "stretch", "submandibular", 7, "Under the jaw, angle first"),
            spots("jawline", "stretch", "submandibular", 7, "Along the jaw, angle first"),
            spots("chin", "stretch", "submental", 7, "Down to under the chin"),
            spots("chin", "stretch", "submandibular", 7, "Out along the chin to the jaw"),
            spots("upper_lip", "stretch", "submandibular", 7, "Out and down toward the jaw"),
            spots("nose", "stretch", "submandibular", 7, "Beside the nose, then down"),
            spots("cheeks", "stretch", "submandibular", 7, "Palms flat, low cheek first"),
            spots("under_eyes", "stretch", "submandibular", 7, "Lightly, down toward the jaw", 1, pace=1.25),
            hollow(10, "Clear the hollows again"),
            spots("neck_side", "stretch", "terminus", 7, "Clear the neck again, low first"),
            spots("front_of_ear", "stretch", "deep_cervical", 7, "In front of the ears, then down", 2),
            spots("cheeks", "stretch", "preauricular", 7, "Out toward the ears"),
            spots("nose", "stretch", "preauricular", 7, "Top of the nose, out toward the ears"),
            spots("under_eyes", "stretch", "preauricular", 7, "Lightest touch, outer side first", pace=1.25),
            spots("temples", "circles", "preauricular", 7, "Soft circles at the temples"),
            spots("forehead", "sweep", "preauricular", 7, "Slowly, temples first"),
            spots("front_of_ear", "stretch", "deep_cervical", 7, "In front of the ears, then down", 2),
            spots("neck_side", "stretch", "deep_cervical", 7, "High on the neck, stretch down", 1),
            spots("neck_back", "stretch", "terminus", 7, "Hands behind, draw forward and down", 3),
            spots("neck_side", "stretch", "terminus", 7, "Down toward the collarbone"),
            hollow(15, FINISH_CUE),
            breathe(5, CLOSE_BREATH),
        ],
    ),
    "neck": (
        "Neck and collarbone",
        "Only the outlets: the collarbone hollows, the side and back of the neck, and in front of the ears. "
        "A good start, or for days the face is tender.",
        [
            breathe(5, OPEN_BREATH),
            hollow(15, HOLLOW_CUE),
            *neck_low_to_high(5),
            spots("neck_back", "stretch", "terminus", 5, "Hands behind, draw forward and down"),
            spots("front_of_ear", "stretch", "deep_cervical", 5, "In front of the ears, then down", 2),
            spots("neck_side", "stretch", "terminus", 5, "Down toward the collarbone"),
            hollow(10, FINISH_CUE),
            breathe(3, CLOSE_BREATH),
        ],
    ),
    "evening": (
        "Slow evening",
        "A calmer pass at a slower pace: the collarbone and the neck, the outlets by the ears and under the "
        "jaw, the jaw, upper lip, cheeks, under the eyes and the forehead, and back. It leaves out the chin, "
        "the nose and the temples. Longer breathing to wind down.",
        [
            breathe(6, "Long, slow breaths out"),
            hollow(10, HOLLOW_CUE, pace=1.3),
            spots("neck_side", "stretch", "terminus", 5, "Stretch the skin down, slowly", pace=1.3),
            spots("neck_back", "stretch", "terminus", 5, "Hands behind, draw forward and down", pace=1.3),
            spots("front_of_ear", "stretch", "deep_cervical", 5, "In front of the ears, then down", 2, pace=1.3),
            spots("under_chin", "stretch", "submandibular", 5, "Under the jaw, angle first", pace=1.3),
            spots("jawline", "stretch", "submandibular", 5, "Along the jaw, angle first", pace=1.3),
            spots("upper_lip", "stretch", "submandibular", 5, "Out and down toward the jaw", pace=1.3),
            spots("cheeks", "stretch", "submandibular", 5, "Palms flat, low cheek first", pace=1.3),
            spots("under_eyes", "stretch", "preauricular", 5, "Lightest touch, outer side first", pace=1.5),
            spots("forehead", "sweep", "preauricular", 5, "Slowly, temples first", pace=1.3),
            spots("neck_side", "stretch", "terminus", 5, "Down toward the collarbone", pace=1.3),
            hollow(10, FINISH_CUE, pace=1.3),
            breathe(6, "Let the breath slow down"),
        ],
    ),
    "one-side": (
        "One side treated",
        "For neck lymph nodes removed or treated with radiotherapy on one side: set that side on the safety "
        "screen or in Preferences. The working side is cleared first; the treated side's face is then stroked "
        "across the middle and its neck down toward the armpit. Five strokes at each spot." + TREATED_NOTE,
        [
            breathe(5, OPEN_BREATH),
            hollow(10, HOLLOW_CUE),
            spots("neck_side", "stretch", "terminus", 5, "Low on the neck first, then higher"),
            spots("front_of_ear", "stretch", "deep_cervical", 5, "In front of the ears, then down", 2),
            spots("under_chin", "stretch", "submandibular", 5, "Under the jaw, angle first"),
            spots("jawline", "stretch", "submandibular", 5, "Along the jaw, angle first"),
            spots("cheeks", "stretch", "submandibular", 5, "Palms flat, low cheek first"),
            hollow(10, "Clear the hollows again"),
            spots("neck_side", "stretch", "terminus", 5, "Clear the neck again, low first"),
            spots("upper_lip", "stretch", "submandibular", 5, "Out and down toward the jaw"),
            spots("under_eyes", "stretch", "preauricular", 5, "Lightest touch, outer side first", pace=1.25),
            spots("forehead", "sweep", "preauricular", 5, "Slowly, temples first"),
            spots("neck_side", "stretch", "terminus", 5, "Down toward the collarbone"),
            hollow(10, FINISH_CUE),
            breathe(3, CLOSE_BREATH),
        ],
    ),
    "both-sides": (
        "Both sides treated",
        "For neck lymph nodes removed or treated with radiotherapy on both sides: set that on the safety screen "
        "or in Preferences. The armpits and upper chest are cleared first; the face and neck are then stroked "
        "down over the collarbones toward the armpits. Five strokes at each spot." + TREATED_NOTE,
        [
            breathe(5, OPEN_BREATH),
            hollow(10, HOLLOW_CUE),
            spots("neck_side", "stretch", "terminus", 5, "Low on the neck first, then higher"),
            spots("front_of_ear", "stretch", "deep_cervical", 5, "In front of the ears, then down", 2),
            spots("under_chin", "stretch", "submandibular", 5, "Under the jaw, angle first"),
            spots("cheeks", "stretch", "submandibular", 5, "Palms flat, low cheek first"),
            spots("chest", "stretch", "axillary", 5, "Clear toward the armpits again"),
            hollow(10, "Clear the hollows again"),
            spots("under_eyes", "stretch", "preauricular", 5, "Lightest touch, outer side first", pace=1.25),
            spots("forehead", "sweep", "preauricular", 5, "Slowly, temples first"),
            spots("neck_side", "stretch", "terminus", 5, "Down toward the collarbone"),
            hollow(10, FINISH_CUE),
            breathe(3, CLOSE_BREATH),
        ],
    ),
}
FOR_TREATED = {"one-side": "one", "both-sides": "both"}


def routine_data(routine_id: str, name: str, description: str, steps: list[Step]) -> dict[str, object]:
    data: dict[str, object] = {"schema": SCHEMA, "version": 1, "name": name, "description": description}
    if routine_id in FOR_TREATED:
        data["for_treated"] = FOR_TREATED[routine_id]
    data["steps"] = steps
    return data


def summary(routine_id: str, data: dict[str, object]) -> str:
    """One line per step, "area: positions × strokes", and the length at the default settings (for a
    routine written for treated sides: with the right side treated, or both)."""
    treated = {"one": "right", "both": "both"}.get(str(data.get("for_treated", "")), "none")
    plan = build_plan(parse_routine(data), Settings(treated_side=treated))
    total = int(plan.total_s + 0.5)  # as `massage-gui routines` rounds
    setting = "" if treated == "none" else f" with --treated {treated}"
    lines = [f"{routine_id} ({data['name']}): {total // 60}:{total % 60:02d} at the default pace{setting}"]
    for step in plan.steps:
        if step.stroke == "breath":
            lines.append(f"  {step.area}: {step.reps} breaths")
        else:
            shares = "/".join(str(n) for n in step.shares) if len(set(step.shares)) > 1 else str(step.shares[0])
            side = "" if step.side == "both" else f" ({step.side})"
            lines.append(f"  {step.area}{side} {step.stroke} toward {step.toward}: {step.positions} × {shares}")
    return "\n".join(lines)


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    for routine_id, (name, description, steps) in ROUTINES.items():
        data = routine_data(routine_id, name, description, steps)
        parse_routine(data)  # refuses anything a routine file may not hold
        (OUT / f"{routine_id}.json").write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")
        print(summary(routine_id, data))


if __name__ == "__main__":
    main()
