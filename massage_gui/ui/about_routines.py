"""Why the routines run in this order and at this pace, with the sources."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

ABOUT_ROUTINES_HTML = """
<h2>About the routines</h2>
<p>The built-in routines follow the order in which self-lymphatic drainage (SLD) of the face and neck is
usually taught. They are a composite of the sources below, not one clinic's plan: if a lymphoedema
therapist gave you a plan, follow that plan. After cancer treatment of the head or neck, your therapist
may send fluid another way (for example toward the armpits).</p>
<h3>The order</h3>
<ol>
<li><b>Breathing first and last.</b> Slow belly breathing before and after the massage
(International consensus, Lymphoedema Framework 2006; Macmillan Cancer Support).</li>
<li><b>Clear the outlets first.</b> The hollow above the collarbone, then the neck from low to high,
then in front of and under the ear and jaw: "we clear closest to the heart, and gradually work away"
(MD Anderson Cancer Center, self-MLD teaching).</li>
<li><b>Then the face, from the nodes outward:</b> jaw and chin, upper lip, beside the nose and the cheeks,
under the eyes, the temples, the forehead, each stroked toward the nodes it drains to (Gray's Anatomy
drainage territories; Elsevier anatomy notes on the facial, submandibular and parotid nodes).</li>
<li><b>Finish by repeating the first clearing steps</b> (St Margaret's Hospice SLD leaflet).</li>
</ol>
<h3>The pace and the pressure</h3>
<ul>
<li>About 2 seconds a stroke by default, which you can change from 1 to 4: patient teaching is slower than a
therapist's 1-second rhythm (MD Anderson: "very slowly, about two seconds"; Vodder's classic 1-second
rhythm with 5 to 7 repetitions in one place, Springer MLD chapter).</li>
<li>Skin only, about the weight of your hand; the skin should not go red (Hands On Clinic; One River
Massage; International consensus).</li>
<li>15 to 20 minutes, once or twice a day, is what hospices often teach for SLD (Woodlands Hospice;
St Margaret's Hospice): the Thorough routine lasts about 20 minutes.</li>
</ul>
<h3>What it does not do</h3>
<p>We found no trial of self-massage on the healthy face. There is no good evidence that lymphatic
massage changes skin oil (sebum), removes "toxins" or boosts immunity, and this app does not claim it.
Any effect on morning puffiness is likely small and short-lived.</p>
"""


class AboutRoutinesDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("About the routines")
        browser = QTextBrowser(self)
        browser.setAccessibleName("About the routines")
        browser.setHtml(ABOUT_ROUTINES_HTML)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(browser)
        layout.addWidget(buttons)
        self.resize(640, 600)
