"""Command-line argument types and shared flags: every bad value becomes one line naming the flag."""

from __future__ import annotations

import argparse
import dataclasses
import math
import os
from collections.abc import Callable
from typing import Any, NoReturn

from massage_gui.core.anatomy import AREA_IDS
from massage_gui.core.quoting import shortened
from massage_gui.core.settings import TREATED_SIDES, Settings, settings_field
from massage_gui.core.skips import normalised, parse_skip

PROG = "massage-gui"
AT_MARGIN_S = 3600.0  # --at may go this far past the routine's end (it shows "finished" there)


class UsageError(Exception):
    """Bad command-line input: printed as one line, exit status 2."""


class _NumberLike:
    """argparse's test for an argument that looks like a negative number (a value, not an option). Its own
    knows only -1 and -.5, so ``--pace -inf`` or ``--at -1e3`` said 'expected one argument' instead of the
    flag's own message; this one takes whatever float() reads."""

    @staticmethod
    def match(text: str) -> bool:
        try:
            float(text)
        except ValueError:
            return False
        return True


SLASHES = tuple(sep for sep in (os.sep, os.altsep) if sep)
LONGEST_PATH = 4096  # PATH_MAX on Linux: no file name given to open() there is longer


def name_argument(dest: str) -> Callable[[str], str]:
    """The type of an argument taken as typed (a file name, a routine id): not empty (Path("") is the
    current folder) and not ending in a slash (a folder; Path drops the slash, so a file would be written
    or read in its place)."""
    what = "a routine id or file" if dest == "routine" else "a file name"

    def parse(text: str) -> str:
        if not text:
            raise argparse.ArgumentTypeError(f"expected {what}, got an empty one")
        if text.endswith(SLASHES):
            given = repr(text) if len(text) <= LONGEST_PATH else quoted(text)  # a file name is said whole
            raise argparse.ArgumentTypeError(f"expected {what}, got {given} (a folder: it ends in {text[-1]})")
        return text

    parse.__name__ = dest
    return parse


class Parser(argparse.ArgumentParser):
    """Errors raise UsageError (one line, status 2); an argument with neither a type nor choices (FILE,
    OUT.png, ROUTINE, --routine) gets the type ``name_argument``, whichever command module adds it."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._negative_number_matcher = _NumberLike()  # type: ignore[assignment]

    def add_argument(self, *args: Any, **kwargs: Any) -> argparse.Action:
        action = super().add_argument(*args, **kwargs)
        if action.nargs != 0 and action.type is None and action.choices is None:
            action.type = name_argument(action.dest)
        return action

    def parse_args(self, args: Any = None, namespace: Any = None) -> Any:
        parsed, extra = self.parse_known_args(args, namespace)
        if extra:  # as argparse says it, each shortened
            self.error(f"unrecognized arguments: {' '.join(shortened(arg) for arg in extra)}")
        return parsed

    def error(self, message: str) -> NoReturn:
        raise UsageError(message)


def quoted(text: str) -> str:
    """The user's text said back in a message: quoted, and shortened when long."""
    return repr(shortened(text))


def shown(value: float) -> str:
    """A number as short as it can be written without changing it: 3888, 3888.0001 (never rounded onto a
    limit it is said to pass)."""
    short = f"{value:g}"
    return short if float(short) == value else repr(value)


def number(name: str, low: float | None = None, high: float | None = None) -> Callable[[str], float]:
    """An argument type for a finite number, optionally within [low, high]."""

    def parse(text: str) -> float:
        try:
            value = float(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"expected a number, got {quoted(text)}") from None
        if not math.isfinite(value):
            raise argparse.ArgumentTypeError(f"expected a finite number, got {quoted(text)}")
        if low is not None and high is not None and not low <= value <= high:
            raise argparse.ArgumentTypeError(f"expected a number from {low:g} to {high:g}, got {shortened(text)}")
        if low is not None and value < low:
            raise argparse.ArgumentTypeError(f"expected a number of at least {low:g}, got {shortened(text)}")
        return value + 0.0  # -0 is 0: said back as "0", not "-0"

    parse.__name__ = name  # argparse names the type in its message
    return parse


def area(text: str) -> str:
    if text not in AREA_IDS:
        raise argparse.ArgumentTypeError(f"unknown area {quoted(text)} (expected one of {', '.join(AREA_IDS)})")
    return text


def skip(text: str) -> str:
    try:
        parse_skip(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"unknown area {quoted(text)} (expected an area such as cheeks, or one side of it: cheeks:left, "
            f"cheeks:right; areas: {', '.join(AREA_IDS)})"
        ) from None
    return text


def size(text: str) -> tuple[int, int]:
    try:
        width, height = (int(v) for v in text.lower().split("x"))
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected WIDTHxHEIGHT such as 1280x800, got {quoted(text)}") from None
    if not (800 <= width <= 7680 and 600 <= height <= 4320):
        raise argparse.ArgumentTypeError(f"expected a size from 800x600 to 7680x4320, got {shortened(text)}")
    return width, height


def add_skip_flags(parser: argparse.ArgumentParser) -> None:
    """``--skip AREA[:SIDE]`` (repeatable) and ``--treated SIDE``."""
    parser.add_argument(
        "--skip", type=skip, action="append", default=[], metavar="AREA[:SIDE]", help="leave out an area, or one side"
    )
    parser.add_argument(
        "--treated",
        choices=TREATED_SIDES,
        metavar="SIDE",
        help="the side whose neck lymph nodes were removed or irradiated: none, left, right or both",
    )


def add_session_flags(parser: argparse.ArgumentParser) -> None:
    """``--pace``, ``--skip``, ``--treated`` and ``--focus``: what shapes a plan."""
    pace = settings_field("pace_s").metadata
    parser.add_argument("--pace", type=number("pace", pace["min"], pace["max"]), metavar="S", help="seconds per stroke")
    add_skip_flags(parser)
    parser.add_argument("--focus", type=area, action="append", default=[], metavar="AREA", help="1.5x the reps")


def settings_for(args: argparse.Namespace, base: Settings) -> Settings:
    """The saved settings with the command's flags applied (flags a command lacks are left alone)."""
    flags = {
        "pace": "pace_s",
        "skip": "skipped_areas",
        "treated": "treated_side",
        "focus": "focus_areas",
        "mirror": "mirror",
        "theme": "theme",
        "language": "language",
    }
    changes: dict[str, Any] = {}
    for flag, field in flags.items():
        value = getattr(args, flag, None)
        if value is None or value == []:
            continue
        if flag == "skip":
            value = normalised(value)
        elif flag == "focus":
            value = frozenset(value)
        changes[field] = value
    return dataclasses.replace(base, **changes).validated()


def check_at(at: float, total_s: float) -> None:
    limit = total_s + AT_MARGIN_S
    if at > limit:
        raise UsageError(
            f"--at {shown(at)}: expected at most {shown(limit)} seconds "
            f"(the routine ends at {shown(total_s)}; one hour past the end is the limit)"
        )
