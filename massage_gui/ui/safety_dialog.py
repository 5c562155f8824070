"""The safety screen: who should ask a clinician first, how light the pressure is, and when to stop."""

from __future__ import annotations

from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import QCheckBox, QDialog, QDialogButtonBox, QLabel, QScrollArea, QVBoxLayout, QWidget

ASK_FIRST = (
    "an infection, a fever, or red, hot, painful skin (cellulitis)",
    "a blood clot now or recently",
    "heart failure or other heart problems",
    "active cancer, or cancer that is being treated, in the head or neck",
    "new swelling that no doctor has explained",
    "surgery, a wound, broken or weeping skin in the area",
    "severe kidney disease",
)
ASK_FIRST_NECK = (
    "fainting or a sensitive carotid sinus",
    "an irregular heartbeat",
    "an overactive thyroid",
)
PRESSURE = (
    "Move the skin, not the muscle: about the weight of your hand. Use flat fingers or the palm, on dry skin. "
    "The skin should not turn red, and nothing should hurt."
)
NEVER = "Never press or rub the pulse below the angle of the jaw (shown in red on the neck steps)."
STOP = "Stop at once if you feel dizzy or faint, or if pain, new redness or swelling appear."
WHAT_IT_IS = (
    "This app paces the gentle self-massage that lymphoedema therapists teach. It is not a treatment and does "
    "not replace your therapist's own plan, which comes first if you have one."
)


def safety_html() -> str:
    items = "".join(f"<li>{text}</li>" for text in ASK_FIRST)
    neck = "".join(f"<li>{text}</li>" for text in ASK_FIRST_NECK)
    return (
        f"<p>{WHAT_IT_IS}</p>"
        "<h3>Ask your doctor or therapist first if you have</h3>"
        f"<ul>{items}</ul>"
        "<p>For the neck steps, also if you have:</p>"
        f"<ul>{neck}</ul>"
        "<h3>How light</h3>"
        f"<p>{PRESSURE}</p><p><b>{NEVER}</b></p>"
        "<h3>When to stop</h3>"
        f"<p>{STOP}</p>"
    )


class SafetyDialog(QDialog):
    """Shown once on first start (the user confirms) and any time from Help > Safety."""

    def __init__(self, parent: QWidget | None = None, confirm: bool = True) -> None:
        super().__init__(parent)
        self.setWindowTitle("Before you start: safety")
        self.setAccessibleName("Safety information")
        text = QLabel(safety_html(), self)
        text.setTextFormat(Qt.TextFormat.RichText)
        text.setWordWrap(True)
        text.setAccessibleName("Safety information")
        text.setAccessibleDescription(
            " ".join((WHAT_IT_IS, "Ask first if you have:", *ASK_FIRST, *ASK_FIRST_NECK, PRESSURE, NEVER, STOP))
        )
        font = text.font()
        font.setPixelSize(16)
        text.setFont(font)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(text)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll, 1)
        self.confirm_box = QCheckBox("I have read this. None of it applies to me, or my clinician agrees.", self)
        self.confirm_box.setAccessibleName("Confirm that you have read the safety information")
        self.confirm_box.setToolTip("Tick to continue")
        buttons = QDialogButtonBox(self)
        self.ok_button = buttons.addButton("Continue" if confirm else "Close", QDialogButtonBox.ButtonRole.AcceptRole)
        self.ok_button.setAccessibleName("Continue" if confirm else "Close")
        buttons.accepted.connect(self.accept)
        if confirm:
            layout.addWidget(self.confirm_box)
            self.ok_button.setEnabled(False)
            self.confirm_box.toggled.connect(self._on_confirm_box_toggled)
        else:
            self.confirm_box.hide()
        layout.addWidget(buttons)
        self.resize(640, 620)

    @Slot(bool)
    def _on_confirm_box_toggled(self, checked: bool) -> None:
        self.ok_button.setEnabled(checked)
