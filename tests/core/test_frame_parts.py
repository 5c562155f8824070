"""A step's targets, no-press zones and first hands are worked out once for the step, not at every frame."""

from __future__ import annotations

import dataclasses

from massage_gui.core.anatomy import default_anatomy, load_anatomy
from massage_gui.core.assets import assets_dir
from massage_gui.core.frame import frame_at
from massage_gui.core.library import resolve_routine
from massage_gui.core.plan import build_plan
from massage_gui.core.settings import Settings


def test_the_frames_of_a_step_share_its_targets_and_no_press_zones() -> None:
    plan = build_plan(resolve_routine("quick").routine, Settings())
    neck = next(s for s in plan.steps if s.area == "neck_side")
    frames = [frame_at(plan, neck.start_s + k / 60) for k in range(1, 120, 7)]
    assert frames[0].targets
    assert frames[0].no_press
    assert all(f.targets is frames[0].targets for f in frames)
    assert all(f.no_press is frames[0].no_press for f in frames)
    mirrored = frame_at(plan, neck.start_s + 1.0, mirror=not plan.settings.mirror)
    assert mirrored.targets != frames[0].targets, "the other way round is a step of its own"


def test_another_anatomy_gets_its_own_zones() -> None:
    """A new language loads the anatomy again, with the zones' names in it: its frames name them anew."""
    plan = build_plan(resolve_routine("quick").routine, Settings())
    neck = next(s for s in plan.steps if s.area == "neck_side")
    before = frame_at(plan, neck.start_s + 1.0)
    fresh = load_anatomy(assets_dir() / "anatomy.json")
    renamed = dataclasses.replace(
        fresh, no_press=tuple(dataclasses.replace(z, label=z.label + " (new)") for z in fresh.no_press)
    )
    after = frame_at(plan, neck.start_s + 1.0, anatomy=renamed)
    assert all(z.label.endswith(" (new)") for z in after.no_press)
    assert frame_at(plan, neck.start_s + 1.0, anatomy=default_anatomy()).no_press == before.no_press
