"""Every notice a store gives starts with the file's path, in one form (``PATH: what``), on one line."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from massage_gui.core.favourites import FAVOURITES_KIND
from massage_gui.core.settings_store import SETTINGS_KIND
from massage_gui.core.store import MAX_FILE_BYTES, DocumentKind, Store
from tests.core.test_favourites_load import ONE_BAD, ROUTINE, entry, favourites_file

KINDS: dict[str, DocumentKind[Any]] = {"settings": SETTINGS_KIND, "favourites": FAVOURITES_KIND}


def _document(name: str, data: str, version: str = "1") -> bytes:
    schema = f"massage-gui/{name}"
    return f'{{"schema": "{schema}", "schema_version": {version}, "data": {data}}}'.encode()


def _good(name: str) -> bytes:
    return _document(name, '{"favourites": []}' if name == "favourites" else '{"pace_s": 3.0}')


# name -> (file, backup or None): a situation that gives a notice
SITUATIONS: dict[str, tuple[str, Callable[[], bytes | None], Callable[[], bytes | None]]] = {
    "settings NaN": ("settings", lambda: _document("settings", '{"pace_s": NaN}'), lambda: None),
    "settings duplicate data": ("settings", lambda: _document("settings", '{}, "data": {}'), lambda: None),
    "settings bad value": ("settings", lambda: _document("settings", '{"pace_s": 99}'), lambda: None),
    "settings truncated": ("settings", lambda: _good("settings")[:25], lambda: _good("settings")),
    "settings not utf-8": ("settings", lambda: b'{"schema": "\xff"}', lambda: None),
    "settings too large": ("settings", lambda: _good("settings") + b" " * MAX_FILE_BYTES, lambda: None),
    "settings other schema": ("settings", lambda: _good("favourites"), lambda: None),
    "settings newer": ("settings", lambda: _document("settings", "{}", version="7"), lambda: None),
    "settings missing": ("settings", lambda: None, lambda: _good("settings")),
    "favourites NaN": ("favourites", lambda: _document("favourites", '{"x": NaN}'), lambda: None),
    "favourites left out": ("favourites", lambda: ONE_BAD, lambda: None),
    "favourites built-in id": ("favourites", lambda: favourites_file(entry("quick")), lambda: None),
    "favourites control characters": (
        "favourites",
        lambda: favourites_file(entry("a", routine={**ROUTINE, "name": "Bell\u0007"})),
        lambda: None,
    ),
    "favourites missing, backup left out": ("favourites", lambda: None, lambda: ONE_BAD),
    "favourites empty": ("favourites", lambda: b"", lambda: ONE_BAD),
}


@pytest.mark.parametrize("situation", list(SITUATIONS))
@pytest.mark.parametrize("repair", [True, False])
def test_every_notice_starts_with_the_files_path(tmp_path: Path, situation: str, repair: bool) -> None:
    name, file_bytes, backup_bytes = SITUATIONS[situation]
    path = tmp_path / f"{name}.json"
    raw, backup = file_bytes(), backup_bytes()
    if raw is not None:
        path.write_bytes(raw)
    if backup is not None:
        path.with_name(f"{name}.json.bak").write_bytes(backup)

    notice = Store(path, KINDS[name]).load(repair=repair).notice

    assert notice.startswith(f"{path}: "), notice
    assert notice.isprintable(), notice
    assert notice.endswith("."), notice
    assert notice.count(f"{path}") == 1, "the path is said once"


def test_the_damaged_files_own_words_follow_the_path(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    path.write_bytes(_document("settings", '{"pace_s": NaN}'))
    notice = Store(path, SETTINGS_KIND).load(repair=False).notice
    assert notice == f"{path}: data.pace_s: NaN is not allowed in JSON. Starting from defaults."
    path.write_bytes(b"[1, 2")
    notice = Store(path, SETTINGS_KIND).load(repair=False).notice
    assert notice.startswith(f"{path}: is not valid JSON: ")
    path.unlink()
    path.with_name("settings.json.bak").write_bytes(_good("settings"))
    notice = Store(path, SETTINGS_KIND).load(repair=False).notice
    assert notice == f"{path}: missing: using the backup settings.json.bak."
