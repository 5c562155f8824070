"""The history's session table: its words (start, result) and the model behind it."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QDate,
    QDateTime,
    QLocale,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTime,
    QTimeZone,
)
from PySide6.QtWidgets import QAbstractItemView, QMessageBox, QPushButton, QTableView, QWidget

from massage_gui.core.formatting import clock
from massage_gui.core.history.records import SessionRecord
from massage_gui.core.history.stats import builtin_routine_names, shown_routine_name
from massage_gui.ui.plain_text import as_written

IndexLike = QModelIndex | QPersistentModelIndex


def started_format() -> str:
    """The QLocale pattern for a session's start, from the translation: 'Mon 3 Jun 2024, 07:30' in English."""
    return QCoreApplication.translate(
        "HistoryView", "ddd d MMM yyyy, HH:mm", "the start of a session, a QLocale date format: keep the letters"
    )


def wall_moment(value: dt.datetime) -> QDateTime:
    """A date and time as written on the wall, for formatting only: no time-zone conversion."""
    time = QTime(value.hour, value.minute, value.second)
    return QDateTime(QDate(value.year, value.month, value.day), time, QTimeZone.utc())


def started_text(record: SessionRecord, locale: QLocale | None = None, pattern: str | None = None) -> str:
    """The start in the user's local time then, in the UI's locale: 'Mon 3 Jun 2024, 07:30'."""
    return (locale or QLocale()).toString(wall_moment(record.started), pattern or started_format())


def result_texts() -> dict[str, str]:
    """The words for how a session ended, by kind ('finished', 'partly', 'stopped', 'running', 'interrupted')."""
    return {
        "finished": QCoreApplication.translate("HistoryView", "Finished"),
        "partly": QCoreApplication.translate(
            "HistoryView", "Partly done", "a session that reached the end with steps skipped"
        ),
        "stopped": QCoreApplication.translate("HistoryView", "Stopped early"),
        "running": QCoreApplication.translate("HistoryView", "In progress"),
        "interrupted": QCoreApplication.translate("HistoryView", "Interrupted"),
    }


def result_kind(record: SessionRecord, running_id: int | None) -> str:
    """Finished (reached the end, every step done), partly done (reached the end with steps skipped),
    stopped early, or not ended: in progress, or interrupted (the app stopped without ending it)."""
    if record.finished:
        return "finished"
    if record.ended_utc is not None:
        return "partly" if record.reached_end else "stopped"
    return "running" if record.id == running_id else "interrupted"


def result_text(record: SessionRecord, running_id: int | None) -> str:
    return result_texts()[result_kind(record, running_id)]


class RowsModel(QAbstractTableModel):
    """A table of rows under fixed headers, the Qt plumbing the history's tables share; a subclass gives its
    ``headers`` and ``rows()`` and makes each cell's text."""

    headers: tuple[str, ...] = ()

    def rows(self) -> Sequence[object]:
        raise NotImplementedError

    def rowCount(self, parent: IndexLike = QModelIndex()) -> int:  # noqa: N802, B008 (Qt override)
        return 0 if parent.isValid() else len(self.rows())

    def columnCount(self, parent: IndexLike = QModelIndex()) -> int:  # noqa: N802, B008 (Qt override)
        return 0 if parent.isValid() else len(self.headers)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers[section]
        return None


def rows_table(model: RowsModel, name: str, tip: str, parent: QWidget) -> QTableView:
    """A read-only table of ``model``'s rows, one selected at a time, named for screen readers."""
    table = QTableView(parent)
    table.setModel(model)
    table.setAccessibleName(name)
    table.setToolTip(tip)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setAlternatingRowColors(True)
    table.setWordWrap(False)
    table.verticalHeader().hide()
    return table


def history_button(text: str, tip: str, parent: QWidget) -> QPushButton:
    """A button of the history window: named without its ellipsis, never the default of the window."""
    button = QPushButton(text, parent)
    button.setAccessibleName(text.rstrip("…"))
    button.setToolTip(tip)
    button.setAutoDefault(False)
    return button


def confirmed(parent: QWidget, title: str, text: str) -> bool:
    """Whether the user answers Yes to ``text`` (No is the default, the text shown as written)."""
    answer = QMessageBox.question(
        parent,
        title,
        as_written(text),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No,
    )
    return answer == QMessageBox.StandardButton.Yes


class SessionTableModel(RowsModel):
    """Sessions, newest first: start, routine, time massaged, steps, result. Text is made on demand, in
    the UI's language and locale (both fixed when the model is made), a built-in routine named in it too."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._records: list[SessionRecord] = []
        self._running: int | None = None
        self.locale = QLocale()
        self.headers = (
            self.tr("Started"),
            self.tr("Routine"),
            self.tr("Massaged"),
            self.tr("Steps"),
            self.tr("Result"),
        )
        self.started_format = started_format()
        self.results = result_texts()
        self.builtin_names = builtin_routine_names()
        self._massaged = self.tr("{massaged} of {planned}")
        self._done = self.tr("{done} done")
        self._done_skipped = self.tr("{done} done, {skipped} skipped")
        self._tooltip = self.tr("{started} (UTC{offset}), {routine} [{id}], pace {pace} s per stroke")

    def massaged_text(self, massaged_s: float, planned_s: float) -> str:
        return self._massaged.format(massaged=clock(massaged_s), planned=clock(planned_s))

    def steps_text(self, completed: int, skipped: int) -> str:
        number = self.locale.toString
        if skipped:
            return self._done_skipped.format(done=number(completed), skipped=number(skipped))
        return self._done.format(done=number(completed))

    def routine_name(self, record: SessionRecord) -> str:
        """A built-in routine's name in the UI's language, a favourite's as recorded."""
        return shown_routine_name(record, self.builtin_names)

    def set_records(self, records: list[SessionRecord], running_id: int | None) -> None:
        self.beginResetModel()
        self._records = records
        self._running = running_id
        self.endResetModel()

    def record(self, row: int) -> SessionRecord:
        return self._records[row]

    def rows(self) -> Sequence[SessionRecord]:
        return self._records

    def data(self, index: IndexLike, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        record = self._records[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                return started_text(record, self.locale, self.started_format)
            if column == 1:
                return self.routine_name(record)
            if column == 2:
                return self.massaged_text(record.massaged_s, record.planned_s)
            if column == 3:
                return self.steps_text(record.steps_completed, record.steps_skipped)
            return self.results[result_kind(record, self._running)]
        if role == Qt.ItemDataRole.ToolTipRole:
            offset = record.started.strftime("%z")
            return as_written(
                self._tooltip.format(
                    started=started_text(record, self.locale, self.started_format),
                    offset=f"{offset[:3]}:{offset[3:]}",
                    routine=self.routine_name(record),
                    id=record.routine_id,
                    pace=self.locale.toString(record.pace_s, "g", 6),
                )
            )
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (2, 3):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.UserRole:
            return record.id
        return None
