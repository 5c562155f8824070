"""The routine editor's form for one step: area, stroke, toward, side, repetitions, pace factor and cue."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QSignalBlocker, Qt, Signal, Slot
from PySide6.QtWidgets import QComboBox, QDoubleSpinBox, QFormLayout, QLabel, QLineEdit, QSpinBox, QWidget

from massage_gui.core.anatomy import AREA_IDS, DRAINS_TOWARD, SIDES, STROKES, default_anatomy
from massage_gui.core.plan import positions_for
from massage_gui.core.positions import share_reps
from massage_gui.core.routine import MAX_CUE, MAX_POSITIONS, MAX_REPS, PACE_FACTOR_RANGE, Step
from massage_gui.core.settings import Settings
from massage_gui.ui.i18n import QT_TRANSLATE_NOOP
from massage_gui.ui.plain_text import WithoutControls, plain_label

BREATH_STROKE = "breath"
MASSAGE_STROKES: tuple[str, ...] = tuple(s for s in STROKES if s != BREATH_STROKE)
FALLBACK_STROKE = "stretch"  # picked when a breathing step becomes a massage step

# English here; shown with self.tr() in the UI's language.
STROKE_WORDS = {
    "breath": (
        QT_TRANSLATE_NOOP("StepForm", "Slow breaths"),
        QT_TRANSLATE_NOOP("StepForm", "In through the nose, a longer breath out; no hands on the face"),
    ),
    "circles": (
        QT_TRANSLATE_NOOP("StepForm", "Circles"),
        QT_TRANSLATE_NOOP("StepForm", "Soft stationary circles, easing the skin toward the node"),
    ),
    "stretch": (
        QT_TRANSLATE_NOOP("StepForm", "Stretch"),
        QT_TRANSLATE_NOOP("StepForm", "Stretch the skin toward the node, then let go"),
    ),
    "sweep": (
        QT_TRANSLATE_NOOP("StepForm", "Sweep"),
        QT_TRANSLATE_NOOP("StepForm", "One long, light glide along the area toward the node"),
    ),
}
SIDE_WORDS = {
    "both": QT_TRANSLATE_NOOP("StepForm", "Both sides at once"),
    "left": QT_TRANSLATE_NOOP("StepForm", "Left side only"),
    "right": QT_TRANSLATE_NOOP("StepForm", "Right side only"),
    "center": QT_TRANSLATE_NOOP("StepForm", "Midline, one hand"),
}


class StepForm(QWidget):
    """Shows one step and reports each field the user changes; it never writes the step itself.

    Signals:
        step_edited(dict): the user changed fields of the shown step (field name -> new value).
    """

    step_edited = Signal(dict)

    def __init__(self, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._settings = settings
        self._step: Step | None = None
        anatomy = default_anatomy()
        self._anatomy = anatomy
        self.heading = plain_label(self)
        font = self.heading.font()
        font.setBold(True)
        self.heading.setFont(font)
        self.area_combo = QComboBox(self)
        self.area_combo.setAccessibleName(self.tr("Area"))
        self.area_combo.setToolTip(self.tr("Where the hands work"))
        for area in AREA_IDS:
            self.area_combo.addItem(anatomy.areas[area].label, area)
        self.stroke_combo = QComboBox(self)
        self.stroke_combo.setAccessibleName(self.tr("Stroke"))
        self.stroke_combo.setToolTip(self.tr("How the hands move"))
        self.toward_combo = QComboBox(self)
        self.toward_combo.setAccessibleName(self.tr("Toward"))
        self.toward_combo.setToolTip(self.tr("The node group the strokes drain toward"))
        self.side_combo = QComboBox(self)
        self.side_combo.setAccessibleName(self.tr("Side"))
        self.side_combo.setToolTip(self.tr("Which side of your body (left and right are your own sides)"))
        for side in SIDES:
            self.side_combo.addItem(self.tr(SIDE_WORDS[side]), side)
        self.reps_spin = QSpinBox(self)
        self.reps_spin.setRange(1, MAX_REPS)
        self.reps_spin.setAccessibleName(self.tr("Repetitions"))
        self.reps_spin.setToolTip(self.tr("How many strokes in all, 1 to {max}").format(max=MAX_REPS))
        self.positions_spin = QSpinBox(self)
        self.positions_spin.setRange(0, MAX_POSITIONS)  # 0: the area's usual number
        self.positions_spin.setAccessibleName(self.tr("Hand positions"))
        self.positions_spin.setToolTip(
            self.tr("The spots the hands work in turn, nearest the node first; the strokes are shared out over them")
        )
        self.pace_spin = QDoubleSpinBox(self)
        self.pace_spin.setRange(*PACE_FACTOR_RANGE)
        self.pace_spin.setSingleStep(0.1)
        self.pace_spin.setDecimals(2)  # built-in routines use factors such as 1.25
        self.pace_spin.setSuffix(" ×")
        self.pace_spin.setAccessibleName(self.tr("Pace factor"))
        self.pace_spin.setToolTip(
            self.tr("Times your pace: 1.0 is your usual stroke; 1.5 makes each stroke half as long again")
        )
        self.breath_note = plain_label(self)
        self.breath_note.setWordWrap(True)
        self.breath_note.setAccessibleName(self.tr("Breath length"))
        self.cue_edit = QLineEdit(self)
        self.cue_edit.setMaxLength(MAX_CUE)
        self.cue_edit.setValidator(WithoutControls(self.cue_edit))
        self.cue_edit.setAccessibleName(self.tr("Cue"))
        self.cue_edit.setToolTip(
            self.tr("A short reminder shown during the step, at most {max} characters").format(max=MAX_CUE)
        )
        self.cue_edit.setPlaceholderText(self.tr("e.g. Flat fingers, skin only"))
        self.cue_count_label = plain_label(self)
        self.cue_count_label.setAccessibleName(self.tr("Cue length"))

        self.form = QFormLayout(self)
        self.form.setContentsMargins(0, 0, 0, 0)
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        self.form.addRow(self.heading)
        self.form.addRow(self.tr("&Area"), self.area_combo)
        self.form.addRow(self.tr("&Stroke"), self.stroke_combo)
        self.form.addRow(self.tr("&Toward"), self.toward_combo)
        self.form.addRow(self.tr("S&ide"), self.side_combo)
        self.form.addRow(self.tr("&Repetitions"), self.reps_spin)
        self.form.addRow(self.tr("&Hand positions"), self.positions_spin)
        self.form.addRow(self.tr("&Pace factor"), self.pace_spin)
        self.form.addRow(self.breath_note)
        self.form.addRow(self.tr("&Cue"), self.cue_edit)
        self.form.addRow("", self.cue_count_label)

        self.area_combo.currentIndexChanged.connect(self._on_area_combo_current_index_changed)
        self.stroke_combo.currentIndexChanged.connect(self._on_stroke_combo_current_index_changed)
        self.toward_combo.currentIndexChanged.connect(self._on_toward_combo_current_index_changed)
        self.side_combo.currentIndexChanged.connect(self._on_side_combo_current_index_changed)
        self.reps_spin.valueChanged.connect(self._on_reps_spin_value_changed)
        self.positions_spin.valueChanged.connect(self._on_positions_spin_value_changed)
        self.pace_spin.valueChanged.connect(self._on_pace_spin_value_changed)
        self.cue_edit.textChanged.connect(self._on_cue_edit_text_changed)

    def fields(self) -> tuple[QWidget, ...]:
        return (
            self.area_combo,
            self.stroke_combo,
            self.toward_combo,
            self.side_combo,
            self.reps_spin,
            self.positions_spin,
            self.pace_spin,
            self.cue_edit,
        )

    def show_step(self, step: Step | None, heading: str) -> None:
        """Put a step into the form without the form reporting it back (None: nothing selected)."""
        self._step = step
        self.heading.setText(heading)
        for widget in self.fields():
            widget.setEnabled(step is not None)
        if step is None:
            return
        blockers = [QSignalBlocker(w) for w in self.fields()]
        self.area_combo.setCurrentIndex(self.area_combo.findData(step.area))
        self._fill_choices(step)
        self.side_combo.setCurrentIndex(self.side_combo.findData(step.side))
        self.reps_spin.setValue(step.reps)
        self.positions_spin.setValue(step.positions or 0)
        self._show_positions_hint(step)
        self.pace_spin.setValue(step.pace_factor)
        if self.cue_edit.text() != step.cue:
            self.cue_edit.setText(step.cue)
            self.cue_edit.setCursorPosition(0)  # a cue longer than the field shows its start, not its end
        del blockers
        self._show_cue_count(step.cue)

    def track(self, step: Step | None) -> None:
        """The shown step as the editor now holds it (after the form's own change was written)."""
        self._step = step

    def _fill_choices(self, step: Step) -> None:
        """Offer only the strokes and nodes that go with the step's area; hide what a breath lacks."""
        breathing = step.stroke == BREATH_STROKE
        with QSignalBlocker(self.stroke_combo), QSignalBlocker(self.toward_combo):
            self.stroke_combo.clear()
            for stroke in (BREATH_STROKE,) if breathing else MASSAGE_STROKES:
                text, tip = STROKE_WORDS[stroke]
                self.stroke_combo.addItem(self.tr(text), stroke)
                self.stroke_combo.setItemData(self.stroke_combo.count() - 1, self.tr(tip), Qt.ItemDataRole.ToolTipRole)
            self.stroke_combo.setCurrentIndex(self.stroke_combo.findData(step.stroke))
            self.toward_combo.clear()
            for node in DRAINS_TOWARD[step.area]:
                self.toward_combo.addItem(self._anatomy.nodes[node].label, node)
            self.toward_combo.setCurrentIndex(self.toward_combo.findData(step.toward) if step.toward else -1)
        self.stroke_combo.setEnabled(self.stroke_combo.count() > 1)
        self.toward_combo.setEnabled(not breathing)
        for widget in (self.toward_combo, self.side_combo, self.positions_spin, self.pace_spin):
            self.form.setRowVisible(widget, not breathing)
        self.form.setRowVisible(self.breath_note, breathing)
        self.breath_note.setText(
            self.tr("Each breath lasts {seconds} s (Preferences, Breath length); pace does not change it.").format(
                seconds=self.locale().toString(self._settings.breath_s, "g")
            )
        )
        reps_label = self.form.labelForField(self.reps_spin)
        if isinstance(reps_label, QLabel):
            reps_label.setText(self.tr("&Breaths") if breathing else self.tr("&Repetitions"))
        self.reps_spin.setAccessibleName(self.tr("Breaths") if breathing else self.tr("Repetitions"))

    def _show_positions_hint(self, step: Step) -> None:
        """'Usual (3)' for the area's own number; each value says how the strokes are shared out."""
        usual = self._anatomy.areas[step.area].positions
        self.positions_spin.setSpecialValueText(self.tr("Usual ({count})").format(count=usual))
        if step.stroke != BREATH_STROKE:
            shares = share_reps(step.reps, positions_for(step))
            self.positions_spin.setAccessibleDescription(
                self.tr("{spots} spots, {most} strokes at the first").format(spots=len(shares), most=shares[0])
            )

    def _show_cue_count(self, cue: str) -> None:
        self.cue_count_label.setText(self.tr("{count}/{max} characters").format(count=len(cue), max=MAX_CUE))

    def _edited(self, **changes: Any) -> None:
        self.step_edited.emit(changes)

    @Slot(int)
    def _on_area_combo_current_index_changed(self, index: int) -> None:
        step = self._step
        area = self.area_combo.itemData(index)
        if step is None or area not in AREA_IDS:
            return
        if area == "breathing":
            stroke, toward = BREATH_STROKE, None
        else:
            stroke = step.stroke if step.stroke in MASSAGE_STROKES else FALLBACK_STROKE
            toward = step.toward if step.toward in DRAINS_TOWARD[area] else DRAINS_TOWARD[area][0]
        self._edited(area=area, stroke=stroke, toward=toward)

    @Slot(int)
    def _on_stroke_combo_current_index_changed(self, index: int) -> None:
        stroke = self.stroke_combo.itemData(index)
        if stroke is not None:
            self._edited(stroke=stroke)

    @Slot(int)
    def _on_toward_combo_current_index_changed(self, index: int) -> None:
        toward = self.toward_combo.itemData(index)
        if toward is not None:
            self._edited(toward=toward)

    @Slot(int)
    def _on_side_combo_current_index_changed(self, index: int) -> None:
        side = self.side_combo.itemData(index)
        if side is not None:
            self._edited(side=side)

    @Slot(int)
    def _on_reps_spin_value_changed(self, value: int) -> None:
        self._edited(reps=value)

    @Slot(int)
    def _on_positions_spin_value_changed(self, value: int) -> None:
        self._edited(positions=value or None)

    @Slot(float)
    def _on_pace_spin_value_changed(self, value: float) -> None:
        self._edited(pace_factor=round(value, 2))

    @Slot(str)
    def _on_cue_edit_text_changed(self, text: str) -> None:
        self._show_cue_count(text[:MAX_CUE])
        self._edited(cue=text[:MAX_CUE])
