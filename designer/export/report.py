"""The design-review report PDF: designer/report/review.py decides every
block; this module sets them on pages (flow.py), draws the diagram sheet on
a page of its own (landscape when the drawing is wide) and the cost curve
(chart.py). It runs twice, once dry to count the pages for the footers.
The design is attached as in the diagram PDF, so the report opens again.
"""
from __future__ import annotations

import os
from datetime import datetime

from PySide6.QtCore import QBuffer, QIODevice, QRectF
from PySide6.QtGui import QPageLayout, QPainter

from designer.io import design_to_text
from designer.model import Design
from designer.report import blocks as B
from designer.report import review as R

from .chart import draw_curve
from .diagram import Sheet, fit_page
from .files import check_writable, write_atomically
from .flow import Flow
from .output import attach_design, diagram_sheet, new_pdf_writer
from .pages import MM, PageSpec
from .sheet import draw_text
from .words import content_hash

CAPTION_PT = 16.0     # the strip above the diagram sheet
# A section starts a page of its own only when the page it would follow on
# is fuller than this: a table's last six rows spilled onto a page, then a
# break, left a page nearly blank (multi-site's review with its plan).
BREAK_WHEN_FULLER = 0.5
KEEP_ROWS = 5         # a table's rows kept on its heading's page (`_section_start`)


def report_pdf(design: Design, result, spec: PageSpec = PageSpec(),
               file: str | None = None, when: datetime | None = None,
               picture=None) -> tuple[bytes, int]:
    """The report's bytes and its page count. `picture`: the whole design
    already built (render.build), kept open for its owner."""
    when = when or datetime.now()
    blocks = R.review(design, result, file=os.path.basename(file) if file else None,
                      content_hash=_hash(design, file), when=when)
    sheet = diagram_sheet(design, result, spec.with_(tile=False, only=()), file, picture)
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = new_pdf_writer(buffer, f"Design review: {design.name}")
    attach_design(writer, design)
    text_layout = spec.layout(landscape=False)
    writer.setPageLayout(text_layout)
    footer = f"Design review: {design.name}"
    pages = _typeset(Flow(None, writer, _area(spec, text_layout), footer), blocks, sheet)
    painter = QPainter(writer)
    _typeset(Flow(painter, writer, _area(spec, text_layout), footer, pages), blocks, sheet)
    painter.end()
    if picture is None:
        sheet.picture.close()
    return bytes(buffer.data()), pages


def write_report_pdf(path: str, design: Design, result, spec: PageSpec = PageSpec(),
                     file: str | None = None) -> int:
    check_writable(path)
    data, pages = report_pdf(design, result, spec, file)
    write_atomically(path, data)
    return pages


def _hash(design: Design, file: str | None) -> str:
    """Of the file as it is on disk; of the saved text when there is no file."""
    try:
        with open(file, "rb") as handle:
            return content_hash(handle.read())
    except (OSError, TypeError):
        return content_hash(design_to_text(design).encode("utf-8"))


def _area(spec: PageSpec, layout: QPageLayout) -> QRectF:
    page = layout.fullRect(QPageLayout.Unit.Point)
    margin = max(spec.margin_mm, 15.0) * MM
    return page.adjusted(margin, margin, -margin, -margin - 14)


def _typeset(flow: Flow, blocks: list, sheet: Sheet) -> int:
    text_layout = sheet.spec.layout(landscape=False)
    pending = False
    for index, block in enumerate(blocks):
        if isinstance(block, B.PageBreak):
            used = flow.y - flow.area.top()
            pending = pending or used > BREAK_WHEN_FULLER * flow.area.height()
            continue
        if isinstance(block, B.Diagram):
            _diagram_page(flow, sheet, block)
            pending = True
            continue
        if pending:
            flow.new_page(text_layout if flow.footer_off else None)
            flow.footer_off, pending = False, False
        elif isinstance(block, B.Heading):
            flow.room(min(_section_start(flow, blocks, index), flow.area.height()))
        _block(flow, block)
    flow.finish_page()
    return flow.page


def _section_start(flow: Flow, blocks: list, start: int) -> float:
    """The height of a heading and what follows it up to a table's first
    KEEP_ROWS rows, kept on one page: the 1,000-component review's
    importance ranking began with its title, its paragraph and three rows
    at a page's foot, the rest on the next page."""
    total = 0.0
    for block in blocks[start:]:
        if isinstance(block, B.Heading):
            total += flow.heading_height(block.text, block.level)
        elif isinstance(block, B.Paragraph):
            total += flow.paragraph_height(block.text, block.small)
        else:
            if isinstance(block, B.Table) and block.rows:
                total += flow.table_height(block.header, block.rows[:KEEP_ROWS], block.widths)
            break
    return total


def _block(flow: Flow, block) -> None:
    if isinstance(block, B.Heading):
        flow.heading(block.text, block.level)
    elif isinstance(block, B.Paragraph):
        flow.paragraph(block.text, block.small)
    elif isinstance(block, B.Facts):
        flow.facts(block.rows)
    elif isinstance(block, B.Table):
        if block.rows:
            flow.table(block.header, block.rows, block.widths)
    elif isinstance(block, B.CostCurve):
        draw_curve(flow, block)


def _diagram_page(flow: Flow, sheet: Sheet, block: B.Diagram) -> None:
    """The diagram sheet on its own page, in the orientation that fits it."""
    source = sheet.picture.source
    layout = sheet.spec.layout(sheet.spec.landscape_for(source.width(), source.height()))
    flow.new_page(layout)
    flow.footer_off = True      # the sheet's title block numbers this page
    if flow.dry:
        return
    page = layout.fullRect(QPageLayout.Unit.Point)
    margin = sheet.spec.margin_mm * MM
    content = page.adjusted(margin, margin + CAPTION_PT, -margin, -margin)
    draw_text(flow.painter, flow.frame, QRectF(content.left(), margin, content.width(),
                                               CAPTION_PT - 2), block.caption, 7.5)
    fit_page(flow.painter, flow.frame, content, sheet, flow.page, flow.pages or 0)
