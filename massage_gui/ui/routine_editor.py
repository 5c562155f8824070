"""The routine editor: name, description and steps, with the live total, the plan's warnings and a preview."""

from __future__ import annotations

import dataclasses
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QModelIndex, QSignalBlocker, QSize, Qt, Signal, Slot
from PySide6.QtGui import QAction, QColor, QIcon, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QSizePolicy,
    QSpinBox,
    QStyle,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from massage_gui.core.anatomy import AREA_IDS, DRAINS_TOWARD, SIDES, STROKES, default_anatomy
from massage_gui.core.errors import PlanError, RoutineError
from massage_gui.core.formatting import clock
from massage_gui.core.frame import Frame, frame_at
from massage_gui.core.plan import Plan, build_plan, early_face_step, order_warning
from massage_gui.core.routine import (
    MAX_CUE,
    MAX_DESCRIPTION,
    MAX_NAME,
    MAX_REPS,
    MAX_STEPS,
    PACE_FACTOR_RANGE,
    Routine,
    Step,
)
from massage_gui.core.scene import Scene, build_scene
from massage_gui.core.settings import Settings
from massage_gui.core.words import side_word, stroke_word
from massage_gui.ui.face_view import FaceView
from massage_gui.ui.theme import Theme

STEP_ROLE = Qt.ItemDataRole.UserRole  # each list item holds its Step
DEFAULT_STEP = Step(area="cheeks", stroke="stretch", reps=7, toward="submandibular", side="both")
PREVIEW_PHASE = 0.5  # the preview shows the first stroke half done
BREATH_STROKE = "breath"
MASSAGE_STROKES: tuple[str, ...] = tuple(s for s in STROKES if s != BREATH_STROKE)
FALLBACK_STROKE = "stretch"  # picked when a breathing step becomes a massage step

# English here; shown with self.tr() in the UI's language.
STROKE_WORDS = {
    "breath": (
        QT_TRANSLATE_NOOP("RoutineEditor", "Slow breaths"),
        QT_TRANSLATE_NOOP("RoutineEditor", "In through the nose, a longer breath out; no hands on the face"),
    ),
    "circles": (
        QT_TRANSLATE_NOOP("RoutineEditor", "Circles"),
        QT_TRANSLATE_NOOP("RoutineEditor", "Soft stationary circles, easing the skin toward the node"),
    ),
    "stretch": (
        QT_TRANSLATE_NOOP("RoutineEditor", "Stretch"),
        QT_TRANSLATE_NOOP("RoutineEditor", "Stretch the skin toward the node, then let go"),
    ),
    "sweep": (
        QT_TRANSLATE_NOOP("RoutineEditor", "Sweep"),
        QT_TRANSLATE_NOOP("RoutineEditor", "One long, light glide along the area toward the node"),
    ),
}
SIDE_WORDS = {
    "both": QT_TRANSLATE_NOOP("RoutineEditor", "Both sides at once"),
    "left": QT_TRANSLATE_NOOP("RoutineEditor", "Left side only"),
    "right": QT_TRANSLATE_NOOP("RoutineEditor", "Right side only"),
    "center": QT_TRANSLATE_NOOP("RoutineEditor", "Midline, one hand"),
}


def _keys_text(keys: list[QKeySequence]) -> str:
    return QCoreApplication.translate("RoutineEditor", " or ").join(
        k.toString(QKeySequence.SequenceFormat.NativeText) for k in keys
    )


class RoutineEditor(QDialog):
    """Edits a copy of a routine; ``routine()`` gives the edited copy, valid at every moment.

    The list items hold the steps; the form writes one field at a time into the current step with
    ``dataclasses.replace`` (so ``Step`` itself guards validity), and every change refreshes the
    row texts, the total, the warnings and the preview from one ``build_plan``.

    Signals:
        routine_edited(Routine): any edit changed the routine (name, description or steps).
    """

    routine_edited = Signal(object)

    def __init__(self, routine: Routine, settings: Settings, theme: Theme, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Edit routine"))
        self.setAccessibleName(self.tr("Edit routine"))
        self._anatomy = default_anatomy()
        self._settings = settings.validated()
        self._theme = theme
        self._name = routine.name  # the last valid name: routine() keeps it while the field is blank
        self._description = routine.description
        self._plan: Plan | None = None

        self._build_header(routine)
        self._build_step_list(routine)
        self._build_actions()
        self._build_form()
        self.preview = FaceView(theme, self._preview_scene(routine), self)
        self.preview.setAccessibleName(self.tr("Preview of the selected step"))
        self.preview.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)  # no click-to-skip here
        self.total_label = QLabel(self)
        self.total_label.setAccessibleName(self.tr("Total time"))
        self.total_label.setWordWrap(True)
        self.button_box = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.ok_button = self.button_box.button(QDialogButtonBox.StandardButton.Ok)
        self.button_box.accepted.connect(self.accept)
        self.button_box.rejected.connect(self.reject)
        self._build_layout()
        self._apply_theme()

        self.name_edit.textChanged.connect(self._on_name_edit_text_changed)
        self.description_edit.textChanged.connect(self._on_description_edit_text_changed)
        self.step_list.currentRowChanged.connect(self._on_step_list_current_row_changed)
        self.step_list.model().rowsMoved.connect(self._on_step_model_rows_moved)
        self.area_combo.currentIndexChanged.connect(self._on_area_combo_current_index_changed)
        self.stroke_combo.currentIndexChanged.connect(self._on_stroke_combo_current_index_changed)
        self.toward_combo.currentIndexChanged.connect(self._on_toward_combo_current_index_changed)
        self.side_combo.currentIndexChanged.connect(self._on_side_combo_current_index_changed)
        self.reps_spin.valueChanged.connect(self._on_reps_spin_value_changed)
        self.pace_spin.valueChanged.connect(self._on_pace_spin_value_changed)
        self.cue_edit.textChanged.connect(self._on_cue_edit_text_changed)

        self.step_list.setCurrentRow(0)
        self._refresh(emit=False)
        self._show_current_step()
        self._update_name_state()
        self.step_list.setFocus()  # the list's keys (Delete, Alt+Up/Down) work at once
        self.resize(940, 640)

    # -- construction ------------------------------------------------------------------------------

    def _build_header(self, routine: Routine) -> None:
        self.name_edit = QLineEdit(routine.name, self)
        self.name_edit.setMaxLength(MAX_NAME)
        self.name_edit.setAccessibleName(self.tr("Routine name"))
        self.name_edit.setToolTip(self.tr("The routine's name, 1 to {max} characters").format(max=MAX_NAME))
        self.name_reason_label = QLabel(self.tr("A routine needs a name before it can be saved."), self)
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
        self.description_count_label = QLabel(self)
        self.description_count_label.setAccessibleName(self.tr("Description length"))

    def _build_step_list(self, routine: Routine) -> None:
        self.step_list = QListWidget(self)
        self.step_list.setAccessibleName(self.tr("Steps"))
        self.step_list.setToolTip(self.tr("Drag a step to move it"))
        self.step_list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.step_list.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.step_list.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.step_list.setWordWrap(True)  # long rows wrap instead of being cut
        self.step_list.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.step_list.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.step_list.setMinimumWidth(220)
        self.step_list.setAlternatingRowColors(True)
        self.step_list.setIconSize(QSize(16, 16))  # the warning mark on a row
        for step in routine.steps:
            self.step_list.addItem(self._new_item(step))
        self.warning_label = QLabel(self)
        self.warning_label.setAccessibleName(self.tr("Warnings"))
        self.warning_label.setWordWrap(True)
        self.warning_label.setTextFormat(Qt.TextFormat.PlainText)
        self.warning_label.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)

    def _action(self, text: str, keys: list[str], tip: str, slot: Any, scope: QWidget | None = None) -> QAction:
        """An action with its keys in the tooltip; ``scope`` limits the keys to one widget (else the dialog)."""
        action = QAction(text, self)
        sequences = [QKeySequence(k) for k in keys]
        action.setShortcuts(sequences)
        action.setShortcutContext(
            Qt.ShortcutContext.WidgetShortcut if scope is not None else Qt.ShortcutContext.WindowShortcut
        )
        action.setToolTip(f"{tip} ({_keys_text(sequences)})")
        action.triggered.connect(slot)
        (scope or self).addAction(action)
        return action

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
            self._on_add_action_triggered,
        )  # fmt: skip
        self.duplicate_action = self._action(
            self.tr("Duplicate step"), ["Ctrl+D"], self.tr("Duplicate the selected step"),
            self._on_duplicate_action_triggered,
        )  # fmt: skip
        self.remove_action = self._action(
            self.tr("Remove step"), ["Delete"], self.tr("Remove the selected step"),
            self._on_remove_action_triggered, self.step_list,
        )  # fmt: skip
        self.move_up_action = self._action(
            self.tr("Move step up"), ["Ctrl+Up"], self.tr("Move the selected step up"),
            self._on_move_up_action_triggered,
        )  # fmt: skip
        self.move_down_action = self._action(
            self.tr("Move step down"), ["Ctrl+Down"], self.tr("Move the selected step down"),
            self._on_move_down_action_triggered,
        )  # fmt: skip
        # Alt+Up/Down also move, but only from the list: in a combo box they open its popup.
        self._action(
            self.tr("Move step up"), ["Alt+Up"], self.tr("Move up"), self._on_move_up_action_triggered, self.step_list
        )
        self._action(
            self.tr("Move step down"), ["Alt+Down"], self.tr("Move down"), self._on_move_down_action_triggered,
            self.step_list,
        )  # fmt: skip
        self.move_up_action.setToolTip(self.tr("Move the selected step up (Ctrl+Up or Alt+Up)"))
        self.move_down_action.setToolTip(self.tr("Move the selected step down (Ctrl+Down or Alt+Down)"))
        self.add_button = self._button(self.add_action, self.tr("Add"))
        self.duplicate_button = self._button(self.duplicate_action, self.tr("Duplicate"))
        self.remove_button = self._button(self.remove_action, self.tr("Remove"))
        self.move_up_button = self._button(self.move_up_action, self.tr("Up"), Qt.ArrowType.UpArrow)
        self.move_down_button = self._button(self.move_down_action, self.tr("Down"), Qt.ArrowType.DownArrow)

    def _build_form(self) -> None:
        self.step_heading = QLabel(self)
        font = self.step_heading.font()
        font.setBold(True)
        self.step_heading.setFont(font)
        self.area_combo = QComboBox(self)
        self.area_combo.setAccessibleName(self.tr("Area"))
        self.area_combo.setToolTip(self.tr("Where the hands work"))
        for area in AREA_IDS:
            self.area_combo.addItem(self._anatomy.areas[area].label, area)
        self.stroke_combo = QComboBox(self)
        self.stroke_combo.setAccessibleName(self.tr("Stroke"))
        self.stroke_combo.setToolTip(self.tr("How the hands move"))
        self.toward_combo = QComboBox(self)
        self.toward_combo.setAccessibleName(self.tr("Toward"))
        self.toward_combo.setToolTip(self.tr("The node group the strokes drain toward"))
        self.side_combo = QComboBox(self)
        self.side_combo.setAccessibleName(self.tr("Side"))
        self.side_combo.setToolTip(self.tr("Which side of your body (left and right are your own sides)"))
        for side in SIDES:
            self.side_combo.addItem(self.tr(SIDE_WORDS[side]), side)
        self.reps_spin = QSpinBox(self)
        self.reps_spin.setRange(1, MAX_REPS)
        self.reps_spin.setAccessibleName(self.tr("Repetitions"))
        self.reps_spin.setToolTip(self.tr("How many strokes, 1 to {max}").format(max=MAX_REPS))
        self.pace_spin = QDoubleSpinBox(self)
        self.pace_spin.setRange(*PACE_FACTOR_RANGE)
        self.pace_spin.setSingleStep(0.1)
        self.pace_spin.setDecimals(2)  # built-in routines use factors such as 1.25
        self.pace_spin.setSuffix(" ×")
        self.pace_spin.setAccessibleName(self.tr("Pace factor"))
        self.pace_spin.setToolTip(
            self.tr("Times your pace: 1.0 is your usual stroke; 1.5 makes each stroke half as long again")
        )
        self.breath_note = QLabel(self)
        self.breath_note.setWordWrap(True)
        self.breath_note.setAccessibleName(self.tr("Breath length"))
        self.cue_edit = QLineEdit(self)
        self.cue_edit.setMaxLength(MAX_CUE)
        self.cue_edit.setAccessibleName(self.tr("Cue"))
        self.cue_edit.setToolTip(
            self.tr("A short reminder shown during the step, at most {max} characters").format(max=MAX_CUE)
        )
        self.cue_edit.setPlaceholderText(self.tr("e.g. Flat fingers, skin only"))
        self.cue_count_label = QLabel(self)
        self.cue_count_label.setAccessibleName(self.tr("Cue length"))

        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        self.form.addRow(self.tr("&Area"), self.area_combo)
        self.form.addRow(self.tr("&Stroke"), self.stroke_combo)
        self.form.addRow(self.tr("&Toward"), self.toward_combo)
        self.form.addRow(self.tr("S&ide"), self.side_combo)
        self.form.addRow(self.tr("&Repetitions"), self.reps_spin)
        self.form.addRow(self.tr("&Pace factor"), self.pace_spin)
        self.form.addRow(self.breath_note)
        self.form.addRow(self.tr("&Cue"), self.cue_edit)
        self.form.addRow("", self.cue_count_label)

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
        form_column.addWidget(self.step_heading)
        form_column.addLayout(self.form)
        form_column.addStretch(1)
        form_holder = QWidget(self)
        form_holder.setLayout(form_column)
        form_holder.setMinimumWidth(240)
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
        self.breath_note.setStyleSheet(f"color: {muted};")
        self.description_count_label.setStyleSheet(f"color: {muted};")
        self.cue_count_label.setStyleSheet(f"color: {muted};")

    # -- the routine -------------------------------------------------------------------------------

    def routine(self) -> Routine:
        """The edited routine. While the name field is blank it keeps the last non-blank name."""
        return Routine(name=self._name, steps=self.steps(), description=self._description)

    def steps(self) -> tuple[Step, ...]:
        return tuple(self._step_at(row) for row in range(self.step_list.count()))

    def plan(self) -> Plan | None:
        """The plan of the edited routine at the user's settings; None when every step is skipped."""
        return self._plan

    def current_step(self) -> Step | None:
        row = self.step_list.currentRow()
        return self._step_at(row) if 0 <= row < self.step_list.count() else None

    def _step_at(self, row: int) -> Step:
        step = self.step_list.item(row).data(STEP_ROLE)
        assert isinstance(step, Step)
        return step

    def _new_item(self, step: Step) -> QListWidgetItem:
        item = QListWidgetItem()
        item.setData(STEP_ROLE, step)
        item.setFlags(
            Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsDragEnabled
        )  # not a drop target: a drop lands between rows
        return item

    def row_text(self, number: int, step: Step) -> str:
        """'3. Cheeks - stretch toward under the jaw - both - 7x'."""
        area = self._anatomy.areas[step.area].label
        stroke = stroke_word(step.stroke)
        if step.toward is None:
            return self.tr("{number}. {area} - {stroke} - {reps}x").format(
                number=number, area=area, stroke=stroke, reps=step.reps
            )
        toward = self._anatomy.nodes[step.toward].in_text
        return self.tr("{number}. {area} - {stroke} toward {node} - {side} - {reps}x").format(
            number=number, area=area, stroke=stroke, node=toward, side=side_word(step.side), reps=step.reps
        )

    # -- editing (also the actions' work) ----------------------------------------------------------

    def add_step(self) -> None:
        """Insert the default step after the selection (at the end when nothing is selected)."""
        self._insert(DEFAULT_STEP)

    def duplicate_step(self) -> None:
        step = self.current_step()
        if step is not None:
            self._insert(step)

    def remove_step(self) -> None:
        row = self.step_list.currentRow()
        if row < 0 or self.step_list.count() <= 1:
            return
        self.step_list.takeItem(row)
        self.step_list.setCurrentRow(min(row, self.step_list.count() - 1))
        self._refresh()

    def move_step(self, delta: int) -> None:
        """Move the selected step ``delta`` rows (clamped to the list)."""
        row = self.step_list.currentRow()
        target = min(max(row + delta, 0), self.step_list.count() - 1)
        if row < 0 or target == row:
            return
        # moveRow's destination is the row the step is put before, counted before it is taken out.
        destination = target + 1 if target > row else target
        self.step_list.model().moveRow(QModelIndex(), row, QModelIndex(), destination)
        self.step_list.setCurrentRow(target)

    def _insert(self, step: Step) -> None:
        if self.step_list.count() >= MAX_STEPS:
            return
        row = self.step_list.currentRow()
        row = self.step_list.count() if row < 0 else row + 1
        self.step_list.insertItem(row, self._new_item(step))
        self.step_list.setCurrentRow(row)
        self._refresh()

    def _replace_current(self, **changes: Any) -> None:
        """Write changed fields into the current step; a change Step refuses is undone in the form."""
        row = self.step_list.currentRow()
        if row < 0:
            return
        old = self._step_at(row)
        try:
            new = dataclasses.replace(old, **changes)
        except RoutineError:
            self._show_current_step()
            return
        if new != old:
            self.step_list.item(row).setData(STEP_ROLE, new)
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
        self._show_rows(warned)
        self._show_total(routine)
        count = self.step_list.count()
        row = self.step_list.currentRow()
        self.add_action.setEnabled(count < MAX_STEPS)
        self.duplicate_action.setEnabled(count < MAX_STEPS and row >= 0)
        self.remove_action.setEnabled(count > 1 and row >= 0)
        self.move_up_action.setEnabled(row > 0)
        self.move_down_action.setEnabled(0 <= row < count - 1)
        self.preview.set_scene(self._preview_scene(routine))
        self._show_heading()
        self._show_preview()
        if emit:
            self.routine_edited.emit(routine)

    def _show_rows(self, warned: dict[int, str]) -> None:
        skipped, focus = self._settings.skipped_areas, self._settings.focus_areas
        warning_icon = self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
        muted = QColor(self._theme.muted_text)
        for row in range(self.step_list.count()):
            item = self.step_list.item(row)
            step = self._step_at(row)
            item.setText(self.row_text(row + 1, step))
            notes = []
            if step.pace_factor != 1.0:
                factor = self.locale().toString(step.pace_factor, "g")
                notes.append(self.tr("Pace factor {factor}×").format(factor=factor))
            if step.cue:
                notes.append(self.tr("Cue: {cue}").format(cue=step.cue))
            if step.area in skipped:
                notes.append(self.tr("Skipped by your settings: this step will not play."))
            elif step.area in focus:
                notes.append(self.tr("A focus area in your settings: 1.5 times the repetitions."))
            if row in warned:
                notes.append(f"⚠ {warned[row]}")
            item.setToolTip("\n".join(notes))
            item.setIcon(warning_icon if row in warned else QIcon())
            item.setData(Qt.ItemDataRole.ForegroundRole, muted if step.area in skipped else None)

    def _show_warnings(self, plan: Plan | None) -> dict[int, str]:
        """Show the plan's warnings (numbered as the list is) and return the rows they point at."""
        warned: dict[int, str] = {}
        lines: list[str] = []
        early = early_face_step(plan.steps) if plan is not None else None
        early_text = order_warning(early) if early is not None else None
        for warning in plan.warnings if plan is not None else ():
            text = warning
            if early is not None and warning == early_text:  # it names a plan step: name the list's row
                row = early.routine_index
                text = order_warning(early, number=row + 1)
                warned[row] = text
            lines.append(f"⚠ {text}")
        self.warning_label.setText("\n".join(lines))
        self.warning_label.setVisible(bool(lines))
        return warned

    def _show_total(self, routine: Routine) -> None:
        plan = self._plan
        if plan is None:
            self.total_label.setText(self.tr("Every step is in an area your settings skip: nothing would play."))
            return
        text = self.tr("Total {time} at {pace} s per stroke").format(
            time=clock(plan.total_s), pace=self.locale().toString(self._settings.pace_s, "f", 1)
        )
        dropped = len(routine.steps) - len(plan.steps)
        if dropped:
            skipped = (
                self.tr("(1 step skipped by your settings)")
                if dropped == 1
                else self.tr("({count} steps skipped by your settings)").format(count=dropped)
            )  # English and German both have one singular form
            text = f"{text} {skipped}"
        self.total_label.setText(text)

    def _show_heading(self) -> None:
        row = self.step_list.currentRow()
        self.step_heading.setText(
            self.tr("Step {number} of {total}").format(number=row + 1, total=self.step_list.count())
            if row >= 0
            else self.tr("No step selected")
        )

    def _preview_scene(self, routine: Routine) -> Scene:
        """Still arrows, and no node labels: at this size they crowd the face; the form names the node."""
        settings = dataclasses.replace(self._settings, reduced_motion=True, show_labels=False)
        return build_scene(settings, routine.areas)

    def _show_preview(self) -> None:
        self.preview.set_frame(self.preview_frame())

    def preview_frame(self) -> Frame | None:
        """The selected step alone, half-way through its first stroke (None without a selection)."""
        step = self.current_step()
        if step is None:
            return None
        settings = dataclasses.replace(
            self._settings, lead_in_s=0.0, skipped_areas=frozenset(), focus_areas=frozenset()
        )
        plan = build_plan(Routine(name="Preview", steps=(step,)), settings)
        first = plan.steps[0]
        return frame_at(plan, first.start_s + PREVIEW_PHASE * first.stroke_s, mirror=self._settings.mirror)

    def _show_current_step(self) -> None:
        """Put the current step into the form, without the form writing it back."""
        step = self.current_step()
        for widget in self._form_widgets():
            widget.setEnabled(step is not None)
        if step is None:
            return
        blockers = [QSignalBlocker(w) for w in self._form_widgets()]
        self.area_combo.setCurrentIndex(self.area_combo.findData(step.area))
        self._fill_choices(step)
        self.side_combo.setCurrentIndex(self.side_combo.findData(step.side))
        self.reps_spin.setValue(step.reps)
        self.pace_spin.setValue(step.pace_factor)
        if self.cue_edit.text() != step.cue:
            self.cue_edit.setText(step.cue)
        del blockers
        self._show_cue_count(step.cue)

    def _form_widgets(self) -> tuple[QWidget, ...]:
        return (
            self.area_combo,
            self.stroke_combo,
            self.toward_combo,
            self.side_combo,
            self.reps_spin,
            self.pace_spin,
            self.cue_edit,
        )

    def _fill_choices(self, step: Step) -> None:
        """Offer only the strokes and nodes that go with the step's area; hide what a breath lacks."""
        breathing = step.stroke == BREATH_STROKE
        with QSignalBlocker(self.stroke_combo), QSignalBlocker(self.toward_combo):
            self.stroke_combo.clear()
            for stroke in (BREATH_STROKE,) if breathing else MASSAGE_STROKES:
                text, tip = STROKE_WORDS[stroke]
                self.stroke_combo.addItem(self.tr(text), stroke)
                self.stroke_combo.setItemData(self.stroke_combo.count() - 1, self.tr(tip), Qt.ItemDataRole.ToolTipRole)
            self.stroke_combo.setCurrentIndex(self.stroke_combo.findData(step.stroke))
            self.toward_combo.clear()
            for node in DRAINS_TOWARD[step.area]:
                self.toward_combo.addItem(self._anatomy.nodes[node].label, node)
            self.toward_combo.setCurrentIndex(self.toward_combo.findData(step.toward) if step.toward else -1)
        self.stroke_combo.setEnabled(self.stroke_combo.count() > 1)
        self.toward_combo.setEnabled(not breathing)
        for widget in (self.toward_combo, self.side_combo, self.pace_spin):
            self.form.setRowVisible(widget, not breathing)
        self.form.setRowVisible(self.breath_note, breathing)
        self.breath_note.setText(
            self.tr("Each breath lasts {seconds} s (Preferences, Breath length); pace does not change it.").format(
                seconds=self.locale().toString(self._settings.breath_s, "g")
            )
        )
        reps_label = self.form.labelForField(self.reps_spin)
        if isinstance(reps_label, QLabel):
            reps_label.setText(self.tr("&Breaths") if breathing else self.tr("&Repetitions"))
        self.reps_spin.setAccessibleName(self.tr("Breaths") if breathing else self.tr("Repetitions"))

    def _show_cue_count(self, cue: str) -> None:
        self.cue_count_label.setText(self.tr("{count}/{max} characters").format(count=len(cue), max=MAX_CUE))

    def _update_name_state(self) -> None:
        named = bool(self.name_edit.text().strip())
        self.ok_button.setEnabled(named)
        self.ok_button.setToolTip("" if named else self.tr("Give the routine a name first"))
        self.name_reason_label.setVisible(not named)
        self.description_count_label.setText(f"{len(self.description_edit.toPlainText())}/{MAX_DESCRIPTION}")

    # -- slots -------------------------------------------------------------------------------------

    @Slot()
    def _on_add_action_triggered(self) -> None:
        self.add_step()

    @Slot()
    def _on_duplicate_action_triggered(self) -> None:
        self.duplicate_step()

    @Slot()
    def _on_remove_action_triggered(self) -> None:
        self.remove_step()

    @Slot()
    def _on_move_up_action_triggered(self) -> None:
        self.move_step(-1)

    @Slot()
    def _on_move_down_action_triggered(self) -> None:
        self.move_step(1)

    @Slot(QModelIndex, int, int, QModelIndex, int)
    def _on_step_model_rows_moved(self, parent: QModelIndex, start: int, end: int, dest: QModelIndex, row: int) -> None:
        self._refresh()

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

    @Slot(int)
    def _on_area_combo_current_index_changed(self, index: int) -> None:
        step = self.current_step()
        area = self.area_combo.itemData(index)
        if step is None or area not in AREA_IDS:
            return
        if area == "breathing":
            stroke, toward = BREATH_STROKE, None
        else:
            stroke = step.stroke if step.stroke in MASSAGE_STROKES else FALLBACK_STROKE
            toward = step.toward if step.toward in DRAINS_TOWARD[area] else DRAINS_TOWARD[area][0]
        self._replace_current(area=area, stroke=stroke, toward=toward)
        self._show_current_step()

    @Slot(int)
    def _on_stroke_combo_current_index_changed(self, index: int) -> None:
        stroke = self.stroke_combo.itemData(index)
        if stroke is not None:
            self._replace_current(stroke=stroke)

    @Slot(int)
    def _on_toward_combo_current_index_changed(self, index: int) -> None:
        toward = self.toward_combo.itemData(index)
        if toward is not None:
            self._replace_current(toward=toward)

    @Slot(int)
    def _on_side_combo_current_index_changed(self, index: int) -> None:
        side = self.side_combo.itemData(index)
        if side is not None:
            self._replace_current(side=side)

    @Slot(int)
    def _on_reps_spin_value_changed(self, value: int) -> None:
        self._replace_current(reps=value)

    @Slot(float)
    def _on_pace_spin_value_changed(self, value: float) -> None:
        self._replace_current(pace_factor=round(value, 2))

    @Slot(str)
    def _on_cue_edit_text_changed(self, text: str) -> None:
        cue = text[:MAX_CUE]
        self._show_cue_count(cue)
        self._replace_current(cue=cue)
