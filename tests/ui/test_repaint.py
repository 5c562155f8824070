"""Animating cheaply: a frame repaints only where something moves, and words are set only when they change."""

from __future__ import annotations

import math

import pytest
from PySide6.QtCore import QPoint, QPointF, QRect, QRectF
from PySide6.QtGui import QColor, QFontMetricsF, QImage, QPainter, QPixmap
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from massage_gui.core.frame import Frame, frame_at
from massage_gui.core.library import resolve_routine
from massage_gui.core.plan import Plan, build_plan
from massage_gui.core.scene import build_scene
from massage_gui.core.settings import Settings
from massage_gui.ui import face_view
from massage_gui.ui.arrow_painter import stretch_line
from massage_gui.ui.diagram_bounds import moving_bounds, spot_bounds, spot_key
from massage_gui.ui.face_view import FaceView
from massage_gui.ui.rep_dial import RepDial
from massage_gui.ui.theme import Theme
from tests.ui.conftest import (
    PaintSpy,
    quick_plan,
    region_area,
    shown_dial,
    stroke_start,
)


def _view(qtbot: QtBot, plan: Plan) -> tuple[FaceView, PaintSpy]:
    view = FaceView(Theme.light(), build_scene(Settings(), plan.routine.areas))
    qtbot.addWidget(view)
    view.resize(560, 640)
    view.show()
    qtbot.waitExposed(view)
    return view, PaintSpy(view)


def _show(view: FaceView, frame: Frame) -> None:
    view.set_frame(frame)
    QApplication.processEvents()


def test_a_stroke_repaints_only_around_the_arrows_hands_and_targets(qtbot: QtBot) -> None:
    plan = quick_plan()
    for stroke in ("stretch", "circles", "breath"):
        view, spy = _view(qtbot, plan)
        start = stroke_start(plan, stroke) + 0.5
        _show(view, frame_at(plan, start))
        spy.regions.clear()
        for i in range(1, 6):
            _show(view, frame_at(plan, start + i / 60))
        whole = view.width() * view.height()
        assert len(spy.regions) == 5 or (stroke == "breath" and spy.regions), stroke  # a slow breath: not every frame
        assert all(0 < region_area(region) < whole / 4 for region in spy.regions), (
            stroke,
            [region_area(r) for r in spy.regions],
        )


def test_what_moves_lies_inside_the_repainted_region(qtbot: QtBot) -> None:
    """Painting a frame in pieces, as the view does, gives the picture a whole repaint gives."""
    plan = quick_plan()
    neck = next(s for s in plan.steps if s.area == "neck_side")
    starts = [
        stroke_start(plan, "stretch") + 0.3, stroke_start(plan, "circles") + 0.3, stroke_start(plan, "breath") + 0.3,
        neck.start_s + neck.duration_s + 0.5,
    ]  # fmt: skip
    for start in starts:  # a stretch, circles, breathing, a transition (the coming area blinks)
        view, _ = _view(qtbot, plan)
        for i in range(40):
            _show(view, frame_at(plan, start + i / 60))
        pieces = _shown(view)  # what the window shows, painted in pieces
        whole = view.grab().toImage()  # the last frame painted whole
        assert pieces.convertToFormat(whole.format()) == whole, start


def _shown(view: QWidget) -> QImage:
    """What the window shows where ``view`` is, from its backing store, in device pixels (the offscreen screen's
    grabWindow gives a picture at 1x under QT_SCALE_FACTOR=2)."""
    device = view.backingStore().paintDevice()
    assert isinstance(device, QImage)
    dpr = device.devicePixelRatio()
    at = view.mapTo(view.window(), QPoint(0, 0))
    shown = device.copy(
        QRect(round(at.x() * dpr), round(at.y() * dpr), round(view.width() * dpr), round(view.height() * dpr))
    )
    shown.setDevicePixelRatio(dpr)
    return shown


def test_a_lead_in_repaints_only_when_its_count_changes(qtbot: QtBot) -> None:
    plan = quick_plan()
    view, spy = _view(qtbot, plan)
    _show(view, frame_at(plan, 0.1))
    spy.regions.clear()
    for i in range(1, 30):  # within the same second of the countdown
        _show(view, frame_at(plan, 0.1 + i / 60))
    assert spy.regions == []
    _show(view, frame_at(plan, 1.2))
    assert len(spy.regions) == 1
    assert spy.regions[0].boundingRect() == view.rect()


def test_the_still_parts_of_a_step_are_drawn_once_for_the_step(qtbot: QtBot) -> None:
    plan = quick_plan()
    view, _ = _view(qtbot, plan)
    start = stroke_start(plan, "stretch") + 0.2
    for i in range(20):
        _show(view, frame_at(plan, start + i / 60))
    layer = view._layer
    _show(view, frame_at(plan, start + 0.5))
    assert layer is not None
    assert view._layer is layer


def test_the_no_press_warning_is_placed_once_and_then_only_checked_against_the_hands(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The marks the warning keeps clear of stay put all through a step; only the hands move. The places they
    leave free are found once, and each frame gives the place a search among all the marks would give (or,
    where the hands leave none, a place slid out beside them, clear of every mark)."""
    from massage_gui.ui import diagram_painter
    from massage_gui.ui.diagram_labels import NoPressPlaces, marker_boxes
    from massage_gui.ui.hands_painter import finger_pads

    built: list[object] = []

    class Counted(diagram_painter.NoPressPlaces):
        def __init__(self, *args: object) -> None:
            built.append(self)
            super().__init__(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(diagram_painter, "NoPressPlaces", Counted)
    plan = quick_plan()
    view, _ = _view(qtbot, plan)
    painter, transform, page = view._diagram, view._transform(), QRectF(view.rect())
    neck = next(s for s in plan.steps if s.area == "neck_side")
    ring = painter.marker_radius(transform.m11()) * painter.style.target_ring
    metrics = QFontMetricsF(painter.no_press_font(view.font(), transform))
    for i in range(0, round(neck.duration_s * 60), 7):
        frame = frame_at(plan, neck.start_s + i / 60)
        rooms = painter.spot_rooms(frame, transform)
        taken = [label.rect for label in painter.node_labels(view.scene, transform, view.font(), page)]
        taken += marker_boxes(view.scene, transform, ring)
        taken += [
            transform.mapRect(finger_pads(h, painter.style, moved=False).boundingRect().united(
                finger_pads(h, painter.style).boundingRect()))
            for h in (*frame.hands, *frame.next_hands)
        ]  # fmt: skip
        expected = (  # every mark and hand counted as standing still: the answer worked out from scratch
            NoPressPlaces(frame.no_press, transform, page, metrics, [*taken, *rooms]).first_clear_of([])
            if frame.no_press
            else None
        )
        placed = painter.no_press_label(view.scene, frame.no_press, transform, view.font(), page, rooms)
        if expected is not None:
            assert placed == expected
        elif placed is not None:
            assert page.contains(placed.rect)
            assert not any(placed.rect.intersects(box) for box in taken), "a slid warning lies on a mark"
    assert len(built) == 1


def test_the_no_press_warning_is_repainted_only_when_the_hands_move_it(qtbot: QtBot) -> None:
    """It stands still while the hands stretch beside it: frames repaint around what moves, not the words."""
    plan = quick_plan()
    view, spy = _view(qtbot, plan)
    neck = next(s for s in plan.steps if s.area == "neck_side")
    start = neck.start_s + 0.2
    _show(view, frame_at(plan, start))
    warning = view._warning_rect
    assert warning is not None
    spy.regions.clear()
    for i in range(1, 40):
        _show(view, frame_at(plan, start + i / 60))
        assert view._warning_rect == warning
    assert spy.regions
    assert not any(region.intersects(warning.toAlignedRect()) for region in spy.regions)


def test_the_view_places_the_no_press_warning_once_for_each_spot(qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> None:
    """Where the warning lies is worked out when the hands come to a spot (or the next spot shows), not 60
    times a second: every frame of a neck step asks once for each spot, and gets what a fresh look gives."""
    plan = quick_plan()
    view, _ = _view(qtbot, plan)
    asked: list[Frame] = []
    original = face_view.warning_bounds

    def counted(*args: object) -> object:
        asked.append(args[3])  # type: ignore[arg-type]
        return original(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(face_view, "warning_bounds", counted)
    neck = next(s for s in plan.steps if s.area == "neck_side")
    spots = set()
    for i in range(round(neck.duration_s * 60)):
        frame = frame_at(plan, neck.start_s + i / 60)
        _show(view, frame)
        spots.add(spot_key(frame))
        page = QRectF(view.rect())
        assert view._warning_rect == original(view._diagram, view._transform(), view.scene, frame, view.font(), page)
    assert len(asked) == len(spots)


def test_a_tick_while_animating_stands_for_the_animation_timers_next_frame(qtbot: QtBot) -> None:
    """A tick (each second, each stroke) paints a frame at once; the animation's next frame then comes a whole
    frame later, not a moment after it."""
    from massage_gui.core.app_state import AppState
    from massage_gui.ui.session import FRAME_INTERVAL_MS, SessionTicker

    now = [100.0]
    state = AppState(Settings(last_routine="quick", safety_confirmed=True), clock=lambda: now[0])
    ticker = SessionTicker(state)
    frames: list[Frame] = []
    ticker.frame_changed.connect(frames.append)
    state.start()
    timer = ticker.animation_timer
    assert timer.isActive()
    qtbot.wait(FRAME_INTERVAL_MS // 2)
    before = timer.remainingTime()
    frames.clear()
    now[0] += 1.0
    state.tick()
    assert len(frames) == 1
    assert timer.isActive()
    assert timer.remainingTime() > before, "the timer started again from the tick's frame"
    ticker.set_visible(False)


def test_the_step_layer_and_the_dial_face_are_painted_over_not_made_anew(qtbot: QtBot) -> None:
    """A new 2 MiB pixmap at every step (and a new dial face at every number) left the heap growing over a
    routine; the same pixmaps are painted over, and show what a fresh view shows."""
    plan = quick_plan()
    view, _ = _view(qtbot, plan)
    neck = next(s for s in plan.steps if s.area == "neck_side")
    _show(view, frame_at(plan, neck.start_s + 0.5))
    layer = view._layer
    assert layer is not None
    serial = layer.cacheKey() >> 32  # the pixmap's data, whatever is painted on it
    after = next(s for s in plan.steps if s.index > neck.index and s.stroke == "stretch" and s.area != "neck_side")
    _show(view, frame_at(plan, after.start_s + 0.5))
    assert view._layer is not None
    assert view._layer.cacheKey() >> 32 == serial
    fresh, _ = _view(qtbot, plan)
    _show(fresh, frame_at(plan, after.start_s + 0.5))
    assert view.grab().toImage() == fresh.grab().toImage()

    dial = shown_dial(qtbot)
    dial.set_content("3", "of 7", 0.4)
    dial.set_progress(0.4)  # a session's frame: the face is kept for the ring's moves
    QApplication.processEvents()
    face = dial._face
    assert face is not None
    dial.set_content("4", "of 7", 0.1)
    QApplication.processEvents()
    assert dial._face is not None
    assert dial._face.cacheKey() >> 32 == face.cacheKey() >> 32
    other = RepDial(Theme.light())
    qtbot.addWidget(other)
    other.resize(300, 300)
    other.set_content("4", "of 7", 0.1)
    assert dial.grab().toImage() == other.grab().toImage()


def test_hands_on_screen_come_from_pictures_made_once_and_look_as_drawn(qtbot: QtBot) -> None:
    """Drawing the hands' outline cost more than anything else in a frame: on screen each hand is a picture made
    once for its angle, size and quarter pixel of position, which looks as the outline drawn there does."""
    import numpy as np
    from PySide6.QtGui import QImage, QTransform

    from massage_gui.core.strokes import Hand
    from massage_gui.ui import hands_painter
    from massage_gui.ui.diagram_style import DIAGRAM_STYLE

    def paint(hands: tuple[Hand, ...], on_screen: bool, coming: bool = False) -> np.ndarray:
        image = QImage(300, 300, QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(QColor("#f3f1ed"))
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        transform = QTransform(410.0, 0, 0, 410.0, 3.3, 7.7)
        hands_painter.paint_hands(painter, transform, hands, Theme.light(), DIAGRAM_STYLE, coming=coming,
                                  on_screen=on_screen)  # fmt: skip
        painter.end()
        bits = image.constBits()
        return np.frombuffer(bits, np.uint8).reshape(300, 300, 4).astype(int).copy()  # type: ignore[arg-type]

    hands_painter._sprites.clear()
    for k in range(9):  # a hand gliding a quarter of a pixel at a time, and one between quarters
        x, y = (120 + k / 4 - 3.3) / 410.0, (140 + k / 8 - 7.7) / 410.0
        hand = Hand("right", x, y, 25.0)
        for coming in (False, True):
            drawn, pictured = paint((hand,), False, coming), paint((hand,), True, coming)
            differ = np.abs(drawn - pictured).max(axis=2)
            if k % 2 == 0:  # on a quarter pixel: the same picture, but for rounding
                assert differ.max() <= 4, (k, coming)
            else:  # an eighth of a pixel off, at most: the edges' shading differs a little
                assert differ.max() <= 80, (k, coming)
    made = len(hands_painter._sprites)
    assert 2 <= made <= 2 * hands_painter.SUBPIXEL_STEPS**2
    paint((Hand("right", (120 - 3.3) / 410.0, (140 - 7.7) / 410.0, 25.0),), True)
    assert len(hands_painter._sprites) == made, "the same place again: no new picture"


def _head_px(view: FaceView, frame: Frame) -> list[tuple[float, float]]:
    """Where each stretch arrow's head is drawn, and each hand, in pixels."""
    transform = view._transform()
    points = []
    for arrow in frame.arrows:
        (x0, y0), (x1, y1) = stretch_line(arrow, view._diagram.style)
        points.append((x0 + (x1 - x0) * arrow.progress, y0 + (y1 - y0) * arrow.progress))
    points += [(h.x + h.dx, h.y + h.dy) for h in frame.hands]
    return [(transform.map(QPointF(x, y)).x(), transform.map(QPointF(x, y)).y()) for x, y in points]


def test_a_frame_is_painted_whenever_something_moved_a_quarter_pixel_and_not_otherwise(qtbot: QtBot) -> None:
    """Every frame of a stretch that moves the arrow or the hands a quarter pixel from where they were last
    painted is painted; a frame that moves them less (as the skin eases in and out) is not, and neither is a
    breath that swells less than that (nothing visible changes)."""
    plan = quick_plan()
    view, spy = _view(qtbot, plan)
    start = stroke_start(plan, "stretch")
    _show(view, frame_at(plan, start))
    shown = _head_px(view, frame_at(plan, start))
    skipped = 0
    for i in range(1, 241):  # two strokes
        frame = frame_at(plan, start + i / 60)
        painted = len(spy.regions)
        _show(view, frame)
        now = _head_px(view, frame)
        moved = max(math.dist(a, b) for a, b in zip(shown, now, strict=True))
        if len(spy.regions) > painted:
            shown = now
        else:
            skipped += 1
            assert moved < 0.25 + 1e-6, (i, moved)
    assert 0 < skipped < 60
    view, spy = _view(qtbot, plan)
    breath = stroke_start(plan, "breath") + 0.5
    for i in range(120):
        _show(view, frame_at(plan, breath + i / 60))
    assert 0 < len(spy.regions) < 100  # painted 120 times before


def test_a_step_keeps_one_face_sized_picture_not_two(qtbot: QtBot) -> None:
    """The face with the step's still part on it is the only face-sized pixmap the view keeps (a second copy
    of the bare face cost 2.2 MiB at 1280x800, 18 MiB at 1920x1080 and two device pixels to one); the face
    is drawn again at a new step instead, and looks as a fresh view's."""
    plan = quick_plan()
    view, _ = _view(qtbot, plan)
    stretch = stroke_start(plan, "stretch")
    for t in (0.0, stretch + 0.5, stretch + 60.0):
        _show(view, frame_at(plan, t))
        pictures = [
            v
            for v in vars(view).values()
            if isinstance(v, (QPixmap, QImage)) and v.deviceIndependentSize().toSize() == view.size()
        ]
        assert len(pictures) == 1, t
        fresh, _ = _view(qtbot, plan)
        _show(fresh, frame_at(plan, t))
        assert view.grab().toImage() == fresh.grab().toImage(), t


def test_the_face_picture_is_in_the_windows_own_format(qtbot: QtBot) -> None:
    """The face picture is opaque and four bytes a pixel, as the window: the stroke layer draws it at each
    frame, and a picture of three bytes a pixel (0.57 MiB less at 1280x800) is converted pixel by pixel."""
    plan = quick_plan()
    view, _ = _view(qtbot, plan)
    _show(view, frame_at(plan, stroke_start(plan, "stretch") + 0.5))
    layer = view._layer
    assert layer is not None
    image = layer if isinstance(layer, QImage) else layer.toImage()
    assert image.format() == QImage.Format.Format_RGB32
    assert not image.hasAlphaChannel()


@pytest.mark.parametrize(("routine", "mirror"), [("quick", True), ("standard", False)])
def test_the_rectangles_kept_for_a_spot_are_those_each_frame_would_give(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, routine: str, mirror: bool
) -> None:
    """The view works out the still part of a frame's moving rectangles once for each spot; every frame of a
    routine (10 a second) must get the rectangles worked out afresh for it."""
    settings = Settings(mirror=mirror, treated_side="right")
    plan = build_plan(resolve_routine(routine).routine, settings)
    view, _ = _view(qtbot, plan)
    view.set_scene(build_scene(settings, plan.routine.areas))
    worked_out = []
    monkeypatch.setattr(face_view, "spot_bounds", lambda *args: worked_out.append(1) or spot_bounds(*args))
    frames = math.ceil(plan.total_s * 10)
    for i in range(frames):
        frame = frame_at(plan, i / 10, mirror=mirror)
        kept = view._bounds(frame)
        given = moving_bounds(view._diagram, view._transform(), view.scene, frame)
        assert sorted(r.getRect() for r in kept) == sorted(r.getRect() for r in given), (i / 10, frame.state)
    assert len(worked_out) < frames / 10
