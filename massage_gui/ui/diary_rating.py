"""The diary's 0 to 10 rating: a slider and a spin box that follow each other, and show plainly when no number is
chosen yet."""

from __future__ import annotations

from PySide6.QtCore import QRect, QRectF, Qt, Signal, Slot
from PySide6.QtGui import QKeyEvent, QMouseEvent, QPainter, QPaintEvent, QPalette, QPen, QWheelEvent
from PySide6.QtWidgets import (
    QGridLayout,
    QLabel,
    QSlider,
    QSpinBox,
    QStyle,
    QStyleOptionSlider,
    QStylePainter,
    QWidget,
)

UNSET = -1  # a rating not chosen yet (the spin box shows a dash)
_MOVES = {
    Qt.Key.Key_Left, Qt.Key.Key_Right, Qt.Key.Key_Up, Qt.Key.Key_Down,
    Qt.Key.Key_PageUp, Qt.Key.Key_PageDown, Qt.Key.Key_Home, Qt.Key.Key_End,
}  # fmt: skip


def _wheel_aimed(widget: QWidget, event: QWheelEvent) -> bool:
    """Whether a wheel turned over ``widget`` is meant for it: only once it has the focus. Otherwise the wheel
    scrolls the form it passes over (the event goes on to the scroll area) and changes no rating."""
    if widget.hasFocus():
        return True
    event.ignore()
    return False


class RatingSpin(QSpinBox):
    """The rating's number box, left alone by a wheel that passes over it (see ``_wheel_aimed``)."""

    def wheelEvent(self, event: QWheelEvent) -> None:  # noqa: N802 (Qt override)
        if _wheel_aimed(self, event):
            super().wheelEvent(event)


class RatingSlider(QSlider):
    """A horizontal 0 to 10 slider that may show no number: until one is chosen it draws no handle (a handle at
    0 would read as a 0). A click chooses the number under the pointer, a key starts from 0.

    Signals:
        picked(int): the user chose this number (also when it is where the hidden handle was).
    """

    picked = Signal(int)

    def __init__(self, parent: QWidget) -> None:
        super().__init__(Qt.Orientation.Horizontal, parent)
        self.setRange(0, 10)
        self.setPageStep(1)
        self.setTickPosition(QSlider.TickPosition.TicksBelow)
        self.setTickInterval(1)
        self.chosen = True
        self.set_chosen(False)

    def set_chosen(self, chosen: bool) -> None:
        if chosen != self.chosen:
            self.chosen = chosen
            self.setAccessibleDescription("" if chosen else self.tr("Not chosen yet"))
            self.update()

    def _option(self) -> QStyleOptionSlider:
        option = QStyleOptionSlider()
        self.initStyleOption(option)
        return option

    def _part(self, option: QStyleOptionSlider, part: QStyle.SubControl) -> QRect:
        return self.style().subControlRect(QStyle.ComplexControl.CC_Slider, option, part, self)

    def value_at(self, x: float) -> int:
        """The number whose place on the scale is nearest to ``x``."""
        option = self._option()
        groove = self._part(option, QStyle.SubControl.SC_SliderGroove)
        handle = self._part(option, QStyle.SubControl.SC_SliderHandle)
        span = groove.width() - handle.width()
        place = round(x - groove.x() - handle.width() / 2)
        return QStyle.sliderValueFromPosition(self.minimum(), self.maximum(), place, span, option.upsideDown)

    def wheelEvent(self, event: QWheelEvent) -> None:  # noqa: N802 (Qt override)
        if _wheel_aimed(self, event):
            super().wheelEvent(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 (Qt override)
        if event.button() == Qt.MouseButton.LeftButton:
            handle = self._part(self._option(), QStyle.SubControl.SC_SliderHandle)
            if not self.chosen or not handle.contains(event.position().toPoint()):
                # Qt's own click steps one number toward the pointer; the number under it is what was meant.
                self.setValue(self.value_at(event.position().x()))
                self.picked.emit(self.value())
        super().mousePressEvent(event)  # on the handle now: a drag goes on from here

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt override)
        if not self.chosen and event.key() in _MOVES:
            self.picked.emit(self.value())  # the keys move on from the hidden 0
        super().keyPressEvent(event)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt override)
        if self.chosen:
            super().paintEvent(event)
            return
        painter = QStylePainter(self)  # no handle asked for: the scale alone (a handle at 0 would read as a 0)
        option = self._option()
        option.subControls = QStyle.SubControl.SC_SliderGroove | QStyle.SubControl.SC_SliderTickmarks
        option.sliderPosition = option.sliderValue = self.minimum()
        painter.drawComplexControl(QStyle.ComplexControl.CC_Slider, option)
        if self.hasFocus():  # the handle shows where the keys are, as a style draws it: without one, a frame
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.setPen(QPen(self.palette().color(QPalette.ColorRole.Highlight), 2.0))
            painter.drawRoundedRect(QRectF(self.rect()).adjusted(1, 1, -1, -1), 3.0, 3.0)


class Rating(QWidget):
    """A 0 to 10 rating: a slider and a spin box that follow each other, not chosen until touched."""

    def __init__(self, name: str, value: int | None, parent: QWidget) -> None:
        super().__init__(parent)
        self.slider = RatingSlider(self)
        self.spin = RatingSpin(self)
        self.spin.setRange(UNSET, 10)
        self.spin.setSpecialValueText("–")
        self.spin.setObjectName(f"{name}_rating")
        layout = QGridLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(QLabel(self.tr("0 none"), self), 0, 0)
        layout.addWidget(self.slider, 0, 1)
        layout.addWidget(QLabel(self.tr("10 the worst"), self), 0, 2)
        layout.addWidget(self.spin, 0, 3)
        layout.setColumnStretch(1, 1)
        self.spin.setValue(UNSET if value is None else value)
        self.slider.setValue(max(self.spin.value(), 0))
        self.slider.set_chosen(value is not None)
        self.slider.valueChanged.connect(self._on_slider_value_changed)
        self.slider.picked.connect(self._on_slider_picked)
        self.spin.valueChanged.connect(self._on_spin_value_changed)

    @Slot(int)
    def _on_slider_value_changed(self, value: int) -> None:
        if self.slider.chosen:
            self.spin.setValue(value)

    @Slot(int)
    def _on_slider_picked(self, value: int) -> None:
        self.spin.setValue(value)

    @Slot(int)
    def _on_spin_value_changed(self, value: int) -> None:
        self.slider.set_chosen(value != UNSET)
        if value != UNSET and self.slider.value() != value:
            self.slider.setValue(value)

    def value(self) -> int | str:
        """The rating, or '' while not chosen (which the check refuses with a message)."""
        return "" if self.spin.value() == UNSET else self.spin.value()
