"""The furniture of a drawing sheet: the title block and the legend.

Both are drawn in points through `Frame` (see pages.py). The legend is made
of the same samples as the Legend dock (designer.look.legend), built inside
`style.rendering_with(palette)` so it shows the page's palette, and laid out
in as many columns as the space allows.
"""
from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPen
from PySide6.QtWidgets import QGraphicsRectItem, QGraphicsScene, QGraphicsSimpleTextItem

from designer.look import legend, style
from designer.look.palettes import Palette
from designer.model import Design, Kind
from designer.model.component import LinkKind
from designer.report.states import State

from .pages import Frame
from .words import SheetInfo

TITLE_W = 230.0        # points
SIDEBAR_W = 180.0      # landscape sheets: legend and title block on the right
GAP = 8.0
ROW_PT = 7.5           # title block text size
NAME_PT = 11.0
RULE_PT = 0.5          # the thinnest line on a sheet: visible, never a hairline
INK = QColor("#1F1F1F")      # neutral: a grey print stays grey
LEGEND_TEXT = 15.0     # legend label size in legend units (x LEGEND_SCALE pt)
LEGEND_SCALE = 0.5     # points per legend unit: swatches 28 x 13 pt, text 7.5 pt
CELL_W, CELL_H = 300.0, 34.0   # one legend entry, legend units
SHOWN_STATES = (State.NORMAL, State.SPOF, State.CUT2, State.PROTECTED, State.NOT_MODELED)


def font(points: float, bold: bool = False) -> QFont:
    from designer.resources import load_fonts
    f = QFont(load_fonts())
    f.setPointSizeF(points)
    f.setBold(bold)
    return f


def pen(frame: Frame, points: float = RULE_PT, color: QColor = INK) -> QPen:
    p = QPen(color, frame.len(points))
    p.setCosmetic(False)
    return p


# --- title block ---------------------------------------------------------------
HEADING_W = 54.0       # the title block's left column
HEADING_PT = 6.5
LINE = 1.22            # line height / font size (DejaVu Sans: 1.16, plus air)


def _value_height(text: str, width: float, points: float) -> float:
    """Height in points of `text` wrapped to `width` points."""
    metrics = QFontMetricsF(font(points * 10))    # measured 10x large, then scaled
    pixels_per_point = metrics.fontDpi() / 72.0    # the metrics are in screen pixels
    box = metrics.boundingRect(QRectF(0, 0, width * 10 * pixels_per_point, 1e6),
                               int(Qt.TextFlag.TextWordWrap), text)
    lines = max(1, round(box.height() / metrics.lineSpacing()))
    return lines * points * LINE + 4


def title_block_height(info: SheetInfo, width: float) -> float:
    value_w = width - HEADING_W - 10
    rows = sum(_value_height(v, value_w, ROW_PT) for _h, v in info.rows)
    return NAME_PT * 2.0 + rows + _value_height(info.footer + " · page 99 of 99",
                                                width - 10, ROW_PT * 0.85)


def draw_title_block(painter: QPainter, frame: Frame, box: QRectF, info: SheetInfo,
                     page: int, pages: int) -> None:
    """A ruled box: the design's name, one row per fact, then the footer."""
    painter.save()
    painter.setPen(pen(frame))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawRect(frame.rect(box))
    y = box.top()
    _text(painter, frame, QRectF(box.left() + 5, y, box.width() - 10, NAME_PT * 2.0),
          info.title, font(NAME_PT, True))
    y += NAME_PT * 2.0
    value_w = box.width() - HEADING_W - 10
    for heading, value in info.rows:
        height = _value_height(value, value_w, ROW_PT)
        _rule(painter, frame, box.left(), box.right(), y)
        _text(painter, frame, QRectF(box.left() + 5, y, HEADING_W, ROW_PT * LINE + 4),
              heading, font(HEADING_PT, True))
        _wrapped(painter, frame, QRectF(box.left() + 5 + HEADING_W, y + 2, value_w, height),
                 value, font(ROW_PT))
        y += height
    _rule(painter, frame, box.left(), box.right(), y)
    _wrapped(painter, frame, QRectF(box.left() + 5, y + 2, box.width() - 10, box.bottom() - y),
             f"{info.footer} · page {page} of {pages}", font(ROW_PT * 0.85))
    painter.restore()


def _wrapped(painter: QPainter, frame: Frame, box: QRectF, text: str, f: QFont) -> None:
    painter.setFont(f)
    painter.setPen(QPen(INK))
    painter.drawText(frame.rect(box), int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop
                                          | Qt.TextFlag.TextWordWrap), text)


def _rule(painter: QPainter, frame: Frame, x0: float, x1: float, y: float) -> None:
    painter.drawLine(QPointF(x0 * frame.k, y * frame.k), QPointF(x1 * frame.k, y * frame.k))


def _text(painter: QPainter, frame: Frame, box: QRectF, text: str, f: QFont,
          color: QColor = INK) -> None:
    """One line, vertically centred, elided to the box's width."""
    painter.setFont(f)
    painter.setPen(QPen(color))
    device_box = frame.rect(box)
    shown = QFontMetricsF(f, painter.device()).elidedText(
        text, Qt.TextElideMode.ElideMiddle, device_box.width())
    painter.drawText(device_box, int(Qt.AlignmentFlag.AlignLeft |
                                     Qt.AlignmentFlag.AlignVCenter), shown)


def draw_text(painter: QPainter, frame: Frame, box: QRectF, text: str, points: float,
              bold: bool = False) -> None:
    _text(painter, frame, box, text, font(points, bold))


# --- legend --------------------------------------------------------------------
def _entries(design: Design) -> list:
    """(make sample, title) for each state, link kind and zone trust shown."""
    entries = [(lambda s=s: legend.state_swatch(s), s.title) for s in SHOWN_STATES]
    entries += [(lambda k=k: legend.link_sample(k), legend.LINK_TITLES[k]) for k in LinkKind]
    trusts = []
    for comp in design.components:
        trust = getattr(comp, "trust", None)
        if comp.kind is Kind.SEGMENT and trust is not None and trust not in trusts:
            trusts.append(trust)
    entries += [(lambda t=t: legend.zone_sample(t), legend.TRUST_TITLES[t]) for t in trusts]
    return entries


def legend_size(design: Design, width_pt: float) -> tuple[int, float]:
    """Columns that fit in `width_pt`, and the legend's height in points."""
    count = len(_entries(design))
    columns = max(1, min(count, int(width_pt / (CELL_W * LEGEND_SCALE))))
    rows = -(-count // columns)
    return columns, rows * CELL_H * LEGEND_SCALE + 26.0   # + heading and padding


def draw_legend(painter: QPainter, frame: Frame, box: QRectF, design: Design,
                palette: Palette) -> None:
    """The legend in `box` (points), headed "Legend"."""
    columns, _height = legend_size(design, box.width())
    draw_text(painter, frame, QRectF(box.left(), box.top(), box.width(), 12), "Legend",
              ROW_PT, bold=True)
    scene = QGraphicsScene()
    with style.rendering_with(palette):
        for n, (make, title) in enumerate(_entries(design)):
            cell = QGraphicsRectItem(0, 0, CELL_W, CELL_H)
            cell.setPen(QPen(Qt.PenStyle.NoPen))
            cell.setPos((n % columns) * CELL_W, (n // columns) * CELL_H)
            sample = make()
            sample.setParentItem(cell)
            sample.setPos(4, (CELL_H - legend.SWATCH_H) / 2)
            text = QGraphicsSimpleTextItem(title, cell)
            label = style.label_font()
            label.setPointSizeF(LEGEND_TEXT * 0.75)   # scene fonts are laid out at 96 dpi
            text.setFont(label)
            text.setBrush(INK)   # the sheet is white paper in every palette
            text.setPos(legend.SWATCH_W + 16, (CELL_H - text.boundingRect().height()) / 2)
            scene.addItem(cell)
        source = scene.itemsBoundingRect().adjusted(-2, -2, 2, 2)
        target = QRectF(box.left(), box.top() + 14, source.width() * LEGEND_SCALE,
                        source.height() * LEGEND_SCALE)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        scene.render(painter, frame.rect(target), source)
        painter.restore()
    scene.clear()
