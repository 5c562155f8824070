"""The session history window: minutes per day, a calendar, streaks, totals per routine, every session, export."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pyqtgraph as pg  # only this module imports pyqtgraph: it loads when the history first opens
from PySide6.QtCore import QDate, QDateTime, QLocale, Qt, QTime, QTimeZone, Slot
from PySide6.QtGui import QFont, QKeySequence, QPalette, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from massage_gui.core.diary import DiaryEntry
from massage_gui.core.errors import DataError
from massage_gui.core.history.export import write_exports
from massage_gui.core.history.records import SessionRecord
from massage_gui.core.history.stats import (
    describe_streaks,
    duration_text,
    seconds_per_day,
    streaks_of_days,
    totals_per_routine,
)
from massage_gui.core.history.store import HistoryStore
from massage_gui.ui.calendar_heatmap import CalendarHeatmap
from massage_gui.ui.history_charts import minutes_chart, show_minutes, style_plot
from massage_gui.ui.history_diary import DiaryPage
from massage_gui.ui.history_export import saved_text
from massage_gui.ui.history_table import (
    SessionTableModel,
    confirmed,
    history_button,
    result_kind,
    result_text,
    result_texts,
    rows_table,
    started_text,
)
from massage_gui.ui.plain_text import as_written, plain_label
from massage_gui.ui.screen_fit import resize_to_fit
from massage_gui.ui.theme import Theme, set_text_color

__all__ = ["HistoryView", "SessionTableModel", "result_kind", "result_text", "result_texts", "started_text"]
CALENDAR_WEEKS = 26  # about six months


class HistoryView(QDialog):
    """Everything the session log holds, for the user (and their therapist): read from ``store``, which
    this dialog also deletes from when asked (after confirmation). Call ``refresh`` after new sessions."""

    def __init__(
        self,
        store: HistoryStore,
        theme: Theme,
        parent: QWidget | None = None,
        *,
        today: Callable[[], dt.date] = dt.date.today,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Session history"))
        self.setAccessibleName(self.tr("Session history"))
        self._store = store
        self._theme = theme
        self._today = today
        self._locale = QLocale()  # dates and numbers as the UI's language writes them
        self._records: list[SessionRecord] = []
        self._entries: list[DiaryEntry] = []
        self._stale = False  # refresh() was called while hidden: read the store when shown

        self.streak_label = QLabel(self)
        self.streak_label.setAccessibleName(self.tr("Current run"))
        self.streak_label.setWordWrap(True)
        font = QFont(self.streak_label.font())
        font.setPointSizeF(font.pointSizeF() * 1.35)
        font.setBold(True)
        self.streak_label.setFont(font)
        self.summary_label = QLabel(self)
        self.summary_label.setAccessibleName(self.tr("Longest run and totals"))
        self.summary_label.setWordWrap(True)
        self.status_label = plain_label(self)  # may name a file the user picked
        self.status_label.setAccessibleName(self.tr("Last action"))
        self.status_label.setWordWrap(True)
        self.status_label.hide()  # shown with the first message (see _say), on a line of its own

        # overview: bars of the last weeks, the calendar, totals per routine
        self.chart_title = QLabel(self.tr("Minutes per day, last 8 weeks"), self)
        self.chart, self.bar_axis, self.bars = minutes_chart(self.fontMetrics().height())

        self.calendar_title = QLabel(self.tr("Last six months"), self)
        self.calendar = CalendarHeatmap(theme, self)
        self.routines_title = QLabel(self.tr("Per routine"), self)
        self.routine_table = QTableWidget(0, 4, self)
        self.routine_table.setAccessibleName(self.tr("Totals per routine"))
        self.routine_table.setToolTip(self.tr("Sessions, finished sessions and time massaged for each routine"))
        self.routine_table.setHorizontalHeaderLabels(
            [self.tr("Routine"), self.tr("Sessions"), self.tr("Finished", "sessions finished"), self.tr("Time")]
        )
        self.routine_table.verticalHeader().hide()
        self.routine_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.routine_table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.routine_table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.routine_table.setWordWrap(False)
        self.routine_table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2, 3):
            self.routine_table.horizontalHeader().setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)

        for title in (self.chart_title, self.calendar_title, self.routines_title):
            bold = QFont(title.font())
            bold.setBold(True)
            title.setFont(bold)

        overview = QWidget(self)
        lower = QHBoxLayout()
        calendar_column = QVBoxLayout()
        calendar_column.addWidget(self.calendar_title)
        calendar_column.addWidget(self.calendar)
        calendar_column.addStretch(1)
        routines_column = QVBoxLayout()
        routines_column.addWidget(self.routines_title)
        routines_column.addWidget(self.routine_table, 1)
        lower.addLayout(calendar_column)
        lower.addSpacing(self.fontMetrics().height())
        lower.addLayout(routines_column, 1)
        overview_layout = QVBoxLayout(overview)
        overview_layout.addWidget(self.chart_title)
        overview_layout.addWidget(self.chart, 3)
        overview_layout.addLayout(lower, 2)

        # sessions: the table and the delete buttons
        self.model = SessionTableModel(self)
        tip = self.tr("Every session, newest first. Select one to delete it.")
        self.table = rows_table(self.model, self.tr("Sessions"), tip, self)
        rows = self.table.verticalHeader()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(round(self.fontMetrics().height() * 1.6))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        fm = self.fontMetrics()
        for column, samples in enumerate(self._column_samples()):
            if samples:
                header.resizeSection(column, max(map(fm.horizontalAdvance, samples)) + fm.height() * 2)
        self.table.selectionModel().selectionChanged.connect(self._on_table_selection_changed)

        self.delete_button = history_button(
            self.tr("Delete session…"), self.tr("Delete the selected session (Delete)"), self
        )
        self.delete_all_button = history_button(
            self.tr("Delete all…"), self.tr("Delete every session in the history"), self
        )
        self.delete_button.clicked.connect(self._on_delete_button_clicked)
        self.delete_all_button.clicked.connect(self._on_delete_all_button_clicked)
        QShortcut(QKeySequence.StandardKey.Delete, self.table).activated.connect(self._on_delete_button_clicked)
        sessions = QWidget(self)
        sessions_layout = QVBoxLayout(sessions)
        sessions_layout.addWidget(self.table, 1)
        delete_row = QHBoxLayout()
        delete_row.addStretch(1)
        delete_row.addWidget(self.delete_button)
        delete_row.addWidget(self.delete_all_button)
        sessions_layout.addLayout(delete_row)

        self.tabs = QTabWidget(self)
        self.tabs.setAccessibleName(self.tr("History pages"))
        self.tabs.addTab(overview, self.tr("Overview"))
        self.tabs.addTab(sessions, self.tr("Sessions"))
        self.diary = DiaryPage(store, theme, self)
        self.diary.entry_requested.connect(self._on_diary_entry_requested)
        self.diary.changed.connect(self._reload)
        self.diary.said.connect(self._say)
        self.tabs.addTab(self.diary, self.tr("Diary"))
        self.tabs.setTabToolTip(0, self.tr("Minutes per day, calendar and totals"))
        self.tabs.setTabToolTip(1, self.tr("Every session, with delete"))
        self.tabs.setTabToolTip(2, self.tr("How the swelling and tightness felt, and tape measurements"))

        self.export_csv_button = history_button(
            self.tr("Export CSV…"),
            self.tr("Save every session as a CSV file (for a spreadsheet), and the diary in a second file beside it"),
            self,
        )
        self.export_json_button = history_button(
            self.tr("Export JSON…"),
            self.tr("Save every session as a JSON file, and the diary in a second file beside it"),
            self,
        )
        self.close_button = history_button(self.tr("Close"), self.tr("Close the history (Esc)"), self)
        self.export_csv_button.clicked.connect(self._on_export_csv_button_clicked)
        self.export_json_button.clicked.connect(self._on_export_json_button_clicked)
        self.close_button.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(self.export_csv_button)
        buttons.addWidget(self.export_json_button)
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)

        layout = QVBoxLayout(self)
        layout.addWidget(self.streak_label)
        layout.addWidget(self.summary_label)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.status_label)
        layout.addLayout(buttons)
        resize_to_fit(self, fm.height() * 66, fm.height() * 46)

        self.set_theme(theme)
        self._reload()

    def _column_samples(self) -> list[list[str]]:
        """For each column of the sessions table, the texts its width is made for (none: it stretches)."""
        model = self.model
        days = [QDate(2024, month, 28) for month in range(1, 13)] + [QDate(2024, 9, day) for day in range(23, 30)]
        starts = [self._locale.toString(QDateTime(day, QTime(23, 59), QTimeZone.utc()), model.started_format)
                  for day in days]  # fmt: skip
        return [
            starts,
            [],
            [model.massaged_text(5999, 5999)],
            [model.steps_text(88, 88)],
            list(model.results.values()),
        ]

    def _number(self, value: int) -> str:
        return self._locale.toString(value)

    def _say(self, text: str) -> None:
        """The last action's result (or a read error), on its own line above the buttons: the full width
        of the window, so that a long file name or error wraps little, whatever the language."""
        self.status_label.setText(text)
        self.status_label.setVisible(bool(text))

    # -- view --------------------------------------------------------------------------------------------

    @property
    def records(self) -> list[SessionRecord]:
        return self._records

    def set_theme(self, theme: Theme) -> None:
        self._theme = theme
        palette = QPalette(self.palette())
        for role, color in (
            (QPalette.ColorRole.Window, theme.background),
            (QPalette.ColorRole.WindowText, theme.text),
            (QPalette.ColorRole.Base, theme.panel),
            (QPalette.ColorRole.AlternateBase, theme.background),
            (QPalette.ColorRole.Text, theme.text),
            (QPalette.ColorRole.Button, theme.panel),
            (QPalette.ColorRole.ButtonText, theme.text),
            (QPalette.ColorRole.Highlight, theme.accent),
            (QPalette.ColorRole.HighlightedText, theme.accent_text),
            (QPalette.ColorRole.ToolTipBase, theme.panel),
            (QPalette.ColorRole.ToolTipText, theme.text),
        ):
            palette.setColor(role, color)
        for role in (QPalette.ColorRole.WindowText, QPalette.ColorRole.Text, QPalette.ColorRole.ButtonText):
            palette.setColor(QPalette.ColorGroup.Disabled, role, theme.muted_text)
        self.setPalette(palette)
        for label in (self.summary_label, self.status_label):
            set_text_color(label, theme.muted_text)
        self.chart.setBackground(theme.panel)
        style_plot(self.chart.getPlotItem(), theme)
        self.bars.setOpts(brush=pg.mkBrush(theme.accent), pen=pg.mkPen(None))
        self.calendar.set_theme(theme)
        if hasattr(self, "diary"):
            self.diary.set_theme(theme)

    def refresh(self) -> None:
        """Read the store again and redraw everything (when next shown, if hidden now)."""
        if self.isVisible():
            self._reload()
        else:
            self._stale = True

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt override)
        if self._stale:
            self._reload()
        super().showEvent(event)

    def _reload(self) -> None:
        self._stale = False
        selected = self.selected_record()
        try:
            self._records = self._store.sessions()
        except DataError as exc:
            self._records = []
            self._say(str(exc))
        try:
            self._entries = self._store.diary_entries()
        except DataError as exc:
            self._entries = []
            self._say(str(exc))
        today = self._today()
        per_day = seconds_per_day(self._records)
        self.diary.show_data(self._entries, per_day, today)
        self._show_summary(per_day, today)
        show_minutes(self.chart, self.bar_axis, self.bars, per_day, today, self._locale)
        self.calendar.set_days({day: s / 60 for day, s in per_day.items()}, today, CALENDAR_WEEKS)
        self._show_routines()
        self.model.set_records(self._records, self._store.running_session_id)
        if selected is not None:
            row = next((i for i, r in enumerate(self._records) if r.id == selected.id), None)
            if row is not None:
                self.table.selectRow(row)
        self._update_buttons()

    def _show_summary(self, per_day: dict[dt.date, float], today: dt.date) -> None:
        current, longest = describe_streaks(streaks_of_days(per_day.keys(), today), self._number)
        if not self._records:
            self.streak_label.setText(self.tr("No sessions yet."))
            self.summary_label.setText(self.tr("Your sessions show here after you do a routine, or part of one."))
            return
        self.streak_label.setText(current)
        total = duration_text(sum(r.massaged_s for r in self._records), self._number)
        count = len(self._records)
        in_all = (
            self.tr("In all: 1 session, {time}.").format(time=total)
            if count == 1
            else self.tr("In all: {count} sessions, {time}.").format(count=self._number(count), time=total)
        )
        parts = [longest, in_all]
        if not self._store.writable:
            parts.append(self.tr("(Read-only: this history is not changed.)"))
        self.summary_label.setText(" ".join(p for p in parts if p))

    def _show_routines(self) -> None:
        totals = totals_per_routine(self._records, self.model.builtin_names)
        table = self.routine_table
        table.setRowCount(len(totals))
        for row, total in enumerate(totals):
            cells = (
                total.routine_name,
                self._number(total.sessions),
                self._number(total.finished),
                duration_text(total.massaged_s, self._number),
            )
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                else:
                    item.setToolTip(as_written(f"{total.routine_name} [{total.routine_id}]"))
                table.setItem(row, column, item)

    def selected_record(self) -> SessionRecord | None:
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        return self.model.record(rows[0].row()) if rows else None

    def _update_buttons(self) -> None:
        writable = self._store.writable
        self.delete_button.setEnabled(writable and self.selected_record() is not None)
        self.delete_all_button.setEnabled(writable and bool(self._records))
        has = bool(self._records or self._entries)
        self.export_csv_button.setEnabled(has)
        self.export_json_button.setEnabled(has)
        if not writable:
            for button in (self.delete_button, self.delete_all_button):
                button.setToolTip(
                    self.tr("This history is read-only (it was written by a newer version of massage-gui)")
                )

    def _open_entry(self, entry: DiaryEntry | None) -> bool:
        """The diary dialog for ``entry`` (None: a new one); whether it saved."""
        from massage_gui.ui.diary_dialog import diary_dialog_for

        return bool(diary_dialog_for(self._store, self, entry=entry).exec())

    @Slot(object)
    def _on_diary_entry_requested(self, entry: DiaryEntry | None) -> None:
        if self._open_entry(entry):
            self._reload()
            self._say(self.diary.saved_text(new=entry is None))

    def _export(self, kind: str) -> None:
        suffix = f".{kind}"
        default = Path.home() / f"massage-history-{self._today():%Y-%m-%d}{suffix}"
        path_text, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Export the history as {kind}").format(kind=kind.upper()),
            str(default),
            self.tr("{kind} files (*{suffix})").format(kind=kind.upper(), suffix=suffix),
        )
        if not path_text:
            return
        path = Path(path_text)
        if path.suffix.lower() != suffix:
            path = path.with_name(path.name + suffix)
        try:
            diary = write_exports(path, kind, self._records, self._entries)
        except DataError as exc:
            QMessageBox.warning(self, self.tr("Cannot export"), as_written(str(exc)))
            return
        self._say(saved_text(path, len(self._records), diary, len(self._entries), self._number))

    # -- slots -------------------------------------------------------------------------------------------

    @Slot()
    def _on_table_selection_changed(self) -> None:
        self._update_buttons()

    @Slot()
    def _on_export_csv_button_clicked(self) -> None:
        self._export("csv")

    @Slot()
    def _on_export_json_button_clicked(self) -> None:
        self._export("json")

    @Slot()
    def _on_delete_button_clicked(self) -> None:
        record = self.selected_record()
        if record is None or not self._store.writable:
            return
        question = self.tr("Delete the session of {started} ({routine})? This cannot be undone.").format(
            started=started_text(record, self._locale, self.model.started_format),
            routine=self.model.routine_name(record),
        )
        if not confirmed(self, self.tr("Delete session"), question):
            return
        try:
            self._store.delete_session(record.id)
        except DataError as exc:
            QMessageBox.warning(self, self.tr("Cannot delete"), as_written(str(exc)))
            return
        row = self._records.index(record)
        self._reload()
        if self._records:
            self.table.selectRow(min(row, len(self._records) - 1))
        self._say(self.tr("Deleted one session."))

    @Slot()
    def _on_delete_all_button_clicked(self) -> None:
        count = len(self._records)
        if not count or not self._store.writable:
            return
        question = (
            self.tr("Delete the one session in your history? This cannot be undone. (You can export it first.)")
            if count == 1
            else self.tr(
                "Delete all {count} sessions from your history? This cannot be undone. (You can export them first.)"
            ).format(count=self._number(count))
        )
        if not confirmed(self, self.tr("Delete all history"), question):
            return
        try:
            self._store.delete_all()
        except DataError as exc:
            QMessageBox.warning(self, self.tr("Cannot delete"), as_written(str(exc)))
            return
        self._reload()
        self._say(self.tr("The history is empty."))
