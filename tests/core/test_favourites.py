"""Favourites as a value: ids from names, and every change (add, rename, update, star, duplicate, delete,
move) returning a new list that still saves and loads."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import settings as hyp_settings
from hypothesis import strategies as st

from massage_gui.core.errors import DataError, RoutineError
from massage_gui.core.favourites import FAVOURITES_KIND, MAX_FAVOURITES, Favourite, Favourites, slugify
from massage_gui.core.library import builtin_ids
from massage_gui.core.routine import Routine, Step
from massage_gui.core.store import Store
from tests.core.test_routine import plain_text

ID = re.compile(r"^[a-z0-9][a-z0-9-]{0,63}$")
BUILTIN_IDS = frozenset(builtin_ids())


def routine(name: str, reps: int = 5) -> Routine:
    return Routine(name, (Step("breathing", "breath", reps), Step("cheeks", "stretch", 7, "submandibular")))


def build(*names: str) -> tuple[Favourites, list[str]]:
    favourites, ids = Favourites(), []
    for name in names:
        favourites, fav_id = favourites.add(routine(name))
        ids.append(fav_id)
    return favourites, ids


def reloaded(favourites: Favourites) -> Favourites:
    value, _, problems = FAVOURITES_KIND.decode(FAVOURITES_KIND.encode(favourites), "favourites.json")
    assert problems == []
    return value


# -- add -----------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Morning face", "morning-face"),
        ("  Morning   Face!! ", "morning-face"),
        ("Abend: Kiefer & Stirn", "abend-kiefer-stirn"),
        ("Gesichtsmassage für die Nacht", "gesichtsmassage-f-r-die-nacht"),
        ("3 minute neck", "3-minute-neck"),
        ("---", "routine"),
        ("顔のマッサージ", "routine"),
        ("x" * 100, "x" * 48),
        ("a" * 47 + " b", "a" * 47),
    ],
)
def test_add_makes_the_id_from_the_name(name: str, expected: str) -> None:
    favourites, fav_id = Favourites().add(routine(name))
    assert fav_id == expected == slugify(name)
    assert favourites.ids() == [fav_id]
    assert favourites.get(fav_id) == Favourite(fav_id, routine(name), starred=False)


def test_add_keeps_ids_unique() -> None:
    favourites, ids = build("Morning face", "Morning face", "morning FACE", "Morning-face-2")
    assert ids == ["morning-face", "morning-face-2", "morning-face-3", "morning-face-2-2"]
    assert favourites.ids() == ids


@pytest.mark.parametrize("builtin", sorted(BUILTIN_IDS))
def test_add_never_takes_a_reserved_id(builtin: str) -> None:
    favourites, fav_id = Favourites().add(routine(builtin.title()), reserved=BUILTIN_IDS)
    assert fav_id == f"{builtin}-2"
    favourites, again = favourites.add(routine(builtin), reserved=BUILTIN_IDS)
    assert again == f"{builtin}-3"


def test_add_appends_and_leaves_the_original_alone() -> None:
    before, ids = build("One", "Two")
    after, three = before.add(routine("Three"))
    assert before.ids() == ids
    assert after.ids() == [*ids, three]


@hyp_settings(max_examples=200, deadline=None)
@given(st.lists(plain_text(min_size=1, max_size=100).filter(str.strip), min_size=1, max_size=12))
def test_any_names_give_valid_unique_unreserved_ids_that_save(names: list[str]) -> None:
    favourites = Favourites()
    for name in names:
        favourites, fav_id = favourites.add(routine(name), reserved=BUILTIN_IDS)
        assert ID.match(fav_id)
        assert fav_id not in BUILTIN_IDS
    assert len(set(favourites.ids())) == len(names)
    assert reloaded(favourites) == favourites


def test_at_most_500_favourites() -> None:
    favourites = Favourites(tuple(Favourite(f"r{i}", routine(f"R {i}")) for i in range(MAX_FAVOURITES - 1)))
    favourites, last = favourites.add(routine("Last"))
    assert len(favourites.items) == MAX_FAVOURITES
    with pytest.raises(DataError, match="at most 500 favourites"):
        favourites.add(routine("One too many"))
    with pytest.raises(DataError, match="at most 500 favourites"):
        favourites.duplicate(last)
    assert len(favourites.items) == MAX_FAVOURITES


# -- rename, update, star ------------------------------------------------------------------------------------


def test_rename_changes_only_the_name() -> None:
    favourites, [a, b] = build("Morning face", "Evening")
    favourites = favourites.star(a, True)
    renamed = favourites.rename(a, "Wake-up routine")
    assert renamed.ids() == [a, b]  # the id stays: settings and the command line refer to it
    assert renamed.get(a).routine == routine("Wake-up routine")
    assert renamed.get(a).starred
    assert renamed.get(b) == favourites.get(b)
    assert favourites.get(a).routine.name == "Morning face"
    assert reloaded(renamed) == renamed


@pytest.mark.parametrize("name", ["", "   ", "x" * 101])
def test_rename_to_an_invalid_name_is_refused(name: str) -> None:
    favourites, [a] = build("Morning face")
    with pytest.raises(RoutineError, match="name"):
        favourites.rename(a, name)


def test_update_replaces_the_routine_and_keeps_id_star_and_place() -> None:
    favourites, [a, b, c] = build("A", "B", "C")
    favourites = favourites.star(b, True)
    new = Routine("B, longer", (Step("forehead", "sweep", 9, "preauricular"),), description="edited")
    updated = favourites.update(b, new)
    assert updated.ids() == [a, b, c]
    assert updated.get(b) == Favourite(b, new, starred=True)
    assert reloaded(updated) == updated


def test_star_and_unstar() -> None:
    favourites, [_, b] = build("A", "B")
    starred = favourites.star(b, True)
    assert [f.starred for f in starred.items] == [False, True]
    assert [f.starred for f in starred.star(b, False).items] == [False, False]
    assert [f.starred for f in favourites.items] == [False, False]
    assert reloaded(starred) == starred


# -- duplicate ---------------------------------------------------------------------------------------------


def test_duplicate_is_inserted_after_the_original() -> None:
    favourites, [a, b, c] = build("A", "Morning face", "C")
    favourites = favourites.star(b, True)
    copied, new_id = favourites.duplicate(b)
    assert new_id == "morning-face-copy"
    assert copied.ids() == [a, b, new_id, c]
    copy = copied.get(new_id)
    assert copy.routine.name == "Morning face (copy)"
    assert copy.routine.steps == favourites.get(b).routine.steps
    assert not copy.starred
    assert copied.get(b) == favourites.get(b)
    assert favourites.ids() == [a, b, c]
    again, second = copied.duplicate(b)
    assert second == "morning-face-copy-2"
    assert again.ids() == [a, b, second, new_id, c]
    assert reloaded(again) == again


@pytest.mark.parametrize("length", [92, 93, 94, 99, 100])
def test_duplicate_of_a_long_name_still_says_copy_within_100_characters(length: int) -> None:
    name = "y" * length
    favourites, [a] = build(name)
    copied, new_id = favourites.duplicate(a)
    copy_name = copied.get(new_id).routine.name
    assert len(copy_name) <= 100
    assert copy_name.endswith(" (copy)")
    assert copy_name.startswith("y" * 90)
    assert new_id != a
    assert reloaded(copied) == copied


def test_duplicate_never_takes_a_reserved_id() -> None:
    favourites = Favourites((Favourite("standard-2", routine("Standard")),))
    copied, new_id = favourites.duplicate("standard-2", reserved=frozenset({"standard-copy"}))
    assert new_id == "standard-copy-2"
    assert copied.ids() == ["standard-2", "standard-copy-2"]


# -- delete and move --------------------------------------------------------------------------------------


def test_delete_removes_only_that_one() -> None:
    favourites, [a, b, c] = build("A", "B", "C")
    assert favourites.delete(b).ids() == [a, c]
    assert favourites.delete(a).delete(c).ids() == [b]
    assert favourites.delete(a).delete(b).delete(c) == Favourites()
    assert favourites.ids() == [a, b, c]


@pytest.mark.parametrize(
    ("move", "index", "order"),
    [
        ("a", 0, "abcd"),
        ("a", 2, "bcad"),
        ("a", 3, "bcda"),
        ("d", 0, "dabc"),
        ("c", 1, "acbd"),
        ("b", 99, "acdb"),  # clamped to the end
        ("c", -5, "cabd"),  # clamped to the start
        ("d", -1, "dabc"),  # not counted from the end
    ],
)
def test_move_to_an_index_clamped_to_the_list(move: str, index: int, order: str) -> None:
    favourites, _ = build("a", "b", "c", "d")
    moved = favourites.move(move, index)
    assert "".join(moved.ids()) == order
    assert sorted(moved.items, key=lambda f: f.id) == sorted(favourites.items, key=lambda f: f.id)


# -- unknown ids ------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "change",
    [
        lambda f: f.get("nope"),
        lambda f: f.rename("nope", "New"),
        lambda f: f.update("nope", routine("New")),
        lambda f: f.star("nope", True),
        lambda f: f.duplicate("nope"),
        lambda f: f.delete("nope"),
        lambda f: f.move("nope", 0),
    ],
    ids=["get", "rename", "update", "star", "duplicate", "delete", "move"],
)
def test_an_unknown_id_is_a_key_error(change: Callable[[Favourites], object]) -> None:
    favourites, _ = build("A", "B")
    with pytest.raises(KeyError, match="nope"):
        change(favourites)


def test_an_empty_list_knows_no_id() -> None:
    with pytest.raises(KeyError):
        Favourites().get("a")
    with pytest.raises(KeyError):
        Favourites().move("a", 0)


# -- any sequence of changes -------------------------------------------------------------------------------


actions = st.lists(
    st.tuples(
        st.sampled_from(["add", "rename", "star", "duplicate", "delete", "move"]),
        st.integers(0, 20),
        plain_text(min_size=1, max_size=30).filter(str.strip),
    ),
    max_size=25,
)


@hyp_settings(max_examples=150, deadline=None)
@given(actions)
def test_any_sequence_of_changes_keeps_a_valid_list(steps: list[tuple[str, int, str]]) -> None:
    favourites = Favourites()
    for action, n, name in steps:
        ids = favourites.ids()
        target = ids[n % len(ids)] if ids else "missing"
        if action == "add" or not ids:
            favourites, _ = favourites.add(routine(name), reserved=BUILTIN_IDS)
        elif action == "rename":
            favourites = favourites.rename(target, name)
        elif action == "star":
            favourites = favourites.star(target, n % 2 == 0)
        elif action == "duplicate":
            favourites, _ = favourites.duplicate(target, reserved=BUILTIN_IDS)
        elif action == "delete":
            favourites = favourites.delete(target)
        else:
            favourites = favourites.move(target, n - 5)
        assert len(set(favourites.ids())) == len(favourites.items)
        assert all(ID.match(i) and i not in BUILTIN_IDS for i in favourites.ids())
    assert reloaded(favourites) == favourites


# -- control characters saved by an older version ----------------------------------------------------------


def _saved_file(names_and_cues: list[tuple[str, str]]) -> bytes:
    favourites = [
        {
            "id": f"fav-{i}",
            "starred": i == 0,
            "routine": {
                "schema": "massage-gui/routine",
                "version": 1,
                "name": name,
                "description": "Line one\nline two",
                "steps": [{"area": "breathing", "stroke": "breath", "reps": 5, "cue": cue}],
            },
        }
        for i, (name, cue) in enumerate(names_and_cues)
    ]
    document = {"schema": "massage-gui/favourites", "schema_version": 1, "data": {"favourites": favourites}}
    return json.dumps(document).encode("utf-8")


def test_saved_control_characters_are_removed_on_load_and_the_rest_is_kept(tmp_path: Path) -> None:
    """A favourites file written before control characters were refused still loads, every favourite in it:
    the characters are taken out (line breaks become spaces) and a notice says which favourites changed."""
    path = tmp_path / "favourites.json"
    path.write_bytes(_saved_file([("Morning", "Skin only"), ("\x1b[31mRed\x1b[0m", "a\x00b"), ("Two\nlines", "")]))
    loaded = Store(path, FAVOURITES_KIND).load()
    assert [f.routine.name for f in loaded.value.items] == ["Morning", "[31mRed[0m", "Two lines"]
    assert [f.routine.steps[0].cue for f in loaded.value.items] == ["Skin only", "ab", ""]
    assert loaded.value.items[0].routine.description == "Line one\nline two"
    assert loaded.value.get("fav-0").starred
    assert loaded.notice == f"{path}: control characters removed from fav-1 (name, steps[0].cue), fav-2 (name)."
    assert loaded.notice.isprintable()
    assert not list(tmp_path.glob("*.bad-*")), "not treated as a damaged file"


def test_a_name_of_only_control_characters_gets_a_placeholder(tmp_path: Path) -> None:
    path = tmp_path / "favourites.json"
    path.write_bytes(_saved_file([("\x1b\x07", "")]))
    loaded = Store(path, FAVOURITES_KIND).load()
    assert loaded.value.items[0].routine.name == "Unnamed routine"
    assert "fav-0 (name)" in loaded.notice
