"""The running window read as a Linux screen reader reads it: through AT-SPI, on a private X server and D-Bus.

Every control has a name, and the step panel's labels carry the words on the screen (their role in the
description), also after the step changes. The window runs as the app starts it (atspi_app.py); the tree
is read by atspi_reader.py with the system Python, which has pyatspi.
"""

from __future__ import annotations

import contextlib
import json
import os
import select
import shutil
import signal
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

import pytest

HERE = Path(__file__).parent
ROOT = HERE.parents[1]
SYSTEM_PYTHON = "/usr/bin/python3"
BUS_LAUNCHERS = ("/usr/libexec/at-spi-bus-launcher", "/usr/lib/at-spi2-core/at-spi-bus-launcher")
# Roles a user acts on: each must have a name.
CONTROL_ROLES = {
    "check box", "check menu item", "combo box", "entry", "list item", "menu item", "page tab", "password text",
    "push button", "push button menu", "radio button", "radio menu item", "slider", "spin button", "text",
    "toggle button",
}  # fmt: skip
ROLES = {"state": "Session state", "area": "Area", "instruction": "What to do", "caution": "Caution"}

pytestmark = pytest.mark.skipif(sys.platform != "linux", reason="AT-SPI is the Linux accessibility bus")


def _missing() -> str:
    needed = {"Xvfb": shutil.which("Xvfb"), "dbus-daemon": shutil.which("dbus-daemon")}
    needed["at-spi-bus-launcher"] = next((p for p in BUS_LAUNCHERS if Path(p).exists()), None)
    missing = [name for name, found in needed.items() if not found]
    if Path(SYSTEM_PYTHON).exists():
        check = subprocess.run([SYSTEM_PYTHON, "-c", "import pyatspi"], capture_output=True, env=_system_env({}))
        if check.returncode != 0:
            missing.append("pyatspi for /usr/bin/python3 (python3-pyatspi)")
    else:
        missing.append(SYSTEM_PYTHON)
    return ", ".join(missing)


def _system_env(extra: dict[str, str]) -> dict[str, str]:
    """The environment for the system Python: none of this test run's Python settings."""
    keep = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "VIRTUAL_ENV"))}
    return {**keep, **extra}


def _stop(process: subprocess.Popen[Any]) -> None:
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGTERM)
    try:
        process.wait(5)
    except subprocess.TimeoutExpired:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGKILL)
        process.wait(5)
    for stream in (process.stdin, process.stdout, process.stderr):
        if stream is not None:
            stream.close()


def _line(stream: IO[str], seconds: float, what: str) -> str:
    ready, _, _ = select.select([stream], [], [], seconds)
    if not ready:
        pytest.fail(f"{what} said nothing within {seconds:g} s")
    return stream.readline()


@dataclass
class Desktop:
    env: dict[str, str]


@pytest.fixture
def desktop(tmp_path: Path) -> Iterator[Desktop]:
    """Xvfb on a free display, a D-Bus session bus and the AT-SPI bus (its registry starts on demand)."""
    missing = _missing()
    if missing:
        if os.environ.get("CI"):
            pytest.fail(f"missing: {missing} (.ci/run installs xvfb, dbus, at-spi2-core and python3-pyatspi)")
        pytest.skip(f"missing: {missing}")
    started: list[subprocess.Popen[Any]] = []
    try:
        read_display, write_display = os.pipe()
        xvfb = subprocess.Popen(
            ["Xvfb", "-displayfd", str(write_display), "-screen", "0", "1280x800x24", "-nolisten", "tcp"],
            pass_fds=(write_display,), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True,
        )  # fmt: skip
        started.append(xvfb)
        os.close(write_display)
        with os.fdopen(read_display) as displays:
            display = _line(displays, 20, "Xvfb").strip()
        bus = subprocess.Popen(
            ["dbus-daemon", "--session", "--nofork", "--print-address=1"],
            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, start_new_session=True,
        )  # fmt: skip
        started.append(bus)
        assert bus.stdout is not None
        address = _line(bus.stdout, 20, "dbus-daemon").strip()
        env = {
            **os.environ,
            "DISPLAY": f":{display}",
            "DBUS_SESSION_BUS_ADDRESS": address,
            "XDG_RUNTIME_DIR": str(tmp_path / "runtime"),
            "HOME": str(tmp_path),
        }
        (tmp_path / "runtime").mkdir(mode=0o700)
        launcher = next(p for p in BUS_LAUNCHERS if Path(p).exists())
        bus_launcher = subprocess.Popen(
            [launcher, "--launch-immediately"], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
            start_new_session=True,
        )  # fmt: skip
        started.append(bus_launcher)
        yield Desktop(env)
    finally:
        for process in reversed(started):
            _stop(process)


def _read_tree(desktop: Desktop, pid: int) -> list[dict[str, Any]]:
    result = subprocess.run(
        [SYSTEM_PYTHON, str(HERE / "atspi_reader.py"), str(pid), "30"],
        env=_system_env(desktop.env), capture_output=True, text=True, timeout=90,
    )  # fmt: skip
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-2000:]
    nodes: list[dict[str, Any]] = json.loads(result.stdout)["nodes"]
    return nodes


def _unnamed_controls(nodes: list[dict[str, Any]]) -> list[str]:
    """Controls without a name: those on screen, and every one in the tool bar and menu bar, where Qt adds
    buttons of its own that show when the window gets narrow."""
    bars = [n["path"] for n in nodes if n.get("role") in ("tool bar", "menu bar")]
    return [
        f"{n['role']} at {n['path']}{'' if 'showing' in n['states'] else ' (hidden)'}"
        for n in nodes
        if n.get("role") in CONTROL_ROLES
        and not n["name"].strip()
        and ("showing" in n["states"] or any(n["path"][: len(bar)] == bar for bar in bars))
    ]


def _check_labels(nodes: list[dict[str, Any]], shown: dict[str, str]) -> None:
    labels = {(n["name"], n["description"]) for n in nodes if n.get("role") == "label" and "showing" in n["states"]}
    names = {name for name, _ in labels}
    for key, text in shown.items():
        if not text.strip():
            continue
        assert text in names, f"the {key} label says {text!r} on screen; a screen reader hears only {sorted(names)}"
        if key in ROLES:
            assert (text, ROLES[key]) in labels, f"the {key} label is not described as {ROLES[key]!r}"


def test_a_screen_reader_hears_every_control_by_name_and_the_panel_by_its_words(
    desktop: Desktop, tmp_path: Path
) -> None:
    env = {**desktop.env, "QT_QPA_PLATFORM": "xcb", "QT_LINUX_ACCESSIBILITY_ALWAYS_ON": "1"}
    app = subprocess.Popen(
        [sys.executable, str(HERE / "atspi_app.py"), str(tmp_path / "home")],
        env=env, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=ROOT,
        start_new_session=True,
    )  # fmt: skip
    assert app.stdin is not None
    assert app.stdout is not None
    try:
        first = json.loads(_line(app.stdout, 60, "the app"))["labels"]
        assert first.get("caution"), "the window shows a neck step, with its caution"
        nodes = _read_tree(desktop, app.pid)
        unnamed = _unnamed_controls(nodes)
        controls = sum(1 for n in nodes if n.get("role") in CONTROL_ROLES)
        print(f"\nAT-SPI: {len(nodes)} objects, {controls} controls, {len(unnamed)} without a name: {unnamed}")
        assert unnamed == []
        _check_labels(nodes, first)
        app.stdin.write("next\n")
        app.stdin.flush()
        after = json.loads(_line(app.stdout, 30, "the app"))["labels"]
        assert after["area"] != first["area"], "the session moved on to another area"
        _check_labels(_read_tree(desktop, app.pid), after)
    finally:
        _stop(app)
