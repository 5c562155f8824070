"""The diary entry being written when the app is made to quit (logout): kept, and opened again at the next start."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from massage_gui.core.app_files import AppFiles
from massage_gui.core.diary_draft import DIARY_DRAFT_KIND, DiaryDraft
from massage_gui.core.history import HistoryStore
from massage_gui.core.paths import AppPaths
from massage_gui.core.settings import Settings
from massage_gui.core.store import Store
from massage_gui.ui.app import Started
from massage_gui.ui.diary_dialog import UNSET, DiaryDialog
from tests.ui.conftest import start_app_window


@pytest.fixture
def files(tmp_path: Path) -> AppFiles:
    files = AppFiles(AppPaths.under(tmp_path / "home"))
    files.paths.create_folders()
    files.settings().save(Settings(last_routine="quick", safety_confirmed=True))
    return files


@pytest.fixture
def started(qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> Iterator[list[Started]]:
    runs: list[Started] = []
    yield runs
    monkeypatch.setattr(QMessageBox, "question", lambda *args: QMessageBox.StandardButton.Discard)
    for run in runs:
        run.window.close()


def _diary_after_a_session(run: Started) -> DiaryDialog:
    state = run.window.state
    state.start()
    state.seek(state.plan.total_s + 0.01)  # to its end: the diary is offered
    dialog = run.window.dialogs.diary_dialog
    assert isinstance(dialog, DiaryDialog)
    return dialog


def _kept(files: AppFiles) -> DiaryDraft:
    return Store(files.paths.diary_draft_file, DIARY_DRAFT_KIND).load().value


def test_an_entry_being_written_at_logout_opens_again_at_the_next_start(
    qtbot: QtBot, files: AppFiles, started: list[Started]
) -> None:
    first = start_app_window(qtbot, files, started)
    dialog = _diary_after_a_session(first)
    dialog.ratings["swelling"].spin.setValue(4)
    dialog.fields["neck"].setText("38.5")
    dialog.note.setPlainText("Tight after the drive")
    first.shutdown()  # what SIGTERM runs: no question, the app quits
    kept = _kept(files)
    assert (kept.swelling, kept.tightness, kept.measurements) == (4, None, (("neck", "38.5"),))
    assert kept.note == "Tight after the drive"
    dialog.done(0)
    first.window.close()

    again = start_app_window(qtbot, files, started)
    again.reopen_draft()
    reopened = again.window.dialogs.diary_dialog
    assert isinstance(reopened, DiaryDialog)
    assert reopened.isVisible()
    assert reopened.ratings["swelling"].spin.value() == 4
    assert reopened.ratings["tightness"].spin.value() == UNSET
    assert reopened.fields["neck"].text() == "38.5"
    assert reopened.note.toPlainText() == "Tight after the drive"
    assert reopened.is_modified(), "Skip asks before throwing it away"
    assert "open again" in again.window.notice_bar.message
    reopened.ratings["tightness"].spin.setValue(2)
    reopened.save_button.click()
    store = again.window.dialogs.history
    assert isinstance(store, HistoryStore)
    [entry] = store.diary_entries()
    assert (entry.swelling, entry.tightness, entry.measurement("neck")) == (4, 2, 38.5)
    assert entry.session_id == store.sessions()[0].id, "still tied to the session it followed"
    assert not files.paths.diary_draft_file.exists()
    again.shutdown()
    assert not files.paths.diary_draft_file.exists()


def test_a_reopened_entry_thrown_away_is_not_opened_again(
    qtbot: QtBot, files: AppFiles, started: list[Started], monkeypatch: pytest.MonkeyPatch
) -> None:
    Store(files.paths.diary_draft_file, DIARY_DRAFT_KIND, make_folder=True).save(DiaryDraft(swelling=6))
    run = start_app_window(qtbot, files, started)
    run.reopen_draft()
    dialog = run.window.dialogs.diary_dialog
    assert isinstance(dialog, DiaryDialog)
    monkeypatch.setattr(QMessageBox, "question", lambda *args: QMessageBox.StandardButton.Discard)
    dialog.reject()  # Skip, and Discard at the question
    assert not files.paths.diary_draft_file.exists()
    run.shutdown()
    assert not files.paths.diary_draft_file.exists()


def test_nothing_typed_keeps_no_draft(qtbot: QtBot, files: AppFiles, started: list[Started]) -> None:
    run = start_app_window(qtbot, files, started)
    _diary_after_a_session(run)
    run.shutdown()
    assert not files.paths.diary_draft_file.exists()
    run.reopen_draft()  # nothing to open
    assert "open again" not in run.window.notice_bar.message


def test_a_damaged_draft_is_moved_aside_and_said(qtbot: QtBot, files: AppFiles, started: list[Started]) -> None:
    files.paths.diary_draft_file.write_text('{"schema": "massage-gui/diary-draft", "schema_version": 1, "data": 7}')
    run = start_app_window(qtbot, files, started)
    run.reopen_draft()
    assert run.window.dialogs.diary_dialog is None
    assert "diary-draft.json" in run.window.notice_bar.message
    assert not files.paths.diary_draft_file.exists()
