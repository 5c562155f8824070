"""The routine editor: name, description and steps, with the live total, the plan's warnings and a preview."""

from __future__ import annotations

import dataclasses
from typing import Any

from PySide6.QtCore import QModelIndex, QSignalBlocker, Qt, Signal, Slot
from PySide6.QtGui import QAction, QColor, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from massage_gui.core.anatomy import default_anatomy
from massage_gui.core.errors import PlanError, RoutineError
from massage_gui.core.formatting import clock
from massage_gui.core.plan import Plan, build_plan
from massage_gui.core.plan_warnings import warnings_by_row
from massage_gui.core.routine import MAX_DESCRIPTION, MAX_NAME, MAX_STEPS, Routine, Step
from massage_gui.core.settings import Settings
from massage_gui.ui.pace_text import pace_number
from massage_gui.ui.plain_text import WithoutControls, plain_label
from massage_gui.ui.screen_fit import resize_to_fit
from massage_gui.ui.shortcuts import keyed_action
from massage_gui.ui.step_form import StepForm
from massage_gui.ui.step_list import StepList
from massage_gui.ui.step_preview import StepPreview
from massage_gui.ui.theme import Theme

DEFAULT_STEP = Step(area="cheeks", stroke="stretch", reps=7, toward="submandibular", side="both")


class RoutineEditor(QDialog):
    """Edits a copy of a routine; ``routine()`` gives the edited copy, valid at every moment.

    The list items hold the steps; the form writes one field at a time into the current step with
    ``dataclasses.replace`` (so ``Step`` itself guards validity), and every change refreshes the
    row texts, the total, the warnings and the preview from one ``build_plan``.

    Signals:
        routine_edited(Routine): any edit changed the routine (name, description or steps).
    """

    routine_edited = Signal(object)

    def __init__(
        self,
        routine: Routine,
        settings: Settings,
        theme: Theme,
        parent: QWidget | None = None,
        *,
        favourite: bool = False,
    ) -> None:
        """``favourite``: the routine is one of the user's own (Save replaces it, Save as new keeps it);
        otherwise it is a built-in, which stays as shipped: saving makes a new favourite."""
        super().__init__(parent)
        self._original = routine
        self._as_new = not favourite
        self.setWindowTitle(self.tr("Edit routine"))
        self.setAccessibleName(self.tr("Edit routine"))
        self._anatomy = default_anatomy()
        self._settings = settings.validated()
        self._theme = theme
        self._name = routine.name  # the last valid name: routine() keeps it while the field is blank
        self._description = routine.description
        self._for_treated = routine.for_treated  # kept as it is: the editor does not change it
        self._plan: Plan | None = None

        self._build_header(routine)
        self._build_step_list(routine)
        self._build_actions()
        self.form = StepForm(self._settings, self)
        self.preview = StepPreview(theme, self._settings, routine, self)
        self.preview.setAccessibleName(self.tr("Preview of the selected step"))
        self.total_label = plain_label(self)
        self.total_label.setAccessibleName(self.tr("Total time"))
        self.total_label.setWordWrap(True)
        self._build_buttons(favourite)
        self._build_layout()
        self._apply_theme()

        self.name_edit.textChanged.connect(self._on_name_edit_text_changed)
        self.description_edit.textChanged.connect(self._on_description_edit_text_changed)
        self.step_list.currentRowChanged.connect(self._on_step_list_current_row_changed)
        self.step_list.model().rowsMoved.connect(self._on_step_model_rows_moved)
        self.form.step_edited.connect(self._on_form_step_edited)

        self.step_list.setCurrentRow(0)
        self._refresh(emit=False)
        self._show_current_step()
        self._update_name_state()
        self.step_list.setFocus()  # the list's keys (Delete, Alt+Up/Down) work at once
        resize_to_fit(self, 940, 640)

    # -- construction ------------------------------------------------------------------------------

    def _build_header(self, routine: Routine) -> None:
        self.name_edit = QLineEdit(routine.name, self)
        self.name_edit.setMaxLength(MAX_NAME)
        self.name_edit.setValidator(WithoutControls(self.name_edit))
        self.name_edit.setAccessibleName(self.tr("Routine name"))
        self.name_edit.setToolTip(self.tr("The routine's name, 1 to {max} characters").format(max=MAX_NAME))
        self.name_reason_label = plain_label(self, self.tr("A routine needs a name before it can be saved."))
        self.name_reason_label.setAccessibleName(self.tr("Why OK is unavailable"))
        self.name_reason_label.setWordWrap(True)
        self.description_edit = QPlainTextEdit(self)
        self.description_edit.setPlainText(routine.description)
        self.description_edit.setAccessibleName(self.tr("Routine description"))
        self.description_edit.setToolTip(self.tr("Optional, at most {max} characters").format(max=MAX_DESCRIPTION))
        self.description_edit.setPlaceholderText(self.tr("Optional: what this routine is for"))
        self.description_edit.setTabChangesFocus(True)
        lines = self.description_edit.fontMetrics().lineSpacing() * 2
        self.description_edit.setFixedHeight(lines + 2 * self.description_edit.frameWidth() + 10)
        self.description_count_label = plain_label(self)
        self.description_count_label.setAccessibleName(self.tr("Description length"))

    def _build_step_list(self, routine: Routine) -> None:
        self.step_list = StepList(routine.steps, self)
        self.warning_label = QLabel(self)
        self.warning_label.setAccessibleName(self.tr("Warnings"))
        self.warning_label.setWordWrap(True)
        self.warning_label.setTextFormat(Qt.TextFormat.PlainText)
        self.warning_label.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)

    def _action(self, text: str, keys: list[str], tip: str, slot: Any, scope: QWidget | None = None) -> QAction:
        """An action with its keys in the tooltip; ``scope`` limits the keys to one widget (else the dialog)."""
        return keyed_action(self, text, keys, tip, slot, scope=scope, all_keys_in_tip=True)

    def _button(self, action: QAction, text: str, arrow: Qt.ArrowType | None = None) -> QToolButton:
        button = QToolButton(self)
        button.setDefaultAction(action)
        button.setText(text)
        button.setAccessibleName(action.text())
        if arrow is not None:
            button.setArrowType(arrow)
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)
        else:
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        return button

    def _build_actions(self) -> None:
        self.add_action = self._action(
            self.tr("Add step"), ["Insert", "Ctrl+N"], self.tr("Add a step after the selected one"),
            self.add_step,
        )  # fmt: skip
        self.duplicate_action = self._action(
            self.tr("Duplicate step"), ["Ctrl+D"], self.tr("Duplicate the selected step"),
            self.duplicate_step,
        )  # fmt: skip
        self.remove_action = self._action(
            self.tr("Remove step"), ["Delete"], self.tr("Remove the selected step"),
            self.remove_step, self.step_list,
        )  # fmt: skip
        self.move_up_action = self._action(
            self.tr("Move step up"), ["Ctrl+Up"], self.tr("Move the selected step up"),
            lambda: self.move_step(-1),
        )  # fmt: skip
        self.move_down_action = self._action(
            self.tr("Move step down"), ["Ctrl+Down"], self.tr("Move the selected step down"),
            lambda: self.move_step(1),
        )  # fmt: skip
        # Alt+Up/Down also move, but only from the list: in a combo box they open its popup.
        self._action(
            self.tr("Move step up"), ["Alt+Up"], self.tr("Move up"), lambda: self.move_step(-1), self.step_list
        )
        self._action(
            self.tr("Move step down"), ["Alt+Down"], self.tr("Move down"), lambda: self.move_step(1),
            self.step_list,
        )  # fmt: skip
        self.move_up_action.setToolTip(self.tr("Move the selected step up (Ctrl+Up or Alt+Up)"))
        self.move_down_action.setToolTip(self.tr("Move the selected step down (Ctrl+Down or Alt+Down)"))
        self.add_button = self._button(self.add_action, self.tr("Add"))
        self.duplicate_button = self._button(self.duplicate_action, self.tr("Duplicate"))
        self.remove_button = self._button(self.remove_action, self.tr("Remove"))
        self.move_up_button = self._button(self.move_up_action, self.tr("Up"), Qt.ArrowType.UpArrow)
        self.move_down_button = self._button(self.move_down_action, self.tr("Down"), Qt.ArrowType.DownArrow)

    def _build_buttons(self, favourite: bool) -> None:
        """Save (or Save as favourite for a built-in), Save as new for a favourite, and Cancel. No button
        is the default: Enter in a field never closes the editor; Ctrl+Enter saves."""
        self.button_box = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        text = self.tr("Save") if favourite else self.tr("Save as favourite")
        self.ok_button = self.button_box.addButton(text, QDialogButtonBox.ButtonRole.AcceptRole)
        self.ok_button.setToolTip(
            self.tr("Save the changes to this favourite (Ctrl+Enter)")
            if favourite
            else self.tr("Built-in routines stay as shipped: save your version as a new favourite (Ctrl+Enter)")
        )
        self.save_as_new_button: QPushButton | None = None
        if favourite:
            self.save_as_new_button = self.button_box.addButton(
                self.tr("Save as new"), QDialogButtonBox.ButtonRole.ActionRole
            )
            self.save_as_new_button.setToolTip(self.tr("Keep the favourite as it was and save this as a new one"))
            self.save_as_new_button.clicked.connect(self._on_save_as_new_button_clicked)
        for button in self.button_box.buttons():
            if isinstance(button, QPushButton):
                button.setAutoDefault(False)
                button.setDefault(False)
        self.button_box.accepted.connect(self.accept)
        self.button_box.rejected.connect(self.reject)
        save = QAction(self)
        save.setShortcuts([QKeySequence("Ctrl+Return"), QKeySequence("Ctrl+Enter")])
        save.triggered.connect(self._on_save_action_triggered)
        self.addAction(save)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt override)
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not event.modifiers():
            event.accept()  # a field's Enter ends the typing, not the editing (Ctrl+Enter saves)
            return
        super().keyPressEvent(event)

    def saves_as_new(self) -> bool:
        """After the editor was accepted: whether the routine goes to a new favourite (else it replaces)."""
        return self._as_new

    def is_modified(self) -> bool:
        return self.routine() != self._original

    def reject(self) -> None:
        """Cancel, Esc or the close button: ask before changes are thrown away."""
        if self.is_modified():
            answer = QMessageBox.question(
                self,
                self.tr("Discard changes?"),
                self.tr("Your changes to this routine have not been saved. Discard them?"),
                QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
                QMessageBox.StandardButton.Cancel,
            )
            if answer != QMessageBox.StandardButton.Discard:
                return
        super().reject()

    @Slot()
    def _on_save_action_triggered(self) -> None:
        if self.ok_button.isEnabled():
            self.accept()

    @Slot()
    def _on_save_as_new_button_clicked(self) -> None:
        if self.ok_button.isEnabled():
            self._as_new = True
            self.accept()

    def _build_layout(self) -> None:
        header = QFormLayout()
        header.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        header.addRow(self.tr("&Name"), self.name_edit)
        header.addRow("", self.name_reason_label)
        description_row = QHBoxLayout()
        description_row.addWidget(self.description_edit, 1)
        description_row.addWidget(self.description_count_label, 0, Qt.AlignmentFlag.AlignBottom)
        description_label = QLabel(self.tr("&Description"), self)
        description_label.setBuddy(self.description_edit)
        header.addRow(description_label, description_row)

        buttons = QHBoxLayout()
        buttons.setSpacing(4)
        for button in (self.add_button, self.duplicate_button, self.remove_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.move_up_button)
        buttons.addWidget(self.move_down_button)
        list_column = QVBoxLayout()
        list_column.addWidget(self.step_list, 1)
        list_column.addLayout(buttons)
        list_column.addWidget(self.warning_label)

        form_column = QVBoxLayout()
        form_column.addWidget(self.form)
        form_column.addStretch(1)
        form_holder = QWidget(self)
        form_holder.setLayout(form_column)
        self.form.show_step(DEFAULT_STEP, "")  # every row shown: the form's widest words (German: 263 px)
        form_holder.setMinimumWidth(self.form.minimumSizeHint().width())  # the same for a breath: no jumps
        form_holder.setMaximumWidth(340)
        form_column.setContentsMargins(0, 0, 0, 0)

        body = QHBoxLayout()
        body.addLayout(list_column, 5)
        body.addWidget(form_holder, 4)
        body.addWidget(self.preview, 5)

        bottom = QHBoxLayout()
        bottom.addWidget(self.total_label, 1)
        bottom.addWidget(self.button_box, 0, Qt.AlignmentFlag.AlignBottom)

        layout = QVBoxLayout(self)
        layout.addLayout(header)
        layout.addLayout(body, 1)
        layout.addLayout(bottom)

    def _apply_theme(self) -> None:
        """Colours come from the app's palette; only the warning and muted words take the theme's."""
        warning = self._theme.warning.name()
        muted = self._theme.muted_text.name()
        self.warning_label.setStyleSheet(f"color: {warning};")
        self.name_reason_label.setStyleSheet(f"color: {warning};")
        self.form.breath_note.setStyleSheet(f"color: {muted};")
        self.description_count_label.setStyleSheet(f"color: {muted};")
        self.form.cue_count_label.setStyleSheet(f"color: {muted};")

    # -- the routine -------------------------------------------------------------------------------

    def routine(self) -> Routine:
        """The edited routine. While the name field is blank it keeps the last non-blank name."""
        return Routine(self._name, self.steps(), self._description, self._for_treated)

    def steps(self) -> tuple[Step, ...]:
        return self.step_list.steps()

    def plan(self) -> Plan | None:
        """The plan of the edited routine at the user's settings; None when every step is skipped."""
        return self._plan

    def current_step(self) -> Step | None:
        return self.step_list.current_step()

    def row_text(self, number: int, step: Step) -> str:
        return self.step_list.row_text(number, step)

    # -- editing (also the actions' work) ----------------------------------------------------------

    def add_step(self) -> None:
        """Insert the default step after the selection (at the end when nothing is selected)."""
        if self.step_list.insert_after_current(DEFAULT_STEP):
            self._list_changed()

    def duplicate_step(self) -> None:
        step = self.current_step()
        if step is not None and self.step_list.insert_after_current(step):
            self._list_changed()

    def remove_step(self) -> None:
        if self.step_list.remove_current():
            self._list_changed()

    def move_step(self, delta: int) -> None:
        """Move the selected step ``delta`` rows (clamped to the list)."""
        self.step_list.move_current(delta)

    def _list_changed(self) -> None:
        """Rows were added, removed or moved: the form shows the selected step and its new number."""
        self._show_current_step()
        self._refresh()

    def _replace_current(self, **changes: Any) -> None:
        """Write changed fields into the current step; a change Step refuses is undone in the form."""
        old = self.current_step()
        if old is None:
            return
        try:
            new = dataclasses.replace(old, **changes)
        except RoutineError:
            self._show_current_step()
            return
        if self.step_list.replace_current(new):
            self._refresh()

    # -- showing -----------------------------------------------------------------------------------

    def _refresh(self, emit: bool = True) -> None:
        """Everything that depends on the whole routine: rows, total, warnings, buttons, preview."""
        routine = self.routine()
        try:
            self._plan = build_plan(routine, self._settings)
        except PlanError:
            self._plan = None
        warned = self._show_warnings(self._plan)
        # the rows the settings leave out are those no plan step comes from (a treated side adds and splits steps)
        played = {step.routine_index for step in self._plan.steps} if self._plan is not None else set()
        left_out = frozenset(range(len(routine.steps))) - played
        self.step_list.show_rows(self._settings, warned, left_out, QColor(self._theme.muted_text))
        self._show_total(len(left_out))
        count = self.step_list.count()
        row = self.step_list.currentRow()
        self.add_action.setEnabled(count < MAX_STEPS)
        self.duplicate_action.setEnabled(count < MAX_STEPS and row >= 0)
        self.remove_action.setEnabled(count > 1 and row >= 0)
        self.move_up_action.setEnabled(row > 0)
        self.move_down_action.setEnabled(0 <= row < count - 1)
        self.preview.show_step(routine, self.current_step())
        if emit:
            self.routine_edited.emit(routine)

    def _show_warnings(self, plan: Plan | None) -> dict[int, str]:
        """Show the plan's warnings (numbered as the list is) and return the rows they point at."""
        found = warnings_by_row(plan) if plan is not None else []
        self.warning_label.setText("\n".join(f"⚠ {text}" for _row, text in found))
        self.warning_label.setVisible(bool(found))
        by_row: dict[int, str] = {}
        for row, text in found:
            if row is not None:
                by_row[row] = f"{by_row[row]}\n⚠ {text}" if row in by_row else text
        return by_row

    def _show_total(self, dropped: int) -> None:
        """The plan's length and pace, and how many of the routine's steps the settings leave out."""
        plan = self._plan
        if plan is None:
            self.total_label.setText(self.tr("Every step is in an area your settings skip: nothing would play."))
            return
        text = self.tr("Total {time} at {pace} s per stroke").format(
            time=clock(plan.total_s), pace=pace_number(self.locale(), self._settings.pace_s)
        )
        if dropped:
            skipped = (
                self.tr("(1 step skipped by your settings)")
                if dropped == 1
                else self.tr("({count} steps skipped by your settings)").format(count=dropped)
            )  # English and German both have one singular form
            text = f"{text} {skipped}"
        self.total_label.setText(text)

    def _show_current_step(self) -> None:
        """Put the current step and its heading into the form."""
        row = self.step_list.currentRow()
        heading = (
            self.tr("Step {number} of {total}").format(number=row + 1, total=self.step_list.count())
            if row >= 0
            else self.tr("No step selected")
        )
        self.form.show_step(self.current_step(), heading)

    def _update_name_state(self) -> None:
        named = bool(self.name_edit.text().strip())
        self.ok_button.setEnabled(named)
        if self.save_as_new_button is not None:
            self.save_as_new_button.setEnabled(named)
        self.ok_button.setToolTip("" if named else self.tr("Give the routine a name first"))
        self.name_reason_label.setVisible(not named)
        self.description_count_label.setText(f"{len(self.description_edit.toPlainText())}/{MAX_DESCRIPTION}")

    # -- slots -------------------------------------------------------------------------------------

    @Slot(QModelIndex, int, int, QModelIndex, int)
    def _on_step_model_rows_moved(self, parent: QModelIndex, start: int, end: int, dest: QModelIndex, row: int) -> None:
        self._list_changed()  # the selection moved with its step: Qt reports no new current row

    @Slot(int)
    def _on_step_list_current_row_changed(self, row: int) -> None:
        self._show_current_step()
        self._refresh(emit=False)

    @Slot(str)
    def _on_name_edit_text_changed(self, text: str) -> None:
        if text.strip():
            self._name = text
            self._refresh()
        self._update_name_state()

    @Slot()
    def _on_description_edit_text_changed(self) -> None:
        text = self.description_edit.toPlainText()
        if len(text) > MAX_DESCRIPTION:  # typed or pasted past the limit: cut, keep the cursor at the end
            text = text[:MAX_DESCRIPTION]
            with QSignalBlocker(self.description_edit):
                self.description_edit.setPlainText(text)
            self.description_edit.moveCursor(self.description_edit.textCursor().MoveOperation.End)
        self._description = text
        self._update_name_state()
        self._refresh()

    @Slot(dict)
    def _on_form_step_edited(self, changes: dict[str, object]) -> None:
        self._replace_current(**changes)
        if "area" in changes:  # other strokes and nodes go with another area
            self._show_current_step()
        else:
            self.form.track(self.current_step())
