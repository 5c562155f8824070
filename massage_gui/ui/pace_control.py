"""The live pace control: a slider from faster to slower, and the pace in seconds per stroke."""

from __future__ import annotations

from PySide6.QtCore import QSignalBlocker, Qt, Slot
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSlider, QWidget

from massage_gui.core.app_state import AppState, SettingsChange
from massage_gui.core.settings import settings_field
from massage_gui.ui.pace_text import pace_number

_META = settings_field("pace_s").metadata
SLIDER_STEP_S = 0.05
WIDE_SLIDER_PX = 90  # with the words beside the icons, the toolbar fits a 1280 px screen inside a window frame


ARROW_KEYS = frozenset({Qt.Key.Key_Left, Qt.Key.Key_Right, Qt.Key.Key_Up, Qt.Key.Key_Down})


class _PaceSlider(QSlider):
    """A slider that leaves the arrow keys to the window (previous and next step), even with the focus:
    with focus it moves by Page Up and Page Down, Home and End."""

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt override)
        if event.key() in ARROW_KEYS:
            event.ignore()
            return
        super().keyPressEvent(event)


class PaceControl(QWidget):
    """Shows the state's pace and sends the user's changes to it."""

    def __init__(self, state: AppState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._state = state
        self._narrow = False
        self.slider = _PaceSlider(Qt.Orientation.Horizontal, self)
        self.slider.setRange(round(_META["min"] / SLIDER_STEP_S), round(_META["max"] / SLIDER_STEP_S))
        self.slider.setSingleStep(round(0.25 / SLIDER_STEP_S))
        self.slider.setPageStep(round(0.5 / SLIDER_STEP_S))
        self.slider.setMinimumWidth(WIDE_SLIDER_PX)
        self.slider.setAccessibleName(self.tr("Pace in seconds per stroke"))
        self.slider.setAccessibleDescription(self.tr("Seconds per stroke: left is faster, right is slower"))
        self.slider.setToolTip(self.tr("Left: faster strokes. Right: slower strokes. Keys: - faster, + slower"))
        faster = QLabel(self.tr("faster"), self)
        slower = QLabel(self.tr("slower"), self)
        self.value_label = QLabel(self)
        widest = self._value_text(_META["max"] - SLIDER_STEP_S)
        self.value_label.setMinimumWidth(self.value_label.fontMetrics().horizontalAdvance(widest) + 4)
        self.title = QLabel(self.tr("Pace"), self)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 0, 6, 0)
        for widget in (self.title, faster, self.slider, slower, self.value_label):
            layout.addWidget(widget)
        self._show(state.settings.pace_s)
        self.slider.valueChanged.connect(self._on_slider_value_changed)
        state.events.settings.connect(self._on_state_settings)

    def set_narrow(self, narrow: bool) -> None:
        """In a narrow window the ends' words ("faster", "slower") stay and the heading goes."""
        self.title.setVisible(not narrow)
        self.slider.setMinimumWidth(70 if narrow else WIDE_SLIDER_PX)
        self._narrow = narrow
        self._show(self._state.settings.pace_s, force=True)

    def pace(self) -> float:
        """The pace the slider shows, in seconds per stroke."""
        return round(self.slider.value() * SLIDER_STEP_S, 2)

    def _show(self, pace_s: float, force: bool = False) -> None:
        if round(pace_s / SLIDER_STEP_S) != self.slider.value():
            with QSignalBlocker(self.slider):
                self.slider.setValue(round(pace_s / SLIDER_STEP_S))
        text = self._value_text(pace_s)
        if force or self.value_label.text() != text:
            self.value_label.setText(text)
            self.value_label.setAccessibleName(text)

    def _value_text(self, pace_s: float) -> str:
        """'2.0 s/stroke' ('2.0 s' when narrow), '2.25 s/stroke', with the UI language's decimal mark."""
        shown = pace_number(self.locale(), pace_s)
        return self.tr("{pace} s").format(pace=shown) if self._narrow else self.tr("{pace} s/stroke").format(pace=shown)

    def _on_state_settings(self, change: SettingsChange) -> None:
        if "pace_s" in change.fields:
            self._show(change.settings.pace_s)

    @Slot(int)
    def _on_slider_value_changed(self, value: int) -> None:
        if not self._state.set_pace(self.pace()):
            self._show(self._state.settings.pace_s)
