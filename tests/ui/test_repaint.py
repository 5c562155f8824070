"""Animating cheaply: a frame repaints only where something moves, and words are set only when they change."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QRect
from PySide6.QtGui import QRegion
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from massage_gui.core.frame import Frame, frame_at
from massage_gui.core.library import resolve_routine
from massage_gui.core.plan import Plan, build_plan
from massage_gui.core.scene import build_scene
from massage_gui.core.sequencer import State
from massage_gui.core.settings import Settings
from massage_gui.ui.face_view import FaceView
from massage_gui.ui.rep_dial import RepDial
from massage_gui.ui.step_panel import StepPanel
from massage_gui.ui.theme import Theme


class PaintSpy(QObject):
    """Records the region of each paint event a widget gets."""

    def __init__(self, widget: QWidget) -> None:
        super().__init__(widget)
        self.regions: list[QRegion] = []
        widget.installEventFilter(self)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        if event.type() == QEvent.Type.Paint:
            self.regions.append(QRegion(event.region()))  # type: ignore[attr-defined]
        return False


def _plan() -> Plan:
    return build_plan(resolve_routine("quick").routine, Settings())


def _view(qtbot: QtBot, plan: Plan) -> tuple[FaceView, PaintSpy]:
    view = FaceView(Theme.light(), build_scene(Settings(), plan.routine.areas))
    qtbot.addWidget(view)
    view.resize(560, 640)
    view.show()
    qtbot.waitExposed(view)
    return view, PaintSpy(view)


def _area(region: QRegion) -> int:
    return sum(r.width() * r.height() for r in region)


def _show(view: FaceView, frame: Frame) -> None:
    view.set_frame(frame)
    QApplication.processEvents()


def _step(plan: Plan, stroke: str) -> float:
    return next(s for s in plan.steps if s.stroke == stroke).start_s


def test_a_stroke_repaints_only_around_the_arrows_hands_and_targets(qtbot: QtBot) -> None:
    plan = _plan()
    for stroke in ("stretch", "circles", "breath"):
        view, spy = _view(qtbot, plan)
        start = _step(plan, stroke) + 0.5
        _show(view, frame_at(plan, start))
        spy.regions.clear()
        for i in range(1, 6):
            _show(view, frame_at(plan, start + i / 60))
        whole = view.width() * view.height()
        assert len(spy.regions) == 5, stroke
        assert all(0 < _area(region) < whole / 4 for region in spy.regions), (stroke, [_area(r) for r in spy.regions])


def test_what_moves_lies_inside_the_repainted_region(qtbot: QtBot) -> None:
    """Painting a frame in pieces, as the view does, gives the picture a whole repaint gives."""
    plan = _plan()
    neck = next(s for s in plan.steps if s.area == "neck_side")
    starts = [_step(plan, "stretch") + 0.3, _step(plan, "circles") + 0.3, _step(plan, "breath") + 0.3,
              neck.start_s + neck.duration_s + 0.5]  # fmt: skip
    for start in starts:  # a stretch, circles, breathing, a transition (the coming area blinks)
        view, _ = _view(qtbot, plan)
        for i in range(40):
            _show(view, frame_at(plan, start + i / 60))
        pieces = view.screen().grabWindow(view.winId()).toImage()  # what the window shows, painted in pieces
        whole = view.grab().toImage()  # the last frame painted whole
        assert pieces.convertToFormat(whole.format()) == whole, start


def test_a_lead_in_repaints_only_when_its_count_changes(qtbot: QtBot) -> None:
    plan = _plan()
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
    plan = _plan()
    view, _ = _view(qtbot, plan)
    start = _step(plan, "stretch") + 0.2
    for i in range(20):
        _show(view, frame_at(plan, start + i / 60))
    layer = view._step_cache
    _show(view, frame_at(plan, start + 0.5))
    assert layer is not None
    assert view._step_cache is layer


def test_the_dial_repaints_only_where_the_ring_ends(qtbot: QtBot) -> None:
    dial = RepDial(Theme.light())
    qtbot.addWidget(dial)
    dial.resize(300, 300)
    dial.show()
    qtbot.waitExposed(dial)
    dial.set_content("3", "of 7", 0.40)
    QApplication.processEvents()
    spy = PaintSpy(dial)
    dial.set_content("3", "of 7", 0.41)
    QApplication.processEvents()
    assert len(spy.regions) == 1
    assert _area(spy.regions[0]) < 300 * 300 / 8
    dial.set_content("4", "of 7", 0.02)  # a new number: all of it
    QApplication.processEvents()
    assert spy.regions[-1].boundingRect() == QRect(0, 0, 300, 300)


def test_the_step_panel_sets_words_only_when_they_change(qtbot: QtBot) -> None:
    plan = _plan()
    panel = StepPanel(Theme.light())
    qtbot.addWidget(panel)
    start = _step(plan, "stretch") + 0.1
    panel.show_frame(frame_at(plan, start), plan, State.STEP)
    calls: list[str] = []
    for label in (panel.countdown_label, panel.area_label, panel.instruction_label, panel.remaining_label):
        name = label.objectName()
        label.setText = lambda text, name=name: calls.append(name)  # type: ignore[method-assign]
    panel.show_frame(frame_at(plan, start + 1 / 60), plan, State.STEP)
    assert calls == []
    assert panel.dial.value  # the ring still moves: the dial got the new progress
    panel.show_frame(frame_at(plan, start + 1.0), plan, State.STEP)  # a second later: the countdowns change
    assert "countdown" in calls
    assert "area" not in calls
