"""The app's files in one place: settings, favourites and window state, each a versioned Store."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from massage_gui.core.errors import DataError
from massage_gui.core.favourites import FAVOURITES_KIND, Favourites
from massage_gui.core.paths import AppPaths
from massage_gui.core.settings import Settings
from massage_gui.core.settings_store import SETTINGS_KIND
from massage_gui.core.store import DocumentKind, Store

if TYPE_CHECKING:
    from massage_gui.core.diary_draft import DiaryDraft


def _parse_window_state(body: dict[str, Any]) -> dict[str, str]:
    if not all(isinstance(k, str) and isinstance(v, str) and len(v) < 10_000 for k, v in body.items()):
        raise DataError("window state: expected text values")
    return dict(body)


WINDOW_STATE_KIND: DocumentKind[dict[str, str]] = DocumentKind(
    schema="massage-gui/window-state", version=1, parse=_parse_window_state, dump=dict, default=dict
)


@dataclass(frozen=True)
class AppFiles:
    """Stores for every file the app writes, under one AppPaths; a save makes its folder if it is missing
    (private: see AppPaths.create_folders)."""

    paths: AppPaths

    def settings(self) -> Store[Settings]:
        return Store(self.paths.settings_file, SETTINGS_KIND, make_folder=True)

    def favourites(self) -> Store[Favourites]:
        return Store(self.paths.favourites_file, FAVOURITES_KIND, make_folder=True)

    def window_state(self) -> Store[dict[str, str]]:
        return Store(self.paths.ui_state_file, WINDOW_STATE_KIND, make_folder=True)

    def diary_draft(self) -> Store[DiaryDraft]:
        from massage_gui.core.diary_draft import DIARY_DRAFT_KIND  # read at start only when the file is there

        return Store(self.paths.diary_draft_file, DIARY_DRAFT_KIND, make_folder=True)
