"""Favourites changed by two programs at once (the app and `massage-gui import`) are merged, not lost."""

from __future__ import annotations

from pathlib import Path

from massage_gui.core.favourites import FAVOURITES_KIND, Favourites, merge_favourites
from massage_gui.core.library import builtin_routines
from massage_gui.core.store import Store

ROUTINES = [e.routine for e in builtin_routines()]


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
