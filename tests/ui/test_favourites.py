"""Favourites from the window: save, start from the picker, star, rename, duplicate, reorder, delete and undo."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QInputDialog
from pytestqt.qtbot import QtBot

from massage_gui.core.favourites import FAVOURITES_KIND
from massage_gui.core.routine import load_routine_file
from massage_gui.core.routine_library import RoutineLibrary
from massage_gui.core.settings import Settings
from massage_gui.core.store import Store
from massage_gui.ui.debounced_saver import DebouncedSaver
from massage_gui.ui.favourites_dialog import FavouritesDialog
from massage_gui.ui.main_window import MainWindow


@pytest.fixture
def library(tmp_path: Path) -> RoutineLibrary:
    store = Store(tmp_path / "favourites.json", FAVOURITES_KIND)
    return RoutineLibrary(store.load().value)


def test_save_as_favourite_from_the_window(qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("My mornings", True))
    window.window_actions.save_favourite.trigger()
    assert window.state.plan.routine.name == "My mornings"
    fav_id = window.state.plan.routine_id
    assert window.state.library.is_favourite(fav_id)
    assert window.window_actions.routine_picker.routine_actions()[fav_id].isChecked()
    window.state.select_routine("standard")
    window.window_actions.routine_picker.routine_actions()[fav_id].trigger()
    assert window.state.plan.routine_id == fav_id


class Answers:
    """Stands in for QInputDialog.getText: gives the answers in turn and keeps the labels and texts offered."""

    def __init__(self, *answers: tuple[str, bool]) -> None:
        self.answers = list(answers)
        self.asked: list[tuple[str, str]] = []

    def __call__(self, parent: object, title: str, label: str, text: str = "", **kwargs: object) -> tuple[str, bool]:
        self.asked.append((label, text))
        return self.answers.pop(0)


NEEDED = "A favourite needs a name: type one, or Cancel."


def test_save_as_favourite_with_a_blank_name_asks_again(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Bug: Ctrl+S, clear the name, Enter: the dialog closed, nothing was saved and nothing said why."""
    answers = Answers(("", True), ("   ", True), ("Evening", True))
    monkeypatch.setattr(QInputDialog, "getText", answers)
    window.window_actions.save_favourite.trigger()
    assert len(answers.asked) == 3
    assert NEEDED not in answers.asked[0][0]
    assert all(label.startswith(NEEDED) and text == "" for label, text in answers.asked[1:])
    assert window.state.plan.routine.name == "Evening"
    assert window.state.library.is_favourite(window.state.plan.routine_id)


def test_save_as_favourite_cancelled_after_a_blank_name_saves_nothing(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = window.state.plan.routine_id
    answers = Answers(("", True), ("", False))
    monkeypatch.setattr(QInputDialog, "getText", answers)
    window.window_actions.save_favourite.trigger()
    assert len(answers.asked) == 2
    assert window.state.library.favourites.items == ()
    assert window.state.plan.routine_id == before


def test_import_and_export_from_the_window(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    target = tmp_path / "exported.json"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    window.window_actions.export_routine.trigger()
    assert load_routine_file(target) == window.state.plan.routine
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(target), ""))
    window.window_actions.import_routine.trigger()
    assert window.state.library.is_favourite(window.state.plan.routine_id)
    assert "Imported" in window.notice_bar.text()


def test_an_invalid_import_explains_and_saves_nothing(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    bad = tmp_path / "bad.json"
    step = {"area": 3, "stroke": "stretch", "reps": 2, "toward": "x"}
    bad.write_text(json.dumps({"schema": "massage-gui/routine", "version": 1, "name": "x", "steps": [step]}))
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(bad), ""))
    shown: list[str] = []
    monkeypatch.setattr("PySide6.QtWidgets.QMessageBox.warning", lambda *a: shown.append(a[2]))
    window.window_actions.import_routine.trigger()
    assert len(shown) == 1
    assert "bad.json: Step 1: area" in shown[0], "steps counted from 1, as people count"
    assert "steps[0]" not in shown[0]
    assert window.state.library.favourites.items == ()


def test_an_import_error_names_the_areas_and_nodes_as_the_window_does(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """Bug: the window said "steps[0].toward: cheeks drains toward submandibular, preauricular, got
    'terminus'": counted from 0 and in internal ids."""
    bad = tmp_path / "cheeks.json"
    step = {"area": "cheeks", "stroke": "stretch", "reps": 5, "toward": "terminus"}
    bad.write_text(json.dumps({"schema": "massage-gui/routine", "version": 1, "name": "x", "steps": [step]}))
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(bad), ""))
    shown: list[str] = []
    monkeypatch.setattr("PySide6.QtWidgets.QMessageBox.warning", lambda *a: shown.append(a[2]))
    window.window_actions.import_routine.trigger()
    assert (
        "Step 1: strokes on the cheeks go toward Under the jaw or In front of the ear, not Collarbone hollow."
        in (shown[0])
    )
    assert window.state.library.favourites.items == ()


def test_dialog_star_rename_duplicate_move_delete_and_undo(
    qtbot: QtBot, library: RoutineLibrary, monkeypatch: pytest.MonkeyPatch
) -> None:
    builtins = library.entries()
    a = library.save_as(builtins[0].routine)
    b = library.save_as(builtins[1].routine)
    dialog = FavouritesDialog(library, Settings())
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.selected_id() == a
    dialog.buttons["star"].click()
    assert library.favourites.get(a).starred
    assert dialog.list.item(0).text().startswith("★ ")
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("Renamed", True))
    dialog.buttons["rename"].click()
    assert library.favourites.get(a).routine.name == "Renamed"
    dialog.buttons["duplicate"].click()
    assert len(library.favourites.items) == 3
    assert library.favourites.ids()[1] != b
    copy_id = dialog.selected_id()
    assert library.favourites.get(copy_id).routine.name == "Renamed (copy)"
    dialog.buttons["down"].click()
    assert library.favourites.ids() == [a, b, copy_id]
    dialog.buttons["delete"].click()
    assert copy_id not in library.favourites.ids()
    assert dialog.undo_button.isVisible()
    dialog.undo_button.click()
    assert library.favourites.ids() == [a, b, copy_id]
    assert not dialog.undo_button.isVisible()


def test_rename_to_a_blank_name_asks_again(
    qtbot: QtBot, library: RoutineLibrary, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A blank new name was dropped without a word; now the question comes back and says a name is needed."""
    fav_id = library.save_as(library.entries()[0].routine)
    dialog = FavouritesDialog(library, Settings())
    qtbot.addWidget(dialog)
    answers = Answers((" ", True), ("", False))
    monkeypatch.setattr(QInputDialog, "getText", answers)
    dialog.buttons["rename"].click()
    assert [text for _label, text in answers.asked] == ["Quick", ""]
    assert answers.asked[1][0].startswith(NEEDED)
    assert library.favourites.get(fav_id).routine.name == "Quick", "cancelled: the name stays"
    answers = Answers(("", True), ("Mornings", True))
    monkeypatch.setattr(QInputDialog, "getText", answers)
    dialog.buttons["rename"].click()
    assert library.favourites.get(fav_id).routine.name == "Mornings"


def test_dialog_keys_and_start(qtbot: QtBot, library: RoutineLibrary) -> None:
    a = library.save_as(library.entries()[0].routine)
    b = library.save_as(library.entries()[1].routine)
    dialog = FavouritesDialog(library, Settings())
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    dialog.list.setCurrentRow(1)
    qtbot.keyClick(dialog.list, Qt.Key.Key_Up, Qt.KeyboardModifier.ControlModifier)
    assert library.favourites.ids() == [b, a]
    with qtbot.waitSignal(dialog.start_requested) as started:
        qtbot.keyClick(dialog.list, Qt.Key.Key_Return)
    assert started.args == [b]


def test_drag_and_drop_order_reaches_the_library(qtbot: QtBot, library: RoutineLibrary) -> None:
    ids = [library.save_as(e.routine) for e in library.entries()[:3]]
    dialog = FavouritesDialog(library, Settings())
    qtbot.addWidget(dialog)
    model = dialog.list.model()
    assert model.moveRow(model.index(-1, 0).parent(), 0, model.index(-1, 0).parent(), 3)
    assert library.favourites.ids() == [ids[1], ids[2], ids[0]]


def test_library_edits_are_saved_after_a_pause_and_on_flush(qtbot: QtBot, tmp_path: Path) -> None:
    """As the app wires it: the library's edits go to a debounced saver; merged changes come back."""
    store = Store(tmp_path / "favourites.json", FAVOURITES_KIND)
    library = RoutineLibrary(store.load().value)
    saver = DebouncedSaver(store, delay_ms=50)
    library.edited.connect(saver.schedule)
    saver.saved.connect(library.adopt)
    fav_id = library.save_as(library.entries()[0].routine)
    qtbot.waitUntil(lambda: Store(store.path, FAVOURITES_KIND).load().value.ids() == [fav_id])
    other = Store(store.path, FAVOURITES_KIND)  # another program adds one meanwhile
    theirs, their_id = other.load().value.add(library.entries()[1].routine)
    other.save(theirs)
    second = library.save_as(library.entries()[2].routine)
    saver.flush()
    assert Store(store.path, FAVOURITES_KIND).load().value.ids() == [fav_id, second, their_id]
    assert library.favourites.ids() == [fav_id, second, their_id], "the merged list is shown"


def test_a_favourite_keeps_the_skips_it_was_saved_with(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Saved as shown: the skipped right cheek and the skipped forehead are not in the saved steps, and
    the name offered is not the built-in's."""
    window.state.select_routine("standard")
    window.state.update(skipped_areas=frozenset({"cheeks:right", "forehead"}))
    offered: dict[str, str] = {}

    def answer(parent: object, title: str, label: str, text: str = "", **kwargs: object) -> tuple[str, bool]:
        offered.update(label=label, text=text)
        return text, True

    monkeypatch.setattr(QInputDialog, "getText", answer)
    window.window_actions.save_favourite.trigger()
    assert offered["text"] == "Standard (my version)"
    assert "left out" in offered["label"]
    saved = window.state.plan.routine
    assert window.state.library.is_favourite(window.state.plan.routine_id)
    assert "forehead" not in saved.areas
    cheeks = [step for step in saved.steps if step.area == "cheeks"]
    assert cheeks
    assert all(step.side == "left" for step in cheeks)
    window.state.clear_skips()  # the favourite stays as saved when the skips are cleared
    assert "forehead" not in window.state.plan.routine.areas
    assert {step.side for step in window.state.plan.steps if step.area == "cheeks"} == {"left"}


def test_the_favourites_window_keeps_our_favourite_selected_when_another_program_took_its_id(
    qtbot: QtBot,
) -> None:
    """The selection is kept by id: when an import saved another routine under our new favourite's id and ours
    took the next one, the list selected the other program's routine (now under the old id)."""
    from massage_gui.core.favourites import merge_favourites
    from massage_gui.core.routine import Routine, Step

    library = RoutineLibrary()
    base = library.favourites
    library.save_as(Routine("Other", (Step("breathing", "breath", 2),)))
    mine = library.save_as(Routine("Evening face", (Step("breathing", "breath", 3),)))
    dialog = FavouritesDialog(library, Settings())
    qtbot.addWidget(dialog)
    dialog._select(mine)
    theirs, _ = base.add(Routine("Evening face", (Step("breathing", "breath", 4),)))
    library.adopt(merge_favourites(base, library.favourites, theirs))
    assert dialog.selected_id() == f"{mine}-2"
