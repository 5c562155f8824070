"""Skips per side: the written form, what a plan does with them, and settings from before per-side skips."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from massage_gui.core.app_state import AppState
from massage_gui.core.plan import build_plan
from massage_gui.core.routine import Routine, Step
from massage_gui.core.scene import build_scene
from massage_gui.core.settings import Settings
from massage_gui.core.settings_store import SETTINGS_KIND
from massage_gui.core.skips import normalised, parse_skip, skip_ids, skipped_sides, toggle

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
ROUTINE = Routine(
    "sides",
    (
        Step("breathing", "breath", 2),
        Step("cheeks", "stretch", 6, "submandibular"),
        Step("cheeks", "stretch", 6, "submandibular", side="right"),
        Step("chin", "stretch", 4, "submental", side="center"),
        Step("forehead", "sweep", 4, "preauricular", side="left"),
    ),
)


def test_both_sides_skipped_are_written_as_the_area() -> None:
    assert normalised({"cheeks:left", "cheeks:right"}) == {"cheeks"}
    assert normalised({"cheeks", "cheeks:left"}) == {"cheeks"}
    assert normalised({"nose:right"}) == {"nose:right"}
    assert parse_skip("nose:right") == ("nose", "right")
    for bad in ("nose:middle", "ears", "breathing:left", "", "nose:"):
        with pytest.raises(ValueError, match=bad or "^$"):
            parse_skip(bad)


@given(st.lists(st.tuples(st.sampled_from(["cheeks", "nose", "breathing"]), st.sampled_from([None, "left", "right"]))))
def test_toggling_twice_gives_back_what_was_there(moves: list[tuple[str, str | None]]) -> None:
    skips: frozenset[str] = frozenset()
    for area, side in moves:
        after = toggle(skips, area, side)  # type: ignore[arg-type]
        assert after == normalised(after)
        assert set(after) <= set(skip_ids())
        if side is not None and area != "breathing":
            assert toggle(after, area, side) == skips  # type: ignore[arg-type]
        skips = after


def test_a_step_on_both_sides_with_one_side_skipped_runs_on_the_other_side_alone() -> None:
    plan = build_plan(ROUTINE, Settings(skipped_areas=frozenset({"cheeks:right"})))
    assert [(s.area, s.side) for s in plan.steps] == [
        ("breathing", "both"),
        ("cheeks", "left"),  # the both-sided step, on the left only; the right-only step is gone
        ("chin", "center"),
        ("forehead", "left"),
    ]
    plan = build_plan(ROUTINE, Settings(skipped_areas=frozenset({"chin:left"})))
    assert "chin" not in {s.area for s in plan.steps}, "a midline hand would touch the skipped side"
    plan = build_plan(ROUTINE, Settings(skipped_areas=frozenset({"forehead:right"})))
    assert ("forehead", "left") in {(s.area, s.side) for s in plan.steps}


def test_the_scene_hatches_only_the_skipped_side() -> None:
    scene = build_scene(Settings(skipped_areas=frozenset({"cheeks:left"})), ROUTINE.areas)
    assert scene.status("cheeks", "left") == "skipped"
    assert scene.status("cheeks", "right") == "routine"
    assert scene.status("cheeks") == "skipped"


def test_settings_from_before_per_side_skips_load_unchanged(tmp_path: Path) -> None:
    document = json.loads((FIXTURES / "settings-v1.json").read_text(encoding="utf-8"))
    loaded, _version, problems = SETTINGS_KIND.decode(json.dumps(document).encode(), "settings.json")
    assert problems == []
    assert loaded.skipped_areas == frozenset(document["data"].get("skipped_areas", []))
    assert loaded.treated_side == "none"
    one_side = json.dumps(document | {"data": document["data"] | {"skipped_areas": ["nose:left", "chin"]}})
    assert SETTINGS_KIND.decode(one_side.encode(), "settings.json")[0].skipped_areas == {"nose:left", "chin"}


def test_the_app_state_toggles_one_side_or_the_whole_area() -> None:
    state = AppState(Settings(last_routine="standard", safety_confirmed=True))
    assert state.toggle_skip("cheeks", "left")
    assert skipped_sides(state.settings.skipped_areas, "cheeks") == {"left"}
    assert state.toggle_skip("cheeks")
    assert state.settings.skipped_areas == frozenset()
