"""Why the routines run in this order and at this pace, with the sources."""

from __future__ import annotations

import html

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from massage_gui.core.anatomy import default_anatomy
from massage_gui.core.library import resolve_routine
from massage_gui.core.plan import build_plan
from massage_gui.core.settings import Settings
from massage_gui.ui.node_terms import NODE_TERMS, node_tooltip
from massage_gui.ui.screen_fit import resize_to_fit

translate = QCoreApplication.translate  # the name pyside6-lupdate looks for


def about_routines_html() -> str:
    """The page in the UI's language (one translatable text per heading, paragraph or list item)."""
    intro = translate(
        "AboutRoutinesDialog",
        "The built-in routines follow the order in which self-lymphatic drainage (SLD) of the face and neck is "
        "usually taught. They are a composite of the sources below, not one clinic's plan: if a lymphoedema "
        "therapist gave you a plan, follow that plan. After cancer treatment of the head or neck, your therapist "
        "may send fluid another way (for example toward the armpits).",
    )
    order = [
        translate(
            "AboutRoutinesDialog",
            "<b>Breathing first and last.</b> Slow belly breathing before and after the massage "
            "(International consensus, Lymphoedema Framework 2006; Macmillan Cancer Support).",
        ),
        translate(
            "AboutRoutinesDialog",
            "<b>Clear the outlets first.</b> The hollow above the collarbone, then the neck from low to high, "
            "then in front of and under the ear and jaw: “we clear closest to the heart, and gradually work away” "
            "(MD Anderson Cancer Center, self-MLD teaching).",
        ),
        translate(
            "AboutRoutinesDialog",
            "<b>Then the face, from the nodes outward:</b> jaw and chin, upper lip, beside the nose and the cheeks, "
            "under the eyes, the temples, the forehead, each stroked toward the nodes it drains to (Gray's Anatomy "
            "drainage territories; Elsevier anatomy notes on the facial, submandibular and parotid nodes).",
        ),
        translate(
            "AboutRoutinesDialog",
            "<b>Finish by repeating the first clearing steps</b> (St Margaret's Hospice SLD leaflet).",
        ),
    ]
    spots = [
        translate(
            "AboutRoutinesDialog",
            "<b>5 to 7 strokes at each spot, then move your hands on.</b> Rest flat fingers on one spot, stretch "
            "the skin a short way toward the node and let it spring back; after 5 to 7 strokes, move your hands on, "
            "further from the node. The spot nearest the node comes first, so the way is clear before fluid is sent "
            "into it (One River Massage: “5-7 strokes in each position”; Lymphoedema Network Northern Ireland: 5, "
            "then move your hands lower until the whole neck is covered; St Margaret's Hospice: 5 to 10).",
        ),
        translate(
            "AboutRoutinesDialog",
            "<b>10 to 15 strokes in the collarbone hollow</b>, which is one spot (MD Anderson: 15 slow strokes "
            "there, “about two seconds” each).",
        ),
        translate(
            "AboutRoutinesDialog",
            "<b>The neck in three spots, from low to high</b> (Hands On Clinic: three positions on the neck).",
        ),
        translate(
            "AboutRoutinesDialog",
            "<b>Longer routines work more spots and areas, never more strokes on one spot.</b> The Thorough routine "
            "also clears the neck again between the lower and the upper face: “keep returning to empty the nodes” "
            "(lymph.org.uk, Fill and Flush SLD leaflets).",
        ),
        translate(
            "AboutRoutinesDialog",
            "<b>The sweep</b> on the forehead moves the skin slowly a little further; your fingers do not slide "
            "over the skin (Hands On Clinic: “Your hand should be flat and not slide over the skin”).",
        ),
        translate(
            "AboutRoutinesDialog",
            "<b>Our own choices</b>, not from a leaflet: how many spots each area has, the order of the face areas "
            "after the jaw, and slower strokes under the eyes.",
        ),
    ]
    pace = [
        translate(
            "AboutRoutinesDialog",
            "About 2 seconds a stroke by default, which you can change from 1 to 4: patient teaching is slower "
            "than a therapist's 1-second rhythm (MD Anderson: “very slowly, about two seconds”; Vodder's classic "
            "1-second rhythm with 5 to 7 repetitions in one place, Springer MLD chapter).",
        ),
        translate(
            "AboutRoutinesDialog",
            "Skin only, about the weight of your hand; the skin should not go red (Hands On Clinic; One River "
            "Massage; International consensus).",
        ),
        translate(
            "AboutRoutinesDialog",
            "15 to 20 minutes, once or twice a day, is what hospices often teach for SLD (Woodlands Hospice; "
            "St Margaret's Hospice): at the default pace the Thorough routine takes about {minutes} minutes.",
        ).format(minutes=thorough_minutes()),
    ]
    limits = translate(
        "AboutRoutinesDialog",
        "We found no trial of self-massage on the healthy face. There is no good evidence that lymphatic "
        "massage changes skin oil (sebum), removes “toxins” or boosts immunity, and this app does not claim it. "
        "On a healthy face, any effect on morning puffiness is likely small and short-lived.",
    )
    return "\n".join(
        [
            "<h2>" + translate("AboutRoutinesDialog", "About the routines") + "</h2>",
            f"<p>{intro}</p>",
            "<h3>" + translate("AboutRoutinesDialog", "The order") + "</h3>",
            "<ol>" + "".join(f"<li>{item}</li>" for item in order) + "</ol>",
            "<h3>" + translate("AboutRoutinesDialog", "One spot at a time") + "</h3>",
            "<ul>" + "".join(f"<li>{item}</li>" for item in spots) + "</ul>",
            "<h3>" + translate("AboutRoutinesDialog", "The node groups on the diagram") + "</h3>",
            "<ul>" + "".join(f"<li>{html.escape(node_tooltip(node))}</li>" for node in named_nodes()) + "</ul>",
            "<h3>" + translate("AboutRoutinesDialog", "The pace and the pressure") + "</h3>",
            "<ul>" + "".join(f"<li>{item}</li>" for item in pace) + "</ul>",
            "<h3>" + translate("AboutRoutinesDialog", "What self-massage does not do") + "</h3>",
            f"<p>{limits}</p>",
        ]
    )


def named_nodes() -> list[str]:
    """The node groups the diagram shows, each with its professional name."""
    return [node for node in default_anatomy().nodes if node in NODE_TERMS]


def thorough_minutes() -> int:
    """The Thorough routine's length at the default settings, in whole minutes."""
    return round(build_plan(resolve_routine("thorough").routine, Settings()).total_s / 60)


class AboutRoutinesDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("About the routines"))
        browser = QTextBrowser(self)
        browser.setAccessibleName(self.tr("About the routines"))
        browser.setHtml(about_routines_html())
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(browser)
        layout.addWidget(buttons)
        resize_to_fit(self, 640, 600)
