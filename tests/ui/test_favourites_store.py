"""The window and the favourites file it shares with the command line: a save the store refuses is told
in the window, which keeps running."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from massage_gui.core.app_files import AppFiles
from massage_gui.core.paths import AppPaths
from massage_gui.ui.app import start_window
from tests.core.test_favourites_load import ONE_BAD
from tests.core.test_store_writes import big_routine, many, most_that_fit


def test_a_favourite_that_would_make_the_file_too_large_is_told_and_nothing_is_written(
    qtbot: QtBot, tmp_path: Path
) -> None:
    files = AppFiles(AppPaths.under(tmp_path / "home"))
    routine = big_routine("Big")
    store = files.favourites()
    store.load()
    files.paths.create_folders()
    assert store.save(many(routine, most_that_fit(routine)))
    path = files.paths.favourites_file
    before = {p.name: p.read_bytes() for p in path.parent.iterdir()}
    started = start_window(files)
    qtbot.addWidget(started.window)
    state = started.window.state

    fav_id = state.library.save_as(routine)
    started.shutdown()  # saves at once, as on quit

    assert f"{path}: not saved: it would be " in started.window.notice_bar.message
    assert {p.name: p.read_bytes() for p in path.parent.iterdir()} == before
    assert state.library.is_favourite(fav_id), "the window still shows it, and says it was not saved"


def test_the_window_shows_the_favourites_it_could_read_and_keeps_the_file_as_it_was(
    qtbot: QtBot, tmp_path: Path
) -> None:
    files = AppFiles(AppPaths.under(tmp_path / "home"))
    path = files.paths.favourites_file
    path.parent.mkdir(parents=True)
    path.write_bytes(ONE_BAD)
    started = start_window(files)
    qtbot.addWidget(started.window)

    assert started.window.state.library.favourites.ids() == ["a", "c"]
    [kept] = path.parent.glob("favourites.json.bad-*")
    assert kept.read_bytes() == ONE_BAD
    notice = started.window.notice_bar.message
    assert "favourites[1] 'b' left out (starred: expected true or false)" in notice
    assert f"kept as {kept.name}" in notice
    picker = started.window.window_actions.routine_picker
    assert {"a", "c"} <= set(picker.routine_actions())
