"""Start at login: the XDG autostart entry is written atomically where XDG says, and removed when turned off."""

from __future__ import annotations

import configparser
import os
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from massage_gui.core import autostart
from massage_gui.core.errors import DataError


def test_the_entry_goes_under_xdg_config_home_or_dot_config(tmp_path: Path) -> None:
    assert autostart.autostart_file({"XDG_CONFIG_HOME": str(tmp_path / "cfg"), "HOME": "/home/x"}) == (
        tmp_path / "cfg" / "autostart" / "massage-gui.desktop"
    )
    assert autostart.autostart_file({"HOME": str(tmp_path)}) == tmp_path / ".config/autostart/massage-gui.desktop"
    relative = {"XDG_CONFIG_HOME": "cfg", "HOME": str(tmp_path)}  # not absolute: ignored, as XDG says
    assert autostart.autostart_file(relative) == tmp_path / ".config/autostart/massage-gui.desktop"


def test_supported_on_linux_only_for_now() -> None:
    assert autostart.supported("linux")
    assert autostart.supported("freebsd13")
    assert not autostart.supported("win32")
    assert not autostart.supported("darwin")


def _read(path: Path) -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str  # type: ignore[assignment,method-assign]
    parser.read_string(path.read_text(encoding="utf-8"))
    return parser["Desktop Entry"]


def test_written_when_turned_on_and_removed_when_turned_off(tmp_path: Path) -> None:
    path = autostart.autostart_file({"XDG_CONFIG_HOME": str(tmp_path / "config")})
    command = ["/opt/my apps/bin/massage-gui", "--tray"]
    assert autostart.set_autostart(True, path, command, "Reminders")
    entry = _read(path)
    assert entry["Type"] == "Application"
    assert entry["Exec"] == '"/opt/my apps/bin/massage-gui" --tray'
    assert shlex.split(entry["Exec"]) == command
    assert entry["Terminal"] == "false"
    assert autostart.is_set(path)
    assert sorted(p.name for p in path.parent.iterdir()) == ["massage-gui.desktop"]  # no temporary file left
    assert not autostart.set_autostart(True, path, command, "Reminders")  # unchanged: not rewritten
    assert autostart.set_autostart(False, path)
    assert not path.exists()
    assert not autostart.is_set(path)
    assert not autostart.set_autostart(False, path)  # already off


def test_the_entry_validates(tmp_path: Path) -> None:
    validator = shutil.which("desktop-file-validate")
    if validator is None:
        pytest.skip("desktop-file-validate is not installed")
    path = tmp_path / "autostart" / "massage-gui.desktop"
    autostart.set_autostart(True, path, ["/opt/100% apps/massage-gui", "--tray"], "Reminders\nat login")
    result = subprocess.run([validator, str(path)], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
    assert _read(path)["Exec"] == '"/opt/100%% apps/massage-gui" --tray'  # a literal % is doubled
    assert _read(path)["Comment"] == "Reminders at login"


def test_the_default_command_starts_the_app_in_the_tray() -> None:
    command = autostart.start_command()
    assert command[-1] == "--tray"
    assert command[0] == shutil.which("massage-gui") or command[:3] == [sys.executable, "-m", "massage_gui"]


def test_something_else_in_its_place_is_left_alone(tmp_path: Path) -> None:
    path = tmp_path / "autostart" / "massage-gui.desktop"
    path.mkdir(parents=True)
    with pytest.raises(DataError, match="is a folder"):
        autostart.set_autostart(True, path, ["x"])
    with pytest.raises(DataError, match="is a folder"):
        autostart.set_autostart(False, path)
    assert path.is_dir()


@pytest.mark.skipif(sys.platform == "win32" or os.geteuid() == 0, reason="needs a folder root cannot be kept out of")
def test_a_folder_that_cannot_be_written_gives_a_clear_error(tmp_path: Path) -> None:
    locked = tmp_path / "config"
    locked.mkdir(mode=0o500)
    with pytest.raises(DataError, match="cannot make the folder"):
        autostart.set_autostart(True, locked / "autostart" / "massage-gui.desktop", ["x"])
