"""Where the app keeps its files: one folder under MASSAGE_GUI_HOME, else the platform's usual places."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

APP_NAME = "massage-gui"
HOME_ENV = "MASSAGE_GUI_HOME"


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
    def favourites_file(self) -> Path:
        return self.data_dir / "favourites.json"

    @property
    def history_file(self) -> Path:
        return self.data_dir / "history.sqlite3"

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
