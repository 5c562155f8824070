"""Windows and dialogs that always fit the screen they are on (a small laptop, or a 2x scale factor)."""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

FRAME_ALLOWANCE = QSize(16, 40)  # room for the window manager's frame and title bar, before the frame is known


def available_geometry(widget: QWidget) -> QRect:
    """The part of the widget's screen (else the primary screen) that windows may use."""
    screen = widget.screen() or QGuiApplication.primaryScreen()
    return screen.availableGeometry() if screen is not None else QRect(0, 0, 1280, 800)


def fit_size(widget: QWidget, wanted: QSize) -> QSize:
    """``wanted``, made smaller where the screen is smaller (the frame included)."""
    room = available_geometry(widget).size() - FRAME_ALLOWANCE
    return wanted.boundedTo(room).expandedTo(widget.minimumSize().boundedTo(room))


def resize_to_fit(widget: QWidget, width: int, height: int) -> None:
    """Resize to ``width`` x ``height``, or to what the screen has room for; no minimum beyond the screen."""
    room = available_geometry(widget).size() - FRAME_ALLOWANCE
    widget.setMinimumSize(widget.minimumSize().boundedTo(room))
    widget.resize(fit_size(widget, QSize(width, height)))


def _frame_margins(widget: QWidget) -> tuple[int, int, int, int]:
    """Left, top, right and bottom frame widths: the real ones once shown, an allowance before."""
    frame, inner = widget.frameGeometry(), widget.geometry()
    if widget.isVisible() and frame != inner:
        return (
            inner.left() - frame.left(),
            inner.top() - frame.top(),
            frame.right() - inner.right(),
            frame.bottom() - inner.bottom(),
        )
    side = FRAME_ALLOWANCE.width() // 2
    return side, FRAME_ALLOWANCE.height() - side, side, side


def keep_on_screen(widget: QWidget) -> None:
    """Shrink and move a top-level window so that all of it, frame included, is on its screen."""
    available = available_geometry(widget)
    left, top, right, bottom = _frame_margins(widget)
    room = QSize(available.width() - left - right, available.height() - top - bottom)
    if widget.width() > room.width() or widget.height() > room.height():
        widget.resize(widget.size().boundedTo(room).expandedTo(widget.minimumSize().boundedTo(room)))
    inner = widget.geometry()
    x = min(
        max(inner.x(), available.left() + left),
        max(available.left() + left, available.right() + 1 - right - inner.width()),
    )
    y = min(
        max(inner.y(), available.top() + top),
        max(available.top() + top, available.bottom() + 1 - bottom - inner.height()),
    )
    widget.setGeometry(x, y, inner.width(), inner.height())
