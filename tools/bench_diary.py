"""Diary benchmark: the History window's Diary page charting a year of twice-daily entries (730) beside a
year of twice-daily sessions.

Run: python tools/bench_diary.py  (offscreen; prints numbers, asserts nothing; target < 0.5 s after the first open).

Each figure times, from the click: opening the history file, reading sessions and diary, building the
window, switching to the Diary page and painting its charts. The first open in a process also imports
pyqtgraph and numpy; "again" is every later open in the same process (median of 5).
"""

from __future__ import annotations

import datetime as dt
import os
import random
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
DAYS = 365
RUNS = 5


def make_history(path: Path, days: int = DAYS, seed: int = 16) -> tuple[int, int]:
    """Sessions and diary entries twice a day for ``days`` days; returns their counts."""
    from massage_gui.core.diary import DIARY_FIELDS
    from massage_gui.core.history import RECORD_FIELDS, HistoryStore, iso_utc

    store, _ = HistoryStore.open(path)
    store.close()
    rng = random.Random(seed)
    today = dt.datetime.now(dt.timezone.utc).replace(hour=7, minute=0, second=0, microsecond=0)
    sessions, entries = [], []
    for day in range(days):
        for k in range(2):
            start = (today - dt.timedelta(days=day, hours=-12 * k, minutes=rng.randint(0, 40))).timestamp()
            sessions.append((iso_utc(start), 60, "standard", "Standard", 610.0, 590.0, 12, 0, 2.0, 1,
                             iso_utc(start + 620)))  # fmt: skip
            swelling = max(0, min(10, round(5 - day / 120 + rng.gauss(0, 1))))
            cms = [round(38 + rng.gauss(0, 0.4), 1) if rng.random() < 0.6 else None,
                   round(30 + rng.gauss(0, 0.5), 1) if rng.random() < 0.3 else None,
                   round(11.5 + rng.gauss(0, 0.2), 1), round(11.4 + rng.gauss(0, 0.2), 1)]  # fmt: skip
            entries.append((iso_utc(start + 700), 60, None, swelling, max(0, swelling - 1), *cms, ""))
    conn = sqlite3.connect(path)
    with conn:
        fields = RECORD_FIELDS[1:]
        conn.executemany(f"INSERT INTO sessions ({', '.join(fields)}) VALUES ({', '.join('?' * len(fields))})",
                         sessions)  # fmt: skip
        fields = DIARY_FIELDS[1:]
        conn.executemany(f"INSERT INTO diary ({', '.join(fields)}) VALUES ({', '.join('?' * len(fields))})", entries)
    conn.close()
    return len(sessions), len(entries)


def open_once(path: Path) -> float:
    """Seconds from nothing to the Diary page's charts painted."""
    from PySide6.QtCore import QEvent, QObject
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(sys.argv[:1])
    import massage_gui.ui.main_window  # noqa: F401 (the app is running: its own modules are loaded)

    painted: list[bool] = []

    class Watcher(QObject):
        def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
            if event.type() == QEvent.Type.Paint:
                painted.append(True)
            return False

    t0 = time.perf_counter()
    from massage_gui.core.history import HistoryStore
    from massage_gui.ui.history_view import HistoryView
    from massage_gui.ui.theme import Theme

    store, _ = HistoryStore.open(path)
    view = HistoryView(store, Theme.light())
    view.show()
    view.tabs.setCurrentWidget(view.diary)
    charts = view.diary.make_charts()
    watcher = Watcher()
    charts.viewport().installEventFilter(watcher)
    deadline = time.perf_counter() + 20
    while not painted and time.perf_counter() < deadline:
        app.processEvents()  # type: ignore[union-attr]
    took = time.perf_counter() - t0
    assert len(charts.rating_curves["swelling"].getData()[0]) == 730
    view.close()
    view.deleteLater()
    store.close()
    app.processEvents()  # type: ignore[union-attr]
    return took


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "history.sqlite3"
        sessions, entries = make_history(path)
        first = open_once(path)
        again = [open_once(path) for _ in range(RUNS)]
        print(f"{sessions} sessions, {entries} diary entries")
        print(f"first open (imports pyqtgraph): {first:.3f} s")
        print(f"again: median {statistics.median(again):.3f} s, max {max(again):.3f} s over {RUNS} opens")


if __name__ == "__main__":
    main()
