"""The review report's first page as an image: the export dialog's preview
when the review is chosen. It showed the diagram sheet (the report's second
page); a reviewer checks the cover and the summary first.

The report's flow paints on an image that stops it at its second page:
the same typesetting as the PDF (export/report.py), one page of it."""
from __future__ import annotations

import os

from PySide6.QtGui import QColor, QImage, QPageLayout, QPainter

from designer.report import review as R

from .flow import Flow
from .report import _area, _hash, _typeset


class _PageFull(Exception):
    """The first page is done."""


class _FirstPage(QImage):
    """A page for the report's flow (export/flow.Flow asks its device for
    a new page and a page layout) that ends the flow at the second page."""

    def setPageLayout(self, _layout) -> None:
        pass

    def newPage(self) -> None:
        raise _PageFull


def report_preview(design, result, sheet, file: str | None, width_px: int) -> QImage:
    """Page one of the review of `design` (`sheet`: its diagram sheet, as
    the export builds it), `width_px` wide."""
    spec = sheet.spec
    layout = spec.layout(landscape=False)
    page = layout.fullRect(QPageLayout.Unit.Point)
    k = width_px / page.width()
    image = _FirstPage(width_px, round(page.height() * k), QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(QColor("#FFFFFF"))
    per_metre = round(72 * k / 0.0254)       # points land at the page's scale
    image.setDotsPerMeterX(per_metre)
    image.setDotsPerMeterY(per_metre)
    blocks = R.review(design, result, file=os.path.basename(file) if file else None,
                      content_hash=_hash(design, file))
    painter = QPainter(image)
    try:
        _typeset(Flow(painter, image, _area(spec, layout), f"Design review: {design.name}"),
                 blocks, sheet)
    except _PageFull:
        pass
    finally:
        painter.end()
    return image
