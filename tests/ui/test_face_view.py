"""The face view keeps its still drawing cached and turns clicks into area ids."""

from __future__ import annotations

import dataclasses
import math

import pytest
from PySide6.QtCore import QEvent, QPointF, QSize, Qt
from PySide6.QtGui import QColor, QImage, QMouseEvent
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from massage_gui.core.anatomy import default_anatomy
from massage_gui.core.frame import frame_at
from massage_gui.core.library import resolve_routine
from massage_gui.core.plan import Plan, build_plan
from massage_gui.core.routine import Routine, Step
from massage_gui.core.scene import build_scene
from massage_gui.core.settings import Settings
from massage_gui.ui.face_view import FaceView
from massage_gui.ui.theme import Theme


def _render(view: FaceView) -> None:
    image = QImage(view.size(), QImage.Format.Format_ARGB32)
    view.render(image)


def _quick_view(qtbot: QtBot, settings: Settings) -> tuple[Plan, FaceView]:
    """The quick routine's plan, and a 400x460 view of its face with nothing on it yet."""
    entry = resolve_routine("quick")
    plan = build_plan(entry.routine, settings, entry.id)
    view = FaceView(Theme.light(), build_scene(settings, plan.routine.areas))
    qtbot.addWidget(view)
    view.resize(QSize(400, 460))
    return plan, view


def test_static_drawing_is_rebuilt_only_on_resize_theme_or_scene(qtbot: QtBot) -> None:
    settings = Settings()
    plan, view = _quick_view(qtbot, settings)
    _render(view)
    assert view.cache_builds == 0, "before a session the face is painted straight on the view"
    for i in range(30):
        view.set_frame(frame_at(plan, 40 + i * 0.1))
        _render(view)
    assert view.cache_builds == 1, "frames must reuse the still drawing"
    view.resize(QSize(500, 560))
    _render(view)
    assert view.cache_builds == 2
    view.set_theme(Theme.dark_theme())
    _render(view)
    assert view.cache_builds == 3
    skipped = dataclasses.replace(settings, skipped_areas=frozenset({"cheeks"}))
    view.set_scene(build_scene(skipped, plan.routine.areas))
    _render(view)
    assert view.cache_builds == 4
    view.set_scene(build_scene(skipped, plan.routine.areas))  # an equal scene: no rebuild
    view.set_paused_text("Paused")
    _render(view)
    assert view.cache_builds == 4


def test_between_sessions_the_view_keeps_no_picture_of_the_face(qtbot: QtBot) -> None:
    """The still picture (1.7 MiB at 1280x800) is for the frames of a session; before and after one, the face
    is painted straight on the view, and looks after a session as it did before."""
    plan, view = _quick_view(qtbot, Settings())
    before = view.grab().toImage()
    assert view._layer is None
    view.set_frame(frame_at(plan, 40))
    view.grab()
    assert view._layer is not None
    view.set_frame(frame_at(plan, plan.total_s + 1))  # finished
    assert view._layer is None
    assert view.grab().toImage() == before
    assert view._layer is None
    view.set_frame(frame_at(plan, 40))
    view.set_frame(None)  # stopped
    assert view._layer is None


def test_every_area_can_be_hit_on_both_sides_in_both_mirror_modes(qtbot: QtBot) -> None:
    anatomy = default_anatomy()
    view = FaceView(Theme.light(), build_scene(Settings(), frozenset()))
    qtbot.addWidget(view)
    view.resize(QSize(600, 700))
    for mirror in (True, False):
        view.set_scene(build_scene(Settings(mirror=mirror), frozenset()))
        for area in anatomy.areas.values():
            for side in ("right", "left"):
                outline = area.outline_for(side)
                x = sum(p[0] for p in outline) / len(outline)
                y = sum(p[1] for p in outline) / len(outline)
                screen = (1 - x, y) if mirror else (x, y)
                assert view.area_at(view.to_px(screen)) == area.id, (area.id, side, mirror)


def _accent_share(image: QImage, x: float, y: float, accent: QColor) -> float:
    """How close the pixel at (x, y) is to the accent colour: 1 the same, 0 far."""
    pixel = QColor(image.pixel(round(x), round(y)))
    distance = abs(pixel.red() - accent.red()) + abs(pixel.green() - accent.green()) + abs(pixel.blue() - accent.blue())
    return 1 - distance / 765


@pytest.mark.parametrize("mirror", [True, False])
def test_a_circle_trail_follows_the_head_the_way_it_turns(qtbot: QtBot, mirror: bool) -> None:
    """Bug: the trail was always drawn the same way round, so for one hand it ran ahead of the head."""
    routine = Routine("circles", (Step("collarbone", "circles", 4, "terminus"),))
    settings = Settings(mirror=mirror, lead_in_s=0)
    plan = build_plan(routine, settings)
    theme = Theme.light()
    view = FaceView(theme, build_scene(settings, routine.areas))
    qtbot.addWidget(view)
    view.resize(QSize(3000, 3400))  # large enough that the trail reaches well beyond the arrowhead
    frame = frame_at(plan, plan.steps[0].stroke_s * 1.3, mirror=mirror)
    view.set_frame(frame)
    image = QImage(view.size(), QImage.Format.Format_ARGB32)
    view.render(image)
    for arrow in frame.arrows:
        assert arrow.center is not None
        center, head = view.to_px(arrow.center), view.to_px((arrow.x, arrow.y))
        radius = math.hypot(head.x() - center.x(), head.y() - center.y())
        at = math.atan2(head.y() - center.y(), head.x() - center.x())
        behind_angle = at - arrow.turn * math.radians(70)  # screen angles grow clockwise (y down)
        ahead_angle = at + arrow.turn * math.radians(70)
        behind = _accent_share(image, center.x() + radius * math.cos(behind_angle),
                               center.y() + radius * math.sin(behind_angle), theme.accent)  # fmt: skip
        ahead = _accent_share(image, center.x() + radius * math.cos(ahead_angle),
                              center.y() + radius * math.sin(ahead_angle), theme.accent)  # fmt: skip
        assert behind > ahead + 0.1, (arrow.side, behind, ahead)


def test_every_node_group_has_its_own_shape_and_colour() -> None:
    """Node groups are told apart by shape as well as colour (the armpit too)."""
    from massage_gui.core.anatomy import NODE_IDS
    from massage_gui.ui.markers import NODE_SHAPES
    from massage_gui.ui.theme import NODE_COLORS

    assert set(NODE_SHAPES) == set(NODE_IDS) == set(NODE_COLORS)
    looks = {(NODE_SHAPES[n], NODE_COLORS[n]) for n in NODE_IDS}
    assert len(looks) == len(NODE_IDS)
    assert len(set(NODE_COLORS.values())) == len(NODE_IDS)


def test_a_node_marker_tells_its_professional_name(qtbot: QtBot) -> None:
    """Hovering a node group's marker names it as a therapist would (the words on a leaflet)."""
    view = FaceView(Theme.light(), build_scene(Settings(), frozenset({"neck_side"})))
    qtbot.addWidget(view)
    view.resize(QSize(600, 700))
    seen = {}
    for node in view.scene.nodes:
        if node.hidden:
            continue
        pos = view.to_px((node.x, node.y))
        event = QMouseEvent(QEvent.Type.MouseMove, pos, view.mapToGlobal(pos), Qt.MouseButton.NoButton,
                            Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier)  # fmt: skip
        QApplication.sendEvent(view, event)
        seen[node.node] = view.toolTip()
    assert seen["submandibular"] == "Under the jaw: submandibular nodes"
    assert seen["terminus"].endswith("supraclavicular nodes")
    assert seen["axillary"].endswith("axillary nodes")
    assert set(seen) == {n.node for n in view.scene.nodes if not n.hidden}
    away = QPointF(2, 2)
    QApplication.sendEvent(view, QMouseEvent(QEvent.Type.MouseMove, away, view.mapToGlobal(away),
                                             Qt.MouseButton.NoButton, Qt.MouseButton.NoButton,
                                             Qt.KeyboardModifier.NoModifier))  # fmt: skip
    assert view.toolTip() == ""
