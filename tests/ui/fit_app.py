"""Opens the main window (restoring a size saved on a bigger screen), the routine editor, Preferences, the
safety screen, the history, the diary, the favourites and About the routines, then prints their frames and
the screen's free area as JSON (run by test_screen_fit.py on a small screen)."""

from __future__ import annotations

import json
import os
from pathlib import Path

from PySide6.QtCore import QRect

from massage_gui.core.app_state import AppState
from massage_gui.core.history import HistoryStore
from massage_gui.core.settings import Settings
from massage_gui.ui.about_routines import AboutRoutinesDialog
from massage_gui.ui.app import create_application
from massage_gui.ui.diary_dialog import DiaryDialog
from massage_gui.ui.favourites_dialog import FavouritesDialog
from massage_gui.ui.history_view import HistoryView
from massage_gui.ui.main_window import MainWindow
from massage_gui.ui.preferences_dialog import PreferencesDialog
from massage_gui.ui.routine_editor import RoutineEditor
from massage_gui.ui.safety_dialog import SafetyDialog
from massage_gui.ui.theme import Theme


def _rect(r: QRect) -> list[int]:
    return [r.x(), r.y(), r.width(), r.height()]


def main() -> None:
    app = create_application()
    state = AppState(Settings(safety_confirmed=True, last_routine="standard"))
    big = MainWindow(state)
    big.setGeometry(200, 150, 1900, 1300)  # as saved on a larger screen
    saved = big.saveGeometry()
    window = MainWindow(state)
    window.restore_saved_geometry(saved)
    window.show()
    editor = RoutineEditor(state.plan.routine, state.settings, Theme.light(), window)
    editor.show()
    preferences = PreferencesDialog(state.settings, window)
    preferences.show()
    store, _ = HistoryStore.open(Path(os.environ["MASSAGE_GUI_HOME"]) / "history.sqlite3")
    others = {
        "safety": SafetyDialog(window, confirm=True),
        "history": HistoryView(store, Theme.light(), window),
        "diary": DiaryDialog(lambda values: None, window, after_session=True),
        "favourites": FavouritesDialog(state.library, state.settings, window),
        "about": AboutRoutinesDialog(window),
    }
    for dialog in others.values():
        dialog.show()
    app.processEvents()
    frames = {name: _rect(dialog.frameGeometry()) for name, dialog in others.items()}
    print(
        json.dumps(
            {
                "available": _rect(app.primaryScreen().availableGeometry()),
                "window": _rect(window.frameGeometry()),
                "editor": _rect(editor.frameGeometry()),
                "preferences": _rect(preferences.frameGeometry()),
                **frames,
            }
        )
    )
    for widget in (*others.values(), preferences, editor, window, big):
        widget.close()
    store.close()


if __name__ == "__main__":
    main()
