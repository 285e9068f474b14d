"""The legend: what each analysis state and link kind looks like.

Built only from designer.look.style, as QGraphicsItems, so the dock widget, the
PDF export and the docs image show exactly what the canvas shows.

Public API:
  state_swatch(state, parent=None) -> QGraphicsRectItem   one state's sample
  add_badge(parent, state, center) -> item | None         the round state badge
  link_sample(kind, parent=None) -> QGraphicsLineItem     one link kind's sample
  zone_sample(trust, parent=None) -> QGraphicsRectItem    a segment tint sample
  build_legend_items() -> QGraphicsRectItem               the whole legend, a panel
  render_legend_image(scale=1.0) -> QImage
  LegendWidget(parent=None)                               a QGraphicsView for a dock
"""
from __future__ import annotations

import math

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QImage, QPainter, QPen, QPolygonF
from PySide6.QtWidgets import (QFrame, QGraphicsEllipseItem, QGraphicsItem,
                               QGraphicsLineItem, QGraphicsPolygonItem,
                               QGraphicsRectItem, QGraphicsScene,
                               QGraphicsSimpleTextItem, QGraphicsView, QWidget)

from designer.look import style
from designer.model.component import LinkKind, Trust
from designer.model.kinds import Kind
from designer.look.style import State, TextRole

SWATCH_W, SWATCH_H = 56.0, 26.0
BADGE_R = 8.0
ROW_H = 36.0
PAD = 12.0
LINK_TITLES = {LinkKind.POWER: "Power (source → consumer)",
               LinkKind.NETWORK: "Network",
               LinkKind.DEPENDENCY: "Dependency (→ what is needed)"}
TRUST_TITLES = {Trust.INTERNET: "Internet zone", Trust.DMZ: "DMZ",
                Trust.INTERNAL: "Internal", Trust.DATA: "Data",
                Trust.MANAGEMENT: "Management"}
_NO_PEN = QPen(Qt.PenStyle.NoPen)


def _text(text: str, role: TextRole, color, parent: QGraphicsItem) -> QGraphicsSimpleTextItem:
    item = QGraphicsSimpleTextItem(text, parent)
    item.setFont(style.label_font(role))
    item.setBrush(color)
    return item


def _center_on(item: QGraphicsSimpleTextItem, center: QPointF) -> None:
    box = item.boundingRect()
    item.setPos(center - box.center())


def add_badge(parent: QGraphicsItem, state: State, center: QPointF):
    """The round badge with the state's symbol; None for states without one."""
    spec = style.state_style(state)
    if not spec.badge:
        return None
    r = BADGE_R * style.presentation_scale()
    badge = QGraphicsEllipseItem(QRectF(-r, -r, 2 * r, 2 * r), parent)
    badge.setPos(center)
    badge.setBrush(style.badge_brush(state))
    badge.setPen(_NO_PEN)
    glyph = _text(spec.badge, TextRole.BADGE, style.badge_text_color(state), badge)
    _center_on(glyph, QPointF(0, 0))
    return badge


def state_swatch(state: State, parent: QGraphicsItem | None = None) -> QGraphicsRectItem:
    """A small component body in `state`: border, fill, hatch, badge, label."""
    spec = style.state_style(state)
    rect = QRectF(0, 0, SWATCH_W, SWATCH_H)
    body = QGraphicsRectItem(rect, parent)
    body.setPen(style.state_pen(state))
    body.setBrush(style.state_brush(state))
    hatch = style.hatch_brush(state)
    if hatch is not None:  # hatch is a second shape: one brush cannot fill and hatch
        overlay = QGraphicsRectItem(rect, body)
        overlay.setPen(_NO_PEN)
        overlay.setBrush(hatch)
    label = _text("web", TextRole.SMALL, style.text_color(state), body)
    font = label.font()
    font.setStrikeOut(spec.strike)
    label.setFont(font)
    _center_on(label, rect.center() - QPointF(4, 0))
    add_badge(body, state, rect.topRight())
    return body


def _arrowhead(line: QGraphicsLineItem, kind: LinkKind) -> None:
    tip = line.line().p2()
    size = 5.0 + line.pen().widthF() * 1.5
    angle = math.atan2(line.line().dy(), line.line().dx())
    back = [tip - QPointF(math.cos(angle + d) * size, math.sin(angle + d) * size)
            for d in (0.45, -0.45)]
    head = QGraphicsPolygonItem(QPolygonF([tip, back[0], back[1]]), line)
    head.setBrush(style.arrow_brush(kind))
    head.setPen(_NO_PEN)


def link_sample(kind: LinkKind, parent: QGraphicsItem | None = None) -> QGraphicsLineItem:
    line = QGraphicsLineItem(2, SWATCH_H / 2, SWATCH_W, SWATCH_H / 2, parent)
    line.setPen(style.link_pen(kind))
    if style.palette().links[kind].arrow:
        _arrowhead(line, kind)
    return line


def zone_sample(trust: Trust, parent: QGraphicsItem | None = None) -> QGraphicsRectItem:
    zone = QGraphicsRectItem(QRectF(0, 0, SWATCH_W, SWATCH_H), parent)
    zone.setPen(style.segment_pen(trust))
    zone.setBrush(style.segment_brush(trust))
    return zone


def _row(panel: QGraphicsRectItem, sample: QGraphicsItem, title: str, y: float) -> None:
    sample.setParentItem(panel)
    sample.setPos(PAD + 4, y + (ROW_H - SWATCH_H) / 2)
    text = _text(title, TextRole.LABEL, style.palette().text, panel)
    text.setPos(PAD + SWATCH_W + 22, y + (ROW_H - text.boundingRect().height()) / 2)


def _heading(panel: QGraphicsRectItem, title: str, y: float) -> float:
    text = _text(title, TextRole.TITLE, style.palette().text, panel)
    text.setPos(PAD, y)
    return y + text.boundingRect().height() + 6


def build_legend_items() -> QGraphicsRectItem:
    """The legend as one panel item (children do the drawing), for any scene."""
    pal = style.palette()
    panel = QGraphicsRectItem()
    panel.setBrush(pal.canvas)
    panel.setPen(QPen(pal.container_border[Kind.SITE], 1.0))
    y = _heading(panel, "Analysis", PAD)
    for state in State:
        _row(panel, state_swatch(state), state.title, y)
        y += ROW_H
    y = _heading(panel, "Links", y + 8)
    for kind in LinkKind:
        _row(panel, link_sample(kind), LINK_TITLES[kind], y)
        y += ROW_H
    y = _heading(panel, "Segments", y + 8)
    for trust in Trust:
        _row(panel, zone_sample(trust), TRUST_TITLES[trust], y)
        y += ROW_H
    width = panel.childrenBoundingRect().right() + PAD
    panel.setRect(QRectF(0, 0, width, y + PAD))
    return panel


def render_legend_image(scale: float = 1.0) -> QImage:
    scene = QGraphicsScene()
    panel = build_legend_items()
    scene.addItem(panel)
    box = panel.rect()
    image = QImage(int(box.width() * scale), int(box.height() * scale),
                   QImage.Format.Format_ARGB32)
    image.fill(style.palette().canvas)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    scene.render(painter, QRectF(image.rect()), box)
    painter.end()
    return image


class LegendWidget(QGraphicsView):
    """The legend for a dock; rebuilds itself when the palette changes."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setScene(QGraphicsScene(self))
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setInteractive(False)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.rebuild()
        style.add_listener(self.rebuild)
        self.destroyed.connect(lambda *_: style.remove_listener(self.rebuild))

    def rebuild(self) -> None:
        scene = self.scene()
        scene.clear()
        panel = build_legend_items()
        panel.setPen(_NO_PEN)
        scene.addItem(panel)
        scene.setSceneRect(panel.rect())
        self.setBackgroundBrush(style.palette().canvas)
        # Full width, but the height may scroll: a dock should not force the
        # main window taller than a projector's 768 px.
        self.setMinimumWidth(int(panel.rect().width()) + 4)
        self._hint = panel.rect().size().toSize()

    def sizeHint(self):
        return self._hint
