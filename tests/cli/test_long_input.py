"""Text from the user or a file said back in an error is shortened: a 200,000-character key or flag value
gives a line of a few hundred characters, not one of 200,000."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from massage_gui.cli import main
from massage_gui.core.errors import RoutineError
from massage_gui.core.routine import routine_from_bytes

ERROR = "massage-gui: error: "


@pytest.fixture(autouse=True)
def _in_a_temporary_folder(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """Output names such as x.png are relative: should a command run after all, it writes nowhere that matters."""
    monkeypatch.chdir(tmp_path_factory.mktemp("cwd"))


LONG = "x" * 100_000
SHOWN = S = "x" * 60 + "..."  # what is left of LONG
GOOD: dict[str, Any] = {
    "schema": "massage-gui/routine",
    "version": 1,
    "name": "Morning face",
    "steps": [{"area": "collarbone", "stroke": "circles", "toward": "terminus", "reps": 10}],
}


def _step(**changes: Any) -> dict[str, Any]:
    return {**GOOD, "steps": [{**GOOD["steps"][0], **changes}]}


def _error(capsys: pytest.CaptureFixture[str], *argv: str) -> str:
    code = main(list(argv))
    out, err = capsys.readouterr()
    assert (code, out) == (2, ""), err[:500]
    assert err.startswith(ERROR), err[:500]
    assert err.count("\n") == 1, err[:500]
    assert len(err) < 600, err[:700]
    return err.removeprefix(ERROR).removesuffix("\n")


@pytest.mark.parametrize(
    ("argv", "start"),
    [
        (["plan", "quick", "--skip", LONG], f"argument --skip: unknown area '{SHOWN}' (expected an area such as"),
        (["plan", "quick", "--skip", LONG + ":left"], f"argument --skip: unknown area '{SHOWN}' (expected"),
        (["plan", "quick", "--focus", LONG], f"argument --focus: unknown area '{SHOWN}' (expected one of"),
        (["screenshot", "x.png", "--size", LONG], f"argument --size: expected WIDTHxHEIGHT such as 1280x800, got '{S}"),
        (["screenshot", "x.png", "--size", "9" * 1000 + "x1"], "argument --size: expected a size from 800x600"),
        (["plan", "quick", "--pace", LONG], f"argument --pace: expected a number, got '{SHOWN}'"),
        (["plan", "quick", "--pace", "9" * 100_000], f"argument --pace: expected a finite number, got '{'9' * 60}...'"),
        (["plan", "quick", "--pace", "0." + "0" * 99_999], "argument --pace: expected a number from 1 to 4, got 0.000"),
        (["plan", "quick", "--treated", LONG], f"argument --treated: invalid choice: '{SHOWN}'"),
        (["plan", "quick", f"--treated={LONG}"], f"argument --treated: invalid choice: '{SHOWN}'"),
        ([LONG], f"argument COMMAND: invalid choice: '{SHOWN}'"),
        (["plan", "x" * 250], f"unknown routine '{SHOWN}' (known: "),
        (["plan", "quick", LONG], f"unrecognized arguments: {SHOWN}"),
        (["plan", "quick", "--wrong", LONG], f"unrecognized arguments: --wrong {SHOWN}"),
        (["export", "quick", LONG + "/"], f"argument FILE: expected a file name, got '{S}' (a folder: it ends in /)"),
        (["check", "/" + LONG], f"/{'x' * 59}...: cannot read (File name too long)"),
    ],
)  # fmt: skip
def test_a_long_argument_is_shortened_in_the_error(
    capsys: pytest.CaptureFixture[str], argv: list[str], start: str
) -> None:
    assert _error(capsys, *argv).startswith(start)


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "long.json"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        ({**GOOD, LONG: 1}, f'"{SHOWN}": unknown key (expected one of '),
        (_step(**{LONG: 1}), f'steps[0]["{S}"]: unknown key (expected one of '),
        ({**GOOD, "schema": LONG}, f'schema: expected "massage-gui/routine", got "{S}"'),
        ({**GOOD, "for_treated": LONG}, f'for_treated: expected one of one, both, got "{S}"'),
        (_step(area=LONG), "steps[0].area: expected one of collarbone"),
        (_step(toward=LONG), f'steps[0].toward: collarbone drains toward terminus, got "{S}"'),
        (_step(side=LONG), f'steps[0].side: expected one of both, left, right, center, got "{S}"'),
        (_step(stroke=LONG), f'steps[0].stroke: expected one of breath, circles, stretch, sweep, got "{S}"'),
    ],
)  # fmt: skip
def test_a_long_key_or_value_in_a_routine_file_is_shortened(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, data: dict[str, Any], expected: str
) -> None:
    path = _write(tmp_path, json.dumps(data))
    assert _error(capsys, "check", str(path)).startswith(f"{path}: {expected}")


def test_a_long_duplicate_key_is_shortened(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    text = json.dumps(GOOD).replace('"reps": 10', f'"reps": 10, "{LONG}": 1, "{LONG}": 2')
    path = _write(tmp_path, text)
    assert _error(capsys, "check", str(path)) == f'{path}: steps[0]["{SHOWN}"]: duplicate key'


def test_a_long_value_is_shortened_for_the_window_too() -> None:
    data = _step(area=LONG)
    with pytest.raises(RoutineError) as caught:
        routine_from_bytes(json.dumps(data).encode())
    assert caught.value.for_people == f"Step 1: “{SHOWN}” is not an area this app knows."


def test_short_values_are_said_whole(capsys: pytest.CaptureFixture[str]) -> None:
    exact = "y" * 60
    assert _error(capsys, "plan", "quick", "--skip", exact).startswith(f"argument --skip: unknown area '{exact}' (")


@pytest.mark.parametrize("argv", [["plan", "y" * 300], ["plan", "y" * 300 + ".json"], ["plan", "y" * 100_000]])
def test_a_routine_name_too_long_for_a_file_is_one_line(capsys: pytest.CaptureFixture[str], argv: list[str]) -> None:
    """The look for a file of that name failed with OSError (File name too long): a traceback."""
    message = _error(capsys, *argv)
    assert "y" * 60 in message, message[:200]
    assert len(message) < 4096 + 200, "a file name is said whole up to the longest path, a name shortened"
    assert "unknown routine" in message or "no such routine file" in message
