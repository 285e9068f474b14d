"""The curve and the table on paper: PNG and PDF drawn with QPainter from
the same Series and rows the panel shows (pyqtgraph's SVG exporter is
broken). Pens have real widths (a cosmetic pen is a hairline in a PDF)."""
from __future__ import annotations

from PySide6.QtCore import QMarginsF, QPointF, QRectF, Qt
from PySide6.QtGui import (QColor, QFont, QImage, QPageLayout, QPageSize, QPainter,
                           QPainterPath, QPdfWriter, QPen)

from designer.report import plan as words
from designer.report.cost import money

from .cost_series import FRONT, OFF_FRONT, Series

INK, GRID = QColor("#0f172a"), QColor("#e2e8f0")
PNG_SIZE = (1800, 1200)
SHOWN_COLUMNS = (0, 1, 3, 4, 5, 6)
PRINTED_HEADERS = ("Step", "Edit", "Cost", "Availability", "Saved min/yr", "Per hour saved")


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
    table = QRectF(chart.right() + 40 * unit, top, rect.right() - chart.right() - 40 * unit,
                   rect.height() * 0.7)
    _table(painter, table, plan, unit)
    text = QRectF(rect.left(), chart.bottom() + 90 * unit, rect.width(),
                  rect.bottom() - chart.bottom() - 90 * unit)
    painter.setPen(INK)
    painter.drawText(text, Qt.TextFlag.TextWordWrap, summary)


def _chart(painter: QPainter, area: QRectF, series: Series, unit: float) -> None:
    xs, ys = series.xs + series.front_xs, series.ys + series.front_ys
    x0, x1 = 0.0, max(xs) or 1.0
    y0, y1 = min(ys), max(ys)
    if y1 - y0 <= 0:
        y0, y1 = y0 - 0.5, y1 + 0.5

    def at(x: float, y: float) -> QPointF:
        return QPointF(area.left() + (x - x0) / (x1 - x0) * area.width(),
                       area.bottom() - (y - y0) / (y1 - y0) * area.height())

    painter.setPen(QPen(GRID, 1.0 * unit))
    for i in range(6):
        y = area.top() + i * area.height() / 5
        painter.drawLine(QPointF(area.left(), y), QPointF(area.right(), y))
        painter.setPen(INK)
        value = y1 - i * (y1 - y0) / 5
        painter.drawText(QRectF(area.left() - 88 * unit, y - 12 * unit, 80 * unit, 24 * unit),
                         Qt.AlignmentFlag.AlignRight, f"{value:,.2f}")
        painter.setPen(QPen(GRID, 1.0 * unit))
    painter.setPen(QPen(INK, 1.5 * unit))
    painter.drawRect(area)
    painter.drawText(QRectF(area.left(), area.bottom() + 8 * unit, area.width(), 24 * unit),
                     Qt.AlignmentFlag.AlignLeft, money(0.0, series.currency))
    painter.drawText(QRectF(area.left(), area.bottom() + 8 * unit, area.width(), 24 * unit),
                     Qt.AlignmentFlag.AlignRight, money(x1, series.currency))
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
    weights = {0: 0.06, 1: 0.42, 3: 0.12, 4: 0.16, 5: 0.11, 6: 0.13}
    widths = [area.width() * weights[c] for c in SHOWN_COLUMNS]
    height = 26 * unit
    y = area.top()
    painter.setPen(INK)
    bold = QFont(painter.font())
    bold.setBold(True)
    normal = painter.font()
    painter.setFont(bold)
    _row(painter, list(PRINTED_HEADERS), widths, area.left(), y, height)
    painter.setFont(normal)
    for step in plan.steps:
        y += height
        if y + height > area.bottom():
            break
        cells = words.row(step, plan)
        cells[3] = money(step.cost.horizon_total, plan.design.settings.currency)
        _row(painter, [cells[c] for c in SHOWN_COLUMNS], widths, area.left(), y, height)
        painter.setPen(QPen(GRID, 1.0 * unit))
        painter.drawLine(QPointF(area.left(), y), QPointF(area.right(), y))
        painter.setPen(INK)


def _row(painter: QPainter, cells: list[str], widths: list[float], x: float, y: float,
         height: float) -> None:
    metrics = painter.fontMetrics()
    for text, width in zip(cells, widths):
        shown = metrics.elidedText(text, Qt.TextElideMode.ElideRight, int(width - 6))
        painter.drawText(QRectF(x + 3, y, width - 6, height),
                         Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, shown)
        x += width
