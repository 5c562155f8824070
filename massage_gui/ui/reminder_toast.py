"""A reminder as a small window in the screen's corner, where there is no system tray to show it."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QFont, QGuiApplication, QMouseEvent
from PySide6.QtWidgets import QFrame, QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from massage_gui.core.reminders import SNOOZE_CHOICES_MIN
from massage_gui.ui.plain_text import plain_label

MARGIN_PX = 16


class ReminderToast(QFrame):
    """The reminder's words and what can be done with it: open the routine (also a click on the words),
    snooze 10 or 30 minutes, done today, or close. It stays on top without taking the keyboard.

    Signals:
        open_requested(): open the window with the routine ready.
        snooze_requested(int): show it again in this many minutes.
        done_requested(): done today.
    """

    open_requested = Signal()
    snooze_requested = Signal(int)
    done_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(
            parent, Qt.WindowType.Tool | Qt.WindowType.FramelessWindowHint | Qt.WindowType.WindowStaysOnTopHint
        )
        self.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating)
        self.setFrameShape(QFrame.Shape.Box)
        self.setObjectName("reminder_toast")
        self.setAccessibleName(self.tr("Reminder"))
        self.title = plain_label(self)
        bold = QFont(self.title.font())
        bold.setBold(True)
        self.title.setFont(bold)
        self.message = plain_label(self)
        self.message.setWordWrap(True)
        self.message.setCursor(Qt.CursorShape.PointingHandCursor)
        self.message.installEventFilter(self)
        self.open_button = QPushButton(self.tr("Open the routine"), self)
        self.open_button.setToolTip(self.tr("Open massage-gui with this routine ready to start"))
        self.snooze_buttons = {
            minutes: QPushButton(self.tr("Snooze {minutes} min").format(minutes=minutes), self)
            for minutes in SNOOZE_CHOICES_MIN
        }
        self.done_button = QPushButton(self.tr("Done today"), self)
        self.done_button.setToolTip(self.tr("I did it today already: no more reminders for it today"))
        self.close_button = QPushButton("×", self)
        self.close_button.setAccessibleName(self.tr("Close the reminder"))
        self.close_button.setToolTip(self.tr("Close the reminder"))
        self.close_button.setFlat(True)
        self.open_button.clicked.connect(self._on_open_button_clicked)
        for minutes, button in self.snooze_buttons.items():
            button.setToolTip(self.tr("Remind me again in {minutes} minutes").format(minutes=minutes))
            button.clicked.connect(lambda _checked=False, m=minutes: self._snooze(m))
        self.done_button.clicked.connect(lambda: self._finish(self.done_requested.emit))
        self.close_button.clicked.connect(self.hide)
        top = QHBoxLayout()
        top.addWidget(self.title, 1)
        top.addWidget(self.close_button)
        buttons = QHBoxLayout()
        buttons.addWidget(self.open_button)
        for button in self.snooze_buttons.values():
            buttons.addWidget(button)
        buttons.addWidget(self.done_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.message)
        layout.addLayout(buttons)

    def show_reminder(self, title: str, message: str) -> None:
        """Show (or replace) the reminder in the bottom right corner of the main screen's free area."""
        self.title.setText(title)
        self.message.setText(message)
        self.adjustSize()
        screen = QGuiApplication.primaryScreen()
        if screen is not None:
            free = screen.availableGeometry()
            self.move(free.right() - self.width() - MARGIN_PX, free.bottom() - self.height() - MARGIN_PX)
        self.show()
        self.raise_()
        QTimer.singleShot(0, self.raise_)  # above a window shown in the same turn of the event loop

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        if (
            watched is self.message
            and isinstance(event, QMouseEvent)
            and event.type() == QEvent.Type.MouseButtonRelease
            and event.button() == Qt.MouseButton.LeftButton
        ):
            self._on_open_button_clicked()
            return True
        return False

    @Slot()
    def _on_open_button_clicked(self) -> None:
        self._finish(self.open_requested.emit)

    def _snooze(self, minutes: int) -> None:
        self.hide()
        self.snooze_requested.emit(minutes)

    def _finish(self, action: object) -> None:
        self.hide()
        if callable(action):
            action()
