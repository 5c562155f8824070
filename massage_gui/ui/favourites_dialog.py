"""Manage saved routines: start, rename, duplicate, delete (with undo), star and reorder."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from massage_gui.core.errors import PlanError
from massage_gui.core.favourites import Favourites
from massage_gui.core.formatting import clock
from massage_gui.core.plan import build_plan
from massage_gui.core.routine_library import RoutineLibrary
from massage_gui.core.settings import Settings
from massage_gui.ui.name_prompt import ask_name
from massage_gui.ui.plain_text import plain_label
from massage_gui.ui.screen_fit import resize_to_fit


class FavouritesDialog(QDialog):
    """A list of favourites with the actions on the selected one.

    Signals:
        start_requested(str): the user chose a favourite to start (its id).
    """

    start_requested = Signal(str)

    def __init__(self, library: RoutineLibrary, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Favourites"))
        self.setAccessibleName(self.tr("Favourites"))
        self._library = library
        self._settings = settings
        self._undo: tuple[str, Favourites] | None = None

        self.list = QListWidget(self)
        self.list.setAccessibleName(self.tr("Saved routines"))
        self.list.setDragDropMode(QListWidget.DragDropMode.InternalMove)
        self.list.model().rowsMoved.connect(self._on_list_rows_moved)
        self.list.itemDoubleClicked.connect(self._on_list_item_double_clicked)
        self.empty_label = QLabel(
            self.tr("No favourites yet. Use Routine > Save as favourite, or import a routine file."), self
        )
        self.empty_label.setWordWrap(True)
        self.undo_label = plain_label(self)  # holds the routine's name
        self.undo_button = QPushButton(self.tr("Undo"), self)
        self.undo_button.setAccessibleName(self.tr("Undo the delete"))
        self.undo_button.setToolTip(self.tr("Bring the deleted routine back (Ctrl+Z)"))
        self.undo_button.clicked.connect(self._on_undo_button_clicked)
        undo_row = QHBoxLayout()
        undo_row.addWidget(self.undo_label, 1)
        undo_row.addWidget(self.undo_button)

        self.buttons: dict[str, QPushButton] = {}
        column = QVBoxLayout()
        for key, text, shortcut, tip in (
            ("start", self.tr("Start"), "Return", self.tr("Start this routine")),
            ("star", self.tr("Star"), "Ctrl+T", self.tr("Star or unstar")),
            ("rename", self.tr("Rename…"), "F2", self.tr("Rename")),
            ("duplicate", self.tr("Duplicate"), "Ctrl+D", self.tr("Make a copy")),
            ("delete", self.tr("Delete"), "Delete", self.tr("Delete (you can undo)")),
            ("up", self.tr("Move up"), "Ctrl+Up", self.tr("Move up the list")),
            ("down", self.tr("Move down"), "Ctrl+Down", self.tr("Move down the list")),
        ):
            button = QPushButton(text, self)
            button.setAccessibleName(text.rstrip("…"))
            button.setToolTip(f"{tip} ({QKeySequence(shortcut).toString(QKeySequence.SequenceFormat.NativeText)})")
            button.setAutoDefault(False)
            QShortcut(QKeySequence(shortcut), self).activated.connect(button.click)
            column.addWidget(button)
            self.buttons[key] = button
        column.addStretch(1)
        self.buttons["start"].clicked.connect(self._on_start_button_clicked)
        self.buttons["star"].clicked.connect(self._on_star_button_clicked)
        self.buttons["rename"].clicked.connect(self._on_rename_button_clicked)
        self.buttons["duplicate"].clicked.connect(self._on_duplicate_button_clicked)
        self.buttons["delete"].clicked.connect(self._on_delete_button_clicked)
        self.buttons["up"].clicked.connect(self._on_up_button_clicked)
        self.buttons["down"].clicked.connect(self._on_down_button_clicked)
        QShortcut(QKeySequence.StandardKey.Undo, self).activated.connect(self._on_undo_button_clicked)

        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(self.list, 1)
        row.addLayout(column)
        layout = QVBoxLayout(self)
        layout.addWidget(self.empty_label)
        layout.addLayout(row, 1)
        layout.addLayout(undo_row)
        layout.addWidget(close)
        resize_to_fit(self, 560, 420)

        self._renamed: dict[str, str] = {}  # ours under new ids (see _on_library_renamed), for the next refresh
        stop_renames = library.renamed.connect(self._on_library_renamed)
        stop_listening = library.changed.connect(self._on_library_changed)
        self.finished.connect(lambda _result: (stop_renames(), stop_listening()))
        self.list.currentRowChanged.connect(self._on_list_current_row_changed)
        self._refresh()

    # -- view --------------------------------------------------------------------------------------

    def selected_id(self) -> str | None:
        item = self.list.currentItem()
        return None if item is None else str(item.data(Qt.ItemDataRole.UserRole))

    def _on_library_renamed(self, renamed: dict[str, str]) -> None:
        """Another program saved a favourite under the id one of ours had: the selection follows ours."""
        self._renamed = renamed

    def _on_library_changed(self, favourites: Favourites) -> None:
        self._refresh()

    def _refresh(self) -> None:
        selected = self.selected_id()
        selected, self._renamed = self._renamed.get(selected or "", selected), {}
        self.list.blockSignals(True)
        self.list.clear()
        for fav in self._library.favourites.items:
            try:
                length = clock(build_plan(fav.routine, self._settings).total_s)
            except PlanError:  # a routine whose every area is skipped is still listed
                length = self.tr("all skipped")
            item = QListWidgetItem(f"{'★ ' if fav.starred else ''}{fav.routine.name}   ({length})", self.list)
            item.setData(Qt.ItemDataRole.UserRole, fav.id)
            if fav.id == selected:
                self.list.setCurrentItem(item)
        if self.list.currentItem() is None and self.list.count():
            self.list.setCurrentRow(0)
        self.list.blockSignals(False)
        self.empty_label.setVisible(self.list.count() == 0)
        self._update_buttons()

    def _update_buttons(self) -> None:
        fav_id = self.selected_id()
        row = self.list.currentRow()
        for button in self.buttons.values():
            button.setEnabled(fav_id is not None)
        self.buttons["up"].setEnabled(fav_id is not None and row > 0)
        self.buttons["down"].setEnabled(fav_id is not None and row < self.list.count() - 1)
        if fav_id is not None:
            starred = self._library.favourites.get(fav_id).starred
            self.buttons["star"].setText(self.tr("Unstar") if starred else self.tr("Star"))
        self.undo_label.setVisible(self._undo is not None)
        self.undo_button.setVisible(self._undo is not None)

    # -- slots -------------------------------------------------------------------------------------

    @Slot(int)
    def _on_list_current_row_changed(self, row: int) -> None:
        self._update_buttons()

    @Slot(QListWidgetItem)
    def _on_list_item_double_clicked(self, item: QListWidgetItem) -> None:
        self._on_start_button_clicked()

    @Slot()
    def _on_start_button_clicked(self) -> None:
        fav_id = self.selected_id()
        if fav_id is not None:
            self.start_requested.emit(fav_id)
            self.accept()

    @Slot()
    def _on_star_button_clicked(self) -> None:
        fav_id = self.selected_id()
        if fav_id is not None:
            self._library.star(fav_id, not self._library.favourites.get(fav_id).starred)

    @Slot()
    def _on_rename_button_clicked(self) -> None:
        fav_id = self.selected_id()
        if fav_id is None:
            return
        current = self._library.favourites.get(fav_id).routine.name
        name = ask_name(self, self.tr("Rename"), self.tr("New name:"), current)
        if name is not None:
            self._library.rename(fav_id, name)

    @Slot()
    def _on_duplicate_button_clicked(self) -> None:
        fav_id = self.selected_id()
        if fav_id is not None:
            new_id = self._library.duplicate(fav_id)
            self._select(new_id)

    @Slot()
    def _on_delete_button_clicked(self) -> None:
        fav_id = self.selected_id()
        if fav_id is None:
            return
        name = self._library.favourites.get(fav_id).routine.name
        self._undo = (fav_id, self._library.delete(fav_id))
        self.undo_label.setText(self.tr("Deleted “{name}”.").format(name=name))
        self._update_buttons()

    @Slot()
    def _on_undo_button_clicked(self) -> None:
        if self._undo is None:
            return
        fav_id, before = self._undo
        self._undo = None
        self._library.restore(before)
        self._select(fav_id)

    @Slot()
    def _on_up_button_clicked(self) -> None:
        self._move(-1)

    @Slot()
    def _on_down_button_clicked(self) -> None:
        self._move(1)

    def _move(self, delta: int) -> None:
        fav_id = self.selected_id()
        if fav_id is not None:
            self._library.move(fav_id, self.list.currentRow() + delta)
            self._select(fav_id)

    def _select(self, fav_id: str) -> None:
        for row in range(self.list.count()):
            if self.list.item(row).data(Qt.ItemDataRole.UserRole) == fav_id:
                self.list.setCurrentRow(row)
                return

    @Slot()
    def _on_list_rows_moved(self) -> None:
        """Drag and drop reordered the list: make the library's order match."""
        order = [str(self.list.item(r).data(Qt.ItemDataRole.UserRole)) for r in range(self.list.count())]
        fav_id = self.selected_id()
        favourites = self._library.favourites
        for index, item_id in enumerate(order):
            favourites = favourites.move(item_id, index)
        self._library.restore(favourites)
        if fav_id is not None:
            self._select(fav_id)
