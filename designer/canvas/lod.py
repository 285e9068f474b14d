"""Link level of detail (mixed into CanvasScene through Routing). Down to
Detail.NO_CHIPS links are drawn one by one: buses and nudged channels keep
them several pixels apart there. At Detail.BOXES (the whole 5,000-component
design fitted), where tracks would be closer than a pixel, links are not
drawn one by one: power and network links are lifted to what is still drawn
- a chip to its host, anything in a rack to the rack - links that then start
and end in the same place are hidden (they are inside a rack or a card), and
the rest are drawn as one bundle per kind and lifted pair, routed like links
(buses included), as thick as log2 of how many links it carries. Dependencies
hide there: the tier hulls carry the application's shape at that zoom.
"""
from __future__ import annotations

import math

from PySide6.QtCore import QPointF, QTimer, Qt
from PySide6.QtGui import QPainterPath, QPen
from PySide6.QtWidgets import QGraphicsPathItem

from designer.look import style
from designer.model import LinkKind

from .links import INDIVIDUAL
from .obstacles import Role
from .routes import RouteBook

BUNDLE_Z = 3.0


class LinkDetail:
    _bundles: dict[str, QGraphicsPathItem] | None = None
    _bundle_timer: QTimer | None = None

    def detail_changed(self) -> None:
        """Called by set_detail after the items followed the new level."""
        self._schedule_bundles()

    def links_routed(self) -> None:
        if self.detail not in INDIVIDUAL:
            self._schedule_bundles()

    def clear_bundles(self) -> None:
        """The scene is being cleared: its bundles go with everything else."""
        self._bundles = None

    def _schedule_bundles(self) -> None:
        if self._bundle_timer is None:
            self._bundle_timer = QTimer(self)
            self._bundle_timer.setSingleShot(True)
            self._bundle_timer.timeout.connect(self.update_bundles)
        self._bundle_timer.start(0)

    def update_bundles(self) -> None:
        """Replace the bundles with those of the current level (none when
        links are drawn one by one)."""
        for item in (self._bundles or {}).values():
            if item.scene() is self:
                self.removeItem(item)
        self._bundles = {}
        if self.detail in INDIVIDUAL or not self._links:
            return
        book = self._book()
        groups = self._groups()
        bundles = RouteBook(book.layout, lambda cid, toward: book.layout.card_rect(cid))
        for key, (kind, a, b, count) in groups.items():
            bundles.set_link(key, kind, a, b)
        bundles.route(groups)
        for key, points in bundles.finish().items():
            kind, _, _, count = groups[key]
            self._bundles[key] = self._bundle_item(kind, count, points)

    def _groups(self) -> dict[str, tuple[str, str, str, int]]:
        layout = self._book().layout
        groups: dict[tuple, int] = {}
        for item in self._links.values():
            link = item.link
            if link.kind is LinkKind.DEPENDENCY:
                continue
            a = _lift(layout, link.source)
            b = _lift(layout, link.target)
            if a is None or b is None or a == b:
                continue
            if link.kind is LinkKind.NETWORK:
                a, b = min(a, b), max(a, b)
            key = (link.kind.value, a, b)
            groups[key] = groups.get(key, 0) + 1
        return {f"{k}|{a}|{b}": (k, a, b, n) for (k, a, b), n in sorted(groups.items())}

    def _bundle_item(self, kind: str, count: int, points) -> QGraphicsPathItem:
        item = QGraphicsPathItem()
        pen = QPen(style.link_pen(LinkKind(kind)))
        pen.setCosmetic(True)   # a width on screen: bundles exist only zoomed out
        pen.setWidthF(min(6.0, 1.0 + math.log2(count)))
        pen.setCapStyle(Qt.PenCapStyle.FlatCap)
        item.setPen(pen)
        path = QPainterPath(QPointF(*points[0]))
        for p in points[1:]:
            path.lineTo(QPointF(*p))
        item.setPath(path)
        item.setZValue(BUNDLE_Z)
        item.setToolTip(f"{count} {kind} link{'s' if count > 1 else ''}")
        self.addItem(item)
        return item


def _lift(layout, cid: str) -> str | None:
    """What a link end is drawn as at the smallest zoom: anything in a rack
    as the rack, a chip as its host."""
    chain = layout.chain(cid)
    if not chain:
        return None
    racks = [c for c in chain if layout.role.get(c) is Role.RACK]
    if racks:
        return racks[-1]
    if layout.role.get(chain[0]) is Role.CHIP and len(chain) > 1:
        return chain[1]
    return chain[0]
