"""The rep counter: the largest text on screen, inside a ring that counts down the current part."""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from massage_gui.ui.theme import Theme


class RepDial(QWidget):
    """Shows a big value (the rep, or a countdown), a caption under it, and a progress ring."""

    def __init__(self, theme: Theme, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._theme = theme
        self._value = ""
        self._caption = ""
        self._progress = 0.0
        self._dim = False
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(120, 120)
        self.setAccessibleName(self.tr("Repetition counter"))

    def set_theme(self, theme: Theme) -> None:
        self._theme = theme
        self.update()

    def set_content(self, value: str, caption: str, progress: float, dim: bool = False) -> None:
        """``progress`` 0..1 fills the ring; the text reads ``value`` over ``caption``."""
        if (value, caption, round(progress, 3), dim) == (
            self._value,
            self._caption,
            round(self._progress, 3),
            self._dim,
        ):
            return
        self._value, self._caption, self._progress, self._dim = value, caption, progress, dim
        self.setAccessibleDescription(f"{value} {caption}".strip())
        self.update()

    @property
    def value(self) -> str:
        return self._value

    @property
    def caption(self) -> str:
        return self._caption

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt override)
        return QSize(240, 240)

    def heightForWidth(self, width: int) -> int:  # noqa: N802 (Qt override)
        return width

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt override)
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        side = min(self.width(), self.height())
        ring_width = max(6.0, side * 0.055)
        rect = QRectF(
            (self.width() - side) / 2 + ring_width, (self.height() - side) / 2 + ring_width,
            side - 2 * ring_width, side - 2 * ring_width,
        )  # fmt: skip
        track = QColor(self._theme.area_line)
        painter.setPen(QPen(track, ring_width, Qt.PenStyle.SolidLine, Qt.PenCapStyle.FlatCap))
        painter.drawEllipse(rect)
        if self._progress > 0:
            accent = QColor(self._theme.muted_text if self._dim else self._theme.accent)
            painter.setPen(QPen(accent, ring_width, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
            # The ring empties as the part runs out: full at its start.
            painter.drawArc(rect, 90 * 16, round(360 * 16 * (1.0 - self._progress)))
        font = QFont(self.font())
        font.setBold(True)
        length = max(len(self._value), 1)
        font.setPixelSize(max(18, round(rect.height() * (0.42 if length <= 2 else 0.34 if length <= 4 else 0.24))))
        painter.setFont(font)
        painter.setPen(self._theme.muted_text if self._dim else self._theme.text)
        value_rect = QRectF(rect.left(), rect.top(), rect.width(), rect.height() * 0.66)
        painter.drawText(value_rect, Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom, self._value)
        font.setBold(False)
        font.setPixelSize(max(12, round(rect.height() * 0.11)))
        painter.setFont(font)
        painter.setPen(self._theme.muted_text)
        caption_rect = QRectF(rect.left(), rect.top() + rect.height() * 0.66, rect.width(), rect.height() * 0.2)
        painter.drawText(caption_rect, Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop, self._caption)
        painter.end()
