"""Container items: sites (large rounded areas with a title bar), racks (narrow
tall frames), servers (cards with PSU/NIC/disk chips along their edge),
segments (dashed zones tinted by trust) and tiers (a hull around their member
services with "k of n" on it, computed from the members, never stored).
"""
from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QPainterPath, QPen, QPolygonF
from PySide6.QtWidgets import QGraphicsPathItem, QGraphicsPolygonItem

from designer.look import style
from designer.model import Kind, Trust
from designer.look.style import Detail, State, TextRole

from . import geometry as G
from .items import ComponentItem, DeviceItem, fitting_scale, icon_item, rounded

GRIP = 12.0
HEADER_ICON = 16.0


class ContainerItem(DeviceItem):
    """Site, rack or server: a body with a header bar holding icon and title."""

    role = TextRole.TITLE
    header_h = G.HEADER
    icon_size = HEADER_ICON

    def build(self) -> None:
        self.header = QGraphicsPathItem(self)
        self.header.setPen(QPen(Qt.PenStyle.NoPen))
        self.header.setZValue(-1)
        self.header.setFlag(self.header.GraphicsItemFlag.ItemStacksBehindParent, False)
        self.icon = icon_item(self, self.kind, HEADER_ICON)
        self.icon_on_dark = style.is_dark()
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
        r = self.set_label(self.title(), w - HEADER_ICON - 40)
        self.label_item.setPos(HEADER_ICON + 14, (self.header_h - r.height()) / 2)
        self.grip.setPolygon(QPolygonF([QPointF(w, h - GRIP), QPointF(w, h),
                                        QPointF(w - GRIP, h)]))

    def title(self) -> str:
        return self.comp.name

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
        # Titles stay when labels go (the overview reads by them); at the
        # smallest zoom only site titles remain, and server cards lose their bar.
        boxes = detail is Detail.BOXES
        self.label_item.setVisible(not boxes or self.kind is Kind.SITE)
        self.icon.setVisible(not boxes)
        self.header.setVisible(not boxes or self.kind is not Kind.SERVER)

    def set_selected(self, on: bool) -> None:
        self.decor.set_selected(on)
        self.grip.setVisible(on)

    def grip_rect(self) -> QRectF:
        w, h = self.size
        return QRectF(w - GRIP * 1.5, h - GRIP * 1.5, GRIP * 1.5, GRIP * 1.5)


class AreaItem(ContainerItem):
    """A large area (site, segment): picked up by its title bar or border; a
    drag on its open floor draws a rubber band instead, so the things inside
    stay easy to select."""

    def grabs_at(self, local: QPointF) -> bool:
        w, h = self.size
        border = min(local.x(), w - local.x(), h - local.y())
        return local.y() <= self.header_h or border <= 8.0


class SiteItem(AreaItem):
    radius = 14.0
    header_h = 32.0


class RackItem(ContainerItem):
    radius = 3.0


class ServerItem(ContainerItem):
    role = TextRole.LABEL
    radius = 7.0
    header_h = 24.0


class SegmentItem(AreaItem):
    """A network zone: tinted by trust, dashed border, title without a bar."""

    radius = 10.0

    def trust(self) -> Trust:
        return self.comp.trust or Trust.INTERNAL

    def title(self) -> str:
        trust, name = self.trust().value.upper(), self.comp.name
        return name if name.upper() == trust else f"{trust} · {name}"

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
    """A tier: its replicas wrapped together with a "k of n" tag. Replicas
    that sit close together share one rounded hull; replicas spread far apart
    (say over two sites) get an outline each, joined by a thin spine, so the
    tier does not paint over everything between them. The scene calls
    `wrap(rects)` whenever a member moves, joins or leaves; an empty tier shows
    as a placeholder at its own (x, y) so services can be dropped into it."""

    role = TextRole.SMALL
    radius = 10.0
    PAD = 8.0
    SPREAD = 1.6   # hull area / member area above which members get outlines

    def build(self) -> None:
        self.members = 0
        self.tag = QGraphicsPathItem(self)
        self.tag.setPen(QPen(Qt.PenStyle.NoPen))
        self.label_item.setParentItem(self.tag)
        self.anchor = QPointF(0, 0)
        self.outlines: list[QRectF] = []   # scene coordinates
        self.gap = 0.0                      # length of the first bridge
        # The bridge between spread replicas: a broad translucent band, so it
        # reads as "one group", never as a network link.
        self.bridge = QGraphicsPathItem(self)
        self.bridge.setZValue(-1)
        self.bridge.setFlag(self.bridge.GraphicsItemFlag.ItemStacksBehindParent)

    def wrap(self, rects: list[QRectF]) -> None:
        self.members = len(rects)
        self.outlines = [r.adjusted(-self.PAD, -self.PAD, self.PAD, self.PAD) for r in rects]
        if not rects:
            self.setPos(self.comp.x, self.comp.y)
            self.size = G.DEFAULT_SIZE[Kind.TIER]
            self.setPath(rounded(self.rect(), self.radius))
            self.anchor = QPointF(self.size[0] - 8, 0)
        else:
            box = self.outlines[0]
            for r in self.outlines[1:]:
                box = box.united(r)
            self.setPos(box.topLeft())
            self.size = (box.width(), box.height())
            local = [r.translated(-box.topLeft()) for r in self.outlines]
            spread = len(local) > 1 and box.width() * box.height() > self.SPREAD * sum(
                r.width() * r.height() for r in local)
            if not spread:
                self.outlines = [box]
                self.anchor = QPointF(self.size[0] - 8, 0)
            self.bridge.setPath(self._spine(local) if spread else QPainterPath())
            self.setPath(_outlines(local, self.radius) if spread
                         else rounded(self.rect(), self.radius))
        self.layout()
        self.decor.update()

    def _spine(self, local: list[QRectF]) -> QPainterPath:
        """Straight lines joining the member outlines; the tag sits on the first."""
        path = QPainterPath()
        order = sorted(local, key=lambda r: (r.center().x(), r.center().y()))
        for i, (a, b) in enumerate(zip(order, order[1:])):
            line = G.anchored_line(a, b)
            path.moveTo(line.p1())
            path.lineTo(line.p2())
            if i == 0:
                self.anchor, self.gap = line.center(), line.length()
        return path

    def _bridge_scale(self, on_bridge: bool) -> float:
        """In presentation mode, a tag too wide for its bridge at the larger
        size shrinks toward its normal size, as labels do (items.set_label):
        moved onto the first replica instead, it covered the top of that
        replica's service on the projector (three-tier's web tier)."""
        if not on_bridge:
            return 1.0
        return fitting_scale(self.label_item.text(), self.role, self.gap - 16)

    def anchor_rect(self, toward: QPointF) -> QRectF:
        """A link to a spread tier meets the replica nearest the other end."""
        return min(self.outlines, key=lambda r: _distance(r.center(), toward)) \
            if self.outlines else self.scene_rect()

    def layout(self) -> None:
        # The analysis's default quorum is 1 of n (docs/analysis.md).
        k = self.comp.quorum or 1
        on_bridge = len(self.outlines) > 1
        self.label_item.setText(f"{self.comp.name} · {k} of {self.members}")
        scale = self._bridge_scale(on_bridge)
        self.label_item.setScale(scale)
        bound = self.label_item.boundingRect()
        r = QRectF(0, 0, bound.width() * scale, bound.height() * scale)
        anchor = self.anchor
        if on_bridge and self.gap < r.width() + 16:
            # No room on the bridge: the tag sits on the first replica's
            # outline instead, name and quorum both readable.
            first = min(self.outlines, key=lambda o: (o.top(), o.left()))
            anchor = QPointF(first.right() - 8, first.top()) - self.pos()
            on_bridge = False
        self.setToolTip(f"Tier {self.comp.name}: needs {k} of {self.members} replicas")
        w, h = r.width() + 12, r.height() + 4
        self.tag.setPath(rounded(QRectF(0, 0, w, h), 4))
        # Centred on the spine between replicas when spread (the gap between
        # them has room); else on the hull's top edge, right-aligned.
        self.tag.setPos(anchor - QPointF(w / 2 if on_bridge else w, h / 2))
        self.label_item.setPos(6, 2)

    BADGE_ANCHOR = 0.5      # no text beside it

    def badge_slot(self, badge_width: float) -> QPointF:
        """Top-left corner: the tag holds the top-right one."""
        return QPointF(badge_width / 2 - 8, 0)

    def squeeze_label(self, width: float) -> None:
        """The tag never meets the badge (opposite corners)."""

    def body_pen(self) -> QPen:
        return style.tier_pen() if self.state is State.NORMAL else super().body_pen()

    def body_brush(self) -> QBrush:
        return style.tier_brush()

    def restyle(self) -> None:
        super().restyle()
        self.tag.setBrush(QBrush(style.palette().tier))
        band = QColor(style.palette().tier)
        band.setAlpha(60)
        self.bridge.setPen(QPen(band, 8.0, Qt.PenStyle.SolidLine, Qt.PenCapStyle.FlatCap))
        self.label_item.setBrush(style.palette().canvas)

    def set_detail(self, detail: Detail) -> None:
        self.tag.setVisible(detail is not Detail.BOXES)
        self.label_item.setVisible(True)
        # Zoomed out, bands joining replicas in other sites would stripe the
        # whole overview; the replicas' outlines still show the tier.
        self.bridge.setVisible(detail in (Detail.FULL, Detail.NO_LABELS))


def _outlines(rects: list[QRectF], radius: float) -> QPainterPath:
    path = QPainterPath()
    for r in rects:
        path.addRoundedRect(r, radius, radius)
    return path


def _distance(a: QPointF, b: QPointF) -> float:
    return abs(a.x() - b.x()) + abs(a.y() - b.y())
