"""The history's charts (pyqtgraph): minutes per day, and the diary's ratings and measurements beside them."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping, Sequence

import numpy as np
import pyqtgraph as pg  # loaded with the history window only
from PySide6.QtCore import QCoreApplication, QDate, QLocale, Qt
from PySide6.QtGui import QColor

from massage_gui.core.diary import DiaryEntry, measure_points, rating_labels
from massage_gui.core.history.stats import daily_minutes
from massage_gui.ui.theme import Theme

DAY_S = 86_400
BAR_DAYS = 56  # eight weeks of bars on the overview


def day_x(day: dt.date) -> float:
    """A local date on a chart's x axis: its midnight as if in UTC (the date axes show UTC)."""
    return dt.datetime(day.year, day.month, day.day, tzinfo=dt.timezone.utc).timestamp()


def wall_x(moment: dt.datetime) -> float:
    """A local date and time (as written on the wall then) on a chart's x axis."""
    return moment.replace(tzinfo=dt.timezone.utc).timestamp()


def _translate(text: str, comment: str | None = None) -> str:
    return QCoreApplication.translate("HistoryView", text, comment)


def style_plot(plot: pg.PlotItem, theme: Theme) -> None:
    for name in ("left", "bottom"):
        axis = plot.getAxis(name)
        axis.setPen(pg.mkPen(theme.muted_text))
        axis.setTextPen(pg.mkPen(theme.text))


def minutes_chart(font_height: int) -> tuple[pg.PlotWidget, pg.DateAxisItem, pg.BarGraphItem]:
    """The overview's bar chart of minutes per day (still: no mouse zoom), its date axis and its bars."""
    axis = pg.DateAxisItem(orientation="bottom", utcOffset=0)
    chart = pg.PlotWidget(axisItems={"bottom": axis})
    chart.setAccessibleName(QCoreApplication.translate("HistoryView", "Minutes per day, last 8 weeks"))
    chart.setToolTip(
        QCoreApplication.translate(
            "HistoryView", "Minutes massaged each day over the last eight weeks (pauses not counted)"
        )
    )
    chart.setMenuEnabled(False)
    chart.hideButtons()
    chart.setMouseEnabled(x=False, y=False)
    chart.setMinimumHeight(font_height * 12)
    chart.getPlotItem().showGrid(x=False, y=True, alpha=0.25)
    chart.getPlotItem().setLabel("left", QCoreApplication.translate("HistoryView", "minutes"))
    bars = pg.BarGraphItem(x=[0.0], height=[0.0], width=DAY_S * 0.7)
    chart.addItem(bars)
    return chart, axis, bars


def show_minutes(
    chart: pg.PlotWidget,
    axis: pg.DateAxisItem,
    bars: pg.BarGraphItem,
    per_day: Mapping[dt.date, float],
    today: dt.date,
    locale: QLocale,
) -> None:
    """Bars of the last ``BAR_DAYS`` days, a tick each Monday, and the same in words for screen readers."""
    number = locale.toString
    first = today - dt.timedelta(days=BAR_DAYS - 1)
    days = daily_minutes(per_day, first, today)
    xs = [day_x(day) + DAY_S / 2 for day, _ in days]
    heights = [minutes for _, minutes in days]
    bars.setOpts(x=xs, height=heights, width=DAY_S * 0.7)
    top = max([*heights, 10.0])
    pattern = QCoreApplication.translate(
        "HistoryView", "d MMM", "a chart tick: day and month, a QLocale date format: keep the letters"
    )
    ticks = [
        (day_x(day) + DAY_S / 2, locale.toString(QDate(day.year, day.month, day.day), pattern))
        for day, _ in days
        if day.weekday() == 0
    ]
    axis.setTicks([ticks, []])
    plot = chart.getPlotItem()
    plot.setXRange(day_x(first), day_x(today) + DAY_S, padding=0.01)
    plot.setYRange(0, top * 1.1, padding=0)
    total = sum(heights)
    active = sum(1 for h in heights if h > 0)
    chart.setAccessibleDescription(
        QCoreApplication.translate(
            "HistoryView", "{minutes} minutes on {active} of the last {days} days; the most in one day: {most}."
        ).format(
            minutes=number(round(total)), active=number(active), days=number(BAR_DAYS), most=number(round(max(heights)))
        )
    )


class DiaryCharts(pg.GraphicsLayoutWidget):  # type: ignore[misc]  # pyqtgraph ships no type information
    """Three charts on one date axis: the 0 to 10 ratings, the tape measurements (cm), and the minutes
    massaged each day, over the whole diary. They show what was noted side by side; they draw no
    line of cause between them. Drag or scroll sideways to look closer."""

    def __init__(self, theme: Theme, number: Callable[[int], str]) -> None:
        super().__init__()
        self._number = number
        self.setAccessibleName(_translate("Diary charts"))
        self.setToolTip(
            _translate("Your ratings and measurements over time, with the minutes massaged each day below them")
        )
        self.ratings = self.addPlot(row=0, col=0, axisItems={"bottom": pg.DateAxisItem(utcOffset=0)})
        self.measures = self.addPlot(row=1, col=0, axisItems={"bottom": pg.DateAxisItem(utcOffset=0)})
        self.minutes = self.addPlot(row=2, col=0, axisItems={"bottom": pg.DateAxisItem(utcOffset=0)})
        labels = rating_labels()
        self.ratings.setLabel("left", _translate("0 to 10"))
        self.measures.setLabel("left", _translate("cm"))
        self.minutes.setLabel("left", _translate("minutes"))
        self.ratings.setYRange(0, 10.5, padding=0)
        for plot in (self.ratings, self.measures, self.minutes):
            plot.setMenuEnabled(False)
            plot.hideButtons()
            plot.setMouseEnabled(x=True, y=False)
            plot.showGrid(x=False, y=True, alpha=0.2)
            plot.getViewBox().setLimits(minXRange=DAY_S * 7)
        self.measures.setXLink(self.ratings)
        self.minutes.setXLink(self.ratings)
        self.legend = self.ratings.addLegend(offset=(10, 5))
        self.rating_curves = {
            name: self.ratings.plot([], [], name=labels[name], symbol="o", symbolSize=5) for name in labels
        }
        self.measure_legend = self.measures.addLegend(offset=(10, 5))
        self.measure_curves = {
            p.key: self.measures.plot([], [], name=p.label, symbol="s", symbolSize=4, connect="finite")
            for p in measure_points()
        }
        self.bars = pg.BarGraphItem(x=[0.0], height=[0.0], width=DAY_S * 0.7)
        self.minutes.addItem(self.bars)
        self.ci.layout.setRowStretchFactor(0, 3)
        self.ci.layout.setRowStretchFactor(1, 3)
        self.ci.layout.setRowStretchFactor(2, 2)
        self.set_theme(theme)

    def set_theme(self, theme: Theme) -> None:
        self.setBackground(theme.panel)
        for plot in (self.ratings, self.measures, self.minutes):
            style_plot(plot, theme)
        for legend in (self.legend, self.measure_legend):
            legend.setLabelTextColor(theme.text)
        colours = {"swelling": theme.accent, "tightness": theme.warning}
        for name, curve in self.rating_curves.items():
            style = Qt.PenStyle.SolidLine if name == "swelling" else Qt.PenStyle.DashLine
            curve.setPen(pg.mkPen(colours[name], width=2, style=style))
            curve.setSymbolBrush(pg.mkBrush(colours[name]))
            curve.setSymbolPen(pg.mkPen(None))
        hues = (0.58, 0.08, 0.33, 0.83)
        for hue, curve in zip(hues, self.measure_curves.values(), strict=True):
            colour = QColor.fromHsvF(hue, 0.7, 0.95 if theme.dark else 0.65)
            curve.setPen(pg.mkPen(colour, width=2))
            curve.setSymbolBrush(pg.mkBrush(colour))
            curve.setSymbolPen(pg.mkPen(None))
        self.bars.setOpts(brush=pg.mkBrush(theme.muted_text), pen=pg.mkPen(None))

    def show_data(self, entries: Sequence[DiaryEntry], per_day: Mapping[dt.date, float], today: dt.date) -> None:
        """``entries`` in any order; ``per_day`` the massaged seconds per local day."""
        ordered = sorted(entries, key=lambda e: e.noted_utc)
        xs = np.fromiter((wall_x(e.noted) for e in ordered), dtype=float, count=len(ordered))
        for name, curve in self.rating_curves.items():
            curve.setData(xs, np.fromiter((getattr(e, name) for e in ordered), dtype=float, count=len(ordered)))
        taken = 0
        for key, curve in self.measure_curves.items():
            values = [e.measurement(key) for e in ordered]
            kept = [(x, v) for x, v in zip(xs, values, strict=True) if v is not None]
            taken += len(kept)
            curve.setData([x for x, _ in kept], [v for _, v in kept])
            curve.setVisible(bool(kept))
        first = ordered[0].local_date if ordered else today - dt.timedelta(days=BAR_DAYS - 1)
        first = min(first, today - dt.timedelta(days=13))
        days = daily_minutes(per_day, first, today)
        self.bars.setOpts(
            x=np.fromiter((day_x(d) + DAY_S / 2 for d, _ in days), dtype=float, count=len(days)),
            height=np.fromiter((m for _, m in days), dtype=float, count=len(days)),
            width=DAY_S * 0.7,
        )
        self.minutes.setYRange(0, max([m for _, m in days] + [10.0]) * 1.1, padding=0)
        self.ratings.setXRange(day_x(first), day_x(today) + DAY_S, padding=0.01)
        self.measures.setVisible(taken > 0)
        last = ordered[-1] if ordered else None
        self.setAccessibleDescription(
            _translate("{count} diary entries; the latest: swelling {swelling}, tightness {tightness}.").format(
                count=self._number(len(ordered)), swelling=last.swelling, tightness=last.tightness
            )
            if last is not None
            else _translate("No diary entries yet.")
        )
