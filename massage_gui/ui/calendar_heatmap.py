"""A calendar of the last months, one square per day, shaded by the minutes massaged that day."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QEvent, QPoint, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QHelpEvent, QPainter, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from massage_gui.ui.theme import Theme

LEVELS_MIN = (0.0, 5.0, 10.0, 20.0)  # minutes from which a day gets shade 1, 2, 3, 4
DAY_NAMES = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")


def level_for(minutes: float) -> int:
    """0 for a day without massage, then 1 to 4 by the thresholds in LEVELS_MIN."""
    if minutes <= LEVELS_MIN[0]:
        return 0
    return 1 + sum(1 for low in LEVELS_MIN[1:] if minutes >= low)


def _mix(a: QColor, b: QColor, t: float) -> QColor:
    return QColor.fromRgbF(
        a.redF() + (b.redF() - a.redF()) * t,
        a.greenF() + (b.greenF() - a.greenF()) * t,
        a.blueF() + (b.blueF() - a.blueF()) * t,
    )


def _minutes_text(minutes: float) -> str:
    if minutes <= 0:
        return "no massage"
    if minutes < 1:
        return "under a minute"
    whole = round(minutes)
    return f"{whole} minute{'s' if whole != 1 else ''}"


class CalendarHeatmap(QWidget):
    """Weeks as columns, weekdays as rows (the week starting on Monday), the newest week on the right.
    Sizes follow the font, so it stays readable at any scale. Hover a day for its date and minutes."""

    def __init__(self, theme: Theme, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._theme = theme
        self._minutes: dict[dt.date, float] = {}
        self._last = dt.date.today()
        self._weeks = 26
        self.setAccessibleName("Calendar of the last six months")
        self.setToolTip("Each square is a day; the darker, the more minutes. Hover a day for details.")
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self.setMouseTracking(True)

    # -- data --------------------------------------------------------------------------------------------

    def set_days(self, minutes: dict[dt.date, float], last: dt.date, weeks: int = 26) -> None:
        """Minutes per local day; ``last`` (today) ends the newest column; ``weeks`` columns in all."""
        self._minutes = dict(minutes)
        self._last = last
        self._weeks = weeks
        first = self.first_day()
        active = sum(1 for day, m in self._minutes.items() if first <= day <= last and m > 0)
        total = (last - first).days + 1
        self.setAccessibleDescription(f"Massage on {active} of the last {total} days.")
        self.updateGeometry()
        self.update()

    def set_theme(self, theme: Theme) -> None:
        self._theme = theme
        self.update()

    def first_day(self) -> dt.date:
        """The Monday of the oldest column."""
        monday = self._last - dt.timedelta(days=self._last.weekday())
        return monday - dt.timedelta(weeks=self._weeks - 1)

    def colour_for(self, level: int) -> QColor:
        t = self._theme
        if level == 0:
            return _mix(t.panel, t.muted_text, 0.16 if not t.dark else 0.22)
        return _mix(t.panel, t.accent, (0.25, 0.5, 0.75, 1.0)[level - 1])

    # -- geometry ----------------------------------------------------------------------------------------

    def _metrics(self) -> tuple[float, float, float, float]:
        """Cell size, gap, left margin (weekday names) and top margin (month names), from the font."""
        fm = self.fontMetrics()
        cell = max(8.0, round(fm.height() * 0.95))
        gap = max(2.0, round(cell / 5))
        left = fm.horizontalAdvance("Wed") + gap * 2
        top = fm.height() + gap
        return cell, gap, left, top

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt override)
        cell, gap, left, top = self._metrics()
        legend = self.fontMetrics().height() + gap * 2
        width = left + self._weeks * (cell + gap)
        height = top + 7 * (cell + gap) + legend
        return QSize(int(width + 1), int(height + 1))

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt override)
        return self.sizeHint()

    def cell_rect(self, day: dt.date) -> QRectF:
        cell, gap, left, top = self._metrics()
        offset = (day - self.first_day()).days
        return QRectF(left + (offset // 7) * (cell + gap), top + (offset % 7) * (cell + gap), cell, cell)

    def day_at(self, point: QPoint) -> dt.date | None:
        cell, gap, left, top = self._metrics()
        column = int((point.x() - left) // (cell + gap))
        row = int((point.y() - top) // (cell + gap))
        if not (0 <= column < self._weeks and 0 <= row < 7):
            return None
        day = self.first_day() + dt.timedelta(days=column * 7 + row)
        if day > self._last or not self.cell_rect(day).contains(point.x(), point.y()):
            return None
        return day

    # -- painting ----------------------------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt override)
        theme = self._theme
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        cell, gap, left, top = self._metrics()
        fm = self.fontMetrics()
        radius = cell / 5
        painter.setPen(theme.muted_text)
        for row in (0, 2, 4):
            y = top + row * (cell + gap)
            right = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
            painter.drawText(QRectF(0, y, left - gap, cell), right, DAY_NAMES[row])
        first = self.first_day()
        last_month_x = -1e9
        for column in range(self._weeks):
            monday = first + dt.timedelta(weeks=column)
            in_month = [monday + dt.timedelta(days=d) for d in range(7)]
            starts = next((d for d in in_month if d.day == 1), None)
            if column == 0 or starts is not None:
                label_day = starts or monday
                x = left + column * (cell + gap)
                text = f"{label_day:%b}" if label_day.month != 1 or column == 0 else f"{label_day:%b %Y}"
                if x - last_month_x > fm.horizontalAdvance("Mmm") + gap and column < self._weeks - 1:
                    painter.drawText(QRectF(x, 0, fm.horizontalAdvance(text) + 2, top - gap),
                                     Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom, text)  # fmt: skip
                    last_month_x = x
        painter.setPen(Qt.PenStyle.NoPen)
        day = first
        while day <= self._last:
            painter.setBrush(self.colour_for(level_for(self._minutes.get(day, 0.0))))
            painter.drawRoundedRect(self.cell_rect(day), radius, radius)
            day += dt.timedelta(days=1)
        # legend: Less [0][1][2][3][4] More, right-aligned under the grid
        y = top + 7 * (cell + gap) + gap
        more = fm.horizontalAdvance("More")
        x = left + self._weeks * (cell + gap) - gap - more
        painter.setPen(theme.muted_text)
        painter.drawText(QRectF(x, y, more + 2, cell), Qt.AlignmentFlag.AlignVCenter, "More")
        painter.setPen(Qt.PenStyle.NoPen)
        for level in (4, 3, 2, 1, 0):
            x -= cell + gap
            painter.setBrush(self.colour_for(level))
            painter.drawRoundedRect(QRectF(x, y, cell, cell), radius, radius)
        less = fm.horizontalAdvance("Less")
        painter.setPen(theme.muted_text)
        painter.drawText(QRectF(x - gap - less - 2, y, less + 2, cell), Qt.AlignmentFlag.AlignVCenter, "Less")
        painter.end()

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            day = self.day_at(event.pos())
            if day is not None:
                minutes = self._minutes.get(day, 0.0)
                QToolTip.showText(event.globalPos(), f"{day:%a} {day.day} {day:%b %Y}: {_minutes_text(minutes)}", self)
                return True
        return super().event(event)
