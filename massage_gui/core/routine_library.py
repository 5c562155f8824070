"""The routines a user can pick: the built-ins, their saved favourites, and files opened for this run."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from massage_gui.core.atomic import atomic_write_text
from massage_gui.core.favourites import Favourites
from massage_gui.core.library import RoutineEntry, builtin_routines
from massage_gui.core.observable import Emitter
from massage_gui.core.routine import Routine, load_routine_file, routine_to_json


class RoutineLibrary:
    """Holds the built-ins and the favourites; every change makes a new ``Favourites`` value.

    Events:
        edited(Favourites): the user changed the favourites here (save them).
        renamed(dict[str, str]): adopting another program's changes gave some of the favourites added here
            new ids (old id: new id), because that program had saved others under those ids first; comes
            before the ``changed`` it belongs to, so that whatever showed the old id can follow.
        changed(Favourites): the favourites changed, here or by adopting another program's changes.
    """

    def __init__(self, favourites: Favourites | None = None, extra: Sequence[RoutineEntry] = ()) -> None:
        self._builtins = builtin_routines()
        self._favourites = favourites or Favourites()
        self._extra = tuple(extra)  # routines opened from a file for this run only (never saved)
        self.edited: Emitter[Favourites] = Emitter("edited")
        self.renamed: Emitter[dict[str, str]] = Emitter("renamed")
        self.changed: Emitter[Favourites] = Emitter("changed")

    # -- queries -----------------------------------------------------------------------------------

    @property
    def favourites(self) -> Favourites:
        return self._favourites

    def builtin_ids(self) -> frozenset[str]:
        return frozenset(e.id for e in self._builtins)

    def entries(self) -> list[RoutineEntry]:
        """Built-ins first, then the favourites in the user's order, then routines opened from files."""
        saved = [RoutineEntry(f.id, "saved", f.routine) for f in self._favourites.items]
        return [*self._builtins, *saved, *self._extra]

    def entry(self, routine_id: str) -> RoutineEntry | None:
        return next((e for e in self.entries() if e.id == routine_id), None)

    def is_favourite(self, routine_id: str) -> bool:
        return routine_id in self._favourites.ids()

    def is_starred(self, routine_id: str) -> bool:
        return self.is_favourite(routine_id) and self._favourites.get(routine_id).starred

    # -- changes -----------------------------------------------------------------------------------

    def _set(self, favourites: Favourites) -> None:
        self._favourites = favourites
        self.edited.emit(favourites)
        self.changed.emit(favourites)

    def adopt(self, favourites: Favourites) -> None:
        """Take the favourites as saved (another program's changes merged in): shown, not saved again."""
        if favourites != self._favourites:
            self._favourites = favourites
            if favourites.renamed:
                self.renamed.emit(dict(favourites.renamed))
            self.changed.emit(favourites)

    def save_as(self, routine: Routine) -> str:
        """Save a routine as a new favourite; returns its id."""
        favourites, fav_id = self._favourites.add(routine, self.builtin_ids())
        self._set(favourites)
        return fav_id

    def update(self, fav_id: str, routine: Routine) -> None:
        self._set(self._favourites.update(fav_id, routine))

    def rename(self, fav_id: str, name: str) -> None:
        self._set(self._favourites.rename(fav_id, name))

    def star(self, fav_id: str, starred: bool) -> None:
        self._set(self._favourites.star(fav_id, starred))

    def duplicate(self, fav_id: str) -> str:
        favourites, new_id = self._favourites.duplicate(fav_id, self.builtin_ids())
        self._set(favourites)
        return new_id

    def delete(self, fav_id: str) -> Favourites:
        """Delete a favourite; returns the list as it was, for ``restore`` (undo)."""
        before = self._favourites
        self._set(before.delete(fav_id))
        return before

    def restore(self, favourites: Favourites) -> None:
        self._set(favourites)

    def move(self, fav_id: str, index: int) -> None:
        self._set(self._favourites.move(fav_id, index))

    def import_file(self, path: Path) -> str:
        """Validate a routine file and save it as a favourite; RoutineError says what is wrong and where."""
        return self.save_as(load_routine_file(path))

    @staticmethod
    def export(routine: Routine, path: Path) -> None:
        """Write a routine file (atomically: a failed write leaves any old file as it was)."""
        atomic_write_text(path, routine_to_json(routine))
