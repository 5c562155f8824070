"""The routines the user can pick: built-ins plus saved favourites, saved shortly after each change."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Signal, Slot

from massage_gui.core.atomic import atomic_write_text
from massage_gui.core.favourites import Favourites
from massage_gui.core.library import RoutineEntry, builtin_routines
from massage_gui.core.routine import Routine, load_routine_file, routine_to_json
from massage_gui.core.store import Store
from massage_gui.ui.debounced_saver import DebouncedSaver


class RoutineLibrary(QObject):
    """Holds the built-ins and the favourites; every change to favourites is saved (debounced).

    Signals:
        changed(): the list of favourites changed.
        save_failed(str): the favourites file could not be written (the old file is intact).
    """

    changed = Signal()
    save_failed = Signal(str)

    def __init__(self, store: Store[Favourites] | None = None, favourites: Favourites | None = None,
                 parent: QObject | None = None) -> None:  # fmt: skip
        super().__init__(parent)
        self._builtins = builtin_routines()
        self._favourites = favourites or Favourites()
        self._saver: DebouncedSaver[Favourites] | None = None
        if store is not None:
            self._saver = DebouncedSaver(store, parent=self)
            self._saver.save_failed.connect(self.save_failed)
            self._saver.saved.connect(self._on_saver_saved)

    # -- queries -----------------------------------------------------------------------------------

    @property
    def favourites(self) -> Favourites:
        return self._favourites

    def builtin_ids(self) -> frozenset[str]:
        return frozenset(e.id for e in self._builtins)

    def entries(self) -> list[RoutineEntry]:
        """Built-ins first, then the favourites in the user's order."""
        saved = [RoutineEntry(f.id, "saved", f.routine) for f in self._favourites.items]
        return [*self._builtins, *saved]

    def entry(self, routine_id: str) -> RoutineEntry | None:
        return next((e for e in self.entries() if e.id == routine_id), None)

    def is_favourite(self, routine_id: str) -> bool:
        return routine_id in self._favourites.ids()

    # -- changes -----------------------------------------------------------------------------------

    def _set(self, favourites: Favourites) -> None:
        self._favourites = favourites
        if self._saver is not None:
            self._saver.schedule(favourites)
        self.changed.emit()

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

    @Slot(object)
    def _on_saver_saved(self, favourites: Favourites) -> None:
        """Another program changed the file meanwhile and its changes were merged in: show them."""
        if favourites != self._favourites:
            self._favourites = favourites
            self.changed.emit()

    def flush(self) -> None:
        if self._saver is not None:
            self._saver.flush()
