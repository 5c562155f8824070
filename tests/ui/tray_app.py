"""Run under Xvfb by test_tray_xvfb.py: the real app with a reminder due, its notification clicked with a real
X click (xdotool), and what happened printed as one JSON line.

Usage: tray_app.py HOME [--screenshot OUT.png] [--wait-minute]
HOME is a MASSAGE_GUI_HOME whose settings turn reminders on. The app starts as at login (``--tray``).
With ``--wait-minute`` the reminder is set for the next minute, as a person would set it; otherwise for
the current minute, which a start inside that minute shows at once.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QWidget


def write_settings(home: Path, at: dt.datetime) -> None:
    config = home / "config"
    config.mkdir(parents=True, exist_ok=True)
    data = {
        "reminders": True,
        "reminder_times": [f"{at:%H:%M}=evening"],
        "safety_confirmed": True,
        "last_routine": "quick",
    }
    body = {"schema": "massage-gui/settings", "schema_version": 1, "data": data}
    (config / "settings.json").write_text(json.dumps(body), encoding="utf-8")


def notification(app: QApplication) -> QWidget | None:
    """The notification on screen: Qt's balloon by the tray icon, or the app's own small window."""
    for widget in app.topLevelWidgets():
        if widget.isVisible() and widget.metaObject().className() in ("QBalloonTip", "ReminderToast"):
            return widget
    return None


def main() -> int:
    home = Path(sys.argv[1])
    screenshot = Path(sys.argv[sys.argv.index("--screenshot") + 1]) if "--screenshot" in sys.argv else None
    now = dt.datetime.now()
    at = now + dt.timedelta(minutes=1) if "--wait-minute" in sys.argv else now
    os.environ["MASSAGE_GUI_HOME"] = str(home)
    write_settings(home, at)

    from massage_gui.core.app_files import AppFiles
    from massage_gui.core.paths import AppPaths
    from massage_gui.ui.app import create_application, start_window

    app = create_application()
    started = start_window(AppFiles(AppPaths.from_environment()))
    window = started.window
    reminders = started.reminders()
    assert reminders is not None
    report: dict[str, object] = {
        "tray": reminders.in_tray,
        "window_shown_at_start": False,
        "reminder_at": f"{at:%H:%M}",
    }
    if not reminders.in_tray:
        window.show()  # as run(tray=True) does without a tray
        report["window_shown_at_start"] = True
    t0 = time.monotonic()
    reminders.reminded.connect(lambda due: report.setdefault("reminded_after_s", round(time.monotonic() - t0, 1)))
    if reminders.schedule.next_due(dt.datetime.now()) is None:
        report["error"] = "nothing due"

    def look() -> None:
        shown = notification(app)
        if shown is None:
            if time.monotonic() - t0 > 100:
                report["error"] = "no notification within 100 s"
                app.quit()
            return
        poll.stop()
        report["notified_after_s"] = round(time.monotonic() - t0, 1)
        report["notification"] = shown.metaObject().className()
        QTimer.singleShot(700, lambda: click(shown))

    def click(shown: QWidget) -> None:
        if screenshot is not None and shutil.which("import"):
            subprocess.run(["import", "-window", "root", str(screenshot)], check=False)
        target = shown.message if hasattr(shown, "message") else shown  # the toast's words, or the balloon
        centre = target.mapToGlobal(target.rect().center())
        subprocess.run(["xdotool", "mousemove", str(centre.x()), str(centre.y()), "click", "1"], check=True)
        QTimer.singleShot(1500, finish)

    def finish() -> None:
        report["window_visible"] = window.isVisible()
        report["routine"] = window.state.routine_id
        report["state"] = window.state.state.name
        if screenshot is not None and shutil.which("import"):
            after = screenshot.with_name(screenshot.stem + "-opened.png")
            subprocess.run(["import", "-window", "root", str(after)], check=False)
        app.quit()

    poll = QTimer()
    poll.timeout.connect(look)
    poll.start(200)
    app.exec()
    started.shutdown()
    print(json.dumps(report))
    return 0


if __name__ == "__main__":
    sys.exit(main())
