"""Favourites: the user's saved routines, with stars and an order, kept in one versioned file."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from typing import Any

from massage_gui.core.errors import DataError, RoutineError
from massage_gui.core.library import builtin_ids
from massage_gui.core.plain_text import control_problem
from massage_gui.core.routine import MAX_NAME, Routine, parse_routine, routine_to_data
from massage_gui.core.store import DocumentKind, printable

MAX_FAVOURITES = 500
_ID = re.compile(r"^[a-z0-9][a-z0-9-]{0,63}$")


@dataclass(frozen=True)
class Favourite:
    id: str
    routine: Routine
    starred: bool = False


def slugify(name: str) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")[:48].strip("-")
    return slug or "routine"


def free_id(base: str, taken: set[str] | frozenset[str]) -> str:
    """``base``, or the first of ``base-2``, ``base-3``... that is not taken."""
    candidate, n = base, 2
    while candidate in taken:
        candidate, n = f"{base}-{n}", n + 1
    return candidate


@dataclass(frozen=True)
class Favourites:
    """An ordered list of saved routines; every change returns a new value.

    ``renamed``: news from the merge that made this value, not part of it (never saved or compared, and
    gone after the next change): (old, new) for each of our new favourites that another program had
    saved under the same id first, so that ours took another (see ``merge_favourites``).
    """

    items: tuple[Favourite, ...] = ()
    renamed: tuple[tuple[str, str], ...] = field(default=(), compare=False, repr=False)

    def ids(self) -> list[str]:
        return [f.id for f in self.items]

    def id_after_merge(self, fav_id: str) -> str:
        """The id under which our favourite ``fav_id`` was saved by the merge that made this value."""
        return dict(self.renamed).get(fav_id, fav_id)

    def get(self, fav_id: str) -> Favourite:
        for item in self.items:
            if item.id == fav_id:
                return item
        raise KeyError(fav_id)

    def _unique_id(self, name: str, reserved: frozenset[str]) -> str:
        return free_id(slugify(name), set(self.ids()) | reserved | set(builtin_ids()))

    def add(self, routine: Routine, reserved: frozenset[str] = frozenset()) -> tuple[Favourites, str]:
        """Save a routine under a new id (made from its name, never a built-in routine's or one of
        ``reserved``)."""
        if len(self.items) >= MAX_FAVOURITES:
            raise DataError(f"at most {MAX_FAVOURITES} favourites can be saved")
        fav_id = self._unique_id(routine.name, reserved)
        return Favourites((*self.items, Favourite(fav_id, routine))), fav_id

    def _map(self, fav_id: str, change: Any) -> Favourites:
        self.get(fav_id)
        return Favourites(tuple(change(f) if f.id == fav_id else f for f in self.items))

    def rename(self, fav_id: str, name: str) -> Favourites:
        return self._map(fav_id, lambda f: replace(f, routine=replace(f.routine, name=name)))

    def update(self, fav_id: str, routine: Routine) -> Favourites:
        return self._map(fav_id, lambda f: replace(f, routine=routine))

    def star(self, fav_id: str, starred: bool) -> Favourites:
        return self._map(fav_id, lambda f: replace(f, starred=starred))

    def duplicate(self, fav_id: str, reserved: frozenset[str] = frozenset()) -> tuple[Favourites, str]:
        original = self.get(fav_id)
        suffix = " (copy)"  # kept whole: shorten the name instead
        copy = replace(original.routine, name=f"{original.routine.name[: MAX_NAME - len(suffix)].rstrip()}{suffix}")
        added, new_id = self.add(copy, reserved)
        items = list(added.items)
        item = items.pop()
        items.insert(self.ids().index(fav_id) + 1, item)
        return Favourites(tuple(items)), new_id

    def delete(self, fav_id: str) -> Favourites:
        self.get(fav_id)
        return Favourites(tuple(f for f in self.items if f.id != fav_id))

    def move(self, fav_id: str, index: int) -> Favourites:
        self.get(fav_id)  # KeyError, like the other changes, for an unknown id
        items = list(self.items)
        item = items.pop(self.ids().index(fav_id))
        items.insert(max(0, min(index, len(items))), item)
        return Favourites(tuple(items))

    def routines(self) -> dict[str, Routine]:
        return {f.id: f.routine for f in self.items}


def merge_favourites(base: Favourites, ours: Favourites, theirs: Favourites) -> Favourites:
    """Three-way merge by id: keep our changes, and take what another program (such as
    ``massage-gui import`` while the app runs) added, changed or deleted where we did not.

    Their additions come after ours, with their ids: that program may have printed or shown them. When
    both sides added the same id (two routines whose names make the same id, or one file imported twice),
    both are kept and ours takes a free id, recorded in the result's ``renamed``.
    """
    base_items = {f.id: f for f in base.items}
    their_items = {f.id: f for f in theirs.items}
    kept: list[Favourite] = []
    for item in ours.items:
        original = base_items.get(item.id)
        if original is not None and item == original:  # untouched here: their version (or their delete)
            if item.id in their_items:
                kept.append(their_items[item.id])
        else:
            kept.append(item)
    added = [f for f in theirs.items if f.id not in base_items]
    taken = {f.id for f in kept} | {f.id for f in added} | set(builtin_ids())
    clashes = {f.id for f in added} & {f.id for f in ours.items}
    merged: list[Favourite] = []
    renamed: list[tuple[str, str]] = []
    for item in kept:
        if item.id in clashes:
            new_id = free_id(slugify(item.routine.name), taken)
            taken.add(new_id)
            renamed.append((item.id, new_id))
            item = replace(item, id=new_id)
        merged.append(item)
    return Favourites((*merged, *added), renamed=tuple(renamed))


_ENTRY_KEYS = {"id", "starred", "routine"}


def _read_entry(entry: Any, seen: dict[str, int]) -> Favourite | str:
    """One saved favourite, or why it cannot be read."""
    if not isinstance(entry, dict) or set(entry) - _ENTRY_KEYS:
        return "expected an object with id, starred and routine"
    fav_id, starred = entry.get("id"), entry.get("starred", False)
    if not isinstance(fav_id, str):
        return f"id: expected text, got {fav_id!r}"
    if not _ID.match(fav_id):
        return "id: expected lower-case letters, digits and '-'"
    if fav_id in seen:
        return f"the id of favourites[{seen[fav_id]}] again"
    if not isinstance(starred, bool):
        return "starred: expected true or false"
    try:
        return Favourite(fav_id, parse_routine(entry.get("routine"), clean_text=True), starred)
    except RoutineError as exc:
        return f"routine.{exc}"


def read_favourites(body: dict[str, Any]) -> tuple[Favourites, list[str], list[str]]:
    """The favourites a file's data holds, in one pass: the value, what was put right (control characters
    taken out of texts saved before they were refused: one bad name must not make the whole file count as
    damaged), and each favourite left out because it cannot be read (named by place and id, with why).
    DataError only when the data is not a list of favourites at all."""
    raw = body.get("favourites")
    if set(body) != {"favourites"} or not isinstance(raw, list):
        raise DataError("data: expected exactly a 'favourites' list")
    items: list[Favourite] = []
    seen: dict[str, int] = {}
    cleaned: list[str] = []
    left_out: list[str] = []
    for i, entry in enumerate(raw):
        read = _read_entry(entry, seen)
        if isinstance(read, str):
            fav_id = entry.get("id") if isinstance(entry, dict) else None
            named = repr(fav_id) if isinstance(fav_id, str) else "without an id"
            left_out.append(printable(f"favourites[{i}] {named} left out ({read})"))
            continue
        seen[read.id] = i
        items.append(read)
        fields = _cleaned_fields(entry["routine"])
        if fields:
            cleaned.append(f"{read.id} ({', '.join(fields)})")
    problems = [f"control characters removed from {', '.join(cleaned)}"] if cleaned else []
    items, renamed = _off_builtin_ids(items)
    problems += [
        f"favourites[{seen[old]}] {old!r} is now {new!r} (a built-in routine has that id)" for old, new in renamed
    ]
    return Favourites(tuple(items)), problems, left_out


def _off_builtin_ids(items: list[Favourite]) -> tuple[list[Favourite], list[tuple[str, str]]]:
    """Favourites under a built-in routine's id (a newer version may add a built-in under an id a
    favourite already has, or the file was edited) moved to a free id, so that both can be reached."""
    builtins = set(builtin_ids())
    taken = builtins | {f.id for f in items}
    moved: list[Favourite] = []
    renamed: list[tuple[str, str]] = []
    for item in items:
        if item.id in builtins:
            new_id = free_id(item.id, taken)
            taken.add(new_id)
            renamed.append((item.id, new_id))
            item = replace(item, id=new_id)
        moved.append(item)
    return moved, renamed


def parse_favourites(body: dict[str, Any]) -> Favourites:
    return read_favourites(body)[0]


def _cleaned_fields(routine: Any) -> list[str]:
    """Which texts of a saved routine hold control characters (taken out on load), as JSON paths."""
    fields = []
    if control_problem(routine["name"]):
        fields.append("name")
    if control_problem(routine.get("description", ""), line_breaks=True):
        fields.append("description")
    fields += [f"steps[{i}].cue" for i, step in enumerate(routine["steps"]) if control_problem(step.get("cue", ""))]
    return fields


def dump_favourites(favourites: Favourites) -> dict[str, Any]:
    return {
        "favourites": [
            {"id": f.id, "starred": f.starred, "routine": routine_to_data(f.routine)} for f in favourites.items
        ]
    }


FAVOURITES_KIND: DocumentKind[Favourites] = DocumentKind(
    schema="massage-gui/favourites",
    version=1,
    parse=parse_favourites,
    dump=dump_favourites,
    default=Favourites,
    merge=merge_favourites,
    read=read_favourites,
    repair_note="",
)
