"""File and routine arguments: an empty one is not '.', and a name ending in a slash is a folder, never a file."""

from __future__ import annotations

from pathlib import Path

import pytest

from massage_gui.cli import main

ERROR = "massage-gui: error: "


@pytest.fixture(autouse=True)
def _in_a_temporary_folder(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """Output names such as x.png are relative: should a command run after all, it writes nowhere that matters."""
    monkeypatch.chdir(tmp_path_factory.mktemp("cwd"))


def _error(capsys: pytest.CaptureFixture[str], *argv: str) -> str:
    code = main(list(argv))
    out, err = capsys.readouterr()
    assert (code, out) == (2, ""), err
    assert err.startswith(ERROR), err
    assert err.count("\n") == 1, err
    return err.removeprefix(ERROR).removesuffix("\n")


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        (["check", ""], "argument FILE: expected a file name, got an empty one"),
        (["import", ""], "argument FILE: expected a file name, got an empty one"),
        (["export", "quick", ""], "argument FILE: expected a file name, got an empty one"),
        (["handout", "quick", ""], "argument OUT.pdf: expected a file name, got an empty one"),
        (["screenshot", ""], "argument OUT.png: expected a file name, got an empty one"),
        (["plan", ""], "argument ROUTINE: expected a routine id or file, got an empty one"),
        (["frame", "", "--at", "1"], "argument ROUTINE: expected a routine id or file, got an empty one"),
        (["export", "", "x.json"], "argument ROUTINE: expected a routine id or file, got an empty one"),
        (
            ["screenshot", "x.png", "--routine", ""],
            "argument --routine: expected a routine id or file, got an empty one",
        ),
    ],
)
def test_an_empty_name_is_refused_naming_the_argument(
    capsys: pytest.CaptureFixture[str], argv: list[str], expected: str
) -> None:
    """'' used to become '.' ('.: is a folder, not a regular file') or pass unnoticed (--routine '': the last one)."""
    assert _error(capsys, *argv) == expected


def test_export_to_a_missing_folder_with_a_slash_writes_nothing(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """'out/new/' with no folder out/new made a file named out/new."""
    target = f"{tmp_path}/new/"
    message = _error(capsys, "export", "quick", target)
    assert message == f"argument FILE: expected a file name, got '{target}' (a folder: it ends in /)"
    assert list(tmp_path.iterdir()) == []


def test_export_to_a_file_name_with_a_slash_leaves_that_file_alone(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """'out/x.json/' replaced the file out/x.json."""
    existing = tmp_path / "x.json"
    existing.write_text("mine", encoding="utf-8")
    message = _error(capsys, "export", "quick", f"{existing}/")
    assert message == f"argument FILE: expected a file name, got '{existing}/' (a folder: it ends in /)"
    assert existing.read_text(encoding="utf-8") == "mine"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["x.json"]


@pytest.mark.parametrize(
    ("argv", "argument"),
    [
        (["handout", "quick", "{}/new.pdf/"], "OUT.pdf"),
        (["screenshot", "{}/new.png/"], "OUT.png"),
        (["check", "{}/r.json/"], "FILE"),
        (["plan", "{}/r.json/"], "ROUTINE"),
    ],
)
def test_every_file_argument_ending_in_a_slash_is_a_folder(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, argv: list[str], argument: str
) -> None:
    argv = [a.format(tmp_path) for a in argv]
    what = "a routine id or file" if argument == "ROUTINE" else "a file name"
    given = next(a for a in argv if a.endswith("/"))
    assert _error(capsys, *argv) == f"argument {argument}: expected {what}, got '{given}' (a folder: it ends in /)"
    assert list(tmp_path.iterdir()) == []


def test_ordinary_names_still_work(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    out = tmp_path / "q.json"
    assert main(["export", "quick", str(out)]) == 0
    assert main(["check", str(out)]) == 0
    assert main(["plan", str(out)]) == 0
    assert capsys.readouterr().err == ""
