"""Opens the real main window (as ``massage-gui`` does, the safety information already confirmed) paused in
a neck step, for test_atspi.py to read through AT-SPI; runs until it is terminated.

    python atspi_app.py HOME

Prints one line of JSON once the window is on screen: what the step panel's labels show,
{"labels": {object name: text}}; and again after each line "next" on its standard input, which moves the
session to the next step (still paused).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from PySide6.QtCore import QSocketNotifier, QTimer
from PySide6.QtWidgets import QLabel

from massage_gui.core.anatomy import NECK_AREAS
from massage_gui.core.app_files import AppFiles
from massage_gui.core.paths import AppPaths
from massage_gui.core.settings import Settings
from massage_gui.ui.app import create_application, start_window


def main() -> int:
    files = AppFiles(AppPaths.under(Path(sys.argv[1])))
    files.paths.create_folders()
    files.settings().save(Settings(safety_confirmed=True, theme="light", last_routine="standard"))
    app = create_application()
    started = start_window(files)
    window = started.window
    window.resize(1280, 800)
    window.show()
    state = window.state
    neck = next(step for step in state.plan.steps if step.area in NECK_AREAS)
    state.seek(neck.start_s + 0.5)
    state.pause()

    def report() -> None:
        labels = {
            label.objectName(): label.text()
            for label in window.step_panel.findChildren(QLabel)
            if label.objectName() and label.isVisibleTo(window)
        }
        print(json.dumps({"labels": labels}), flush=True)

    def on_input() -> None:
        line = sys.stdin.readline()
        if not line:
            notifier.setEnabled(False)
        elif line.strip() == "next":
            state.resume()
            state.next()
            state.pause()
            QTimer.singleShot(300, report)

    notifier = QSocketNotifier(sys.stdin.fileno(), QSocketNotifier.Type.Read)
    notifier.activated.connect(on_input)
    QTimer.singleShot(500, report)
    app.aboutToQuit.connect(started.shutdown)
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
