"""The history's charts (pyqtgraph): minutes per day, and the diary's ratings and measurements beside them."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping, Sequence

import numpy as np
import pyqtgraph as pg  # loaded with the history window only
from pyqtgraph.graphicsItems.LegendItem import ItemSample
from PySide6.QtCore import QCoreApplication, QDate, QLocale, Qt
from PySide6.QtGui import QColor, QWheelEvent

from massage_gui.core.diary import DiaryEntry, measure_points, rating_labels
from massage_gui.core.history.stats import daily_minutes
from massage_gui.ui.theme import Theme

DAY_S = 86_400
BAR_DAYS = 56  # eight weeks of bars on the overview
PLOT_LINES = 10  # each diary chart's least height, in lines of text: room for its numbers and dates
QWIDGETSIZE_MAX = (1 << 24) - 1  # Qt's "no maximum"


def day_x(day: dt.date) -> float:
    """A local date on a chart's x axis: its midnight as if in UTC (the date axes show UTC)."""
    return dt.datetime(day.year, day.month, day.day, tzinfo=dt.timezone.utc).timestamp()


def wall_x(moment: dt.datetime) -> float:
    """A local date and time (as written on the wall then) on a chart's x axis."""
    return moment.replace(tzinfo=dt.timezone.utc).timestamp()


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


class _Sample(ItemSample):  # type: ignore[misc]  # pyqtgraph ships no type information
    """A legend's sample of a series: a click leaves the series shown (pyqtgraph's hides it)."""

    def mouseClickEvent(self, event: object) -> None:  # noqa: N802 (pyqtgraph override)
        pass


class _Legend(pg.LegendItem):  # type: ignore[misc]  # pyqtgraph ships no type information
    """A legend that stays where the layout puts it (pyqtgraph's can be dragged about)."""

    def hoverEvent(self, event: object) -> None:  # noqa: N802 (pyqtgraph override)
        pass

    def mouseDragEvent(self, event: object) -> None:  # noqa: N802 (pyqtgraph override)
        pass


class DiaryCharts(pg.GraphicsLayoutWidget):  # type: ignore[misc]  # pyqtgraph ships no type information
    """Three charts on one date axis: the 0 to 10 ratings, the tape measurements (cm), and the minutes
    massaged each day, over the whole diary, each with a legend beside it naming what it shows. They show
    what was noted side by side; they draw no line of cause between them. Drag sideways to move along the
    dates, Ctrl and the wheel to look closer (the wheel alone scrolls the page). Each chart keeps
    ``PLOT_LINES`` lines of text of height (the widget's minimum height)."""

    def __init__(self, theme: Theme, number: Callable[[int], str]) -> None:
        super().__init__()
        self._number = number
        self.setAccessibleName(QCoreApplication.translate("HistoryView", "Diary charts"))
        self.setToolTip(
            QCoreApplication.translate(
                "HistoryView", "Your ratings and measurements over time, with the minutes massaged each day below them"
            )
        )
        self.ratings = self.addPlot(row=0, col=0, axisItems={"bottom": pg.DateAxisItem(utcOffset=0)})
        self.measures = self.addPlot(row=1, col=0, axisItems={"bottom": pg.DateAxisItem(utcOffset=0)})
        self.minutes = self.addPlot(row=2, col=0, axisItems={"bottom": pg.DateAxisItem(utcOffset=0)})
        self.plots = {"ratings": self.ratings, "measures": self.measures, "minutes": self.minutes}
        self.ratings.setLabel("left", QCoreApplication.translate("HistoryView", "0 to 10"))
        self.measures.setLabel("left", QCoreApplication.translate("HistoryView", "cm"))
        self.minutes.setLabel("left", QCoreApplication.translate("HistoryView", "minutes"))
        self.ratings.setYRange(-1, 11, padding=0)  # a 0 and a 10 clear of the edges, their numbers too
        self.ratings.getAxis("left").setTicks([[(v, number(v)) for v in range(0, 11, 2)], []])
        lines = self.fontMetrics()
        for plot in self.plots.values():
            plot.setMenuEnabled(False)
            plot.hideButtons()
            plot.setMouseEnabled(x=True, y=False)
            plot.showGrid(x=False, y=True, alpha=0.2)
            plot.getViewBox().setLimits(minXRange=DAY_S * 7)
            plot.setMinimumHeight(lines.height() * PLOT_LINES)
            # One width for the three number columns, so that the dates line up from chart to chart.
            plot.getAxis("left").setWidth(lines.height() * 2 + lines.horizontalAdvance("888.8"))
        self.measures.setXLink(self.ratings)
        self.minutes.setXLink(self.ratings)
        labels = rating_labels()
        self.rating_curves = {
            name: self.ratings.plot([], [], name=labels[name], symbol="o", symbolSize=5) for name in labels
        }
        self.measure_curves = {
            p.key: self.measures.plot([], [], name=p.label, symbol="s", symbolSize=4, connect="finite")
            for p in measure_points()
        }
        self.bars = pg.BarGraphItem(x=[0.0], height=[0.0], width=DAY_S * 0.7)
        self.minutes.addItem(self.bars)
        self._names = {
            **{curve: labels[name] for name, curve in self.rating_curves.items()},
            **{curve: p.label for p, curve in zip(measure_points(), self.measure_curves.values(), strict=True)},
            self.bars: QCoreApplication.translate("HistoryView", "Minutes massaged"),
        }
        size = f"{self.font().pointSizeF():g}pt"
        self.legends: dict[str, pg.LegendItem] = {}
        self._legend_places: dict[str, pg.GraphicsWidget] = {}
        for row, name in enumerate(self.plots):
            place = pg.GraphicsWidget()
            self.addItem(place, row=row, col=1)
            legend = _Legend(labelTextSize=size, frame=False, sampleType=_Sample)
            legend.setParentItem(place)
            self.legends[name] = legend
            self._legend_places[name] = place
        self._fill_legends()
        self.set_theme(theme)

    def wheelEvent(self, event: QWheelEvent) -> None:  # noqa: N802 (Qt override)
        # The page around the charts scrolls: the wheel goes on to it, and with Ctrl looks closer at a chart.
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            super().wheelEvent(event)
        else:
            event.ignore()

    def _fill_legends(self) -> None:
        """Each legend names the series its chart shows, and has room beside it for every name."""
        shown = {
            "ratings": list(self.rating_curves.values()),
            "measures": [curve for curve in self.measure_curves.values() if curve.isVisible()],
            "minutes": [self.bars],
        }
        for name, legend in self.legends.items():
            legend.clear()
            for item in shown[name]:
                legend.addItem(item, self._names[item])
            place = self._legend_places[name]
            place.setMinimumSize(legend.width() + self.fontMetrics().height() / 2, legend.height())
            place.setMaximumWidth(legend.width() + self.fontMetrics().height() / 2)
        visible = [name for name, plot in self.plots.items() if plot.isVisible()]
        self.setMinimumHeight(len(visible) * self.fontMetrics().height() * PLOT_LINES)

    def set_theme(self, theme: Theme) -> None:
        self.setBackground(theme.panel)
        for plot in self.plots.values():
            style_plot(plot, theme)
        for legend in self.legends.values():
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
        self._fill_legends()  # the samples take the new colours

    def show_data(self, entries: Sequence[DiaryEntry], per_day: Mapping[dt.date, float], today: dt.date) -> None:
        """``entries`` in any order; ``per_day`` the massaged seconds per local day."""
        ordered = sorted(entries, key=lambda e: e.noted_utc)
        xs = np.fromiter((wall_x(e.noted) for e in ordered), dtype=float, count=len(ordered))
        for name, curve in self.rating_curves.items():
            curve.setData(xs, np.fromiter((getattr(e, name) for e in ordered), dtype=float, count=len(ordered)))
        taken: list[float] = []
        for key, curve in self.measure_curves.items():
            values = [e.measurement(key) for e in ordered]
            kept = [(x, v) for x, v in zip(xs, values, strict=True) if v is not None]
            taken += [v for _, v in kept]
            curve.setData([x for x, _ in kept], [v for _, v in kept])
            curve.setVisible(bool(kept))
        if taken:
            # From a little below the lowest reading to a little above the highest: every point clear of the edges.
            margin = max((max(taken) - min(taken)) * 0.1, 1.0)
            self.measures.setYRange(min(taken) - margin, max(taken) + margin, padding=0)
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
        self.measures.setVisible(bool(taken))
        self.legends["measures"].setVisible(bool(taken))
        # A chart hidden keeps no room: its row takes none.
        self.ci.layout.setRowMaximumHeight(1, QWIDGETSIZE_MAX if taken else 0)
        self.ci.layout.setRowMinimumHeight(1, self.fontMetrics().height() * PLOT_LINES if taken else 0)
        self._fill_legends()
        last = ordered[-1] if ordered else None
        self.setAccessibleDescription(
            QCoreApplication.translate(
                "HistoryView", "{count} diary entries; the latest: swelling {swelling}, tightness {tightness}."
            ).format(count=self._number(len(ordered)), swelling=last.swelling, tightness=last.tightness)
            if last is not None
            else QCoreApplication.translate("HistoryView", "No diary entries yet.")
        )
