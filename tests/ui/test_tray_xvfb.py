"""A real app on a real X server (Xvfb): a reminder due shows its notification, through Qt's tray when a tray
host runs (trayer), else in the app's own small window, and a real click on it opens the window with the
reminder's routine ready."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

APP = Path(__file__).with_name("tray_app.py")
ROOT = Path(__file__).parents[2]

pytestmark = pytest.mark.skipif(sys.platform != "linux", reason="Xvfb is a Linux X server")


def _run(tmp_path: Path, with_tray: bool) -> dict[str, object]:
    if shutil.which("xvfb-run") is None:
        if os.environ.get("CI"):
            pytest.fail("xvfb-run is missing: .ci/run installs the xvfb package")
        pytest.skip("xvfb-run is not installed (apt-get install xvfb xauth)")
    if shutil.which("xdotool") is None:
        pytest.skip("xdotool is not installed (apt-get install xdotool): it makes the real click")
    tray = "trayer --edge bottom --align right --widthtype request --height 24 >/dev/null 2>&1 & sleep 1; "
    script = f'{tray if with_tray else ""}exec "$0" "$1" "$2"'
    env = {k: v for k, v in os.environ.items() if k not in ("QT_QPA_PLATFORM", "DBUS_SESSION_BUS_ADDRESS")}
    env["QT_QPA_PLATFORM"] = "xcb"
    command = ["xvfb-run", "-a", "-s", "-screen 0 1280x800x24", "sh", "-c", script]
    result = subprocess.run(
        [*command, sys.executable, str(APP), str(tmp_path / "home")],
        capture_output=True,
        text=True,
        timeout=180,
        env=env,
        cwd=ROOT,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    report: dict[str, object] = json.loads(result.stdout.strip().splitlines()[-1])
    return report


def test_without_a_tray_the_small_window_reminds_and_its_click_opens_the_routine(tmp_path: Path) -> None:
    report = _run(tmp_path, with_tray=False)
    assert report["tray"] is False
    assert report["notification"] == "ReminderToast"
    assert report["window_visible"] is True
    assert report["routine"] == "evening"  # the reminder's routine, ready
    assert report["state"] == "IDLE"  # ready, not started


def test_with_a_tray_qt_shows_the_message_and_its_click_opens_the_routine(tmp_path: Path) -> None:
    if shutil.which("trayer") is None:
        pytest.skip("no system tray host to run under Xvfb (apt-get install trayer)")
    report = _run(tmp_path, with_tray=True)
    assert report["tray"] is True
    assert report["window_shown_at_start"] is False  # started in the tray, as at login
    assert report["notification"] == "QBalloonTip"  # Qt's own tray message
    assert report["window_visible"] is True
    assert report["routine"] == "evening"
