"""Pages: sizes, orientation, margins, and where the drawing goes on them.

All geometry here is in PDF points (1/72 inch), the unit paper is spoken
in; `Frame` turns points into a device's own units (a QPdfWriter at 1,200
dpi, a printer at 600), so one layout serves the PDF, the print preview and
the printer. Fonts are set in points on a painter with no scaling, so they
come out at their true size on every device.

Tiling (`tile_grid`) only happens when asked for: the default is the whole
drawing on one page. A tiled drawing keeps its scale across pages; each
page repeats `overlap` points of its neighbour, so pages can be trimmed
along the crop marks and glued edge to edge.
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field, replace

from PySide6.QtCore import QMarginsF, QRectF
from PySide6.QtGui import QPageLayout, QPageSize, QPagedPaintDevice

PAGE_SIZES = {"A4": QPageSize.PageSizeId.A4, "A3": QPageSize.PageSizeId.A3,
              "A2": QPageSize.PageSizeId.A2, "Letter": QPageSize.PageSizeId.Letter,
              "Tabloid": QPageSize.PageSizeId.Tabloid}
MM = 72.0 / 25.4               # points per millimetre
SCENE_PT = 0.75                # points per scene unit at 100 % (96 dpi screen pixels)
LABEL_PT = 10.0                # the canvas's label size at 100 %
MIN_READABLE_PT = 4.0          # below this a fitted page is hard to read: say so


@dataclass(frozen=True)
class PageSpec:
    """What a user chooses for a diagram on paper."""
    size: str = "A4"
    orientation: str = "auto"          # "auto" (follows the drawing), "portrait", "landscape"
    margin_mm: float = 10.0
    tile: bool = False                 # False: the whole drawing on one page
    tile_scale: float = 1.0            # tiles: 1.0 prints labels at their 10 pt
    overlap_mm: float = 10.0
    palette: str = "light"             # "light", "dark" or "grey"
    legend: bool = True
    title_block: bool = True
    only: tuple[str, ...] = field(default=())   # ids of a selection; () = all

    def __post_init__(self) -> None:
        if self.size not in PAGE_SIZES:
            raise ValueError(f"unknown page size “{self.size}”; use one of "
                             f"{', '.join(PAGE_SIZES)}")
        if self.orientation not in ("auto", "portrait", "landscape"):
            raise ValueError(f"unknown orientation “{self.orientation}”")
        if not 0 <= self.margin_mm <= 50:
            raise ValueError("margins must be between 0 and 50 mm")
        if not 0.05 <= self.tile_scale <= 4:
            raise ValueError("the tile scale must be between 5 % and 400 %")
        if not 0 <= self.overlap_mm <= 50:
            raise ValueError("the tile overlap must be between 0 and 50 mm")

    def landscape_for(self, width: float, height: float) -> bool:
        if self.orientation == "auto":
            return width > height
        return self.orientation == "landscape"

    def layout(self, landscape: bool) -> QPageLayout:
        """Full-page mode: margins are ours, so crop marks can sit in them."""
        orientation = (QPageLayout.Orientation.Landscape if landscape
                       else QPageLayout.Orientation.Portrait)
        layout = QPageLayout(QPageSize(PAGE_SIZES[self.size]), orientation,
                             QMarginsF(0, 0, 0, 0), QPageLayout.Unit.Point)
        layout.setMode(QPageLayout.Mode.FullPageMode)
        return layout

    def with_(self, **changes) -> "PageSpec":
        return replace(self, **changes)


def page_points(spec: PageSpec, landscape: bool) -> QRectF:
    return spec.layout(landscape).fullRect(QPageLayout.Unit.Point)


class Frame:
    """Points -> device units for one paged device."""

    def __init__(self, device: QPagedPaintDevice) -> None:
        self.k = device.logicalDpiX() / 72.0

    def rect(self, r: QRectF) -> QRectF:
        return QRectF(r.x() * self.k, r.y() * self.k, r.width() * self.k,
                      r.height() * self.k)

    def len(self, points: float) -> float:
        return points * self.k


@dataclass(frozen=True)
class Tile:
    row: int
    column: int
    source: QRectF       # the part of the drawing (scene units) on this page


def tile_grid(drawing: QRectF, area_w: float, area_h: float, scale: float,
              overlap: float) -> tuple[int, int, list[Tile]]:
    """Rows, columns and tiles covering `drawing` (scene units) printed at
    `scale` points per scene unit on areas of area_w x area_h points, each
    repeating `overlap` points of its neighbour."""
    width, height = drawing.width() * scale, drawing.height() * scale
    columns = _count(width, area_w, overlap)
    rows = _count(height, area_h, overlap)
    step_w, step_h = (area_w - overlap) / scale, (area_h - overlap) / scale
    tiles = [Tile(r, c, QRectF(drawing.x() + c * step_w, drawing.y() + r * step_h,
                               area_w / scale, area_h / scale))
             for r in range(rows) for c in range(columns)]
    return rows, columns, tiles


def _count(length: float, area: float, overlap: float) -> int:
    if length <= area:
        return 1
    return 1 + math.ceil((length - area) / max(1.0, area - overlap))


def label_size_pt(scale: float) -> float:
    """The printed size of a component label at `scale` points per scene unit."""
    return LABEL_PT * scale / SCENE_PT
