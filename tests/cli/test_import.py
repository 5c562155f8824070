"""``massage-gui import``: the id it prints is the one saved, whatever another program saved meanwhile."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest

from massage_gui.core.app_files import AppFiles
from massage_gui.core.favourites import Favourites
from massage_gui.core.paths import AppPaths
from massage_gui.core.routine import Routine, Step
from massage_gui.core.store import Store
from tests.test_cli import VALID_FILE, run


def _files() -> AppFiles:
    return AppFiles(AppPaths.under(Path(os.environ["MASSAGE_GUI_HOME"])))


def _routine_file(folder: Path, name: str) -> Path:
    path = folder / f"{len(list(folder.iterdir()))}.json"
    path.write_text(json.dumps({**VALID_FILE, "name": name}), encoding="utf-8")
    return path


def _saved() -> Favourites:
    loaded = _files().favourites().load(repair=False)
    assert loaded.notice == ""
    return loaded.value


def test_import_prints_the_id_it_saved_when_another_program_took_that_id_meanwhile(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Another program saves a favourite under the same id between the import's read and its save: that
    one keeps its id (it may have printed it), and the import prints the id its own favourite got."""
    save = Store.save
    other = Routine("日本語", (Step("breathing", "breath", 3),))

    def another_program_saves_first(self: Store[Any], value: Any) -> bool:
        elsewhere = _files().favourites()
        mine, fav_id = elsewhere.load().value.add(other)
        assert fav_id == "routine"
        assert save(elsewhere, mine)
        return save(self, value)

    monkeypatch.setattr(Store, "save", another_program_saves_first)
    code, out, err = run(capsys, "import", str(_routine_file(tmp_path, "!!!")))
    assert (code, err) == (0, "")
    assert out == "routine-2\n"
    saved = _saved()
    assert saved.get("routine").routine == other
    assert saved.get("routine-2").routine.name == "!!!"
