"""What a screen reader is told, as Qt hands it over (QAccessibleInterface): labels by their words, with their
role in the description, and every control by a name. test_atspi.py reads the same through AT-SPI."""

from __future__ import annotations

from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QLabel,
    QLineEdit,
    QMainWindow,
    QPlainTextEdit,
    QSlider,
    QToolBar,
    QToolButton,
    QWidget,
)
from pytestqt.qtbot import QtBot

from massage_gui.ui.accessibility import describe_label, name_unnamed_controls
from massage_gui.ui.step_panel import StepPanel
from massage_gui.ui.theme import Theme


def _told(widget: QWidget) -> tuple[str, str]:
    """(name, description) as a screen reader gets them."""
    face = QAccessible.queryAccessibleInterface(widget)
    assert face is not None
    return face.text(QAccessible.Text.Name), face.text(QAccessible.Text.Description)


def test_the_step_panel_labels_are_read_by_their_words(qtbot: QtBot) -> None:
    panel = StepPanel(Theme.light())
    qtbot.addWidget(panel)
    roles = {
        panel.state_label: "Session state",
        panel.area_label: "Area",
        panel.instruction_label: "What to do",
        panel.caution_label: "Caution",
    }
    panel.area_label.setText("Cheeks")
    panel.instruction_label.setText("Stretch the skin toward the angle of the jaw, then let go")
    panel.state_label.setText("STEP 12 OF 20")
    for label, role in roles.items():
        name, description = _told(label)
        assert name == label.text(), f"{role}: a screen reader hears {name!r}, the screen says {label.text()!r}"
        assert description == role
    panel.area_label.setText("Forehead")  # the name follows every change of the words
    assert _told(panel.area_label) == ("Forehead", "Area")


def test_describe_label_puts_the_role_in_the_description(qtbot: QtBot) -> None:
    label = QLabel("Cheeks")
    qtbot.addWidget(label)
    label.setAccessibleName("Area")  # as the step panel did: the role hid the words
    describe_label(label, "Area")
    assert _told(label) == ("Cheeks", "Area")


def test_every_control_gets_a_name_from_its_words_or_tooltip(qtbot: QtBot) -> None:
    window = QMainWindow()
    qtbot.addWidget(window)
    toolbar = QToolBar("Session", window)
    window.addToolBar(toolbar)
    worded = QToolButton(toolbar)
    worded.setText("&Start")
    tipped = QCheckBox(toolbar)
    tipped.setToolTip("Mirror view (M)")
    named = QSlider(toolbar)
    named.setAccessibleName("Pace")
    combo = QComboBox(toolbar)
    combo.addItems(["Quick (5 minutes)", "Standard"])
    bare = QToolButton(toolbar)
    field = QLineEdit(toolbar)
    field.setPlaceholderText("Search routines")
    editable = QComboBox(toolbar)
    editable.setEditable(True)
    editable.addItems(["Neck"])
    for widget in (worded, tipped, named, combo, bare, field, editable):
        toolbar.addWidget(widget)
    notes = QPlainTextEdit(window)
    notes.setToolTip("Notes")
    window.setCentralWidget(notes)
    window.menuBar().addMenu("&Session")
    named_now = name_unnamed_controls(window)
    assert worded.accessibleName() == "Start"
    assert tipped.accessibleName() == "Mirror view (M)"
    assert named.accessibleName() == "Pace"
    assert combo.accessibleName() == "Quick (5 minutes)"
    assert bare.accessibleName() == "", "nothing to go by: no made-up name"
    assert field.accessibleName() == "Search routines"
    assert notes.accessibleName() == "Notes"
    assert editable.accessibleName() == "Neck"
    line = editable.lineEdit()
    assert line is not None
    assert line.accessibleName() == "", "the combo box carries the name, not its own line edit"
    extension = toolbar.findChild(QToolButton, "qt_toolbar_ext_button")
    assert extension is not None
    assert extension.isCheckable(), "AT-SPI shows it as a check box"
    assert _told(extension)[0] == "More tools"
    menus = window.menuBar().findChild(QToolButton, "qt_menubar_ext_button")
    assert menus is not None
    assert _told(menus)[0] == "More menus"
    assert {worded, tipped, combo, extension, menus} <= set(named_now)
    assert named not in named_now
    assert name_unnamed_controls(window) == [], "a second call finds nothing left to name"
