"""frame_at: what the diagram shows at one moment (frame --json in docs/cli.md)."""

from __future__ import annotations

import json
import math
from itertools import pairwise

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from massage_gui.core.anatomy import DRAINS_TOWARD, default_anatomy
from massage_gui.core.frame import Arrow, Frame, Target, frame_at
from massage_gui.core.library import builtin_routines
from massage_gui.core.plan import Plan, PlannedStep, build_plan
from massage_gui.core.positions import SWEEP_UNITS
from massage_gui.core.routine import Routine, Step
from massage_gui.core.settings import Settings
from massage_gui.core.strokes import STRETCH_MOVE, SWEEP_MOVE, motion, spot_arrows

FRAME_KEYS = {
    "t", "state", "step_index", "area", "stroke", "rep", "reps", "phase", "step_remaining_s", "total_remaining_s",
    "mirror", "arrows", "targets", "position", "positions", "hands",
}  # fmt: skip
ARROW_KEYS = {"side", "x", "y", "angle_deg", "opacity"}
TARGET_KEYS = {"node", "side", "x", "y"}
ANATOMY = default_anatomy()
BUILTINS = {entry.id: entry.routine for entry in builtin_routines()}
MOVING_STROKES = {"stretch": STRETCH_MOVE, "sweep": SWEEP_MOVE}

SAMPLER = Routine(
    name="every kind of step",
    steps=(
        Step("breathing", "breath", 3),
        Step("collarbone", "circles", 4, "terminus"),
        Step("cheeks", "stretch", 4, "submandibular"),
        Step("forehead", "sweep", 4, "preauricular"),
        Step("under_chin", "stretch", 4, "submental"),
        Step("jawline", "sweep", 4, "preauricular", side="left"),
        Step("temples", "circles", 4, "preauricular", side="right"),
        Step("chin", "stretch", 4, "submandibular", side="center"),
    ),
)


def sampler_plan(**changes: object) -> Plan:
    return build_plan(SAMPLER, Settings(**changes), "sampler")  # type: ignore[arg-type]


def at_stroke(step: PlannedStep, rep: int, phase: float) -> float:
    """Session time of ``phase`` within stroke ``rep`` (counted from 1) of ``step``."""
    return step.start_s + (rep - 1 + phase) * step.stroke_s


def target_for(frame: Frame, arrow: Arrow) -> Target:
    """The target an arrow drains toward: the one on its side, or the midline one."""
    matches = [t for t in frame.targets if t.side in (arrow.side, "center")]
    assert len(matches) == 1, (arrow, frame.targets)
    return matches[0]


def dist(a: Arrow, t: Target) -> float:
    return math.hypot(a.x - t.x, a.y - t.y)


# -- the four states -------------------------------------------------------------------------------


def test_lead_in() -> None:
    plan = sampler_plan()
    frame = frame_at(plan, 2.0)
    assert frame.state == "lead_in"
    assert frame.step_index == 0
    assert frame.area == "breathing"
    assert frame.stroke == "breath"
    assert frame.rep is None
    assert frame.phase is None
    assert frame.step_remaining_s == pytest.approx(3.0)
    assert frame.total_remaining_s == pytest.approx(plan.total_s - 2.0)
    assert frame.arrows == ()


def test_step() -> None:
    plan = sampler_plan()
    step = plan.steps[2]
    frame = frame_at(plan, at_stroke(step, 3, 0.25))
    assert frame.state == "step"
    assert (frame.step_index, frame.area, frame.stroke, frame.reps) == (2, "cheeks", "stretch", 4)
    assert frame.rep == 3
    assert frame.phase == pytest.approx(0.25)
    assert frame.step_remaining_s == pytest.approx(step.end_s - frame.t)
    assert frame.total_remaining_s == pytest.approx(plan.total_s - frame.t)


def test_transition_shows_the_coming_step() -> None:
    plan = sampler_plan()
    t = plan.steps[1].end_s + 1.0
    frame = frame_at(plan, t)
    assert frame.state == "transition"
    assert frame.step_index == 2
    assert frame.area == "cheeks"
    assert frame.rep is None
    assert frame.phase is None
    assert frame.step_remaining_s == pytest.approx(plan.steps[2].start_s - t)
    assert frame.arrows == ()


@pytest.mark.parametrize("extra", [0.0, 0.001, 100.0])
def test_finished(extra: float) -> None:
    plan = sampler_plan()
    frame = frame_at(plan, plan.total_s + extra)
    assert frame.state == "finished"
    assert frame.t == plan.total_s
    assert frame.step_index is None
    assert frame.rep is None
    assert frame.phase is None
    assert frame.total_remaining_s == 0
    assert frame.step_remaining_s == 0
    assert frame.arrows == ()
    assert frame.targets == ()


def test_negative_time_is_the_start() -> None:
    frame = frame_at(sampler_plan(), -5.0)
    assert frame.state == "lead_in"
    assert frame.t == 0.0


def test_no_lead_in_starts_in_the_first_step() -> None:
    frame = frame_at(sampler_plan(lead_in_s=0.0), 0.0)
    assert frame.state == "step"
    assert frame.step_index == 0
    assert frame.rep == 1
    assert frame.phase == 0.0


# -- strokes ---------------------------------------------------------------------------------------


def test_breath_step_has_no_arrows_or_targets() -> None:
    plan = sampler_plan()
    frame = frame_at(plan, at_stroke(plan.steps[0], 2, 0.5))
    assert frame.stroke == "breath"
    assert frame.rep == 2
    assert frame.arrows == ()
    assert frame.targets == ()


@pytest.mark.parametrize("index", [1, 6])
@pytest.mark.parametrize("mirror", [True, False])
def test_circles_go_round_a_fixed_centre(index: int, mirror: bool) -> None:
    plan = sampler_plan()
    step = plan.steps[index]
    assert step.stroke == "circles"
    frames = [frame_at(plan, at_stroke(step, 1, k / 12), mirror=mirror) for k in range(12)]
    for side in {a.side for a in frames[0].arrows}:
        arrows = [next(a for a in f.arrows if a.side == side) for f in frames]
        centers = {a.center for a in arrows}
        assert len(centers) == 1, "a circle stays in one place"
        center = arrows[0].center
        assert center is not None
        for a in arrows:
            assert math.hypot(a.x - center[0], a.y - center[1]) == pytest.approx(a.radius)
        # it really goes round: the arrow visits points on opposite sides of the centre
        xs = [a.x - center[0] for a in arrows]
        ys = [a.y - center[1] for a in arrows]
        assert min(xs) < 0 < max(xs)
        assert min(ys) < 0 < max(ys)


def moving_cases() -> list[tuple[str, str, str, str]]:
    return [
        (area, node, stroke, side)
        for area, nodes in DRAINS_TOWARD.items()
        for node in nodes
        for stroke in MOVING_STROKES
        for side in ("both", "left", "right", "center")
    ]


@pytest.mark.parametrize("mirror", [True, False])
@pytest.mark.parametrize(("area", "node", "stroke", "side"), moving_cases())
def test_stretch_and_sweep_arrows_move_toward_the_target(
    area: str, node: str, stroke: str, side: str, mirror: bool
) -> None:
    routine = Routine(name="one", steps=(Step(area, stroke, 3, node, side=side, positions=1),))  # type: ignore[arg-type]
    plan = build_plan(routine, Settings())
    step = plan.steps[0]
    move = MOVING_STROKES[stroke]
    phases = [move * k / 20 for k in range(21)]
    frames = [frame_at(plan, at_stroke(step, 2, p), mirror=mirror) for p in phases]
    sides = {a.side for a in frames[0].arrows}
    assert sides == ({"left", "right"} if side in ("both", "center") else {side})
    for arrow_side in sides:
        distances = []
        for f in frames:
            arrow = next(a for a in f.arrows if a.side == arrow_side)
            distances.append(dist(arrow, target_for(f, arrow)))
        assert arrow.path is not None
        # A short stretch, not a glide to the node: the skin moves about the stretch's length toward it.
        assert distances[0] - distances[-1] > 0.5 * arrow.path.length, "the skin moves toward the node"
        assert arrow.path.length <= SWEEP_UNITS + 1e-6
        for before, after in pairwise(distances):
            assert after <= before + 1e-9, f"the arrow moved away from {node}: {distances}"


@pytest.mark.parametrize("stroke", list(MOVING_STROKES))
def test_arrow_fades_after_the_moving_part(stroke: str) -> None:
    routine = Routine(name="one", steps=(Step("cheeks", stroke, 3, "submandibular", positions=1),))
    plan = build_plan(routine, Settings())
    step = plan.steps[0]
    move = MOVING_STROKES[stroke]
    during = frame_at(plan, at_stroke(step, 2, move / 2)).arrows[0]
    late = frame_at(plan, at_stroke(step, 2, move + (1 - move) * 0.9)).arrows[0]
    assert during.opacity == pytest.approx(1.0)
    assert late.opacity < 0.5
    assert 0.0 <= late.opacity <= 1.0


# -- mirror ----------------------------------------------------------------------------------------


@pytest.mark.parametrize("routine_id", list(BUILTINS))
def test_mirror_puts_the_users_left_on_the_screens_left(routine_id: str) -> None:
    plan = build_plan(BUILTINS[routine_id], Settings())
    checked = 0
    for step in plan.steps:
        if step.toward is None:
            continue
        for phase in (0.0, 0.3, 0.7):
            on = frame_at(plan, at_stroke(step, 1, phase), mirror=True)
            off = frame_at(plan, at_stroke(step, 1, phase), mirror=False)
            assert on.mirror is True
            assert off.mirror is False
            for frame, left_is_low in ((on, True), (off, False)):
                # where the hands rest, and the stretches (a circle near the midline may cross it)
                stretches = [a for a in frame.arrows if a.path is not None]
                for item in (*stretches, *frame.hands, *frame.targets):
                    if item.side == "center":
                        assert item.x == pytest.approx(0.5)
                        continue
                    assert (item.x < 0.5) == ((item.side == "left") == left_is_low), (step.area, item)
                    checked += 1
            # the two views are reflections of each other
            for a, b in zip(on.arrows, off.arrows, strict=True):
                assert a.side == b.side
                assert a.x == pytest.approx(1 - b.x)
                assert a.y == pytest.approx(b.y)
    assert checked > 0


def test_mirror_defaults_to_the_setting() -> None:
    assert frame_at(sampler_plan(), 0.0).mirror is True
    assert frame_at(sampler_plan(mirror=False), 0.0).mirror is False
    assert frame_at(sampler_plan(mirror=False), 0.0, mirror=True).mirror is True


# -- targets ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("mirror", [True, False])
def test_targets_match_the_steps_toward_node(mirror: bool) -> None:
    plan = sampler_plan()
    for step in plan.steps:
        frame = frame_at(plan, at_stroke(step, 1, 0.5), mirror=mirror)
        if step.toward is None:
            assert frame.targets == ()
            continue
        node = ANATOMY.nodes[step.toward]
        assert frame.targets, step
        assert {t.node for t in frame.targets} == {step.toward}
        for target in frame.targets:
            photo = node.position(target.side)
            expected_x = 1 - photo[0] if mirror else photo[0]
            assert (target.x, target.y) == pytest.approx((expected_x, photo[1]))
        sides = {t.side for t in frame.targets}
        if node.center:
            assert sides == {"center"}
        elif step.side in ("both", "center"):
            assert sides == {"left", "right"}
        else:
            assert sides == {step.side}


# -- rep and phase as a property -------------------------------------------------------------------


@settings(max_examples=300, deadline=None)
@given(
    st.sampled_from([*BUILTINS.values(), SAMPLER]),
    st.floats(1.0, 4.0),
    st.floats(0.0, 1.0),
    st.booleans(),
)
def test_rep_counts_from_one_and_phase_is_within_the_stroke(
    routine: Routine, pace: float, fraction: float, mirror: bool
) -> None:
    plan = build_plan(routine, Settings(pace_s=pace))
    t = fraction * plan.total_s
    frame = frame_at(plan, t, mirror=mirror)
    assert frame.t == t
    assert frame.total_remaining_s == pytest.approx(plan.total_s - t)
    if frame.state != "step":
        assert frame.rep is None
        assert frame.phase is None
        return
    step = plan.steps[frame.step_index or 0]
    assert frame.rep is not None
    assert frame.phase is not None
    assert 1 <= frame.rep <= step.reps
    assert 0.0 <= frame.phase < 1.0
    assert (frame.rep - 1 + frame.phase) * step.stroke_s == pytest.approx(t - step.start_s, abs=1e-9)
    assert 0 < frame.step_remaining_s <= step.duration_s
    for arrow in frame.arrows:
        assert 0.0 <= arrow.opacity <= 1.0
        assert 0.0 <= arrow.angle_deg < 360.0
        assert -0.5 < arrow.x < 1.5
        assert -0.5 < arrow.y < 2.5


@pytest.mark.parametrize("routine_id", list(BUILTINS))
def test_phase_just_before_the_end_of_each_step(routine_id: str) -> None:
    for pace in (1.0, 1.7, 2.3, 4.0):
        plan = build_plan(BUILTINS[routine_id], Settings(pace_s=pace))
        for step in plan.steps:
            frame = frame_at(plan, math.nextafter(step.end_s, 0.0))
            assert frame.state == "step"
            assert frame.step_index == step.index
            assert frame.rep == step.reps
            assert frame.phase is not None
            assert 0.0 <= frame.phase < 1.0


# -- JSON ------------------------------------------------------------------------------------------


@pytest.mark.parametrize("t", [0.0, 10.0, 40.0, 1e9])
def test_to_json_has_exactly_the_documented_keys(t: float) -> None:
    plan = sampler_plan()
    data = frame_at(plan, t).to_json()
    json.dumps(data, allow_nan=False)
    assert set(data) == FRAME_KEYS
    assert data["state"] in ("lead_in", "step", "transition", "finished")
    for arrow in data["arrows"]:
        assert set(arrow) == ARROW_KEYS
    for target in data["targets"]:
        assert set(target) == TARGET_KEYS


def test_to_json_in_a_moving_step() -> None:
    plan = sampler_plan()
    step = plan.steps[4]  # under_chin toward the midline node, both hands
    data = frame_at(plan, at_stroke(step, 2, 0.3)).to_json()
    assert data["state"] == "step"
    assert data["rep"] == 2
    assert data["reps"] == 4
    assert data["area"] == "under_chin"
    assert data["stroke"] == "stretch"
    assert data["step_index"] == 4
    assert data["mirror"] is True
    assert sorted(a["side"] for a in data["arrows"]) == ["left", "right"]
    assert [(t["node"], t["side"], t["x"]) for t in data["targets"]] == [("submental", "center", 0.5)]
    assert 0.0 <= data["phase"] <= 1.0


# -- what the painter is told (no drawing rule is left to the view) ---------------------------------


@pytest.mark.parametrize("mirror", [True, False])
@pytest.mark.parametrize("index", [1, 6])  # circles on both sides, and on the right only
def test_a_circle_says_which_way_it_turns_on_screen(mirror: bool, index: int) -> None:
    """``turn`` is +1 when the head goes clockwise on screen (y grows downward), -1 anticlockwise; the
    painter draws the trail behind the head from it (a still frame shows the direction)."""
    plan = sampler_plan(mirror=mirror)
    step = plan.steps[index]
    for phase in (0.1, 0.4, 0.7):
        now = frame_at(plan, at_stroke(step, 2, phase), mirror=mirror)
        later = frame_at(plan, at_stroke(step, 2, phase + 0.02), mirror=mirror)
        for a, b in zip(now.arrows, later.arrows, strict=True):
            assert a.center is not None
            cx, cy = a.center
            cross = (a.x - cx) * (b.y - cy) - (a.y - cy) * (b.x - cx)  # > 0: clockwise with y downward
            assert a.turn == (1 if cross > 0 else -1), (a.side, phase)
    arrows = frame_at(plan, at_stroke(step, 1, 0.5), mirror=mirror).arrows
    if len(arrows) == 2:
        assert arrows[0].turn == -arrows[1].turn, "the two hands turn the opposite ways"


def test_the_pulse_zone_shows_on_neck_steps_and_steps_that_drain_down_the_neck() -> None:
    routine = Routine(
        "zones",
        (
            Step("cheeks", "stretch", 2, "submandibular"),
            Step("neck_side", "stretch", 2, "terminus"),
            Step("behind_ear", "stretch", 2, "deep_cervical"),
        ),
    )
    plan = build_plan(routine, Settings(lead_in_s=0))
    shown = [bool(frame_at(plan, at_stroke(step, 1, 0.5)).no_press) for step in plan.steps]
    assert shown == [False, True, True]
    zones = frame_at(plan, at_stroke(plan.steps[1], 1, 0.5), mirror=True).no_press
    assert {round(z.x, 2) for z in zones} == {0.3, 0.7}
    assert all(z.label for z in zones)


def test_breathing_fills_in_then_empties_out() -> None:
    plan = sampler_plan()
    step = plan.steps[0]
    fullness = [frame_at(plan, at_stroke(step, 1, p)).breath for p in (0.0, 0.2, 0.4, 0.7, 0.999)]
    assert fullness[0] == pytest.approx(0.0, abs=1e-6)
    assert fullness[2] == pytest.approx(1.0)
    assert fullness[1] < fullness[2]
    assert fullness[3] < fullness[2]
    assert fullness[4] < 0.01


@pytest.mark.parametrize("mirror", [False, True])
@pytest.mark.parametrize("routine_id", ["standard", "thorough"])
def test_spot_hands_hold_where_the_skin_goes_while_the_hands_work_a_spot(routine_id: str, mirror: bool) -> None:
    """``spot_hands``: for every frame of a step, each hand rests where its spot's hand rests, and the skin
    under it goes no further than that hand's whole stretch (circles: none)."""
    from massage_gui.core.strokes import spot_hands

    plan = build_plan(BUILTINS[routine_id], Settings(mirror=mirror))
    checked = 0
    for step in plan.steps:
        if step.toward is None:
            continue
        for i in range(round(step.duration_s * 10)):
            frame = frame_at(plan, step.start_s + i / 10)
            if frame.state != "step" or frame.moving_on or frame.position is None:
                continue
            whole = {h.side: h for h in spot_hands(step, frame.position, mirror)}
            for hand in frame.hands:
                spot = whole[hand.side]
                assert (hand.x, hand.y, hand.angle_deg) == pytest.approx((spot.x, spot.y, spot.angle_deg))
                reach = math.hypot(spot.dx, spot.dy)
                assert math.hypot(hand.dx, hand.dy) <= reach + 1e-9
                if step.stroke == "circles":
                    assert (spot.dx, spot.dy) == (0.0, 0.0)
                checked += 1
    assert checked > 1000


@pytest.mark.parametrize("mirror", [False, True])
def test_a_spots_arrows_are_where_every_stroke_there_shows_its_arrows(mirror: bool) -> None:
    """``spot_arrows`` (what the no-press warning keeps clear of, ui/diagram_painter.py) has the circle or the
    stretch that each stroke at the spot draws its arrow on, all through the stroke."""
    plan = build_plan(BUILTINS["standard"], Settings())
    checked = 0
    for step in plan.steps:
        if step.toward is None:
            continue
        for stroke in range(step.reps):
            position, _ = step.position_of(stroke)
            expected = [(a.side, a.center, a.radius, a.path) for a in spot_arrows(step, position, mirror)]
            for phase in (0.05, 0.5, 0.7):
                shown = motion(step, stroke, phase, mirror)
                assert [(a.side, a.center, a.radius, a.path) for a in shown.arrows] == expected
                checked += 1
    assert checked > 100
