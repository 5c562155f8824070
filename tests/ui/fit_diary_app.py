"""Opens the swelling diary after a session in the language given as the first argument (the last entry's
measurements as hints), then prints as JSON the screen's free area, the dialog's frame, its inside, the height
it asks for and what it squeezes: an input, a button or the drawing lower than it asks for, words that do not
fit their label or field, anything outside the dialog and outside what it scrolls (run by test_screen_fit.py)."""

from __future__ import annotations

import json
import sys

from PySide6.QtCore import QRect
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSlider,
    QAbstractSpinBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QScrollArea,
    QWidget,
)

from massage_gui.core.diary import check_values, new_entry
from massage_gui.ui import i18n
from massage_gui.ui.app import create_application
from massage_gui.ui.diary_dialog import DiaryDialog
from massage_gui.ui.measure_diagram import MeasureDiagram


def _rect(r: QRect) -> list[int]:
    return [r.x(), r.y(), r.width(), r.height()]


def _name(widget: QWidget) -> str:
    if isinstance(widget, (QLabel, QAbstractButton)) and widget.text():
        return widget.text()[:40]
    return widget.accessibleName() or widget.objectName() or type(widget).__name__


def squeezed(dialog: DiaryDialog) -> list[str]:
    """What the dialog shows smaller than it needs, or where it cannot be seen or scrolled to."""
    found = []
    scrolled = [area.widget() for area in dialog.findChildren(QScrollArea)]
    inputs = (QLineEdit, QAbstractSpinBox, QAbstractSlider, QPlainTextEdit, QAbstractButton, MeasureDiagram)
    widgets = [w for w in dialog.findChildren(QWidget) if isinstance(w, (*inputs, QLabel))]
    for widget in widgets:
        if not widget.isVisible() or isinstance(widget.parent(), QAbstractSpinBox):
            continue  # a spin box's own line edit goes with it
        name = _name(widget)
        inside = next((s for s in scrolled if s.isAncestorOf(widget)), dialog)
        box = QRect(widget.mapTo(inside, widget.rect().topLeft()), widget.size())
        if not inside.rect().contains(box):
            found.append(f"outside: {name} {_rect(box)} in {_rect(inside.rect())}")
        if isinstance(widget, QLabel):
            wanted = widget.heightForWidth(widget.width()) if widget.wordWrap() else widget.sizeHint().height()
            if widget.height() < wanted or (not widget.wordWrap() and widget.width() < widget.sizeHint().width()):
                found.append(f"cut off: {name} {widget.width()}x{widget.height()}, needs {wanted} high")
            continue
        if isinstance(widget, MeasureDiagram):
            hint = widget.minimumSize()  # the drawing scales down to that
        else:
            hint = widget.sizeHint().boundedTo(widget.maximumSize()).expandedTo(widget.minimumSize())
        if widget.height() < hint.height():
            found.append(f"too low: {name} {widget.height()} < {hint.height()}")
        if isinstance(widget, QLineEdit) and widget.placeholderText():
            needs = widget.fontMetrics().horizontalAdvance(widget.placeholderText()) + 8  # its frame and margins
            if widget.width() < needs:
                found.append(f"hint cut off: {widget.placeholderText()} {widget.width()} < {needs}")
    return found


def main() -> None:
    app = create_application()
    i18n.install_translator(app, sys.argv[1])
    measured = {"neck": "38.5", "ear_to_ear": "30", "mouth_left": "11", "mouth_right": "12.5"}
    last = new_entry(check_values(3, 4, measured), "2024-06-03T19:45:00+00:00", 0)
    dialog = DiaryDialog(lambda values: None, entry=None, last=last, after_session=True)
    dialog.show()
    app.processEvents()
    found = {
        "available": _rect(app.primaryScreen().availableGeometry()),
        "frame": _rect(dialog.frameGeometry()),
        "inner": _rect(dialog.geometry()),
        "wanted": dialog.sizeHint().height(),
        "squeezed": squeezed(dialog),
    }
    print(json.dumps(found))
    dialog.close()


if __name__ == "__main__":
    main()
