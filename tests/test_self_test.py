"""``massage-gui --self-test``: passes on a working install, writes none of the app's files, fails in one line."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

import massage_gui
from massage_gui.cli import main
from massage_gui.core.app_files import AppFiles
from massage_gui.core.paths import AppPaths
from massage_gui.core.settings import Settings

ROOT = Path(__file__).resolve().parents[1]


def _self_test(env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "massage_gui", "--self-test"],
        env=env, capture_output=True, text=True, timeout=120, cwd=ROOT, check=False,
    )  # fmt: skip


def test_self_test_passes_and_prints_one_line(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("MASSAGE_GUI_HOME", "QT_QPA_PLATFORM")}
    for name in ("CONFIG", "DATA", "STATE", "CACHE"):
        env[f"XDG_{name}_HOME"] = str(tmp_path / name.lower())
    result = _self_test(env)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert len(lines) == 1, result.stdout
    assert lines[0].startswith(f"massage-gui {massage_gui.__version__} self-test ok: ")
    assert "routine of 3 steps" in lines[0]
    assert "settings (defaults) loaded" in lines[0]
    assert "Traceback" not in result.stderr
    written = [p for p in tmp_path.rglob("*") if "massage" in p.name]  # (sound and speech libraries may write)
    assert written == [], "the self-test wrote the app's files into the user's folders"


def test_self_test_runs_its_routine_whatever_the_saved_settings(tmp_path: Path) -> None:
    home = tmp_path / "home"
    settings = Settings(skipped_areas=frozenset({"cheeks", "collarbone"}), pace_s=1.0, theme="dark")
    assert AppFiles(AppPaths.under(home)).settings().save(settings)
    result = _self_test({**os.environ, "MASSAGE_GUI_HOME": str(home)})
    assert result.returncode == 0, result.stderr
    assert "settings (saved) loaded" in result.stdout
    assert "routine of 3 steps" in result.stdout


def test_self_test_takes_no_command(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--self-test", "paths"]) == 2
    assert capsys.readouterr().err == "massage-gui: error: --self-test takes no command\n"


@pytest.mark.parametrize(
    ("error", "expected"),
    [
        ("check", "massage-gui: self-test failed: the diagram is blank\n"),
        ("crash", "massage-gui: self-test failed: ValueError: bad value on two lines\n"),
    ],
)
def test_a_failure_is_one_line_and_exit_status_1(
    error: str, expected: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from massage_gui.ui import self_test

    def fail() -> str:
        if error == "check":
            raise self_test.SelfTestError("the diagram is blank")
        raise ValueError("bad value\non two lines")

    monkeypatch.setattr(self_test, "_run", fail)
    assert self_test.run_self_test() == 1
    out = capsys.readouterr()
    assert out.out == ""
    assert out.err == expected
