"""Names for screen readers: every control has one (its words on screen, else its tooltip), and a label's name
is what it shows, with its role in the description.

A control with no accessible name is announced by its role alone ("check box"); a label given an accessible
name is announced by that name instead of its words ("Area" where the screen says "Cheeks"). Qt already
gives a QLabel with no accessible name its text as the name, and tells screen readers each time the text
changes: ``describe_label`` relies on that.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel, QWidget

if TYPE_CHECKING:
    from PySide6.QtWidgets import QAbstractButton, QComboBox, QLineEdit

# Known by class name (QObject.inherits), not by isinstance: each Qt class named in Python has PySide build its
# type, and most of these are on no window at start (0.2 MiB at the first frame, measured).
CONTROL_CLASSES = (
    "QAbstractButton",
    "QAbstractItemView",
    "QAbstractSlider",
    "QAbstractSpinBox",
    "QComboBox",
    "QLineEdit",
    "QPlainTextEdit",
    "QTabBar",
    "QTextEdit",
)


def _qt_part_name(widget: QWidget) -> str:
    """Names for the buttons Qt adds by itself, which have neither words nor a tooltip."""
    parts = {
        "qt_toolbar_ext_button": QCoreApplication.translate("Accessibility", "More tools"),
        "qt_menubar_ext_button": QCoreApplication.translate("Accessibility", "More menus"),
    }
    return parts.get(widget.objectName(), "")


def _without_mnemonic(text: str) -> str:
    """'&Start' -> 'Start', 'Fish && chips' -> 'Fish & chips'."""
    return re.sub(r"&(.)", r"\1", text)


def spoken_name(widget: QWidget) -> str:
    """What a screen reader should call a control that has no accessible name: its words on screen (the
    text of a button or of a combo box's current item), else its tooltip; '' when it has neither."""
    words = ""
    if widget.inherits("QAbstractButton"):
        words = _without_mnemonic(cast("QAbstractButton", widget).text())
    elif widget.inherits("QComboBox"):
        words = cast("QComboBox", widget).currentText()
    elif widget.inherits("QLineEdit"):
        words = cast("QLineEdit", widget).placeholderText()
    words = words.strip() or widget.toolTip().strip() or _qt_part_name(widget)
    return " ".join(words.split())


def name_unnamed_controls(root: QWidget) -> list[QWidget]:
    """Gives every control under ``root`` (and ``root`` itself) that has no accessible name its spoken name.
    Returns the controls it named. Safe to call again, for example after building a dialog; a control
    with nothing to go by is left as it is."""
    named: list[QWidget] = []
    for widget in [root, *root.findChildren(QWidget)]:
        if not any(widget.inherits(name) for name in CONTROL_CLASSES) or widget.accessibleName():
            continue
        parent = widget.parent()
        if parent is not None and parent.inherits("QComboBox"):
            continue  # a combo box's own line edit or list: the combo box carries the name
        name = spoken_name(widget)
        if name:
            widget.setAccessibleName(name)
            named.append(widget)
    return named


def describe_label(label: QLabel, role: str) -> None:
    """A label read by its words: ``role`` ("Area", "Caution") goes in the description, and the name is
    left to Qt, which uses the label's text and announces each change of it."""
    label.setAccessibleName("")
    label.setAccessibleDescription(role)
