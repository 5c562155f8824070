"""The face view keeps its static drawing cached and turns clicks into area ids."""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtGui import QImage
from pytestqt.qtbot import QtBot

from massage_gui.core.anatomy import default_anatomy
from massage_gui.core.frame import frame_at
from massage_gui.core.library import resolve_routine
from massage_gui.core.plan import build_plan
from massage_gui.core.settings import Settings
from massage_gui.ui.face_view import FaceView
from massage_gui.ui.theme import Theme


def _render(view: FaceView) -> None:
    image = QImage(view.size(), QImage.Format.Format_ARGB32)
    view.render(image)


def test_static_drawing_is_rebuilt_only_on_resize_theme_or_skips(qtbot: QtBot) -> None:
    view = FaceView(Theme.light())
    qtbot.addWidget(view)
    view.resize(QSize(400, 460))
    entry = resolve_routine("quick")
    plan = build_plan(entry.routine, Settings(), entry.id)
    _render(view)
    assert view.cache_builds == 1
    for i in range(30):
        view.set_frame(frame_at(plan, 40 + i * 0.1))
        _render(view)
    assert view.cache_builds == 1, "frames must reuse the static drawing"
    view.resize(QSize(500, 560))
    _render(view)
    assert view.cache_builds == 2
    view.set_theme(Theme.dark_theme())
    _render(view)
    assert view.cache_builds == 3
    view.set_skipped(frozenset({"cheeks"}))
    _render(view)
    assert view.cache_builds == 4
    view.set_skipped(frozenset({"cheeks"}))  # no change, no rebuild
    view.set_reduced_motion(True)
    _render(view)
    assert view.cache_builds == 4


def test_every_area_can_be_hit_on_both_sides_in_both_mirror_modes(qtbot: QtBot) -> None:
    view = FaceView(Theme.light())
    qtbot.addWidget(view)
    view.resize(QSize(600, 700))
    anatomy = default_anatomy()
    for mirror in (True, False):
        view.set_mirror(mirror)
        for area in anatomy.areas.values():
            for side in ("right", "left"):
                outline = area.outline_for(side)
                x = sum(p[0] for p in outline) / len(outline)
                y = sum(p[1] for p in outline) / len(outline)
                screen = (1 - x, y) if mirror else (x, y)
                assert view.area_at(view._to_px(screen)) == area.id, (area.id, side, mirror)
