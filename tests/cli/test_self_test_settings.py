"""`--self-test` says what it made of the saved settings: saved, defaults, or a damaged file and what it used
instead; it leaves the file as it found it."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from massage_gui.core.app_files import AppFiles
from massage_gui.core.paths import AppPaths
from massage_gui.core.settings import Settings


def _self_test(home: Path) -> str:
    done = subprocess.run(
        [sys.executable, "-m", "massage_gui", "--self-test"],
        env={**os.environ, "MASSAGE_GUI_HOME": str(home)}, capture_output=True, text=True, timeout=180, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    return done.stdout


@pytest.mark.parametrize(
    ("content", "said"),
    [
        (b'{"schema": "massage-gui/settings", "pace', "settings (saved file damaged: defaults used) loaded"),
        (b"\x00\x01binary", "settings (saved file damaged: defaults used) loaded"),
        (b"", "settings (saved file damaged: defaults used) loaded"),
    ],
)
def test_a_damaged_settings_file_is_said_to_be_damaged(tmp_path: Path, content: bytes, said: str) -> None:
    """It said 'settings (saved) loaded' for any file that was there."""
    settings = AppPaths.under(tmp_path).settings_file
    settings.parent.mkdir(parents=True)
    settings.write_bytes(content)
    assert said in _self_test(tmp_path)
    assert settings.read_bytes() == content
    assert sorted(p.name for p in settings.parent.iterdir()) == [settings.name]


def test_a_settings_file_with_a_wrong_value_is_said_to_be_partly_used(tmp_path: Path) -> None:
    files = AppFiles(AppPaths.under(tmp_path))
    assert files.settings().save(Settings(pace_s=3.0))
    path = files.paths.settings_file
    data = json.loads(path.read_text(encoding="utf-8"))
    data["data"]["theme"] = 7
    path.write_text(json.dumps(data), encoding="utf-8")
    assert "settings (saved file damaged: what could be read used) loaded" in _self_test(tmp_path)


def test_good_saved_settings_are_said_to_be_saved(tmp_path: Path) -> None:
    assert AppFiles(AppPaths.under(tmp_path)).settings().save(Settings(pace_s=3.0))
    assert "settings (saved) loaded" in _self_test(tmp_path)


def test_settings_from_a_newer_version_are_not_called_damaged(tmp_path: Path) -> None:
    settings = AppPaths.under(tmp_path).settings_file
    settings.parent.mkdir(parents=True)
    settings.write_text('{"schema": "massage-gui/settings", "schema_version": 99, "data": {}}', encoding="utf-8")
    assert "settings (saved by a newer version: defaults used) loaded" in _self_test(tmp_path)
