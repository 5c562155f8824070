"""Opens the main window (restoring a size saved on a bigger screen), the routine editor and Preferences,
then prints their frames and the screen's free area as JSON (run by test_screen_fit.py on a small screen)."""

from __future__ import annotations

import json

from PySide6.QtCore import QRect

from massage_gui.core.app_state import AppState
from massage_gui.core.settings import Settings
from massage_gui.ui.app import create_application
from massage_gui.ui.main_window import MainWindow
from massage_gui.ui.preferences_dialog import PreferencesDialog
from massage_gui.ui.routine_editor import RoutineEditor
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
    app.processEvents()
    print(
        json.dumps(
            {
                "available": _rect(app.primaryScreen().availableGeometry()),
                "window": _rect(window.frameGeometry()),
                "editor": _rect(editor.frameGeometry()),
                "preferences": _rect(preferences.frameGeometry()),
            }
        )
    )
    for widget in (preferences, editor, window, big):
        widget.close()


if __name__ == "__main__":
    main()
