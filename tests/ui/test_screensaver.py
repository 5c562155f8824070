"""The screen saver held off over D-Bus, against a strict ScreenSaver service on a private session bus."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

SERVICE_SCRIPT = Path(__file__).with_name("fake_screensaver.py")

# Runs inside dbus-run-session: starts the fake service, then inhibits and lets go as a session does.
CHILD = textwrap.dedent(
    """
    import json, subprocess, sys, time
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtDBus import QDBusConnection, QDBusMessage
    from massage_gui.ui.screensaver import PATH, SERVICE, DBusScreenSaver

    service = subprocess.Popen([sys.executable, sys.argv[1], *sys.argv[2:]], stdout=subprocess.PIPE, text=True)
    assert service.stdout is not None and service.stdout.readline().strip() == "ready"
    app = QCoreApplication([])

    def held():
        call = QDBusMessage.createMethodCall(SERVICE, PATH, SERVICE, "Held")
        reply = QDBusConnection.sessionBus().call(call, timeout=2000)
        return reply.arguments()[0] if reply.arguments() else None

    def settled(want):
        deadline = time.monotonic() + 3
        while time.monotonic() < deadline:
            app.processEvents()
            if held() == want:
                return want
            time.sleep(0.02)
        return held()

    result = {}
    try:
        saver = DBusScreenSaver()
        started = time.monotonic()
        cookie = saver.inhibit()
        result["inhibit_s"] = time.monotonic() - started
        result["status"] = saver.status
        if "--stuck" not in sys.argv:
            result["held"] = settled(1)
        started = time.monotonic()
        saver.uninhibit(cookie)
        result["uninhibit_s"] = time.monotonic() - started
        if "--stuck" not in sys.argv:
            result["held_after"] = settled(0)
    finally:
        service.kill()
    print(json.dumps(result))
    """
)


def _run(*service_args: str) -> dict[str, object]:
    done = subprocess.run(
        ["dbus-run-session", "--", sys.executable, "-c", CHILD, str(SERVICE_SCRIPT), *service_args],
        capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.strip().splitlines()[-1])  # type: ignore[no-any-return]


pytestmark = pytest.mark.skipif(
    not sys.platform.startswith("linux") or shutil.which("dbus-run-session") is None,
    reason="a private D-Bus session bus (dbus-daemon) on Linux",
)


def test_the_screen_saver_is_held_off_and_let_go() -> None:
    """A strict service (as KDE's and GNOME's) takes the inhibition and lets it go when the session ends."""
    result = _run()
    assert result["status"] == ""
    assert result["held"] == 1
    assert result["held_after"] == 0, "the screen would stay awake as long as the app runs"


def test_a_screen_saver_that_does_not_answer_holds_nothing_up() -> None:
    result = _run("--stuck")
    assert result["inhibit_s"] < 0.5, result  # type: ignore[operator]
    assert result["uninhibit_s"] < 0.5, result  # type: ignore[operator]
