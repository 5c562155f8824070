"""The routine library adopting favourites another program's changes were merged into."""

from __future__ import annotations

from massage_gui.core.favourites import Favourites, merge_favourites
from massage_gui.core.routine import Routine, Step
from massage_gui.core.routine_library import RoutineLibrary


def _routine(name: str, reps: int) -> Routine:
    return Routine(name, (Step("breathing", "breath", reps),))


def test_adopting_a_merge_that_renamed_our_new_favourite_says_so_before_the_change() -> None:
    library = RoutineLibrary()
    base = library.favourites
    mine = library.save_as(_routine("Evening face", 3))
    theirs, _ = base.add(_routine("Evening face", 4))
    heard: list[object] = []
    library.renamed.connect(lambda renames: heard.append(("renamed", renames, library.favourites)))
    library.changed.connect(lambda favourites: heard.append(("changed", favourites)))

    merged = merge_favourites(base, library.favourites, theirs)
    library.adopt(merged)

    assert heard == [("renamed", {mine: f"{mine}-2"}, merged), ("changed", merged)]
    assert library.favourites.get(f"{mine}-2").routine.steps[0].reps == 3
    assert library.favourites.get(mine).routine.steps[0].reps == 4


def test_adopting_without_a_rename_only_tells_the_change() -> None:
    library = RoutineLibrary()
    base = library.favourites
    library.save_as(_routine("Mine", 3))
    theirs, _ = base.add(_routine("Theirs", 4))
    heard: list[str] = []
    library.renamed.connect(lambda _renames: heard.append("renamed"))
    library.changed.connect(lambda _favourites: heard.append("changed"))
    library.adopt(merge_favourites(base, library.favourites, theirs))
    library.adopt(Favourites(library.favourites.items))  # the same again: nothing to tell
    assert heard == ["changed"]
