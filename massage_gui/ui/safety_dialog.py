"""The safety screen: who should ask a clinician first, how to sit, how light the pressure is, and when to stop."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal, Slot
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QRadioButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from massage_gui.ui.i18n import QT_TRANSLATE_NOOP
from massage_gui.ui.screen_fit import resize_to_fit

# English here; shown through _tr() in the UI's language.
ASK_FIRST = (
    QT_TRANSLATE_NOOP("SafetyDialog", "an infection, a fever, or red, hot, painful skin (cellulitis)"),
    QT_TRANSLATE_NOOP("SafetyDialog", "a blood clot now or recently"),
    QT_TRANSLATE_NOOP("SafetyDialog", "heart failure or other heart problems"),
    QT_TRANSLATE_NOOP("SafetyDialog", "active cancer, or cancer that is being treated, in the head or neck"),
    QT_TRANSLATE_NOOP("SafetyDialog", "new swelling that no doctor has explained"),
    QT_TRANSLATE_NOOP("SafetyDialog", "surgery, a wound, broken or weeping skin in the area"),
    QT_TRANSLATE_NOOP("SafetyDialog", "severe kidney disease"),
    QT_TRANSLATE_NOOP("SafetyDialog", "radiotherapy to the face or neck, now or in the last few weeks"),
    QT_TRANSLATE_NOOP("SafetyDialog", "low blood pressure"),
)
ASK_FIRST_NECK = (
    QT_TRANSLATE_NOOP("SafetyDialog", "fainting or a sensitive carotid sinus"),
    QT_TRANSLATE_NOOP("SafetyDialog", "narrowed neck arteries (carotid stenosis)"),
    QT_TRANSLATE_NOOP("SafetyDialog", "a stroke or a mini-stroke (TIA) in the past"),
    QT_TRANSLATE_NOOP("SafetyDialog", "an irregular heartbeat"),
    QT_TRANSLATE_NOOP("SafetyDialog", "an overactive thyroid"),
)
POSITIONING = (
    QT_TRANSLATE_NOOP("SafetyDialog", "Sit upright, so that gravity helps the fluid drain."),
    QT_TRANSLATE_NOOP(
        "SafetyDialog",
        "Swelling is often worst in the morning, after a night lying flat, so a session in the morning helps most.",
    ),
    QT_TRANSLATE_NOOP(
        "SafetyDialog",
        "Do not move fluid toward scars or hard (fibrotic) skin unless your therapist has given you a plan for it.",
    ),
)
PRESSURE = QT_TRANSLATE_NOOP(
    "SafetyDialog",
    "Move the skin, not the muscle: about the weight of your hand. Use flat fingers or the palm, on dry skin. "
    "The skin should not turn red, and nothing should hurt.",
)
NEVER = QT_TRANSLATE_NOOP(
    "SafetyDialog",
    "Never press or rub where you feel the pulse of the neck artery, below the angle of the jaw (shown in red on "
    "the neck steps).",
)
STOP = QT_TRANSLATE_NOOP(
    "SafetyDialog", "Stop at once if you feel dizzy or faint, or if pain, new redness or swelling appear."
)
WHAT_IT_IS = QT_TRANSLATE_NOOP(
    "SafetyDialog",
    "This app paces the gentle self-massage that lymphoedema therapists teach. It is not a treatment and does "
    "not replace your therapist's own plan, which comes first if you have one.",
)
ASK_FIRST_HEADING = QT_TRANSLATE_NOOP("SafetyDialog", "Ask your doctor or therapist first if you have")
NECK_HEADING = QT_TRANSLATE_NOOP("SafetyDialog", "For the neck steps, also if you have:")


def _tr(text: str) -> str:
    return QCoreApplication.translate("SafetyDialog", text)


def safety_html() -> str:
    items = "".join(f"<li>{_tr(text)}</li>" for text in ASK_FIRST)
    neck = "".join(f"<li>{_tr(text)}</li>" for text in ASK_FIRST_NECK)
    positioning = "".join(f"<li>{_tr(text)}</li>" for text in POSITIONING)
    how_to_sit = QCoreApplication.translate("SafetyDialog", "How to sit, and when")
    how_light = QCoreApplication.translate("SafetyDialog", "How light")
    when_to_stop = QCoreApplication.translate("SafetyDialog", "When to stop")
    return (
        f"<p>{_tr(WHAT_IT_IS)}</p>"
        f"<h3>{_tr(ASK_FIRST_HEADING)}</h3>"
        f"<ul>{items}</ul>"
        f"<p>{_tr(NECK_HEADING)}</p>"
        f"<ul>{neck}</ul>"
        f"<h3>{how_to_sit}</h3>"
        f"<ul>{positioning}</ul>"
        f"<h3>{how_light}</h3>"
        f"<p>{_tr(PRESSURE)}</p><p><b>{_tr(NEVER)}</b></p>"
        f"<h3>{when_to_stop}</h3>"
        f"<p>{_tr(STOP)}</p>"
    )


class ClickableLabel(QLabel):
    """Words that tick their check box when clicked, as the box's own text would (the box's text cannot wrap).

    Signals:
        clicked(): released with the left button over the words.
    """

    clicked = Signal()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802 (Qt override)
        if event.button() == Qt.MouseButton.LeftButton and self.rect().contains(event.position().toPoint()):
            self.clicked.emit()
            return
        super().mouseReleaseEvent(event)


class SafetyDialog(QDialog):
    """Shown once on first start (the user confirms) and any time from Help > Safety."""

    def __init__(self, parent: QWidget | None = None, confirm: bool = True, treated_side: str = "none") -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Before you start: safety"))
        self.setAccessibleName(self.tr("Safety information"))
        text = QLabel(safety_html(), self)
        text.setTextFormat(Qt.TextFormat.RichText)
        text.setWordWrap(True)
        text.setAccessibleName(self.tr("Safety information"))
        parts = [WHAT_IT_IS, ASK_FIRST_HEADING, *ASK_FIRST, NECK_HEADING, *ASK_FIRST_NECK, *POSITIONING]
        parts += [PRESSURE, NEVER, STOP]
        text.setAccessibleDescription(" ".join(_tr(t) for t in parts))
        font = text.font()
        font.setPixelSize(16)
        text.setFont(font)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(text)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll, 1)
        # The box's words are a label beside it, so that they wrap (a long translation kept the screen wider
        # than a small one); a click on them ticks the box, as a click on a check box's own text would.
        confirmation = self.tr("I have read this. None of it applies to me, or my clinician agrees.")
        self.confirm_box = QCheckBox(self)
        self.confirm_box.setAccessibleName(self.tr("Confirm that you have read the safety information"))
        self.confirm_box.setAccessibleDescription(confirmation)
        self.confirm_box.setToolTip(self.tr("Tick to continue"))
        self.confirm_label = ClickableLabel(confirmation, self)
        self.confirm_label.clicked.connect(self._on_confirm_label_clicked)
        self.confirm_label.setTextFormat(Qt.TextFormat.PlainText)
        self.confirm_label.setWordWrap(True)
        self.confirm_label.setBuddy(self.confirm_box)
        confirm_row = QWidget(self)
        row = QHBoxLayout(confirm_row)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.confirm_box, 0, Qt.AlignmentFlag.AlignTop)
        row.addWidget(self.confirm_label, 1)
        buttons = QDialogButtonBox(self)
        button_text = self.tr("Continue") if confirm else self.tr("Close")
        self.ok_button = buttons.addButton(button_text, QDialogButtonBox.ButtonRole.AcceptRole)
        self.ok_button.setAccessibleName(button_text)
        buttons.accepted.connect(self.accept)
        self.treated_box = self._treated_question(treated_side)
        answer_font = self.font()
        answer_font.setPixelSize(15)  # read at the same distance as the text above
        self.treated_box.setFont(answer_font)
        self.confirm_label.setFont(answer_font)
        if confirm:
            layout.addWidget(self.treated_box)
            layout.addWidget(confirm_row)
            self.ok_button.setEnabled(False)
            self.confirm_box.toggled.connect(self._on_confirm_box_toggled)
        else:
            confirm_row.hide()
            self.treated_box.hide()  # changed in Preferences once the screen has been confirmed
        layout.addWidget(buttons)
        # Reading order: the text, the question's answers, the confirmation, Continue.
        checked = self.treated_buttons.checkedButton() or self.treated_buttons.buttons()[0]
        QWidget.setTabOrder(scroll, checked)
        QWidget.setTabOrder(checked, self.confirm_box)
        QWidget.setTabOrder(self.confirm_box, self.ok_button)
        resize_to_fit(self, 660, 720)  # the text scrolls on a small or scaled screen; Continue stays on it

    def _treated_question(self, treated_side: str) -> QGroupBox:
        """Asked once, gently, and optional: a treated neck side changes which way the strokes go."""
        box = QGroupBox(self.tr("If you were treated for head or neck cancer"), self)
        layout = QVBoxLayout(box)
        question = QLabel(
            self.tr(
                "Were lymph nodes in your neck removed, or treated with radiotherapy? Then the fluid on that side "
                "needs another way, and the app sends that side's strokes the way therapists teach for it. "
                "Not sure? Ask your therapist, and change this later in Preferences."
            ),
            box,
        )
        question.setTextFormat(Qt.TextFormat.PlainText)
        question.setWordWrap(True)
        layout.addWidget(question)
        self.treated_buttons = QButtonGroup(box)
        choices = {
            "none": self.tr("No"),
            "left": self.tr("Yes, on my left side"),
            "right": self.tr("Yes, on my right side"),
            "both": self.tr("Yes, on both sides"),
        }
        self._treated_choices: dict[QRadioButton, str] = {}
        for value, label in choices.items():
            button = QRadioButton(label, box)
            button.setChecked(value == treated_side)
            self.treated_buttons.addButton(button)
            self._treated_choices[button] = value
            layout.addWidget(button)
        box.setAccessibleName(self.tr("Neck lymph nodes removed or treated with radiotherapy"))
        return box

    def treated_side(self) -> str:
        """The answer: none, left, right or both."""
        checked = self.treated_buttons.checkedButton()
        return self._treated_choices.get(checked, "none") if isinstance(checked, QRadioButton) else "none"

    @Slot()
    def _on_confirm_label_clicked(self) -> None:
        self.confirm_box.toggle()
        self.confirm_box.setFocus(Qt.FocusReason.MouseFocusReason)

    @Slot(bool)
    def _on_confirm_box_toggled(self, checked: bool) -> None:
        self.ok_button.setEnabled(checked)
