"""Opens every view that shows a routine's name, cue or a file's error with a hostile name, headless, and exits.

    python tests/ui/hostile_app.py NAME VIEW...

VIEW is any of window, session, compact, import_error, favourites, editor, editor_tooltips, history,
tooltips (every tooltip of the views opened before, but the editor, that holds the name, shown the way a hover
shows it; editor_tooltips does that for the routine editor). Each view is shown and painted.
Prints one line of JSON, {"shown": NAME, "views": [VIEW...]}, and exits 0; a name that Qt takes for rich
text such as ``<img src=/dev/zero>`` would instead make it read without end and abort.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import QModelIndex, QPoint, Qt  # noqa: E402
from PySide6.QtWidgets import (  # noqa: E402
    QAbstractItemView,
    QApplication,
    QComboBox,
    QMessageBox,
    QToolTip,
    QWidget,
)

from massage_gui.core.app_state import AppState  # noqa: E402
from massage_gui.core.history.store import HistoryStore  # noqa: E402
from massage_gui.core.routine import MAX_CUE, Routine, Step  # noqa: E402
from massage_gui.core.routine_library import RoutineLibrary  # noqa: E402
from massage_gui.core.settings import Settings  # noqa: E402
from massage_gui.ui.app import create_application  # noqa: E402
from tests.core.history.helpers import make_record  # noqa: E402
from tests.fake_clock import FakeClock  # noqa: E402


def paint(app: QApplication, widget: QWidget) -> None:
    widget.show()
    app.processEvents()
    widget.grab()


def tooltips(widget: QWidget, name: str) -> list[str]:
    """Every tooltip under ``widget`` (widgets and item views) that holds ``name``."""
    found = [w.toolTip() for w in [widget, *widget.findChildren(QWidget)] if name in w.toolTip()]
    for view in widget.findChildren(QWidget):
        if not isinstance(view, (QAbstractItemView, QComboBox)):
            continue
        model = view.model()
        try:
            columns = max(1, model.columnCount(QModelIndex()))
        except TypeError:
            columns = 1
        for row in range(model.rowCount(QModelIndex())):
            for column in range(columns):
                tip = model.data(model.index(row, column), Qt.ItemDataRole.ToolTipRole)
                if isinstance(tip, str) and name in tip:
                    found.append(tip)
    return found


def hover(app: QApplication, widget: QWidget, tips: list[str]) -> None:
    for tip in tips:
        QToolTip.showText(widget.mapToGlobal(QPoint(10, 10)), tip, widget)
        app.processEvents()
        QToolTip.hideText()


def main() -> int:
    name, views = sys.argv[1], sys.argv[2:]
    app = create_application()
    from massage_gui.ui.main_window import MainWindow

    routine = Routine(
        name=name,
        description=f"About {name}",
        steps=(
            Step("breathing", "breath", 2, cue=name[:MAX_CUE]),
            Step("cheeks", "stretch", 3, toward="submandibular", cue=name[:MAX_CUE]),
        ),
    )
    clock = FakeClock(100.0)
    library = RoutineLibrary()
    fav_id = library.save_as(routine)
    state = AppState(Settings(safety_confirmed=True, sound=False, voice=False), library, clock=clock)
    state.select_routine(fav_id)
    window = MainWindow(state)
    opened: dict[str, QWidget] = {"window": window}
    done: list[str] = []
    for view in views:
        if view == "window":
            paint(app, window)
        elif view == "session":
            paint(app, window)
            state.start()
            for _ in range(80):
                clock.advance(0.25)
                window.ticker.tick_timer.timeout.emit()
                app.processEvents()
            window.grab()
        elif view == "compact":
            window.set_compact(True)
            assert window.compact_window is not None
            paint(app, window.compact_window)
            window.set_compact(False)
        elif view == "import_error":
            import_error(app, window, name)
        elif view == "favourites":
            from massage_gui.ui.favourites_dialog import FavouritesDialog

            dialog = FavouritesDialog(library, state.settings, window)
            paint(app, dialog)
            dialog.buttons["delete"].click()
            paint(app, dialog)
            opened[view] = dialog
        elif view in ("editor", "editor_tooltips"):
            from massage_gui.ui.routine_editor import RoutineEditor

            # Not the window's child: its step rows' tooltips are not yet plain, editor_tooltips hovers them.
            editor = RoutineEditor(routine, state.settings, window.theme, None, favourite=True)
            paint(app, editor)
            if view == "editor_tooltips":
                hover(app, editor, tooltips(editor, name))
            editor.close()
        elif view == "history":
            opened[view] = history_view(app, name)
        elif view == "tooltips":
            for widget in opened.values():
                hover(app, widget, tooltips(widget, name))
        else:
            raise SystemExit(f"unknown view {view!r}")
        done.append(view)
    print(json.dumps({"shown": name, "views": done}))
    return 0


def import_error(app: QApplication, window: Any, name: str) -> None:
    """Import a file whose error quotes the name, with the message box shown as QMessageBox.warning shows it."""
    import tempfile

    from PySide6.QtWidgets import QFileDialog

    folder = Path(tempfile.mkdtemp())
    path = folder / "routine.json"
    step = {"area": name, "stroke": "stretch", "reps": 2, "toward": "submandibular"}
    path.write_text(json.dumps({"schema": "massage-gui/routine", "version": 1, "name": "Imported", "steps": [step]}))

    def warning(parent: QWidget, title: str, text: str, *args: object) -> QMessageBox.StandardButton:
        box = QMessageBox(QMessageBox.Icon.Warning, title, text, QMessageBox.StandardButton.Ok, parent)
        paint(app, box)  # the static function's own format: guessed from the text
        box.close()
        return QMessageBox.StandardButton.Ok

    QMessageBox.warning = warning  # type: ignore[method-assign]
    QFileDialog.getOpenFileName = lambda *a, **k: (str(path), "")  # type: ignore[method-assign]
    window.window_actions.import_routine.trigger()


def history_view(app: QApplication, name: str) -> QWidget:
    """The history with one session of the routine (its name in the table, the totals and their tooltips)."""
    import tempfile

    from massage_gui.ui.history_view import HistoryView
    from massage_gui.ui.theme import Theme

    store, _ = HistoryStore.open(Path(tempfile.mkdtemp()) / "history.sqlite3")
    store.add_session(make_record(routine_id="fav-hostile", routine_name=name))
    view = HistoryView(store, Theme.light())
    paint(app, view)
    return view


if __name__ == "__main__":
    sys.exit(main())
