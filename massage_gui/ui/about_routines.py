"""Why the routines run in this order and at this pace, with the sources."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

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
            "St Margaret's Hospice): the Thorough routine lasts about 20 minutes.",
        ),
    ]
    limits = translate(
        "AboutRoutinesDialog",
        "We found no trial of self-massage on the healthy face. There is no good evidence that lymphatic "
        "massage changes skin oil (sebum), removes “toxins” or boosts immunity, and this app does not claim it. "
        "Any effect on morning puffiness is likely small and short-lived.",
    )
    return "\n".join(
        [
            "<h2>" + translate("AboutRoutinesDialog", "About the routines") + "</h2>",
            f"<p>{intro}</p>",
            "<h3>" + translate("AboutRoutinesDialog", "The order") + "</h3>",
            "<ol>" + "".join(f"<li>{item}</li>" for item in order) + "</ol>",
            "<h3>" + translate("AboutRoutinesDialog", "The pace and the pressure") + "</h3>",
            "<ul>" + "".join(f"<li>{item}</li>" for item in pace) + "</ul>",
            "<h3>" + translate("AboutRoutinesDialog", "What it does not do") + "</h3>",
            f"<p>{limits}</p>",
        ]
    )


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
        self.resize(640, 600)
