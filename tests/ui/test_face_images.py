"""Image approval: the diagram at fixed frames must match the stored pictures within a tolerance.

Set MASSAGE_GUI_APPROVE=1 to write new pictures after a deliberate change, then look at them.
"""

from __future__ import annotations

import os
from pathlib import Path

import numpy as np
import pytest
from PySide6.QtCore import QSize
from PySide6.QtGui import QColor, QImage
from pytestqt.qtbot import QtBot

from massage_gui.core.frame import frame_at
from massage_gui.core.library import resolve_routine
from massage_gui.core.plan import build_plan
from massage_gui.core.routine import Routine, Step
from massage_gui.core.scene import build_scene
from massage_gui.core.settings import Settings
from massage_gui.ui.face_view import FaceView
from massage_gui.ui.theme import Theme

IMAGES = Path(__file__).parent / "images"
APPROVE = os.environ.get("MASSAGE_GUI_APPROVE") == "1"
SIZE = QSize(420, 480)
CHANNEL_TOLERANCE = 40  # a pixel differs when a channel is off by more than this
MAX_DIFFERENT = 0.002  # share of pixels allowed to differ (antialiasing, font hinting)

# Routines of their own for the hand positions, so that a change to the built-ins leaves these pictures be.
POSITIONS = {
    "cheeks": Routine("cheeks", (Step("cheeks", "stretch", 9, "submandibular", positions=3),)),
    "neck": Routine("neck", (Step("neck_side", "stretch", 6, "terminus", positions=2),)),
    "sides": Routine(
        "sides", (Step("neck_side", "stretch", 6, "terminus"), Step("cheeks", "stretch", 6, "submandibular"))
    ),
}
CASES = {
    # name: (routine, seconds, theme, mirror, skipped, reduced motion); lead-in 5 s, 2 s a stroke
    "cheeks_position_1_stretching_light": ("cheeks", 5 + 2 * 1 + 0.8, "light", True, (), False),
    "cheeks_position_2_releasing_dark": ("cheeks", 5 + 2 * 4 + 1.3, "dark", True, (), False),
    "cheeks_moving_on_light": ("cheeks", 5 + 2 * 2 + 1.75, "light", True, (), False),
    "neck_position_1_light": ("neck", 5 + 2 * 0 + 0.8, "light", True, (), False),
    "neck_position_2_dark": ("neck", 5 + 2 * 3 + 0.8, "dark", True, (), False),
    "collarbone_circles_light": ("quick", 40.3, "light", True, (), False),
    "cheeks_stretch_dark": ("quick", 130.7, "dark", True, (), False),
    "neck_stretch_no_mirror": ("quick", 63.6, "light", False, (), False),
    "neck_reduced_motion_eyes_skipped": ("quick", 201.1, "light", True, ("under_eyes",), True),
    "skipped_areas_transition": ("standard", 36.0, "dark", True, ("cheeks", "nose", "upper_lip"), False),
    # one side: a stroke time, or the first step taking a way round a treated side (0.4 into its first stroke)
    "cheeks_right_skipped_light": ("sides", 5 + 12 + 3 + 2 * 1 + 0.8, "light", True, ("cheeks:right",), False),
    "cheeks_across_treated_right_dark": ("sides", "across", "dark", True, (), False, "right"),
    "neck_to_the_armpit_treated_right_light": ("sides", "armpit", "light", True, (), False, "right"),
    "chest_clearing_both_treated_dark": ("sides", "chest", "dark", True, (), False, "both"),
}


def _render(qtbot: QtBot, name: str) -> QImage:
    routine, at, theme_name, mirror, skipped, reduced, *treated = CASES[name]
    settings = Settings(
        mirror=mirror, skipped_areas=frozenset(skipped), reduced_motion=reduced, treated_side=(treated or ["none"])[0]
    )
    plan = build_plan(POSITIONS[routine] if routine in POSITIONS else resolve_routine(routine).routine, settings)
    if isinstance(at, str):  # the first step sent round a treated side that way, or the first of that area
        step = next(s for s in plan.steps if at in (s.route, s.area))
        at = step.start_s + 0.4 * step.stroke_s
    theme = Theme.dark_theme() if theme_name == "dark" else Theme.light()
    view = FaceView(theme, build_scene(settings, plan.routine.areas))
    qtbot.addWidget(view)
    view.resize(SIZE)
    view.set_frame(frame_at(plan, at, mirror=mirror))
    image = QImage(SIZE, QImage.Format.Format_ARGB32)
    image.fill(QColor("black"))
    view.render(image)
    return image


def _share_different(a: QImage, b: QImage) -> float:
    if a.size() != b.size():
        return 1.0
    a = a.convertToFormat(QImage.Format.Format_ARGB32)
    b = b.convertToFormat(QImage.Format.Format_ARGB32)
    pixels_a = np.frombuffer(bytes(a.constBits()), dtype=np.uint8).reshape(-1, 4).astype(np.int16)
    pixels_b = np.frombuffer(bytes(b.constBits()), dtype=np.uint8).reshape(-1, 4).astype(np.int16)
    different = (np.abs(pixels_a[:, :3] - pixels_b[:, :3]) > CHANNEL_TOLERANCE).any(axis=1)
    return float(different.mean())


@pytest.mark.parametrize("name", sorted(CASES))
def test_diagram_matches_the_approved_picture(qtbot: QtBot, name: str, tmp_path: Path) -> None:
    image = _render(qtbot, name)
    stored = IMAGES / f"{name}.png"
    if APPROVE or not stored.exists():
        if not APPROVE:
            pytest.fail(f"no approved picture {stored.name}: run with MASSAGE_GUI_APPROVE=1 and look at it")
        IMAGES.mkdir(exist_ok=True)
        image.save(str(stored))
        return
    share = _share_different(image, QImage(str(stored)))
    if share > MAX_DIFFERENT:
        actual = tmp_path / f"{name}.actual.png"
        image.save(str(actual))
        pytest.fail(f"{name}: {share:.2%} of pixels differ (allowed {MAX_DIFFERENT:.2%}); see {actual}")


def test_a_changed_frame_is_caught(qtbot: QtBot) -> None:
    """The comparison itself must notice a real change (an arrow in another place)."""
    first = _render(qtbot, "cheeks_stretch_dark")
    routine, at, *_ = CASES["cheeks_stretch_dark"]
    CASES["moved"] = (routine, at + 0.7, "dark", True, (), False)
    try:
        moved = _render(qtbot, "moved")
    finally:
        del CASES["moved"]
    assert _share_different(first, moved) > MAX_DIFFERENT
