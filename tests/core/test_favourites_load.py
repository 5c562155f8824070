"""Loading favourites.json entry by entry: a favourite that cannot be read is left out and named, the rest
load; the file as it was is kept before anything is saved over it."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from massage_gui.core import store as store_module
from massage_gui.core.errors import DataError
from massage_gui.core.favourites import FAVOURITES_KIND, Favourites
from massage_gui.core.routine import Routine, Step
from massage_gui.core.store import Store

ROUTINE = {
    "schema": "massage-gui/routine",
    "version": 1,
    "name": "Morning",
    "steps": [{"area": "breathing", "stroke": "breath", "reps": 5}],
}


def entry(fav_id: Any, **changes: Any) -> dict[str, Any]:
    return {"id": fav_id, "starred": False, "routine": ROUTINE, **changes}


def favourites_file(*entries: Any) -> bytes:
    document = {"schema": "massage-gui/favourites", "schema_version": 1, "data": {"favourites": list(entries)}}
    return json.dumps(document, indent=2).encode("utf-8")


ONE_BAD = favourites_file(entry("a"), entry("b", starred="yes"), entry("c"))


@pytest.mark.parametrize(
    ("bad", "problem"),
    [
        (entry("b", starred="yes"), "favourites[1] 'b' left out (starred: expected true or false)"),
        (entry("a"), "favourites[1] 'a' left out (the id of favourites[0] again)"),
        (entry("Big B"), "favourites[1] 'Big B' left out (id: expected lower-case letters, digits and '-')"),
        (entry(7), "favourites[1] without an id left out (id: expected text, got 7)"),
        ({"routine": ROUTINE}, "favourites[1] without an id left out (id: expected text, got None)"),
        ("a favourite", "favourites[1] without an id left out (expected an object with id, starred and routine)"),
        (entry("b", colour="red"), "favourites[1] 'b' left out (expected an object with id, starred and routine)"),
        (
            entry("b", routine={**ROUTINE, "steps": [{"area": "breathing", "stroke": "breath", "reps": 0}]}),
            "favourites[1] 'b' left out (routine.steps[0].reps: ",
        ),
    ],
    ids=["starred text", "duplicate id", "bad id", "id a number", "no id", "not an object", "unknown key", "routine"],
)
def test_a_bad_favourite_is_left_out_and_named_and_the_others_load(bad: Any, problem: str) -> None:
    value, _, problems = FAVOURITES_KIND.decode(favourites_file(entry("a"), bad, entry("c")), "favourites.json")
    assert value.ids() == ["a", "c"]
    [found] = problems
    assert found.startswith(problem), found


def test_every_bad_favourite_is_named_in_the_order_of_the_file() -> None:
    raw = favourites_file(entry("a", starred=1), entry("b"), entry("b"), entry("c", routine={}))
    value, _, problems = FAVOURITES_KIND.decode(raw, "favourites.json")
    assert value.ids() == ["b"]
    assert [p.split(" left out")[0] for p in problems] == [
        "favourites[0] 'a'",
        "favourites[2] 'b'",
        "favourites[3] 'c'",
    ]


@pytest.mark.parametrize(
    "data",
    [{"favourites": {}}, {"favourites": [], "more": []}, {}],
    ids=["not a list", "unknown key", "empty"],
)
def test_a_file_not_shaped_as_favourites_is_still_damaged_as_a_whole(data: Any) -> None:
    raw = json.dumps({"schema": "massage-gui/favourites", "schema_version": 1, "data": data}).encode()
    with pytest.raises(DataError, match="expected exactly a 'favourites' list"):
        FAVOURITES_KIND.decode(raw, "favourites.json")


def _bad_files(folder: Path) -> list[Path]:
    return sorted(folder.glob("favourites.json.bad-*"))


def test_the_app_keeps_the_file_as_it_was_and_saves_the_favourites_it_could_read(tmp_path: Path) -> None:
    path = tmp_path / "favourites.json"
    path.write_bytes(ONE_BAD)
    store = Store(path, FAVOURITES_KIND)
    loaded = store.load()

    assert loaded.value.ids() == ["a", "c"]
    assert loaded.writable
    [kept] = _bad_files(tmp_path)
    assert kept.read_bytes() == ONE_BAD, "the left-out favourite is not lost"
    assert "favourites[1] 'b' left out (starred: expected true or false)" in loaded.notice
    assert loaded.notice.endswith(f". The file as it was is kept as {kept.name}.")
    assert "\n" not in loaded.notice
    again = Store(path, FAVOURITES_KIND).load()
    assert (again.value, again.notice) == (loaded.value, ""), "repaired once: the next start says nothing"
    assert _bad_files(tmp_path) == [kept]
    assert not (tmp_path / "favourites.json.bak").exists(), "a file with a bad entry is no backup"


def test_the_command_line_reads_the_good_favourites_and_changes_nothing(tmp_path: Path) -> None:
    path = tmp_path / "favourites.json"
    path.write_bytes(ONE_BAD)
    store = Store(path, FAVOURITES_KIND)
    loaded = store.load(repair=False)

    assert loaded.value.ids() == ["a", "c"]
    assert "favourites[1] 'b' left out (starred: expected true or false)" in loaded.notice
    assert "kept" not in loaded.notice
    assert (loaded.writable, store.writable) == (False, False)
    assert store.unwritable == (
        f"{path}: damaged (favourites[1] 'b' left out (starred: expected true or false)); "
        "the app repairs it when it starts"
    )
    assert sorted(p.name for p in tmp_path.iterdir()) == ["favourites.json"]
    assert path.read_bytes() == ONE_BAD


def test_a_bad_favourite_written_while_the_app_runs_is_kept_before_the_app_saves(tmp_path: Path) -> None:
    path = tmp_path / "favourites.json"
    store = Store(path, FAVOURITES_KIND)
    store.load()
    ours, _ = Favourites().add(Routine("Ours", (Step("breathing", "breath", 3),)))
    assert store.save(ours)
    path.write_bytes(ONE_BAD)  # someone edits the file by hand meanwhile

    assert store.save(ours.star("ours", True))

    [kept] = _bad_files(tmp_path)
    assert kept.read_bytes() == ONE_BAD
    saved = Store(path, FAVOURITES_KIND).load()
    assert saved.notice == ""
    assert set(saved.value.ids()) == {"ours", "a", "c"}


@pytest.mark.parametrize("main", ["missing", "damaged"])
def test_a_backup_with_a_bad_favourite_is_kept_as_it_was_when_the_app_uses_it(tmp_path: Path, main: str) -> None:
    """The backup is written over at the next save but one: its left-out favourite is kept before that."""
    path = tmp_path / "favourites.json"
    backup = tmp_path / "favourites.json.bak"
    backup.write_bytes(ONE_BAD)
    if main == "damaged":
        path.write_bytes(b"{")
    loaded = Store(path, FAVOURITES_KIND).load()
    assert loaded.value.ids() == ["a", "c"]
    [kept] = sorted(tmp_path.glob("favourites.json.bak.bad-*"))
    assert kept.read_bytes() == ONE_BAD
    assert (
        f"favourites.json.bak: favourites[1] 'b' left out (starred: expected true or false); it is kept as {kept.name}."
        in loaded.notice
    )


def test_the_command_line_does_not_save_when_the_backup_it_uses_has_a_bad_favourite(tmp_path: Path) -> None:
    path = tmp_path / "favourites.json"
    backup = tmp_path / "favourites.json.bak"
    backup.write_bytes(ONE_BAD)
    store = Store(path, FAVOURITES_KIND)
    loaded = store.load(repair=False)
    assert loaded.value.ids() == ["a", "c"]
    assert not store.writable
    assert store.unwritable.startswith(f"{backup}: damaged (favourites[1] 'b' left out")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["favourites.json.bak"]


def test_a_favourite_saved_under_a_built_in_id_gets_a_free_one() -> None:
    """A newer version may add a built-in under an id a favourite already has: the favourite stays reachable
    under a free id (the built-in keeps its own), and the notice says which."""
    raw = favourites_file(entry("quick"), entry("quick-2"), entry("neck", starred=True), entry("x"))
    value, _, problems = FAVOURITES_KIND.decode(raw, "favourites.json")
    assert value.ids() == ["quick-3", "quick-2", "neck-2", "x"]
    assert value.get("neck-2").starred
    assert problems == [
        "favourites[0] 'quick' is now 'quick-3' (a built-in routine has that id)",
        "favourites[2] 'neck' is now 'neck-2' (a built-in routine has that id)",
    ]
    again, _, problems_again = FAVOURITES_KIND.decode(FAVOURITES_KIND.encode(value), "favourites.json")
    assert (again, problems_again) == (value, [])


def test_the_command_line_names_the_damaged_file_not_the_backup_it_fell_back_on(tmp_path: Path) -> None:
    path = tmp_path / "favourites.json"
    path.write_bytes(b"{")
    (tmp_path / "favourites.json.bak").write_bytes(ONE_BAD)
    store = Store(path, FAVOURITES_KIND)
    assert store.load(repair=False).value.ids() == ["a", "c"]
    assert store.unwritable.startswith(f"{path}: damaged (is not valid JSON")


def test_when_what_could_be_read_cannot_be_saved_at_once_the_copy_is_kept_and_the_next_save_saves_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "favourites.json"
    path.write_bytes(ONE_BAD)
    write = store_module.atomic_write_bytes

    def fail_on_the_file(target: Path, data: bytes) -> None:
        if target == path:
            raise DataError(f"{target}: cannot save (No space left on device)")
        write(target, data)

    monkeypatch.setattr(store_module, "atomic_write_bytes", fail_on_the_file)
    store = Store(path, FAVOURITES_KIND)
    loaded = store.load()
    [kept] = _bad_files(tmp_path)
    assert loaded.notice.endswith(f"The file as it was is kept as {kept.name}.")
    assert loaded.writable
    assert path.read_bytes() == ONE_BAD
    monkeypatch.setattr(store_module, "atomic_write_bytes", write)
    assert store.save(loaded.value.star("a", True))
    assert Store(path, FAVOURITES_KIND).load().value.get("a").starred
    assert all(p.read_bytes() == ONE_BAD for p in _bad_files(tmp_path))
