"""Routines: an ordered list of massage steps, with a strict loader for the routine file format."""

from __future__ import annotations

import json
import math
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from massage_gui.core.anatomy import AREA_IDS, ARMPIT_AREAS, DRAINS_TOWARD, SIDES, STROKES, Side
from massage_gui.core.errors import DataError, RoutineError
from massage_gui.core.plain_text import control_problem, without_controls
from massage_gui.core.quoting import as_json, key_path
from massage_gui.core.readfile import read_regular_file
from massage_gui.core.routine_messages import step_error_for_people
from massage_gui.core.strictjson import loads_strict

SCHEMA = "massage-gui/routine"
VERSION = 1
MAX_FILE_BYTES = 256 * 1024
MAX_STEPS = 200
MAX_REPS = 100
MAX_NAME = 100
MAX_DESCRIPTION = 500
MAX_CUE = 120
PACE_FACTOR_RANGE = (0.5, 3.0)
UNNAMED = "Unnamed routine"  # a saved name that was only control characters, once they are taken out

_TOP_KEYS = ("schema", "version", "name", "description", "for_treated", "steps")
FOR_TREATED = ("one", "both")  # a routine written for one treated neck side, or for both
_STEP_KEYS = ("area", "stroke", "toward", "side", "reps", "positions", "pace_factor", "cue")
MAX_POSITIONS = 6


@dataclass(frozen=True)
class Step:
    """One step: work an area with a stroke toward a node, ``reps`` times."""

    area: str
    stroke: str
    reps: int
    toward: str | None = None
    side: Side = "both"
    pace_factor: float = 1.0
    cue: str = ""
    positions: int | None = None  # the spots the hands work in turn; None: the area's usual number

    def __post_init__(self) -> None:
        problem = step_problem(self)
        if problem:
            raise RoutineError(problem)


@dataclass(frozen=True)
class Routine:
    """A named sequence of steps; what a routine file holds."""

    name: str
    steps: tuple[Step, ...]
    description: str = ""
    for_treated: str = ""  # "one" or "both": written for neck lymph nodes treated on one side or both
    areas: frozenset[str] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        if not self.name.strip() or len(self.name) > MAX_NAME:
            raise RoutineError(f"name: expected 1 to {MAX_NAME} characters")
        if len(self.description) > MAX_DESCRIPTION:
            raise RoutineError(f"description: expected at most {MAX_DESCRIPTION} characters")
        if not 1 <= len(self.steps) <= MAX_STEPS:
            raise RoutineError(f"steps: expected 1 to {MAX_STEPS} steps")
        if self.for_treated not in ("", *FOR_TREATED):
            raise RoutineError(
                f"for_treated: expected one of {', '.join(FOR_TREATED)}, got {as_json(self.for_treated)}"
            )
        object.__setattr__(self, "areas", frozenset(s.area for s in self.steps))


def step_problem(step: Step) -> str | None:
    """Why a step breaks the rules of docs/routine-format.md, or None when it is valid."""
    if step.area not in AREA_IDS:
        return f"area: expected one of {', '.join(AREA_IDS)}, got {as_json(step.area)}"
    if step.stroke not in STROKES:
        return f"stroke: expected one of {', '.join(STROKES)}, got {as_json(step.stroke)}"
    if (step.stroke == "breath") != (step.area == "breathing"):
        return 'stroke: "breath" goes with the area "breathing" and only with it'
    if step.stroke == "breath":
        if step.toward is not None:
            return 'toward: must be absent for a "breath" step'
    elif step.toward not in DRAINS_TOWARD[step.area]:
        allowed = ", ".join(DRAINS_TOWARD[step.area])
        problem = f"toward: {step.area} drains toward {allowed}, got {as_json(step.toward)}"
        if step.toward == "axillary" and step.area in ARMPIT_AREAS:
            problem += (
                "; the armpit is only the way round a treated neck side: write the usual node here and set the "
                "treated side (Preferences, or --treated), and the plan sends these strokes to the armpit"
            )
        return problem
    if step.side not in SIDES:
        return f"side: expected one of {', '.join(SIDES)}, got {as_json(step.side)}"
    if not 1 <= step.reps <= MAX_REPS:
        return f"reps: expected an integer from 1 to {MAX_REPS}, got {step.reps}"
    if step.positions is not None and (step.stroke == "breath" or not 1 <= step.positions <= MAX_POSITIONS):
        if step.stroke == "breath":
            return 'positions: must be absent for a "breath" step (no hands on the face)'
        return f"positions: expected an integer from 1 to {MAX_POSITIONS}, got {step.positions}"
    low, high = PACE_FACTOR_RANGE
    if not (math.isfinite(step.pace_factor) and low <= step.pace_factor <= high):
        got = as_json(step.pace_factor) if math.isfinite(step.pace_factor) else "a number too large"  # 1e999
        return f"pace_factor: expected a number from {low} to {high}, got {got}"
    if len(step.cue) > MAX_CUE:
        return f"cue: expected at most {MAX_CUE} characters, got {len(step.cue)}"
    return None


def _type_name(value: Any) -> str:
    if value is None:
        return "null"
    return {bool: "true/false", int: "a number", float: "a number", str: "a string", list: "a list"}.get(
        type(value), "an object"
    )


def _expect_str(value: Any, path: str) -> str:
    if not isinstance(value, str):
        raise RoutineError(f"{path}: expected a string, got {_type_name(value)}")
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise RoutineError(f"{path}: expected text, got an unpaired surrogate escape (\\ud800-\\udfff)") from None
    return value


def _expect_text(value: Any, path: str, clean: bool, line_breaks: bool = False) -> str:
    """A name, description or cue: no control characters (they would reach the terminal and the window as
    they are). ``clean``: take them out instead of refusing (old saved data)."""
    text = _expect_str(value, path)
    if clean:
        return without_controls(text, line_breaks=line_breaks)
    problem = control_problem(text, line_breaks=line_breaks)
    if problem:
        raise RoutineError(f"{path}: {problem}")
    return text


def _as_float(value: int | float) -> float:
    try:
        return float(value)
    except OverflowError:  # an integer too large for a float is out of range anyway
        return math.inf


def _check_keys(obj: dict[str, Any], allowed: tuple[str, ...], path: str) -> None:
    for key in obj:
        if key not in allowed:
            raise RoutineError(f"{key_path(path, key)}: unknown key (expected one of {', '.join(allowed)})")


def _parse_step(raw: Any, path: str, clean: bool) -> Step:
    if not isinstance(raw, dict):
        raise RoutineError(f"{path}: expected an object, got {_type_name(raw)}")
    _check_keys(raw, _STEP_KEYS, path)
    for key in ("area", "stroke", "reps"):
        if key not in raw:
            raise RoutineError(f"{path}.{key}: missing")
    area = _expect_str(raw["area"], f"{path}.area")
    stroke = _expect_str(raw["stroke"], f"{path}.stroke")
    reps = raw["reps"]
    if isinstance(reps, bool) or not isinstance(reps, int):
        raise RoutineError(f"{path}.reps: expected an integer from 1 to {MAX_REPS}, got {_type_name(reps)}")
    toward = raw.get("toward")
    if stroke != "breath" and "toward" not in raw:
        raise RoutineError(f"{path}.toward: missing (required for a {as_json(stroke)} step)")
    if toward is not None or "toward" in raw:
        toward = _expect_str(toward, f"{path}.toward")
    side = _expect_str(raw.get("side", "both"), f"{path}.side")
    pace_factor = raw.get("pace_factor", 1.0)
    if isinstance(pace_factor, bool) or not isinstance(pace_factor, (int, float)):
        raise RoutineError(f"{path}.pace_factor: expected a number, got {_type_name(pace_factor)}")
    cue = _expect_text(raw.get("cue", ""), f"{path}.cue", clean)
    positions = raw.get("positions")
    if "positions" in raw and (isinstance(positions, bool) or not isinstance(positions, int)):
        raise RoutineError(
            f"{path}.positions: expected an integer from 1 to {MAX_POSITIONS}, got {_type_name(positions)}"
        )
    try:
        return Step(
            area=area,
            stroke=stroke,
            reps=reps,
            toward=toward,
            side=side,  # type: ignore[arg-type]  # checked by Step.__post_init__
            pace_factor=_as_float(pace_factor),
            cue=cue,
            positions=positions,
        )
    except RoutineError as exc:
        raise RoutineError(f"{path}.{exc}") from None


def _parse_counted_step(index: int, raw: Any, clean: bool) -> Step:
    path = f"steps[{index}]"
    try:
        return _parse_step(raw, path, clean)
    except RoutineError as exc:
        problem = str(exc).removeprefix(path).removeprefix(".")
        raise RoutineError(str(exc), step_error_for_people(index, raw, problem, MAX_REPS)) from None


def parse_routine(data: Any, *, clean_text: bool = False) -> Routine:
    """Validate decoded JSON against the routine file format; errors name the JSON path.

    ``clean_text``: take control characters out of the name, description and cues instead of refusing them
    (for favourites saved before they were refused). A description may hold line breaks: the editor's
    description box is several lines high and Enter starts a new line there, and no listing prints it as
    text (JSON output escapes them)."""
    if not isinstance(data, dict):
        raise RoutineError(f"top level: expected an object, got {_type_name(data)}")
    _check_keys(data, _TOP_KEYS, "")
    if data.get("schema") != SCHEMA:
        raise RoutineError(f"schema: expected {as_json(SCHEMA)}, got {as_json(data.get('schema'))}")
    version = data.get("version")
    if isinstance(version, bool) or version != VERSION or not isinstance(version, int):
        raise RoutineError(f"version: expected {VERSION}, got {as_json(version)}")
    if "name" not in data:
        raise RoutineError("name: missing")
    name = _expect_text(data["name"], "name", clean_text)
    if clean_text and not name.strip() and _expect_str(data["name"], "name").strip():
        name = UNNAMED
    description = _expect_text(data.get("description", ""), "description", clean_text, line_breaks=True)
    for_treated = _expect_str(data.get("for_treated", ""), "for_treated") if "for_treated" in data else ""
    if "for_treated" in data and for_treated not in FOR_TREATED:
        raise RoutineError(f"for_treated: expected one of {', '.join(FOR_TREATED)}, got {as_json(for_treated)}")
    raw_steps = data.get("steps")
    if not isinstance(raw_steps, list):
        raise RoutineError(f"steps: expected a list, got {_type_name(raw_steps)}")
    if not 1 <= len(raw_steps) <= MAX_STEPS:
        raise RoutineError(f"steps: expected 1 to {MAX_STEPS} steps, got {len(raw_steps)}")
    steps = tuple(_parse_counted_step(i, raw, clean_text) for i, raw in enumerate(raw_steps))
    return Routine(name=name, description=description, steps=steps, for_treated=for_treated)


def routine_from_bytes(data: bytes, what: str = "routine file") -> Routine:
    try:
        decoded = loads_strict(data, max_bytes=MAX_FILE_BYTES, what=what)
    except RoutineError:
        raise
    except DataError as exc:
        raise RoutineError(str(exc)) from None
    return parse_routine(decoded)


def load_routine_file(path: Path) -> Routine:
    """Read and validate a routine file (a regular file only: a FIFO or device is refused at once); the size
    limit is checked before anything is parsed."""
    try:
        data = read_regular_file(path, MAX_FILE_BYTES)
    except DataError as exc:
        raise RoutineError(str(exc)) from None
    try:
        return routine_from_bytes(data, what="file")
    except RoutineError as exc:
        raise RoutineError(f"{path}: {exc}", exc.for_people) from None


def routine_to_data(routine: Routine) -> dict[str, Any]:
    """The routine as routine-file JSON, leaving out defaults."""
    steps: list[dict[str, Any]] = []
    for step in routine.steps:
        item: dict[str, Any] = {"area": step.area, "stroke": step.stroke}
        if step.toward is not None:
            item["toward"] = step.toward
        if step.side != "both":
            item["side"] = step.side
        item["reps"] = step.reps
        if step.positions is not None:
            item["positions"] = step.positions
        if step.pace_factor != 1.0:
            item["pace_factor"] = step.pace_factor
        if step.cue:
            item["cue"] = step.cue
        steps.append(item)
    data: dict[str, Any] = {"schema": SCHEMA, "version": VERSION, "name": routine.name}
    if routine.description:
        data["description"] = routine.description
    if routine.for_treated:
        data["for_treated"] = routine.for_treated
    data["steps"] = steps
    return data


def routine_to_json(routine: Routine) -> str:
    return json.dumps(routine_to_data(routine), indent=2, ensure_ascii=False) + "\n"
