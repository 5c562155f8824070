"""The preferences dialog is built from the settings schema: every field can be set and comes back, grouped on
pages, in words, and the dialog fits the screen with its buttons in reach."""

from __future__ import annotations

import dataclasses
import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from PySide6.QtCore import QRect, Qt, QTime
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QLabel,
    QListWidget,
    QScrollArea,
    QSlider,
    QSpinBox,
    QWidget,
)
from pytestqt.qtbot import QtBot

from massage_gui.core.anatomy import AREA_IDS
from massage_gui.core.settings import Settings
from massage_gui.ui.main_window import MainWindow
from massage_gui.ui.preferences_dialog import HIDDEN_FIELDS, PreferencesDialog
from massage_gui.ui.reminder_times_editor import ReminderTimesEditor

ROOT = Path(__file__).resolve().parents[2]
SHOWN = [f for f in dataclasses.fields(Settings) if f.name not in HIDDEN_FIELDS]


def test_every_field_has_an_editor_that_round_trips(qtbot: QtBot) -> None:
    dialog = PreferencesDialog(Settings(), voices=["Alice", "Bob"])
    qtbot.addWidget(dialog)
    names = {f.name for f in dataclasses.fields(Settings)} - HIDDEN_FIELDS
    for name in names:
        editor = dialog.editor(name)
        assert editor.accessibleName()
        assert editor.objectName() == name
        if isinstance(editor, QCheckBox):
            editor.setChecked(not editor.isChecked())
        elif isinstance(editor, QDoubleSpinBox):
            editor.setValue(editor.maximum())
        elif isinstance(editor, QSpinBox):
            editor.setValue(editor.minimum())
        elif isinstance(editor, QSlider):
            editor.setValue(editor.maximum())
        elif isinstance(editor, QListWidget):
            editor.item(3).setCheckState(Qt.CheckState.Checked)
        elif isinstance(editor, QComboBox):
            editor.setCurrentIndex(editor.count() - 1)
        elif isinstance(editor, ReminderTimesEditor):
            editor.add_button.click()
    result = dialog.result_settings()
    default = Settings()
    for name in names:
        assert getattr(result, name) != getattr(default, name), name
    assert result.volume == 0.0
    assert result.pace_s == 4.0
    assert result.voice_rate == 0.5
    assert result.voice_name == "Bob"
    assert result.theme == "high_contrast"
    assert result.language == "de"


def _every_field_changed() -> Settings:
    """A value other than the default in every field, several finer than their editor's steps."""
    return dataclasses.replace(
        Settings(),
        pace_s=2.25,  # the toolbar's slider moves by 0.05 s
        breath_s=7.3,
        lead_in_s=12.75,
        transition_s=0.5,
        skipped_areas=frozenset({"nose", "forehead", "cheeks:left"}),  # the left cheek only, clicked on the diagram
        focus_areas=frozenset({"cheeks", "neck_side", "collarbone"}),
        treated_side="right",
        mirror=False,
        reduced_motion=True,
        show_labels=False,
        theme="dark",
        sound=False,
        stroke_ticks=False,
        volume=0.625,
        voice=False,
        voice_rate=-0.25,
        voice_name="Zoë (not installed now)",
        language="de",
        last_routine="evening",
        safety_confirmed=True,
        reminders=True,
        reminder_times=frozenset({"07:15", "21:30=evening"}),
        start_at_login=True,
        reminders_done=frozenset({"2024-06-03 07:15"}),
    ).validated()


def test_an_unchanged_dialog_gives_back_every_value_exactly(qtbot: QtBot) -> None:
    settings = _every_field_changed()
    for f in dataclasses.fields(Settings):
        assert getattr(settings, f.name) != getattr(Settings(), f.name), f.name
    dialog = PreferencesDialog(settings, voices=["Alice"], routines=[("quick", "Quick")])
    qtbot.addWidget(dialog)
    assert dialog.result_settings() == settings


def test_each_field_set_in_its_editor_reads_back(qtbot: QtBot) -> None:
    target = dataclasses.replace(
        _every_field_changed(),
        pace_s=3.4,
        breath_s=9.5,
        lead_in_s=20.0,
        volume=0.35,
        voice_rate=0.3,
        skipped_areas=frozenset({"nose", "forehead"}),
    )
    dialog = PreferencesDialog(Settings(), voices=["Alice", target.voice_name], routines=[("evening", "Evening")])
    qtbot.addWidget(dialog)
    for f in SHOWN:
        value = getattr(target, f.name)
        editor = dialog.editor(f.name)
        if isinstance(editor, QCheckBox):
            editor.setChecked(value)
        elif isinstance(editor, QDoubleSpinBox):
            editor.setValue(value)
        elif isinstance(editor, QSpinBox):
            editor.setValue(round(value * 100))
        elif isinstance(editor, QSlider):
            editor.setValue(round(value * 10))
        elif isinstance(editor, QListWidget):
            for row in range(editor.count()):
                item = editor.item(row)
                checked = item.data(Qt.ItemDataRole.UserRole) in value
                item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
        elif isinstance(editor, ReminderTimesEditor):
            for row, text in enumerate(sorted(value)):
                time_edit, routine, _ = editor.row_widgets(row)
                time_edit.setTime(QTime.fromString(text[:5], "HH:mm"))
                routine.setCurrentIndex(routine.findData(text[6:]))
        else:
            assert isinstance(editor, QComboBox)
            editor.setCurrentIndex(editor.findData(value))
    result = dialog.result_settings()
    for f in SHOWN:
        assert getattr(result, f.name) == getattr(target, f.name), f.name
    assert result.last_routine == Settings().last_routine  # not shown: kept as it was


def test_the_settings_are_grouped_on_pages(qtbot: QtBot) -> None:
    dialog = PreferencesDialog(Settings())
    qtbot.addWidget(dialog)
    titles = [dialog.groups.item(row).text() for row in range(dialog.groups.count())]
    assert titles == ["Session", "Sound and voice", "Display", "Areas", "Reminders"]
    groups = ["session", "sound", "display", "areas", "reminders"]
    for f in SHOWN:
        page = dialog.pages.widget(groups.index(f.metadata["group"]))
        assert page.isAncestorOf(dialog.editor(f.name)), f.name
    assert {f.name for f in dataclasses.fields(Settings) if not f.metadata["group"]} == HIDDEN_FIELDS
    dialog.groups.setCurrentRow(2)
    assert dialog.pages.currentIndex() == 2


def test_area_lists_show_every_area_at_once(qtbot: QtBot) -> None:
    dialog = PreferencesDialog(Settings(), parent=None)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.groups.setCurrentRow(3)
    qtbot.waitExposed(dialog)
    for name in ("skipped_areas", "focus_areas"):
        editor = dialog.editor(name)
        assert isinstance(editor, QListWidget)
        assert editor.count() == len(AREA_IDS)
        viewport = editor.viewport().rect()
        for row in range(editor.count()):
            assert viewport.contains(editor.visualItemRect(editor.item(row))), (name, row)
        assert not editor.verticalScrollBar().isVisible()


def test_an_area_skipped_on_one_side_stays_so(qtbot: QtBot) -> None:
    settings = dataclasses.replace(Settings(), skipped_areas=frozenset({"cheeks:left", "temples:right", "nose"}))
    dialog = PreferencesDialog(settings)
    qtbot.addWidget(dialog)
    skips = dialog.editor("skipped_areas")
    assert isinstance(skips, QListWidget)
    rows = {skips.item(r).data(Qt.ItemDataRole.UserRole): skips.item(r) for r in range(skips.count())}
    assert rows["cheeks"].checkState() == Qt.CheckState.PartiallyChecked
    assert rows["cheeks"].text() == "Cheeks (your left side only)"
    assert rows["temples"].text() == "Temples (your right side only)"
    assert rows["nose"].checkState() == Qt.CheckState.Checked
    rows["chin"].setCheckState(Qt.CheckState.Checked)  # another area ticked: the one-side skips stay
    assert dialog.result_settings().skipped_areas == {"cheeks:left", "temples:right", "nose", "chin"}
    rows["cheeks"].setCheckState(Qt.CheckState.Checked)  # ticked: both cheeks
    assert rows["cheeks"].text() == "Cheeks"
    rows["temples"].setCheckState(Qt.CheckState.Unchecked)  # cleared: neither temple
    assert dialog.result_settings().skipped_areas == {"cheeks", "nose", "chin"}


def test_speaking_rate_reads_in_words(qtbot: QtBot) -> None:
    dialog = PreferencesDialog(Settings())
    qtbot.addWidget(dialog)
    slider = dialog.editor("voice_rate")
    assert isinstance(slider, QSlider)
    row = slider.parentWidget()
    words = {label.text() for label in row.findChildren(QLabel)}
    assert {"slower", "faster"} <= words
    shown = row.findChild(QLabel, "voice_rate_words")
    assert shown.text() == "normal"
    assert slider.value() == 0
    assert (slider.minimum(), slider.maximum()) == (-5, 5)
    slider.setValue(3)
    assert shown.text() == "faster: 3 of 5"
    assert slider.accessibleDescription() == "faster: 3 of 5"
    assert dialog.result_settings().voice_rate == pytest.approx(0.3)
    slider.setValue(-5)
    assert shown.text() == "slower: 5 of 5"
    assert dialog.result_settings().voice_rate == pytest.approx(-0.5)


def test_sound_and_voice_say_why_they_are_off(qtbot: QtBot) -> None:
    statuses = {"sound": "Sound is off: no audio output device was found.", "voice": "Voice is off: no engine."}
    dialog = PreferencesDialog(Settings(), statuses=statuses)
    qtbot.addWidget(dialog)
    assert dialog.findChild(QLabel, "sound_status").text() == statuses["sound"]
    assert dialog.findChild(QLabel, "voice_status").text() == statuses["voice"]


def test_status_notes_are_shown_as_written(qtbot: QtBot) -> None:
    statuses = {"sound": "<b>no</b> device &amp; <img src=/dev/zero>", "voice": "<a href='x'>engine</a> failed"}
    dialog = PreferencesDialog(Settings(), statuses=statuses, voices=["<i>Anna</i>"])
    qtbot.addWidget(dialog)
    for name, text in statuses.items():
        label = dialog.findChild(QLabel, f"{name}_status")
        assert label.textFormat() == Qt.TextFormat.PlainText
        assert label.text() == text
    assert dialog.editor("voice_name").itemText(1) == "<i>Anna</i>"


def _scroll_area_of(widget: QWidget) -> QScrollArea:
    parent = widget.parentWidget()
    while not isinstance(parent, QScrollArea):
        parent = parent.parentWidget()
    return parent


@pytest.mark.parametrize("screen", [QRect(0, 0, 960, 540), QRect(0, 0, 640, 360)], ids=["2x", "3x"])
def test_the_dialog_fits_a_small_screen_with_its_buttons_in_reach(qtbot: QtBot, screen: QRect) -> None:
    dialog = PreferencesDialog(Settings())
    qtbot.addWidget(dialog)
    dialog.fit_to(screen)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.width() <= screen.width()
    assert dialog.height() <= screen.height() - 40  # room for a title bar
    assert dialog.rect().contains(dialog.buttons.geometry())
    for f in SHOWN:  # every editor can be scrolled into view
        editor = dialog.editor(f.name)
        dialog.groups.setCurrentRow(dialog.pages.indexOf(_scroll_area_of(editor)))
        area = _scroll_area_of(editor)
        qtbot.waitUntil(area.isVisible)
        area.ensureWidgetVisible(editor, 0, 0)
        qtbot.wait(1)
        top_left = editor.mapTo(area.viewport(), editor.rect().topLeft())
        assert area.viewport().rect().contains(QRect(top_left, editor.size()).adjusted(0, 0, -1, -1)) or (
            editor.height() > area.viewport().height()
        ), f.name


def test_the_dialog_fits_a_1080p_screen_at_twice_the_scale(tmp_path: Path) -> None:
    config = tmp_path / "screen.json"
    config.write_text(json.dumps({"screens": [{"name": "fhd", "x": 0, "y": 0, "width": 1920, "height": 1080}]}))
    script = textwrap.dedent(
        """
        import json
        from PySide6.QtWidgets import QApplication
        from massage_gui.core.settings import Settings
        from massage_gui.ui.preferences_dialog import PreferencesDialog
        from massage_gui.ui.theme import apply_palette, theme_for

        app = QApplication([])
        apply_palette(theme_for("light"))
        dialog = PreferencesDialog(Settings(), statuses={"sound": "Sound is off.", "voice": "Voice is off."})
        dialog.show()
        app.processEvents()
        screen = dialog.screen().availableGeometry()
        buttons = dialog.buttons.geometry()
        print(json.dumps({
            "screen": [screen.width(), screen.height()],
            "dialog": [dialog.frameGeometry().width(), dialog.frameGeometry().height()],
            "buttons_inside": dialog.rect().contains(buttons),
        }))
        """
    )
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": f"offscreen:configfile={config}",
        "QT_SCALE_FACTOR": "2",
        "QT_QPA_OFFSCREEN_NO_GLX": "1",
    }
    result = subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, env=env, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr[-2000:]
    report = json.loads(result.stdout.strip().splitlines()[-1])
    assert report["screen"] == [960, 540]
    assert report["dialog"][0] <= 960
    assert report["dialog"][1] <= 540
    assert report["buttons_inside"]


def test_reminder_times_are_added_removed_and_kept_with_their_routines(qtbot: QtBot) -> None:
    settings = dataclasses.replace(Settings(), reminder_times=frozenset({"08:00", "20:00=gone-routine"}))
    dialog = PreferencesDialog(settings, routines=[("quick", "Quick"), ("evening", "Evening")])
    qtbot.addWidget(dialog)
    editor = dialog.editor("reminder_times")
    assert isinstance(editor, ReminderTimesEditor)
    assert editor.rows() == 2
    assert editor.row_widgets(1)[1].currentText() == "gone-routine"  # a routine not there now is kept
    assert dialog.result_settings() == settings
    editor.add_button.click()  # the next suggested time not taken yet
    assert editor.value() == frozenset({"08:00", "20:00=gone-routine", "13:00"})
    editor.row_widgets(2)[0].setTime(QTime(8, 0))  # the same minute as another: counted once
    assert editor.value() == frozenset({"08:00", "20:00=gone-routine"})
    editor.row_widgets(0)[2].click()  # remove the first row
    assert editor.rows() == 2
    while editor.add_button.isEnabled():
        editor.add_button.click()
    assert editor.rows() == 6
    result = dialog.result_settings()
    assert len(result.reminder_times) == 6
    assert "20:00=gone-routine" in result.reminder_times


def test_the_reminders_page_explains_the_tray_and_login(qtbot: QtBot) -> None:
    dialog = PreferencesDialog(Settings())
    qtbot.addWidget(dialog)
    note = dialog.findChild(QLabel, "reminders_status")
    assert note is not None
    assert "system tray" in note.text()
    assert dialog.editor("start_at_login").isEnabled() == sys.platform.startswith("linux")


def test_start_at_login_says_where_it_is_not_available(qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> None:
    from massage_gui.core import autostart

    monkeypatch.setattr(autostart, "supported", lambda platform="": False)
    dialog = PreferencesDialog(Settings())
    qtbot.addWidget(dialog)
    assert not dialog.editor("start_at_login").isEnabled()
    note = dialog.findChild(QLabel, "start_at_login_status")
    assert note is not None
    assert note.text() == "Starting at login is not available on this system yet."


def test_preferences_show_sound_and_voice_once_their_servers_answer(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Preferences loads sound and voice when they were off; the sound server answers after the dialog opened
    ("Sound is starting…"), and the dialog then shows what it said."""
    player = window.hands_free.player
    shown: list[str] = []

    def answer_while_open(dialog: PreferencesDialog) -> int:
        shown.append(dialog.findChild(QLabel, "sound_status").text())
        player.sound_status = "Sound is on (PulseAudio)."
        player.status_changed.emit()
        shown.append(dialog.findChild(QLabel, "sound_status").text())
        return 0

    monkeypatch.setattr(PreferencesDialog, "exec", answer_while_open)
    player.sound_status = "Sound is starting…"
    monkeypatch.setattr(player, "prepare", lambda everything=False: None)
    window.dialogs.open_preferences()
    assert shown == ["Sound is starting…", "Sound is on (PulseAudio)."]
    player.status_changed.emit()  # once closed, the dialog is no longer told
