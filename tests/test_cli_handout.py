"""``massage-gui handout``: writes the PDF named, in the language and on the paper asked for (else the settings'
and the locale's), errors in one line with exit status 2, and a target that cannot be written loses nothing."""

from __future__ import annotations

import math
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtPdf import QPdfDocument
from PySide6.QtWidgets import QApplication

from massage_gui.cli import main
from massage_gui.core.app_files import AppFiles
from massage_gui.core.errors import MassageError
from massage_gui.core.library import resolve_routine
from massage_gui.core.paths import AppPaths
from massage_gui.core.plan import build_plan
from massage_gui.core.settings import Settings
from massage_gui.ui import i18n
from massage_gui.ui.handout import output

ERROR = "massage-gui: error: "
A4 = (595, 842)
LETTER = (612, 792)


def _command(folder: Path, *argv: str, locale: str = "C.UTF-8") -> subprocess.CompletedProcess[str]:
    """The command as a user runs it, in a fresh process (its own Qt, its own language)."""
    env = {**os.environ, "LC_ALL": locale, "LANG": locale, "LANGUAGE": ""}
    return subprocess.run(
        [sys.executable, "-m", "massage_gui", *argv], cwd=folder, env=env, capture_output=True, text=True,
        timeout=120, check=False,
    )  # fmt: skip


def _read(path: Path) -> QPdfDocument:
    document = QPdfDocument()
    assert document.load(str(path)) == QPdfDocument.Error.None_
    return document


def _size(document: QPdfDocument) -> tuple[int, int]:
    size = document.pagePointSize(0)
    return round(size.width()), round(size.height())


def _text(document: QPdfDocument, page: int) -> str:
    return " ".join(document.getAllText(page).text().split())


@pytest.fixture
def english(qapp: QApplication) -> Iterator[QApplication]:
    """For the commands run in this process: whatever language they set, English again afterwards."""
    yield qapp
    i18n.remove_translators(qapp)


def test_the_handout_is_written_and_named(tmp_path: Path, qapp: QApplication) -> None:
    done = _command(tmp_path, "handout", "standard", "standard.pdf", "--language", "en", "--paper", "a4")
    assert (done.returncode, done.stdout, done.stderr) == (0, "standard.pdf\n", "")
    document = _read(tmp_path / "standard.pdf")
    assert document.pageCount() == 6
    assert _size(document) == A4
    assert "9:22 min at 2 s a stroke, 20 steps" in _text(document, 0)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["standard.pdf"]  # no temporary file left


def test_language_and_paper_follow_the_settings_and_the_locale(tmp_path: Path, qapp: QApplication) -> None:
    AppFiles(AppPaths.from_environment()).settings().save(Settings(language="de"))
    done = _command(tmp_path, "handout", "quick", "quick.pdf", locale="en_US.UTF-8")
    assert done.returncode == 0, done.stderr
    document = _read(tmp_path / "quick.pdf")
    assert _size(document) == LETTER
    assert "Frag zuerst" in _text(document, 0)
    done = _command(tmp_path, "handout", "quick", "quick.pdf", "--language", "en", locale="de_DE.UTF-8")
    assert done.returncode == 0, done.stderr
    document = _read(tmp_path / "quick.pdf")
    assert _size(document) == A4
    assert "Ask your doctor or therapist first" in _text(document, 0)


def test_the_flags_shape_the_handout(tmp_path: Path, qapp: QApplication) -> None:
    flags = ["--pace", "3", "--skip", "cheeks:right", "--skip", "nose", "--treated", "left"]
    done = _command(tmp_path, "handout", "standard", "mine.pdf", "--language", "en", "--paper", "letter", *flags)
    assert done.returncode == 0, done.stderr
    settings = Settings(pace_s=3.0, skipped_areas=frozenset({"cheeks:right", "nose"}), treated_side="left")
    plan = build_plan(resolve_routine("standard").routine, settings, "standard")
    document = _read(tmp_path / "mine.pdf")
    assert document.pageCount() == 1 + math.ceil(len(plan.steps) / 4)
    title = _text(document, 0)
    assert "at 3 s a stroke" in title
    assert "Skipped: Cheeks (your right side), Beside the nose." in title
    assert "treated on the left side" in title
    steps = " ".join(_text(document, page) for page in range(1, document.pageCount()))
    assert "Toward: Under the jaw, on the other side (across the middle)" in steps
    assert "Toward: Armpit (down over the collarbone)" in steps


ONE_STEP = '{"schema": "massage-gui/routine", "version": 1, "name": "One", "steps": [{"area": "nose", "stroke": "stretch", "toward": "submandibular", "reps": 5}]}'  # noqa: E501


@pytest.mark.parametrize(
    ("argv", "says"),
    [
        (["handout", "nope", "x.pdf"], "unknown routine 'nope'"),
        (["handout", "standard", "x.pdf", "--paper", "a5"], "argument --paper: invalid choice: 'a5'"),
        (["handout", "standard", "x.pdf", "--pace", "9"], "argument --pace: expected a number from 1 to 4, got 9"),
        (["handout", "standard", "x.pdf", "--pace", "nan"], "argument --pace: expected a finite number"),
        (["handout", "standard", "x.pdf", "--skip", "nose:up"], "argument --skip: unknown area 'nose:up'"),
        (["handout", "standard", "x.pdf", "--treated", "top"], "argument --treated: invalid choice: 'top'"),
        (["handout", "standard", "x.pdf", "--language", "fr"], "argument --language: invalid choice: 'fr'"),
        (["handout", "standard", "x.png"], "x.png: the handout file name must end in .pdf"),
        (["handout", "standard"], "the following arguments are required: OUT.pdf"),
        (["handout", "standard", "missing/x.pdf"], "missing/x.pdf: the folder missing does not exist"),
        (["handout", "one.json", "x.pdf", "--skip", "nose"], "every step of 'One' is in a skipped area"),
    ],
)
def test_bad_arguments_get_one_line(
    argv: list[str], says: str, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "one.json").write_text(ONE_STEP, encoding="utf-8")
    code = main(argv)
    out, err = capsys.readouterr()
    assert (code, out) == (2, "")
    assert err.startswith(ERROR), err
    assert err.count("\n") == 1, err
    assert says in err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["one.json"]


def test_what_is_not_a_file_is_never_replaced(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "taken.pdf"
    folder.mkdir()
    (folder / "inside").write_text("kept", encoding="utf-8")
    fifo = tmp_path / "pipe.pdf"
    os.mkfifo(fifo)
    (tmp_path / "file").write_text("kept", encoding="utf-8")
    for target, says in [
        (folder, "is a folder, not a regular file"),
        (fifo, "is a FIFO"),
        (tmp_path / "file" / "x.pdf", "file: is a file, not a folder"),
    ]:
        assert main(["handout", "quick", str(target)]) == 2
        _, err = capsys.readouterr()
        assert err.startswith(ERROR), err
        assert err.count("\n") == 1, err
        assert says in err
    assert (folder / "inside").read_text(encoding="utf-8") == "kept"
    assert fifo.is_fifo()
    assert (tmp_path / "file").read_text(encoding="utf-8") == "kept"


def _fails_drawing(*args: object) -> int:
    raise MassageError("cannot draw on the page (the printer or file refused it)")


def _cannot_make_a_file(*args: object, **kwargs: object) -> tuple[int, str]:
    raise PermissionError(13, "Permission denied")


@pytest.mark.parametrize(
    ("target", "replacement", "says"),
    [
        ("massage_gui.ui.handout.output.render_handout", _fails_drawing, "cannot draw on the page"),
        ("tempfile.mkstemp", _cannot_make_a_file, "cannot write (Permission denied)"),
    ],
)
def test_a_failure_loses_nothing(
    target: str, replacement: object, says: str, tmp_path: Path, english: QApplication,
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    """The old file stays as it was, and nothing half-written is left beside it."""
    old = tmp_path / "mine.pdf"
    old.write_bytes(b"%PDF-1.4 the old handout")
    assert output.render_handout  # the name the test replaces
    monkeypatch.setattr(target, replacement)
    assert main(["handout", "quick", str(old), "--language", "en", "--paper", "a4"]) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert err.startswith(ERROR), err
    assert err.count("\n") == 1, err
    assert says in err
    assert old.read_bytes() == b"%PDF-1.4 the old handout"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["mine.pdf"]


def test_the_command_is_listed(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["--help"])
    assert "handout" in capsys.readouterr().out


def test_the_command_line_offers_the_papers_the_sheet_knows() -> None:
    """The command names the papers without loading Qt's printing; the two lists stay the same."""
    from massage_gui.cli.handout_command import PAPERS
    from massage_gui.ui.handout.layout import PAPERS as SHEET_PAPERS

    assert set(PAPERS) == set(SHEET_PAPERS)
