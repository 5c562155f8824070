"""`screenshot` without --routine shows the last routine used, or, when that one is gone, the first, as the
window does (core/app_state.py), with a warning."""

from __future__ import annotations

from pathlib import Path

import pytest

from massage_gui.cli import main
from massage_gui.core.app_files import AppFiles
from massage_gui.core.library import builtin_routines
from massage_gui.core.paths import AppPaths
from massage_gui.core.settings import Settings

PNG = b"\x89PNG\r\n\x1a\n"


def _save_last_routine(routine_id: str) -> None:
    assert AppFiles(AppPaths.from_environment()).settings().save(Settings(last_routine=routine_id))


@pytest.mark.parametrize("at", [[], ["--at", "10"]])
def test_a_last_routine_that_is_gone_falls_back_to_the_first(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, at: list[str]
) -> None:
    _save_last_routine("gone-fav")
    out = tmp_path / "lr.png"
    assert main(["screenshot", str(out), "--size", "800x600", *at]) == 0
    printed, err = capsys.readouterr()
    first = builtin_routines()[0]
    assert err == (
        f"massage-gui: warning: the routine last used, 'gone-fav', is no longer there: "
        f"showing the first, '{first.id}' ({first.routine.name}), as the window does\n"
    )
    assert printed == f"{out}\n"
    assert out.read_bytes().startswith(PNG)


def test_a_routine_named_by_the_user_that_is_gone_is_still_an_error(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    _save_last_routine("standard")
    out = tmp_path / "x.png"
    assert main(["screenshot", str(out), "--routine", "gone-fav"]) == 2
    assert capsys.readouterr().err.startswith("massage-gui: error: unknown routine 'gone-fav'")
    assert not out.exists()


def test_the_last_routine_is_shown_without_a_word(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    _save_last_routine("neck")
    out = tmp_path / "neck.png"
    assert main(["screenshot", str(out), "--size", "800x600", "--at", "10"]) == 0
    assert capsys.readouterr() == (f"{out}\n", "")
