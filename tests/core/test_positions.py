"""Hand positions: nearest the node first, strokes shared out evenly, hands still at a spot and moving on only
between spots, a short stretch toward the node; existing routine files keep their timing."""

from __future__ import annotations

import json
import math
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from massage_gui.core.anatomy import AREA_IDS, DRAINS_TOWARD, default_anatomy
from massage_gui.core.errors import RoutineError
from massage_gui.core.frame import frame_at
from massage_gui.core.library import builtin_routines
from massage_gui.core.plan import build_plan
from massage_gui.core.positions import STRETCH_UNITS, hand_clear_of, hand_positions, position_of_stroke, share_reps
from massage_gui.core.routine import Routine, Step, parse_routine, routine_from_bytes, routine_to_json
from massage_gui.core.settings import Settings
from massage_gui.core.strokes import MOVE_ON_FROM

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
ANATOMY = default_anatomy()


def at_stroke(plan_step, stroke: int, phase: float) -> float:  # type: ignore[no-untyped-def]
    return plan_step.start_s + (stroke + phase) * plan_step.stroke_s


@given(st.integers(1, 100), st.integers(1, 6))
def test_strokes_are_shared_out_evenly_with_any_extra_nearest_the_node(reps: int, positions: int) -> None:
    shares = share_reps(reps, positions)
    assert sum(shares) == reps
    assert len(shares) == min(reps, positions)
    assert max(shares) - min(shares) <= 1
    assert list(shares) == sorted(shares, reverse=True)
    stroke = 0
    for number, count in enumerate(shares, start=1):
        for within in range(count):
            assert position_of_stroke(shares, stroke) == (number, within)
            stroke += 1


@pytest.mark.parametrize("area", [a for a in AREA_IDS if a != "breathing"])
def test_positions_go_from_nearest_the_node_outward(area: str) -> None:
    for node in DRAINS_TOWARD[area]:
        target = ANATOMY.nodes[node].position("right")
        spots = hand_positions(area, node, "right", 3, "stretch")
        along = [math.dist(s.rest, target) for s in spots]
        assert along == sorted(along), (area, node, along)
        for spot in spots:
            assert spot.stretch.length <= STRETCH_UNITS + 1e-6, "a short stretch, not a glide"
            assert math.dist(spot.stretch.end, target) < math.dist(spot.stretch.start, target)


def test_the_anatomy_gives_each_area_its_usual_number_of_positions() -> None:
    assert ANATOMY.areas["collarbone"].positions == 1
    assert ANATOMY.areas["cheeks"].positions in (2, 3)
    assert ANATOMY.areas["neck_side"].positions in (2, 3)
    assert ANATOMY.areas["forehead"].positions == 3


def test_a_step_may_set_its_own_positions_and_check_says_what_is_wrong() -> None:
    step = {"area": "cheeks", "stroke": "stretch", "toward": "submandibular", "reps": 6, "positions": 2}
    routine = parse_routine({"schema": "massage-gui/routine", "version": 1, "name": "x", "steps": [step]})
    assert routine.steps[0].positions == 2
    assert build_plan(routine, Settings()).steps[0].shares == (3, 3)
    assert routine_from_bytes(routine_to_json(routine).encode()) == routine
    for bad, words in (
        (0, "from 1 to 6"),
        (7, "from 1 to 6"),
        ("2", "expected an integer"),
        (True, "expected an integer"),
    ):
        with pytest.raises(RoutineError, match=r"steps\[0\]\.positions: .*" + words):
            parse_routine(
                {"schema": "massage-gui/routine", "version": 1, "name": "x", "steps": [{**step, "positions": bad}]}
            )
    with pytest.raises(RoutineError, match='positions: must be absent for a "breath" step'):
        Step("breathing", "breath", 3, positions=2)


def test_files_without_positions_keep_their_timing() -> None:
    """Saved favourites from before positions existed plan to the same step times (reps x pace x factor)."""
    data = json.loads((FIXTURES / "favourites-v1.json").read_text(encoding="utf-8"))
    settings = Settings()
    for favourite in data["data"]["favourites"]:
        routine = parse_routine(favourite["routine"])
        plan = build_plan(routine, settings)
        start = settings.lead_in_s
        for planned, step in zip(plan.steps, routine.steps, strict=True):
            stroke_s = settings.breath_s if step.stroke == "breath" else settings.pace_s * step.pace_factor
            assert planned.start_s == pytest.approx(start)
            assert planned.duration_s == pytest.approx(step.reps * stroke_s)
            start += planned.duration_s + settings.transition_s


def test_the_hands_rest_at_one_spot_and_move_on_only_between_spots() -> None:
    routine = Routine("cheeks", (Step("cheeks", "stretch", 6, "submandibular", positions=3),))
    plan = build_plan(routine, Settings(lead_in_s=0))
    step = plan.steps[0]
    assert step.shares == (2, 2, 2)
    seen: list[tuple[int, tuple[float, float]]] = []
    for stroke in range(6):
        for phase in (0.0, 0.3, 0.6, 0.7):
            frame = frame_at(plan, at_stroke(step, stroke, phase), mirror=True)
            right = next(h for h in frame.hands if h.side == "right")
            seen.append((frame.position or 0, (round(right.x, 6), round(right.y, 6))))
    by_position: dict[int, set[tuple[float, float]]] = {}
    for position, spot in seen:
        by_position.setdefault(position, set()).add(spot)
    assert sorted(by_position) == [1, 2, 3]
    assert all(len(spots) == 1 for spots in by_position.values()), "still while stroking at one spot"
    target = next(t for t in frame_at(plan, 0.5, mirror=True).targets if t.side == "right")
    far = [math.dist(next(iter(by_position[p])), (target.x, target.y)) for p in (1, 2, 3)]
    assert far == sorted(far), "each spot further from the node than the one before"
    moving = frame_at(plan, at_stroke(step, 1, (MOVE_ON_FROM + 1) / 2), mirror=True)
    assert moving.moving_on
    between = next(h for h in moving.hands if h.side == "right")
    first, second = next(iter(by_position[1])), next(iter(by_position[2]))
    assert math.dist((between.x, between.y), first) > 0.01
    assert math.dist((between.x, between.y), second) > 0.01
    assert moving.next_hands, "the coming spot is marked"


def test_frame_json_says_where_the_hands_are_and_moves_outward() -> None:
    plan = build_plan(next(e.routine for e in builtin_routines() if e.id == "standard"), Settings())
    step = next(s for s in plan.steps if s.positions > 1 and s.stroke == "stretch")
    early = frame_at(plan, at_stroke(step, 0, 0.3), mirror=True).to_json()
    later = frame_at(plan, at_stroke(step, step.shares[0], 0.3), mirror=True).to_json()
    assert (early["position"], early["positions"]) == (1, step.positions)
    assert later["position"] == 2
    assert {h["side"] for h in early["hands"]} == {"left", "right"}
    node = next(t for t in early["targets"] if t["side"] == "right")
    near = next(h for h in early["hands"] if h["side"] == "right")
    far = next(h for h in later["hands"] if h["side"] == "right")
    assert math.dist((far["x"], far["y"]), (node["x"], node["y"])) > math.dist(
        (near["x"], near["y"]), (node["x"], node["y"])
    )
    outside = frame_at(plan, 0.5, mirror=True).to_json()
    assert (outside["position"], outside["positions"], outside["hands"]) == (None, None, [])


def test_a_stroke_is_never_faster_than_one_second() -> None:
    routine = Routine("fast", (Step("cheeks", "stretch", 4, "submandibular", pace_factor=0.5),))
    plan = build_plan(routine, Settings(pace_s=1.0))
    assert plan.steps[0].stroke_s == 1.0
    assert any("slowed to 1 s" in w for w in plan.warnings)
    assert not any("slowed" in w for w in build_plan(routine, Settings(pace_s=2.0)).warnings)


@pytest.mark.parametrize("area", [a for a in AREA_IDS if a != "breathing"])
@pytest.mark.parametrize("count", [1, 2, 3, 6])
def test_the_hands_never_rest_on_the_neck_pulse(area: str, count: int) -> None:
    """Safety: whatever the number of spots, the finger pads keep off every no-press zone of the step."""
    for node in DRAINS_TOWARD[area]:
        zones = ANATOMY.no_press_for(area, node)
        for side in ("right", "left"):
            for spot in hand_positions(area, node, side, count, "stretch"):
                angle = spot.stretch.angle_at(0.0)
                for zone in zones:
                    for center in zone.centers():
                        for pads in (spot.rest, spot.stretch.end):  # at rest and with the skin stretched
                            assert hand_clear_of(pads, angle, center, zone.radius), (area, node, side, spot.number)


def test_the_pulse_check_catches_hands_on_the_pulse() -> None:
    pulse = ANATOMY.no_press[0]
    assert not hand_clear_of(pulse.at, 90.0, pulse.at, pulse.radius)
    assert not hand_clear_of((pulse.at[0] - 0.05, pulse.at[1]), 90.0, pulse.at, pulse.radius)
    assert hand_clear_of((pulse.at[0], pulse.at[1] + 0.2), 90.0, pulse.at, pulse.radius)
