"""The swelling diary entry: swelling and tightness from 0 to 10, optional tape measurements, a note; Esc skips."""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QLocale, QSize, Qt, Signal, Slot
from PySide6.QtGui import QFocusEvent, QFont, QKeySequence, QPalette, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QScrollArea,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from massage_gui.core.diary import (
    POINT_KEYS,
    DiaryEntry,
    DiaryError,
    DiaryValues,
    check_values,
    measure_points,
    new_entry,
    purpose_text,
    rating_labels,
    see_doctor_text,
    with_values,
)
from massage_gui.core.diary_draft import DiaryDraft
from massage_gui.core.errors import DataError
from massage_gui.core.history.records import SessionRecord, iso_utc, local_utc_offset_min
from massage_gui.core.history.store import HistoryStore
from massage_gui.ui.diary_rating import UNSET, Rating
from massage_gui.ui.measure_diagram import MeasureDiagram
from massage_gui.ui.plain_text import plain_label
from massage_gui.ui.screen_fit import resize_to_fit

Saver = Callable[[DiaryValues], None]
__all__ = ["UNSET", "DiaryDialog", "WholeScrollArea", "diary_dialog_for", "now_stamp", "worth_a_diary_entry"]


class MeasureField(QLineEdit):
    """A tape measurement's field, which says when it gets the focus (the diagram then shows where to measure).

    Signals:
        focused(str): the field of this measuring point's key got the focus.
    """

    focused = Signal(str)

    def __init__(self, key: str, parent: QWidget) -> None:
        super().__init__(parent)
        self._key = key

    def focusInEvent(self, event: QFocusEvent) -> None:  # noqa: N802 (Qt override)
        super().focusInEvent(event)
        self.focused.emit(self._key)


class WholeScrollArea(QScrollArea):
    """A frameless scroll area that asks for room for all of its widget (a plain one asks for 24 lines at most)
    and scrolls it only when the window has less."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt override)
        inner = self.widget()
        if inner is None:
            return super().sizeHint()
        hint = inner.sizeHint()
        if inner.hasHeightForWidth():
            hint.setHeight(inner.heightForWidth(hint.width()))
        bar = self.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent, None, self)
        return QSize(hint.width() + bar, hint.height())


class DiaryDialog(QDialog):
    """One diary entry, new (``entry`` None) or edited. Save checks every value (a bad one is named in
    the dialog and nothing is saved) and hands them to ``saver``, which stores them (a DataError it
    raises is shown and the dialog stays open). Esc or Skip closes it without saving, after asking if
    anything was entered.

    ``last`` is the entry before, whose measurements show as hints in the empty fields.
    """

    def __init__(
        self,
        saver: Saver,
        parent: QWidget | None = None,
        *,
        entry: DiaryEntry | None = None,
        last: DiaryEntry | None = None,
        after_session: bool = False,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Swelling diary") if entry is None else self.tr("Edit diary entry"))
        self.setAccessibleName(self.windowTitle())
        self._saver = saver
        self._new = entry is None
        self.saved_values: DiaryValues | None = None

        heading = QLabel(
            self.tr("How do the swelling and tightness feel now?") if entry is None else self.tr("Diary entry"),
            self,
        )
        bold = QFont(heading.font())
        bold.setBold(True)
        bold.setPointSizeF(bold.pointSizeF() * 1.2)
        heading.setFont(bold)
        purpose = plain_label(self, purpose_text())
        purpose.setWordWrap(True)
        muted = QPalette(purpose.palette())
        muted.setColor(QPalette.ColorRole.WindowText, muted.color(QPalette.ColorRole.PlaceholderText))
        purpose.setPalette(muted)
        self.doctor_label = plain_label(self, see_doctor_text())
        self.doctor_label.setObjectName("see_doctor")
        self.doctor_label.setWordWrap(True)

        labels = rating_labels()
        self.ratings = {
            name: Rating(name, None if entry is None else getattr(entry, name), self)
            for name in ("swelling", "tightness")
        }
        ratings = QFormLayout()
        for name, widget in self.ratings.items():
            widget.spin.setAccessibleName(labels[name])
            widget.slider.setAccessibleName(labels[name])
            label = QLabel(labels[name], self)
            label.setBuddy(widget.spin)
            ratings.addRow(label, widget)

        self.diagram = MeasureDiagram(self)
        self.fields: dict[str, QLineEdit] = {}
        self.how_label = plain_label(self)
        self.how_label.setWordWrap(True)
        self.how_label.setPalette(muted)
        points = QFormLayout()
        for number, where in enumerate(measure_points(), start=1):
            field = MeasureField(where.key, self)
            field.focused.connect(self._on_field_focused)
            field.setObjectName(f"{where.key}_cm")
            field.setAccessibleName(where.label)
            field.setAccessibleDescription(where.how)
            field.setToolTip(where.how)
            previous = last.measurement(where.key) if last is not None else None
            if previous is not None:
                field.setPlaceholderText(self.tr("last: {value}").format(value=QLocale().toString(previous, "f", 1)))
            widest = max(map(self.fontMetrics().horizontalAdvance, ("0000.0 cm", field.placeholderText())))
            field.setMaximumWidth(widest + 24)
            shown = entry.measurement(where.key) if entry is not None else None
            if shown is not None:
                field.setText(QLocale().toString(shown, "f", 1))  # as the table writes it ('38,5' in German)
            self.fields[where.key] = field
            unit = QHBoxLayout()
            unit.addWidget(field)
            unit.addWidget(QLabel(self.tr("cm"), self))
            unit.addStretch(1)
            label = QLabel(f"{number}. {where.label}", self)
            label.setBuddy(field)
            points.addRow(label, unit)
        tape = QGroupBox(self.tr("Tape measurements (optional, in centimetres)"), self)
        tape_layout = QGridLayout(tape)
        tape_layout.addWidget(self.diagram, 0, 0, 2, 1)
        tape_layout.addLayout(points, 0, 1)
        tape_layout.addWidget(self.how_label, 1, 1)
        tape_layout.setColumnStretch(1, 1)

        self.note = QPlainTextEdit(self)
        self.note.setObjectName("note")
        self.note.setAccessibleName(self.tr("Note"))
        self.note.setPlaceholderText(self.tr("Anything you want to tell your therapist (optional)"))
        self.note.setTabChangesFocus(True)
        self.note.setMaximumHeight(self.fontMetrics().height() * 4)
        if entry is not None:
            self.note.setPlainText(entry.note)

        self.error_label = plain_label(self)
        self.error_label.setObjectName("error")
        self.error_label.setWordWrap(True)
        self.error_label.hide()
        self.buttons = QDialogButtonBox(self)
        self.save_button = self.buttons.addButton(self.tr("Save"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.save_button.setDefault(True)
        self.skip_button = self.buttons.addButton(
            self.tr("Skip") if entry is None else self.tr("Cancel"), QDialogButtonBox.ButtonRole.RejectRole
        )
        self.skip_button.setToolTip(self.tr("Close without saving (Esc)"))
        self.save_button.setToolTip(self.tr("Save this entry (Ctrl+Enter)"))
        self.save_button.clicked.connect(self._on_save_button_clicked)
        self.skip_button.clicked.connect(self.reject)
        save_key = QShortcut(QKeySequence("Ctrl+Return"), self)
        save_key.activated.connect(self._on_save_button_clicked)

        form = QWidget(self)
        form_layout = QVBoxLayout(form)
        form_layout.setContentsMargins(0, 0, 0, 0)
        form_layout.addWidget(heading)
        if after_session or entry is None:
            form_layout.addWidget(purpose)
        form_layout.addLayout(ratings)
        form_layout.addWidget(tape)
        form_layout.addWidget(self.note)
        form_layout.addWidget(self.doctor_label)
        form_layout.addStretch(1)
        self.form_scroll = WholeScrollArea(self)
        self.form_scroll.setWidget(form)
        layout = QVBoxLayout(self)
        layout.addWidget(self.form_scroll, 1)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)
        wanted = self.sizeHint()
        resize_to_fit(self, wanted.width(), wanted.height())
        self.ratings["swelling"].spin.setFocus()
        self._as_opened = self._form()

    def _form(self) -> tuple[object, ...]:
        """What the form holds now, as typed."""
        ratings = tuple(r.spin.value() for r in self.ratings.values())
        return (*ratings, *(field.text() for field in self.fields.values()), self.note.toPlainText())

    def is_modified(self) -> bool:
        return self.saved_values is None and self._form() != self._as_opened

    @property
    def is_new(self) -> bool:
        """A new entry, rather than one from the history being edited."""
        return self._new

    def draft(self, session_id: int | None) -> DiaryDraft:
        """The form as typed, to open again (see core/diary_draft.py); ``session_id``: the session it follows."""
        ratings = {name: (None if r.spin.value() == UNSET else r.spin.value()) for name, r in self.ratings.items()}
        typed = {key: field.text() for key, field in self.fields.items()}
        return DiaryDraft.as_typed(ratings, typed, self.note.toPlainText(), session_id)

    def restore(self, draft: DiaryDraft) -> None:
        """Fill the form with what a draft kept. It counts as unsaved: Skip asks before throwing it away."""
        for name, value in (("swelling", draft.swelling), ("tightness", draft.tightness)):
            self.ratings[name].spin.setValue(UNSET if value is None else value)
        typed = dict(draft.measurements)
        for key, field in self.fields.items():
            field.setText(typed.get(key, ""))
        self.note.setPlainText(draft.note)

    def reject(self) -> None:
        """Skip, Cancel, Esc or the close button: ask before what was typed is thrown away."""
        if self.is_modified():
            answer = QMessageBox.question(
                self,
                self.tr("Discard changes?"),
                self.tr("This diary entry has not been saved. Discard what you entered?")
                if self._new
                else self.tr("Your changes to this diary entry have not been saved. Discard them?"),
                QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
                QMessageBox.StandardButton.Cancel,
            )
            if answer != QMessageBox.StandardButton.Discard:
                return
        super().reject()

    @Slot(str)
    def _on_field_focused(self, key: str) -> None:
        self.diagram.set_current(key)
        self.how_label.setText(next(p.how for p in measure_points() if p.key == key))

    def values(self) -> DiaryValues:
        """What the form holds, checked (DiaryError naming the first bad value)."""
        for name, rating in self.ratings.items():
            if rating.spin.value() == UNSET:
                raise DiaryError(
                    self.tr(
                        "{field}: not chosen yet. Click its scale at the number that fits (0 none, 10 the worst), "
                        "or type the number in the box beside it."
                    ).format(field=rating_labels()[name])
                )
        return check_values(
            self.ratings["swelling"].value(),
            self.ratings["tightness"].value(),
            {key: self.fields[key].text() for key in POINT_KEYS},
            self.note.toPlainText(),
        )

    def show_error(self, text: str) -> None:
        self.error_label.setText(text)
        self.error_label.setVisible(bool(text))

    @Slot()
    def _on_save_button_clicked(self) -> None:
        try:
            values = self.values()
        except DiaryError as exc:
            self.show_error(str(exc))
            self._focus_field_named(str(exc))
            return
        try:
            self._saver(values)
        except DataError as exc:
            self.show_error(str(exc))
            return
        self.saved_values = values
        self.accept()

    def _focus_field_named(self, message: str) -> None:
        for name, widget in self.ratings.items():
            if message.startswith(rating_labels()[name]):
                widget.spin.setFocus()
                widget.spin.selectAll()
                self.form_scroll.ensureWidgetVisible(widget.spin)
                return
        for where in measure_points():
            if message.startswith(where.label):
                self.fields[where.key].setFocus()
                self.fields[where.key].selectAll()
                self.form_scroll.ensureWidgetVisible(self.fields[where.key])
                return


def diary_dialog_for(
    store: HistoryStore,
    parent: QWidget | None = None,
    *,
    session_id: int | None = None,
    entry: DiaryEntry | None = None,
    wall: Callable[[], float] = time.time,
) -> DiaryDialog:
    """A dialog that saves a new entry (after the session ``session_id``, if given) or ``entry`` edited, in
    ``store``."""
    try:
        last = next(iter(store.diary_entries()), None)
    except DataError:
        last = None

    def save(values: DiaryValues) -> None:
        if entry is None:
            noted, offset = now_stamp(wall)
            store.add_diary_entry(new_entry(values, noted, offset, session_id))
        elif not store.update_diary_entry(with_values(entry, values)):
            raise DataError(QCoreApplication.translate("DiaryDialog", "This entry was deleted meanwhile."))

    return DiaryDialog(save, parent, entry=entry, last=last, after_session=session_id is not None)


def worth_a_diary_entry(record: SessionRecord) -> bool:
    """After this session, offer the diary: it ran to the end, or lasted two minutes or more."""
    return record.reached_end or record.massaged_s >= 120


def now_stamp(wall: Callable[[], float] = time.time) -> tuple[str, int]:
    """Now as a diary entry keeps it: ISO 8601 in UTC and the local offset in minutes."""
    moment = wall()
    return iso_utc(moment), local_utc_offset_min(moment)
