"""What a store may save over: never a file too large to be read back, never a damaged file it did not
keep (the command line, which reads without repairing, refuses; the app moves it aside first)."""

from __future__ import annotations

from pathlib import Path

import pytest

from massage_gui.core import store as store_module
from massage_gui.core.errors import DataError
from massage_gui.core.favourites import FAVOURITES_KIND, Favourites
from massage_gui.core.routine import Routine, Step
from massage_gui.core.store import MAX_FILE_BYTES, Store


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def big_routine(name: str) -> Routine:
    """A valid routine of about 100 KB as favourites.json holds it: 200 steps, each with a long cue."""
    return Routine(name, tuple(Step("cheeks", "stretch", 5, "submandibular", cue="頬" * 120) for _ in range(200)))


def many(routine: Routine, count: int) -> Favourites:
    favourites = Favourites()
    for _ in range(count):
        favourites, _ = favourites.add(routine)
    return favourites


def most_that_fit(routine: Routine) -> int:
    """How many copies of ``routine`` favourites.json can hold within the size a file may have."""

    def size(count: int) -> int:
        return len(FAVOURITES_KIND.encode(many(routine, count)))

    one, two = size(1), size(2)
    count = (MAX_FILE_BYTES - one) // (two - one) + 1  # the ids grow longer: a first guess, then exact
    while size(count) > MAX_FILE_BYTES:
        count -= 1
    while size(count + 1) <= MAX_FILE_BYTES:
        count += 1
    return count


def test_a_save_larger_than_a_file_may_be_read_is_refused_and_changes_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(store_module, "MAX_FILE_BYTES", 300_000)
    path = tmp_path / "favourites.json"
    store = Store(path, FAVOURITES_KIND)
    favourites = store.load().value
    favourites, _ = favourites.add(big_routine("One"))
    assert store.save(favourites)
    favourites, _ = favourites.add(big_routine("Two"))
    assert store.save(favourites)
    assert store.save(favourites.rename("two", "Two, renamed")), "the backup is written too"
    before = _snapshot(tmp_path)

    too_big, _ = favourites.add(big_routine("Three"))
    with pytest.raises(DataError) as raised:
        store.save(too_big)

    size = len(FAVOURITES_KIND.encode(too_big))
    assert str(raised.value) == (f"{path}: not saved: it would be {size} bytes, more than the 300000 a file may hold")
    assert _snapshot(tmp_path) == before, "nothing written, nothing moved aside"
    assert Store(path, FAVOURITES_KIND).load().value == favourites.rename("two", "Two, renamed")
    assert store.save(favourites), "a smaller value saves again"


GOOD = Favourites().add(Routine("Morning", (Step("breathing", "breath", 5),)))[0]
OTHER = GOOD.add(Routine("Evening", (Step("breathing", "breath", 3),)))[0]


@pytest.mark.parametrize("exists", [True, False])
def test_a_good_or_missing_file_read_without_repair_may_be_saved_over(tmp_path: Path, exists: bool) -> None:
    path = tmp_path / "favourites.json"
    if exists:
        assert Store(path, FAVOURITES_KIND).save(GOOD)
    store = Store(path, FAVOURITES_KIND)
    loaded = store.load(repair=False)
    assert (loaded.writable, store.writable, store.unwritable) == (True, True, "")
    assert store.save(OTHER)
    assert Store(path, FAVOURITES_KIND).load().value == OTHER
    assert (tmp_path / "favourites.json.bak").exists() == exists


def test_a_damaged_file_read_without_repair_says_why_it_may_not_be_saved_over(tmp_path: Path) -> None:
    path = tmp_path / "favourites.json"
    path.write_bytes(FAVOURITES_KIND.encode(GOOD)[:30])
    before = _snapshot(tmp_path)
    store = Store(path, FAVOURITES_KIND)
    loaded = store.load(repair=False)
    assert (loaded.writable, store.writable) == (False, False)
    assert store.unwritable.startswith(f"{path}: damaged (")
    assert store.unwritable.endswith("); the app repairs it when it starts")
    assert "\n" not in store.unwritable
    assert store.save(OTHER) is False
    assert _snapshot(tmp_path) == before


def test_without_repair_a_file_damaged_after_the_load_is_not_saved_over(tmp_path: Path) -> None:
    path = tmp_path / "favourites.json"
    assert Store(path, FAVOURITES_KIND).save(GOOD)
    store = Store(path, FAVOURITES_KIND)
    store.load(repair=False)
    path.write_bytes(b'{"schema": "massage-gui/fav')  # another tool, mid-write
    before = _snapshot(tmp_path)
    with pytest.raises(DataError) as raised:
        store.save(OTHER)
    assert str(raised.value).startswith(f"{path}: damaged (")
    assert str(raised.value).endswith("); the app repairs it when it starts")
    assert _snapshot(tmp_path) == before


def test_the_app_moves_a_file_damaged_after_its_load_aside_before_saving_over_it(tmp_path: Path) -> None:
    path = tmp_path / "favourites.json"
    store = Store(path, FAVOURITES_KIND)
    store.load()
    assert store.save(GOOD)
    damaged = b'{"schema": "massage-gui/fav'
    path.write_bytes(damaged)
    assert store.save(OTHER)
    assert [p.read_bytes() for p in tmp_path.glob("favourites.json.bad-*")] == [damaged]
    assert Store(path, FAVOURITES_KIND).load().value == OTHER


def test_a_file_saved_by_another_program_while_it_is_read_is_not_missing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The load looked for the file before another program first saved it, and for the backup after a second save
    had written one: the file is there all the same (a save writes the backup only while the file is), and it is
    what loads, with no notice that it was missing (seen with eight imports of one routine at once)."""
    path = tmp_path / "favourites.json"
    older, newer = many(big_routine("Older"), 1), many(big_routine("Newer"), 2)
    store = Store(path, FAVOURITES_KIND)
    saved_meanwhile = [False]
    real_exists = Path.exists

    def exists(self: Path) -> bool:
        if self == path and not saved_meanwhile[0]:
            saved_meanwhile[0] = True  # not there at the first look; two saves of another program come next
            Store(path, FAVOURITES_KIND).save(older)
            other = Store(path, FAVOURITES_KIND)
            other.load()
            other.save(newer)
            return False
        return real_exists(self)

    monkeypatch.setattr(Path, "exists", exists)
    loaded = store.load()
    assert (tmp_path / "favourites.json.bak").exists()
    assert loaded.notice == ""
    assert loaded.value == newer


def test_remove_deletes_the_file_and_its_backup_and_a_missing_one_is_no_error(tmp_path: Path) -> None:
    store = Store(tmp_path / "favourites.json", FAVOURITES_KIND)
    store.save(many(big_routine("a"), 1))
    store.save(many(big_routine("b"), 1))  # the first becomes the backup
    assert store.backup.exists()
    store.remove()
    assert not store.path.exists()
    assert not store.backup.exists()
    store.remove()
    assert store.load().value == Favourites()


def test_a_file_that_cannot_be_removed_is_named(tmp_path: Path) -> None:
    store = Store(tmp_path / "favourites.json", FAVOURITES_KIND)
    store.path.mkdir()  # a folder where the file should be: unlink fails
    with pytest.raises(DataError, match=r"favourites\.json: cannot be removed"):
        store.remove()
