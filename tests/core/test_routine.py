"""The routine file format (docs/routine-format.md): what loads, what round-trips, how bad files are reported."""

from __future__ import annotations

import copy
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from massage_gui.core import strictjson
from massage_gui.core.anatomy import AREA_IDS, DRAINS_TOWARD, SIDES
from massage_gui.core.errors import RoutineError
from massage_gui.core.library import builtin_dir, builtin_ids, builtin_routines
from massage_gui.core.plain_text import is_control
from massage_gui.core.routine import (
    Routine,
    Step,
    load_routine_file,
    parse_routine,
    routine_from_bytes,
    routine_to_json,
)

KIB = 1024
LIMIT = 256 * KIB


def valid_data() -> dict[str, Any]:
    """A small valid routine touching every optional key, as decoded JSON."""
    return {
        "schema": "massage-gui/routine",
        "version": 1,
        "name": "Morning face",
        "description": "optional, at most 500 characters",
        "steps": [
            {"area": "breathing", "stroke": "breath", "reps": 5},
            {"area": "collarbone", "stroke": "circles", "toward": "terminus", "side": "both", "reps": 10},
            {
                "area": "cheeks",
                "stroke": "stretch",
                "toward": "submandibular",
                "reps": 7,
                "pace_factor": 1.2,
                "cue": "Flat fingers, skin only",
            },
            {"area": "under_chin", "stroke": "sweep", "toward": "submental", "side": "left", "reps": 3},
        ],
    }


def encode(data: Any) -> bytes:
    return json.dumps(data, ensure_ascii=False).encode("utf-8")


def rejected(data: bytes) -> str:
    """The RoutineError message for ``data`` (fails the test if it loads or raises anything else)."""
    with pytest.raises(RoutineError) as info:
        routine_from_bytes(data)
    message = str(info.value)
    assert "\n" not in message
    return message


def with_change(change: Callable[[dict[str, Any]], None]) -> bytes:
    data = copy.deepcopy(valid_data())
    change(data)
    return encode(data)


def set_step(index: int, key: str, value: Any) -> Callable[[dict[str, Any]], None]:
    def change(data: dict[str, Any]) -> None:
        data["steps"][index][key] = value

    return change


def drop_step_key(index: int, key: str) -> Callable[[dict[str, Any]], None]:
    def change(data: dict[str, Any]) -> None:
        del data["steps"][index][key]

    return change


def set_top(key: str, value: Any) -> Callable[[dict[str, Any]], None]:
    def change(data: dict[str, Any]) -> None:
        data[key] = value

    return change


def drop_top(key: str) -> Callable[[dict[str, Any]], None]:
    def change(data: dict[str, Any]) -> None:
        del data[key]

    return change


# -- valid files -----------------------------------------------------------------------------------


def test_the_valid_example_loads_with_defaults_filled_in() -> None:
    routine = routine_from_bytes(encode(valid_data()))
    assert routine.name == "Morning face"
    assert routine.description == "optional, at most 500 characters"
    assert len(routine.steps) == 4
    breath, collar, cheeks, chin = routine.steps
    assert breath == Step(area="breathing", stroke="breath", reps=5)
    assert breath.toward is None
    assert breath.side == "both"
    assert breath.pace_factor == 1.0
    assert breath.cue == ""
    assert collar.toward == "terminus"
    assert collar.reps == 10
    assert cheeks.pace_factor == 1.2
    assert cheeks.cue == "Flat fingers, skin only"
    assert chin.side == "left"
    assert routine.areas == {"breathing", "collarbone", "cheeks", "under_chin"}


def test_the_documented_example_loads() -> None:
    text = b"""{
      "schema": "massage-gui/routine",
      "version": 1,
      "name": "Morning face",
      "description": "optional, at most 500 characters",
      "steps": [
        {"area": "breathing", "stroke": "breath", "reps": 5},
        {"area": "collarbone", "stroke": "circles", "toward": "terminus", "side": "both", "reps": 10},
        {"area": "cheeks", "stroke": "stretch", "toward": "submandibular", "reps": 7,
         "pace_factor": 1.2, "cue": "Flat fingers, skin only"}
      ]
    }"""
    assert len(routine_from_bytes(text).steps) == 3


def test_builtin_routines_include_the_documented_ids() -> None:
    assert {"quick", "standard", "thorough"} <= set(builtin_ids())


@pytest.mark.parametrize("routine_id", builtin_ids())
def test_builtin_file_loads_and_round_trips(routine_id: str) -> None:
    path = builtin_dir() / f"{routine_id}.json"
    routine = load_routine_file(path)
    assert routine_from_bytes(path.read_bytes()) == routine
    assert routine_from_bytes(routine_to_json(routine).encode("utf-8")) == routine


def test_builtin_routines_match_their_files() -> None:
    entries = builtin_routines()
    assert [e.id for e in entries] == builtin_ids()
    assert all(e.source == "builtin" for e in entries)


def test_a_utf8_bom_is_accepted() -> None:
    assert routine_from_bytes(b"\xef\xbb\xbf" + encode(valid_data())) == routine_from_bytes(encode(valid_data()))


def test_non_ascii_text_is_kept() -> None:
    routine = routine_from_bytes(with_change(set_top("name", "Gesicht am Morgen – ruhig ☀")))
    assert routine.name == "Gesicht am Morgen – ruhig ☀"


@pytest.mark.parametrize(
    ("change", "check"),
    [
        (set_step(1, "reps", 1), lambda r: r.steps[1].reps == 1),
        (set_step(1, "reps", 100), lambda r: r.steps[1].reps == 100),
        (set_step(2, "pace_factor", 0.5), lambda r: r.steps[2].pace_factor == 0.5),
        (set_step(2, "pace_factor", 3), lambda r: r.steps[2].pace_factor == 3.0),
        (set_step(2, "pace_factor", 3.0), lambda r: r.steps[2].pace_factor == 3.0),
        (set_step(2, "cue", "x" * 120), lambda r: len(r.steps[2].cue) == 120),
        (set_step(2, "toward", "preauricular"), lambda r: r.steps[2].toward == "preauricular"),
        (set_step(1, "side", "right"), lambda r: r.steps[1].side == "right"),
        (set_step(1, "side", "center"), lambda r: r.steps[1].side == "center"),
        (drop_top("description"), lambda r: r.description == ""),
        (set_top("name", "n" * 100), lambda r: len(r.name) == 100),
        (set_top("description", "d" * 500), lambda r: len(r.description) == 500),
        (set_top("steps", [{"area": "breathing", "stroke": "breath", "reps": 1}] * 200), lambda r: len(r.steps) == 200),
        (set_top("steps", [{"area": "breathing", "stroke": "breath", "reps": 1}]), lambda r: len(r.steps) == 1),
    ],
    ids=[
        "reps-1",
        "reps-100",
        "pace-0.5",
        "pace-int-3",
        "pace-3.0",
        "cue-120",
        "second-toward",
        "side-right",
        "side-center",
        "no-description",
        "name-100",
        "description-500",
        "200-steps",
        "1-step",
    ],
)
def test_limits_are_inclusive(change: Callable[[dict[str, Any]], None], check: Callable[[Routine], bool]) -> None:
    assert check(routine_from_bytes(with_change(change)))


@pytest.mark.parametrize("area", [a for a in AREA_IDS if a != "breathing"])
def test_every_area_accepts_every_node_it_drains_toward(area: str) -> None:
    for node in DRAINS_TOWARD[area]:
        step = {"area": area, "stroke": "circles", "toward": node, "reps": 2}
        routine = routine_from_bytes(with_change(set_top("steps", [step])))
        assert routine.steps[0].toward == node


def test_a_file_of_exactly_256_kib_is_accepted(tmp_path: Path) -> None:
    data = encode(valid_data())
    padded = data + b" " * (LIMIT - len(data))
    assert len(padded) == LIMIT
    path = tmp_path / "big.json"
    path.write_bytes(padded)
    assert load_routine_file(path) == routine_from_bytes(data)


# -- malformed files ---------------------------------------------------------------------------------


WRONG = [
    # wrong types everywhere
    ("string-reps", set_step(1, "reps", "10"), "steps[1].reps"),
    ("bool-reps", set_step(1, "reps", True), "steps[1].reps"),
    ("float-reps", set_step(1, "reps", 10.0), "steps[1].reps"),
    ("fractional-reps", set_step(1, "reps", 2.5), "steps[1].reps"),
    ("null-reps", set_step(1, "reps", None), "steps[1].reps"),
    ("list-name", set_top("name", ["Morning"]), "name"),
    ("number-name", set_top("name", 7), "name"),
    ("null-name", set_top("name", None), "name"),
    ("object-description", set_top("description", {"a": 1}), "description"),
    ("object-steps", set_top("steps", {"0": {}}), "steps"),
    ("string-step", set_top("steps", ["breathing"]), "steps[0]"),
    ("number-area", set_step(1, "area", 3), "steps[1].area"),
    ("null-stroke", set_step(1, "stroke", None), "steps[1].stroke"),
    ("list-toward", set_step(1, "toward", ["terminus"]), "steps[1].toward"),
    ("null-toward", set_step(1, "toward", None), "steps[1].toward"),
    ("number-side", set_step(1, "side", 1), "steps[1].side"),
    ("string-pace", set_step(2, "pace_factor", "1.2"), "steps[2].pace_factor"),
    ("bool-pace", set_step(2, "pace_factor", True), "steps[2].pace_factor"),
    ("null-pace", set_step(2, "pace_factor", None), "steps[2].pace_factor"),
    ("number-cue", set_step(2, "cue", 5), "steps[2].cue"),
    ("bool-cue", set_step(2, "cue", False), "steps[2].cue"),
    # unknown ids
    ("unknown-area", set_step(1, "area", "elbow"), "steps[1].area"),
    ("unknown-stroke", set_step(1, "stroke", "knead"), "steps[1].stroke"),
    ("unknown-side", set_step(1, "side", "up"), "steps[1].side"),
    ("unknown-node", set_step(1, "toward", "armpit"), "steps[1].toward"),
    # unknown keys
    ("unknown-top-key", set_top("author", "me"), "author"),
    ("unknown-step-key", set_step(3, "pressure", "light"), "steps[3].pressure"),
    ("misspelt-step-key", set_step(0, "rep", 5), "steps[0].rep"),
    # missing keys
    ("missing-schema", drop_top("schema"), "schema"),
    ("missing-version", drop_top("version"), "version"),
    ("missing-name", drop_top("name"), "name"),
    ("missing-steps", drop_top("steps"), "steps"),
    ("missing-area", drop_step_key(1, "area"), "steps[1].area"),
    ("missing-stroke", drop_step_key(1, "stroke"), "steps[1].stroke"),
    ("missing-reps", drop_step_key(3, "reps"), "steps[3].reps"),
    ("missing-toward", drop_step_key(2, "toward"), "steps[2].toward"),
    # schema and version
    ("version-2", set_top("version", 2), "version"),
    ("version-0", set_top("version", 0), "version"),
    ("version-string", set_top("version", "1"), "version"),
    ("version-float", set_top("version", 1.0), "version"),
    ("version-bool", set_top("version", True), "version"),
    ("version-null", set_top("version", None), "version"),
    ("other-schema", set_top("schema", "massage-gui/settings"), "schema"),
    ("schema-number", set_top("schema", 1), "schema"),
    # toward rules
    ("toward-on-breath", set_step(0, "toward", "terminus"), "steps[0].toward"),
    ("toward-not-drained", set_step(2, "toward", "terminus"), "steps[2].toward"),
    ("toward-not-drained-collarbone", set_step(1, "toward", "deep_cervical"), "steps[1].toward"),
    # breath only with breathing
    ("breath-on-cheeks", set_top("steps", [{"area": "cheeks", "stroke": "breath", "reps": 3}]), "steps[0]"),
    (
        "circles-on-breathing",
        set_top("steps", [{"area": "breathing", "stroke": "circles", "toward": "terminus", "reps": 3}]),
        "steps[0]",
    ),
    # ranges
    ("reps-0", set_step(1, "reps", 0), "steps[1].reps"),
    ("reps-101", set_step(1, "reps", 101), "steps[1].reps"),
    ("reps-negative", set_step(1, "reps", -3), "steps[1].reps"),
    ("pace-0.49", set_step(2, "pace_factor", 0.49), "steps[2].pace_factor"),
    ("pace-3.01", set_step(2, "pace_factor", 3.01), "steps[2].pace_factor"),
    ("pace-0", set_step(2, "pace_factor", 0), "steps[2].pace_factor"),
    ("pace-huge-float", set_step(2, "pace_factor", 1e308), "steps[2].pace_factor"),
    ("cue-121", set_step(2, "cue", "x" * 121), "steps[2].cue"),
    ("zero-steps", set_top("steps", []), "steps"),
    ("201-steps", set_top("steps", [{"area": "breathing", "stroke": "breath", "reps": 1}] * 201), "steps"),
    ("empty-name", set_top("name", ""), "name"),
    ("blank-name", set_top("name", "   "), "name"),
    ("name-101", set_top("name", "n" * 101), "name"),
    ("description-501", set_top("description", "d" * 501), "description"),
]


@pytest.mark.parametrize(("change", "path"), [(c, p) for _, c, p in WRONG], ids=[i for i, _, _ in WRONG])
def test_bad_value_is_reported_with_its_json_path(change: Callable[[dict[str, Any]], None], path: str) -> None:
    message = rejected(with_change(change))
    assert message.startswith((f"{path}:", f"{path}.")), message
    # "what was expected": every message says more than the path
    assert len(message) >= len(f"{path}: missing")


@pytest.mark.parametrize("key", ["reps", "area", "stroke", "toward", "side", "cue", "pace_factor"])
def test_the_error_names_the_step_that_is_wrong(key: str) -> None:
    """The same mistake in step 0 and step 3 gives different paths (no path copied from elsewhere)."""
    bad = {"reps": "x", "area": 1, "stroke": 1, "toward": 1, "side": 1, "cue": 1, "pace_factor": "x"}[key]
    for index in (1, 3):
        message = rejected(with_change(set_step(index, key, bad)))
        assert message.startswith(f"steps[{index}].{key}:"), message


def test_top_level_must_be_an_object() -> None:
    for data in ([valid_data()], "routine", 1, None):
        assert rejected(encode(data)).startswith("top level")


@pytest.mark.parametrize("constant", ["NaN", "Infinity", "-Infinity"])
@pytest.mark.parametrize(("key", "path"), [("pace_factor", "steps[2].pace_factor"), ("reps", "steps[2].reps")])
def test_nan_and_infinity_are_rejected_with_their_path(constant: str, key: str, path: str) -> None:
    data = copy.deepcopy(valid_data())
    data["steps"][2][key] = "@@"
    text = encode(data).replace(b'"@@"', constant.encode())
    message = rejected(text)
    assert message.startswith(f"{path}:"), message
    assert constant.lstrip("-") in message


def test_nan_is_rejected_at_the_top_level() -> None:
    assert "NaN" in rejected(b"NaN")


@pytest.mark.parametrize(
    ("text", "path"),
    [
        (b'{"schema": "massage-gui/routine", "schema": "massage-gui/routine", "version": 1}', "schema"),
        (
            b'{"schema": "massage-gui/routine", "version": 1, "name": "a", "steps": ['
            b'{"area": "breathing", "stroke": "breath", "reps": 5},'
            b'{"area": "breathing", "stroke": "breath", "reps": 5, "reps": 6}]}',
            "steps[1].reps",
        ),
        (
            b'{"schema": "massage-gui/routine", "version": 1, "name": "a", "name": "b", "steps": ['
            b'{"area": "breathing", "stroke": "breath", "reps": 5}]}',
            "name",
        ),
    ],
    ids=["top", "step", "name"],
)
def test_duplicate_keys_are_rejected_with_their_path(text: bytes, path: str) -> None:
    message = rejected(text)
    assert message.startswith(f"{path}:"), message
    assert "duplicate" in message


def test_truncated_file_names_line_and_column() -> None:
    data = json.dumps(valid_data(), indent=2).encode()
    message = rejected(data[: len(data) // 2])
    assert "not valid JSON" in message
    assert "line" in message
    assert "column" in message


def test_empty_file() -> None:
    assert "not valid JSON" in rejected(b"")
    assert "not valid JSON" in rejected(b"   \n")


def test_not_utf8() -> None:
    data = encode(valid_data()).replace(b"Morning face", b"Morning \xe9t\xe9")
    assert "UTF-8" in rejected(data)
    assert "UTF-8" in rejected(encode(valid_data()).decode("utf-8").encode("utf-16"))


def test_latin1_file_is_not_utf8() -> None:
    data = json.dumps(valid_data() | {"name": "Gesicht früh"}, ensure_ascii=False).encode("latin-1")
    assert "UTF-8" in rejected(data)


def test_lone_surrogate_escape_is_rejected() -> None:
    """A name or cue that cannot be written back as UTF-8 must not load (export would fail later)."""
    data = encode(valid_data()).replace(b'"Flat fingers, skin only"', b'"Flat \\ud800 fingers"')
    assert rejected(data).startswith("steps[2].cue:")


def test_huge_integer_is_a_routine_error() -> None:
    data = encode(valid_data()).replace(b'"reps": 10', b'"reps": ' + b"9" * 5000)
    assert rejected(data).startswith("steps[1].reps:")


def test_huge_integer_pace_factor_is_a_routine_error() -> None:
    data = encode(valid_data()).replace(b'"pace_factor": 1.2', b'"pace_factor": 1' + b"0" * 400)
    assert rejected(data).startswith("steps[2].pace_factor:")


def test_deeply_nested_json_does_not_crash() -> None:
    for text in (b"[" * 10000, b"[" * 10000 + b"]" * 10000, b'{"a":' * 10000 + b"1" + b"}" * 10000):
        message = rejected(text)
        assert "nested" in message or "JSON" in message


def test_nesting_inside_a_valid_key_is_rejected() -> None:
    data = copy.deepcopy(valid_data())
    data["steps"][0]["cue"] = "@@"
    text = encode(data).replace(b'"@@"', b"[" * 5000 + b"]" * 5000)
    rejected(text)


def test_brackets_inside_strings_do_not_count_as_nesting() -> None:
    routine = routine_from_bytes(with_change(set_step(2, "cue", "[[[[{{{{" * 15)))
    assert routine.steps[2].cue.startswith("[[[[")


def test_file_over_256_kib_is_rejected_before_parsing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    data = encode(valid_data())
    padded = data + b" " * (LIMIT + 1 - len(data))

    def no_parsing(*args: Any, **kwargs: Any) -> Any:
        raise AssertionError("the file was parsed before its size was checked")

    monkeypatch.setattr(strictjson.json, "loads", no_parsing)
    assert str(LIMIT) in rejected(padded)
    path = tmp_path / "big.json"
    path.write_bytes(padded)
    with pytest.raises(RoutineError, match=str(LIMIT)):
        load_routine_file(path)


def test_a_much_bigger_file_reports_the_limit_without_misstating_its_size(tmp_path: Path) -> None:
    path = tmp_path / "huge.json"
    path.write_bytes(b" " * (4 * LIMIT))
    with pytest.raises(RoutineError) as info:
        load_routine_file(path)
    message = str(info.value)
    assert str(path) in message
    assert str(LIMIT) in message
    assert str(LIMIT + 1) not in message, "the file is not 262145 bytes long"


def test_load_routine_file_names_the_file(tmp_path: Path) -> None:
    path = tmp_path / "bad.json"
    path.write_bytes(with_change(set_step(1, "reps", 0)))
    with pytest.raises(RoutineError) as info:
        load_routine_file(path)
    assert str(info.value).startswith(f"{path}: steps[1].reps:")
    with pytest.raises(RoutineError, match="cannot read"):
        load_routine_file(tmp_path / "missing.json")
    with pytest.raises(RoutineError, match="is a folder, not a regular file"):
        load_routine_file(tmp_path)


def test_parse_routine_accepts_decoded_json() -> None:
    assert parse_routine(valid_data()) == routine_from_bytes(encode(valid_data()))
    with pytest.raises(RoutineError, match=r"^steps\[1\]\.reps:"):
        parse_routine(valid_data() | {"steps": [valid_data()["steps"][0], {"area": "breathing", "stroke": "breath"}]})


def test_routine_to_json_leaves_out_defaults() -> None:
    data = json.loads(routine_to_json(routine_from_bytes(encode(valid_data()))))
    assert data["schema"] == "massage-gui/routine"
    assert data["version"] == 1
    assert data["steps"][0] == {"area": "breathing", "stroke": "breath", "reps": 5}
    assert data["steps"][1] == {"area": "collarbone", "stroke": "circles", "toward": "terminus", "reps": 10}


# -- properties -------------------------------------------------------------------------------------


@st.composite
def steps(draw: st.DrawFn) -> Step:
    area = draw(st.sampled_from(AREA_IDS))
    if area == "breathing":
        stroke, toward = "breath", None
    else:
        stroke = draw(st.sampled_from(("circles", "stretch", "sweep")))
        toward = draw(st.sampled_from(DRAINS_TOWARD[area]))
    return Step(
        area=area,
        stroke=stroke,
        toward=toward,
        side=draw(st.sampled_from(SIDES)),
        reps=draw(st.integers(1, 100)),
        pace_factor=draw(st.one_of(st.just(1.0), st.floats(0.5, 3.0), st.integers(1, 3).map(float))),
        cue=draw(plain_text(max_size=120)),
    )


def plain_text(min_size: int = 0, max_size: int = 100, line_breaks: bool = False) -> st.SearchStrategy[str]:
    """Any text a routine file may hold: no control characters (a description may break lines)."""
    allowed = st.characters(exclude_categories=("Cs",)).filter(lambda ch: not is_control(ch))
    if line_breaks:
        allowed = st.one_of(allowed, st.just("\n"))
    return st.text(allowed, min_size=min_size, max_size=max_size)


routines = st.builds(
    Routine,
    name=plain_text(min_size=1, max_size=100).filter(str.strip),
    steps=st.lists(steps(), min_size=1, max_size=12).map(tuple),
    description=plain_text(max_size=500, line_breaks=True),
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(routines)
def test_round_trip(routine: Routine) -> None:
    text = routine_to_json(routine)
    assert routine_from_bytes(text.encode("utf-8")) == routine
    assert routine_to_json(routine_from_bytes(text.encode("utf-8"))) == text


def _flip(data: bytes, index: int, bit: int) -> bytes:
    index %= len(data)
    return data[:index] + bytes([data[index] ^ (1 << bit)]) + data[index + 1 :]


VALID_BYTES = json.dumps(valid_data(), indent=1).encode("utf-8")

mangled = st.one_of(
    st.binary(max_size=400),
    st.integers(0, len(VALID_BYTES)).map(lambda n: VALID_BYTES[:n]),
    st.tuples(st.integers(0, len(VALID_BYTES) - 1), st.integers(0, 7)).map(lambda ib: _flip(VALID_BYTES, *ib)),
    st.tuples(st.integers(0, len(VALID_BYTES)), st.binary(min_size=1, max_size=8)).map(
        lambda nb: VALID_BYTES[: nb[0]] + nb[1] + VALID_BYTES[nb[0] :]
    ),
)


@settings(max_examples=600, deadline=None)
@given(mangled)
def test_only_routine_or_routine_error(data: bytes) -> None:
    message = ""
    try:
        result = routine_from_bytes(data)
    except RoutineError as exc:
        message = str(exc)
    else:
        assert isinstance(result, Routine)
        routine_to_json(result).encode("utf-8")  # whatever loads can be written back
        return
    assert message
    assert "\n" not in message


def test_parse_routine_with_an_integer_too_large_for_a_float() -> None:
    data = valid_data()
    data["steps"][2]["pace_factor"] = 10**400
    with pytest.raises(RoutineError, match=r"^steps\[2\]\.pace_factor:"):
        parse_routine(data)


def test_an_unknown_key_with_a_line_break_is_quoted_on_one_line() -> None:
    data = {"schema": "massage-gui/routine", "version": 1, "name": "x", "steps": [{"\n": None}]}
    with pytest.raises(RoutineError) as caught:
        parse_routine(data)
    assert str(caught.value).startswith('steps[0]["\\n"]: unknown key')
    assert "\n" not in str(caught.value)


# -- control characters ---------------------------------------------------------------------------------

CONTROLS = ["\x1b", "\x00", "\n", "\r", "\t", "\x7f", "\x9b", "\u2028", "\u202e", "\u2066"]
FIELDS = {
    "name": lambda data, text: data.__setitem__("name", text),
    "description": lambda data, text: data.__setitem__("description", text),
    "steps[2].cue": lambda data, text: data["steps"][2].__setitem__("cue", text),
}


@pytest.mark.parametrize("char", CONTROLS, ids=[f"U+{ord(c):04X}" for c in CONTROLS])
@pytest.mark.parametrize("path", list(FIELDS))
def test_control_characters_in_text_are_rejected_with_their_path(path: str, char: str) -> None:
    if path == "description" and char == "\n":
        pytest.skip("a description may have line breaks")
    data = valid_data()
    FIELDS[path](data, f"Red{char}[31m text")
    assert rejected(encode(data)) == f"{path}: control character U+{ord(char):04X} not allowed"


def test_a_description_keeps_its_line_breaks() -> None:
    """The editor's description box is several lines high and Enter starts a new line there; the command
    line never prints a description as text, only in JSON (where a line break is escaped)."""
    data = valid_data()
    data["description"] = "Morning.\nSkin-light pressure."
    assert routine_from_bytes(encode(data)).description == "Morning.\nSkin-light pressure."


@pytest.mark.parametrize("text", ["Abend – Kiefer", "שלום\u200e face", "family \U0001f468\u200d\U0001f469", "Zoë"])
def test_ordinary_text_with_marks_and_joiners_is_accepted(text: str) -> None:
    data = valid_data()
    data["name"] = text
    data["steps"][2]["cue"] = text
    routine = routine_from_bytes(encode(data))
    assert (routine.name, routine.steps[2].cue) == (text, text)


def test_a_routine_file_with_an_escape_in_its_name_names_the_file(tmp_path: Path) -> None:
    path = tmp_path / "evil.json"
    data = valid_data()
    data["name"] = "\x1b]0;pwned\x07"
    path.write_bytes(encode(data))
    with pytest.raises(RoutineError) as info:
        load_routine_file(path)
    assert str(info.value) == f"{path}: name: control character U+001B not allowed"


def test_a_way_round_a_treated_side_is_explained_not_just_refused() -> None:
    """A routine file may not send the neck to the armpit by itself: that way is the plan's, for a treated
    side. The error says so, and what to write instead."""
    with pytest.raises(RoutineError) as caught:
        Step("neck_side", "sweep", 5, toward="axillary")
    message = str(caught.value)
    assert message.startswith('toward: neck_side drains toward terminus, deep_cervical, got "axillary"')
    assert "only the way round a treated neck side" in message
    assert "--treated" in message
    assert "\n" not in message
    with pytest.raises(RoutineError) as caught:  # a node no face area reaches at all: the plain error
        Step("cheeks", "sweep", 5, toward="occipital")
    assert "treated" not in str(caught.value)


@pytest.mark.parametrize(
    ("step", "expected"),
    [
        (
            {"area": "cheeks", "stroke": "stretch", "reps": 5, "toward": "terminus"},
            "Step 2: strokes on the cheeks go toward Under the jaw or In front of the ear, not Collarbone hollow.",
        ),
        ({"area": "elbow", "stroke": "stretch", "reps": 5, "toward": "terminus"}, "Step 2: “elbow” is not an area"),
        ({"area": "cheeks", "stroke": "rub", "reps": 5, "toward": "preauricular"}, "Step 2: “rub” is not a stroke"),
        ({"area": "cheeks", "stroke": "stretch", "reps": 0, "toward": "preauricular"}, "Step 2: give 1 to 100"),
        ({"area": "cheeks", "stroke": "stretch", "toward": "preauricular"}, "Step 2: “reps” is missing."),
        ({"area": "neck_side", "stroke": "stretch", "reps": 5, "toward": "axillary"}, "way round a treated"),
        (7, "Step 2 is not written as a step."),
    ],
)
def test_step_errors_are_worded_for_the_window_too(step: Any, expected: str) -> None:
    data = {"schema": "massage-gui/routine", "version": 1, "name": "x", "steps": [valid_data()["steps"][0], step]}
    with pytest.raises(RoutineError) as caught:
        parse_routine(data)
    assert str(caught.value).startswith("steps[1]"), "the command line keeps its form"
    assert expected in caught.value.for_people
