"""The diagram on paper: one fitted sheet (the default) or an overview sheet
followed by tiles, onto any paged device (QPdfWriter, QPrinter).

A sheet is the drawing plus its furniture: on a landscape page a sidebar
on the right (legend on top, title block at the bottom), on a portrait page
a band along the bottom (legend on the left, title block on the right).
Tiles keep one scale across pages and repeat `overlap` of their neighbour;
crop marks in the margin show where to trim, and the overview page shows
which tile is which.
"""
from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QImage, QPageLayout, QPagedPaintDevice, QPainter

from designer.model import Design

from .pages import MM, SCENE_PT, Frame, PageSpec, Tile, label_size_pt, tile_grid
from .render import Picture, fit_scale
from .sheet import (GAP, SIDEBAR_W, TITLE_W, draw_legend, draw_text, draw_title_block,
                    legend_size, pen, title_block_height)
from .words import SheetInfo

FOOTER_PT = 14.0
MARK_PT = 0.3          # crop marks: thin, but a real width
MARK_LEN = 6 * MM


@dataclass(frozen=True)
class Sheet:
    """What a diagram export draws, whatever the device."""
    picture: Picture
    design: Design
    info: SheetInfo
    spec: PageSpec


@dataclass(frozen=True)
class Printed:
    pages: int
    label_pt: float      # printed size of a component label on the fitted sheet


def prepare(device: QPagedPaintDevice, sheet: Sheet) -> None:
    """Give the device the sheet's page layout (before a painter begins)."""
    source = sheet.picture.source
    device.setPageLayout(sheet.spec.layout(
        sheet.spec.landscape_for(source.width(), source.height())))


def paint(painter: QPainter, device: QPagedPaintDevice, sheet: Sheet) -> Printed:
    """Draw every page of `sheet` with an active painter on `device`."""
    frame = Frame(device)
    page = device.pageLayout().fullRect(QPageLayout.Unit.Point)
    margin = sheet.spec.margin_mm * MM
    content = page.adjusted(margin, margin, -margin, -margin)
    if not sheet.spec.tile:
        scale = fit_page(painter, frame, content, sheet, 1, 1)
        return Printed(1, label_size_pt(scale))
    tile_area = content.adjusted(0, 0, 0, -FOOTER_PT)
    scale = sheet.spec.tile_scale * SCENE_PT
    rows, columns, tiles = tile_grid(sheet.picture.source, tile_area.width(),
                                     tile_area.height(), scale, sheet.spec.overlap_mm * MM)
    pages = 1 + len(tiles)
    fitted = fit_page(painter, frame, content, sheet, 1, pages, tiles)
    for number, tile in enumerate(tiles, start=2):
        device.newPage()
        _tile_page(painter, frame, tile_area, sheet, tile, (rows, columns), number, pages)
    return Printed(pages, label_size_pt(fitted))


def fit_page(painter, frame: Frame, content: QRectF, sheet: Sheet, page: int,
              pages: int, tiles: list[Tile] = ()) -> float:
    """The whole drawing on one sheet; returns its scale in points per unit."""
    drawing = _furniture(painter, frame, content, sheet, page, pages)
    inset = drawing.adjusted(4, 4, -4, -4)
    scale = fit_scale(sheet.picture.source, inset)
    covered = sheet.picture.draw(painter, frame.rect(inset))
    painter.setPen(pen(frame))
    painter.drawRect(frame.rect(content))
    if tiles:
        _tile_outlines(painter, frame, covered, sheet.picture.source, tiles,
                       sheet.picture.palette)
    return scale


def _furniture(painter, frame: Frame, content: QRectF, sheet: Sheet, page: int,
               pages: int) -> QRectF:
    """Draw the legend and the title block; return the rect left for the drawing."""
    spec, info = sheet.spec, sheet.info
    if not (spec.legend or spec.title_block):
        return content
    wide = content.width() > content.height()
    block_h = title_block_height(info, SIDEBAR_W if wide else TITLE_W) \
        if spec.title_block else 0.0
    if wide:      # sidebar on the right
        side = QRectF(content.right() - SIDEBAR_W, content.top(), SIDEBAR_W,
                      content.height())
        if spec.title_block:
            draw_title_block(painter, frame, QRectF(side.left(), side.bottom() - block_h,
                                                    side.width(), block_h), info, page, pages)
        if spec.legend:
            draw_legend(painter, frame, side.adjusted(6, 6, 0, -block_h - GAP),
                        sheet.design, sheet.picture.palette)
        _rule(painter, frame, side.left(), side.top(), side.left(), side.bottom())
        return content.adjusted(0, 0, -SIDEBAR_W, 0)
    legend_w = content.width() - (TITLE_W + GAP if spec.title_block else 0) - 6
    legend_h = legend_size(sheet.design, legend_w)[1] if spec.legend else 0.0
    band_h = max(block_h, legend_h)
    band = QRectF(content.left(), content.bottom() - band_h, content.width(), band_h)
    if spec.title_block:
        draw_title_block(painter, frame, QRectF(band.right() - TITLE_W, band.bottom() - block_h,
                                                TITLE_W, block_h), info, page, pages)
    if spec.legend:
        draw_legend(painter, frame, QRectF(band.left() + 6, band.top() + 4, legend_w, band_h),
                    sheet.design, sheet.picture.palette)
    _rule(painter, frame, band.left(), band.top(), band.right(), band.top())
    return content.adjusted(0, 0, 0, -band_h)


def _rule(painter, frame: Frame, x0, y0, x1, y1) -> None:
    painter.setPen(pen(frame))
    painter.drawLine(QPointF(x0 * frame.k, y0 * frame.k), QPointF(x1 * frame.k, y1 * frame.k))


def _tile_outlines(painter, frame: Frame, covered: QRectF, source: QRectF,
                   tiles: list[Tile], palette) -> None:
    """On the overview: each tile's outline and page number."""
    k = covered.width() / source.width()
    outline = pen(frame, 0.6, QColor(palette.selection))
    outline.setStyle(Qt.PenStyle.DashLine)
    for number, tile in enumerate(tiles, start=2):
        r = tile.source.intersected(source)
        box = QRectF(covered.x() + (r.x() - source.x()) * k,
                     covered.y() + (r.y() - source.y()) * k, r.width() * k, r.height() * k)
        painter.setPen(outline)
        painter.drawRect(box)
        draw_text(painter, frame, QRectF(box.x() / frame.k + 3, box.y() / frame.k + 2, 60, 10),
                  f"page {number}", 7.0, bold=True)


def _tile_page(painter, frame: Frame, area: QRectF, sheet: Sheet, tile: Tile,
               grid: tuple[int, int], number: int, pages: int) -> None:
    rows, columns = grid
    sheet.picture.draw_at(painter, frame.rect(area), tile.source)
    overlap = sheet.spec.overlap_mm * MM
    trim = area.adjusted(0, 0, -overlap if tile.column < columns - 1 else 0,
                         -overlap if tile.row < rows - 1 else 0)
    _overlap_strips(painter, frame, area, trim)
    _crop_marks(painter, frame, trim, sheet.spec.margin_mm * MM)
    footer = QRectF(area.left(), area.bottom() + 2, area.width(), FOOTER_PT - 2)
    draw_text(painter, frame, footer,
              f"{sheet.info.title} · page {number} of {pages} · row {tile.row + 1} of {rows}, "
              f"column {tile.column + 1} of {columns} · {sheet.spec.tile_scale:.0%} · "
              f"trim at the marks; the shaded strip goes under the next page", 6.5)


def _overlap_strips(painter, frame: Frame, area: QRectF, trim: QRectF) -> None:
    """The glue strips (right and bottom) lightly shaded."""
    shade = QColor(0, 0, 0, 18)
    if trim.right() < area.right():
        painter.fillRect(frame.rect(QRectF(trim.right(), area.top(),
                                           area.right() - trim.right(), area.height())), shade)
    if trim.bottom() < area.bottom():
        painter.fillRect(frame.rect(QRectF(area.left(), trim.bottom(), trim.width(),
                                           area.bottom() - trim.bottom())), shade)


def _crop_marks(painter, frame: Frame, trim: QRectF, margin: float) -> None:
    """Short lines in the margin, in line with each trim edge."""
    painter.setPen(pen(frame, MARK_PT, QColor("#000000")))
    gap = min(2 * MM, margin / 4)
    length = max(0.0, min(MARK_LEN, margin - gap))
    if length <= 0:
        return
    for x in (trim.left(), trim.right()):
        for y0, sign in ((trim.top(), -1), (trim.bottom(), 1)):
            _line(painter, frame, x, y0 + sign * gap, x, y0 + sign * (gap + length))
    for y in (trim.top(), trim.bottom()):
        for x0, sign in ((trim.left(), -1), (trim.right(), 1)):
            _line(painter, frame, x0 + sign * gap, y, x0 + sign * (gap + length), y)


def _line(painter, frame: Frame, x0, y0, x1, y1) -> None:
    painter.drawLine(QPointF(x0 * frame.k, y0 * frame.k), QPointF(x1 * frame.k, y1 * frame.k))


def preview(sheet: Sheet, width_px: int) -> tuple[QImage, float]:
    """The first sheet as an image `width_px` wide (the export dialog's
    preview), and the printed size of a label on it in points."""
    source = sheet.picture.source
    layout = sheet.spec.layout(sheet.spec.landscape_for(source.width(), source.height()))
    page = layout.fullRect(QPageLayout.Unit.Point)
    k = width_px / page.width()
    image = QImage(width_px, round(page.height() * k), QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(QColor("#FFFFFF"))
    per_metre = round(72 * k / 0.0254)      # fonts in points land at the page's scale
    image.setDotsPerMeterX(per_metre)
    image.setDotsPerMeterY(per_metre)
    painter = QPainter(image)
    margin = sheet.spec.margin_mm * MM
    pages = 1
    if sheet.spec.tile:
        area = page.adjusted(margin, margin, -margin, -margin - FOOTER_PT)
        tiles = tile_grid(source, area.width(), area.height(),
                          sheet.spec.tile_scale * SCENE_PT, sheet.spec.overlap_mm * MM)[2]
        pages = 1 + len(tiles)
    else:
        tiles = []
    scale = fit_page(painter, Frame(image), page.adjusted(margin, margin, -margin, -margin),
                     sheet, 1, pages, tiles)
    painter.end()
    return image, label_size_pt(scale)


# Below this a printed label cannot be read without a magnifier.
SMALLEST_LABEL_PT = 4.0


def tiny_labels(label_pt: float, page: str, tiled: bool) -> str | None:
    """The warning when a fitted sheet prints its labels too small to read
    (the CLI adds how to change it with its options)."""
    if tiled or label_pt >= SMALLEST_LABEL_PT:
        return None
    return f"labels print at {label_pt:.1f} pt on one {page} page"
