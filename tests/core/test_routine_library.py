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


def test_the_app_follows_its_own_routine_when_another_program_took_its_id() -> None:
    """Bug: the window saved "Evening face" as `evening-face` and showed it; an import of another routine of
    that name, saved meanwhile, kept the id, and ours became `evening-face-2`. The window then switched to the
    other program's routine (the one now under the old id), and `last_routine` named it."""
    from massage_gui.core.app_state import AppState
    from massage_gui.core.settings import Settings

    state = AppState(Settings(safety_confirmed=True))
    base = state.library.favourites
    mine = state.library.save_as(_routine("Evening face", 3))
    assert state.select_routine(mine)
    theirs, _ = base.add(_routine("Evening face", 4))
    state.library.adopt(merge_favourites(base, state.library.favourites, theirs))
    assert state.routine_id == f"{mine}-2"
    assert state.plan.routine.steps[0].reps == 3, "still our routine"
    assert state.settings.last_routine == f"{mine}-2"


def test_during_a_session_the_app_follows_its_routine_when_the_session_ends() -> None:
    from massage_gui.core.app_state import AppState
    from massage_gui.core.sequencer import State
    from massage_gui.core.settings import Settings
    from tests.fake_clock import FakeClock

    state = AppState(Settings(safety_confirmed=True), clock=FakeClock(100.0))
    base = state.library.favourites
    mine = state.library.save_as(_routine("Evening face", 3))
    assert state.select_routine(mine)
    state.start()
    theirs, _ = base.add(_routine("Evening face", 4))
    state.library.adopt(merge_favourites(base, state.library.favourites, theirs))
    assert state.state is State.LEAD_IN, "the session goes on"
    assert state.plan.routine.steps[0].reps == 3
    state.stop()
    assert state.routine_id == f"{mine}-2"
    assert state.settings.last_routine == f"{mine}-2"
    assert state.summary is not None, "the ended session's summary is kept"
