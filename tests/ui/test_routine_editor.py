"""The routine editor: step list actions by keys and buttons, the step form's guards, live total,
warnings and preview, and a round trip that changes nothing."""

from __future__ import annotations

import dataclasses
import re

import pytest
from hypothesis import HealthCheck, given
from hypothesis import settings as hyp_settings
from hypothesis import strategies as st
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMessageBox,
    QToolButton,
)
from pytestqt.qtbot import QtBot

from massage_gui.core.anatomy import AREA_IDS, DRAINS_TOWARD, FACE_AREAS, NECK_AREAS
from massage_gui.core.app_state import AppState
from massage_gui.core.library import RoutineEntry, builtin_routines
from massage_gui.core.plan import build_plan
from massage_gui.core.routine import MAX_CUE, MAX_DESCRIPTION, Routine, Step
from massage_gui.core.settings import Settings
from massage_gui.ui import i18n
from massage_gui.ui.pace_control import PaceControl
from massage_gui.ui.routine_editor import DEFAULT_STEP, RoutineEditor
from massage_gui.ui.step_panel import clock
from massage_gui.ui.theme import Theme

BREATH = Step("breathing", "breath", 5)
COLLAR = Step("collarbone", "circles", 10, "terminus")
NECK = Step("neck_side", "stretch", 10, "terminus")
CHEEKS = Step("cheeks", "stretch", 7, "submandibular", cue="Flat fingers, skin only")
TEMPLES = Step("temples", "circles", 8, "preauricular", side="left", pace_factor=1.25)
SAMPLE = Routine("Sample", (BREATH, COLLAR, NECK, CHEEKS, TEMPLES), "A short test routine")


def make_editor(qtbot: QtBot, routine: Routine = SAMPLE, settings: Settings | None = None) -> RoutineEditor:
    editor = RoutineEditor(routine, settings or Settings(), Theme.light())
    qtbot.addWidget(editor)
    editor.show()
    qtbot.waitExposed(editor)
    editor.activateWindow()
    return editor


@pytest.fixture
def editor(qtbot: QtBot) -> RoutineEditor:
    return make_editor(qtbot)


@pytest.fixture(autouse=True)
def questions(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every 'discard changes?' question asked, answered with Discard (closing at the end of a test too)."""
    asked: list[str] = []

    def answer(parent: object, title: str, text: str, *args: object) -> QMessageBox.StandardButton:
        asked.append(text)
        return QMessageBox.StandardButton.Discard

    monkeypatch.setattr(QMessageBox, "question", answer)
    return asked


def areas(editor: RoutineEditor) -> list[str]:
    return [s.area for s in editor.routine().steps]


def combo_data(combo: QComboBox) -> list[str]:
    return [combo.itemData(i) for i in range(combo.count())]


def select(editor: RoutineEditor, combo: QComboBox, value: str) -> None:
    index = combo.findData(value)
    assert index >= 0, f"{value} not offered"
    combo.setCurrentIndex(index)


def key(
    qtbot: QtBot, editor: RoutineEditor, k: Qt.Key, mod: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier
) -> None:
    editor.step_list.setFocus()
    qtbot.keyClick(editor.step_list, k, mod)


# -- opening and round trip ----------------------------------------------------------------------


def test_opens_with_the_routine(editor: RoutineEditor) -> None:
    assert editor.windowTitle() == "Edit routine"
    assert editor.focusWidget() is editor.step_list
    assert editor.name_edit.text() == "Sample"
    assert editor.description_edit.toPlainText() == "A short test routine"
    assert editor.step_list.count() == 5
    assert editor.step_list.currentRow() == 0
    assert editor.step_list.item(0).text() == "1. Breathing - breath - 5x"
    assert editor.step_list.item(3).text() == "4. Cheeks - stretch toward under the jaw - both - 7x at 3 spots"
    assert editor.step_list.item(4).text() == "5. Temples - circles toward in front of the ear - left - 8x at 2 spots"


@pytest.mark.parametrize("entry", builtin_routines(), ids=lambda e: e.id)
def test_editing_nothing_gives_the_same_routine(qtbot: QtBot, entry: RoutineEntry) -> None:
    editor = make_editor(qtbot, entry.routine)
    for row in range(editor.step_list.count()):  # visiting every step writes nothing back
        editor.step_list.setCurrentRow(row)
    editor.step_list.setCurrentRow(0)
    assert editor.routine() == entry.routine
    editor.ok_button.click()
    assert editor.result() == QDialog.DialogCode.Accepted
    assert editor.routine() == entry.routine


# -- step list actions ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("k", "mod"),
    [(Qt.Key.Key_Insert, Qt.KeyboardModifier.NoModifier), (Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)],
)
def test_add_by_key_inserts_the_default_after_the_selection(
    qtbot: QtBot, editor: RoutineEditor, k: Qt.Key, mod: Qt.KeyboardModifier
) -> None:
    editor.step_list.setCurrentRow(1)
    key(qtbot, editor, k, mod)
    steps = editor.routine().steps
    assert len(steps) == 6
    assert steps[2] == DEFAULT_STEP
    assert editor.step_list.currentRow() == 2
    assert editor.step_list.item(2).text() == "3. Cheeks - stretch toward under the jaw - both - 7x at 3 spots"


def test_add_button_appends_after_the_last_row(editor: RoutineEditor) -> None:
    editor.step_list.setCurrentRow(4)
    editor.add_button.click()
    assert editor.routine().steps[5] == DEFAULT_STEP
    assert editor.step_list.item(5).text().startswith("6. ")


def test_remove_by_delete_key_and_by_button(qtbot: QtBot, editor: RoutineEditor) -> None:
    editor.step_list.setCurrentRow(3)
    key(qtbot, editor, Qt.Key.Key_Delete)
    assert editor.routine().steps == (BREATH, COLLAR, NECK, TEMPLES)
    assert editor.step_list.currentRow() == 3
    editor.remove_button.click()
    assert editor.routine().steps == (BREATH, COLLAR, NECK)
    assert editor.step_list.currentRow() == 2


def test_the_last_step_cannot_be_removed(qtbot: QtBot) -> None:
    editor = make_editor(qtbot, Routine("One", (NECK,)))
    assert not editor.remove_button.isEnabled()
    key(qtbot, editor, Qt.Key.Key_Delete)
    assert editor.routine().steps == (NECK,)


def test_delete_while_typing_a_cue_does_not_remove_the_step(qtbot: QtBot, editor: RoutineEditor) -> None:
    editor.form.cue_edit.setFocus()
    qtbot.keyClick(editor.form.cue_edit, Qt.Key.Key_Delete)
    assert len(editor.routine().steps) == 5


def test_duplicate_by_key_and_button(qtbot: QtBot, editor: RoutineEditor) -> None:
    editor.step_list.setCurrentRow(3)
    key(qtbot, editor, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    assert editor.routine().steps == (BREATH, COLLAR, NECK, CHEEKS, CHEEKS, TEMPLES)
    assert editor.step_list.currentRow() == 4
    editor.duplicate_button.click()
    assert editor.routine().steps.count(CHEEKS) == 3


@pytest.mark.parametrize("mod", [Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.AltModifier])
def test_move_by_keys(qtbot: QtBot, editor: RoutineEditor, mod: Qt.KeyboardModifier) -> None:
    editor.step_list.setCurrentRow(3)
    key(qtbot, editor, Qt.Key.Key_Up, mod)
    assert editor.routine().steps == (BREATH, COLLAR, CHEEKS, NECK, TEMPLES)
    assert editor.step_list.currentRow() == 2
    key(qtbot, editor, Qt.Key.Key_Down, mod)
    key(qtbot, editor, Qt.Key.Key_Down, mod)
    assert editor.routine().steps == (BREATH, COLLAR, NECK, TEMPLES, CHEEKS)
    assert editor.step_list.currentRow() == 4
    assert not editor.move_down_button.isEnabled()
    key(qtbot, editor, Qt.Key.Key_Down, mod)  # already last: nothing happens
    assert editor.routine().steps[-1] == CHEEKS


def test_move_by_buttons(editor: RoutineEditor) -> None:
    editor.step_list.setCurrentRow(0)
    assert not editor.move_up_button.isEnabled()
    editor.move_down_button.click()
    assert areas(editor)[:2] == ["collarbone", "breathing"]
    editor.move_up_button.click()
    assert editor.routine().steps == SAMPLE.steps
    assert editor.step_list.item(0).text().startswith("1. Breathing")


def drag_first_to_last(editor: RoutineEditor) -> None:
    editor.step_list.model().moveRow(QModelIndex(), 1, QModelIndex(), editor.step_list.count())


@pytest.mark.parametrize(
    "action",
    [
        lambda e: e.move_down_button.click(),
        lambda e: e.move_up_button.click(),
        lambda e: e.add_button.click(),
        lambda e: e.duplicate_button.click(),
        lambda e: e.remove_button.click(),
        lambda e: (e.step_list.setCurrentRow(4), e.remove_button.click()),
        drag_first_to_last,
    ],
    ids=["down", "up", "add", "duplicate", "remove", "remove-last", "drag"],
)
def test_the_heading_and_the_form_follow_the_selected_step(editor: RoutineEditor, action: object) -> None:
    """Bug: Add, then Move down: row 3 was selected and the heading still said "Step 2 of 6" (the selection moved
    with the step, so Qt did not report a new current row); Remove said "of 5" with 4 left."""
    editor.step_list.setCurrentRow(1)
    assert callable(action)
    action(editor)
    row, count = editor.step_list.currentRow(), editor.step_list.count()
    assert editor.form.heading.text() == f"Step {row + 1} of {count}"
    current = editor.current_step()
    assert current is not None
    assert editor.form.area_combo.currentData() == current.area
    assert editor.form.reps_spin.value() == current.reps
    assert editor.move_up_button.isEnabled() == (row > 0)
    assert editor.move_down_button.isEnabled() == (row < count - 1)


def test_drag_and_drop_reorders_the_routine(editor: RoutineEditor) -> None:
    assert editor.step_list.dragDropMode() == QAbstractItemView.DragDropMode.InternalMove
    assert editor.step_list.defaultDropAction() == Qt.DropAction.MoveAction
    # what an internal drop does in Qt 6 (QListView::dropEvent): model().moveRow to the drop position
    assert editor.step_list.model().moveRow(QModelIndex(), 4, QModelIndex(), 0)
    assert editor.routine().steps == (TEMPLES, BREATH, COLLAR, NECK, CHEEKS)
    assert editor.step_list.item(0).text().startswith("1. Temples")
    assert editor.step_list.item(4).text().startswith("5. Cheeks")


def test_every_button_has_an_accessible_name_and_a_tooltip_with_its_key(editor: RoutineEditor) -> None:
    expected = {
        editor.add_button: ("Add step", "Ins"),
        editor.duplicate_button: ("Duplicate step", "Ctrl+D"),
        editor.remove_button: ("Remove step", "Del"),
        editor.move_up_button: ("Move step up", "Ctrl+Up"),
        editor.move_down_button: ("Move step down", "Ctrl+Down"),
    }
    assert set(editor.findChildren(QToolButton)) >= set(expected)
    for button, (name, shown) in expected.items():
        assert button.accessibleName() == name
        assert shown in button.toolTip()
    assert "Ctrl+N" in editor.add_button.toolTip()
    assert "Alt+Up" in editor.move_up_button.toolTip()


# -- the step form -------------------------------------------------------------------------------


def test_breathing_offers_only_breath_and_no_toward(editor: RoutineEditor) -> None:
    editor.step_list.setCurrentRow(3)
    select(editor, editor.form.area_combo, "breathing")
    assert combo_data(editor.form.stroke_combo) == ["breath"]
    assert not editor.form.toward_combo.isVisibleTo(editor)
    assert not editor.form.toward_combo.isEnabled()
    step = editor.routine().steps[3]
    assert (step.area, step.stroke, step.toward) == ("breathing", "breath", None)
    assert editor.step_list.item(3).text() == "4. Breathing - breath - 7x"
    select(editor, editor.form.area_combo, "cheeks")  # back to a massage stroke with a valid node
    assert "breath" not in combo_data(editor.form.stroke_combo)
    assert editor.form.toward_combo.isVisibleTo(editor)
    step = editor.routine().steps[3]
    assert (step.stroke, step.toward) == ("stretch", "submandibular")


def test_temples_drain_only_in_front_of_the_ear(editor: RoutineEditor) -> None:
    editor.step_list.setCurrentRow(2)  # side of the neck, toward the terminus
    select(editor, editor.form.area_combo, "temples")
    assert combo_data(editor.form.toward_combo) == ["preauricular"]
    step = editor.routine().steps[2]
    assert (step.area, step.stroke, step.toward) == ("temples", "stretch", "preauricular")


def test_every_area_filters_strokes_and_nodes(editor: RoutineEditor) -> None:
    editor.step_list.setCurrentRow(3)
    for area in AREA_IDS:
        select(editor, editor.form.area_combo, area)
        strokes = combo_data(editor.form.stroke_combo)
        assert (strokes == ["breath"]) if area == "breathing" else ("breath" not in strokes and len(strokes) == 3)
        assert combo_data(editor.form.toward_combo) == list(DRAINS_TOWARD[area])
        assert editor.routine().steps[3].area == area


def test_area_change_keeps_a_node_that_still_fits(editor: RoutineEditor) -> None:
    editor.step_list.setCurrentRow(3)
    select(editor, editor.form.toward_combo, "preauricular")
    select(editor, editor.form.area_combo, "jawline")  # jawline drains toward preauricular too
    assert editor.routine().steps[3].toward == "preauricular"


def test_stroke_toward_and_side_edits_land(editor: RoutineEditor) -> None:
    editor.step_list.setCurrentRow(3)
    select(editor, editor.form.stroke_combo, "sweep")
    select(editor, editor.form.toward_combo, "preauricular")
    select(editor, editor.form.side_combo, "right")
    assert editor.routine().steps[3] == dataclasses.replace(CHEEKS, stroke="sweep", toward="preauricular", side="right")
    assert editor.step_list.item(3).text() == "4. Cheeks - sweep toward in front of the ear - right - 7x at 3 spots"


def test_reps_pace_and_cue_edits_land(editor: RoutineEditor) -> None:
    editor.step_list.setCurrentRow(3)
    editor.form.reps_spin.setValue(12)
    editor.form.pace_spin.setValue(1.5)
    editor.form.cue_edit.setText("Gentle")
    assert editor.routine().steps[3] == dataclasses.replace(CHEEKS, reps=12, pace_factor=1.5, cue="Gentle")
    assert editor.step_list.item(3).text().endswith(" - 12x at 3 spots")
    assert editor.form.cue_count_label.text().startswith("6/120")


def test_spin_boxes_stay_within_the_limits(editor: RoutineEditor) -> None:
    editor.step_list.setCurrentRow(3)
    editor.form.reps_spin.setValue(500)
    editor.form.pace_spin.setValue(9.0)
    step = editor.routine().steps[3]
    assert (step.reps, step.pace_factor) == (100, 3.0)
    editor.form.pace_spin.setValue(0.1)
    assert editor.routine().steps[3].pace_factor == 0.5


def test_typed_reps_land(qtbot: QtBot, editor: RoutineEditor) -> None:
    editor.step_list.setCurrentRow(1)
    editor.form.reps_spin.selectAll()
    qtbot.keyClicks(editor.form.reps_spin, "42")
    assert editor.routine().steps[1].reps == 42


def test_a_long_cue_is_cut(qtbot: QtBot, editor: RoutineEditor) -> None:
    editor.step_list.setCurrentRow(3)
    editor.form.cue_edit.setText("x" * 150)
    assert editor.routine().steps[3].cue == "x" * MAX_CUE
    assert editor.form.cue_count_label.text().startswith(f"{MAX_CUE}/{MAX_CUE}")
    qtbot.keyClicks(editor.form.cue_edit, "more")  # typing at the limit adds nothing
    assert editor.routine().steps[3].cue == "x" * MAX_CUE


def test_a_long_cue_shows_from_its_start(qtbot: QtBot) -> None:
    """Bug: a cue longer than its field showed its end ('ase ein, der Bauch hebt sich'), the cursor left there."""
    cue = "Breathe in through the nose, let the belly rise, then a longer breath out through the mouth"
    editor = make_editor(qtbot, Routine("Cues", (dataclasses.replace(BREATH, cue=cue), CHEEKS)))
    assert editor.form.cue_edit.cursorPosition() == 0
    editor.step_list.setCurrentRow(1)
    editor.step_list.setCurrentRow(0)
    assert editor.form.cue_edit.text() == cue
    assert editor.form.cue_edit.cursorPosition() == 0


def test_the_form_follows_the_selection(editor: RoutineEditor) -> None:
    editor.step_list.setCurrentRow(4)
    assert editor.form.area_combo.currentData() == "temples"
    assert editor.form.side_combo.currentData() == "left"
    assert editor.form.pace_spin.value() == 1.25
    assert editor.form.heading.text() == "Step 5 of 5"
    editor.step_list.setCurrentRow(0)
    assert editor.form.area_combo.currentData() == "breathing"
    assert not editor.form.pace_spin.isVisibleTo(editor)
    assert editor.form.breath_note.isVisibleTo(editor)
    assert editor.routine() == SAMPLE


# -- total, warnings, preview --------------------------------------------------------------------


def test_total_follows_the_plan_and_the_reps(editor: RoutineEditor) -> None:
    before = editor.total_label.text()
    assert before == f"Total {clock(build_plan(SAMPLE, Settings()).total_s)} at 2.0 s per stroke"
    editor.step_list.setCurrentRow(3)
    editor.form.reps_spin.setValue(CHEEKS.reps + 30)
    after = editor.total_label.text()
    assert after != before
    assert after == f"Total {clock(build_plan(editor.routine(), Settings()).total_s)} at 2.0 s per stroke"


def test_total_uses_the_settings(qtbot: QtBot) -> None:
    settings = Settings(pace_s=3.0, lead_in_s=0.0, skipped_areas=frozenset({"temples"}))
    editor = make_editor(qtbot, settings=settings)
    total = clock(build_plan(SAMPLE, settings).total_s)
    assert editor.total_label.text() == f"Total {total} at 3.0 s per stroke (1 step skipped by your settings)"
    assert "Skipped" in editor.step_list.item(4).toolTip()


@pytest.mark.parametrize(
    ("pace", "shown"), [(1.75, "1.75"), (2.0, "2.0"), (2.25, "2.25"), (3.5, "3.5"), (1.05, "1.05")]
)
def test_total_shows_the_pace_as_the_toolbar_does(qtbot: QtBot, pace: float, shown: str) -> None:
    """Bug: at a pace of 1.75 the toolbar said 1.75 s/stroke and the editor 'Total 8:27 at 1.8 s per stroke'."""
    settings = Settings(pace_s=pace)
    toolbar = PaceControl(AppState(settings))
    qtbot.addWidget(toolbar)
    assert toolbar.value_label.text() == f"{shown} s/stroke"
    editor = make_editor(qtbot, settings=settings)
    assert editor.total_label.text() == f"Total {clock(build_plan(SAMPLE, settings).total_s)} at {shown} s per stroke"


def test_total_shows_the_pace_with_the_languages_decimal_mark(qtbot: QtBot, qapp: QApplication) -> None:
    settings = Settings(pace_s=1.75, lead_in_s=0.0)
    assert i18n.install_translator(qapp, "de") == "de"
    try:
        editor = make_editor(qtbot, settings=settings)
        assert editor.total_label.text() == f"Gesamt {clock(build_plan(SAMPLE, settings).total_s)} bei 1,75 s pro Griff"
    finally:
        i18n.remove_translators(qapp)


@pytest.mark.parametrize("treated", ["left", "both"])
def test_steps_a_treated_side_adds_are_not_counted_as_skipped(qtbot: QtBot, treated: str) -> None:
    """Bug: with a treated neck side the plan has more steps than the routine (the clearing steps, and a step
    done one side at a time), and the editor said "(-9 steps skipped by your settings)"."""
    settings = Settings(treated_side=treated)
    plan = build_plan(SAMPLE, settings)
    assert len(plan.steps) > len(SAMPLE.steps)
    editor = make_editor(qtbot, settings=settings)
    assert editor.total_label.text() == f"Total {clock(plan.total_s)} at 2.0 s per stroke"


def test_the_skipped_count_is_the_routine_steps_left_out(qtbot: QtBot) -> None:
    """A treated side adds steps, one skipped side narrows a step (it still plays); only the routine's steps
    the settings leave out entirely are counted and muted."""
    routine = Routine("Sample", (*SAMPLE.steps, dataclasses.replace(CHEEKS, side="right")), "")
    settings = Settings(treated_side="left", skipped_areas=frozenset({"temples", "cheeks:right"}))
    editor = make_editor(qtbot, routine, settings)
    total = clock(build_plan(routine, settings).total_s)
    assert editor.total_label.text() == f"Total {total} at 2.0 s per stroke (2 steps skipped by your settings)"
    muted = [row for row in range(6) if "will not play" in editor.step_list.item(row).toolTip()]
    assert muted == [4, 5], "the temples, and the cheeks on the skipped right side; the cheeks on both still play"
    assert editor.step_list.item(5).foreground().color() == editor.step_list.item(4).foreground().color()
    assert editor.step_list.item(3).data(Qt.ItemDataRole.ForegroundRole) is None


def test_every_step_skipped_is_said_instead_of_a_total(qtbot: QtBot) -> None:
    settings = Settings(skipped_areas=frozenset({"neck_side"}))
    editor = make_editor(qtbot, Routine("Neck", (NECK,)), settings)
    assert "Every step" in editor.total_label.text()
    assert "Total" not in editor.total_label.text()
    assert editor.plan() is None
    assert editor.preview.frame is not None  # the preview still shows the step
    assert editor.ok_button.isEnabled()


def test_a_face_step_before_the_outlets_warns_until_moved_back(qtbot: QtBot, editor: RoutineEditor) -> None:
    assert not editor.warning_label.isVisibleTo(editor)
    editor.step_list.setCurrentRow(3)
    key(qtbot, editor, Qt.Key.Key_Up, Qt.KeyboardModifier.ControlModifier)
    key(qtbot, editor, Qt.Key.Key_Up, Qt.KeyboardModifier.ControlModifier)
    assert areas(editor)[:3] == ["breathing", "cheeks", "collarbone"]
    assert editor.warning_label.isVisibleTo(editor)
    assert editor.warning_label.text().startswith("⚠ Row 2 (cheeks) comes before the neck and collarbone")
    assert not editor.step_list.item(1).icon().isNull()
    assert "clear the outlets first" in editor.step_list.item(1).toolTip()
    assert editor.step_list.item(2).icon().isNull()
    key(qtbot, editor, Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier)
    key(qtbot, editor, Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier)
    assert editor.routine() == SAMPLE
    assert not editor.warning_label.isVisibleTo(editor)
    assert editor.warning_label.text() == ""
    assert editor.step_list.item(3).icon().isNull()


def test_warning_numbers_the_list_rows_when_steps_are_skipped(qtbot: QtBot) -> None:
    settings = Settings(skipped_areas=frozenset({"breathing"}))
    routine = Routine("Face first", (BREATH, CHEEKS, NECK))
    editor = make_editor(qtbot, routine, settings)
    # the plan calls the cheeks its step 1 (breathing is skipped); the list shows it in row 2
    assert editor.warning_label.text().startswith("⚠ Row 2 (cheeks)")
    assert not editor.step_list.item(1).icon().isNull()


LEAD = {
    "left": "Your neck lymph nodes were treated on the left side, so the fluid on that side goes another way. "
    "Follow your therapist’s plan where it differs.",
    "both": "Your neck lymph nodes were treated on both sides, so the fluid goes to the armpits. "
    "Follow your therapist’s plan where it differs.",
}
ROW_WARNINGS = {
    ("quick", "left"): [
        LEAD["left"],
        "The session adds 3 steps to clear the new way first, in row 2 before its treated side.",
        "Rows 5, 6, 7 and 8: on the treated side, the face is stroked across the middle to the other side.",
        "Rows 2, 3, 4, 9 and 10: on a treated side, stroked down over the collarbone toward the armpit.",
    ],
    ("quick", "both"): [
        LEAD["both"],
        "The session adds 2 steps to clear the new way first, before row 2.",
        "Rows 2, 3, 4, 5, 6, 7, 8, 9 and 10: on a treated side, stroked down over the collarbone toward the armpit.",
    ],
    ("standard", "left"): [
        LEAD["left"],
        "The session adds 3 steps to clear the new way first, in row 2 before its treated side.",
        "Rows 8, 9, 10, 11, 12, 13, 14, 15 and 16: on the treated side, the face is stroked across the middle to "
        "the other side.",
        "Rows 2, 3, 4, 5, 6, 7, 17, 18 and 19: on a treated side, stroked down over the collarbone toward the armpit.",
    ],
    ("standard", "both"): [
        LEAD["both"],
        "The session adds 2 steps to clear the new way first, before row 2.",
        "Rows 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18 and 19: on a treated side, stroked down "
        "over the collarbone toward the armpit.",
    ],
}


@pytest.mark.parametrize(("routine_id", "treated"), sorted(ROW_WARNINGS))
def test_treated_side_warnings_name_the_rows_the_list_shows(qtbot: QtBot, routine_id: str, treated: str) -> None:
    """Bug: with a treated side the editor showed the session's step numbers under its list of rows: Quick with
    the left side treated said "Steps 3, 4 and 5 clear the new way first" and "Steps 6, 8, 10, 20 and 22: ..."
    under 11 rows. Now every number is a row of the list, and the steps the session adds are said to be added."""
    routine = next(e.routine for e in builtin_routines() if e.id == routine_id)
    editor = make_editor(qtbot, routine, Settings(treated_side=treated))
    assert editor.warning_label.text().split("\n") == [f"⚠ {text}" for text in ROW_WARNINGS[routine_id, treated]]
    assert all(editor.step_list.item(row).icon().isNull() for row in range(editor.step_list.count()))


@pytest.mark.parametrize(
    ("treated", "expected"),
    [
        (
            "left",
            [
                "In Zeile 2 fügt die Sitzung vor der behandelten Seite 3 Schritte ein, die zuerst den neuen Weg frei "
                "machen.",
                "Zeilen 5, 6, 7 und 8: Auf der behandelten Seite wird das Gesicht über die Mitte zur anderen Seite "
                "ausgestrichen.",
                "Zeilen 2, 3, 4, 9 und 10: auf einer behandelten Seite abwärts über das Schlüsselbein Richtung Achsel "
                "ausgestrichen.",
            ],
        ),
        (
            "both",
            [
                "Vor Zeile 2 fügt die Sitzung 2 Schritte ein, die zuerst den neuen Weg frei machen.",
                "Zeilen 2, 3, 4, 5, 6, 7, 8, 9 und 10: auf einer behandelten Seite abwärts über das Schlüsselbein "
                "Richtung Achsel ausgestrichen.",
            ],
        ),
    ],
)
def test_treated_side_warnings_name_rows_in_german(
    qtbot: QtBot, qapp: QApplication, treated: str, expected: list[str]
) -> None:
    assert i18n.install_translator(qapp, "de") == "de"
    try:
        routine = next(e.routine for e in builtin_routines() if e.id == "quick")
        editor = make_editor(qtbot, routine, Settings(treated_side=treated))
        assert editor.warning_label.text().split("\n")[1:] == [f"⚠ {text}" for text in expected]
    finally:
        i18n.remove_translators(qapp)


@pytest.mark.parametrize("entry", builtin_routines(), ids=lambda e: e.id)
@pytest.mark.parametrize("treated", ["left", "right", "both"])
def test_every_number_in_the_warnings_is_a_row(qtbot: QtBot, entry: RoutineEntry, treated: str) -> None:
    settings = Settings(treated_side=treated, skipped_areas=frozenset({"forehead"}))
    editor = make_editor(qtbot, entry.routine, settings)
    text = editor.warning_label.text()
    assert "Step" not in text, text
    plan = editor.plan()
    assert plan is not None
    routes = {route: {s.routine_index + 1 for s in plan.steps if s.route == route} for route in ("across", "armpit")}
    for line in text.split("\n"):
        if line.startswith("⚠ Row"):
            named = {int(n) for n in re.findall(r"\d+", line.split(":")[0])}
            assert named <= set(range(1, len(entry.routine.steps) + 1)), line
            assert named == routes["across" if "across" in line else "armpit"], line


def test_a_routine_that_clears_most_of_the_way_itself_gets_one_step_added(qtbot: QtBot) -> None:
    routine = Routine(
        "Own clearing",
        (
            Step("collarbone", "circles", 10, "terminus", side="right"),
            Step("neck_side", "stretch", 10, "terminus", side="right"),
            Step("chest", "circles", 10, "axillary", side="left", positions=1),
            Step("cheeks", "stretch", 7, "submandibular", side="left"),
        ),
    )
    editor = make_editor(qtbot, routine, Settings(treated_side="left"))
    assert editor.warning_label.text().split("\n")[1:] == [
        "⚠ The session adds one step to clear the new way first, before row 4.",
        "⚠ Row 4: on the treated side, the face is stroked across the middle to the other side.",
    ]


def test_a_stroke_too_fast_is_named_by_its_row_once(qtbot: QtBot) -> None:
    """A step done one side at a time is two plan steps, each slowed; the editor names its row once."""
    fast = dataclasses.replace(CHEEKS, pace_factor=0.5)
    routine = Routine("Fast", (BREATH, COLLAR, NECK, fast))
    settings = Settings(treated_side="left", pace_s=1.0)
    assert sum("slowed" in w for w in build_plan(routine, settings).warnings) == 2
    editor = make_editor(qtbot, routine, settings)
    slowed = [line for line in editor.warning_label.text().split("\n") if "slowed" in line]
    assert slowed == ["⚠ Row 4 (cheeks) would make strokes of 0.5 s: slowed to 1 s, the fastest a stroke may be."]
    assert not editor.step_list.item(3).icon().isNull()
    assert "slowed to 1 s" in editor.step_list.item(3).toolTip()


def test_preview_shows_the_selected_step(editor: RoutineEditor) -> None:
    editor.step_list.setCurrentRow(3)
    frame = editor.preview.frame
    assert frame is not None
    assert frame.state == "step"
    assert frame.area == "cheeks"
    assert frame.phase == pytest.approx(0.5)
    assert {t.node for t in frame.targets} == {"submandibular"}
    assert frame.mirror is True
    editor.step_list.setCurrentRow(1)
    assert editor.preview.frame is not None
    assert editor.preview.frame.area == "collarbone"
    select(editor, editor.form.area_combo, "forehead")  # an edit updates the preview too
    frame = editor.preview.frame
    assert frame is not None
    assert frame.area == "forehead"
    assert {t.node for t in frame.targets} == {"preauricular"}


@pytest.mark.parametrize("treated", ["left", "both"])
def test_preview_shows_the_selected_step_with_a_treated_side(qtbot: QtBot, treated: str) -> None:
    """Bug: with a treated side the preview of the neck, cheeks or temples showed a step the session adds to
    clear the new way (the collarbone hollow, or the upper chest), not the selected one."""
    editor = make_editor(qtbot, settings=Settings(treated_side=treated))
    for row, step in enumerate(SAMPLE.steps):
        editor.step_list.setCurrentRow(row)
        frame = editor.preview.frame
        assert frame is not None
        assert (frame.area, frame.step.clears) == (step.area, False), row
        if step.area == "cheeks":  # the way the session does it: the treated side's strokes go round
            assert frame.step.route == ("armpit" if treated == "both" else "usual"), "the working side first"


def test_preview_follows_the_mirror_setting_with_reduced_motion(qtbot: QtBot) -> None:
    editor = make_editor(qtbot, settings=Settings(mirror=False, skipped_areas=frozenset({"temples"})))
    editor.step_list.setCurrentRow(4)  # temples, left side only; skipped areas still preview
    frame = editor.preview.frame
    assert frame is not None
    assert frame.area == "temples"
    assert frame.mirror is False
    assert all(a.x > 0.5 for a in frame.arrows)  # unmirrored: the user's left on the screen's right
    assert editor.preview.scene.reduced_motion
    assert not editor.preview.scene.show_labels
    editor.resize(940, 640)  # its size where the screen has room: the preview is not squeezed
    editor.layout().activate()
    assert editor.preview.width() >= 260
    assert editor.preview.height() >= 300


def test_routine_edited_is_emitted_on_edits(qtbot: QtBot, editor: RoutineEditor) -> None:
    with qtbot.waitSignal(editor.routine_edited) as blocker:
        editor.form.reps_spin.setValue(3)
    assert isinstance(blocker.args[0], Routine)
    assert blocker.args[0] == editor.routine()


# -- name, description, OK and Cancel ------------------------------------------------------------


def test_ok_is_disabled_with_a_reason_while_the_name_is_blank(qtbot: QtBot, editor: RoutineEditor) -> None:
    assert editor.ok_button.isEnabled()
    assert not editor.name_reason_label.isVisibleTo(editor)
    editor.name_edit.clear()
    assert not editor.ok_button.isEnabled()
    assert editor.name_reason_label.isVisibleTo(editor)
    assert "name" in editor.name_reason_label.text()
    assert editor.routine().name == "Sample"  # still valid
    qtbot.keyClicks(editor.name_edit, "   ")
    assert not editor.ok_button.isEnabled()
    qtbot.keyClicks(editor.name_edit, "Evening")
    assert editor.ok_button.isEnabled()
    assert not editor.name_reason_label.isVisibleTo(editor)
    assert editor.routine().name == "   Evening"


def test_name_and_description_limits(editor: RoutineEditor) -> None:
    editor.name_edit.setText("n" * 150)
    assert editor.routine().name == "n" * 100
    editor.description_edit.setPlainText("d" * 600)
    assert editor.routine().description == "d" * MAX_DESCRIPTION
    assert editor.description_count_label.text() == f"{MAX_DESCRIPTION}/{MAX_DESCRIPTION}"
    editor.description_edit.setPlainText("Short")
    assert editor.routine().description == "Short"


def test_escape_cancels(qtbot: QtBot, editor: RoutineEditor) -> None:
    editor.step_list.setFocus()
    qtbot.keyClick(editor.step_list, Qt.Key.Key_Escape)
    assert editor.result() == QDialog.DialogCode.Rejected
    assert not editor.isVisible()


def test_ok_accepts(editor: RoutineEditor) -> None:
    editor.ok_button.click()
    assert editor.result() == QDialog.DialogCode.Accepted


@pytest.mark.parametrize("field", ["name_edit", "cue_edit"])
def test_enter_in_a_field_neither_saves_nor_closes(qtbot: QtBot, editor: RoutineEditor, field: str) -> None:
    """Bug: Enter in any field (mid-edit, in the cue) saved and closed the editor."""
    widget = getattr(editor, field, None) or getattr(editor.form, field)
    widget.setFocus()
    qtbot.keyClicks(widget, "x")
    qtbot.keyClick(widget, Qt.Key.Key_Return)
    qtbot.keyClick(widget, Qt.Key.Key_Enter)
    assert editor.isVisible()
    assert editor.result() != QDialog.DialogCode.Accepted
    qtbot.keyClick(widget, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)  # the save key
    assert editor.result() == QDialog.DialogCode.Accepted


def test_cancel_with_changes_asks_before_dropping_them(
    qtbot: QtBot, editor: RoutineEditor, questions: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Bug: Cancel threw the changes away without asking."""
    editor.form.reps_spin.setValue(3)
    monkeypatch.setattr(
        QMessageBox, "question", lambda *a: (questions.append("kept"), QMessageBox.StandardButton.Cancel)[1]
    )
    qtbot.keyClick(editor.step_list, Qt.Key.Key_Escape)
    assert editor.isVisible(), "Keep editing: the editor stays open with the change"
    assert editor.routine().steps[0].reps == 3
    monkeypatch.setattr(QMessageBox, "question", lambda *a: QMessageBox.StandardButton.Discard)
    editor.button_box.button(QDialogButtonBox.StandardButton.Cancel).click()
    assert editor.result() == QDialog.DialogCode.Rejected
    assert questions == ["kept"]


def test_cancel_without_changes_does_not_ask(editor: RoutineEditor, questions: list[str]) -> None:
    editor.step_list.setCurrentRow(2)  # looking is not changing
    editor.button_box.button(QDialogButtonBox.StandardButton.Cancel).click()
    assert editor.result() == QDialog.DialogCode.Rejected
    assert questions == []


def test_a_favourite_can_be_saved_as_new_or_in_place(qtbot: QtBot) -> None:
    """Bug: editing a favourite could only overwrite it."""
    editor = RoutineEditor(SAMPLE, Settings(), Theme.light(), favourite=True)
    qtbot.addWidget(editor)
    assert editor.save_as_new_button is not None
    editor.save_as_new_button.click()
    assert editor.result() == QDialog.DialogCode.Accepted
    assert editor.saves_as_new()
    in_place = RoutineEditor(SAMPLE, Settings(), Theme.light(), favourite=True)
    qtbot.addWidget(in_place)
    in_place.ok_button.click()
    assert not in_place.saves_as_new()
    builtin = RoutineEditor(SAMPLE, Settings(), Theme.light())
    qtbot.addWidget(builtin)
    assert builtin.save_as_new_button is None
    assert builtin.saves_as_new(), "a built-in stays as shipped"


# -- layout --------------------------------------------------------------------------------------


@pytest.mark.parametrize("row", [0, 3, 4])
def test_fits_800_by_600_without_clipped_text(qtbot: QtBot, row: int) -> None:
    routine = next(e.routine for e in builtin_routines() if e.id == "thorough")
    editor = make_editor(qtbot, routine, Settings(skipped_areas=frozenset({"forehead"})))
    editor.resize(800, 600)
    editor.name_edit.clear()  # shows the reason label too
    first_face = next(i for i, s in enumerate(routine.steps) if s.area in FACE_AREAS)
    editor.step_list.setCurrentRow(first_face)
    editor.move_step(-first_face)  # and a warning
    editor.step_list.setCurrentRow(row)
    qtbot.wait(10)
    assert editor.warning_label.isVisible()
    assert editor.width() == 800
    assert editor.height() == 600
    for widget in [*editor.findChildren(QLabel), *editor.findChildren(QToolButton), *editor.findChildren(QComboBox)]:
        if not widget.isVisible() or widget.parent() is editor.preview:
            continue
        if isinstance(widget, QLabel) and widget.wordWrap():
            assert widget.height() >= widget.heightForWidth(widget.width()), widget.text()
        else:
            assert widget.width() >= widget.sizeHint().width(), widget.accessibleName() or widget.objectName()
    for button in editor.button_box.buttons():
        assert button.width() >= button.sizeHint().width()


# -- any sequence of edits keeps the routine valid -----------------------------------------------

OPS = st.lists(
    st.one_of(
        st.tuples(st.just("add"), st.integers(0, 0)),
        st.tuples(st.just("duplicate"), st.integers(0, 0)),
        st.tuples(st.just("remove"), st.integers(0, 0)),
        st.tuples(st.just("move"), st.integers(-3, 3)),
        st.tuples(st.just("select"), st.integers(0, 20)),
        st.tuples(st.just("area"), st.integers(0, len(AREA_IDS) - 1)),
        st.tuples(st.just("stroke"), st.integers(0, 3)),
        st.tuples(st.just("toward"), st.integers(0, 1)),
        st.tuples(st.just("reps"), st.integers(-5, 120)),
    ),
    max_size=25,
)


@hyp_settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(ops=OPS)
def test_any_edits_keep_the_routine_valid_and_the_rows_in_step(qtbot: QtBot, ops: list[tuple[str, int]]) -> None:
    editor = RoutineEditor(SAMPLE, Settings(), Theme.light())
    qtbot.addWidget(editor)
    for op, n in ops:
        if op == "add":
            editor.add_step()
        elif op == "duplicate":
            editor.duplicate_step()
        elif op == "remove":
            editor.remove_step()
        elif op == "move":
            editor.move_step(n)
        elif op == "select":
            editor.step_list.setCurrentRow(n % editor.step_list.count())
        elif op == "area":
            editor.form.area_combo.setCurrentIndex(n)
        elif op == "stroke":
            editor.form.stroke_combo.setCurrentIndex(n % editor.form.stroke_combo.count())
        elif op == "toward" and editor.form.toward_combo.count():
            editor.form.toward_combo.setCurrentIndex(n % editor.form.toward_combo.count())
        elif op == "reps":
            editor.form.reps_spin.setValue(n)
    routine = editor.routine()  # constructing it validates every step
    assert len(routine.steps) == editor.step_list.count() >= 1
    for row, step in enumerate(routine.steps):
        assert editor.step_list.item(row).text() == editor.row_text(row + 1, step)
    current = editor.current_step()
    assert current is not None
    assert editor.form.heading.text() == f"Step {editor.step_list.currentRow() + 1} of {len(routine.steps)}"
    assert editor.form.area_combo.currentData() == current.area
    assert editor.form.stroke_combo.currentData() == current.stroke
    assert editor.form.reps_spin.value() == current.reps
    plan = editor.plan()
    assert plan is not None
    assert editor.total_label.text().startswith(f"Total {clock(plan.total_s)}")
    has_warning = any(
        s.area in FACE_AREAS and not any(p.area in NECK_AREAS for p in routine.steps[:i])
        for i, s in enumerate(routine.steps)
    )
    assert editor.warning_label.isVisibleTo(editor) == has_warning


def test_hand_positions_can_be_set_per_step_and_go_back_to_the_usual(editor: RoutineEditor) -> None:
    editor.step_list.setCurrentRow(3)  # cheeks, 7 strokes, the usual 3 spots
    spin = editor.form.positions_spin
    assert spin.value() == 0
    assert spin.specialValueText() == "Usual (3)"
    spin.setValue(2)
    assert editor.routine().steps[3].positions == 2
    assert editor.step_list.item(3).text().endswith(" - 7x at 2 spots")
    spin.setValue(0)
    assert editor.routine().steps[3].positions is None
    editor.step_list.setCurrentRow(0)  # breathing: no hands on the face
    assert not editor.form.form.isRowVisible(spin)


@pytest.mark.parametrize("field", ["name_edit", "cue_edit"])
def test_pasted_control_characters_never_reach_the_routine(qtbot: QtBot, editor: RoutineEditor, field: str) -> None:
    """A routine file may not hold control characters: the editor takes them out as they are pasted."""
    widget = getattr(editor, field, None) or getattr(editor.form, field)
    editor.step_list.setCurrentRow(3)
    widget.setFocus()
    widget.selectAll()
    widget.insert("Soft\x1b[31m\tstroke\u202e")
    routine = editor.routine()
    text = routine.name if field == "name_edit" else routine.steps[3].cue
    assert text == "Soft[31m stroke"
