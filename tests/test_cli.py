"""The command line (docs/cli.md): output formats, MASSAGE_GUI_HOME, and one-line errors with exit status 2."""

from __future__ import annotations

import json
import math
import os
import re
import subprocess
import sys
from itertools import pairwise
from pathlib import Path
from typing import Any

import pytest

import massage_gui
from massage_gui.cli import main
from massage_gui.core.anatomy import default_anatomy
from massage_gui.core.library import builtin_routines

PLAN_KEYS = {
    "routine", "pace_s", "breath_s", "lead_in_s", "transition_s", "total_s", "skipped_areas", "focus_areas",
    "warnings", "steps",
}  # fmt: skip
PLAN_STEP_KEYS = {
    "index", "area", "stroke", "toward", "side", "reps", "positions", "route", "stroke_s", "start_s", "duration_s",
    "cue",
}  # fmt: skip
FRAME_KEYS = {
    "t", "state", "step_index", "area", "stroke", "rep", "reps", "phase", "step_remaining_s", "total_remaining_s",
    "mirror", "arrows", "targets", "position", "positions", "hands",
}  # fmt: skip
ARROW_KEYS = {"side", "x", "y", "angle_deg", "opacity"}
TARGET_KEYS = {"node", "side", "x", "y"}
BUILTINS = {entry.id: entry.routine for entry in builtin_routines()}
ERROR_PREFIX = "massage-gui: error: "

VALID_FILE = {
    "schema": "massage-gui/routine",
    "version": 1,
    "name": "Morning face",
    "steps": [
        {"area": "breathing", "stroke": "breath", "reps": 5},
        {"area": "collarbone", "stroke": "circles", "toward": "terminus", "side": "both", "reps": 10},
        {"area": "cheeks", "stroke": "stretch", "toward": "submandibular", "reps": 7, "pace_factor": 1.2},
    ],
}


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def run_json(capsys: pytest.CaptureFixture[str], *argv: str) -> Any:
    code, out, err = run(capsys, *argv)
    assert (code, err) == (0, ""), err
    return json.loads(out)


def run_process(*argv: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "massage_gui", *argv],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
        env={**os.environ, **(env or {})},
    )


def assert_usage_error(code: int, out: str, err: str) -> str:
    """Exit 2, nothing on stdout, exactly one line on stderr with the prefix docs/cli.md gives; returns the line."""
    assert code == 2, (code, out, err)
    assert "Traceback" not in err
    assert "Traceback" not in out
    assert out == ""
    lines = err.splitlines()
    assert len(lines) == 1, err
    assert err.endswith("\n")
    assert lines[0].startswith(ERROR_PREFIX), err
    assert len(lines[0]) > len(ERROR_PREFIX) + 5
    return lines[0]


@pytest.fixture
def routine_file(tmp_path: Path) -> Path:
    path = tmp_path / "morning.json"
    path.write_text(json.dumps(VALID_FILE), encoding="utf-8")
    return path


@pytest.fixture
def invalid_file(tmp_path: Path) -> Path:
    data = json.loads(json.dumps(VALID_FILE))
    data["steps"][1]["reps"] = 0
    path = tmp_path / "invalid.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


# -- routines --------------------------------------------------------------------------------------


def _mmss(text: str) -> float:
    minutes, seconds = text.split(":")
    return int(minutes) * 60 + int(seconds)


def test_routines_text(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "routines")
    assert (code, err) == (0, "")
    lines = out.splitlines()
    data = run_json(capsys, "routines", "--json")
    for routine_id in ("quick", "standard", "thorough"):
        line = next(line for line in lines if line.split()[0] == routine_id)
        assert BUILTINS[routine_id].name in line
        assert "builtin" in line
        entry = next(e for e in data if e["id"] == routine_id)
        clock = re.search(r"\b(\d+:\d\d)\b", line)
        assert clock, line
        assert abs(_mmss(clock.group(1)) - entry["duration_s"]) <= 1


def test_routines_json(capsys: pytest.CaptureFixture[str]) -> None:
    data = run_json(capsys, "routines", "--json")
    assert isinstance(data, list)
    ids = [e["id"] for e in data]
    assert {"quick", "standard", "thorough"} <= set(ids)
    assert len(ids) == len(set(ids))
    for entry in data:
        assert {"id", "name", "source"} <= set(entry)
        assert entry["source"] in ("builtin", "saved")
        duration_keys = [k for k in entry if k.startswith("duration")]
        assert len(duration_keys) == 1
        plan = run_json(capsys, "plan", entry["id"], "--json")
        assert entry[duration_keys[0]] == pytest.approx(plan["total_s"])
        if entry["source"] == "builtin":
            assert entry["name"] == BUILTINS[entry["id"]].name
    durations = {e["id"]: e["duration_s"] for e in data}
    for routine_id, minutes in (("quick", 5), ("standard", 10), ("thorough", 20)):
        assert 0.8 * minutes * 60 <= durations[routine_id] <= 1.2 * minutes * 60


# -- plan ------------------------------------------------------------------------------------------


def check_plan_json(data: dict[str, Any]) -> None:
    """Every invariant docs/cli.md lists for plan --json."""
    assert set(data) == PLAN_KEYS
    assert set(data["routine"]) == {"id", "name"}
    assert 1.0 <= data["pace_s"] <= 4.0
    assert 3.0 <= data["breath_s"] <= 12.0
    assert 0.0 <= data["lead_in_s"] <= 30.0
    assert 0.0 <= data["transition_s"] <= 15.0
    steps = data["steps"]
    assert steps
    for step in steps:
        assert set(step) == PLAN_STEP_KEYS
        assert step["area"] not in data["skipped_areas"]
        if step["stroke"] == "breath":
            assert step["toward"] is None
            assert step["stroke_s"] == data["breath_s"]
        else:
            assert step["toward"] in default_anatomy().areas[step["area"]].drains_toward
        assert step["duration_s"] == pytest.approx(step["reps"] * step["stroke_s"], rel=1e-12)
    assert [s["index"] for s in steps] == list(range(len(steps)))
    assert steps[0]["start_s"] == data["lead_in_s"]
    for prev, nxt in pairwise(steps):
        assert nxt["start_s"] == pytest.approx(prev["start_s"] + prev["duration_s"] + data["transition_s"], abs=1e-9)
    assert data["total_s"] == pytest.approx(steps[-1]["start_s"] + steps[-1]["duration_s"], abs=1e-9)


def test_plan_standard_json(capsys: pytest.CaptureFixture[str]) -> None:
    data = run_json(capsys, "plan", "standard", "--json")
    check_plan_json(data)
    routine = BUILTINS["standard"]
    assert data["routine"] == {"id": "standard", "name": routine.name}
    assert (data["pace_s"], data["breath_s"], data["lead_in_s"], data["transition_s"]) == (2.0, 6.0, 5.0, 3.0)
    assert data["skipped_areas"] == []
    assert data["focus_areas"] == []
    assert data["warnings"] == []
    assert len(data["steps"]) == len(routine.steps)
    for step, original in zip(data["steps"], routine.steps, strict=True):
        assert (step["area"], step["stroke"], step["toward"], step["side"], step["reps"], step["cue"]) == (
            original.area,
            original.stroke,
            original.toward,
            original.side,
            original.reps,
            original.cue,
        )
        expected = 6.0 if original.stroke == "breath" else 2.0 * original.pace_factor
        assert step["stroke_s"] == pytest.approx(expected)


def test_plan_with_pace_skip_and_focus(capsys: pytest.CaptureFixture[str]) -> None:
    data = run_json(
        capsys, "plan", "standard", "--pace", "3", "--skip", "nose", "--skip", "forehead", "--focus", "cheeks", "--json"
    )
    check_plan_json(data)
    assert data["pace_s"] == 3.0
    assert data["skipped_areas"] == ["forehead", "nose"]
    assert data["focus_areas"] == ["cheeks"]
    routine = BUILTINS["standard"]
    kept = [s for s in routine.steps if s.area not in ("nose", "forehead")]
    assert [s["area"] for s in data["steps"]] == [s.area for s in kept]
    for step, original in zip(data["steps"], kept, strict=True):
        reps = math.ceil(original.reps * 1.5) if original.area == "cheeks" else original.reps
        assert step["reps"] == reps
        expected = 6.0 if original.stroke == "breath" else 3.0 * original.pace_factor
        assert step["stroke_s"] == pytest.approx(expected)


def test_plan_skipping_an_outlet_warns(capsys: pytest.CaptureFixture[str]) -> None:
    data = run_json(capsys, "plan", "standard", "--skip", "collarbone", "--json")
    check_plan_json(data)
    assert data["warnings"]
    assert all(isinstance(w, str) and w for w in data["warnings"])
    code, out, _ = run(capsys, "plan", "standard", "--skip", "collarbone")
    assert code == 0
    assert "warning" in out.lower()


def test_plan_of_a_file(capsys: pytest.CaptureFixture[str], routine_file: Path) -> None:
    data = run_json(capsys, "plan", str(routine_file), "--json")
    check_plan_json(data)
    assert data["routine"]["name"] == "Morning face"
    assert [s["area"] for s in data["steps"]] == ["breathing", "collarbone", "cheeks"]
    assert data["steps"][2]["stroke_s"] == pytest.approx(2.4)


def test_plan_text(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "plan", "quick")
    assert (code, err) == (0, "")
    assert BUILTINS["quick"].name in out
    anatomy = default_anatomy()
    for step in BUILTINS["quick"].steps:
        assert anatomy.areas[step.area].label in out


# -- frame -----------------------------------------------------------------------------------------


def frame(capsys: pytest.CaptureFixture[str], routine: str, at: float, *extra: str) -> dict[str, Any]:
    data = run_json(capsys, "frame", routine, "--at", repr(at), *extra, "--json")
    assert set(data) == FRAME_KEYS
    for arrow in data["arrows"]:
        assert set(arrow) == ARROW_KEYS
    for target in data["targets"]:
        assert set(target) == TARGET_KEYS
    return data


@pytest.mark.parametrize(("at", "state"), [(0.0, "lead_in"), (4.9, "lead_in"), (5.0, "step"), (4000.0, "finished")])
def test_frame_states(capsys: pytest.CaptureFixture[str], at: float, state: str) -> None:
    data = frame(capsys, "standard", at)
    assert data["state"] == state
    assert data["mirror"] is True
    if state == "step":
        assert data["rep"] == 1
        assert data["phase"] == 0.0
        assert data["step_index"] == 0
    else:
        assert data["rep"] is None
        assert data["phase"] is None


def test_frame_in_a_transition(capsys: pytest.CaptureFixture[str]) -> None:
    plan = run_json(capsys, "plan", "standard", "--json")
    first = plan["steps"][0]
    data = frame(capsys, "standard", first["start_s"] + first["duration_s"] + 1.0)
    assert data["state"] == "transition"
    assert data["step_index"] == 1
    assert data["step_remaining_s"] == pytest.approx(plan["transition_s"] - 1.0)


def test_frame_rep_and_phase(capsys: pytest.CaptureFixture[str]) -> None:
    plan = run_json(capsys, "plan", "standard", "--json")
    step = plan["steps"][2]
    data = frame(capsys, "standard", step["start_s"] + 4.25 * step["stroke_s"])
    assert data["step_index"] == 2
    assert data["area"] == step["area"]
    assert data["stroke"] == step["stroke"]
    assert data["rep"] == 5
    assert data["reps"] == step["reps"]
    assert data["phase"] == pytest.approx(0.25, abs=1e-3)
    assert data["total_remaining_s"] == pytest.approx(plan["total_s"] - data["t"], abs=1e-3)


def _target_for(data: dict[str, Any], arrow: dict[str, Any]) -> dict[str, Any]:
    return next(t for t in data["targets"] if t["side"] in (arrow["side"], "center"))


@pytest.mark.parametrize("mirror", ["--mirror", "--no-mirror"])
def test_frame_arrow_moves_toward_the_target(capsys: pytest.CaptureFixture[str], mirror: str) -> None:
    plan = run_json(capsys, "plan", "standard", "--json")
    step = next(s for s in plan["steps"] if s["stroke"] == "stretch" and s["side"] == "both")
    early = frame(capsys, "standard", step["start_s"] + 2.1 * step["stroke_s"], mirror)
    later = frame(capsys, "standard", step["start_s"] + 2.4 * step["stroke_s"], mirror)
    assert early["rep"] == later["rep"] == 3
    assert early["mirror"] is later["mirror"] is (mirror == "--mirror")
    assert {t["node"] for t in early["targets"]} == {step["toward"]}
    assert sorted(a["side"] for a in early["arrows"]) == ["left", "right"]
    for a, b in zip(early["arrows"], later["arrows"], strict=True):
        assert a["side"] == b["side"]
        target = _target_for(early, a)
        before = math.hypot(a["x"] - target["x"], a["y"] - target["y"])
        after = math.hypot(b["x"] - target["x"], b["y"] - target["y"])
        assert after < before
        left_on_screen_left = mirror == "--mirror"
        if target["side"] != "center":
            assert (a["x"] < 0.5) == ((a["side"] == "left") == left_on_screen_left)
            assert (target["x"] < 0.5) == ((target["side"] == "left") == left_on_screen_left)


def test_frame_with_pace_and_skip(capsys: pytest.CaptureFixture[str]) -> None:
    plan = run_json(capsys, "plan", "quick", "--pace", "1.5", "--skip", "breathing", "--json")
    step = plan["steps"][0]
    data = frame(capsys, "quick", step["start_s"] + 0.5 * step["stroke_s"], "--pace", "1.5", "--skip", "breathing")
    assert data["area"] == step["area"] != "breathing"
    assert data["phase"] == pytest.approx(0.5, abs=1e-3)


def test_frame_text(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "frame", "standard", "--at", "60")
    assert (code, err) == (0, "")
    assert out.strip()


# -- check -----------------------------------------------------------------------------------------


def test_check_valid_file(capsys: pytest.CaptureFixture[str], routine_file: Path) -> None:
    code, out, err = run(capsys, "check", str(routine_file))
    assert (code, err) == (0, "")
    assert "Morning face" in out


def test_check_builtin_files(capsys: pytest.CaptureFixture[str]) -> None:
    from massage_gui.core.library import builtin_dir

    for path in sorted(builtin_dir().glob("*.json")):
        code, _, err = run(capsys, "check", str(path))
        assert (code, err) == (0, ""), path


def test_check_invalid_file(capsys: pytest.CaptureFixture[str], invalid_file: Path) -> None:
    line = assert_usage_error(*run(capsys, "check", str(invalid_file)))
    assert str(invalid_file) in line
    assert "steps[1].reps" in line


# -- paths and version -----------------------------------------------------------------------------


def test_paths_respects_massage_gui_home(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    home = tmp_path / "portable home"
    monkeypatch.setenv("MASSAGE_GUI_HOME", str(home))
    code, out, err = run(capsys, "paths")
    assert (code, err) == (0, "")
    lines = out.splitlines()
    assert len(lines) >= 3
    text = out.lower()
    for word in ("settings", "favourites", "history"):
        assert word in text
    for line in lines:
        assert str(home) in line, line


def test_paths_without_home_uses_the_platform_dirs(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.delenv("MASSAGE_GUI_HOME")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg-config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg-data"))
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "xdg-state"))
    code, out, err = run(capsys, "paths")
    assert (code, err) == (0, "")
    if sys.platform.startswith("linux"):
        assert str(tmp_path / "xdg-config") in out
        assert str(tmp_path / "xdg-data") in out


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        main(["--version"])
    assert info.value.code in (0, None)
    out = capsys.readouterr().out
    assert out.strip() == f"massage-gui {massage_gui.__version__}"


# -- errors ----------------------------------------------------------------------------------------


ALL_NECK_AREAS = ["breathing", "collarbone", "neck_side", "neck_back", "front_of_ear"]

BAD_ARGS: dict[str, list[str]] = {
    "unknown-routine": ["plan", "no-such-routine"],
    "unknown-routine-frame": ["frame", "no-such-routine", "--at", "1"],
    "bad-pace-text": ["plan", "standard", "--pace", "fast"],
    "bad-pace-nan": ["plan", "standard", "--pace", "nan"],
    "bad-pace-inf": ["plan", "standard", "--pace", "inf"],
    "bad-pace-low": ["plan", "standard", "--pace", "0.5"],
    "bad-pace-high": ["plan", "standard", "--pace", "9"],
    "bad-pace-negative": ["plan", "standard", "--pace", "-2"],
    "bad-pace-frame": ["frame", "standard", "--at", "3", "--pace", "nan"],
    "bad-skip": ["plan", "standard", "--skip", "elbow"],
    "bad-focus": ["plan", "standard", "--focus", "knee"],
    "bad-skip-frame": ["frame", "standard", "--at", "3", "--skip", "Cheeks"],
    "at-missing": ["frame", "standard"],
    "at-without-value": ["frame", "standard", "--at"],
    "at-negative": ["frame", "standard", "--at", "-1"],
    "at-text": ["frame", "standard", "--at", "soon"],
    "at-nan": ["frame", "standard", "--at", "nan"],
    "at-inf": ["frame", "standard", "--at", "inf"],
    "unknown-subcommand": ["dance"],
    "unknown-flag": ["plan", "standard", "--fast"],
    "unknown-top-flag": ["--bogus"],
    "unknown-routines-flag": ["routines", "--xml"],
    "plan-without-routine": ["plan"],
    "check-without-file": ["check"],
    "everything-skipped": ["plan", "neck", *[arg for a in ALL_NECK_AREAS for arg in ("--skip", a)]],
    "everything-skipped-frame": ["frame", "neck", "--at", "1", *[arg for a in ALL_NECK_AREAS for arg in ("--skip", a)]],
}


@pytest.mark.parametrize("argv", list(BAD_ARGS.values()), ids=list(BAD_ARGS))
def test_bad_arguments(capsys: pytest.CaptureFixture[str], argv: list[str]) -> None:
    assert_usage_error(*run(capsys, *argv))


def test_error_lines_say_what_is_wrong(capsys: pytest.CaptureFixture[str]) -> None:
    assert "no-such-routine" in assert_usage_error(*run(capsys, "plan", "no-such-routine"))
    assert "--pace" in assert_usage_error(*run(capsys, "plan", "standard", "--pace", "9"))
    assert "elbow" in assert_usage_error(*run(capsys, "plan", "standard", "--skip", "elbow"))
    assert "--at" in assert_usage_error(*run(capsys, "frame", "standard", "--at", "-1"))
    assert "dance" in assert_usage_error(*run(capsys, "dance"))


@pytest.mark.parametrize("command", ["check", "plan", "frame"])
def test_missing_file(capsys: pytest.CaptureFixture[str], tmp_path: Path, command: str) -> None:
    missing = tmp_path / "missing.json"
    extra = ["--at", "1"] if command == "frame" else []
    line = assert_usage_error(*run(capsys, command, str(missing), *extra))
    assert str(missing) in line


@pytest.mark.parametrize("command", ["check", "plan", "frame"])
def test_invalid_file(capsys: pytest.CaptureFixture[str], invalid_file: Path, command: str) -> None:
    extra = ["--at", "1"] if command == "frame" else []
    line = assert_usage_error(*run(capsys, command, str(invalid_file), *extra))
    assert "steps[1].reps" in line


@pytest.mark.parametrize(
    "content",
    [b"", b"{", b"\xff\xfe{}", b"[" * 10000, b" " * (256 * 1024 + 1), b'{"schema": NaN}'],
    ids=["empty", "truncated", "not-utf8", "deep", "too-big", "nan"],
)
def test_broken_files(capsys: pytest.CaptureFixture[str], tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "broken.json"
    path.write_bytes(content)
    line = assert_usage_error(*run(capsys, "check", str(path)))
    assert str(path) in line


def test_directory_instead_of_a_file(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    assert_usage_error(*run(capsys, "check", str(tmp_path)))


def test_file_name_with_a_newline_still_gives_one_line(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = tmp_path / "two\nlines.json"
    assert_usage_error(*run(capsys, "check", str(path)))
    path.write_text("{}", encoding="utf-8")
    assert_usage_error(*run(capsys, "check", str(path)))


# -- through a real process ------------------------------------------------------------------------


def test_process_version() -> None:
    result = run_process("--version")
    assert result.returncode == 0
    assert result.stdout.strip() == f"massage-gui {massage_gui.__version__}"


def test_process_routines_and_plan_json() -> None:
    result = run_process("routines", "--json")
    assert (result.returncode, result.stderr) == (0, "")
    assert {"quick", "standard", "thorough"} <= {e["id"] for e in json.loads(result.stdout)}
    result = run_process("plan", "standard", "--json")
    assert (result.returncode, result.stderr) == (0, "")
    check_plan_json(json.loads(result.stdout))


def test_process_paths_respects_massage_gui_home(tmp_path: Path) -> None:
    result = run_process("paths", env={"MASSAGE_GUI_HOME": str(tmp_path)})
    assert (result.returncode, result.stderr) == (0, "")
    assert all(str(tmp_path) in line for line in result.stdout.splitlines())


@pytest.mark.parametrize(
    "argv",
    [["plan", "no-such-routine"], ["frame", "standard", "--at", "soon"], ["dance"], ["check", "/nonexistent/x.json"]],
)
def test_process_errors(argv: list[str]) -> None:
    result = run_process(*argv)
    assert_usage_error(result.returncode, result.stdout, result.stderr)


def test_process_check_invalid_file(invalid_file: Path) -> None:
    result = run_process("check", str(invalid_file))
    line = assert_usage_error(result.returncode, result.stdout, result.stderr)
    assert "steps[1].reps" in line


@pytest.mark.parametrize("name", ["carriage\rreturn", "form\ffeed", "para\u2029graph", "next\x85line"])
def test_other_line_breaks_in_a_file_name(capsys: pytest.CaptureFixture[str], tmp_path: Path, name: str) -> None:
    assert_usage_error(*run(capsys, "check", str(tmp_path / f"{name}.json")))


def test_screenshot_writes_a_png_of_the_asked_size(tmp_path: Path) -> None:
    out = tmp_path / "shot.png"
    result = subprocess.run(
        [sys.executable, "-m", "massage_gui", "screenshot", str(out), "--routine", "quick", "--at", "40",
         "--size", "900x700", "--theme", "dark", "--no-mirror"],
        capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert out.read_bytes().startswith(b"\x89PNG\r\n\x1a\n")
    width, height = int.from_bytes(out.read_bytes()[16:20], "big"), int.from_bytes(out.read_bytes()[20:24], "big")
    assert (width, height) == (900, 700)


@pytest.mark.parametrize(
    "argv",
    [
        ["screenshot", "out.png", "--size", "10x10"],
        ["screenshot", "out.png", "--size", "big"],
        ["screenshot", "out.txt"],
        ["screenshot", "out.png", "--routine", "nope"],
        ["screenshot", "out.png", "--paused"],
        ["screenshot", "out.png", "--theme", "purple"],
    ],
)
def test_screenshot_errors_are_one_line(argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert err.startswith("massage-gui: error: ")
    assert err.count("\n") == 1


# -- import, export and saved settings ------------------------------------------------------------------


def test_import_saves_a_favourite_that_every_command_then_knows(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    source = tmp_path / "morning.json"
    source.write_text(json.dumps(VALID_FILE), encoding="utf-8")
    code, out, err = run(capsys, "import", str(source))
    assert (code, err) == (0, "")
    fav_id = out.strip()
    assert fav_id == "morning-face"
    code, out, _ = run(capsys, "import", str(source))
    assert out.strip() == "morning-face-2", "a second import gets its own id"
    rows = run_json(capsys, "routines", "--json")
    saved = [r for r in rows if r["source"] == "saved"]
    assert [r["id"] for r in saved] == ["morning-face", "morning-face-2"]
    assert saved[0]["name"] == "Morning face"
    plan = run_json(capsys, "plan", fav_id, "--json")
    assert plan["routine"] == {"id": fav_id, "name": "Morning face"}
    exported = tmp_path / "out.json"
    code, out, err = run(capsys, "export", fav_id, str(exported))
    assert (code, err) == (0, "")
    assert json.loads(exported.read_text(encoding="utf-8")) == {**VALID_FILE, "steps": [
        {"area": "breathing", "stroke": "breath", "reps": 5},
        {"area": "collarbone", "stroke": "circles", "toward": "terminus", "reps": 10},
        {"area": "cheeks", "stroke": "stretch", "toward": "submandibular", "reps": 7, "pace_factor": 1.2},
    ]}  # fmt: skip


def test_export_of_a_builtin_checks_clean(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    out_file = tmp_path / "standard.json"
    assert run(capsys, "export", "standard", str(out_file))[0] == 0
    code, out, err = run(capsys, "check", str(out_file))
    assert (code, err) == (0, "")
    assert "ok" in out


def test_an_invalid_import_saves_nothing(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps({**VALID_FILE, "steps": [{"area": "cheeks", "stroke": "stretch", "reps": 0,
                                                       "toward": "submandibular"}]}), encoding="utf-8")  # fmt: skip
    line = assert_usage_error(*run(capsys, "import", str(bad)))
    assert "steps[0].reps" in line
    home = Path(os.environ["MASSAGE_GUI_HOME"])
    assert not (home / "data" / "favourites.json").exists()


def test_import_refuses_an_oversized_file_before_parsing(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    big = tmp_path / "big.json"
    big.write_bytes(b"[" + b"0," * 200_000 + b"0]")
    line = assert_usage_error(*run(capsys, "import", str(big)))
    assert "256" in line or "larger" in line


def test_export_into_a_folder_is_an_error(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    assert_usage_error(*run(capsys, "export", "quick", str(tmp_path)))


def test_saved_settings_apply_and_flags_override_them_for_one_run(capsys: pytest.CaptureFixture[str]) -> None:
    home = Path(os.environ["MASSAGE_GUI_HOME"])
    (home / "config").mkdir(parents=True, exist_ok=True)
    (home / "config" / "settings.json").write_text(
        json.dumps({"schema": "massage-gui/settings", "schema_version": 1,
                    "data": {"pace_s": 3.0, "skipped_areas": ["forehead"]}}),
        encoding="utf-8",
    )  # fmt: skip
    plan = run_json(capsys, "plan", "standard", "--json")
    assert plan["pace_s"] == 3.0
    assert plan["skipped_areas"] == ["forehead"]
    plan = run_json(capsys, "plan", "standard", "--json", "--pace", "1.5")
    assert plan["pace_s"] == 1.5
    assert json.loads((home / "config" / "settings.json").read_text(encoding="utf-8"))["data"]["pace_s"] == 3.0


def test_a_damaged_settings_file_warns_but_the_command_runs(capsys: pytest.CaptureFixture[str]) -> None:
    home = Path(os.environ["MASSAGE_GUI_HOME"])
    (home / "config").mkdir(parents=True, exist_ok=True)
    (home / "config" / "settings.json").write_bytes(b'{"schema": "massage-gui/sett')
    code, out, err = run(capsys, "plan", "quick", "--json")
    assert code == 0
    assert err.startswith("massage-gui: warning: ")
    assert err.count("\n") == 1
    assert json.loads(out)["pace_s"] == 2.0
    assert (home / "config" / "settings.json").exists(), "the command line never moves files"


# -- hostile text, special files, limits -------------------------------------------------------------------

CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def _write_saved_favourites(names: list[str]) -> None:
    """A favourites file as an older version could have written it, names unchecked."""
    home = Path(os.environ["MASSAGE_GUI_HOME"])
    (home / "data").mkdir(parents=True, exist_ok=True)
    favourites = [
        {"id": f"fav-{i}", "starred": False, "routine": {**VALID_FILE, "name": name}} for i, name in enumerate(names)
    ]
    document = {"schema": "massage-gui/favourites", "schema_version": 1, "data": {"favourites": favourites}}
    (home / "data" / "favourites.json").write_text(json.dumps(document), encoding="utf-8")


HOSTILE_NAMES = ["\x1b[2J\x1b[31mred", "two\nlines", "nul\x00here", "\u202eevil", "csi\x9b31m", "bell\x07"]


def test_routines_never_prints_control_characters(capsys: pytest.CaptureFixture[str]) -> None:
    _write_saved_favourites(HOSTILE_NAMES)
    code, out, err = run(capsys, "routines")
    assert code == 0
    assert not CONTROL.search(out), repr(out)
    assert len(out.splitlines()) == len(BUILTINS) + len(HOSTILE_NAMES), "one row per routine"
    assert err.startswith("massage-gui: warning: ")
    assert err.count("\n") == 1
    assert not CONTROL.search(err.rstrip("\n"))
    code, out, _ = run(capsys, "routines", "--json")
    assert code == 0
    assert not any(CONTROL.search(r["name"]) for r in json.loads(out))


@pytest.mark.parametrize("index", range(len(HOSTILE_NAMES)))
def test_plan_never_prints_control_characters(capsys: pytest.CaptureFixture[str], index: int) -> None:
    _write_saved_favourites(HOSTILE_NAMES)
    code, out, _ = run(capsys, "plan", f"fav-{index}")
    assert code == 0
    assert not CONTROL.search(out), repr(out)


@pytest.mark.parametrize("command", ["check", "import", "plan"])
def test_a_routine_file_with_control_characters_is_refused(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, command: str
) -> None:
    path = tmp_path / "evil.json"
    path.write_text(json.dumps({**VALID_FILE, "name": "\x1b]0;title\x07"}), encoding="utf-8")
    line = assert_usage_error(*run(capsys, command, str(path)))
    assert line == f"{ERROR_PREFIX}{path}: name: control character U+001B not allowed"
    home = Path(os.environ["MASSAGE_GUI_HOME"])
    assert not (home / "data" / "favourites.json").exists()


def test_an_error_never_prints_control_characters(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    line = assert_usage_error(*run(capsys, "check", str(tmp_path / "\x1b[31mred\u202e.json")))
    assert not CONTROL.search(line), repr(line)
    assert "\\x1b[31mred\\u202e.json" in line


def test_a_fifo_as_export_target_is_refused(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    if sys.platform == "win32":
        pytest.skip("no FIFOs")
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    line = assert_usage_error(*run(capsys, "export", "quick", str(fifo)))
    assert line == f"{ERROR_PREFIX}{fifo}: is a FIFO, not a regular file; not replacing it"
    assert os.path.exists(fifo)
    assert not os.path.isfile(fifo)


def test_export_to_a_missing_folder_is_refused(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    target = tmp_path / "nonexistent" / "dir" / "x.json"
    line = assert_usage_error(*run(capsys, "export", "quick", str(target)))
    assert line == f"{ERROR_PREFIX}{target}: the folder {target.parent} does not exist"
    assert not (tmp_path / "nonexistent").exists()


def test_screenshot_to_a_missing_folder_is_refused(tmp_path: Path) -> None:
    target = tmp_path / "nonexistent" / "dir" / "x.png"
    result = run_process("screenshot", str(target), "--routine", "quick")
    line = assert_usage_error(result.returncode, result.stdout, result.stderr)
    assert line == f"{ERROR_PREFIX}{target}: the folder {target.parent} does not exist"
    assert not (tmp_path / "nonexistent").exists()


@pytest.mark.parametrize("at", ["1e308", "99999", "1e+300"])
def test_frame_refuses_a_time_far_past_the_end(capsys: pytest.CaptureFixture[str], at: str) -> None:
    total = run_json(capsys, "plan", "quick", "--json")["total_s"]
    line = assert_usage_error(*run(capsys, "frame", "quick", "--at", at))
    limit = total + 3600
    assert line == (
        f"{ERROR_PREFIX}--at {float(at):g}: expected at most {limit:g} seconds "
        f"(the routine ends at {total:g}; one hour past the end is the limit)"
    )


def test_frame_up_to_an_hour_past_the_end_is_finished(capsys: pytest.CaptureFixture[str]) -> None:
    total = run_json(capsys, "plan", "quick", "--json")["total_s"]
    assert run_json(capsys, "frame", "quick", "--at", f"{total + 3600:g}", "--json")["state"] == "finished"


def test_screenshot_refuses_a_time_far_past_the_end(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    line = assert_usage_error(*run(capsys, "screenshot", str(tmp_path / "x.png"), "--routine", "quick", "--at", "1e9"))
    assert "--at 1e+09: expected at most" in line
    assert not (tmp_path / "x.png").exists()


# -- one side, treated sides -----------------------------------------------------------------------------


def test_skip_takes_one_side_of_an_area(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "plan", "standard", "--skip", "cheeks:right", "--json")
    assert code == 0, err
    data = json.loads(out)
    assert data["skipped_areas"] == ["cheeks:right"]
    cheeks = [s for s in data["steps"] if s["area"] == "cheeks"]
    assert cheeks
    assert {s["side"] for s in cheeks} == {"left"}
    code, out, err = run(capsys, "plan", "standard", "--skip", "cheeks:left", "--skip", "cheeks:right", "--json")
    assert json.loads(out)["skipped_areas"] == ["cheeks"]
    code, out, err = run(capsys, "plan", "standard", "--skip", "cheeks:right")
    assert "skipped: Cheeks (right side)" in out


@pytest.mark.parametrize("bad", ["cheeks:middle", "ears:left", "breathing:left", "cheeks:"])
def test_a_bad_skip_is_one_line_naming_it(capsys: pytest.CaptureFixture[str], bad: str) -> None:
    line = assert_usage_error(*run(capsys, "plan", "standard", "--skip", bad))
    assert repr(bad) in line
    assert "cheeks:left" in line


@pytest.mark.parametrize("side", ["left", "right", "both"])
def test_treated_reroutes_plan_and_frame(capsys: pytest.CaptureFixture[str], side: str) -> None:
    code, out, err = run(capsys, "plan", "standard", "--treated", side, "--json")
    assert code == 0, err
    data = json.loads(out)
    assert any("treated" in w for w in data["warnings"])
    assert any(s["route"] != "usual" for s in data["steps"])
    first_other_way = next(s for s in data["steps"] if s["route"] != "usual")
    code, out, err = run(capsys, "frame", "standard", "--at", str(first_other_way["start_s"] + 0.5), "--treated", side,
                         "--json", "--no-mirror")  # fmt: skip
    frame = json.loads(out)
    treated = {"left", "right"} if side == "both" else {side}
    assert all(t["node"] == "axillary" or t["side"] not in treated for t in frame["targets"])
    assert_usage_error(*run(capsys, "plan", "standard", "--treated", "middle"))


@pytest.mark.parametrize("treated", ["none", "right"])
def test_plan_columns_stay_aligned_with_long_words(capsys: pytest.CaptureFixture[str], treated: str) -> None:
    """Bug: "Under the jaw, other side" ran into the side column of a rerouted plan."""
    code, out, _ = run(capsys, "plan", "one-side", "--treated", treated)
    assert code == 0
    lines = out.splitlines()
    header = next(line for line in lines if line.lstrip().startswith("#"))
    side_at = header.index("side")
    rows = [line for line in lines if line[:3].strip().isdigit()]
    assert rows
    for row in rows:
        assert row[side_at - 1] == " "
        assert row[side_at:].split()[0] in ("both", "left", "right", "center"), row


def test_screenshot_takes_the_high_contrast_theme(tmp_path: Path) -> None:
    out = tmp_path / "hc.png"
    result = run_process("screenshot", str(out), "--theme", "high_contrast", "--size", "800x600")
    assert result.returncode == 0, result.stderr
    from PySide6.QtGui import QImage

    image = QImage(str(out))
    assert (image.width(), image.height()) == (800, 600)
