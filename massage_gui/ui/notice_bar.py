"""A bar above the diagram for one-time messages (sleep, recovered files) and the plan's warnings."""

from __future__ import annotations

from PySide6.QtCore import QRect, Qt, Slot
from PySide6.QtGui import QFont, QPainter, QPaintEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QToolButton, QWidget

from massage_gui.ui.plain_text import as_written
from massage_gui.ui.theme import Theme, set_text_color

COLLAPSED_WARNINGS = 1  # warnings shown before "more": the diagram keeps its room
BORDER_PX = 2  # the accent line along the bar's bottom


class NoticeBar(QWidget):
    """Shows the messages not yet dismissed, oldest first, above the standing warnings; hidden when both are
    empty. A later message joins the earlier ones rather than hiding them (a recovered file told at the
    start, then "Sound is off"). Of several warnings the first is shown, the rest a click away (and in the
    tooltip)."""

    def __init__(self, theme: Theme, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("NoticeBar")
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)  # it paints all of itself (see paintEvent)
        self._theme = theme
        self._messages: list[str] = []
        self._warnings: tuple[str, ...] = ()
        self.label = QLabel(self)
        self.label.setWordWrap(True)
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.label.setAccessibleDescription(self.tr("Notice"))
        self.close_button = QToolButton(self)
        self.close_button.setText("✕")
        self.close_button.setAccessibleName(self.tr("Dismiss the message"))
        self.close_button.setToolTip(self.tr("Dismiss the message"))
        self.close_button.clicked.connect(self._on_close_button_clicked)
        self.more_button = QToolButton(self)
        self.more_button.setCheckable(True)
        self.more_button.setAccessibleName(self.tr("Show all warnings"))
        self.more_button.toggled.connect(self._on_more_button_toggled)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(14, 6, 8, 6)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.more_button, 0, Qt.AlignmentFlag.AlignTop)
        layout.addWidget(self.close_button, 0, Qt.AlignmentFlag.AlignTop)
        self.set_theme(theme)
        self._refresh()

    def set_theme(self, theme: Theme) -> None:
        self._theme = theme
        set_text_color(self.label, theme.text)
        font = QFont(self.label.font())
        font.setPixelSize(15)
        self.label.setFont(font)
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt override)
        """The panel's colour, over a line in the accent along the bottom (no style sheet: see
        tests/ui/test_start_weight.py)."""
        painter = QPainter(self)
        painter.fillRect(event.rect(), self._theme.panel)
        painter.fillRect(QRect(0, self.height() - BORDER_PX, self.width(), BORDER_PX), self._theme.accent)
        painter.end()

    @property
    def message(self) -> str:
        """The messages shown, one a line ("" when none)."""
        return "\n".join(self._messages)

    def text(self) -> str:
        """Everything the bar says, the warnings behind "more" included."""
        return "\n".join(self._lines())

    def set_message(self, text: str) -> None:
        """Add ``text`` to the messages shown (once: a message already there is not repeated); "" dismisses
        them all, as the close button does."""
        if not text:
            self._messages.clear()
        elif text not in self._messages:
            self._messages.append(text)
        self._refresh()

    def remove_message(self, text: str) -> None:
        """Take back one message that no longer holds (the others stay)."""
        if text in self._messages:
            self._messages.remove(text)
            self._refresh()

    def set_warnings(self, warnings: tuple[str, ...]) -> None:
        if warnings != self._warnings:
            self.more_button.setChecked(False)  # new warnings start folded
        self._warnings = warnings
        self._refresh()

    def _lines(self, limit: int | None = None) -> list[str]:
        warnings = self._warnings if limit is None else self._warnings[:limit]
        return [*self._messages, *(f"⚠ {w}" for w in warnings)]

    def _refresh(self) -> None:
        hidden = max(0, len(self._warnings) - COLLAPSED_WARNINGS)
        folded = hidden > 0 and not self.more_button.isChecked()
        self.label.setText("\n".join(self._lines(COLLAPSED_WARNINGS if folded else None)))
        self.label.setToolTip(as_written("\n".join(self._lines())) if folded else "")
        self.more_button.setVisible(hidden > 0)
        if hidden:
            self.more_button.setText(
                self.tr("Less") if self.more_button.isChecked() else self.tr("{count} more").format(count=hidden)
            )
            self.more_button.setAccessibleName(
                self.tr("Show fewer warnings") if self.more_button.isChecked() else self.tr("Show all warnings")
            )
        self.label.setAccessibleName("\n".join(self._lines()))  # read whole, folded warnings included
        self.close_button.setVisible(bool(self._messages))
        self.setVisible(bool(self._lines()))

    @Slot(bool)
    def _on_more_button_toggled(self, checked: bool) -> None:
        self._refresh()

    @Slot()
    def _on_close_button_clicked(self) -> None:
        self.set_message("")
