"""Text from files and users shown exactly as written: Qt takes anything that looks like a tag for rich text, and a
routine named ``<img src=/dev/zero>`` would then be rendered (an endless image read, a link, bold words)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QValidator
from PySide6.QtWidgets import QLabel, QWidget

from massage_gui.core.plain_text import without_controls

_AS_WRITTEN = '<p style="white-space:pre-wrap">{}</p>'


def plain_label(parent: QWidget | None = None, text: str = "") -> QLabel:
    """A label that shows its text exactly as written, whatever it holds."""
    label = QLabel(parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setText(text)
    return label


def as_written(text: str) -> str:
    """``text`` escaped into rich text that shows exactly ``text`` (spaces and line breaks kept), for the
    places that guess the format and have no plain setting: tooltips and QMessageBox's static functions.
    An empty text stays empty (no tooltip)."""
    # html.escape(text, quote=False), without the HTML module and its entity table at start
    escaped = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return _AS_WRITTEN.format(escaped) if text else ""


def menu_text(text: str) -> str:
    """``text`` escaped for a button or menu item, which shows it as written: an ampersand would mark the next
    letter as the item's key and vanish (a routine named "Tom & Jerry")."""
    return text.replace("&", "&&")


class WithoutControls(QValidator):
    """For a line of the user's own text (a routine's name, a cue): control characters (pasted escape
    sequences, tabs, bidi overrides) are taken out as they come in, as a routine file may not hold them."""

    def validate(self, text: str, pos: int) -> tuple[QValidator.State, str, int]:
        cleaned = without_controls(text)
        return QValidator.State.Acceptable, cleaned, min(pos, len(cleaned))
