"""Asks for a favourite's name; a blank answer brings the question back, saying a name is needed."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QInputDialog, QWidget

from massage_gui.core.routine import MAX_NAME


def ask_name(parent: QWidget, title: str, label: str, text: str) -> str | None:
    """The name typed (trimmed, at most MAX_NAME characters), or None when the user cancels. OK or Enter on a
    blank name does not end the question: it comes back, empty, with the reason above ``label``."""
    asked = label
    while True:
        name, ok = QInputDialog.getText(parent, title, asked, text=text[:MAX_NAME])
        if not ok:
            return None
        name = name.strip()[:MAX_NAME]
        if name:
            return name
        needed = QCoreApplication.translate("NamePrompt", "A favourite needs a name: type one, or Cancel.")
        asked, text = f"{needed}\n\n{label}", ""
