"""Standard output that fails (a full disk, a closed pipe) or cannot show a character: one line, never a traceback."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ERROR = "massage-gui: error: "
ROUTINE = {
    "schema": "massage-gui/routine",
    "version": 1,
    "name": "Caf\u00e9 \u2014 na\u00efve \U0001f600",
    "steps": [{"area": "collarbone", "stroke": "circles", "toward": "terminus", "reps": 4, "cue": "\u00e9 \u2014"}],
}


def _env(buffered: bool, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONUNBUFFERED"}
    if not buffered:
        env["PYTHONUNBUFFERED"] = "1"
    return {**env, **extra}


def _run(argv: list[str], stdout: int, buffered: bool, **extra: str) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "massage_gui", *argv],
        stdout=stdout, stderr=subprocess.PIPE, timeout=120, check=False, env=_env(buffered, **extra),
    )  # fmt: skip


@pytest.fixture
def routine_file(tmp_path: Path) -> Path:
    path = tmp_path / "cafe.json"
    path.write_text(json.dumps(ROUTINE), encoding="utf-8")
    return path


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
@pytest.mark.parametrize("buffered", [True, False], ids=["buffered", "unbuffered"])
@pytest.mark.parametrize("command", ["routines", "check", "export", "plan-json", "help"])
def test_a_full_disk_on_standard_output_is_one_line(
    tmp_path: Path, routine_file: Path, buffered: bool, command: str
) -> None:
    argv = {
        "routines": ["routines"],
        "check": ["check", str(routine_file)],
        "export": ["export", "quick", str(tmp_path / "out.json")],
        "plan-json": ["plan", "standard", "--json"],
        "help": ["--help"],
    }[command]
    with open("/dev/full", "wb") as full:
        done = _run(argv, full.fileno(), buffered)
    err = done.stderr.decode()
    assert done.returncode == 2, err
    assert err == f"{ERROR}standard output: cannot write (No space left on device)\n"


@pytest.mark.parametrize("buffered", [True, False], ids=["buffered", "unbuffered"])
@pytest.mark.parametrize("argv", [["routines"], ["plan", "standard", "--json"], ["--version"]])
def test_a_closed_pipe_ends_the_command_quietly(buffered: bool, argv: list[str]) -> None:
    read_end, write_end = os.pipe()
    os.close(read_end)
    try:
        done = _run(argv, write_end, buffered)
    finally:
        os.close(write_end)
    assert (done.returncode, done.stderr.decode()) == (0, "")


def test_json_on_an_ascii_terminal_is_escaped_and_stays_the_same_json(routine_file: Path) -> None:
    plain = _run(["plan", str(routine_file), "--json"], subprocess.PIPE, True, PYTHONIOENCODING="utf-8")
    ascii_ = _run(["plan", str(routine_file), "--json"], subprocess.PIPE, True, PYTHONIOENCODING="ascii")
    assert (ascii_.returncode, ascii_.stderr) == (0, b""), ascii_.stderr
    assert ascii_.stdout.isascii()
    assert json.loads(ascii_.stdout) == json.loads(plain.stdout.decode("utf-8"))
    assert json.loads(ascii_.stdout)["routine"]["name"] == ROUTINE["name"]


def test_text_on_an_ascii_terminal_shows_escapes(routine_file: Path) -> None:
    done = _run(["plan", str(routine_file)], subprocess.PIPE, True, PYTHONIOENCODING="ascii")
    assert (done.returncode, done.stderr) == (0, b""), done.stderr
    first = done.stdout.decode("ascii").splitlines()[0]
    assert first.startswith("Caf\\xe9 \\u2014 na\\xefve \\U0001f600 [cafe]: ")


def test_a_latin1_terminal_shows_what_it_can(routine_file: Path) -> None:
    done = _run(["plan", str(routine_file)], subprocess.PIPE, True, PYTHONIOENCODING="latin-1")
    assert done.returncode == 0, done.stderr
    assert done.stdout.decode("latin-1").startswith("Caf\u00e9 \\u2014 na\u00efve \\U0001f600 [cafe]: ")


@pytest.mark.skipif(sys.platform == "win32", reason="file names are text there")
def test_a_file_name_that_is_not_utf8_is_printed_on_a_strict_utf8_terminal(tmp_path: Path) -> None:
    out = os.path.join(os.fsencode(tmp_path), b"r\xff.json")
    done = subprocess.run(
        [sys.executable, "-m", "massage_gui", "export", "quick", out],
        capture_output=True, timeout=120, check=False, env=_env(True, PYTHONIOENCODING="utf-8"),
    )  # fmt: skip
    assert (done.returncode, done.stderr) == (0, b""), done.stderr
    assert done.stdout == os.path.join(os.fsencode(tmp_path), b"r\\udcff.json") + b"\n"
