"""Favourites changed by two programs at once (the app and `massage-gui import`) are merged, not lost."""

from __future__ import annotations

from pathlib import Path

from massage_gui.core.favourites import FAVOURITES_KIND, Favourites, merge_favourites
from massage_gui.core.library import builtin_ids, builtin_routines
from massage_gui.core.routine import Routine
from massage_gui.core.store import Store

ROUTINES = [e.routine for e in builtin_routines()]
BUILTIN_IDS = frozenset(builtin_ids())


def test_an_import_made_while_the_app_runs_survives_the_apps_next_save(tmp_path: Path) -> None:
    app = Store(tmp_path / "favourites.json", FAVOURITES_KIND)
    ours, first = app.load().value.add(ROUTINES[0])
    app.save(ours)
    cli = Store(tmp_path / "favourites.json", FAVOURITES_KIND)
    theirs, imported = cli.load().value.add(ROUTINES[1])
    cli.save(theirs)
    ours, added = ours.add(ROUTINES[2])
    assert app.save(ours)
    on_disk = Store(tmp_path / "favourites.json", FAVOURITES_KIND).load().value
    assert on_disk.ids() == [first, added, imported]
    assert app.value == on_disk


def test_merge_keeps_our_edits_and_their_untouched_changes() -> None:
    base, a = Favourites().add(ROUTINES[0])
    base, b = base.add(ROUTINES[1])
    ours = base.star(a, True)  # we starred a
    theirs = base.rename(b, "Renamed elsewhere").delete(a)  # they renamed b and deleted a
    merged = merge_favourites(base, ours, theirs)
    assert merged.get(a).starred, "our change wins over their delete"
    assert merged.get(b).routine.name == "Renamed elsewhere"


def test_merge_applies_their_delete_of_an_item_we_did_not_touch() -> None:
    base, a = Favourites().add(ROUTINES[0])
    base, b = base.add(ROUTINES[1])
    merged = merge_favourites(base, base, base.delete(b))
    assert merged.ids() == [a]


def test_both_sides_adding_the_same_id_keeps_both() -> None:
    base = Favourites()
    ours, mine = base.add(ROUTINES[0])
    theirs, other = base.add(ROUTINES[0].__class__(name=ROUTINES[0].name, steps=ROUTINES[1].steps))
    assert mine == other
    merged = merge_favourites(base, ours, theirs)
    assert len(merged.items) == 2
    assert len(set(merged.ids())) == 2


def test_when_both_sides_add_the_same_id_the_one_on_disk_keeps_it_and_ours_is_renamed() -> None:
    """Another program may already have printed or shown the id it saved: that favourite keeps it."""
    base = Favourites()
    ours, mine = base.add(Routine("!!!", ROUTINES[0].steps))
    theirs, other = base.add(Routine("日本語", ROUTINES[1].steps))
    assert mine == other == "routine"
    merged = merge_favourites(base, ours, theirs)
    assert merged.get("routine") == theirs.get("routine")
    assert merged.renamed == (("routine", "routine-2"),)
    assert merged.get("routine-2").routine == ours.get("routine").routine
    assert merged.id_after_merge("routine") == "routine-2"


def test_identical_favourites_added_on_both_sides_are_both_kept() -> None:
    """Two imports of the same file are two favourites, as they are one after the other."""
    base, kept = Favourites().add(ROUTINES[2])
    morning = Routine("Morning face", ROUTINES[0].steps)
    ours, mine = base.add(morning)
    ours = ours.star(mine, True)
    theirs, _ = base.add(morning)
    assert mine == "morning-face"
    merged = merge_favourites(base, ours, theirs)
    assert merged.ids() == [kept, "morning-face-2", "morning-face"]
    assert merged.get("morning-face") == theirs.get("morning-face")
    assert merged.get("morning-face-2").starred, "our new favourite keeps its star under its new id"
    assert merged.id_after_merge(mine) == "morning-face-2"
    assert merged.id_after_merge(kept) == kept


def test_a_renamed_favourite_never_takes_a_built_in_id_or_one_taken_on_either_side() -> None:
    base = Favourites()
    ours, mine = base.add(Routine("Quick", ROUTINES[0].steps), reserved=BUILTIN_IDS)
    ours, _ = ours.add(Routine("Quick 2", ROUTINES[0].steps), reserved=BUILTIN_IDS)
    theirs, other = base.add(Routine("Quick", ROUTINES[1].steps), reserved=BUILTIN_IDS)
    theirs, _ = theirs.add(Routine("Quick 3", ROUTINES[1].steps), reserved=BUILTIN_IDS)
    assert mine == other == "quick-2"
    merged = merge_favourites(base, ours, theirs)
    assert not set(merged.ids()) & BUILTIN_IDS
    assert len(set(merged.ids())) == len(merged.items) == 4
    assert merged.id_after_merge(mine) == "quick-4"


def test_a_merge_with_nothing_renamed_records_no_rename_and_later_changes_forget_it() -> None:
    base, a = Favourites().add(ROUTINES[0])
    ours, _ = base.add(ROUTINES[1])
    theirs, _ = base.add(ROUTINES[2])
    assert merge_favourites(base, ours, theirs).renamed == ()
    ours, _ = base.add(ROUTINES[1])
    theirs, _ = base.add(ROUTINES[1])
    merged = merge_favourites(base, ours, theirs)
    assert merged.renamed
    assert merged.star(a, True).renamed == (), "a rename is news of one merge only"
    assert merged == Favourites(merged.items), "and it is not part of the value"
