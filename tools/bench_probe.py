"""The child side of tools/bench_ui.py: the app or the bare window under a probe, and the paint timing.

Run by bench_ui.py, not by hand: `bench_probe.py app|bare [--animate] [--quit-after-first-frame]` prints a
JSON line at the first painted frame (and at each session state the app enters);
`bench_probe.py --paint WxH FRAMES` prints the face view's paint times.
"""

from __future__ import annotations

import json
import statistics
import sys
import time
from pathlib import Path
from typing import Any

BARE = Path(__file__).with_name("bare_window.py")
ANIMATE_ROUTINE = "standard"


def status(path: str) -> dict[str, str]:
    out = {}
    for line in Path(path).read_text().splitlines():
        key, _, value = line.partition(":")
        out[key] = value.strip()
    return out


def mib(value: str) -> float:
    return int(value.split()[0]) / 1024


def _emit(event: str, **data: Any) -> None:
    s = status("/proc/self/status")
    line = {"event": event, "t": time.monotonic(), "rss_mb": mib(s["VmRSS"]), "hwm_mb": mib(s["VmHWM"]), **data}
    print(json.dumps(line), flush=True)


def probe(kind: str, animate: bool, quit_after_first_frame: bool) -> int:
    """Run the app (as `massage-gui` does) or the bare window, and report on stdout, one JSON line each:
    the first painted frame (once painted and flushed), then each session state the app enters.

    The watch is on the target widget's own paintEvent, wrapped before the widget exists; both sides get the
    same. (An application-wide event filter, used before, made Python wrappers for every object that got an
    event before the first frame: a cost that grows with the window's widgets and that no user pays.)"""
    from PySide6.QtCore import QTimer
    from PySide6.QtGui import QPaintEvent
    from PySide6.QtWidgets import QApplication, QWidget

    def painted(widget: QWidget) -> None:
        _emit("first_frame")
        if quit_after_first_frame:
            QApplication.quit()
        elif kind == "app":
            state = widget.window().state  # type: ignore[attr-defined]
            state.events.state.connect(lambda s: _emit("state", state=s.value))

    def watch(cls: type[QWidget]) -> None:
        """Call painted() once the first paint of a ``cls`` has been flushed (the next turn of the loop)."""
        original = cls.paintEvent
        seen: list[bool] = []

        def paint_event(widget: QWidget, event: QPaintEvent) -> None:
            original(widget, event)
            if not seen:
                seen.append(True)
                QTimer.singleShot(0, lambda: painted(widget))

        cls.paintEvent = paint_event  # type: ignore[method-assign]  # before any exists: PySide caches overrides

    if kind == "bare":
        import importlib.util

        spec = importlib.util.spec_from_file_location("bare_window", BARE)
        assert spec is not None
        assert spec.loader is not None
        bare = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(bare)
        app = QApplication(sys.argv[:1])
        watch(bare.BareWindow)
        window = bare.BareWindow(animate)
        window.show()
        return app.exec()

    import massage_gui.ui.app  # noqa: F401 (first, as `massage-gui` imports it: see ui/light_imports.py)
    from massage_gui.cli import main
    from massage_gui.ui.face_view import FaceView  # the app's diagram is what the user waits for

    watch(FaceView)
    return main([])


def child_paint(size: str, frames: int) -> dict[str, float]:
    """The face view's paint events while the real window animates a session on a clock moved by 1/60 s a
    frame: circles in the collarbone hollows, then a stretch on the neck (offscreen, device pixel ratio 1).
    Times are the GUI thread's CPU time, so that other programs on a busy machine do not count. The view
    paints every frame here, as it does for strokes that do not repeat: the stroke layer, which plays the
    others without painting (ui/stroke_layer.py), is kept off."""
    from PySide6.QtWidgets import QApplication

    from massage_gui.core.app_state import AppState
    from massage_gui.core.settings import Settings
    from massage_gui.ui.app import create_application
    from massage_gui.ui.face_view import FaceView
    from massage_gui.ui.main_window import MainWindow

    times: list[float] = []
    frame_times: list[float] = []
    counting = [False]
    original = FaceView.paintEvent

    def timed(view: FaceView, event: Any) -> None:
        t0 = time.thread_time()
        original(view, event)
        if counting[0]:
            times.append((time.thread_time() - t0) * 1000)

    FaceView.paintEvent = timed  # type: ignore[method-assign]  # before any view exists: PySide caches overrides
    FaceView.set_live = lambda view, live: None  # type: ignore[method-assign]  # never live: painted each frame
    create_application()
    now = [1000.0]
    state = AppState(Settings(last_routine=ANIMATE_ROUTINE, safety_confirmed=True), clock=lambda: now[0])
    window = MainWindow(state)
    window.hands_free.player.keep_silent()
    width, height = (int(v) for v in size.split("x"))
    window.resize(width, height)
    window.show()
    QApplication.processEvents()
    state.start()
    for step in (1, 2):
        state.seek(state.plan.steps[step].start_s)
        QApplication.processEvents()
        counting[0] = True
        for _ in range(frames // 2):
            now[0] += 1 / 60
            t0 = time.thread_time()
            if state.seconds_to_next_event() is not None and state.seconds_to_next_event() <= 0:
                state.tick()
            window.ticker.animation_timer.timeout.emit()
            QApplication.processEvents()
            frame_times.append((time.thread_time() - t0) * 1000)
        counting[0] = False
    times.sort()
    frame_times.sort()
    return {
        "median_ms": statistics.median(times), "p95_ms": times[int(0.95 * len(times))],
        "frame_median_ms": statistics.median(frame_times), "frame_p95_ms": frame_times[int(0.95 * len(frame_times))],
        "view": f"{window.face_view.width()}x{window.face_view.height()}", "paints": len(times),
    }  # fmt: skip


if __name__ == "__main__":
    if sys.argv[1] == "--paint":
        print(json.dumps(child_paint(sys.argv[2], int(sys.argv[3]))))
        sys.exit(0)
    sys.exit(probe(sys.argv[1], "--animate" in sys.argv, "--quit-after-first-frame" in sys.argv))
