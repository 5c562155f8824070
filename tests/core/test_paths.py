"""The app's folders: made private (0700) when the app creates them, a user's existing folder left as it is,
and a file in a folder's place reported with its path."""

from __future__ import annotations

import os
import stat
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from massage_gui.cli import main
from massage_gui.core.app_files import AppFiles
from massage_gui.core.errors import DataError
from massage_gui.core.paths import AppPaths, make_private_folder
from massage_gui.core.settings import Settings

NOT_A_FOLDER = "is a file, not a folder; move it away so massage-gui can keep its files there"
posix_only = pytest.mark.skipif(sys.platform == "win32", reason="POSIX permission bits")


@pytest.fixture
def umask_022() -> Iterator[None]:
    old = os.umask(0o022)
    yield
    os.umask(old)


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@posix_only
def test_new_folders_and_their_new_parents_are_private(tmp_path: Path, umask_022: None) -> None:
    home = tmp_path / "a" / "home"
    paths = AppPaths.under(home)
    paths.create_folders()
    for folder in (tmp_path / "a", home, paths.config_dir, paths.data_dir, paths.state_dir):
        assert mode(folder) == 0o700, folder


@posix_only
def test_an_existing_folder_keeps_its_permissions(tmp_path: Path, umask_022: None) -> None:
    home = tmp_path / "home"
    home.mkdir(mode=0o755)
    (home / "config").mkdir(mode=0o750)
    AppPaths.under(home).create_folders()
    assert mode(home) == 0o755
    assert mode(home / "config") == 0o750
    assert mode(home / "data") == 0o700


@posix_only
def test_saving_favourites_makes_the_data_folder_private(tmp_path: Path, umask_022: None) -> None:
    files = AppFiles(AppPaths.under(tmp_path / "home"))
    store = files.settings()
    store.load()
    assert store.save(Settings(pace_s=3.0))
    assert mode(tmp_path / "home") == 0o700
    assert mode(files.paths.config_dir) == 0o700
    assert not files.paths.data_dir.exists(), "only the folder a save needs"


@posix_only
def test_import_on_a_fresh_home_makes_private_folders(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], umask_022: None
) -> None:
    source = tmp_path / "r.json"
    source.write_text(
        '{"schema": "massage-gui/routine", "version": 1, "name": "R",'
        ' "steps": [{"area": "breathing", "stroke": "breath", "reps": 5}]}',
        encoding="utf-8",
    )
    home = tmp_path / "home"
    monkeypatch.setenv("MASSAGE_GUI_HOME", str(home))
    assert main(["import", str(source)]) == 0
    assert mode(home) == 0o700
    assert mode(home / "data") == 0o700
    favourites = home / "data" / "favourites.json"
    assert mode(favourites) == 0o644, "files keep the usual mode: the folder keeps them private"


@pytest.mark.parametrize("depth", [0, 1])
def test_a_file_in_place_of_a_folder_names_the_path(tmp_path: Path, depth: int) -> None:
    blocker = tmp_path / "home"
    blocker.write_bytes(b"mine")
    folder = blocker / "config" if depth else blocker
    with pytest.raises(DataError) as info:
        make_private_folder(folder)
    assert str(info.value) == f"{blocker}: {NOT_A_FOLDER}"
    assert blocker.read_bytes() == b"mine"


@pytest.mark.parametrize("command", [["routines"], ["plan", "quick"], ["import", "x.json"], ["history"]])
def test_the_command_line_reports_a_file_in_place_of_a_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], command: list[str]
) -> None:
    home = tmp_path / "home"
    home.mkdir()
    blocker = home / ("data" if command[0] in ("import", "history") else "config")
    blocker.write_bytes(b"mine")
    monkeypatch.setenv("MASSAGE_GUI_HOME", str(home))
    monkeypatch.chdir(tmp_path)
    (tmp_path / "x.json").write_text(
        '{"schema": "massage-gui/routine", "version": 1, "name": "R",'
        ' "steps": [{"area": "breathing", "stroke": "breath", "reps": 5}]}',
        encoding="utf-8",
    )
    assert main(command) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert err == f"massage-gui: error: {blocker}: {NOT_A_FOLDER}\n"
    assert blocker.read_bytes() == b"mine"


def test_two_programs_making_the_same_folders_at_once_both_succeed(tmp_path: Path) -> None:
    """Two imports into a fresh home make its folders at the same moment: a folder the other one has just
    made must not pass for a file."""
    failures: list[str] = []
    for n in range(300):
        folder = tmp_path / str(n) / "home" / "data"
        barrier = threading.Barrier(2)

        def make(folder: Path = folder, barrier: threading.Barrier = barrier) -> None:
            barrier.wait()
            try:
                make_private_folder(folder)
            except DataError as exc:
                failures.append(str(exc))

        threads = [threading.Thread(target=make) for _ in range(2)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        assert folder.is_dir()
    assert failures == []
