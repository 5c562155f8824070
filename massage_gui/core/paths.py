"""Where the app keeps its files: one folder under MASSAGE_GUI_HOME, else the platform's usual places."""

from __future__ import annotations

import contextlib
import os
import stat
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from massage_gui.core.errors import DataError

APP_NAME = "massage-gui"
HOME_ENV = "MASSAGE_GUI_HOME"
PRIVATE_FOLDER_MODE = 0o700


_APP_FOLDER_ADVICE = "; move it away so massage-gui can keep its files there"


def _not_a_folder(path: Path, advice: str = _APP_FOLDER_ADVICE) -> DataError:
    return DataError(f"{path}: is a file, not a folder{advice}")


def check_folder(folder: Path, advice: str = _APP_FOLDER_ADVICE) -> None:
    """Raise DataError naming the path (and ending with ``advice``) if ``folder`` or a folder above it is
    a file; an absent folder is fine."""
    for path in (folder, *folder.parents):
        try:
            mode = os.stat(path).st_mode  # one look: another program may be making the folder right now
        except (FileNotFoundError, NotADirectoryError):
            continue
        except OSError:  # cannot look (no permission): whatever uses the folder will say so
            return
        if stat.S_ISDIR(mode):
            return
        raise _not_a_folder(path, advice)


def make_private_folder(folder: Path) -> None:
    """Create ``folder`` and any missing folder above it readable by the user only (0700), as the XDG base
    directory rules ask: history and favourites are nobody else's business.

    A folder that already exists is left exactly as it is, even if others may read it: the user (or an
    administrator) chose its permissions, and it may hold more than the app's files. Raises DataError
    naming the path if a file stands where a folder should be, or a folder cannot be made.
    """
    check_folder(folder)
    missing: list[Path] = []
    for path in (folder, *folder.parents):
        if path.is_dir():
            break
        missing.append(path)
    for path in reversed(missing):
        try:
            os.mkdir(path, PRIVATE_FOLDER_MODE)
        except FileExistsError:  # made meanwhile by another program (or it is a file: checked below)
            if not path.is_dir():
                raise _not_a_folder(path) from None
            continue
        except OSError as exc:
            check_folder(path)  # a file put above it meanwhile: say so
            raise DataError(f"{path}: cannot make the folder ({exc.strerror or exc})") from None
        with contextlib.suppress(OSError):  # a umask such as 0o277 must not make it unusable: exactly 0700
            os.chmod(path, PRIVATE_FOLDER_MODE)


@dataclass(frozen=True)
class AppPaths:
    """The folders the app writes to. Build with ``from_environment``; tests pass their own."""

    config_dir: Path
    data_dir: Path
    state_dir: Path

    @property
    def settings_file(self) -> Path:
        return self.config_dir / "settings.json"

    @property
    def ui_state_file(self) -> Path:
        return self.state_dir / "window-state.json"

    @property
    def diary_draft_file(self) -> Path:
        return self.state_dir / "diary-draft.json"

    @property
    def favourites_file(self) -> Path:
        return self.data_dir / "favourites.json"

    @property
    def history_file(self) -> Path:
        return self.data_dir / "history.sqlite3"

    def folders(self) -> tuple[Path, Path, Path]:
        return (self.config_dir, self.data_dir, self.state_dir)

    def create_folders(self) -> None:
        """Make the missing folders, private (see make_private_folder); the window does this at start."""
        for folder in self.folders():
            make_private_folder(folder)

    @classmethod
    def under(cls, home: Path) -> AppPaths:
        return cls(config_dir=home / "config", data_dir=home / "data", state_dir=home / "state")

    @classmethod
    def from_environment(cls, environ: Mapping[str, str] | None = None) -> AppPaths:
        environ = os.environ if environ is None else environ
        home = environ.get(HOME_ENV)
        if home:
            return cls.under(Path(home).expanduser().absolute())
        import platformdirs

        dirs = platformdirs.PlatformDirs(APP_NAME, appauthor=False)
        return cls(
            config_dir=Path(dirs.user_config_dir),
            data_dir=Path(dirs.user_data_dir),
            state_dir=Path(dirs.user_state_dir),
        )
