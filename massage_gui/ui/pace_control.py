"""The live pace control: a slider and its value in seconds per stroke."""

from __future__ import annotations

from PySide6.QtCore import QSignalBlocker, Qt, Signal, Slot
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSlider, QWidget

from massage_gui.core.settings import settings_field

_META = settings_field("pace_s").metadata
STEP_S = 0.1


class PaceControl(QWidget):
    """Signals:
    pace_changed(float): the user moved the slider (seconds per stroke).
    """

    pace_changed = Signal(float)

    def __init__(self, pace_s: float, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.slider = QSlider(Qt.Orientation.Horizontal, self)
        self.slider.setRange(round(_META["min"] / STEP_S), round(_META["max"] / STEP_S))
        self.slider.setSingleStep(1)
        self.slider.setPageStep(5)
        self.slider.setMinimumWidth(110)
        self.slider.setAccessibleName(self.tr("Pace in seconds per stroke"))
        self.slider.setToolTip(self.tr("Pace: seconds per stroke (keys + and -)"))
        self.value_label = QLabel(self)
        widest = self._value_text(_META["max"] - STEP_S)
        self.value_label.setMinimumWidth(self.value_label.fontMetrics().horizontalAdvance(widest) + 4)
        self.value_label.setAccessibleName(self.tr("Pace value"))
        label = QLabel(self.tr("Pace"), self)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 0, 6, 0)
        layout.addWidget(label)
        layout.addWidget(self.slider)
        layout.addWidget(self.value_label)
        self.set_pace(pace_s)
        self.slider.valueChanged.connect(self._on_slider_value_changed)

    def pace(self) -> float:
        return round(self.slider.value() * STEP_S, 1)

    def set_pace(self, pace_s: float) -> None:
        """Show a pace set elsewhere (keys, settings) without echoing it back."""
        with QSignalBlocker(self.slider):
            self.slider.setValue(round(pace_s / STEP_S))
        self.value_label.setText(self._value_text(self.pace()))

    def _value_text(self, pace_s: float) -> str:
        """'2.0 s/stroke', with the decimal mark of the UI's language."""
        return self.tr("{pace} s/stroke").format(pace=self.locale().toString(pace_s, "f", 1))

    @Slot(int)
    def _on_slider_value_changed(self, value: int) -> None:
        self.value_label.setText(self._value_text(self.pace()))
        self.pace_changed.emit(self.pace())
