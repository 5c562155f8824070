"""What the app's moving parts would cost if Qt animated them in C++: a floor for a rewrite, measured.

Run: python tools/animation_floor.py [--rounds N] [--seconds S] [--cache none|item|device]  (needs Xvfb).
Prints the CPU of a window showing the standard routine's circles step (the collarbone hollows, one of the
two bench_ui.py animates) with its moving parts as QGraphicsView items driven by Qt's property animations,
against the bare baseline (tools/bare_window.py): A B A B in one X server, each process's CPU from /proc,
as bench_ui.py measures. No Python runs between frames in that window. --cache keeps each moving part in
Qt's item cache, to see what that saves.

The moving parts are the app's, where the app draws them and moving as the core's frames move them: the
hands' pictures, the circle arrows (a trail and a head, turning about the circle), the targets' pulse (a
ring growing and fading) and the end of the rep dial's ring. Their places are sampled from the frames 60
times a second over one stroke, and Qt plays them in a loop. Behind them is the window's picture at that
moment (moving parts and all): this measures the cost, it is not a second app. The app paints the same
parts from Python at each frame (massage_gui/ui/face_view.py).
"""

from __future__ import annotations

import argparse
import math
import statistics
import subprocess
import sys
import time
from typing import Any

from bench_ui import _clean_env, measure, run_bare_cpu, xvfb

ROUTINE, AT_S, SIZE = "standard", 45.0, (1280, 800)  # the circles step, in the benchmark's window size
FPS = 60


def _animated_window(cache: str) -> Any:
    """The window of moving items (kept referenced by the caller), each kept in Qt's ``cache`` if not "none"."""
    from PySide6.QtCore import QParallelAnimationGroup, QPointF, QPropertyAnimation, QRectF, Qt
    from PySide6.QtGui import QColor, QPainter, QPainterPath, QPen, QPixmap, QPolygonF, QTransform
    from PySide6.QtWidgets import (
        QApplication,
        QGraphicsEllipseItem,
        QGraphicsItem,
        QGraphicsPathItem,
        QGraphicsPixmapItem,
        QGraphicsPolygonItem,
        QGraphicsScene,
        QGraphicsView,
        QGraphicsWidget,
    )

    from massage_gui.core.app_state import AppState
    from massage_gui.core.frame import frame_at
    from massage_gui.core.settings import Settings
    from massage_gui.ui.diagram_painter import DiagramPainter
    from massage_gui.ui.hands_painter import pads_room, paint_hands
    from massage_gui.ui.main_window import MainWindow

    # The app's window at that moment: its picture, and where the face view puts the face.
    state = AppState(Settings(last_routine=ROUTINE, safety_confirmed=True), clock=lambda: 1000.0)
    app_window = MainWindow(state)
    app_window.hands_free.player.keep_silent()
    app_window.resize(*SIZE)
    app_window.show()
    state.seek(AT_S)
    for _ in range(3):
        QApplication.processEvents()
    picture = app_window.grab()
    face = app_window.face_view
    corner = face.mapTo(app_window, face.rect().topLeft())
    origin, scale = face.to_px((0.0, 0.0)), face.px_per_unit()  # face units to the window's pixels
    to_window = QTransform(scale, 0, 0, scale, origin.x() + corner.x(), origin.y() + corner.y())
    dial = app_window.step_panel.dial
    dial_rect = QRectF(dial.mapTo(app_window, dial.rect().topLeft()), dial.size().toSizeF())
    theme, diagram = app_window.theme, DiagramPainter()  # the sizes the face view draws with
    frame = state.frame()
    assert frame.step is not None
    assert frame.state == "step"
    stroke_s = frame.step.stroke_s
    frames = [frame_at(state.plan, frame.t + k / FPS) for k in range(round(stroke_s * FPS) + 1)]
    state.stop()
    app_window.close()
    app_window.deleteLater()  # its timers go with it

    scene = QGraphicsScene(0, 0, *SIZE)
    view = QGraphicsView(scene)
    view.setFrameShape(QGraphicsView.Shape.NoFrame)
    view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    view.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    view.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.SmoothPixmapTransform)
    view.setOptimizationFlag(QGraphicsView.OptimizationFlag.DontSavePainterState)
    scene.addItem(QGraphicsPixmapItem(picture))
    keep: list[Any] = [view, scene]

    def looped(target: QGraphicsWidget, name: bytes, values: list[Any]) -> QPropertyAnimation:
        animation = QPropertyAnimation(target, name)
        animation.setDuration(round(stroke_s * 1000))
        animation.setLoopCount(-1)
        for k, value in enumerate(values):
            animation.setKeyValueAt(k / (len(values) - 1), value)
        keep.append(animation)
        return animation

    for i, hand in enumerate(frame.hands):  # a picture of the pads, moved with the skin
        room = to_window.mapRect(pads_room(hand, diagram.style)).adjusted(-4, -4, 4, 4)
        rest = to_window.map(QPointF(hand.x, hand.y))
        sprite = QPixmap(math.ceil(room.width()), math.ceil(room.height()))
        sprite.fill(Qt.GlobalColor.transparent)
        painter = QPainter(sprite)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        paint_hands(painter, to_window * QTransform.fromTranslate(-room.left(), -room.top()), (hand,), theme,
                    diagram.style)  # fmt: skip
        painter.end()
        holder = QGraphicsWidget()
        item = QGraphicsPixmapItem(sprite, holder)
        item.setTransformationMode(Qt.TransformationMode.SmoothTransformation)
        item.setOffset(room.left() - rest.x(), room.top() - rest.y())
        scene.addItem(holder)
        places = [to_window.map(QPointF(f.hands[i].x + f.hands[i].dx, f.hands[i].y + f.hands[i].dy)) for f in frames]
        looped(holder, b"pos", places).start()
        keep.append(holder)
    accent = QColor(theme.accent)
    width = diagram.arrow_width(scale)
    for i, arrow in enumerate(frame.arrows):  # the trail and the head, turning about the circle
        assert arrow.center is not None
        center = to_window.map(QPointF(*arrow.center))
        r = arrow.radius * scale
        holder = QGraphicsWidget()
        holder.setPos(center)
        box = QRectF(-r, -r, 2 * r, 2 * r)
        trail = QPainterPath()
        trail.arcMoveTo(box, 0)
        trail.arcTo(box, 0, 120 * arrow.turn)
        pen = QPen(accent, width * 0.8)
        pen.setCapStyle(Qt.PenCapStyle.FlatCap)
        QGraphicsPathItem(trail, holder).setPen(pen)
        size = width * diagram.style.head_size
        head = QGraphicsPolygonItem(
            QPolygonF([QPointF(r - size * 0.6, 0), QPointF(r + size * 0.6, 0), QPointF(r, size)]), holder
        )
        head.setBrush(accent)
        head.setPen(QPen(Qt.PenStyle.NoPen))
        scene.addItem(holder)
        angles = [
            math.degrees(math.atan2(f.arrows[i].y - arrow.center[1], f.arrows[i].x - arrow.center[0])) for f in frames
        ]
        unwrapped = [angles[0]]
        for a in angles[1:]:
            unwrapped.append(unwrapped[-1] + ((a - unwrapped[-1] + 180) % 360 - 180))
        looped(holder, b"rotation", unwrapped).start()
        keep.append(holder)
    radius = diagram.marker_radius(scale) * diagram.style.target_ring
    for target in frame.targets:  # the pulse: a ring growing and fading
        holder = QGraphicsWidget()
        holder.setPos(to_window.map(QPointF(target.x, target.y)))
        ring = QGraphicsEllipseItem(-radius, -radius, 2 * radius, 2 * radius, holder)
        ring_pen = QPen(accent, diagram.style.target_pulse_pen_px)
        ring_pen.setCosmetic(True)
        ring.setPen(ring_pen)
        scene.addItem(holder)
        group = QParallelAnimationGroup()
        grow = diagram.style.target_pulse_grow / diagram.style.target_ring
        group.addAnimation(looped(holder, b"scale", [1.0 + grow * (f.phase or 0.0) for f in frames]))
        group.addAnimation(looped(holder, b"opacity", [1.0 - (f.phase or 0.0) for f in frames]))
        group.setLoopCount(-1)
        group.start()
        keep.append((holder, group))
    # the end of the rep dial's ring, going round once over the step
    holder = QGraphicsWidget()
    holder.setPos(dial_rect.center())
    side = min(dial_rect.width(), dial_rect.height())
    ring_width = max(6.0, side * 0.055)
    ring_box = QRectF(-side / 2 + ring_width, -side / 2 + ring_width, side - 2 * ring_width, side - 2 * ring_width)
    end = QPainterPath()
    end.arcMoveTo(ring_box, 90)
    end.arcTo(ring_box, 90, -8)
    end_pen = QPen(accent, ring_width)
    end_pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    QGraphicsPathItem(end, holder).setPen(end_pen)
    scene.addItem(holder)
    turning = QPropertyAnimation(holder, b"rotation")
    turning.setStartValue(0.0)
    turning.setEndValue(360.0)
    turning.setDuration(round((frame.step.end_s - frame.step.start_s) * 1000))
    turning.setLoopCount(-1)
    turning.start()
    keep += [holder, turning]
    if cache != "none":
        modes = {
            "item": QGraphicsItem.CacheMode.ItemCoordinateCache,
            "device": QGraphicsItem.CacheMode.DeviceCoordinateCache,
        }
        mode = modes[cache]
        for part in scene.items():
            if part.parentItem() is not None:  # the drawn parts, not their holders or the picture behind
                part.setCacheMode(mode)
    view.resize(*SIZE)
    view.setSceneRect(0, 0, *SIZE)
    view.show()
    return keep


def _window_main(cache: str) -> int:
    from PySide6.QtWidgets import QApplication

    app = QApplication(sys.argv[:1])
    keep = _animated_window(cache)
    print("shown", flush=True)
    code = app.exec()
    del keep
    return code


def _floor_cpu(cache: str, env: dict[str, str], seconds: float) -> float:
    cmd = [sys.executable, __file__, "--window", "--cache", cache]
    child = subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    try:
        assert child.stdout is not None
        child.stdout.readline()  # "shown"
        time.sleep(1.0)  # as bench_ui.py waits after the bare window's first frame
        return measure(child.pid, seconds)["cpu"]
    finally:
        child.terminate()
        child.wait(10)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--seconds", type=float, default=12.0, help="length of each CPU measurement")
    parser.add_argument(
        "--cache", choices=("none", "item", "device"), default="none",
        help="keep each moving part in Qt's item cache: 'item' (drawn turned and moved from it) or 'device' "
        "(drawn again when it turns or grows; moved by whole pixels)",
    )  # fmt: skip
    parser.add_argument("--window", action="store_true", help=argparse.SUPPRESS)  # the animated window itself
    args = parser.parse_args()
    if args.window:
        return _window_main(args.cache)
    with xvfb() as display:
        env = {**_clean_env(), "DISPLAY": display, "QT_QPA_PLATFORM": "xcb"}
        floor: list[float] = []
        bare: list[float] = []
        for _ in range(args.rounds):
            floor.append(_floor_cpu(args.cache, env, args.seconds))
            bare.append(run_bare_cpu(env, args.seconds)["cpu"])  # the benchmark's own baseline run
    a, b = statistics.median(floor), statistics.median(bare)
    print(
        f"CPU with the circles step's moving parts animated by Qt in C++, item cache {args.cache} (median of "
        f"{args.rounds}, A B A B, "
        f"{args.seconds:.0f} s each): {a:.2f}% of a core [{min(floor):.2f}..{max(floor):.2f}], bare {b:.2f}% "
        f"[{min(bare):.2f}..{max(bare):.2f}]: ratio {a / b:.2f} (the app's target 1.5)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
