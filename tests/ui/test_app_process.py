"""The real app as a process: SIGTERM quits it like Ctrl+Q (saving what quit saves), a full disk does not
pass for 'already running', and a file in place of one of its folders is one clear line, not a traceback."""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from massage_gui.core.paths import AppPaths

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="signals and tmpfs are POSIX")

ROOT = Path(__file__).resolve().parents[2]
START_TIMEOUT_S = 60.0
QUIT_TIMEOUT_S = 10.0


def _confirmed_home(home: Path) -> AppPaths:
    paths = AppPaths.under(home)
    paths.settings_file.parent.mkdir(parents=True, exist_ok=True)
    document = {"schema": "massage-gui/settings", "schema_version": 1, "data": {"safety_confirmed": True}}
    paths.settings_file.write_text(json.dumps(document), encoding="utf-8")
    return paths


def _launch(home: Path) -> subprocess.Popen[str]:
    env = {**os.environ, "MASSAGE_GUI_HOME": str(home), "QT_QPA_PLATFORM": "offscreen"}
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))
    return subprocess.Popen(
        [sys.executable, "-m", "massage_gui"],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )


def _wait_for(condition: object, proc: subprocess.Popen[str], what: str) -> None:
    deadline = time.monotonic() + START_TIMEOUT_S
    while not condition():  # type: ignore[operator]
        if proc.poll() is not None:
            out, err = proc.communicate()
            pytest.fail(f"the app ended ({proc.returncode}) before {what}: {out!r} {err[-2000:]!r}")
        if time.monotonic() > deadline:
            proc.kill()
            pytest.fail(f"no {what} within {START_TIMEOUT_S:g} s")
        time.sleep(0.05)


def _terminate(proc: subprocess.Popen[str]) -> tuple[float, str, str]:
    sent = time.monotonic()
    proc.send_signal(signal.SIGTERM)
    try:
        out, err = proc.communicate(timeout=QUIT_TIMEOUT_S)
    except subprocess.TimeoutExpired:
        proc.kill()
        out, err = proc.communicate()
        pytest.fail(f"still running {QUIT_TIMEOUT_S:g} s after SIGTERM: {err[-2000:]!r}")
    return time.monotonic() - sent, out, err


def test_sigterm_quits_like_quit_and_saves(tmp_path: Path) -> None:
    paths = _confirmed_home(tmp_path / "home")
    proc = _launch(tmp_path / "home")
    _wait_for(lambda: (paths.state_dir / "instance.lock").exists(), proc, "the single-instance lock")
    _wait_for(lambda: paths.history_file.exists(), proc, "the history file")  # the window is being built
    elapsed, _, err = _terminate(proc)
    assert proc.returncode == 0, err[-2000:]
    assert elapsed < QUIT_TIMEOUT_S
    assert "Traceback" not in err
    state = json.loads(paths.ui_state_file.read_text(encoding="utf-8"))
    assert state["data"]["geometry"], "the window size was saved, as on a normal quit"
    settings = json.loads(paths.settings_file.read_text(encoding="utf-8"))
    assert settings["data"]["safety_confirmed"] is True
    assert not (paths.state_dir / "instance.lock").exists(), "the lock was released"


@contextlib.contextmanager
def _full_disk(folder: Path) -> Iterator[Path]:
    """A 64 KiB tmpfs at ``folder``, filled up (needs root; skips otherwise)."""
    folder.mkdir()
    if os.geteuid() != 0 or shutil.which("mount") is None:
        pytest.skip("mounting a small tmpfs needs root")
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", str(folder)], capture_output=True)
    if mounted.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {mounted.stderr.decode(errors='replace').strip()}")
    try:
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], check=False)


def _fill(folder: Path) -> None:
    with contextlib.suppress(OSError), (folder / "filler").open("wb") as handle:
        while True:
            handle.write(b"\0" * 4096)
            handle.flush()


def test_a_full_disk_starts_the_app_instead_of_claiming_it_runs(tmp_path: Path) -> None:
    with _full_disk(tmp_path / "disk") as disk:
        home = disk / "home"
        paths = _confirmed_home(home)
        for folder in (paths.data_dir, paths.state_dir):
            folder.mkdir()
        _fill(disk)
        proc = _launch(home)
        if not _alive_for(proc, 4.0):
            out, err = proc.communicate()
            pytest.fail(f"the app ended ({proc.returncode}) at once: {out!r} {err[-2000:]!r}")
        _, out, err = _terminate(proc)
    assert "already running" not in out
    assert proc.returncode == 0, err[-2000:]
    assert "Traceback" not in err


def _alive_for(proc: subprocess.Popen[str], seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            return False
        time.sleep(0.05)
    return True


@pytest.mark.parametrize("folder", ["config", "data", "state"])
def test_a_file_in_place_of_a_folder_is_one_line_and_exit_2(tmp_path: Path, folder: str) -> None:
    home = tmp_path / "home"
    home.mkdir()
    (home / folder).write_bytes(b"not a folder")
    proc = _launch(home)
    out, err = proc.communicate(timeout=START_TIMEOUT_S)
    assert proc.returncode == 2, err
    assert out == ""
    assert err == (
        f"massage-gui: error: {home / folder}: is a file, not a folder; "
        "move it away so massage-gui can keep its files there\n"
    )
    assert (home / folder).read_bytes() == b"not a folder"


def test_the_windowed_launcher_shows_a_folder_problem_in_a_message_box(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from PySide6.QtWidgets import QMessageBox

    from massage_gui.cli import gui_main

    home = tmp_path / "home"
    home.mkdir()
    (home / "state").write_bytes(b"")
    monkeypatch.setenv("MASSAGE_GUI_HOME", str(home))
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical", lambda parent, title, text: shown.append(text))
    assert gui_main() == 1
    expected = (
        f"massage-gui: error: {home / 'state'}: is a file, not a folder; "
        "move it away so massage-gui can keep its files there"
    )
    assert capsys.readouterr().err == expected + "\n"
    assert shown == [expected]
