"""Link items: power (solid, warm, thicker, arrow toward the consumer), network
(solid, cool, undirected) and dependency (dashed, dark, arrow toward what is
needed). A link is a top-level QGraphicsPathItem in scene coordinates with a
built-in polygon child for the arrowhead; it anchors at its endpoints' borders
and is re-routed by the scene when they move. Links between the same pair are
spread apart by `offset`."""
from __future__ import annotations

import math

from PySide6.QtCore import QLineF, QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QPainterPath, QPen, QPolygonF
from PySide6.QtWidgets import QGraphicsPathItem, QGraphicsPolygonItem, QGraphicsSimpleTextItem

from designer.look import style
from designer.model import Link, LinkKind
from designer.look.style import Detail, State, TextRole

from .geometry import anchored_line

ARROW = 10.0
SHORT = 28.0   # links shorter than this loop out to the side
LOOP = 34.0


class LinkItem(QGraphicsPathItem):
    def __init__(self, link: Link) -> None:
        super().__init__()
        self.lid = link.id
        self.link = link
        self.state = State.NORMAL
        self.offset = 0.0
        self.selected = False
        self.detail = Detail.FULL
        self.arrow = QGraphicsPolygonItem(self)
        self.arrow.setPen(QPen(Qt.PenStyle.NoPen))
        self.port: QGraphicsSimpleTextItem | None = None   # made when a port is shown
        self.setZValue(3)
        self.apply(link)

    @property
    def kind(self) -> LinkKind:
        return self.link.kind

    def apply(self, link: Link) -> None:
        self.link = link
        self.directed = style.palette().links[link.kind].arrow
        self.arrow.setVisible(self.directed and self.detail is not Detail.BOXES)
        text = f":{link.port}" if link.port else link.label
        if text and self.port is None:
            self.port = QGraphicsSimpleTextItem(self)
            self.port.setFont(style.label_font(TextRole.SMALL))
        if self.port is not None:
            self.port.setText(text)
            self.port.setVisible(bool(text) and self.detail is Detail.FULL)
        self.setToolTip(f"{link.kind.value} link {link.source} → {link.target}")
        self.restyle()

    def restyle(self) -> None:
        pen = QPen(style.link_pen(self.kind, self.state))
        pen.setCapStyle(Qt.PenCapStyle.FlatCap)   # see items.flat: round caps are slow
        if self.selected:
            pen.setColor(style.palette().selection)
            pen.setWidthF(pen.widthF() + 1.5)
        self.setPen(pen)
        self.arrow.setBrush(QBrush(pen.color()))
        if self.port is not None:
            self.port.setBrush(style.palette().text_muted)

    def set_state(self, state: State) -> None:
        if state is not self.state:
            self.state = state
            self.restyle()

    def set_selected(self, on: bool) -> None:
        if on != self.selected:
            self.selected = on
            self.restyle()

    def set_detail(self, detail: Detail) -> None:
        self.detail = detail
        if self.port is not None:
            self.port.setVisible(detail is Detail.FULL and bool(self.port.text()))
        self.arrow.setVisible(self.directed and detail is not Detail.BOXES)

    def route(self, source: QRectF, target: QRectF) -> None:
        """Anchor between the two endpoint rects (scene coordinates). Items
        stacked almost touching (services in one server) get a loop out to
        the side instead of a stub too short to read."""
        line = anchored_line(source, target, self.offset)
        if line.length() < SHORT:
            self._loop(source, target)
            return
        path = QPainterPath(line.p1())
        end = line.p2()
        if self.directed:
            end = line.pointAt(1 - ARROW / line.length())
            self.arrow.setPolygon(_arrowhead(line))
        path.lineTo(end)
        self.setPath(path)
        self._place_port(line.center() + QPointF(4, -16))

    def _loop(self, source: QRectF, target: QRectF) -> None:
        bulge = LOOP + abs(self.offset) * 2
        a = QPointF(source.right(), source.center().y())
        b = QPointF(target.right(), target.center().y())
        side = max(a.x(), b.x()) + bulge
        path = QPainterPath(a)
        tip_from = QPointF(b.x() + ARROW * 1.5, b.y())
        path.cubicTo(QPointF(side, a.y()), QPointF(side, b.y()), tip_from)
        self.setPath(path)
        self.arrow.setPolygon(_arrowhead(QLineF(tip_from, b)) if self.directed
                              else QPolygonF())
        if not self.directed:
            path.lineTo(b)
            self.setPath(path)
        self._place_port(QPointF(side - bulge / 4 + 4, (a.y() + b.y()) / 2 - 8))

    def _place_port(self, at: QPointF) -> None:
        if self.port is not None and self.port.text():
            self.port.setPos(at)


def _arrowhead(line: QLineF) -> QPolygonF:
    tip = line.p2()
    angle = math.atan2(line.dy(), line.dx())
    left = QPointF(tip.x() - ARROW * math.cos(angle - 0.45),
                   tip.y() - ARROW * math.sin(angle - 0.45))
    right = QPointF(tip.x() - ARROW * math.cos(angle + 0.45),
                    tip.y() - ARROW * math.sin(angle + 0.45))
    return QPolygonF([tip, left, right])
