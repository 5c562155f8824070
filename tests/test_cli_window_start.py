"""`massage-gui` alone opens the window without building the command line's parser or importing its commands."""

from __future__ import annotations

import subprocess
import sys

import pytest

import massage_gui.cli as cli


def test_no_command_runs_the_window_without_the_parser(monkeypatch: pytest.MonkeyPatch) -> None:
    import massage_gui.ui.app as app

    ran: list[bool] = []
    monkeypatch.setattr(app, "run", lambda tray=False: ran.append(tray) or 0)

    def no_parser() -> None:
        raise AssertionError("the parser was built")

    monkeypatch.setattr(cli, "build_parser", no_parser)
    assert cli.main([]) == 0
    assert ran == [False]


def test_the_window_start_leaves_the_commands_unimported() -> None:
    code = "import sys, massage_gui.cli; print(sorted(m for m in sys.modules if m.startswith('massage_gui.cli.')))"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "['massage_gui.cli.parsing']"


def test_a_start_that_fails_is_still_one_line_and_status_2(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import massage_gui.ui.app as app
    from massage_gui.core.errors import DataError

    def fails(tray: bool = False) -> int:
        raise DataError("/x/state: a file stands where a folder\nshould be")

    monkeypatch.setattr(app, "run", fails)
    assert cli.main([]) == 2
    assert capsys.readouterr().err == "massage-gui: error: /x/state: a file stands where a folder\\nshould be\n"
