"""A calendar of the last months, one square per day, shaded by the minutes massaged that day."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, QEvent, QLocale, QPoint, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QHelpEvent, QPainter, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from massage_gui.ui.theme import Theme

LEVELS_MIN = (0.0, 5.0, 10.0, 20.0)  # minutes from which a day gets shade 1, 2, 3, 4
LABELLED_ROWS = (0, 2, 4)  # the weekdays named beside the grid: Monday, Wednesday, Friday


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


def _qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


class CalendarHeatmap(QWidget):
    """Weeks as columns, weekdays as rows (the week starting on Monday), the newest week on the right.
    Sizes follow the font, so it stays readable at any scale. Hover a day for its date and minutes.
    Weekday and month names, dates and numbers follow the UI's locale."""

    def __init__(self, theme: Theme, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._theme = theme
        self._minutes: dict[dt.date, float] = {}
        self._last = dt.date.today()
        self._weeks = 26
        self._locale = QLocale()
        short = QLocale.FormatType.ShortFormat
        self.day_names = tuple(self._locale.dayName(weekday, short) for weekday in range(1, 8))  # Monday first
        self.setAccessibleName(self.tr("Calendar of the last six months"))
        self.setToolTip(self.tr("Each square is a day; the darker, the more minutes. Hover a day for details."))
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
        self.setAccessibleDescription(
            self.tr("Massage on {active} of the last {total} days.").format(
                active=self._locale.toString(active), total=self._locale.toString(total)
            )
        )
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

    # -- words ---------------------------------------------------------------------------------------------

    def minutes_text(self, minutes: float) -> str:
        if minutes <= 0:
            return self.tr("no massage")
        if minutes < 1:
            return self.tr("under a minute")
        whole = round(minutes)
        if whole == 1:
            return self.tr("1 minute")
        return self.tr("{count} minutes").format(count=self._locale.toString(whole))

    def day_text(self, day: dt.date) -> str:
        """A day for its tooltip: 'Wed 5 Jun 2024' in English."""
        pattern = self.tr("ddd d MMM yyyy", "a day in the calendar's tooltip, a QLocale date format: keep the letters")
        return self._locale.toString(_qdate(day), pattern)

    def month_text(self, day: dt.date, with_year: bool) -> str:
        """A month's name above its first column: 'Jun', or 'Jan 2025' where a year starts."""
        if with_year:
            return self._locale.toString(_qdate(day), self.tr("MMM yyyy", "a month and its year, a QLocale format"))
        return self._locale.monthName(day.month, QLocale.FormatType.ShortFormat)

    # -- geometry ----------------------------------------------------------------------------------------

    def _metrics(self) -> tuple[float, float, float, float]:
        """Cell size, gap, left margin (weekday names) and top margin (month names), from the font."""
        fm = self.fontMetrics()
        cell = max(8.0, round(fm.height() * 0.95))
        gap = max(2.0, round(cell / 5))
        left = max(fm.horizontalAdvance(self.day_names[row]) for row in LABELLED_ROWS) + gap * 2
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
        for row in LABELLED_ROWS:
            y = top + row * (cell + gap)
            right = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
            painter.drawText(QRectF(0, y, left - gap, cell), right, self.day_names[row])
        first = self.first_day()
        grid_right = left + self._weeks * (cell + gap)
        last_month_end = -1e9  # where the last month name drawn ends: names never overlap or leave the grid
        for column in range(self._weeks):
            monday = first + dt.timedelta(weeks=column)
            in_month = [monday + dt.timedelta(days=d) for d in range(7)]
            starts = next((d for d in in_month if d.day == 1), None)
            if column == 0 or starts is not None:
                label_day = starts or monday
                x = left + column * (cell + gap)
                text = self.month_text(label_day, with_year=label_day.month == 1 and column != 0)
                width = fm.horizontalAdvance(text)
                if x >= last_month_end + gap and x + width <= grid_right:
                    painter.drawText(QRectF(x, 0, width + 2, top - gap),
                                     Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom, text)  # fmt: skip
                    last_month_end = x + width
        painter.setPen(Qt.PenStyle.NoPen)
        day = first
        while day <= self._last:
            painter.setBrush(self.colour_for(level_for(self._minutes.get(day, 0.0))))
            painter.drawRoundedRect(self.cell_rect(day), radius, radius)
            day += dt.timedelta(days=1)
        # legend: Less [0][1][2][3][4] More, right-aligned under the grid
        y = top + 7 * (cell + gap) + gap
        more_text, less_text = self.tr("More"), self.tr("Less")
        more = fm.horizontalAdvance(more_text)
        x = grid_right - gap - more
        painter.setPen(theme.muted_text)
        painter.drawText(QRectF(x, y, more + 2, cell), Qt.AlignmentFlag.AlignVCenter, more_text)
        painter.setPen(Qt.PenStyle.NoPen)
        for level in (4, 3, 2, 1, 0):
            x -= cell + gap
            painter.setBrush(self.colour_for(level))
            painter.drawRoundedRect(QRectF(x, y, cell, cell), radius, radius)
        less = fm.horizontalAdvance(less_text)
        painter.setPen(theme.muted_text)
        painter.drawText(QRectF(x - gap - less - 2, y, less + 2, cell), Qt.AlignmentFlag.AlignVCenter, less_text)
        painter.end()

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            day = self.day_at(event.pos())
            if day is not None:
                minutes = self._minutes.get(day, 0.0)
                text = self.tr("{day}: {minutes}").format(day=self.day_text(day), minutes=self.minutes_text(minutes))
                QToolTip.showText(event.globalPos(), text, self)
                return True
        return super().event(event)
