"""UI benchmark: paint time, CPU while animating and paused, start-up time and memory.

Run: python tools/bench_ui.py  (needs xvfb-run for the CPU and start-up figures). Prints numbers;
it asserts nothing. Each measurement runs in its own process so they do not disturb each other.
"""

from __future__ import annotations

import json
import os
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def _rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def _since_process_start() -> float:
    """Seconds since this process started (kernel start time; 10 ms resolution)."""
    fields = Path("/proc/self/stat").read_text().rsplit(")", 1)[1].split()
    start_ticks = int(fields[19])  # field 22 of proc(5), counted after the ")" that ends field 2
    return time.clock_gettime(time.CLOCK_BOOTTIME) - start_ticks / os.sysconf("SC_CLK_TCK")


def _cpu_s() -> float:
    t = os.times()
    return t.user + t.system


# -- child modes -------------------------------------------------------------------------------------


def child_paint(n: int) -> dict[str, float]:
    """Paint the face view at 1280x800 (offscreen) n times at successive moments of a stroke."""
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from PySide6.QtGui import QImage

    from massage_gui.core.frame import frame_at
    from massage_gui.ui.app import create_application
    from massage_gui.ui.main_window import MainWindow

    create_application()
    window = MainWindow()
    window.resize(1280, 800)
    window.show()
    view = window.face_view
    plan = window.controller.plan
    image = QImage(view.size() * view.devicePixelRatioF(), QImage.Format.Format_ARGB32_Premultiplied)
    image.setDevicePixelRatio(view.devicePixelRatioF())
    start = plan.steps[3].start_s
    view.render(image)  # builds the static cache once
    times = []
    for i in range(n):
        view.set_frame(frame_at(plan, start + i * 0.016))
        t0 = time.perf_counter_ns()
        view.render(image)
        times.append((time.perf_counter_ns() - t0) / 1e6)
    times.sort()
    return {
        "paint_median_ms": statistics.median(times),
        "paint_p95_ms": times[int(0.95 * len(times))],
        "view_size": f"{view.width()}x{view.height()}",
        "cache_builds": view.cache_builds,
    }


def child_cpu(seconds: float) -> dict[str, float]:
    """Real window, real clock: CPU share while animating, then while paused."""
    from PySide6.QtCore import QTimer

    from massage_gui.ui.app import create_application
    from massage_gui.ui.main_window import MainWindow

    app = create_application()
    window = MainWindow()
    window.resize(1280, 800)
    window.show()
    marks: dict[str, float] = {}

    def mark(name: str) -> None:
        marks[name] = _cpu_s()
        marks[name + "_wall"] = time.monotonic()

    window.controller.start()
    QTimer.singleShot(2000, lambda: mark("anim0"))
    QTimer.singleShot(int((2 + seconds) * 1000), lambda: (mark("anim1"), window.controller.pause()))
    QTimer.singleShot(int((4 + seconds) * 1000), lambda: mark("pause0"))
    QTimer.singleShot(int((4 + 2 * seconds) * 1000), lambda: (mark("pause1"), app.quit()))
    app.exec()

    def share(a: str, b: str) -> float:
        return 100 * (marks[b] - marks[a]) / (marks[b + "_wall"] - marks[a + "_wall"])

    return {"cpu_animating_pct": share("anim0", "anim1"), "cpu_paused_pct": share("pause0", "pause1")}


def child_first_frame(bare: bool) -> dict[str, float]:
    """Monotonic time and RSS at the first painted frame, for the app or a bare PySide6 window."""
    from PySide6.QtCore import QEvent, QObject
    from PySide6.QtWidgets import QApplication, QWidget

    result: dict[str, float] = {}

    class Watcher(QObject):
        def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802
            if event.type() == QEvent.Type.Paint and not result:
                result["since_start_s"] = _since_process_start()
                result["rss_mb"] = _rss_mb()
                QApplication.instance().quit()  # type: ignore[union-attr]
            return False

    if bare:
        app = QApplication(sys.argv[:1])
        window = QWidget()
        target = window
    else:
        from massage_gui.ui.app import create_application
        from massage_gui.ui.main_window import MainWindow

        app = create_application()
        window = MainWindow()
        target = window.face_view  # the diagram is what the user waits for
    window.resize(1280, 800)
    watcher = Watcher()
    target.installEventFilter(watcher)
    window.show()
    app.exec()
    return result


def child_memory_routine() -> dict[str, float]:
    """RSS at the first frame and after a whole routine, driven by a fast fake clock (offscreen)."""
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from massage_gui.core.library import resolve_routine
    from massage_gui.core.plan import build_plan
    from massage_gui.core.settings import Settings
    from massage_gui.ui.app import create_application
    from massage_gui.ui.main_window import MainWindow
    from massage_gui.ui.session import SessionController

    app = create_application()
    now = [0.0]
    entry = resolve_routine("standard")
    controller = SessionController(
        build_plan(entry.routine, Settings(), entry.id), clock=lambda: now[0], wall_clock=None
    )
    window = MainWindow(Settings(), controller)
    window.resize(1280, 800)
    window.show()
    app.processEvents()
    window.face_view.repaint()
    first = _rss_mb()
    window.cue_player.prepare()  # what the window does 300 ms after it first shows: sound and voice load
    app.processEvents()
    ready = _rss_mb()
    controller.start()
    frames = 0
    while controller.state.value != "finished":
        now[0] += 0.05
        controller.tick_timer.timeout.emit()
        controller.animation_timer.timeout.emit()
        window.face_view.repaint()
        window.step_panel.repaint()
        frames += 1
        if frames % 50 == 0:
            app.processEvents()
    app.processEvents()
    return {"rss_first_frame_mb": first, "rss_ready_mb": ready, "rss_after_routine_mb": _rss_mb(), "frames": frames}


# -- parent --------------------------------------------------------------------------------------------


def _child(mode: str, *args: str, xvfb: bool = False) -> dict[str, float]:
    cmd = [sys.executable, __file__, "--child", mode, *args]
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # users run from byte-compiled modules, as pip installs them
    if xvfb:
        env["QT_QPA_PLATFORM"] = "xcb"
        cmd = ["xvfb-run", "-a", "-s", "-screen 0 1920x1080x24", *cmd]
    t0 = time.monotonic()
    out = subprocess.run(cmd, capture_output=True, text=True, env=env, check=True, cwd=ROOT).stdout
    data = json.loads(out.strip().splitlines()[-1])
    data["_started_monotonic"] = t0
    return data


def main() -> None:
    _child("paint", "1")  # warm-up: writes the byte-code caches
    paint = _child("paint", "600")
    print(
        f"paint, face view {paint['view_size']} of a 1280x800 window (offscreen, 600 frames): "
        f"median {paint['paint_median_ms']:.2f} ms, p95 {paint['paint_p95_ms']:.2f} ms "
        f"(static cache built {paint['cache_builds']:.0f}x)"
    )
    mem = _child("memory")
    print(
        f"memory: {mem['rss_first_frame_mb']:.1f} MB at the first frame, {mem['rss_ready_mb']:.1f} MB once sound and "
        f"voice have loaded (deferred until after the first frame), {mem['rss_after_routine_mb']:.1f} MB after the "
        f"whole 'standard' routine ({mem['frames']:.0f} frames): growth during the routine "
        f"{mem['rss_after_routine_mb'] - mem['rss_ready_mb']:+.1f} MB"
    )
    if shutil.which("xvfb-run") is None:
        print("xvfb-run not found: CPU and start-up figures skipped (apt-get install xvfb xauth)")
        return
    starts: dict[str, list[float]] = {"app": [], "bare": []}
    rss: dict[str, list[float]] = {"app": [], "bare": []}
    for _ in range(5):
        for name in ("bare", "app"):
            data = _child("first_frame", name, xvfb=True)
            starts[name].append(data["since_start_s"])
            rss[name].append(data["rss_mb"])
    app_s, bare_s = statistics.median(starts["app"]), statistics.median(starts["bare"])
    print(
        f"process start to first painted frame (Xvfb, median of 5): app {app_s:.3f} s, "
        f"bare PySide6 window {bare_s:.3f} s, ratio {app_s / bare_s:.2f}"
    )
    app_mb, bare_mb = statistics.median(rss["app"]), statistics.median(rss["bare"])
    print(
        f"RSS at the first frame (Xvfb): app {app_mb:.1f} MB, bare window {bare_mb:.1f} MB, "
        f"ratio {app_mb / bare_mb:.2f}"
    )
    cpu = _child("cpu", "20", xvfb=True)
    print(
        f"CPU (Xvfb, 20 s each): animating {cpu['cpu_animating_pct']:.2f}% of a core, "
        f"paused {cpu['cpu_paused_pct']:.2f}% of a core"
    )


if __name__ == "__main__":
    if len(sys.argv) > 2 and sys.argv[1] == "--child":
        mode = sys.argv[2]
        if mode == "paint":
            out = child_paint(int(sys.argv[3]))
        elif mode == "cpu":
            out = child_cpu(float(sys.argv[3]))
        elif mode == "first_frame":
            out = child_first_frame(sys.argv[3] == "bare")
        else:
            out = child_memory_routine()
        print(json.dumps(out))
    else:
        main()
