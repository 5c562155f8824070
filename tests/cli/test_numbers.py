"""Numbers on the command line (--at, --pace): said back as typed, never rounded onto a limit; -0 is 0; a
negative value such as -inf is the flag's value, not an option."""

from __future__ import annotations

import json

import pytest

from massage_gui.cli import main

ERROR = "massage-gui: error: "


@pytest.fixture(autouse=True)
def _in_a_temporary_folder(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """Output names such as x.png are relative: should a command run after all, it writes nowhere that matters."""
    monkeypatch.chdir(tmp_path_factory.mktemp("cwd"))


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize("at", ["3888.0001", "3888.000000001", "3888.0000000000005"])
def test_an_at_just_past_the_limit_is_not_rounded_onto_it(capsys: pytest.CaptureFixture[str], at: str) -> None:
    code, out, err = _run(capsys, "frame", "quick", "--at", at)
    assert (code, out) == (2, "")
    assert err == (
        f"{ERROR}--at {float(at)!r}: expected at most 3888 seconds "
        "(the routine ends at 288; one hour past the end is the limit)\n"
    )


def test_the_limit_itself_is_allowed(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = _run(capsys, "frame", "quick", "--at", "3888", "--json")
    assert (code, err) == (0, "")
    assert json.loads(out)["state"] == "finished"


@pytest.mark.parametrize("at", ["-0", "-0.0", "-0e5"])
def test_minus_zero_is_zero(capsys: pytest.CaptureFixture[str], at: str) -> None:
    code, out, err = _run(capsys, "frame", "quick", f"--at={at}", "--json")
    assert (code, err) == (0, "")
    assert '"t": 0.0,' in out
    code, out, err = _run(capsys, "frame", "quick", "--at", at)
    assert (code, err) == (0, "")
    assert out.startswith("t 0 s of 288 s: lead-in\n")


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        (["plan", "quick", "--pace", "-inf"], "argument --pace: expected a finite number, got '-inf'"),
        (["plan", "quick", "--pace", "-nan"], "argument --pace: expected a finite number, got '-nan'"),
        (["plan", "quick", "--pace", "-1e3"], "argument --pace: expected a number from 1 to 4, got -1e3"),
        (["plan", "quick", "--pace", "-Infinity"], "argument --pace: expected a finite number, got '-Infinity'"),
        (["frame", "quick", "--at", "-inf"], "argument --at: expected a finite number, got '-inf'"),
        (["frame", "quick", "--at", "-1E2"], "argument --at: expected a number of at least 0, got -1E2"),
        (["frame", "quick", "--at", "-1"], "argument --at: expected a number of at least 0, got -1"),
        (["handout", "quick", "x.pdf", "--pace", "-inf"], "argument --pace: expected a finite number, got '-inf'"),
    ],
)
def test_a_negative_value_is_the_flags_value(
    capsys: pytest.CaptureFixture[str], argv: list[str], expected: str
) -> None:
    """argparse took -inf (unlike -1) for an option and said 'expected one argument'."""
    code, out, err = _run(capsys, *argv)
    assert (code, out, err) == (2, "", f"{ERROR}{expected}\n")


def test_an_unknown_option_is_still_one(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = _run(capsys, "plan", "quick", "-infx")
    assert (code, out, err) == (2, "", f"{ERROR}unrecognized arguments: -infx\n")
