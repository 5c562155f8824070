"""The shipped translation is complete for the current code, built, and used: the whole app (cues too)
switches to German, while the command line stays English."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from massage_gui.core import i18n as core_i18n
from massage_gui.core import sequencer as seq
from massage_gui.core.anatomy import AREA_IDS, DRAINS_TOWARD, SIDES, default_anatomy
from massage_gui.core.app_files import AppFiles
from massage_gui.core.cues import CueOptions, cues_for
from massage_gui.core.library import builtin_routines, resolve_routine
from massage_gui.core.paths import AppPaths
from massage_gui.core.plan import PlannedStep, build_plan
from massage_gui.core.settings import Settings
from massage_gui.core.words import spoken_step, stroke_instruction
from massage_gui.ui import i18n
from tests.conftest import tools_module

ROOT = Path(__file__).resolve().parents[1]
I18N = ROOT / "assets" / "i18n"
TS = I18N / "massage_gui_de.ts"
QM = I18N / "massage_gui_de.qm"
PLACEHOLDER = re.compile(r"\{[a-z_]*\}")
TAG = re.compile(r"</?[a-z0-9]+>")


def _messages(ts: Path) -> list[tuple[str, ET.Element]]:
    root = ET.parse(ts).getroot()
    return [(context.findtext("name") or "", m) for context in root.iter("context") for m in context.iter("message")]


def _label(context: str, message: ET.Element) -> str:
    return f"{context}: {message.findtext('source')!r}"


# -- the translation files --------------------------------------------------------------------------


def test_the_shipped_translation_is_complete_for_the_current_code(tmp_path: Path) -> None:
    """pyside6-lupdate over the sources into a copy of the shipped .ts: nothing may come out unfinished
    (a new or changed text) or vanished (a text the code no longer has)."""
    tools = tools_module("update_translations")
    ts = tmp_path / TS.name
    shutil.copy(TS, ts)
    tools.lupdate(ts, "de")
    problems = [
        f"{message.find('translation').get('type')}: {_label(context, message)}"  # type: ignore[union-attr]
        for context, message in _messages(ts)
        if message.find("translation").get("type") is not None  # type: ignore[union-attr]
    ]
    assert problems == [], (
        "the German translation is not up to date with the code: translate these in "
        "assets/i18n/massage_gui_de.ts, then run python tools/update_translations.py\n" + "\n".join(problems)
    )


def test_the_shipped_translation_file_has_no_unfinished_or_obsolete_entries() -> None:
    text = TS.read_text(encoding="utf-8")
    assert 'language="de_DE"' in text
    for marker in ('type="unfinished"', 'type="vanished"', 'type="obsolete"'):
        assert marker not in text


def test_the_qm_is_built_from_the_shipped_ts(tmp_path: Path) -> None:
    tools = tools_module("update_translations")
    rebuilt = tmp_path / QM.name
    tools.lrelease(TS, rebuilt)
    assert rebuilt.read_bytes() == QM.read_bytes(), "the .qm is stale: run python tools/update_translations.py"


def test_translations_keep_placeholders_markup_and_one_accelerator() -> None:
    problems = []
    for context, message in _messages(TS):
        source = message.findtext("source") or ""
        translation = message.findtext("translation") or ""
        if not translation.strip():
            problems.append(f"empty: {_label(context, message)}")
        if sorted(PLACEHOLDER.findall(source)) != sorted(PLACEHOLDER.findall(translation)):
            problems.append(f"placeholders differ: {_label(context, message)}")
        if sorted(TAG.findall(source)) != sorted(TAG.findall(translation)):
            problems.append(f"markup differs: {_label(context, message)}")
        if source.count("&") != translation.count("&"):
            problems.append(f"accelerator differs: {_label(context, message)}")
    assert problems == []


def test_the_data_catalog_is_up_to_date() -> None:
    """strings_catalog.py lists the anatomy, built-in routine and settings texts for lupdate."""
    result = subprocess.run(
        [sys.executable, str(ROOT / "tools" / "make_catalog.py"), "--check"], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr


def test_the_catalog_lists_every_data_text() -> None:
    catalog = tools_module("make_catalog")
    source = (ROOT / "massage_gui" / "core" / "strings_catalog.py").read_text(encoding="utf-8")
    anatomy = default_anatomy()
    for node in anatomy.nodes.values():
        for text in (node.label, node.in_text, node.toward_phrase):
            assert f'translate("anatomy", {json.dumps(text, ensure_ascii=False)})' in source
    for entry in builtin_routines():
        assert f'translate("routines", {json.dumps(entry.routine.name, ensure_ascii=False)})' in source
    assert 'translate("settings", "Colour scheme")' in source
    assert len(catalog.routine_texts()) > 20


# -- choosing the language --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("setting", "system", "expected"),
    [
        ("system", ["de-DE", "en-US"], "de"),
        ("system", ["de"], "de"),
        ("system", ["en-GB", "de-DE"], "en"),
        ("system", ["fr-FR"], "en"),
        ("system", ["C"], "en"),
        ("system", [], "en"),
        ("en", ["de-DE"], "en"),
        ("de", ["en-US"], "de"),
        ("xx", ["de-AT"], "de"),
    ],
)
def test_the_language_comes_from_the_setting_or_the_system(setting: str, system: list[str], expected: str) -> None:
    assert i18n.resolve_language(setting, system) == expected


def test_a_speech_locale_of_the_ui_language_is_picked() -> None:
    from massage_gui.ui.cue_player import pick_locale

    available = [QLocale("en_GB"), QLocale("de_AT"), QLocale("de_DE")]
    assert pick_locale(available, "de").name() == "de_AT"  # type: ignore[union-attr]
    assert pick_locale(available, "de", QLocale("de_DE")).name() == "de_DE"  # type: ignore[union-attr]
    assert pick_locale(available, "en", QLocale("de_DE")).name() == "en_GB"  # type: ignore[union-attr]
    assert pick_locale([QLocale("en_US")], "de") is None


@pytest.fixture
def german(qapp: QApplication) -> Iterator[QApplication]:
    """The German translator installed, as at a start-up with language 'de'; English again afterwards."""
    assert i18n.install_translator(qapp, "de") == "de"
    yield qapp
    i18n.remove_translators(qapp)
    assert default_anatomy().areas["cheeks"].label == "Cheeks"
    assert core_i18n.translate("words", "Breathe in") == "Breathe in"


def test_installing_and_removing_the_translator(german: QApplication) -> None:
    assert i18n.current_language() == "de"
    assert german.applicationDisplayName() == "Lymph-Selbstmassage"
    assert QLocale().decimalPoint() == ","  # numbers follow the language too
    i18n.remove_translators(german)
    assert i18n.current_language() == "en"
    assert german.applicationDisplayName() == "Lymphatic self-massage"
    assert i18n.install_translator(german, "en") == "en"
    assert default_anatomy().areas["cheeks"].label == "Cheeks"
    assert i18n.install_translator(german, "de") == "de"  # the fixture removes it again


def test_a_missing_catalogue_leaves_the_app_in_english(qapp: QApplication, monkeypatch: pytest.MonkeyPatch,
                                                       tmp_path: Path) -> None:  # fmt: skip
    monkeypatch.setattr(i18n, "translations_dir", lambda: tmp_path)
    try:
        assert i18n.install_translator(qapp, "de") == "en"
        assert default_anatomy().areas["cheeks"].label == "Cheeks"
    finally:
        i18n.remove_translators(qapp)


# -- the app in German ------------------------------------------------------------------------------


class _StillClock:
    def __call__(self) -> float:
        return 1000.0


def _german_window(qtbot: QtBot, routine: str = "standard", **settings: Any) -> Any:
    from massage_gui.core.app_state import AppState
    from massage_gui.ui.main_window import MainWindow

    chosen = Settings(theme="light", last_routine=routine, language="de", **settings)
    window = MainWindow(AppState(chosen, clock=_StillClock()))
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    return window


def test_the_main_window_menus_and_actions_are_german(german: QApplication, qtbot: QtBot) -> None:
    window = _german_window(qtbot)
    menus = [action.text() for action in window.menuBar().actions()]
    assert menus == ["&Sitzung", "&Routine", "&Ansicht", "&Hilfe"]
    assert window.window_actions.start.text() == "Start"
    assert window.window_actions.stop.text() == "Stopp"
    assert window.window_actions.preferences.text() == "Einstellungen…"
    assert window.window_actions.skip_menu.area_actions["cheeks"].text() == "Wangen"
    assert window.window_actions.routine_picker.text() == "Standard"
    assert window.windowTitle() == "Lymph-Selbstmassage"
    assert window.step_panel.state_label.text() == "BEREIT"
    assert window.step_panel.dial.caption == "20 Schritte"
    window.state.stop()


def test_the_step_panel_and_the_spoken_cues_are_german(german: QApplication, qtbot: QtBot) -> None:
    window = _german_window(qtbot)
    window.state.seek(330.6)  # cheeks, stretch toward the nodes under the jaw
    window.state.pause()
    panel = window.step_panel
    step = window.state.plan.steps[12]
    assert panel.area_label.text() == "Wangen"
    assert panel.instruction_label.text() == "Dehne die Haut Richtung Lymphknoten unter dem Kiefer, dann lass los"
    assert panel.dial.caption in {f"von {n}" for n in step.shares}, "the count at this spot"
    assert panel.countdown_label.text().startswith("noch ")
    assert panel.cue_label.text() == "„Handflächen flach, erst unten an der Wange“"
    assert panel.state_label.text() == "PAUSIERT"
    assert window.window_actions.start.text() == "Fortsetzen"
    spoken = cues_for(seq.TransitionStarted(12, 0.0), window.state.plan, CueOptions())
    assert [c.text for c in spoken] == [f"Wangen: dehnen zum Kiefer, {step.reps}-mal."]
    done = cues_for(seq.RoutineFinished(0.0, completed=True), window.state.plan, CueOptions(sound=False))
    assert [c.text for c in done] == ["Fertig."]
    window.state.stop()


def test_the_cue_player_asks_the_engine_for_a_german_voice(german: QApplication) -> None:
    from massage_gui.ui.cue_player import CuePlayer

    class FakeSpeech:
        def __init__(self, locales: list[str]) -> None:
            self._locales = [QLocale(name) for name in locales]
            self.current = QLocale("en_US")

        def availableLocales(self) -> list[QLocale]:  # noqa: N802 (Qt's name)
            return self._locales

        def locale(self) -> QLocale:
            return self.current

        def setLocale(self, locale: QLocale) -> None:  # noqa: N802 (Qt's name)
            self.current = locale

    player = CuePlayer(Settings())
    speech = FakeSpeech(["en_US", "de_DE"])
    player._use_language(speech)
    assert speech.current.name() == "de_DE"
    assert player.language == "de"
    assert player.language_voice
    without = FakeSpeech(["en_US"])
    player._use_language(without)
    assert without.current.name() == "en_US"  # no German voice: the engine's own stays
    assert not player.language_voice


def test_german_spoken_lines_end_within_the_transition(german: QApplication) -> None:
    """Every possible step announcement, at 3 words a second, fits the default 3-second transition."""
    anatomy = default_anatomy()
    longest = ""
    for area in AREA_IDS:
        for toward in DRAINS_TOWARD[area] or (None,):
            for side in SIDES if toward else ("both",):
                stroke_options = ("circles", "stretch", "sweep") if toward else ("breath",)
                for stroke in stroke_options:
                    step = PlannedStep(0, 0, area, stroke, toward, side, 100, 2.0, 0.0, 200.0, "")
                    line = spoken_step(step, anatomy)
                    assert stroke_instruction(step, anatomy)
                    longest = max(longest, line, key=lambda text: len(text.split()))
    assert len(longest.split()) <= 9, longest
    assert len(longest.split()) / 3.0 <= Settings().transition_s


def test_german_built_in_routines_and_plan_warnings(german: QApplication) -> None:
    names = {entry.id: entry.routine.name for entry in builtin_routines()}
    assert names["quick"] == "Kurz"
    assert names["thorough"] == "Gründlich"
    assert resolve_routine("neck").routine.name == "Hals und Schlüsselbein"
    routine = resolve_routine("quick").routine
    assert routine.steps[1].cue == "Leg die Finger flach in die Gruben"
    plan = build_plan(routine, Settings(skipped_areas=frozenset({"collarbone", "neck_side"})))
    assert plan.warnings == (
        "Wenn du die Schlüsselbeingrube und die Halsseite auslässt, fehlt dem Gesicht ein freier Abfluss: "
        "Es fließt über den Hals zur Schlüsselbeingrube ab.",
        "Schritt 3 (unter dem Kinn) kommt, bevor Hals und Schlüsselbeingrube frei sind: Mach zuerst die Abflüsse frei.",
    )


def test_a_language_change_is_announced_for_the_next_start(qtbot: QtBot) -> None:
    from massage_gui.core.app_state import AppState
    from massage_gui.ui.main_window import MainWindow

    window = MainWindow(AppState(Settings(theme="light", language="en")))
    qtbot.addWidget(window)
    assert window.state.update(language="de")
    assert window.notice_bar.message == (
        "The new language is used when you next start the app. Die neue Sprache gilt ab dem nächsten Start der App."
    )
    window.state.stop()


def test_the_safety_dialog_is_german(german: QApplication, qtbot: QtBot) -> None:
    from massage_gui.ui.safety_dialog import SafetyDialog, safety_html

    dialog = SafetyDialog(confirm=True)
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "Bevor du anfängst: Sicherheit"
    assert dialog.ok_button.text() == "Weiter"
    assert "Schilddrüsenüberfunktion" in safety_html()
    assert "wo du unterhalb des Kieferwinkels den Puls der Halsschlagader fühlst" in safety_html()


# -- the command line stays English -----------------------------------------------------------------


def test_the_command_line_stays_english_with_a_german_setting_and_locale(tmp_path: Path) -> None:
    home = tmp_path / "home"
    files = AppFiles(AppPaths.from_environment({"MASSAGE_GUI_HOME": str(home)}))
    files.settings().save(Settings(language="de"))
    env = {**os.environ, "MASSAGE_GUI_HOME": str(home), "LANG": "de_DE.UTF-8", "LC_ALL": "de_DE.UTF-8"}
    routines = subprocess.run(
        [sys.executable, "-m", "massage_gui", "routines"], capture_output=True, text=True, env=env, check=True
    )
    assert "builtin  Standard" in routines.stdout
    plan = subprocess.run(
        [sys.executable, "-m", "massage_gui", "plan", "quick", "--skip", "collarbone"],
        capture_output=True, text=True, env=env, check=True,
    )  # fmt: skip
    assert "Quick [quick]" in plan.stdout
    assert "skipped: Collarbone hollow" in plan.stdout
    assert "Under the chin" in plan.stdout
    assert "warning: Skipping the collarbone hollow leaves the face without a cleared outlet" in plan.stdout


def test_german_treated_side_warnings_and_the_pulse_label(german: QApplication) -> None:
    """Bug: the treated-side warning kept an English sentence, and the pulse warning on the drawing was English."""
    from massage_gui.core.anatomy import default_anatomy

    default_anatomy.cache_clear()
    try:
        plan = build_plan(resolve_routine("standard").routine, Settings(treated_side="right"))
        assert plan.warnings[0] == (
            "Deine Halslymphknoten wurden rechts behandelt, deshalb nimmt die Flüssigkeit auf dieser Seite einen "
            "anderen Weg. Wo der Plan deiner Lymphtherapeutin oder deines Lymphtherapeuten abweicht, folge ihm."
        )
        assert all("Follow" not in w and "Steps" not in w for w in plan.warnings)
        assert default_anatomy().no_press[0].label == "Puls der Halsschlagader: hier nie drücken"
    finally:
        default_anatomy.cache_clear()
