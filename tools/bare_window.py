"""The bare PySide6 baseline for tools/bench_ui.py: a plain 1280x800 window, optionally with one small arrow.

Run: python tools/bare_window.py [--animate]. With --animate, one small arrow crosses the window and back
at 60 frames a second (a 16 ms timer, as the app's), and each frame repaints only the rectangles the arrow
leaves and enters. Without it, the window shows and waits (the start-up and memory baseline). Space stops and
starts the arrow, as it pauses and resumes the app: the benchmark takes turns between the two that way.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QPointF, QRect, QRectF, Qt, QTimer
from PySide6.QtGui import QColor, QKeyEvent, QPainter, QPaintEvent, QPolygonF
from PySide6.QtWidgets import QApplication, QWidget

FRAME_INTERVAL_MS = 16
ARROW = QRectF(0, 0, 48, 24)  # the arrow's size in pixels
SPEED_PX_S = 400.0


class BareWindow(QWidget):
    def __init__(self, animate: bool) -> None:
        super().__init__()
        self.setWindowTitle("bare PySide6 window")
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self.resize(1280, 800)
        self._x = 100.0
        self._direction = 1.0
        self._timer = QTimer(self)
        self._timer.setInterval(FRAME_INTERVAL_MS)
        self._timer.timeout.connect(self._on_timer_timeout)
        if animate:
            self._timer.start()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt override)
        if event.key() != Qt.Key.Key_Space:
            super().keyPressEvent(event)
        elif self._timer.isActive():
            self._timer.stop()
        else:
            self._timer.start()

    def _arrow_rect(self) -> QRect:
        return ARROW.translated(self._x, self.height() / 2).toAlignedRect().adjusted(-2, -2, 2, 2)

    def _on_timer_timeout(self) -> None:
        self.update(self._arrow_rect())
        self._x += self._direction * SPEED_PX_S * FRAME_INTERVAL_MS / 1000
        if not 100 <= self._x <= self.width() - 100:
            self._direction = -self._direction
        self.update(self._arrow_rect())

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt override)
        painter = QPainter(self)
        painter.fillRect(event.rect(), QColor("#f3f1ed"))
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor("#2f6f8f"))
        r = ARROW.translated(self._x, self.height() / 2)
        tip = r.right() if self._direction > 0 else r.left()
        back = r.left() if self._direction > 0 else r.right()
        painter.drawPolygon(
            QPolygonF([QPointF(tip, r.center().y()), QPointF(back, r.top()), QPointF(back, r.bottom())])
        )
        painter.end()


def main() -> int:
    app = QApplication(sys.argv[:1])
    window = BareWindow(animate="--animate" in sys.argv[1:])
    window.show()
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
