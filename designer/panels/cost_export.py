"""The curve and the table on paper: PNG and PDF drawn with QPainter from
the same Series and rows the panel shows (pyqtgraph's SVG exporter is
broken). Pens have real widths (a cosmetic pen is a hairline in a PDF)."""
from __future__ import annotations

from PySide6.QtCore import QMarginsF, QPointF, QRectF, Qt
from PySide6.QtGui import (QColor, QFont, QImage, QPageLayout, QPageSize, QPainter,
                           QPainterPath, QPdfWriter, QPen)

from designer.report import plan as words
from designer.report.cost import money, money_tick
from designer.report.ticks import decimals_for, nice_ticks

from .cost_series import FRONT, OFF_FRONT, Series

INK, GRID = QColor("#0f172a"), QColor("#e2e8f0")
PNG_SIZE = (1800, 1200)
SHOWN_COLUMNS = (0, 1, 3, 4, 5, 6)
PRINTED_HEADERS = ("Step", "Edit", "Cost", "Availability", "Saved min/yr", "Per hour saved")
WRAPPED = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap)


def export_png(path: str, plan, series: Series, summary: str) -> bool:
    image = QImage(*PNG_SIZE, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.white)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    draw(painter, QRectF(0, 0, *PNG_SIZE), plan, series, summary)
    painter.end()
    return image.save(path, "PNG")


def export_pdf(path: str, plan, series: Series, summary: str) -> bool:
    writer = QPdfWriter(path)
    writer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4),
                                     QPageLayout.Orientation.Landscape, QMarginsF(12, 12, 12, 12)))
    writer.setResolution(150)
    writer.setTitle(f"Mitigation plan: {plan.design.name}")
    painter = QPainter()
    if not painter.begin(writer):
        return False
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    area = writer.pageLayout().paintRectPixels(writer.resolution())
    draw(painter, QRectF(0, 0, area.width(), area.height()), plan, series, summary)
    painter.end()
    return True


def draw(painter: QPainter, rect: QRectF, plan, series: Series, summary: str) -> None:
    unit = rect.width() / 1800.0                    # sizes below are for 1800 px wide
    title = QFont("sans-serif")
    title.setPixelSize(max(8, int(30 * unit)))
    painter.setFont(title)
    painter.setPen(INK)
    painter.drawText(QRectF(rect.left(), rect.top(), rect.width(), 44 * unit),
                     Qt.AlignmentFlag.AlignLeft, f"Mitigation plan: {plan.design.name}")
    body = QFont("sans-serif")
    body.setPixelSize(max(6, int(17 * unit)))
    painter.setFont(body)
    top = rect.top() + 50 * unit
    chart = QRectF(rect.left() + 90 * unit, top, rect.width() * 0.46, rect.height() * 0.62)
    _chart(painter, chart, series, unit)
    text = QRectF(rect.left(), chart.bottom() + 90 * unit, rect.width(),
                  rect.bottom() - chart.bottom() - 90 * unit)
    table = QRectF(chart.right() + 40 * unit, top, rect.right() - chart.right() - 40 * unit,
                   text.top() - 10 * unit - top)
    _table(painter, table, plan, unit)
    painter.setPen(INK)
    painter.drawText(text, Qt.TextFlag.TextWordWrap, summary)


def _chart(painter: QPainter, area: QRectF, series: Series, unit: float) -> None:
    xs, ys = series.xs + series.front_xs, series.ys + series.front_ys
    # Round ticks (report/ticks.py), as the review's curve: dividing the
    # range in five printed 2.92 and 3.97, and only the two ends of the cost.
    x_ticks = nice_ticks(0.0, max(xs) or 1.0)
    y_ticks = nice_ticks(min(ys), max(ys) if max(ys) > min(ys) else min(ys) + 1.0)
    x0, x1, y0, y1 = x_ticks[0], x_ticks[-1], y_ticks[0], y_ticks[-1]

    def at(x: float, y: float) -> QPointF:
        return QPointF(area.left() + (x - x0) / (x1 - x0) * area.width(),
                       area.bottom() - (y - y0) / (y1 - y0) * area.height())

    places = decimals_for(y_ticks)
    for value in y_ticks:
        y = at(x0, value).y()
        painter.setPen(QPen(GRID, 1.0 * unit))
        painter.drawLine(QPointF(area.left(), y), QPointF(area.right(), y))
        painter.setPen(INK)
        painter.drawText(QRectF(area.left() - 88 * unit, y - 12 * unit, 80 * unit, 24 * unit),
                         Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                         f"{value:,.{places}f}")
    for value in x_ticks:
        x = at(value, y0).x()
        painter.setPen(QPen(GRID, 1.0 * unit))
        painter.drawLine(QPointF(x, area.top()), QPointF(x, area.bottom()))
        painter.setPen(INK)
        painter.drawText(QRectF(x - 60 * unit, area.bottom() + 8 * unit, 120 * unit, 24 * unit),
                         Qt.AlignmentFlag.AlignHCenter, money_tick(value, series.currency))
    painter.setPen(QPen(INK, 1.5 * unit))
    painter.drawRect(area)
    painter.drawText(QRectF(area.left(), area.bottom() + 34 * unit, area.width(), 24 * unit),
                     Qt.AlignmentFlag.AlignHCenter,
                     f"cumulative cost over {series.horizon_months} months; y: {series.y_title}")
    painter.setPen(QPen(QColor(FRONT), 2.0 * unit))
    for x, y in zip(series.front_xs, series.front_ys):
        painter.drawEllipse(at(x, y), 6 * unit, 6 * unit)
    path = QPainterPath(at(series.xs[0], series.ys[0]))
    for x, y in zip(series.xs[1:], series.ys[1:]):
        path.lineTo(at(x, y))
    painter.setPen(QPen(QColor("#475569"), 3.0 * unit))
    painter.drawPath(path)
    painter.setBrush(QColor("#475569"))
    for i, (x, y) in enumerate(zip(series.xs, series.ys)):
        painter.drawEllipse(at(x, y), 6 * unit, 6 * unit)
        painter.drawText(at(x, y) + QPointF(8 * unit, 18 * unit), str(i))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    # Marked points get a coloured ring; what each ring means is written in a
    # key at the top left (labels beside points collide where steps are close).
    for n, (index, colour, _symbol, label) in enumerate(series.markers()):
        painter.setPen(QPen(QColor(colour), 3.0 * unit))
        painter.drawEllipse(at(series.xs[index], series.ys[index]), (13 + 5 * n) * unit,
                            (13 + 5 * n) * unit)
        key = QPointF(area.left() + 16 * unit, area.top() + (28 + 26 * n) * unit)
        painter.drawEllipse(key, 8 * unit, 8 * unit)
        painter.drawText(key + QPointF(16 * unit, 6 * unit), f"{label}: step {index}")
    painter.setPen(QPen(QColor(OFF_FRONT), 3.0 * unit))
    for index in series.off_front:
        c = at(series.xs[index], series.ys[index])
        d = 8 * unit
        painter.drawLine(c + QPointF(-d, -d), c + QPointF(d, d))
        painter.drawLine(c + QPointF(-d, d), c + QPointF(d, -d))


def _table(painter: QPainter, area: QRectF, plan, unit: float) -> None:
    """The steps, each cell wrapped to its column (elided, the edits read
    "Run another replica of nginx on a new ..." and the headers "St...")."""
    weights = {0: 0.06, 1: 0.38, 3: 0.12, 4: 0.18, 5: 0.12, 6: 0.14}
    widths = [area.width() * weights[c] for c in SHOWN_COLUMNS]
    pad = 6 * unit
    bold = QFont(painter.font())
    bold.setBold(True)
    normal = painter.font()
    painter.setPen(INK)
    painter.setFont(bold)
    header = list(PRINTED_HEADERS)
    y = area.top() + _row(painter, header, widths, area.left(), area.top(), pad,
                          _row_height(painter, header, widths, pad))
    painter.setFont(normal)
    for step in plan.steps:
        cells = words.row(step, plan)
        cells[3] = money(step.cost.horizon_total, plan.design.settings.currency)
        cells = [cells[c] for c in SHOWN_COLUMNS]
        height = _row_height(painter, cells, widths, pad)
        if y + height > area.bottom():
            break
        painter.setPen(QPen(GRID, 1.0 * unit))
        painter.drawLine(QPointF(area.left(), y), QPointF(area.right(), y))
        painter.setPen(INK)
        y += _row(painter, cells, widths, area.left(), y, pad, height)


def _row_height(painter: QPainter, cells: list[str], widths: list[float], pad: float) -> float:
    metrics = painter.fontMetrics()
    return max(metrics.boundingRect(QRectF(0, 0, width - pad, 10_000).toRect(), WRAPPED,
                                    text).height() for text, width in zip(cells, widths)) + pad


def _row(painter: QPainter, cells: list[str], widths: list[float], x: float, y: float,
         pad: float, height: float) -> float:
    """The cells drawn from (x, y), wrapped, `height` high; returns it."""
    for text, width in zip(cells, widths):
        painter.drawText(QRectF(x + pad / 2, y + pad / 2, width - pad, height), WRAPPED, text)
        x += width
    return height
