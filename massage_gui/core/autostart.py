"""Starting at login: an XDG autostart entry (~/.config/autostart/massage-gui.desktop) on Linux and BSD."""

from __future__ import annotations

import os
import shutil
import stat
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path

from massage_gui import APP_ID
from massage_gui.core.atomic import atomic_write_text
from massage_gui.core.errors import DataError
from massage_gui.core.readfile import kind_of, read_regular_file

FILE_NAME = "massage-gui.desktop"
TRAY_FLAG = "--tray"


def supported(platform: str = sys.platform) -> bool:
    """Whether this system reads XDG autostart entries (Linux and the BSDs; not Windows or macOS yet)."""
    return platform.startswith(("linux", "freebsd", "openbsd", "netbsd"))


def autostart_file(environ: Mapping[str, str] | None = None) -> Path:
    """Where the entry goes: $XDG_CONFIG_HOME/autostart (an absolute XDG_CONFIG_HOME only, as the XDG
    rules say), else ~/.config/autostart."""
    environ = os.environ if environ is None else environ
    config = environ.get("XDG_CONFIG_HOME", "")
    base = Path(config) if config and os.path.isabs(config) else Path(environ.get("HOME") or Path.home()) / ".config"
    return base / "autostart" / FILE_NAME


def start_command() -> list[str]:
    """The command that starts the app in the tray: the installed launcher if it is on PATH, else this
    Python running the package."""
    launcher = shutil.which("massage-gui")
    return [launcher, TRAY_FLAG] if launcher else [sys.executable, "-m", "massage_gui", TRAY_FLAG]


def _exec_argument(arg: str) -> str:
    """One argument of a desktop entry's Exec key, quoted by its rules (and '%' doubled)."""
    arg = arg.replace("%", "%%")
    if arg and not any(c in arg for c in " \t\n\"'\\><~|&;$*?#()`"):
        return arg
    escaped = "".join("\\" + c if c in '"`$\\' else c for c in arg)
    return f'"{escaped}"'


def desktop_entry(command: Sequence[str], comment: str) -> str:
    """The autostart entry's text: an application started with ``command`` at login."""
    exec_line = " ".join(_exec_argument(arg) for arg in command)
    one_line = " ".join(comment.split())
    return (
        "[Desktop Entry]\n"
        "Type=Application\n"
        "Name=massage-gui\n"
        f"Comment={one_line}\n"
        f"Exec={exec_line}\n"
        f"Icon={APP_ID}\n"
        "Terminal=false\n"
        "X-GNOME-Autostart-enabled=true\n"
        "NoDisplay=false\n"
    )


def set_autostart(enabled: bool, path: Path, command: Sequence[str] | None = None, comment: str = "") -> bool:
    """Write the entry (atomically, making the autostart folder if needed) or remove it; True if the file
    changed. Raises DataError naming the path if it cannot be done, or if something that is not a
    regular file stands there (it is left alone)."""
    kind = _kind(path)
    if kind not in (None, "file"):
        raise DataError(f"{path}: is {kind}, not an autostart entry; leaving it alone")
    if not enabled:
        if kind is None:
            return False
        try:
            path.unlink()
        except FileNotFoundError:
            return False
        except OSError as exc:
            raise DataError(f"{path}: cannot remove the autostart entry ({exc.strerror or exc})") from None
        return True
    text = desktop_entry(command or start_command(), comment or "Reminders for your lymphatic self-massage")
    if kind == "file":
        try:
            if read_regular_file(path, 64 * 1024) == text.encode("utf-8"):
                return False
        except DataError:
            pass  # unreadable: written anew below
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise DataError(f"{path.parent}: cannot make the folder ({exc.strerror or exc})") from None
    atomic_write_text(path, text)
    return True


def is_set(path: Path) -> bool:
    return _kind(path) == "file"


def _kind(path: Path) -> str | None:
    """None if nothing is there, 'file' for a regular file, else what it is in words ('a folder')."""
    try:
        mode = os.lstat(path).st_mode
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise DataError(f"{path}: cannot look at the autostart entry ({exc.strerror or exc})") from None
    if stat.S_ISLNK(mode):
        try:
            mode = os.stat(path).st_mode
        except OSError:
            return "a broken link"
    return "file" if stat.S_ISREG(mode) else kind_of(mode)
