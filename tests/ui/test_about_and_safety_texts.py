"""What the About-the-routines page and the safety screen say, in English and German, and the German review's fixes."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot

from massage_gui.core.anatomy import NODE_IDS, default_anatomy
from massage_gui.core.library import resolve_routine
from massage_gui.core.plan import build_plan
from massage_gui.core.settings import Settings
from massage_gui.ui import i18n
from massage_gui.ui.about_routines import about_routines_html
from massage_gui.ui.node_terms import NODE_TERMS, node_term, node_tooltip
from massage_gui.ui.safety_dialog import SafetyDialog, safety_html

TS = Path(__file__).resolve().parents[2] / "assets" / "i18n" / "massage_gui_de.ts"


@pytest.fixture
def german(qapp: QApplication) -> Iterator[QApplication]:
    assert i18n.install_translator(qapp, "de") == "de"
    yield qapp
    i18n.remove_translators(qapp)


def german_translations() -> list[str]:
    return [t.text or "" for t in ET.parse(TS).getroot().iter("translation")]


def test_the_about_page_gives_the_spots_and_their_sources(qapp: QApplication) -> None:
    page = about_routines_html()
    for source in (
        "One River Massage", "Lymphoedema Network Northern Ireland", "St Margaret's Hospice", "MD Anderson",
        "Hands On Clinic", "lymph.org.uk", "Our own choices",
    ):  # fmt: skip
        assert source in page, source
    assert "5 to 7 strokes at each spot, then move your hands on" in page
    assert "10 to 15 strokes in the collarbone hollow" in page
    assert "not slide over the skin" in page
    assert "glide" not in page


def test_the_about_page_says_how_long_the_thorough_routine_is(qapp: QApplication) -> None:
    total = build_plan(resolve_routine("thorough").routine, Settings()).total_s
    assert f"the Thorough routine takes about {round(total / 60)} minutes" in about_routines_html()


def test_every_node_group_has_its_professional_name(qapp: QApplication) -> None:
    assert set(NODE_IDS) <= set(NODE_TERMS)
    assert node_tooltip("submandibular") == "Under the jaw: submandibular nodes"
    page = about_routines_html()
    for node in default_anatomy().nodes:
        assert node_term(node) in page


def test_the_safety_screen_lists_the_added_cautions_and_how_to_sit(qapp: QApplication, qtbot: QtBot) -> None:
    text = safety_html()
    for words in (
        "narrowed neck arteries", "a stroke or a mini-stroke (TIA)", "radiotherapy to the face or neck",
        "low blood pressure", "Sit upright", "worst in the morning", "scars or hard (fibrotic) skin",
        "where you feel the pulse of the neck artery",
    ):  # fmt: skip
        assert words in text, words
    dialog = SafetyDialog(confirm=True)
    qtbot.addWidget(dialog)
    described = " ".join(label.accessibleDescription() for label in dialog.findChildren(QLabel))
    assert "Sit upright" in described
    assert "low blood pressure" in described


def test_the_german_safety_screen_and_about_page(german: QApplication) -> None:
    text = safety_html()
    assert "Drück oder reib nie dort, wo du unterhalb des Kieferwinkels den Puls der Halsschlagader fühlst" in text
    assert "wenn dir schwindlig wird oder du das Gefühl hast, ohnmächtig zu werden" in text
    assert "verengte Halsschlagadern" in text
    assert "Setz dich aufrecht hin" in text
    page = about_routines_html()
    assert "Was die Selbstmassage nicht kann" in page
    for term in (
        "supraklavikuläre", "tiefe Halslymphknoten", "submandibuläre", "submentale", "präaurikuläre",
        "retroaurikuläre (mastoidale)", "okzipitale",
    ):  # fmt: skip
        assert term in page, term


# The native speaker's review: wordings that are wrong in physiotherapy German, anywhere in the catalogue.
REVIEWED_OUT = {
    "flau": "queasy, not close to fainting",
    "hinab": "'den Hals hinab' reads as stretching the neck: halsabwärts",
    "ärztlich fragen": "ungrammatical",
    "Was sie nicht": "reads as the routines",
    "dazuzunehmen": "'es' does not agree with the area's gender",
    "auf dem Puls": "say where: where you feel the pulse of the neck artery",
    "auf den Puls": "say where: where you feel the pulse of the neck artery",
    "Wirkung auf Schwellungen": "a patient reads 'drainage hardly helps my oedema'",
    "Wirkung auf morgendliche Schwellungen": "a patient reads 'drainage hardly helps my oedema'",
    "Behandler": "one word for the therapist: Lymphtherapeutin oder Lymphtherapeut",
    "deine Therapie": "one word for the therapist: Lymphtherapeutin oder Lymphtherapeut",
    "deiner Therapie": "one word for the therapist: Lymphtherapeutin oder Lymphtherapeut",
    "Hinterhaupt": "one word for the back of the head: Hinterkopf",
}


@pytest.mark.parametrize("wording", list(REVIEWED_OUT))
def test_reviewed_german_wordings_are_gone(wording: str) -> None:
    found = [t for t in german_translations() if wording in t]
    assert not found, f"{wording!r} ({REVIEWED_OUT[wording]}): {found}"


def test_circles_are_stehende_kreise_in_german() -> None:
    loose = [t for t in german_translations() if re.search(r"(?<!stehende )(?<!Stehende )Kreise\b", t)]
    assert not loose, loose
    assert not [t for t in german_translations() if re.search(r"\bkreisen\b", t)]
