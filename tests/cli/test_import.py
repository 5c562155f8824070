"""``massage-gui import``: the id it prints is the one saved, whatever another program saved meanwhile."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path
from typing import Any

import pytest

from massage_gui.core.app_files import AppFiles
from massage_gui.core.favourites import Favourites
from massage_gui.core.paths import AppPaths
from massage_gui.core.routine import Routine, Step, routine_to_json
from massage_gui.core.store import MAX_FILE_BYTES, Store
from tests.core.test_favourites_load import ONE_BAD, ROUTINE, entry, favourites_file
from tests.core.test_store_writes import big_routine, many, most_that_fit
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


def test_an_import_that_would_make_the_favourites_too_large_to_read_changes_nothing(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    routine = big_routine("Big")
    source = tmp_path / "big.json"
    source.write_text(routine_to_json(routine), encoding="utf-8")
    fits = most_that_fit(routine)
    store = _files().favourites()
    store.load()
    assert store.save(many(routine, fits))
    home = Path(os.environ["MASSAGE_GUI_HOME"])
    before = {p.name: p.read_bytes() for p in (home / "data").iterdir()}

    code, out, err = run(capsys, "import", str(source))

    path = _files().paths.favourites_file
    assert (code, out) == (2, "")
    assert re.fullmatch(
        rf"massage-gui: error: {re.escape(str(path))}: not saved: it would be \d+ bytes, more than the "
        rf"{MAX_FILE_BYTES} a file may hold\n",
        err,
    ), err
    assert {p.name: p.read_bytes() for p in (home / "data").iterdir()} == before
    assert len(_saved().items) == fits


def test_import_with_a_damaged_favourites_file_changes_nothing_and_says_the_app_repairs_it(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    store = _files().favourites()
    store.load()
    assert store.save(Favourites().add(Routine("Kept", (Step("breathing", "breath", 3),)))[0])
    assert store.save(Favourites().add(Routine("Kept too", (Step("breathing", "breath", 4),)))[0])
    path = _files().paths.favourites_file
    path.write_bytes(path.read_bytes()[:60])
    home = Path(os.environ["MASSAGE_GUI_HOME"])
    before = {p.name: p.read_bytes() for p in (home / "data").iterdir()}

    code, out, err = run(capsys, "import", str(_routine_file(tmp_path, "Morning face")))

    assert (code, out) == (2, "")
    assert err.startswith(f"massage-gui: error: {path}: damaged (")
    assert err.endswith("); the app repairs it when it starts. Nothing was imported.\n")
    assert err.count("\n") == 1
    assert {p.name: p.read_bytes() for p in (home / "data").iterdir()} == before


def test_import_never_changes_a_favourites_file_of_a_newer_version(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = _files().paths.favourites_file
    path.parent.mkdir(parents=True, exist_ok=True)
    newer = b'{"schema": "massage-gui/favourites", "schema_version": 9, "data": {"lists": []}}'
    path.write_bytes(newer)
    code, out, err = run(capsys, "import", str(_routine_file(tmp_path, "Morning face")))
    assert (code, out) == (2, "")
    assert err == (
        f"massage-gui: error: {path}: written by a newer version of massage-gui (schema 9). Nothing was imported.\n"
    )
    assert path.read_bytes() == newer


def test_one_bad_favourite_is_named_and_the_others_are_listed(capsys: pytest.CaptureFixture[str]) -> None:
    path = _files().paths.favourites_file
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(ONE_BAD)
    code, out, err = run(capsys, "routines")
    assert code == 0
    assert [line.split()[0] for line in out.splitlines() if " saved " in line] == ["a", "c"]
    assert err.startswith("massage-gui: warning: ")
    assert "favourites[1] 'b' left out (starred: expected true or false)" in err
    assert err.count("\n") == 1
    assert path.read_bytes() == ONE_BAD
    assert sorted(p.name for p in path.parent.iterdir()) == ["favourites.json"]


def test_import_with_a_bad_favourite_in_the_file_changes_nothing(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = _files().paths.favourites_file
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(ONE_BAD)
    code, out, err = run(capsys, "import", str(_routine_file(tmp_path, "Morning face")))
    assert (code, out) == (2, "")
    assert err == (
        f"massage-gui: error: {path}: damaged (favourites[1] 'b' left out (starred: expected true or false)); "
        "the app repairs it when it starts. Nothing was imported.\n"
    )
    assert path.read_bytes() == ONE_BAD


def test_a_favourite_saved_under_a_built_in_id_is_listed_once_under_a_free_id(
    capsys: pytest.CaptureFixture[str],
) -> None:
    path = _files().paths.favourites_file
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(favourites_file(entry("quick", routine={**ROUTINE, "name": "My quick one"})))
    code, out, err = run(capsys, "routines")
    assert code == 0
    ids = [line.split()[0] for line in out.splitlines()]
    assert ids.count("quick") == 1
    assert "quick-2" in ids
    assert err == (
        f"massage-gui: warning: {path}: favourites[0] 'quick' is now 'quick-2' (a built-in routine has that id).\n"
    )
    code, out, _ = run(capsys, "plan", "quick-2", "--json")
    assert json.loads(out)["routine"] == {"id": "quick-2", "name": "My quick one"}
    code, out, _ = run(capsys, "plan", "quick", "--json")
    assert json.loads(out)["routine"]["name"] == "Quick"
