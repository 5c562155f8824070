"""The preferences dialog is built from the settings schema: every field can be set and comes back."""

from __future__ import annotations

import dataclasses

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QComboBox, QDoubleSpinBox, QLabel, QListWidget, QSpinBox
from pytestqt.qtbot import QtBot

from massage_gui.core.settings import Settings
from massage_gui.ui.preferences_dialog import HIDDEN_FIELDS, PreferencesDialog


def test_every_field_has_an_editor_that_round_trips(qtbot: QtBot) -> None:
    dialog = PreferencesDialog(Settings(), voices=["Alice", "Bob"])
    qtbot.addWidget(dialog)
    names = {f.name for f in dataclasses.fields(Settings)} - HIDDEN_FIELDS
    for name in names:
        editor = dialog.editor(name)
        assert editor.accessibleName()
        if isinstance(editor, QCheckBox):
            editor.setChecked(not editor.isChecked())
        elif isinstance(editor, QDoubleSpinBox):
            editor.setValue(editor.maximum())
        elif isinstance(editor, QSpinBox):
            editor.setValue(editor.minimum())
        elif isinstance(editor, QListWidget):
            editor.item(3).setCheckState(Qt.CheckState.Checked)
        elif isinstance(editor, QComboBox):
            editor.setCurrentIndex(editor.count() - 1)
    result = dialog.result_settings()
    default = Settings()
    for name in names:
        assert getattr(result, name) != getattr(default, name), name
    assert result.volume == 0.0
    assert result.pace_s == 4.0
    assert result.voice_name == "Bob"
    assert result.theme == "high_contrast"
    assert result.language == "de"


def test_sound_and_voice_say_why_they_are_off(qtbot: QtBot) -> None:
    statuses = {"sound": "Sound is off: no audio output device was found.", "voice": "Voice is off: no engine."}
    dialog = PreferencesDialog(Settings(), statuses=statuses)
    qtbot.addWidget(dialog)
    assert dialog.findChild(QLabel, "sound_status").text() == statuses["sound"]
    assert dialog.findChild(QLabel, "voice_status").text() == statuses["voice"]
