"""The main window's dialogs: preferences, safety, favourites, the routine editor, history, import and export.

Each is built when first asked for (off the start-up path) and sends what the user chose to the state.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import TYPE_CHECKING, Protocol, runtime_checkable

from PySide6.QtCore import QObject, Qt, Slot

from massage_gui import __version__
from massage_gui.core.errors import MassageError, RoutineError
from massage_gui.core.favourites import slugify
from massage_gui.core.routing import without_skipped
from massage_gui.ui.plain_text import as_written

if TYPE_CHECKING:
    from massage_gui.core.diary_draft import DiaryDraft
    from massage_gui.core.history import HistoryStore
    from massage_gui.ui.diary_dialog import DiaryDialog
    from massage_gui.ui.history_recorder import HistoryRecorderBridge
    from massage_gui.ui.main_window import MainWindow
    from massage_gui.ui.safety_dialog import SafetyDialog


@runtime_checkable
class Unsaved(Protocol):
    """A dialog that may hold what the user typed and has not saved (the diary, the routine editor): its
    ``reject`` asks before throwing that away, and leaves the dialog open when the user says no."""

    def is_modified(self) -> bool: ...

    def reject(self) -> None: ...


def settle_unsaved() -> bool:
    """Before the app quits: each open dialog holding what the user typed and has not saved comes to the front
    and asks, as its Cancel does, whether to throw it away. False when the user keeps it (the app must stay
    then); True when nothing unsaved is left open."""
    from PySide6.QtWidgets import QApplication, QDialog

    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, QDialog) and isinstance(widget, Unsaved) and widget.isVisible() and widget.is_modified():
            widget.raise_()
            widget.activateWindow()
            widget.reject()
            if widget.isVisible():
                return False
    return True


class WindowDialogs(QObject):
    """Opens each dialog for the main window; the window's actions call these."""

    def __init__(self, window: MainWindow, history: HistoryStore | None = None) -> None:
        super().__init__(window)
        self._window = window
        self._state = window.state
        self.history = history  # the session log; None where no log is kept (pictures, tests)
        self.history_bridge: HistoryRecorderBridge | None = None
        self.safety_dialog: SafetyDialog | None = None
        self.diary_dialog: DiaryDialog | None = None  # the diary offered after the last session
        self._diary_session: int | None = None  # the session it follows

    # -- safety ------------------------------------------------------------------------------------

    def show_safety_if_needed(self) -> None:
        """Until the user confirms it once, the safety screen comes first (and sessions stay locked)."""
        if not self._state.session_locked:
            return
        if self.safety_dialog is not None and self.safety_dialog.isVisible():
            self.safety_dialog.raise_()
            return
        from massage_gui.ui.safety_dialog import SafetyDialog

        dialog = SafetyDialog(self._window, confirm=True, treated_side=self._state.settings.treated_side)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.accepted.connect(self._on_safety_dialog_accepted)
        dialog.addAction(self._window.window_actions.quit)  # its window holds the keys: Quit still quits
        self.safety_dialog = dialog
        dialog.open()

    @Slot()
    def _on_safety_dialog_accepted(self) -> None:
        treated = self.safety_dialog.treated_side() if self.safety_dialog is not None else None
        self._state.confirm_safety(treated)

    def open_safety(self) -> None:
        if self._state.session_locked:
            self.show_safety_if_needed()
            return
        from massage_gui.ui.safety_dialog import SafetyDialog

        SafetyDialog(self._window, confirm=False).exec()

    def open_about_routines(self) -> None:
        from massage_gui.ui.about_routines import AboutRoutinesDialog

        AboutRoutinesDialog(self._window).exec()

    def open_about(self) -> None:
        from PySide6.QtWidgets import QMessageBox  # Qt's dialogs are made in Python when first used, off the start

        QMessageBox.about(
            self._window,
            self.tr("About"),
            f"<b>massage-gui {__version__}</b>"
            + self.tr(
                "<p>A pacing and memory aid for the gentle self-lymphatic drainage "
                "of the face and neck that lymphoedema therapists teach. It is not a treatment and does not "
                "replace your therapist. It makes no claim about skin oil, toxins, immunity or any other effect: "
                "any effect on puffiness is likely small and short-lived.</p>"
                "<p>Everything stays on this computer. Licensed under the GNU GPL, version 3 or later.</p>"
            ),
        )

    # -- settings ----------------------------------------------------------------------------------

    def open_preferences(self) -> None:
        from massage_gui.ui.preferences_dialog import PreferencesDialog  # built on demand, off the start-up path

        player = self._window.hands_free.player
        player.prepare(everything=True)  # the voices to choose from, and why a cue is silent
        statuses = {"sound": player.sound_status, "voice": player.voice_status}
        routines = [(entry.id, entry.routine.name) for entry in self._state.library.entries()]
        dialog = PreferencesDialog(
            self._state.settings, self._window, statuses=statuses, voices=player.voices(), routines=routines
        )

        def show_statuses() -> None:  # the sound or speech server answered while the dialog is open
            dialog.set_status("sound", player.sound_status)
            dialog.set_status("voice", player.voice_status)

        player.status_changed.connect(show_statuses)
        try:
            accepted = dialog.exec()
        finally:
            player.status_changed.disconnect(show_statuses)
        if accepted:
            self._state.apply_settings(dialog.result_settings())

    # -- routines ----------------------------------------------------------------------------------

    def save_favourite(self) -> None:
        """Saves the routine as it is shown: skipped areas and sides are left out of the saved steps."""
        from massage_gui.ui.name_prompt import ask_name  # off the start-up path, as the dialogs are

        state = self._state
        routine = without_skipped(state.plan.routine, state.settings.skipped_areas) or state.plan.routine
        if state.library.is_favourite(state.routine_id):
            suggested = self.tr("{name} (copy)").format(name=routine.name)
        else:
            suggested = self.tr("{name} (my version)").format(name=routine.name)
        label = self.tr("Name:")
        if routine.steps != state.plan.routine.steps:
            label = self.tr("Name (the areas you skip are left out of it):")
        name = ask_name(self._window, self.tr("Save as favourite"), label, suggested)
        if name is not None:
            state.select_routine(state.library.save_as(dataclasses.replace(routine, name=name)))

    def edit_routine(self) -> None:
        from massage_gui.ui.routine_editor import RoutineEditor  # built on demand, off the start-up path

        state = self._state
        routine_id = state.routine_id
        favourite = state.library.is_favourite(routine_id)
        editor = RoutineEditor(
            state.plan.routine, state.settings, self._window.theme, self._window, favourite=favourite
        )
        if not editor.exec():
            return
        edited = editor.routine()
        if editor.saves_as_new():  # a built-in stays as shipped; a favourite kept as it was
            state.select_routine(state.library.save_as(edited))
        else:
            state.library.update(routine_id, edited)
            state.select_routine(routine_id)

    def open_favourites(self) -> None:
        from massage_gui.ui.favourites_dialog import FavouritesDialog

        dialog = FavouritesDialog(self._state.library, self._state.settings, self._window)
        dialog.start_requested.connect(self._on_favourites_dialog_start_requested)
        dialog.exec()

    @Slot(str)
    def _on_favourites_dialog_start_requested(self, fav_id: str) -> None:
        self._state.select_routine(fav_id)
        self._state.start()

    def import_routine(self) -> None:
        from PySide6.QtWidgets import QFileDialog, QMessageBox

        path, _ = QFileDialog.getOpenFileName(
            self._window, self.tr("Import a routine"), "", self.tr("Routine files (*.json)")
        )
        if not path:
            return
        try:
            fav_id = self._state.library.import_file(Path(path))
        except RoutineError as exc:
            message = f"{Path(path).name}: {exc.for_people}" if exc.for_people else str(exc)
            QMessageBox.warning(self._window, self.tr("Cannot import"), as_written(message))
            return
        except MassageError as exc:
            QMessageBox.warning(self._window, self.tr("Cannot import"), as_written(str(exc)))
            return
        self._state.select_routine(fav_id)
        self._window.set_notice(
            self.tr("Imported “{name}” into your favourites.").format(name=self._state.plan.routine.name)
        )

    def export_routine(self) -> None:
        routine = self._state.plan.routine
        suggested = f"{slugify(routine.name)}.json"
        from PySide6.QtWidgets import QFileDialog, QMessageBox

        path, _ = QFileDialog.getSaveFileName(
            self._window, self.tr("Export the routine"), suggested, self.tr("Routine files (*.json)")
        )
        if not path:
            return
        try:
            self._state.library.export(routine, Path(path))
        except MassageError as exc:
            QMessageBox.warning(self._window, self.tr("Cannot export"), as_written(str(exc)))

    # -- history -----------------------------------------------------------------------------------

    @Slot(int)
    def offer_diary(self, session_id: int) -> None:
        """After a session (one that ran to the end, or lasted two minutes): the diary, which Esc skips."""
        history = self.history
        record = history.get(session_id) if history is not None and history.writable else None
        if history is None or record is None or not history.has_diary:
            return
        from massage_gui.ui.diary_dialog import diary_dialog_for, worth_a_diary_entry

        if not worth_a_diary_entry(record):
            return
        self._open_diary(diary_dialog_for(history, self._window, session_id=session_id), session_id)

    def reopen_diary(self, draft: DiaryDraft) -> DiaryDialog | None:
        """The diary again, holding what was typed in it when the app was made to quit; None where no log is
        kept (it then stays a draft). The session it followed is named again if the log still has it."""
        history = self.history
        if history is None or not history.writable or not history.has_diary:
            return None
        from massage_gui.ui.diary_dialog import diary_dialog_for

        known = draft.session_id is not None and history.get(draft.session_id) is not None
        session_id = draft.session_id if known else None
        dialog = diary_dialog_for(history, self._window, session_id=session_id)
        dialog.restore(draft)
        self._open_diary(dialog, session_id)
        return dialog

    def diary_draft(self) -> DiaryDraft | None:
        """What the diary offered after a session holds unsaved, as typed; None when nothing is."""
        dialog = self.diary_dialog
        if dialog is None or not dialog.isVisible() or not dialog.is_new or not dialog.is_modified():
            return None  # (a dialog just closed lingers until its deletion)
        return dialog.draft(self._diary_session)

    def _open_diary(self, dialog: DiaryDialog, session_id: int | None) -> None:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        self.diary_dialog, self._diary_session = dialog, session_id
        dialog.destroyed.connect(self._on_diary_dialog_destroyed)  # deleted on close: no stale reference
        dialog.open()

    @Slot()
    def _on_diary_dialog_destroyed(self) -> None:
        self.diary_dialog = None

    def open_history(self) -> None:
        if self.history is None:
            self._window.set_notice(self.tr("No session log is kept in this window."))
            return
        from massage_gui.ui.history_view import HistoryView  # pyqtgraph loads here, not at start-up

        view = HistoryView(self.history, self._window.theme, self._window)
        view.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        if self.history_bridge is not None:
            self.history_bridge.session_recorded.connect(view.refresh)
        view.show()
