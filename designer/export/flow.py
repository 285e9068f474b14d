"""Typesetting report blocks down a page: headings, wrapped paragraphs,
fact lists and tables whose header repeats on every page they run onto.

Everything is measured in points (pages.py) with the device's own font
metrics, so what is measured is what is printed. A `dry` flow measures and
counts pages without drawing: the report runs once dry to learn its page
count for the "page i of n" footers, then for real.
"""
from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPen

from .pages import Frame
from .sheet import INK, font, pen

BODY_PT = 9.0
SMALL_PT = 7.5
TABLE_PT = 7.5
HEADING_PT = {0: 20.0, 1: 14.0, 2: 11.0}
CELL_PAD = 3.0
HEADER_FILL = QColor("#E6EAF0")
WRAP = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap)


class Flow:
    """A cursor going down the text area of successive pages."""

    def __init__(self, painter: QPainter | None, device, area: QRectF, footer: str,
                 pages: int | None = None) -> None:
        self.painter, self.device = painter, device
        self.frame = Frame(device)
        self.area, self.footer_text, self.pages = area, footer, pages
        self.page, self.y = 1, area.top()
        self.dry = painter is None
        self.footer_off = False          # this page numbers itself (the diagram sheet)

    # -- pages -------------------------------------------------------------------
    def new_page(self, layout=None) -> None:
        """The next page; `layout` (a QPageLayout) if it differs from the last."""
        self.finish_page()
        if not self.dry:
            if layout is not None:
                self.device.setPageLayout(layout)
            self.device.newPage()
        self.page += 1
        self.y = self.area.top()

    def finish_page(self) -> None:
        """The footer of the page being left."""
        if self.dry or self.footer_off:
            return
        total = f" of {self.pages}" if self.pages else ""
        box = QRectF(self.area.left(), self.area.bottom() + 6, self.area.width(), 12)
        self.text(box, f"{self.footer_text} · page {self.page}{total}", font(SMALL_PT))

    def fits(self, height: float) -> bool:
        return self.y + height <= self.area.bottom()

    def room(self, height: float) -> None:
        """Start a new page unless `height` points fit on this one."""
        if not self.fits(height) and self.y > self.area.top():
            self.new_page()

    # -- text primitives -------------------------------------------------------------
    def measure(self, text: str, f: QFont, width: float) -> float:
        """Height in points of `text` wrapped to `width` points."""
        k = self.frame.k
        box = QFontMetricsF(f, self.device).boundingRect(
            QRectF(0, 0, width * k, 1e9), WRAP, text)
        return box.height() / k

    def text(self, box: QRectF, text: str, f: QFont, color: QColor = INK,
             align: int = WRAP) -> None:
        if self.dry:
            return
        self.painter.setFont(f)
        self.painter.setPen(QPen(color))
        self.painter.drawText(self.frame.rect(box), align, text)

    # -- blocks ----------------------------------------------------------------------
    def heading(self, text: str, level: int = 1) -> None:
        f = font(HEADING_PT.get(level, 11.0), bold=True)
        height = self.measure(text, f, self.area.width())
        self.room(height + 40)            # never a heading alone at a page's foot
        if self.y > self.area.top():
            self.y += 10 if level <= 1 else 6
        self.text(QRectF(self.area.left(), self.y, self.area.width(), height + 2), text, f)
        self.y += height + 6

    def paragraph(self, text: str, small: bool = False) -> None:
        f = font(SMALL_PT if small else BODY_PT)
        height = self.measure(text, f, self.area.width())
        self.room(height)
        self.text(QRectF(self.area.left(), self.y, self.area.width(), height + 2), text, f)
        self.y += height + 6

    def facts(self, rows) -> None:
        key_w = 130.0
        for key, value in rows:
            f = font(BODY_PT)
            height = max(self.measure(value, f, self.area.width() - key_w),
                         self.measure(key, font(BODY_PT, True), key_w - 6))
            self.room(height)
            self.text(QRectF(self.area.left(), self.y, key_w - 6, height + 2), key,
                      font(BODY_PT, True))
            self.text(QRectF(self.area.left() + key_w, self.y, self.area.width() - key_w,
                             height + 2), value, f)
            self.y += height + 4
        self.y += 4

    def heading_height(self, text: str, level: int = 1) -> float:
        """What `heading` takes, its space above included."""
        f = font(HEADING_PT.get(level, 11.0), bold=True)
        return self.measure(text, f, self.area.width()) + 16

    def paragraph_height(self, text: str, small: bool = False) -> float:
        return self.measure(text, font(SMALL_PT if small else BODY_PT), self.area.width()) + 6

    def table_height(self, header, rows, widths) -> float:
        """What `table` takes for its header and `rows`, on one page."""
        columns = [w * self.area.width() for w in widths]
        return (self._row_height(header, columns, bold=True)
                + sum(self._row_height(row, columns) for row in rows))

    def table(self, header, rows, widths) -> None:
        columns = [w * self.area.width() for w in widths]
        head_h = self._row_height(header, columns, bold=True)
        self.room(head_h + self._row_height(rows[0], columns) if rows else head_h)
        self._row(header, columns, head_h, header=True)
        for row in rows:
            height = self._row_height(row, columns)
            if not self.fits(height):
                self.new_page()
                self._row(header, columns, head_h, header=True)   # the header repeats
            self._row(row, columns, height)
        self.y += 8

    def _row_height(self, cells, columns, bold: bool = False) -> float:
        f = font(TABLE_PT, bold)
        return max(self.measure(c, f, w - 2 * CELL_PAD) for c, w in zip(cells, columns)) \
            + 2 * CELL_PAD

    def _row(self, cells, columns, height: float, header: bool = False) -> None:
        if not self.dry:
            left = self.area.left()
            row_box = QRectF(left, self.y, self.area.width(), height)
            if header:
                self.painter.fillRect(self.frame.rect(row_box), HEADER_FILL)
            self.painter.setPen(pen(self.frame, 0.4, QColor("#9AA3AE")))
            self.painter.drawLine(self.frame.rect(row_box).bottomLeft(),
                                  self.frame.rect(row_box).bottomRight())
            f = font(TABLE_PT, header)
            for cell, width in zip(cells, columns):
                self.text(QRectF(left + CELL_PAD, self.y + CELL_PAD, width - 2 * CELL_PAD,
                                 height), cell, f)
                left += width
        self.y += height
