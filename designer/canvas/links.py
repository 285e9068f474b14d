"""Link items: power (solid, warm, thicker, arrow toward the consumer), network
(solid, cool, undirected) and dependency (dashed, dark, arrow toward what is
needed). A link is a top-level QGraphicsPathItem in scene coordinates with a
built-in polygon child for the arrowhead. The scene gives it its orthogonal
route (`set_route`, from routing.py); while a drag is in progress it is drawn
straight between its ends' borders (`route`). Its shape - what a click hits -
is the thin stroke along the path, never the area the polyline encloses, so
a link does not steal the clicks of the cards around it. Below the zoom where
parallel tracks would be closer than a few pixels, links hide and the scene
draws bundles instead (lod.py)."""
from __future__ import annotations

import math

from PySide6.QtCore import QLineF, QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QPainterPath, QPainterPathStroker, QPen, QPolygonF
from PySide6.QtWidgets import (QGraphicsEllipseItem, QGraphicsPathItem, QGraphicsPolygonItem,
                               QGraphicsSimpleTextItem)

from designer.look import style
from designer.model import Link, LinkKind
from designer.look.style import Detail, State, TextRole

from .geometry import anchored_line

ARROW = 10.0
SHORT = 28.0   # links shorter than this loop out to the side
LOOP = 34.0
HIT_WIDTH = 6.0      # how far from the line a click still picks the link
DOT = 5.0            # junction dot where a bus drop leaves its trunk
INDIVIDUAL = frozenset({Detail.FULL, Detail.NO_LABELS, Detail.NO_CHIPS})   # one by one


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
        self.dot: QGraphicsEllipseItem | None = None        # made for a bus drop
        self._hit: tuple | None = None   # (path, width, stroke)
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
        if self.dot is not None:
            self.dot.setBrush(QBrush(pen.color()))
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
        self.setVisible(detail in INDIVIDUAL)
        if self.port is not None:
            self.port.setVisible(detail is Detail.FULL and bool(self.port.text()))
        self.arrow.setVisible(self.directed and detail is not Detail.BOXES)

    def shape(self) -> QPainterPath:
        # Cached per path and width: Qt asks while a new path is being set,
        # for the old bounds, and again for the new ones.
        path, width = self.path(), max(HIT_WIDTH, self.pen().widthF() + 2)
        if self._hit is None or self._hit[0] != path or self._hit[1] != width:
            stroker = QPainterPathStroker()
            stroker.setWidth(width)
            self._hit = (path, width, stroker.createStroke(path))
        return self._hit[2]

    def set_route(self, points: list[tuple[float, float]], junction=None) -> None:
        """Draw the routed polyline (scene coordinates), the arrowhead on its
        last leg, a dot where a bus drop leaves the trunk, the port label
        beside the longest leg."""
        if len(points) < 2:     # both ends on one spot: boxes drawn on top of each other
            points = [*points, *points] or [(0.0, 0.0)] * 2
        pts = [QPointF(x, y) for x, y in points]
        last = QLineF(pts[-2], pts[-1])
        end = pts[-1]
        if self.directed and last.length() > ARROW:
            end = last.pointAt(1 - ARROW / last.length())
        self.arrow.setPolygon(_arrowhead(last) if self.directed else QPolygonF())
        path = QPainterPath(pts[0])
        for p in pts[1:-1]:
            path.lineTo(p)
        path.lineTo(end)
        self.setPath(path)
        self._set_dot(junction)
        longest = max(zip(pts, pts[1:]), key=lambda ab: QLineF(*ab).length())
        self._place_port(QLineF(*longest).center() + QPointF(4, -16))

    def _set_dot(self, junction) -> None:
        if junction is None and self.dot is None:
            return
        if self.dot is None:
            self.dot = QGraphicsEllipseItem(self)
            self.dot.setPen(QPen(Qt.PenStyle.NoPen))
            self.dot.setBrush(QBrush(self.pen().color()))
        self.dot.setVisible(junction is not None)
        if junction is not None:
            self.dot.setRect(junction[0] - DOT / 2, junction[1] - DOT / 2, DOT, DOT)

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
        self._set_dot(None)
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
