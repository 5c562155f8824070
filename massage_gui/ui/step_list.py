"""The routine editor's list of steps: each row holds one Step; rows are added, moved, replaced and described."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QSize, Qt
from PySide6.QtGui import QColor, QIcon
from PySide6.QtWidgets import QAbstractItemView, QListWidget, QListWidgetItem, QStyle, QWidget

from massage_gui.core.anatomy import default_anatomy
from massage_gui.core.plan import positions_for
from massage_gui.core.positions import share_reps
from massage_gui.core.routine import MAX_STEPS, Step
from massage_gui.core.settings import Settings
from massage_gui.core.words import side_word, stroke_word
from massage_gui.ui.plain_text import as_written

STEP_ROLE = Qt.ItemDataRole.UserRole  # each list item holds its Step


class StepList(QListWidget):
    """The steps in order. Drag a row to move it; the editor re-reads ``steps()`` after any change."""

    def __init__(self, steps: tuple[Step, ...], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._anatomy = default_anatomy()
        self.setAccessibleName(self.tr("Steps"))
        self.setToolTip(self.tr("Drag a step to move it"))
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setWordWrap(True)  # long rows wrap instead of being cut
        self.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.setMinimumWidth(220)
        self.setAlternatingRowColors(True)
        self.setIconSize(QSize(16, 16))  # the warning mark on a row
        for step in steps:
            self.addItem(self._new_item(step))

    # -- reading -----------------------------------------------------------------------------------

    def steps(self) -> tuple[Step, ...]:
        return tuple(self.step_at(row) for row in range(self.count()))

    def step_at(self, row: int) -> Step:
        step = self.item(row).data(STEP_ROLE)
        assert isinstance(step, Step)
        return step

    def current_step(self) -> Step | None:
        row = self.currentRow()
        return self.step_at(row) if 0 <= row < self.count() else None

    def row_text(self, number: int, step: Step) -> str:
        """'3. Cheeks - stretch toward under the jaw - both - 7x'."""
        area = self._anatomy.areas[step.area].label
        stroke = stroke_word(step.stroke)
        if step.toward is None:
            return self.tr("{number}. {area} - {stroke} - {reps}x").format(
                number=number, area=area, stroke=stroke, reps=step.reps
            )
        toward = self._anatomy.nodes[step.toward].in_text
        spots = len(share_reps(step.reps, positions_for(step)))
        times = (
            self.tr("{reps}x").format(reps=step.reps)
            if spots == 1
            else self.tr("{reps}x at {spots} spots").format(reps=step.reps, spots=spots)
        )
        return self.tr("{number}. {area} - {stroke} toward {node} - {side} - {times}").format(
            number=number, area=area, stroke=stroke, node=toward, side=side_word(step.side), times=times
        )

    # -- changing ----------------------------------------------------------------------------------

    def insert_after_current(self, step: Step) -> bool:
        """Insert after the selection (at the end when nothing is selected); False when the list is full."""
        if self.count() >= MAX_STEPS:
            return False
        row = self.currentRow()
        row = self.count() if row < 0 else row + 1
        self.insertItem(row, self._new_item(step))
        self.setCurrentRow(row)
        return True

    def remove_current(self) -> bool:
        """Remove the selected step; the last one stays (a routine has at least one step)."""
        row = self.currentRow()
        if row < 0 or self.count() <= 1:
            return False
        self.takeItem(row)
        self.setCurrentRow(min(row, self.count() - 1))
        return True

    def move_current(self, delta: int) -> None:
        """Move the selected step ``delta`` rows (clamped to the list)."""
        row = self.currentRow()
        target = min(max(row + delta, 0), self.count() - 1)
        if row < 0 or target == row:
            return
        # moveRow's destination is the row the step is put before, counted before it is taken out.
        destination = target + 1 if target > row else target
        self.model().moveRow(QModelIndex(), row, QModelIndex(), destination)
        self.setCurrentRow(target)

    def replace_current(self, step: Step) -> bool:
        """Put ``step`` in the selected row; False when nothing is selected or nothing changed."""
        row = self.currentRow()
        if row < 0 or self.step_at(row) == step:
            return False
        self.item(row).setData(STEP_ROLE, step)
        return True

    # -- showing -----------------------------------------------------------------------------------

    def show_rows(self, settings: Settings, warned: dict[int, str], left_out: frozenset[int], muted: QColor) -> None:
        """Each row's words, its notes in the tooltip, a warning mark, and the rows the settings leave out
        (``left_out``) muted."""
        focus = settings.focus_areas
        warning_icon = self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
        for row in range(self.count()):
            item = self.item(row)
            step = self.step_at(row)
            item.setText(self.row_text(row + 1, step))
            notes = []
            if step.pace_factor != 1.0:
                factor = self.locale().toString(step.pace_factor, "g")
                notes.append(self.tr("Pace factor {factor}×").format(factor=factor))
            if step.cue:
                notes.append(self.tr("Cue: {cue}").format(cue=step.cue))
            if row in left_out:
                notes.append(self.tr("Skipped by your settings: this step will not play."))
            elif step.area in focus:
                notes.append(self.tr("A focus area in your settings: 1.5 times the repetitions."))
            if row in warned:
                notes.append(f"⚠ {warned[row]}")
            item.setToolTip(as_written("\n".join(notes)))  # a cue is the user's text: never rich text
            item.setIcon(warning_icon if row in warned else QIcon())
            item.setData(Qt.ItemDataRole.ForegroundRole, muted if row in left_out else None)

    @staticmethod
    def _new_item(step: Step) -> QListWidgetItem:
        item = QListWidgetItem()
        item.setData(STEP_ROLE, step)
        item.setFlags(
            Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsDragEnabled
        )  # not a drop target: a drop lands between rows
        return item
