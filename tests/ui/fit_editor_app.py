"""Opens the routine editor in the language given as the first argument, with the left neck side treated (its
warnings and added steps), on a built-in and on a favourite (three buttons), then prints as JSON the screen's
free area, each editor's frame and the words it cuts off at any step (run by test_screen_fit.py on a small
screen)."""

from __future__ import annotations

import json
import sys

from PySide6.QtCore import QRect
from PySide6.QtWidgets import QAbstractButton, QComboBox, QLabel, QWidget

from massage_gui.core.library import builtin_routines
from massage_gui.core.settings import Settings
from massage_gui.ui import i18n
from massage_gui.ui.app import create_application
from massage_gui.ui.routine_editor import RoutineEditor
from massage_gui.ui.theme import Theme


def _rect(r: QRect) -> list[int]:
    return [r.x(), r.y(), r.width(), r.height()]


def cut_off(editor: RoutineEditor) -> list[str]:
    """The shown words that do not fit their widget, or that lie outside the editor."""
    found = []
    inside = editor.rect()
    widgets: list[QWidget] = [*editor.findChildren(QLabel), *editor.findChildren(QAbstractButton)]
    widgets += editor.findChildren(QComboBox)
    for widget in widgets:
        if not widget.isVisible() or editor.preview.isAncestorOf(widget):
            continue
        name = widget.text() if isinstance(widget, (QLabel, QAbstractButton)) else widget.accessibleName()
        box = QRect(widget.mapTo(editor, widget.rect().topLeft()), widget.size())
        if not inside.contains(box):
            found.append(f"outside: {name}")
        elif isinstance(widget, QLabel) and widget.wordWrap():
            if widget.height() < widget.heightForWidth(widget.width()):
                found.append(f"too low: {name}")
        elif widget.width() < widget.sizeHint().width():
            found.append(f"too narrow: {name}")
    return found


def main() -> None:
    app = create_application()
    i18n.install_translator(app, sys.argv[1])
    settings = Settings(safety_confirmed=True, treated_side="left", pace_s=1.75)
    routines = {e.id: e.routine for e in builtin_routines()}
    editors = {
        "built-in": RoutineEditor(routines["quick"], settings, Theme.light()),
        "favourite": RoutineEditor(routines["thorough"], settings, Theme.light(), favourite=True),
    }
    found: dict[str, object] = {"available": _rect(app.primaryScreen().availableGeometry())}
    for name, editor in editors.items():
        editor.show()
        app.processEvents()
        words: list[str] = []
        for row in range(editor.step_list.count()):  # each step shows its own fields and words
            editor.step_list.setCurrentRow(row)
            app.processEvents()
            words += [f"step {row + 1}: {what}" for what in cut_off(editor)]
        found[name] = {"frame": _rect(editor.frameGeometry()), "cut_off": words}
        editor.close()
    print(json.dumps(found))


if __name__ == "__main__":
    main()
