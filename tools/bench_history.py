"""History benchmark: open the history view on ten years of twice-daily sessions (7,300 rows).

Run: python tools/bench_history.py  (offscreen; prints numbers, asserts nothing; target < 0.5 s).

Each figure times, from the click: opening the history file (integrity check included), reading every
session, building the view (charts, calendar, totals, table), showing it and painting it, median of 5.
"Cold" is a fresh process each time with the main window's modules loaded (as in the running app), so
it includes importing pyqtgraph and numpy: the first open after the app starts. "Warm" is opening it
again in the same process.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import random
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
YEARS = 10
PER_DAY = 2
RUNS = 5


def make_history(path: Path, days: int = YEARS * 365, per_day: int = PER_DAY, seed: int = 7) -> int:
    """A history file with ``per_day`` sessions on each of the last ``days`` days; returns the row count."""
    from massage_gui.core.history import RECORD_FIELDS, HistoryStore, iso_utc

    store, _ = HistoryStore.open(path)
    store.close()
    rng = random.Random(seed)
    routines = [("quick", "Quick", 296.6), ("standard", "Standard", 610.0), ("thorough", "Thorough", 1230.0)]
    today = dt.datetime.now(dt.timezone.utc).replace(hour=7, minute=0, second=0, microsecond=0)
    rows = []
    for day in range(days):
        for k in range(per_day):
            start = (today - dt.timedelta(days=day, hours=-11 * k, minutes=rng.randint(0, 50))).timestamp()
            routine_id, name, planned = rng.choice(routines)
            finished = rng.random() < 0.85
            massaged = planned - 20 if finished else rng.uniform(30, planned - 60)
            rows.append((iso_utc(start), 60, routine_id, name, planned, round(massaged, 3), 11 if finished else 4,
                         rng.choice((0, 0, 0, 1)), 2.0, int(finished), iso_utc(start + massaged + 40)))  # fmt: skip
    conn = sqlite3.connect(path)
    fields = RECORD_FIELDS[1:]
    with conn:
        conn.executemany(f"INSERT INTO sessions ({', '.join(fields)}) VALUES ({', '.join('?' * len(fields))})", rows)
    conn.close()
    return len(rows)


def open_view_once(path: Path) -> dict[str, float]:
    """Time one open, from nothing loaded to the view shown and painted; also the parts."""
    from PySide6.QtCore import QEvent, QObject
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(sys.argv[:1])
    import massage_gui.ui.main_window  # noqa: F401 (the app is running: its own modules are loaded)

    painted: set[str] = set()

    class Watcher(QObject):
        def __init__(self, name: str) -> None:
            super().__init__()
            self.name = name

        def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
            if event.type() == QEvent.Type.Paint:
                painted.add(self.name)
            return False

    t0 = time.perf_counter()
    from massage_gui.core.history import HistoryStore
    from massage_gui.ui.history_view import HistoryView  # imports pyqtgraph the first time
    from massage_gui.ui.theme import Theme

    t_import = time.perf_counter()
    store, notice = HistoryStore.open(path)
    assert notice == "", notice
    t_store = time.perf_counter()
    view = HistoryView(store, Theme.light())
    t_build = time.perf_counter()
    watchers = [Watcher("view"), Watcher("chart"), Watcher("table")]
    view.installEventFilter(watchers[0])
    view.chart.viewport().installEventFilter(watchers[1])
    view.table.viewport().installEventFilter(watchers[2])
    view.show()
    view.tabs.setCurrentIndex(0)
    deadline = time.perf_counter() + 10
    while not {"view", "chart"} <= painted and time.perf_counter() < deadline:
        app.processEvents()  # type: ignore[union-attr]
    t_shown = time.perf_counter()
    view.tabs.setCurrentIndex(1)  # and the sessions table, as the user switches to it
    while "table" not in painted and time.perf_counter() < deadline:
        app.processEvents()  # type: ignore[union-attr]
    t_table = time.perf_counter()
    rows = view.table.model().rowCount()
    view.close()
    view.deleteLater()
    store.close()
    app.processEvents()  # type: ignore[union-attr]
    return {
        "rows": rows,
        "import_s": t_import - t0,
        "store_s": t_store - t_import,
        "build_s": t_build - t_store,
        "show_paint_s": t_shown - t_build,
        "open_s": t_shown - t0,
        "sessions_tab_s": t_table - t_shown,
    }


def _child(path: Path, runs: int) -> list[dict[str, float]]:
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    return [open_view_once(path) for _ in range(runs)]


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "history.sqlite3"
        count = make_history(path)
        env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
        cmd = [sys.executable, __file__, "--child", str(path)]
        subprocess.run([*cmd, "1"], capture_output=True, check=True, env=env, cwd=ROOT)  # warm the byte-code caches
        cold = []
        for _ in range(RUNS):
            out = subprocess.run([*cmd, "1"], capture_output=True, text=True, check=True, env=env, cwd=ROOT).stdout
            cold.append(json.loads(out.strip().splitlines()[-1])[0])
        out = subprocess.run([*cmd, str(RUNS + 1)], capture_output=True, text=True, check=True, env=env, cwd=ROOT)
        warm = json.loads(out.stdout.strip().splitlines()[-1])[1:]  # the first open in that process is cold

    def median(runs: list[dict[str, float]], key: str) -> float:
        return statistics.median(r[key] for r in runs)

    print(f"history view, {count:,} sessions ({YEARS} years, {PER_DAY} a day), offscreen, median of {RUNS}:")
    for name, runs in (("cold (first open: imports pyqtgraph)", cold), ("warm (opened again)", warm)):
        print(
            f"  {name}: shown and painted in {median(runs, 'open_s'):.3f} s "
            f"[import {median(runs, 'import_s'):.3f}, open file {median(runs, 'store_s'):.3f}, "
            f"build {median(runs, 'build_s'):.3f}, show+paint {median(runs, 'show_paint_s'):.3f}]; "
            f"sessions tab then {median(runs, 'sessions_tab_s'):.3f} s"
        )
    target = 0.5
    verdict = "within" if median(cold, "open_s") < target else "over"
    print(f"  target {target} s: cold open {verdict} the target")


if __name__ == "__main__":
    if len(sys.argv) > 3 and sys.argv[1] == "--child":
        print(json.dumps(_child(Path(sys.argv[2]), int(sys.argv[3]))))
    else:
        main()
