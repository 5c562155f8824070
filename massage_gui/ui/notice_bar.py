"""A bar above the diagram for one-time messages (sleep, recovered files) and the plan's warnings."""

from __future__ import annotations

from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import QHBoxLayout, QLabel, QToolButton, QWidget

from massage_gui.ui.theme import Theme


class NoticeBar(QWidget):
    """Shows the latest message (until dismissed) above the standing warnings; hidden when both are empty."""

    def __init__(self, theme: Theme, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("NoticeBar")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        self._message = ""
        self._warnings: tuple[str, ...] = ()
        self.label = QLabel(self)
        self.label.setWordWrap(True)
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.label.setAccessibleName(self.tr("Notice"))
        self.close_button = QToolButton(self)
        self.close_button.setText("✕")
        self.close_button.setAccessibleName(self.tr("Dismiss the message"))
        self.close_button.setToolTip(self.tr("Dismiss the message"))
        self.close_button.clicked.connect(self._on_close_button_clicked)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(14, 6, 8, 6)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.close_button, 0, Qt.AlignmentFlag.AlignTop)
        self.set_theme(theme)
        self._refresh()

    def set_theme(self, theme: Theme) -> None:
        self.setStyleSheet(
            f"#NoticeBar {{ background: {theme.panel.name()}; border-bottom: 2px solid {theme.accent.name()}; }}"
            f" QLabel {{ color: {theme.text.name()}; font-size: 15px; }}"
        )

    @property
    def message(self) -> str:
        return self._message

    def text(self) -> str:
        return self.label.text()

    def set_message(self, text: str) -> None:
        self._message = text
        self._refresh()

    def set_warnings(self, warnings: tuple[str, ...]) -> None:
        self._warnings = warnings
        self._refresh()

    def _refresh(self) -> None:
        lines = ([self._message] if self._message else []) + [f"⚠ {w}" for w in self._warnings]
        self.label.setText("\n".join(lines))
        self.close_button.setVisible(bool(self._message))
        self.setVisible(bool(lines))

    @Slot()
    def _on_close_button_clicked(self) -> None:
        self.set_message("")
