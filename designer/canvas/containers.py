"""Container items: sites (large rounded areas with a title bar), racks (narrow
tall frames), servers (cards with PSU/NIC/disk chips along their edge),
segments (dashed zones tinted by trust) and tiers (a hull around their member
services with "k of n" on it, computed from the members, never stored).
"""
from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QPainterPath, QPen, QPolygonF
from PySide6.QtWidgets import QGraphicsPathItem, QGraphicsPolygonItem

from designer import style
from designer.model import Component, Kind, Trust
from designer.style import Detail, State, TextRole

from . import geometry as G
from .items import ComponentItem, DeviceItem, elided, icon_item, rounded

GRIP = 12.0
HEADER_ICON = 16.0


class ContainerItem(DeviceItem):
    """Site, rack or server: a body with a header bar holding icon and title."""

    role = TextRole.TITLE
    header_h = G.HEADER

    def build(self) -> None:
        self.header = QGraphicsPathItem(self)
        self.header.setPen(QPen(Qt.PenStyle.NoPen))
        self.header.setZValue(-1)
        self.header.setFlag(self.header.GraphicsItemFlag.ItemStacksBehindParent, False)
        self.icon = icon_item(self, self.kind, HEADER_ICON)
        self.grip = QGraphicsPolygonItem(self)
        self.grip.setPen(QPen(Qt.PenStyle.NoPen))
        self.grip.setVisible(False)

    def layout(self) -> None:
        w, h = self.size
        inset = self.body_pen().widthF() / 2
        top = rounded(QRectF(inset, inset, w - 2 * inset, self.header_h), self.radius - inset)
        bottom = QPainterPath()
        bottom.addRect(QRectF(inset, self.header_h / 2, w - 2 * inset, self.header_h / 2))
        self.header.setPath(top.united(bottom))
        self.icon.setPos(8, (self.header_h - HEADER_ICON) / 2)
        self.label_item.setText(elided(self.comp.name, self.role, w - HEADER_ICON - 40))
        r = self.label_item.boundingRect()
        self.label_item.setPos(HEADER_ICON + 14, (self.header_h - r.height()) / 2)
        self.grip.setPolygon(QPolygonF([QPointF(w, h - GRIP), QPointF(w, h),
                                        QPointF(w - GRIP, h)]))

    def body_pen(self) -> QPen:
        if self.state is State.NORMAL:
            return style.container_pen(self.kind)
        return super().body_pen()

    def body_brush(self) -> QBrush:
        return style.container_brush(self.kind)

    def restyle(self) -> None:
        super().restyle()
        self.label_item.setBrush(style.palette().text)
        self.grip.setBrush(QBrush(style.palette().selection))
        self.header.setBrush(self.header_brush())

    def header_brush(self) -> QBrush:
        return style.header_brush(self.kind)

    def set_detail(self, detail: Detail) -> None:
        self.label_item.setVisible(True)  # titles stay: the overview reads by them
        self.icon.setVisible(detail is not Detail.BOXES)

    def set_selected(self, on: bool) -> None:
        self.decor.set_selected(on)
        self.grip.setVisible(on)

    def grip_rect(self) -> QRectF:
        w, h = self.size
        return QRectF(w - GRIP * 1.5, h - GRIP * 1.5, GRIP * 1.5, GRIP * 1.5)


class SiteItem(ContainerItem):
    radius = 14.0
    header_h = 32.0


class RackItem(ContainerItem):
    radius = 3.0


class ServerItem(ContainerItem):
    role = TextRole.LABEL
    radius = 7.0
    header_h = 24.0


class SegmentItem(ContainerItem):
    """A network zone: tinted by trust, dashed border, title without a bar."""

    radius = 10.0

    def trust(self) -> Trust:
        return self.comp.trust or Trust.INTERNAL

    def layout(self) -> None:
        super().layout()
        trust, name = self.trust().value.upper(), self.comp.name
        title = name if name.upper() == trust else f"{trust} · {name}"
        self.label_item.setText(elided(title, self.role, self.size[0] - HEADER_ICON - 40))

    def body_pen(self) -> QPen:
        if self.state is State.NORMAL:
            return style.segment_pen(self.trust())
        return super().body_pen()

    def body_brush(self) -> QBrush:
        return style.segment_brush(self.trust())

    def header_brush(self) -> QBrush:
        return QBrush(Qt.BrushStyle.NoBrush)

    def restyle(self) -> None:
        super().restyle()
        self.label_item.setBrush(style.palette().segment_border[self.trust()])


class TierItem(ComponentItem):
    """A tier: a rounded hull around its member services with a "k of n" tag.
    The scene calls `wrap(rects, n)` whenever a member moves, joins or leaves;
    an empty tier shows as a placeholder at its own (x, y)."""

    role = TextRole.SMALL
    radius = 12.0
    PAD = 10.0

    def build(self) -> None:
        self.members = 0
        self.tag = QGraphicsPathItem(self)
        self.tag.setPen(QPen(Qt.PenStyle.NoPen))
        self.label_item.setParentItem(self.tag)

    def wrap(self, rects: list[QRectF]) -> None:
        self.members = len(rects)
        if rects:
            box = rects[0]
            for r in rects[1:]:
                box = box.united(r)
            box = box.adjusted(-self.PAD, -self.PAD, self.PAD, self.PAD)
            self.setPos(box.topLeft())
            self.size = (box.width(), box.height())
        else:
            self.setPos(self.comp.x, self.comp.y)
            self.size = G.DEFAULT_SIZE[Kind.TIER]
        self.setPath(rounded(self.rect(), self.radius))
        self.layout()
        self.decor.update()

    def apply(self, comp: Component) -> None:
        super().apply(comp)

    def layout(self) -> None:
        k = self.comp.quorum or 1
        text = f"{self.comp.name} · {k} of {self.members}"
        self.label_item.setText(text)
        r = self.label_item.boundingRect()
        self.tag.setPath(rounded(QRectF(0, 0, r.width() + 12, r.height() + 4), 4))
        self.tag.setPos(self.size[0] - r.width() - 20, -r.height() / 2 - 2)
        self.label_item.setPos(6, 2)

    def body_pen(self) -> QPen:
        return style.tier_pen() if self.state is State.NORMAL else super().body_pen()

    def body_brush(self) -> QBrush:
        return style.tier_brush()

    def restyle(self) -> None:
        super().restyle()
        self.tag.setBrush(QBrush(style.palette().tier))
        self.label_item.setBrush(style.palette().canvas)

    def set_detail(self, detail: Detail) -> None:
        self.tag.setVisible(detail is not Detail.BOXES)
        self.label_item.setVisible(True)
