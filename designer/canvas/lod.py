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
import time

from PySide6.QtCore import QPointF, QTimer, Qt
from PySide6.QtGui import QPainterPath, QPen
from PySide6.QtWidgets import QGraphicsPathItem, QGraphicsScene

from designer.look import style
from designer.model import LinkKind

from .links import INDIVIDUAL
from .obstacles import Role
from .routes import RouteBook

BUNDLE_Z = 3.0
BUNDLE_SLICE = 0.012    # seconds of bundle routing per event-loop turn, as links get


class LinkDetail:
    """Bundles are routed again only when what they are made of changed
    (the level, the links' ends, the layout), in slices of BUNDLE_SLICE
    like the links, and the old ones stay drawn until the new are done.
    Until 2026-12-05 every routing slice that drew links (each idle turn
    while a big design routes) routed all bundles again in one go, and
    removing the old ones dropped the links' search in progress: the
    generated 5,000-component design, fitted, had 8 of its 2,942 links
    routed after 300 s, the GUI thread busy all along (docs/performance.md)."""

    _bundles: dict[str, QGraphicsPathItem] | None = None
    _bundle_timer: QTimer | None = None
    _bundle_key: tuple | None = None       # what the drawn bundles were routed for
    _bundle_job: tuple | None = None       # (key, book, steps, groups) being routed

    def detail_changed(self) -> None:
        """Called by set_detail after the items followed the new level."""
        self._schedule_bundles()

    def links_routed(self) -> None:
        if self.detail not in INDIVIDUAL:
            self._schedule_bundles()

    def clear_bundles(self) -> None:
        """The scene is being cleared: its bundles go with everything else."""
        self._bundles, self._bundle_key, self._bundle_job = None, None, None

    def _schedule_bundles(self) -> None:
        if self._bundle_timer is None:
            self._bundle_timer = QTimer(self)
            self._bundle_timer.setSingleShot(True)
            self._bundle_timer.timeout.connect(self._bundle_turn)
        self._bundle_timer.start(0)

    def update_bundles(self, budget: float = float("inf")) -> None:
        """Route the bundles on for `budget` seconds; by default bring them
        up to date now, however long it takes (pictures, tests)."""
        self._start_bundles()
        if self._bundle_job is not None:
            self._advance_bundles(budget)

    def _bundle_turn(self) -> None:
        self.update_bundles(BUNDLE_SLICE)

    def _start_bundles(self) -> None:
        """Start routing the bundles of the current level if what they are
        made of changed; none when links are drawn one by one."""
        if self.detail in INDIVIDUAL or not self._links:
            self._bundle_job = None
            self._show_bundles({}, None)
            return
        book = self._book()
        key = (self.detail, book.links_revision, book.layout.revision)
        if key == self._bundle_key or (self._bundle_job and self._bundle_job[0] == key):
            return
        groups = self._groups()
        bundles = RouteBook(book.layout, lambda cid, toward: book.layout.card_rect(cid))
        for name, (kind, a, b, count) in groups.items():
            bundles.set_link(name, kind, a, b)
        self._bundle_job = (key, bundles, bundles.steps(groups), groups)

    def _advance_bundles(self, budget: float) -> None:
        """Route on for `budget` seconds; draw them all once they are done."""
        key, bundles, steps, groups = self._bundle_job
        deadline = time.perf_counter() + budget
        try:
            while time.perf_counter() <= deadline:
                next(steps)
        except StopIteration:
            self._bundle_job = None
            drawn = {name: self._bundle_item(groups[name][0], groups[name][3], points)
                     for name, points in bundles.finish().items()}
            self._show_bundles(drawn, key)
            return
        self._bundle_timer.start(0)

    def _show_bundles(self, drawn: dict[str, QGraphicsPathItem], key: tuple | None) -> None:
        """Replace the drawn bundles. Not through the scene's removeItem,
        which would drop the links' search in progress: bundles are
        nobody's obstacles."""
        for item in (self._bundles or {}).values():
            if item.scene() is self:
                QGraphicsScene.removeItem(self, item)
        self._bundles, self._bundle_key = drawn, key

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
