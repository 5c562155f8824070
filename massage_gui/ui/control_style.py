"""Fusion with outlines people can see: check boxes, slider grooves and handles, buttons and fields drawn
with the palette's Mid colour, which theme.py keeps at 3:1 or more against the background."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPalette, QPen
from PySide6.QtWidgets import (
    QProxyStyle,
    QSlider,
    QStyle,
    QStyleOption,
    QStyleOptionButton,
    QStyleOptionComplex,
    QStyleOptionSlider,
    QWidget,
)

# Fusion draws every outline in the window colour darkened by 40 % (invisible on black, faint on dark
# grey) and gives the palette no say; these are the parts whose outline is drawn again here.
_OUTLINED_PANELS = frozenset({QStyle.PrimitiveElement.PE_PanelButtonCommand, QStyle.PrimitiveElement.PE_FrameLineEdit})
_OUTLINED_FIELDS = frozenset({QStyle.ComplexControl.CC_SpinBox, QStyle.ComplexControl.CC_ComboBox})
_FRAMES = frozenset(
    {QStyle.PrimitiveElement.PE_Frame, QStyle.PrimitiveElement.PE_FrameMenu, QStyle.PrimitiveElement.PE_PanelMenu}
)
INDICATOR_PX = 20  # check boxes big enough to hit at arm's length (Fusion's are 14)
SLIDER_THICKNESS_PX = 24
SLIDER_HANDLE_PX = 16
GROOVE_PX = 8
R = QPalette.ColorRole


def _line_width(rect: QRectF) -> float:
    return 2.0 if min(rect.width(), rect.height()) >= 16 else 1.0


def _inset(rect: QRectF, width: float) -> QRectF:
    return rect.adjusted(width / 2, width / 2, -width / 2, -width / 2)


class ControlStyle(QProxyStyle):
    """Fusion, with check boxes, radio buttons and sliders drawn here and field and button outlines in Mid."""

    def __init__(self) -> None:
        super().__init__("Fusion")

    def pixelMetric(  # noqa: N802 (Qt override)
        self, metric: QStyle.PixelMetric, option: QStyleOption | None = None, widget: QWidget | None = None
    ) -> int:
        m = QStyle.PixelMetric
        if metric in (
            m.PM_IndicatorWidth,
            m.PM_IndicatorHeight,
            m.PM_ExclusiveIndicatorWidth,
            m.PM_ExclusiveIndicatorHeight,
        ):
            return INDICATOR_PX
        if metric == m.PM_SliderThickness:
            return SLIDER_THICKNESS_PX
        if metric == m.PM_SliderLength:
            return SLIDER_HANDLE_PX
        return super().pixelMetric(metric, option, widget)

    def drawPrimitive(  # noqa: N802 (Qt override)
        self,
        element: QStyle.PrimitiveElement,
        option: QStyleOption,
        painter: QPainter,
        widget: QWidget | None = None,
    ) -> None:
        e = QStyle.PrimitiveElement
        if element == e.PE_IndicatorCheckBox:
            self._draw_check_box(option, painter)
        elif element == e.PE_IndicatorRadioButton:
            self._draw_radio_button(option, painter)
        else:
            super().drawPrimitive(element, option, painter, widget)
            if element in _FRAMES:
                painter.save()
                painter.setPen(option.palette.color(R.Mid))
                painter.setBrush(Qt.BrushStyle.NoBrush)
                painter.drawRect(option.rect.adjusted(0, 0, -1, -1))
                painter.restore()
            elif element in _OUTLINED_PANELS and not _is_flat(option):
                top = 1 if element == e.PE_PanelButtonCommand else 0  # Fusion draws buttons a pixel lower
                self._outline(option, painter, QRectF(option.rect).adjusted(0, top, 0, 0))

    def drawControl(  # noqa: N802 (Qt override)
        self,
        element: QStyle.ControlElement,
        option: QStyleOption,
        painter: QPainter,
        widget: QWidget | None = None,
    ) -> None:
        super().drawControl(element, option, painter, widget)
        if element == QStyle.ControlElement.CE_ProgressBarGroove:
            self._outline(option, painter, QRectF(option.rect))

    def drawComplexControl(  # noqa: N802 (Qt override)
        self,
        control: QStyle.ComplexControl,
        option: QStyleOptionComplex,
        painter: QPainter,
        widget: QWidget | None = None,
    ) -> None:
        if control == QStyle.ComplexControl.CC_Slider and isinstance(option, QStyleOptionSlider):
            self._draw_slider(option, painter, widget)
            return
        super().drawComplexControl(control, option, painter, widget)
        if control in _OUTLINED_FIELDS and getattr(option, "frame", True):
            self._outline(option, painter, QRectF(option.rect))

    # -- drawing -----------------------------------------------------------------------------------

    @staticmethod
    def _line_color(option: QStyleOption) -> QColor:
        """Mid, or the highlight for the box that has the keyboard focus."""
        flags = QStyle.StateFlag
        focused = option.state & flags.State_HasFocus and option.state & flags.State_KeyboardFocusChange
        return option.palette.color(R.Highlight if focused else R.Mid)

    @staticmethod
    def _outline(option: QStyleOption, painter: QPainter, rect: QRectF) -> None:
        """A field's or button's rounded outline where Fusion draws its own: Mid, the highlight with the focus."""
        focused = bool(option.state & QStyle.StateFlag.State_HasFocus)
        color = option.palette.color(R.Highlight if focused else R.Mid)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setPen(QPen(color, 1.0))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRoundedRect(_inset(rect, 1.0), 2.0, 2.0)
        painter.restore()

    def _draw_check_box(self, option: QStyleOption, painter: QPainter) -> None:
        state = option.state
        rect = QRectF(option.rect)
        width = _line_width(rect)
        box = _inset(rect, width)
        palette = option.palette
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        fill = palette.color(R.Base)
        if state & QStyle.StateFlag.State_Sunken:
            fill = mix(fill, palette.color(R.Text), 0.2)
        painter.setPen(QPen(self._line_color(option), width))
        painter.setBrush(fill)
        painter.drawRoundedRect(box, 2.0, 2.0)
        mark = palette.color(R.Text)
        if state & QStyle.StateFlag.State_NoChange:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(mark)
            pad = box.width() * 0.25
            painter.drawRect(box.adjusted(pad, box.height() * 0.4, -pad, -box.height() * 0.4))
        elif state & QStyle.StateFlag.State_On:
            pen = QPen(mark, max(1.5, box.height() * 0.14))
            pen.setCapStyle(Qt.PenCapStyle.RoundCap)
            pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
            painter.setPen(pen)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            path = QPainterPath(QPointF(box.left() + box.width() * 0.22, box.top() + box.height() * 0.52))
            path.lineTo(box.left() + box.width() * 0.42, box.top() + box.height() * 0.74)
            path.lineTo(box.left() + box.width() * 0.78, box.top() + box.height() * 0.28)
            painter.drawPath(path)
        painter.restore()

    def _draw_radio_button(self, option: QStyleOption, painter: QPainter) -> None:
        rect = QRectF(option.rect)
        side = min(rect.width(), rect.height())
        width = _line_width(rect)
        circle = _inset(QRectF(rect.center().x() - side / 2, rect.center().y() - side / 2, side, side), width)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setPen(QPen(self._line_color(option), width))
        painter.setBrush(option.palette.color(R.Base))
        painter.drawEllipse(circle)
        if option.state & QStyle.StateFlag.State_On:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(option.palette.color(R.Text))
            dot = circle.width() * 0.25
            painter.drawEllipse(circle.center(), dot, dot)
        painter.restore()

    def _draw_slider(self, option: QStyleOptionSlider, painter: QPainter, widget: QWidget | None) -> None:
        cc = QStyle.ComplexControl.CC_Slider
        # The binding's stubs want a widget; Qt takes none (a slider drawn for a picture or a print).
        groove = QRectF(self.subControlRect(cc, option, QStyle.SubControl.SC_SliderGroove, widget))  # type: ignore[arg-type]
        handle = QRectF(self.subControlRect(cc, option, QStyle.SubControl.SC_SliderHandle, widget))  # type: ignore[arg-type]
        horizontal = option.orientation == Qt.Orientation.Horizontal
        palette = option.palette
        # On whole pixels, so that its 1-pixel outline is crisp rather than two faint rows.
        if horizontal:
            track = QRectF(groove.left(), round(groove.center().y() - GROOVE_PX / 2), groove.width(), GROOVE_PX)
        else:
            track = QRectF(round(groove.center().x() - GROOVE_PX / 2), groove.top(), GROOVE_PX, groove.height())
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        line = QPen(palette.color(R.Mid), 1.0)
        painter.setPen(line)
        painter.setBrush(palette.color(R.Button))
        painter.drawRoundedRect(_inset(track, 1.0), 3.0, 3.0)
        parts = option.subControls
        ticks = option.tickPosition != QSlider.TickPosition.NoTicks and option.tickInterval > 0
        if ticks and parts & QStyle.SubControl.SC_SliderTickmarks:
            self._draw_ticks(option, track, handle, painter)
        if not parts & QStyle.SubControl.SC_SliderHandle:  # as Fusion: no handle asked for, none drawn (nor the fill)
            painter.restore()
            return
        filled = QRectF(track)
        if horizontal:
            if option.upsideDown:
                filled.setLeft(handle.center().x())
            else:
                filled.setRight(handle.center().x())
        elif option.upsideDown:
            filled.setBottom(handle.center().y())
        else:
            filled.setTop(handle.center().y())
        painter.setBrush(palette.color(R.Highlight))
        painter.drawRoundedRect(_inset(filled, 1.0), 3.0, 3.0)
        knob = _inset(handle, 2.0)
        active = option.state & (QStyle.StateFlag.State_HasFocus | QStyle.StateFlag.State_MouseOver)
        painter.setPen(QPen(palette.color(R.Highlight if active else R.Mid), 2.0))
        painter.setBrush(palette.color(R.Button))
        painter.drawRoundedRect(knob, 3.0, 3.0)
        painter.restore()

    def _draw_ticks(self, option: QStyleOptionSlider, track: QRectF, handle: QRectF, painter: QPainter) -> None:
        """Ticks in the outline colour, below (or right of) a slider's track."""
        painter.setPen(QPen(option.palette.color(R.Mid), 1.0))
        horizontal = option.orientation == Qt.Orientation.Horizontal
        span = (track.width() - handle.width()) if horizontal else (track.height() - handle.height())
        for value in range(option.minimum, option.maximum + 1, option.tickInterval):
            offset = QStyle.sliderPositionFromValue(
                option.minimum, option.maximum, value, round(span), option.upsideDown
            )
            if horizontal:
                x = track.left() + handle.width() / 2 + offset
                painter.drawLine(QPointF(x, track.bottom() + 2), QPointF(x, handle.bottom()))
            else:
                y = track.top() + handle.height() / 2 + offset
                painter.drawLine(QPointF(track.right() + 2, y), QPointF(handle.right(), y))


def _is_flat(option: QStyleOption) -> bool:
    return isinstance(option, QStyleOptionButton) and bool(option.features & QStyleOptionButton.ButtonFeature.Flat)


def mix(a: QColor, b: QColor, share_b: float) -> QColor:
    """``a`` with ``share_b`` of ``b`` blended in (0: a, 1: b)."""
    return QColor.fromRgbF(
        a.redF() + (b.redF() - a.redF()) * share_b,
        a.greenF() + (b.greenF() - a.greenF()) * share_b,
        a.blueF() + (b.blueF() - a.blueF()) * share_b,
    )
