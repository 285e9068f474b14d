"""The cost curve of the report: availability (nines) against the plan's
cumulative cost, one point per step, the break-even and the knee marked.
Drawn with QPainter in points (pyqtgraph's exporters are not used: its SVG
exporter is broken and a PDF needs vectors). Tick labels and titles come
from the CostCurve block (designer/report/review.py)."""
from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QPainter, QPainterPath

from designer.report.blocks import CostCurve
from designer.report.review import BREAK_EVEN, KNEE

from .flow import Flow
from .sheet import font, pen

HEIGHT = 230.0
CENTRED = int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
LINE = QColor("#2A6FB0")
MARK = QColor("#C0561B")
GRID = QColor("#D5DAE1")


def draw_curve(flow: Flow, curve: CostCurve) -> None:
    flow.room(HEIGHT + 30)
    box = QRectF(flow.area.left(), flow.y, flow.area.width(), HEIGHT)
    if not flow.dry:
        _draw(flow, box, curve)
    flow.y += HEIGHT + 4
    flow.paragraph(curve.caption, small=True)


def _draw(flow: Flow, box: QRectF, curve: CostCurve) -> None:
    painter, k = flow.painter, flow.frame.k
    plot = box.adjusted(46, 16, -12, -34)
    cost_ticks, nines_ticks = curve.cost_ticks(), curve.nines_ticks()
    x_max = cost_ticks[-1][0]
    y_lo, y_hi = nines_ticks[0][0], nines_ticks[-1][0]

    def at(cost: float, nine: float) -> QPointF:
        x = plot.left() + cost / x_max * plot.width()
        y = plot.bottom() - (nine - y_lo) / (y_hi - y_lo) * plot.height()
        return QPointF(x * k, y * k)

    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(pen(flow.frame, 0.4, GRID))
    for cost, _ in cost_ticks:
        painter.drawLine(at(cost, y_lo), at(cost, y_hi))
    for nine, _ in nines_ticks:
        painter.drawLine(at(0, nine), at(x_max, nine))
    # Each label centred under (beside) its grid line: left-aligned in a box
    # around the tick, "€100k" ended where its line began.
    for cost, text in cost_ticks:
        x_tick = at(cost, y_lo)
        flow.text(QRectF(x_tick.x() / k - 30, plot.bottom() + 3, 60, 10), text, font(6.5),
                  align=CENTRED)
    for nine, text in nines_ticks:
        y_tick = at(0, nine)
        flow.text(QRectF(plot.left() - 40, y_tick.y() / k - 5, 36, 10), text, font(6.5),
                  align=RIGHT)
    painter.setPen(pen(flow.frame, 0.8))
    painter.drawRect(flow.frame.rect(plot))
    flow.text(QRectF(plot.left(), plot.bottom() + 16, plot.width(), 12), curve.x_title,
              font(7.5, True))
    flow.text(QRectF(box.left(), box.top() - 2, 200, 10), curve.y_title, font(7.5, True))
    _line(painter, flow, curve, at)
    _marks(painter, flow, curve, at)
    painter.restore()


def _line(painter: QPainter, flow: Flow, curve: CostCurve, at) -> None:
    path = QPainterPath(at(curve.points[0].cost, curve.points[0].nines))
    for p in curve.points[1:]:
        path.lineTo(at(p.cost, p.nines))
    painter.setPen(pen(flow.frame, 1.5, LINE))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawPath(path)
    painter.setBrush(QBrush(LINE))
    r = 2.2 * flow.frame.k
    for p in curve.points:
        centre = at(p.cost, p.nines)
        painter.drawEllipse(centre, r, r)
        flow.text(QRectF(centre.x() / flow.frame.k + 3, centre.y() / flow.frame.k - 11, 30, 9),
                  p.label, font(6.5))


def _marks(painter: QPainter, flow: Flow, curve: CostCurve, at) -> None:
    """The knee as a ring, the break-even as a dashed line with a square: two
    shapes, so they read apart in grey print."""
    k = flow.frame.k
    for index, title in ((curve.knee, KNEE), (curve.break_even, BREAK_EVEN)):
        if index is None or index >= len(curve.points):
            continue
        point = curve.points[index]
        centre = at(point.cost, point.nines)
        line = pen(flow.frame, 1.2, MARK)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        if title == KNEE:
            painter.setPen(line)
            painter.drawEllipse(centre, 5.5 * k, 5.5 * k)
        else:
            line.setStyle(Qt.PenStyle.DashLine)
            painter.setPen(line)
            bottom = at(point.cost, curve.points[0].nines)
            painter.drawLine(QPointF(centre.x(), centre.y()), QPointF(bottom.x(), bottom.y()))
            painter.drawRect(QRectF(centre.x() - 4.5 * k, centre.y() - 4.5 * k, 9 * k, 9 * k))
        # Below the rising curve, where no point's label is (they sit above
        # right: "knee" over "5 6 7" was unreadable); apart when both mark
        # one point or two neighbours.
        dy = 4 if title == KNEE else 16
        flow.text(QRectF(centre.x() / k + 8, centre.y() / k + dy, 80, 10), title,
                  font(7.0, True), MARK)
