"""What `check` says about a routine file: JSON's own words and spellings, one short line."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from massage_gui.cli import main

ERROR = "massage-gui: error: "
GOOD: dict[str, Any] = {
    "schema": "massage-gui/routine",
    "version": 1,
    "name": "Morning face",
    "steps": [
        {"area": "breathing", "stroke": "breath", "reps": 5},
        {"area": "collarbone", "stroke": "circles", "toward": "terminus", "reps": 10},
    ],
}


def _check(capsys: pytest.CaptureFixture[str], path: Path) -> str:
    code = main(["check", str(path)])
    out, err = capsys.readouterr()
    assert (code, out) == (2, ""), err
    assert err.startswith(f"{ERROR}{path}: "), err
    assert err.count("\n") == 1, err
    assert err.endswith("\n"), err
    return err.removeprefix(f"{ERROR}{path}: ").removesuffix("\n")


def _write(tmp_path: Path, data: Any) -> Path:
    path = tmp_path / "r.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        ({"version": True}, "version: expected 1, got true"),
        ({"version": None}, "version: expected 1, got null"),
        ({"version": "1"}, 'version: expected 1, got "1"'),
        ({"version": 1.5}, "version: expected 1, got 1.5"),
        ({"schema": None}, 'schema: expected "massage-gui/routine", got null'),
        ({"schema": False}, 'schema: expected "massage-gui/routine", got false'),
        ({"schema": "massage-gui/settings"}, 'schema: expected "massage-gui/routine", got "massage-gui/settings"'),
        ({"for_treated": "left"}, 'for_treated: expected one of one, both, got "left"'),
    ],
)
def test_top_level_values_are_said_back_as_json(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, change: dict[str, Any], expected: str
) -> None:
    assert _check(capsys, _write(tmp_path, {**GOOD, **change})) == expected


def test_a_missing_schema_is_null_as_json_says(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    data = {k: v for k, v in GOOD.items() if k != "schema"}
    assert _check(capsys, _write(tmp_path, data)) == 'schema: expected "massage-gui/routine", got null'


SWEEP = {"area": "cheeks", "stroke": "sweep", "toward": "preauricular", "reps": 1}
BREATH = {"area": "breathing", "stroke": "breath", "reps": 1}


@pytest.mark.parametrize(
    ("step", "expected"),
    [
        ({**SWEEP, "area": "elbow"}, 'area: expected one of {areas}, got "elbow"'),
        ({**SWEEP, "stroke": "knead"}, 'stroke: expected one of breath, circles, stretch, sweep, got "knead"'),
        ({**SWEEP, "toward": "terminus"}, 'toward: cheeks drains toward submandibular, preauricular, got "terminus"'),
        ({**SWEEP, "side": "up"}, 'side: expected one of both, left, right, center, got "up"'),
        ({"area": "cheeks", "stroke": "sweep", "reps": 1}, 'toward: missing (required for a "sweep" step)'),
        ({**BREATH, "area": "cheeks"}, 'stroke: "breath" goes with the area "breathing" and only with it'),
        ({**BREATH, "toward": "terminus"}, 'toward: must be absent for a "breath" step'),
        ({**BREATH, "positions": 2}, 'positions: must be absent for a "breath" step (no hands on the face)'),
        ({**SWEEP, "pace_factor": 3.5}, "pace_factor: expected a number from 0.5 to 3.0, got 3.5"),
    ],
)
def test_step_values_are_said_back_as_json(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, step: dict[str, Any], expected: str
) -> None:
    from massage_gui.core.anatomy import AREA_IDS

    message = _check(capsys, _write(tmp_path, {**GOOD, "steps": [step]}))
    assert message == "steps[0]." + expected.format(areas=", ".join(AREA_IDS))


def test_a_number_too_large_for_a_float_is_not_called_inf(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = tmp_path / "r.json"
    path.write_text(json.dumps({**GOOD, "steps": [SWEEP]}).replace('"reps": 1', '"reps": 1, "pace_factor": 1e999'))
    assert _check(capsys, path) == "steps[0].pace_factor: expected a number from 0.5 to 3.0, got a number too large"
