"""Strokes played by Qt on the face view's stroke layer: as painted, in step, once or looped, only while they may."""

from __future__ import annotations

import math
import time

import numpy as np
import pytest
from PySide6.QtCore import QEvent, QObject, QPointF, Qt, QTimer
from PySide6.QtGui import QImage, QPainter
from PySide6.QtWidgets import QGraphicsPixmapItem, QWidget
from pytestqt.qtbot import QtBot

from massage_gui.core.frame import Frame, repeats
from massage_gui.core.plan import PlannedStep
from massage_gui.core.sequencer import State
from massage_gui.core.settings import Settings
from massage_gui.ui.arrow_painter import stretch_line
from massage_gui.ui.main_window import MainWindow
from massage_gui.ui.rep_dial import RepDial
from massage_gui.ui.stroke_layer import IN_STEP_MS, StrokeLayer
from massage_gui.ui.theme import Theme
from tests.ui.conftest import PaintSpy, session_window

CHANNEL_TOLERANCE = 40  # as the approved pictures (tests/ui/test_face_images.py)
MAX_DIFFERENT = 0.002


class PaintCount(QObject):
    def __init__(self, widget: QWidget) -> None:
        super().__init__(widget)
        self.count = 0
        widget.installEventFilter(self)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        if event.type() == QEvent.Type.Paint:
            self.count += 1
        return False


def _step(window: MainWindow, stroke: str) -> PlannedStep:
    return next(s for s in window.state.plan.steps if s.stroke == stroke and s.toward is not None)


def _at(step: PlannedStep, stroke: int, phase: float) -> float:
    return step.start_s + (stroke - 1 + phase) * step.stroke_s


def _frame(window: MainWindow) -> Frame:
    """Give the window the state's frame now, as the ticker does."""
    frame = window.state.frame()
    window.ticker.frame_changed.emit(frame)
    return frame


def _layer(window: MainWindow) -> StrokeLayer:
    layer = window.face_view.stroke_layer
    assert layer is not None, "no stroke played yet"
    return layer


def _window(qtbot: QtBot, theme: str = "light", last_routine: str = "quick", **changes: object) -> MainWindow:
    settings = Settings(last_routine=last_routine, theme=theme, safety_confirmed=True, **changes)
    return session_window(qtbot, settings, (1280, 800), 0.0)


def _playing(qtbot: QtBot, stroke: str = "circles", **changes: object) -> MainWindow:
    """A window given a frame half-way through the first ``stroke`` of its kind, as the ticker would."""
    window = _window(qtbot, **changes)
    window.state.seek(_at(_step(window, stroke), 1, 0.5))
    _frame(window)
    return window


def _pixels(image: QImage) -> np.ndarray:  # type: ignore[type-arg]
    image = image.convertToFormat(QImage.Format.Format_RGB32)
    raw = np.frombuffer(image.constBits(), np.uint8).reshape(image.height(), image.bytesPerLine() // 4, 4)
    return raw[:, : image.width(), :3].astype(int)


def _share_different(a: QImage, b: QImage) -> float:
    assert a.size() == b.size()
    return float((np.abs(_pixels(a) - _pixels(b)).max(axis=2) > CHANNEL_TOLERANCE).mean())


@pytest.mark.parametrize("theme", ["light", "dark", "high_contrast"])
@pytest.mark.parametrize(("stroke", "phase"), [("circles", 0.3), ("circles", 0.8), ("stretch", 0.2), ("stretch", 0.6)])
def test_a_played_stroke_looks_as_the_painted_one(qtbot: QtBot, theme: str, stroke: str, phase: float) -> None:
    window = _window(qtbot, theme)
    step = _step(window, stroke)
    window.state.seek(_at(step, 1, phase))
    frame = _frame(window)
    assert repeats(frame)
    view = window.face_view
    assert view.animates_itself
    played = view.grab().toImage()
    view.set_live(False)  # each frame painted by the view, as before a session or in a picture
    _frame(window)
    assert not view.animates_itself
    painted = view.grab().toImage()
    assert _share_different(played, painted) <= MAX_DIFFERENT


def test_no_python_paints_the_diagram_while_a_stroke_plays(qtbot: QtBot) -> None:
    window = _window(qtbot)
    step = _step(window, "circles")
    window.state.seek(_at(step, 1, 0.1))
    _frame(window)
    view = window.face_view
    assert view.animates_itself
    assert not window.ticker.animation_timer.isActive(), "no frames 60 times a second"
    assert window.step_panel.dial.turning, "the dial's ring moves on by itself"
    paints = PaintCount(view)
    layer = _layer(window)
    before = layer.loop_ms()
    qtbot.wait(250)
    assert paints.count == 0
    assert layer.loop_ms() != before, "Qt moves the stroke on"


def test_the_played_stroke_keeps_in_step_with_the_core(qtbot: QtBot) -> None:
    window = _window(qtbot)
    step = _step(window, "stretch")
    for phase in (0.1, 0.7, 0.35):
        window.state.seek(_at(step, 1, phase))
        _frame(window)
        due = phase * step.stroke_s * 1000
        assert abs(_layer(window).loop_ms() - due) <= IN_STEP_MS


def _last_at_first_spot(window: MainWindow, stroke: str) -> tuple[PlannedStep, int]:
    """A step of ``stroke`` with more than one spot, and the number of its last stroke at the first."""
    step = next(s for s in window.state.plan.steps if s.stroke == stroke and s.positions > 1)
    return step, step.shares[0]


@pytest.mark.parametrize(("routine", "stroke"), [("standard", "circles"), ("quick", "stretch"), ("quick", "sweep")])
@pytest.mark.parametrize("phase", [0.3, 0.7, 0.8, 0.95])
def test_the_stroke_that_moves_the_hands_on_is_played_as_painted(
    qtbot: QtBot, routine: str, stroke: str, phase: float
) -> None:
    """The last stroke at a spot shows the next spot and, from three quarters on, moves the hands there, its arrows
    gone: Qt plays it once, as the view would paint it, with no frames from Python."""
    window = _window(qtbot, last_routine=routine)
    step, last = _last_at_first_spot(window, stroke)
    window.state.seek(_at(step, last, 0.02))  # played from its start, as in a session
    _frame(window)
    window.state.seek(_at(step, last, phase))
    frame = _frame(window)
    assert frame.next_hands
    assert frame.moving_on == (phase >= 0.75)
    view = window.face_view
    assert view.animates_itself
    assert not window.ticker.animation_timer.isActive()
    assert window.step_panel.dial.turning
    played = view.grab().toImage()
    view.set_live(False)
    _frame(window)
    painted = view.grab().toImage()
    assert _share_different(played, painted) <= MAX_DIFFERENT


@pytest.mark.parametrize("stroke", ["stretch", "sweep"])
def test_the_tracks_go_with_their_arrows_as_the_hands_move_on(qtbot: QtBot, stroke: str) -> None:
    """Where the arrow ran, nothing is left once the hands move on, as the view paints it: not the faint track
    (which the still picture holds for a stroke that repeats)."""
    window = _window(qtbot)
    step, last = _last_at_first_spot(window, stroke)
    window.state.seek(_at(step, last, 0.02))
    arrows = _frame(window).arrows
    window.state.seek(_at(step, last, 0.9))
    assert not _frame(window).arrows
    view = window.face_view
    assert view.animates_itself
    played = _pixels(view.grab().toImage())
    view.set_live(False)
    _frame(window)
    painted = _pixels(view.grab().toImage())
    transform = view._transform()
    for arrow in arrows:
        start, end = stretch_line(arrow, view._diagram.style)
        for k in range(5, 11):  # the track's lower half: the hands have left it
            x = start[0] + (end[0] - start[0]) * k / 10
            y = start[1] + (end[1] - start[1]) * k / 10
            at = transform.map(QPointF(x, y))
            row, column = round(at.y()), round(at.x())
            difference = np.abs(played[row, column] - painted[row, column]).max()
            assert difference <= 8, (arrow.side, k, played[row, column], painted[row, column])


def test_the_stroke_that_moves_the_hands_on_ends_at_the_next_spot(qtbot: QtBot) -> None:
    """Played once, not in a loop: when it ends before the next stroke's frame comes, the hands stay at the next
    spot, as the view paints its last moment, and do not jump back to where they were."""
    window = _window(qtbot)
    step, last = _last_at_first_spot(window, "stretch")
    window.state.seek(_at(step, last, 0.96))
    _frame(window)
    layer = _layer(window)
    assert layer.playing
    qtbot.waitUntil(lambda: not layer.playing, timeout=2000)
    assert layer.view.isVisible()
    played = window.face_view.grab().toImage()
    window.state.seek(_at(step, last, 0.999))
    window.face_view.set_live(False)
    _frame(window)
    painted = window.face_view.grab().toImage()
    assert _share_different(played, painted) <= MAX_DIFFERENT


def test_pausing_stops_the_played_stroke(qtbot: QtBot) -> None:
    window = _playing(qtbot)
    assert window.face_view.animates_itself
    assert window.step_panel.dial.turning
    window.state.pause()
    assert window.state.state is State.PAUSED
    assert not window.face_view.animates_itself
    assert not _layer(window).view.isVisible()
    assert not window.step_panel.dial.turning, "paused: nothing wakes the app"
    assert not [t for t in window.findChildren(QTimer) if t.isActive()]
    window.state.resume()
    window.state.seek(_at(_step(window, "circles"), 1, 0.5))
    _frame(window)
    assert window.face_view.animates_itself


def test_a_minimised_window_plays_nothing(qtbot: QtBot) -> None:
    window = _playing(qtbot)
    window.showMinimized()
    qtbot.waitUntil(lambda: not window.face_view.animates_itself)
    window.showNormal()


def test_reduced_motion_is_painted(qtbot: QtBot) -> None:
    window = _playing(qtbot, reduced_motion=True)
    assert not window.face_view.animates_itself


def test_a_new_theme_or_size_plays_on_anew(qtbot: QtBot) -> None:
    window = _playing(qtbot)
    layer = _layer(window)
    key = layer.key
    window.state.update(theme="dark")
    assert window.face_view.animates_itself
    assert layer.key != key
    window.resize(1000, 700)
    qtbot.waitUntil(lambda: layer.view.geometry() == window.face_view.rect())
    assert window.face_view.animates_itself


def test_clicks_and_hovers_reach_the_diagram_while_a_stroke_plays(qtbot: QtBot) -> None:
    """The layer over the view lets the mouse through: no child of the view takes a click or a hover. (Asked of
    the view, not of the screen, whose offscreen size at 2x is smaller than the window.)"""
    window = _playing(qtbot)
    view = window.face_view
    assert view.animates_itself
    assert _layer(window).view.isVisible()
    middle = view.rect().center()
    assert view.childAt(middle) is None


def test_a_screen_reader_finds_the_played_stroke_named(qtbot: QtBot) -> None:
    window = _playing(qtbot)
    assert window.face_view.animates_itself
    assert _layer(window).view.accessibleName() == "The stroke, moving"


def test_the_dial_ring_moves_on_by_itself_until_told_otherwise(qtbot: QtBot) -> None:
    dial = RepDial(Theme.light())
    qtbot.addWidget(dial)
    dial.resize(240, 240)
    dial.show()
    dial.set_turn(10.0)  # once round in 10 s
    started = time.monotonic()
    dial.set_content("3", "of 6", 0.2)
    qtbot.wait(300)
    assert dial.turning
    assert 0.2 < dial.progress <= 0.2 + (time.monotonic() - started) / 10, dial.progress
    dial.set_progress(0.205)  # a frame that agrees with it: it goes on
    assert dial.turning
    dial.set_progress(0.6)  # a frame that does not: it moves on from there
    assert math.isclose(dial.progress, 0.6)
    dial.set_turn(None)
    held = dial.progress
    qtbot.wait(100)
    assert not dial.turning
    assert dial.progress == held


@pytest.mark.parametrize(("stroke", "lines"), [("circles", False), ("stretch", True)])
def test_a_played_stroke_is_drawn_from_pictures_and_smoothed_only_for_its_lines(
    qtbot: QtBot, stroke: str, lines: bool
) -> None:
    """The hands, a circle's trail and the targets' pulses are pictures with clear edges, which the view draws
    without antialiasing (a turned picture cost two and a half times as much with it); a stretch's line and head
    are drawn, and smoothed."""
    window = _playing(qtbot, stroke)
    view = _layer(window).view
    drawn = {type(item).__name__ for item in _layer(window).items()} - {"QGraphicsWidget"}
    assert ("QGraphicsLineItem" in drawn) == lines
    assert drawn - {"QGraphicsPixmapItem", "QGraphicsLineItem", "QGraphicsPolygonItem"} == set()
    assert bool(view.renderHints() & QPainter.RenderHint.Antialiasing) == lines


@pytest.mark.parametrize("stroke", ["circles", "stretch"])
def test_each_frame_of_a_played_stroke_repaints_one_rectangle(qtbot: QtBot, stroke: str) -> None:
    """The parts that move (both hands, both pulses, the arrows) are repainted as one rectangle around them
    all: a rectangle for each, as Qt does by default, made the window's repaint cost 5 % more CPU (measured with
    tools/bench_ui.py's CPU rounds), for no pixel fewer that matters."""
    window = _playing(qtbot, stroke)
    regions = PaintSpy(_layer(window).view.viewport())
    qtbot.wait(300)
    assert len(regions.regions) >= 5
    assert all(region.rectCount() == 1 for region in regions.regions), [r.rectCount() for r in regions.regions]


class RepaintBatches(QObject):
    """Which of the widgets given are painted in each of the window's repaints (its update requests)."""

    def __init__(self, window: QWidget, *widgets: QWidget) -> None:
        super().__init__(window)
        self.batches: list[set[QWidget]] = []
        self._widgets = widgets
        for watched in (window, *widgets):
            watched.installEventFilter(self)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        if event.type() == QEvent.Type.UpdateRequest:
            self.batches.append(set())
        elif event.type() == QEvent.Type.Paint and obj in self._widgets and self.batches:
            self.batches[-1].add(obj)  # type: ignore[arg-type]
        return False


def test_the_dial_ring_moves_in_the_played_strokes_repaints(qtbot: QtBot) -> None:
    """Each move of the dial's ring is painted in a repaint of the window that moves the stroke on as well,
    not in one of its own (each repaint of the window costs as much as the stroke's own drawing)."""
    window = _playing(qtbot)
    dial = window.step_panel.dial
    dial.set_turn(2.0)  # the ring's end moving fast: many moves to count
    viewport = _layer(window).view.viewport()
    assert dial.ring_view is not None
    ring = dial.ring_view.view.viewport()
    batches = RepaintBatches(window, dial, ring, viewport)
    qtbot.wait(600)
    assert not [batch for batch in batches.batches if dial in batch], "the dial itself is not painted"
    with_dial = [batch for batch in batches.batches if ring in batch]
    assert len(with_dial) >= 10, batches.batches
    alone = [batch for batch in with_dial if viewport not in batch]
    assert len(alone) <= 1, f"{len(alone)} of the dial's {len(with_dial)} repaints were its own"


def test_frames_stop_while_the_views_play_themselves(qtbot: QtBot) -> None:
    window = _window(qtbot)
    ticker = window.ticker
    window.state.seek(_at(_step(window, "circles"), 1, 0.5))
    ticker.set_frames_wanted(True)
    assert ticker.animation_timer.isActive()
    ticker.set_frames_wanted(False)
    assert not ticker.animation_timer.isActive()
    assert ticker.tick_timer.isActive(), "the next event still comes"
    window.state.pause()
    ticker.set_frames_wanted(True)
    assert not ticker.animation_timer.isActive(), "paused: no frames whatever is wanted"


def test_the_compact_window_gets_every_frame(qtbot: QtBot) -> None:
    """It paints each frame; the main window, hidden behind it, plays nothing."""
    window = _playing(qtbot)
    assert window.face_view.animates_itself
    window.toggle_compact()
    _frame(window)
    assert not window.face_view.animates_itself
    assert window.ticker.animation_timer.isActive()
    window.toggle_compact()
    _frame(window)
    assert window.face_view.animates_itself


def test_a_new_pace_or_mirror_during_a_played_stroke_plays_the_new_one(qtbot: QtBot) -> None:
    window = _playing(qtbot, "stretch")
    layer = _layer(window)
    before = layer.key
    window.state.update(pace_s=3.0)  # the plan is timed anew, at the same place
    _frame(window)
    assert window.face_view.animates_itself
    assert layer.key != before
    step = window.face_view.frame.step if window.face_view.frame is not None else None
    assert step is not None
    assert step.stroke_s == 3.0
    mirrored = layer.key
    window.state.update(mirror=not window.state.settings.mirror)
    _frame(window)
    assert window.face_view.animates_itself
    assert layer.key != mirrored


def test_the_layer_paints_over_the_view_alone(qtbot: QtBot) -> None:
    """Its viewport, made by the layer: opaque (the face view below is not painted while it covers it), with
    no fill before its picture, and never the keyboard's focus (the diagram keeps it)."""
    window = _playing(qtbot)
    viewport = _layer(window).view.viewport()
    assert type(viewport) is QWidget
    assert viewport.testAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
    assert not viewport.autoFillBackground()
    assert viewport.focusPolicy() == Qt.FocusPolicy.NoFocus


@pytest.mark.parametrize("stroke", ["circles", "stretch"])
def test_no_played_picture_is_cut_at_its_edges(qtbot: QtBot, stroke: str) -> None:
    """Each picture the layer turns, moves or grows is clear all round its edge: nothing of a circle's trail or
    head, a hand or a pulse is cut off where its picture ends. (A circle's picture is only as large as its trail
    and head, not the circle's square: Qt turns every pixel of it, at each frame.)"""
    window = _playing(qtbot, stroke)
    pictures = [item.pixmap().toImage() for item in _layer(window).items() if isinstance(item, QGraphicsPixmapItem)]
    assert pictures
    for picture in pictures:
        image = picture.convertToFormat(QImage.Format.Format_ARGB32)
        raw = np.frombuffer(image.constBits(), np.uint8).reshape(image.height(), image.bytesPerLine() // 4, 4)
        alpha = raw[:, : image.width(), 3]
        edges = (alpha[0], alpha[-1], alpha[:, 0], alpha[:, -1])
        assert not any(edge.any() for edge in edges), picture.size()
