"""The reminder times in Preferences: one row per reminder (a time and its routine), add and remove."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from PySide6.QtCore import QTime, Signal, Slot
from PySide6.QtWidgets import QComboBox, QGridLayout, QPushButton, QTimeEdit, QVBoxLayout, QWidget

from massage_gui.core.reminders import MAX_REMINDERS, Reminder, parse_reminders

SUGGESTED = (dt.time(8, 0), dt.time(20, 0), dt.time(13, 0), dt.time(17, 0), dt.time(10, 0), dt.time(22, 0))


class ReminderTimesEditor(QWidget):
    """Edits the settings' reminder texts ('HH:MM' or 'HH:MM=routine-id'); ``value()`` gives them back.
    Two rows at the same minute count once. ``routines`` are (id, name) pairs for the routine choice.

    Signals:
        changed(): a time or a routine was changed, or a row added or removed.
    """

    changed = Signal()

    def __init__(
        self, value: frozenset[str], routines: Sequence[tuple[str, str]], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._routines = list(routines)
        self._rows: list[tuple[QTimeEdit, QComboBox, QPushButton]] = []
        self._grid = QGridLayout()
        self._grid.setContentsMargins(0, 0, 0, 0)
        self.add_button = QPushButton(self.tr("Add a reminder"), self)
        self.add_button.setToolTip(self.tr("Another time of day to be reminded"))
        self.add_button.clicked.connect(self._on_add_button_clicked)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self._grid)
        layout.addWidget(self.add_button)
        for reminder in parse_reminders(value):
            self._add_row(reminder)
        self._update_buttons()

    def _add_row(self, reminder: Reminder) -> None:
        time_edit = QTimeEdit(QTime(reminder.time.hour, reminder.time.minute), self)
        time_edit.setDisplayFormat("HH:mm")
        time_edit.setAccessibleName(self.tr("Reminder time"))
        routine = QComboBox(self)
        routine.setAccessibleName(self.tr("Routine for this reminder"))
        routine.addItem(self.tr("The routine I used last"), "")
        for routine_id, name in self._routines:
            routine.addItem(name, routine_id)
        if reminder.routine_id and routine.findData(reminder.routine_id) < 0:
            routine.addItem(reminder.routine_id, reminder.routine_id)  # a routine not there now: kept as it is
        routine.setCurrentIndex(max(routine.findData(reminder.routine_id), 0))
        remove = QPushButton(self.tr("Remove"), self)
        remove.setAccessibleName(self.tr("Remove this reminder"))
        row = len(self._rows)
        self._grid.addWidget(time_edit, row, 0)
        self._grid.addWidget(routine, row, 1)
        self._grid.addWidget(remove, row, 2)
        self._grid.setColumnStretch(1, 1)
        self._rows.append((time_edit, routine, remove))
        time_edit.timeChanged.connect(self.changed)
        routine.currentIndexChanged.connect(self.changed)
        remove.clicked.connect(lambda: self._remove(time_edit))

    def _remove(self, time_edit: QTimeEdit) -> None:
        index = next(i for i, row in enumerate(self._rows) if row[0] is time_edit)
        rows = [self.reminder(i) for i in range(len(self._rows)) if i != index]
        for widgets in self._rows:
            for widget in widgets:
                self._grid.removeWidget(widget)
                widget.deleteLater()
        self._rows.clear()
        for reminder in rows:
            self._add_row(reminder)
        self._update_buttons()
        self.changed.emit()

    @Slot()
    def _on_add_button_clicked(self) -> None:
        taken = {self.reminder(i).time for i in range(len(self._rows))}
        time = next((t for t in SUGGESTED if t not in taken), dt.time(12, 0))
        self._add_row(Reminder(time))
        self._update_buttons()
        self._rows[-1][0].setFocus()
        self.changed.emit()

    def _update_buttons(self) -> None:
        self.add_button.setEnabled(len(self._rows) < MAX_REMINDERS)

    def rows(self) -> int:
        return len(self._rows)

    def row_widgets(self, row: int) -> tuple[QTimeEdit, QComboBox, QPushButton]:
        return self._rows[row]

    def reminder(self, row: int) -> Reminder:
        time_edit, routine, _ = self._rows[row]
        time = time_edit.time()
        return Reminder(dt.time(time.hour(), time.minute()), routine.currentData() or "")

    def value(self) -> frozenset[str]:
        """The reminders as the settings keep them (the first of two at the same minute)."""
        return frozenset(r.text for r in parse_reminders(self.reminder(i).text for i in range(len(self._rows))))
