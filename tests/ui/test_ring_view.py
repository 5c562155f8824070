"""The dial's ring moving on by itself, moved by Qt (ui/ring_view.py): what it shows, and what it costs."""

from __future__ import annotations

import math

from PySide6.QtCore import QAbstractAnimation, QPoint
from PySide6.QtGui import QFont, QPixmap
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from massage_gui.core.frame import frame_at
from massage_gui.core.library import resolve_routine
from massage_gui.core.plan import build_plan
from massage_gui.core.sequencer import State
from massage_gui.core.settings import Settings
from massage_gui.ui.rep_dial import TURN_STEP_PX, RepDial
from massage_gui.ui.ring_view import WEDGES, RingView
from massage_gui.ui.step_panel import StepPanel
from massage_gui.ui.theme import Theme
from tests.ui.conftest import PaintSpy, largest_difference

SIDE = 300


def _dial(qtbot: QtBot, theme: Theme | None = None) -> RepDial:
    dial = RepDial(theme or Theme.light())
    qtbot.addWidget(dial)
    dial.resize(SIDE, SIDE)
    dial.show()
    qtbot.waitExposed(dial)
    return dial


def _turning(qtbot: QtBot, turn_s: float, start: float = 0.0) -> tuple[RepDial, RingView]:
    dial = _dial(qtbot)
    dial.set_turn(turn_s)
    dial.set_content("3", "of 7", start)
    view = dial.ring_view
    assert view is not None
    assert dial.turning
    return dial, view


def _held_at(view: RingView, ms: int) -> None:
    """The ring's animations paused at ``ms`` from its start, and what that moved painted."""
    group = view.group
    assert group is not None
    if group.state() == QAbstractAnimation.State.Running:
        group.pause()
    group.setCurrentTime(ms)
    QApplication.processEvents()


def test_the_turning_ring_shows_what_the_dial_paints(qtbot: QtBot) -> None:
    """At every move of a whole turn (and about each wedge's edges), the ring Qt moves looks as the dial paints
    the ring at that point. Along the middle of the ring's stroke, where it is wholly one colour, alike but for
    the blend of a few levels (no line where two wedges meet, no piece of arc left behind or missing), away from
    its two round ends. Anywhere, within five sixths of what a move changes: the pieces are pictures turned by Qt,
    whose smoothed edges fall a few tenths of a device pixel from those of a stroked arc (up to 103 of 171 levels
    at 1x, 126 of 183 at 2x). A round end or a piece of arc missing differs by nearly all of it (164 of 171)."""
    reference = _dial(qtbot)
    reference.set_content("3", "of 7", 0.30)
    before = reference.grab().toImage()
    reference.set_content("3", "of 7", 0.35)
    contrast = largest_difference(before, reference.grab().toImage())  # where the ring has moved on
    dial, view = _turning(qtbot, 10.0, start=0.003)
    group = view.group
    assert group is not None
    edges = [round(group.duration() * k / WEDGES) + shift for k in range(WEDGES) for shift in (-30, 0, 30)]
    ring = dial._ring()
    worst = worst_middle = 0
    for ms in sorted({*range(0, group.duration(), 97), *(max(0, e) for e in edges)}):
        _held_at(view, ms)
        reference.set_content("3", "of 7", dial.progress)
        expected, shown = reference.grab().toImage(), dial.grab().toImage()
        worst = max(worst, largest_difference(expected, shown))
        ends = (0.0, 360.0 * dial.progress)  # clockwise from the top
        for tenth in range(3600):
            angle = tenth / 10
            if min(abs(angle - end) for end in (*ends, 360.0)) * math.pi / 180 * ring.radius < ring.width:
                continue
            scale = shown.devicePixelRatio()  # the pictures' pixels are the screen's
            point = QPoint(
                math.floor(scale * (ring.cx + ring.radius * math.sin(math.radians(angle)))),
                math.floor(scale * (ring.cy - ring.radius * math.cos(math.radians(angle)))),
            )
            a, b = expected.pixelColor(point), shown.pixelColor(point)
            worst_middle = max(
                worst_middle, abs(a.red() - b.red()), abs(a.green() - b.green()), abs(a.blue() - b.blue())
            )
    assert worst_middle < contrast / 8, (worst_middle, contrast)
    assert worst < contrast * 5 / 6, (worst, contrast)


def test_the_ring_moves_on_in_small_repaints_of_its_own(qtbot: QtBot) -> None:
    """Each move repaints a box around the ring's end, not the dial; and only when the end has moved (a step of
    ``TURN_STEP_PX``), not at every frame."""
    dial, view = _turning(qtbot, 60.0)
    qtbot.wait(300)  # shown, and moved once (which Qt repaints whole, as it does the first time the scene changes)
    ring_length = 2 * math.pi * dial._ring().radius * dial.devicePixelRatioF()
    steps_a_second = ring_length / TURN_STEP_PX / 60.0
    behind, moves = PaintSpy(dial), PaintSpy(view.view.viewport())
    qtbot.wait(1000)
    assert behind.regions == [], "the dial's own paint (Python) did not run"
    assert steps_a_second / 2 <= len(moves.regions) <= steps_a_second * 1.5 + 1, (len(moves.regions), steps_a_second)
    for region in moves.regions:
        box = region.boundingRect()
        assert box.width() * box.height() < SIDE * SIDE / 16, box


def test_a_new_number_shows_on_the_turning_ring(qtbot: QtBot) -> None:
    """Each stroke's number is painted under the ring as it goes on moving, where it was: not started anew."""
    dial, view = _turning(qtbot, 10.0, start=0.4)
    group = view.group
    dial.set_content("4", "of 7", dial.progress)
    QApplication.processEvents()
    assert view.group is group
    assert dial.turning
    _held_at(view, group.currentTime() if group is not None else 0)
    reference = _dial(qtbot)
    reference.set_content("4", "of 7", dial.progress)
    shown, expected = dial.grab().toImage(), reference.grab().toImage()
    assert shown == expected or largest_difference(shown, expected) < 120


def test_a_dimmed_dial_turns_its_ring_in_the_dim_colour(qtbot: QtBot) -> None:
    theme = Theme.light()
    dial, view = _turning(qtbot, 10.0)
    dial.set_content("3", "of 7", dial.progress, dim=True)
    assert dial.turning
    _held_at(view, 0)
    ring = dial._ring()
    shown = dial.grab().toImage()
    scale = shown.devicePixelRatio()
    bottom = QPoint(round(scale * ring.cx), round(scale * (ring.cy + ring.radius)))  # on the arc, half a turn on
    assert shown.pixelColor(bottom).name() == theme.muted_text.name()


def test_the_ring_stops_when_it_has_emptied(qtbot: QtBot) -> None:
    dial, _ = _turning(qtbot, 0.3)
    qtbot.waitUntil(lambda: not dial.turning, timeout=2000)
    assert dial.progress == 1.0


def test_a_new_number_after_the_ring_has_emptied_is_shown(qtbot: QtBot) -> None:
    """The emptied ring stays as Qt left it until something changes; then the dial paints itself again."""
    dial, view = _turning(qtbot, 0.3, start=0.5)
    qtbot.waitUntil(lambda: not dial.turning, timeout=2000)
    dial.set_content("4", "of 7", 1.0)
    QApplication.processEvents()
    assert not view.shown
    reference = _dial(qtbot)
    reference.set_content("4", "of 7", 1.0)
    assert dial.grab().toImage() == reference.grab().toImage()


def test_the_ring_stops_when_told_out_of_sight_too(qtbot: QtBot) -> None:
    dial, view = _turning(qtbot, 10.0, start=0.2)
    dial.hide()  # as in a minimised window
    dial.set_turn(None)
    assert not dial.turning
    assert not view.shown
    assert view.group is None
    assert 0.2 <= dial.progress < 0.3


def test_the_ring_view_goes_when_the_session_ends(qtbot: QtBot) -> None:
    """Qt's view and the ring's pieces (about 1 MiB) are let go between sessions, as the diagram's picture is."""
    plan = build_plan(resolve_routine("quick").routine, Settings())
    panel = StepPanel(Theme.light())
    qtbot.addWidget(panel)
    panel.resize(380, 620)
    panel.show()
    step = next(s for s in plan.steps if s.stroke == "circles")
    panel.show_frame(frame_at(plan, step.start_s + 1.0), plan, State.STEP)
    panel.dial.set_turn(step.duration_s)
    view = panel.dial.ring_view
    assert view is not None
    assert panel.dial.turning
    gone: list[bool] = []
    view.view.destroyed.connect(lambda: gone.append(True))
    panel.show_frame(frame_at(plan, plan.total_s + 1.0), plan, State.FINISHED)
    assert panel.dial.ring_view is None
    assert panel.dial._face is None  # nor its picture of the face
    assert not panel.dial.turning
    qtbot.waitUntil(lambda: bool(gone), timeout=2000)
    panel.show_frame(frame_at(plan, step.start_s + 1.0), plan, State.STEP)  # the next session: made anew
    panel.dial.set_turn(step.duration_s + 1)
    assert panel.dial.turning


def test_a_ring_moving_on_is_made_anew_on_a_screen_of_another_pixel_ratio(qtbot: QtBot) -> None:
    """The ring moving on covers the dial, which is then not painted: the new pixel ratio is seen at the next
    frame, even one that does not move the ring."""
    dial, view = _turning(qtbot, 10.0, start=0.2)
    dial.devicePixelRatioF = lambda: 2.0  # type: ignore[method-assign]  # as on a screen at 2x
    dial.set_progress(view.due())
    assert dial.turning
    ring = dial._ring()
    assert ring.dpr == 2.0
    assert view.shows(ring, dial._pen.color())


def test_a_ring_moving_on_gets_a_face_in_a_new_font(qtbot: QtBot) -> None:
    dial, view = _turning(qtbot, 10.0, start=0.2)
    faces: list[QPixmap] = []
    set_face = view.set_face
    view.set_face = lambda face: (faces.append(face), set_face(face))  # type: ignore[method-assign]
    dial.set_progress(view.due())
    assert faces == [], "the same font: the face is kept"
    font = QFont(dial.font())
    font.setItalic(True)
    dial.setFont(font)
    dial.set_progress(view.due())
    assert dial.turning
    assert len(faces) == 1
    assert dial._face_font.italic()
