"""Finding routines by id: the built-ins shipped in assets/routines, or a routine file by path."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from massage_gui.core.assets import assets_dir
from massage_gui.core.errors import RoutineError
from massage_gui.core.i18n import translate
from massage_gui.core.quoting import shortened
from massage_gui.core.routine import Routine, load_routine_file

Source = Literal["builtin", "saved", "file"]
BUILTIN_ORDER = ("quick", "standard", "thorough", "neck", "evening", "one-side", "both-sides")


@dataclass(frozen=True)
class RoutineEntry:
    id: str
    source: Source
    routine: Routine


def builtin_dir() -> Path:
    return assets_dir() / "routines"


def builtin_ids() -> list[str]:
    """Built-in routine ids: the usual three first, then the rest by name."""
    found = {p.stem for p in builtin_dir().glob("*.json")}
    return [i for i in BUILTIN_ORDER if i in found] + sorted(found - set(BUILTIN_ORDER))


def _translated(text: str) -> str:
    return translate("routines", text) if text else text


def load_builtin(routine_id: str) -> Routine:
    """A built-in routine with its name, description and cues in the UI's language (the shipped file
    is English; strings_catalog.py lists its texts for lupdate). Saved favourites are the user's own
    words and are never translated."""
    routine = load_routine_file(builtin_dir() / f"{routine_id}.json")
    return dataclasses.replace(
        routine,
        name=_translated(routine.name),
        description=_translated(routine.description),
        steps=tuple(dataclasses.replace(step, cue=_translated(step.cue)) for step in routine.steps),
    )


def builtin_routines() -> list[RoutineEntry]:
    return [RoutineEntry(i, "builtin", load_builtin(i)) for i in builtin_ids()]


def looks_like_path(ref: str) -> bool:
    return ref.endswith(".json") or "/" in ref or "\\" in ref


def resolve_routine(ref: str, saved: dict[str, Routine] | None = None) -> RoutineEntry:
    """A routine by built-in id, saved id, or file path; RoutineError names what was not found."""
    if ref in builtin_ids() and not looks_like_path(ref):
        return RoutineEntry(ref, "builtin", load_builtin(ref))
    if saved and ref in saved and not looks_like_path(ref):
        return RoutineEntry(ref, "saved", saved[ref])
    if looks_like_path(ref) or _is_file(ref):
        path = Path(ref)
        if not _exists(path):
            raise RoutineError(f"{ref}: no such routine file")  # a file name is said whole (see cli)
        return RoutineEntry(path.stem, "file", load_routine_file(path))
    known = builtin_ids() + sorted(saved or {})
    raise RoutineError(f"unknown routine {shortened(ref)!r} (known: {', '.join(known)}; or give a .json file)")


def _is_file(ref: str) -> bool:
    try:
        return Path(ref).is_file()
    except OSError:  # a name the file system cannot take (too long): not a file
        return False


def _exists(path: Path) -> bool:
    try:
        return path.exists()
    except OSError:
        return False
