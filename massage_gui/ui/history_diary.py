"""The history window's Diary page: charts of the ratings and measurements beside the minutes, every entry, edit."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from typing import Any

from PySide6.QtCore import QLocale, QModelIndex, Qt, Signal, Slot
from PySide6.QtGui import QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QMessageBox,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from massage_gui.core.diary import POINT_KEYS, DiaryEntry, purpose_text, see_doctor_text, sources_text
from massage_gui.core.errors import DataError
from massage_gui.core.history.store import HistoryStore
from massage_gui.ui.history_charts import DiaryCharts
from massage_gui.ui.history_table import (
    IndexLike,
    RowsModel,
    confirmed,
    history_button,
    rows_table,
    started_format,
    wall_moment,
)
from massage_gui.ui.plain_text import as_written, plain_label
from massage_gui.ui.theme import Theme, set_text_color

TABLE_LINES = 7  # the table's least height, in lines of text: its header and a few entries
CHARTS_STRETCH = 3  # the charts' share of the room the page has beyond its least, against the table's 1


class DiaryTableModel(RowsModel):
    """Diary entries, newest first: when, swelling, tightness, measurements, note (text made on demand)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.entries: list[DiaryEntry] = []
        self.locale = QLocale()
        self.pattern = started_format()
        self.headers = (self.tr("Noted"), self.tr("Swelling"), self.tr("Tightness"), self.tr("Measured"),
                        self.tr("Note"))  # fmt: skip
        self._short = {
            "neck": self.tr("neck {cm}"),
            "ear_to_ear": self.tr("ear to ear {cm}"),
            "mouth_left": self.tr("mouth L {cm}"),
            "mouth_right": self.tr("mouth R {cm}"),
        }

    def set_entries(self, entries: list[DiaryEntry]) -> None:
        self.beginResetModel()
        self.entries = entries
        self.endResetModel()

    def measured_text(self, entry: DiaryEntry) -> str:
        parts = [
            self._short[key].format(cm=self.locale.toString(value, "f", 1))
            for key in POINT_KEYS
            if (value := entry.measurement(key)) is not None
        ]
        return ", ".join(parts) if parts else "–"

    def rows(self) -> Sequence[DiaryEntry]:
        return self.entries

    def data(self, index: IndexLike, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        entry = self.entries[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                return self.locale.toString(wall_moment(entry.noted), self.pattern)
            if column in (1, 2):
                return self.locale.toString(entry.swelling if column == 1 else entry.tightness)
            if column == 3:
                return self.measured_text(entry)
            return " ".join(entry.note.split())
        if role == Qt.ItemDataRole.ToolTipRole and column == 4 and entry.note:
            return as_written(entry.note)
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (1, 2):
            return int(Qt.AlignmentFlag.AlignCenter)
        return None


class DiaryPage(QWidget):
    """The diary in the history window; the window opens the entry dialog when asked (a signal, not a
    callback: the window's wrapper must not be kept in a reference cycle, or Python's cycle collector
    could delete the window in the middle of a paint).

    Signals:
        entry_requested(object): open the dialog for this entry (None: a new one).
        changed(): an entry was deleted.
        said(str): the result of an action, for the window's status line.
    """

    entry_requested = Signal(object)
    changed = Signal()
    said = Signal(str)

    def __init__(self, store: HistoryStore, theme: Theme, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._store = store
        self._theme = theme
        self._data: tuple[list[DiaryEntry], Mapping[dt.date, float], dt.date] | None = None
        self.charts: DiaryCharts | None = None  # made when the page is first shown (pyqtgraph's scene is not light)
        self.model = DiaryTableModel(self)
        tip = self.tr("Every diary entry, newest first. Double-click one to change it.")
        self.table = rows_table(self.model, self.tr("Diary entries"), tip, self)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        self.table.doubleClicked.connect(self._on_table_double_clicked)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        QShortcut(QKeySequence.StandardKey.Delete, self.table).activated.connect(self._on_delete_button_clicked)

        self.new_button = history_button(
            self.tr("New entry…"), self.tr("Note how the swelling and tightness feel now"), self
        )
        self.edit_button = history_button(self.tr("Change…"), self.tr("Change the selected entry"), self)
        self.delete_button = history_button(
            self.tr("Delete entry…"), self.tr("Delete the selected entry (Delete)"), self
        )
        self.new_button.clicked.connect(self._on_new_button_clicked)
        self.edit_button.clicked.connect(self._on_edit_button_clicked)
        self.delete_button.clicked.connect(self._on_delete_button_clicked)

        self.words = plain_label(self, f"{purpose_text()} {see_doctor_text()}")
        self.words.setObjectName("diary_words")
        self.words.setWordWrap(True)
        self.sources = plain_label(self, sources_text())
        self.sources.setObjectName("diary_sources")
        self.sources.setWordWrap(True)
        set_text_color(self.sources, theme.muted_text)

        line = self.fontMetrics().height()
        self.table.setMinimumHeight(line * TABLE_LINES)
        page = QWidget(self)
        self.page_layout = QVBoxLayout(page)
        self.page_layout.setContentsMargins(0, 0, 0, 0)
        self._placeholder = QWidget(page)  # the charts' place until they are made
        self.page_layout.addWidget(self._placeholder, CHARTS_STRETCH)
        self.page_layout.addWidget(self.table, 1)
        row = QHBoxLayout()
        row.addWidget(self.new_button)
        row.addStretch(1)
        row.addWidget(self.edit_button)
        row.addWidget(self.delete_button)
        self.page_layout.addLayout(row)
        self.page_layout.addWidget(self.words)
        self.page_layout.addWidget(self.sources)
        # Charts tall enough to read and every word of the text: what the window has no room for scrolls.
        self.page_scroll = QScrollArea(self)
        self.page_scroll.setWidgetResizable(True)
        self.page_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.page_scroll.setWidget(page)
        layout = QVBoxLayout(self)
        layout.addWidget(self.page_scroll)
        self._update_buttons()

    def show_data(self, entries: list[DiaryEntry], per_day: Mapping[dt.date, float], today: dt.date) -> None:
        selected = self.selected_entry()
        self.model.set_entries(entries)
        self._data = (entries, per_day, today)
        if self.charts is not None:
            self.charts.show_data(entries, per_day, today)
        if selected is not None:
            row = next((i for i, e in enumerate(entries) if e.id == selected.id), None)
            if row is not None:
                self.table.selectRow(row)
        self._update_buttons()

    def set_theme(self, theme: Theme) -> None:
        self._theme = theme
        if self.charts is not None:
            self.charts.set_theme(theme)

    def make_charts(self) -> DiaryCharts:
        """The charts, made now if they were not yet, showing the data last given."""
        if self.charts is None:
            self.charts = DiaryCharts(self._theme, QLocale().toString)
            self.page_layout.replaceWidget(self._placeholder, self.charts)
            self._placeholder.deleteLater()
            if self._data is not None:
                self.charts.show_data(*self._data)
        return self.charts

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt override)
        self.make_charts()
        super().showEvent(event)

    def selected_entry(self) -> DiaryEntry | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.entries[rows[0].row()] if rows else None

    @Slot()
    def _update_buttons(self) -> None:
        writable = self._store.writable and self._store.has_diary
        selected = self.selected_entry() is not None
        self.new_button.setEnabled(writable)
        self.edit_button.setEnabled(writable and selected)
        self.delete_button.setEnabled(writable and selected)

    @Slot()
    def _on_new_button_clicked(self) -> None:
        self.entry_requested.emit(None)

    @Slot()
    def _on_edit_button_clicked(self) -> None:
        entry = self.selected_entry()
        if entry is not None:
            self.entry_requested.emit(entry)

    def saved_text(self, new: bool) -> str:
        return self.tr("Saved the diary entry.") if new else self.tr("Changed the diary entry.")

    @Slot(QModelIndex)
    def _on_table_double_clicked(self, index: QModelIndex) -> None:
        if self.edit_button.isEnabled():
            self._on_edit_button_clicked()

    @Slot()
    def _on_delete_button_clicked(self) -> None:
        entry = self.selected_entry()
        if entry is None or not self.delete_button.isEnabled():
            return
        if not confirmed(
            self, self.tr("Delete diary entry"), self.tr("Delete this diary entry? This cannot be undone.")
        ):
            return
        try:
            self._store.delete_diary_entry(entry.id)
        except DataError as exc:
            QMessageBox.warning(self, self.tr("Cannot delete"), as_written(str(exc)))
            return
        self.changed.emit()
        self.said.emit(self.tr("Deleted one diary entry."))
