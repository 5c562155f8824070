"""What the commands read: saved settings and favourites, loaded on first use, and how they print."""

from __future__ import annotations

import json
import sys
from typing import Any

from massage_gui.cli.parsing import PROG
from massage_gui.core.app_files import AppFiles
from massage_gui.core.favourites import Favourites
from massage_gui.core.paths import AppPaths, check_folder
from massage_gui.core.plain_text import escaped
from massage_gui.core.routine_library import RoutineLibrary
from massage_gui.core.settings import Settings


def warn(notice: str) -> None:
    if notice:
        print(f"{PROG}: warning: {escaped(notice)}", file=sys.stderr)


def print_json(data: Any) -> None:
    print(json.dumps(data, indent=2, ensure_ascii=False))


class Context:
    """Saved settings and favourites, never repaired here (the command line only reads them; the app
    fixes damaged files when it starts)."""

    def __init__(self) -> None:
        self.files = AppFiles(AppPaths.from_environment())
        self._settings: Settings | None = None
        self._favourites: Favourites | None = None

    @property
    def settings(self) -> Settings:
        if self._settings is None:
            check_folder(self.files.paths.config_dir)
            loaded = self.files.settings().load(repair=False)
            warn(loaded.notice)
            self._settings = loaded.value
        return self._settings

    @property
    def favourites(self) -> Favourites:
        if self._favourites is None:
            check_folder(self.files.paths.data_dir)
            loaded = self.files.favourites().load(repair=False)
            warn(loaded.notice)
            self._favourites = loaded.value
        return self._favourites

    def library(self) -> RoutineLibrary:
        return RoutineLibrary(self.favourites)
