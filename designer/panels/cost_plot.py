"""The cost curve (pyqtgraph): availability in nines, or downtime a year,
against cumulative cost over the horizon. One point per step (step 0: the
design as it is), clickable, with a tooltip of the step's edit, cost and
gain; the break-even step and the knee marked and labelled; the best point
within the budget ringed; the exact Pareto front of the first step's
candidates as grey rings, and greedy points off that front crossed.
Its colours follow the window's light or dark look (cost_series.shade)."""
from __future__ import annotations

import weakref

import pyqtgraph as pg
from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor

from designer.look import style
from designer.report.cost import money_tick

from .cost_series import BREAK_EVEN, BUDGET, CURVE, FRONT, OFF_FRONT, Series, shade


class MoneyAxis(pg.AxisItem):
    """Cost ticks as the report writes them (€1.5M), not pyqtgraph's 1e+06."""

    currency = "EUR"

    def tickStrings(self, values, scale, spacing) -> list[str]:
        return [money_tick(value * scale, self.currency) for value in values]


class CostPlot(pg.PlotWidget):
    pointHovered = Signal(int)          # step number, -1 when the mouse leaves the points
    pointClicked = Signal(int)

    def __init__(self, parent=None) -> None:
        self.cost_axis = MoneyAxis(orientation="bottom")
        super().__init__(parent, axisItems={"bottom": self.cost_axis})
        self.setMinimumSize(240, 160)
        # No grid: pyqtgraph draws it through a QPicture on every repaint
        # (10 ms unloaded, 70 ms on the loaded build machine).
        self.setMenuEnabled(False)
        self.getPlotItem().hideButtons()
        self.curve = self.plot([], [])
        self.front = pg.ScatterPlotItem(size=9, brush=pg.mkBrush(None), symbol="o", tip=None)
        self.points = pg.ScatterPlotItem(size=11, hoverable=True, hoverSize=15, tip=self._tip)
        self.marks = pg.ScatterPlotItem(pxMode=True)
        self.chosen = pg.ScatterPlotItem(size=26, symbol="o", brush=pg.mkBrush(None))
        for item in (self.front, self.points, self.marks, self.chosen):
            self.addItem(item)
        self.labels: list[pg.TextItem] = []
        self.budget_line = pg.InfiniteLine(angle=90)
        self.budget_line.setVisible(False)
        self.addItem(self.budget_line)
        self.points.sigClicked.connect(self._clicked)
        self.points.sigHovered.connect(self._hovered)
        self._series: Series | None = None
        self._hover = -1
        self._chosen = 0
        self._restyle()
        ref = weakref.WeakMethod(self._restyle)
        self._listener = lambda: ref() and ref()()
        style.add_listener(self._listener)
        self.destroyed.connect(lambda *_: style.remove_listener(self._listener))

    def _colour(self, role: str) -> QColor:
        return QColor(shade(role, style.is_dark()))

    def _restyle(self) -> None:
        """The background, axes and every mark in the current look."""
        look = style.palette()
        self.setBackground(look.canvas)
        for name in ("bottom", "left"):
            axis = self.getAxis(name)
            axis.setPen(pg.mkPen(look.text_muted, width=1))
            axis.setTextPen(pg.mkPen(look.text))
        self.curve.setPen(pg.mkPen(self._colour(CURVE), width=2))
        self.front.setPen(pg.mkPen(self._colour(FRONT), width=1.5))
        self.points.setPen(pg.mkPen(look.canvas, width=1))
        self.chosen.setPen(pg.mkPen(self._colour(BUDGET), width=3))
        self.budget_line.setPen(pg.mkPen(self._colour(BUDGET), width=1.5,
                                         style=Qt.PenStyle.DashLine))
        if self._series is not None:
            self.show_series(self._series, fit=False)
            self.select(self._chosen)

    def show_series(self, series: Series | None, fit: bool = True) -> None:
        """Draw `series`; `fit`: the view to all of it (a change of look keeps
        the user's zoom)."""
        self._series = series
        for label in self.labels:
            self.removeItem(label)
        self.labels = []
        if series is None or not series.xs:
            for item in (self.curve, self.points, self.front, self.marks, self.chosen):
                item.setData([], [])
            self.budget_line.setVisible(False)
            return
        self.cost_axis.currency = series.currency
        self.setLabel("bottom", f"cumulative cost over {series.horizon_months} months ({series.currency})")
        self.setLabel("left", series.y_title)
        self.curve.setData(series.xs, series.ys)
        self.points.setData(series.xs, series.ys, data=list(range(len(series.xs))),
                            brush=[pg.mkBrush(self._colour(c)) for c in series.colours()])
        self.front.setData(series.front_xs, series.front_ys)
        self._marks(series)
        self.budget_line.setVisible(series.budget is not None)
        if series.budget is not None:
            self.budget_line.setValue(series.budget)
        if fit:
            self.getPlotItem().enableAutoRange()

    def select(self, step: int) -> None:
        """Ring the chosen step's point (the one "Apply up to here" applies)."""
        series, self._chosen = self._series, step
        if series is None or not 1 <= step < len(series.xs):
            self.chosen.setData([], [])
        else:
            self.chosen.setData([series.xs[step]], [series.ys[step]])

    def _marks(self, series: Series) -> None:
        spots, stacked = [], {}
        for index, colour, symbol, text in series.markers():
            spots.append(dict(pos=(series.xs[index], series.ys[index]), size=22, symbol=symbol,
                              pen=pg.mkPen(self._colour(colour), width=2.5),
                              brush=pg.mkBrush(None)))
            # Break-even is written below its point, the others above, so
            # neighbouring marks do not write over each other.
            below = colour == BREAK_EVEN
            key = (index, below)
            n = stacked[key] = stacked.get(key, -1) + 1
            # Near the right edge the label goes to the left of its point.
            x = -0.15 if series.xs[index] < 0.8 * max(series.xs) else 1.15
            anchor = (x, -0.1 - 1.2 * n) if below else (x, 1.1 + 1.2 * n)
            label = pg.TextItem(text, color=self._colour(colour), anchor=anchor)
            label.setPos(series.xs[index], series.ys[index])
            self.addItem(label)
            self.labels.append(label)
        for index in series.off_front:
            spots.append(dict(pos=(series.xs[index], series.ys[index]), size=16, symbol="x",
                              pen=pg.mkPen(self._colour(OFF_FRONT), width=2),
                              brush=pg.mkBrush(self._colour(OFF_FRONT))))
        self.marks.setData(spots)

    def _tip(self, x, y, data) -> str:
        if self._series is None:
            return ""
        return self._series.tooltip(int(data))

    def _clicked(self, _item, points, _event=None) -> None:
        if len(points):
            self.pointClicked.emit(int(points[0].data()))

    def _hovered(self, _item, points, _event=None) -> None:
        step = int(points[0].data()) if len(points) else -1
        if step != self._hover:
            self._hover = step
            self.pointHovered.emit(step)

