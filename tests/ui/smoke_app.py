"""Opens the real main window, runs a short routine at the fastest pace on the real clock, and exits.

Prints one line of JSON: how late each step started (ms) and how long it all took. Exit 0 on success.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

from PySide6.QtCore import QTimer

from massage_gui.core import sequencer as seq
from massage_gui.core.app_state import AppState, SessionUpdate
from massage_gui.core.library import resolve_routine
from massage_gui.core.routine_library import RoutineLibrary
from massage_gui.core.settings import Settings
from massage_gui.ui.app import create_application
from massage_gui.ui.main_window import MainWindow

TIMEOUT_S = 60


def main() -> int:
    routine_file = Path(sys.argv[1])
    app = create_application()
    entry = resolve_routine(str(routine_file))
    settings = Settings(
        pace_s=1.0, lead_in_s=1.0, transition_s=0.5, breath_s=3.0, last_routine=entry.id, safety_confirmed=True
    )
    state = AppState(settings, RoutineLibrary(extra=[entry]))
    window = MainWindow(state)
    window.show()
    lateness: list[float] = []
    frames = [0]
    started = {"at": 0.0}
    result = {"code": 1}

    def on_session(update: SessionUpdate) -> None:
        for event in update.events:
            if isinstance(event, seq.StepStarted):
                planned = state.plan.steps[event.step_index].start_s
                lateness.append((time.monotonic() - started["at"] - planned) * 1000)
            elif isinstance(event, seq.RoutineFinished):
                result["code"] = 0 if event.completed else 1
                QTimer.singleShot(200, app.quit)

    state.events.session.connect(on_session)
    window.ticker.frame_changed.connect(lambda _frame: frames.__setitem__(0, frames[0] + 1))

    def begin() -> None:
        started["at"] = time.monotonic()
        state.start()

    QTimer.singleShot(300, begin)
    QTimer.singleShot(TIMEOUT_S * 1000, app.quit)
    app.exec()
    total = time.monotonic() - started["at"]
    print(
        json.dumps(
            {
                "platform": app.platformName(),
                "steps": len(lateness),
                "planned_s": state.plan.total_s,
                "took_s": round(total, 3),
                "max_late_ms": round(max(lateness, default=-1), 2),
                "frames": frames[0],
            }
        )
    )
    window.close()
    return result["code"] if len(lateness) == len(state.plan.steps) else 1


if __name__ == "__main__":
    sys.exit(main())
