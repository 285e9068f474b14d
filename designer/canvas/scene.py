"""CanvasScene: a projection of the Document, built from its signals (as
orange-canvas-core's `CanvasScene.set_scheme` / `add_node` do). It keeps an
id -> item map both ways, mirrors placement parents with Qt item parenting
(child positions relative to the parent, as the model stores them), re-routes
the links of whatever moved, wraps tier hulls around their members, and
carries view state only: selection, analysis states, highlight, detail level.

Index: the BSP tree (`INDEX`), chosen by measurement on the generated
5,000-component design (benchmarks/bench_canvas.py, docs/performance.md):
with the BSP index a repaint at 100 % zoom only visits the few hundred items
in view, while NoIndex walks all ~20,000 items and their children on every
paint, click and hover; building the tree cost less than feared because the
items are small and links are laid out once, after their endpoints. Its
depth is ours (`BSP_DEPTH`), not Qt's, and many routes landing together
are drawn with it set aside (`unindexed`).
"""
from __future__ import annotations

from contextlib import contextmanager
from typing import Iterable

from PySide6.QtCore import QRectF, Signal
from PySide6.QtWidgets import QGraphicsItem, QGraphicsScene

from designer.document import Document
from designer.model import Component, Kind, Link

from . import geometry as G
from .containers import RackItem, SegmentItem, ServerItem, SiteItem, TierItem
from .items import ChipItem, ComponentItem, DeviceItem, NoteItem, ServiceItem, TextItem
from .links import LinkItem
from .routing import Routing
from .states import SceneStates

_CLASSES = {Kind.SITE: SiteItem, Kind.RACK: RackItem, Kind.SERVER: ServerItem,
            Kind.SEGMENT: SegmentItem, Kind.TIER: TierItem, Kind.SERVICE: ServiceItem,
            Kind.NOTE: NoteItem, Kind.TEXT: TextItem, Kind.PSU: ChipItem,
            Kind.NIC: ChipItem, Kind.DISK: ChipItem}
_TOP_Z = {Kind.SEGMENT: -2.0, Kind.SITE: -1.0, Kind.TIER: 2.0}
_CHILD_Z = {Kind.SEGMENT: -1.0, Kind.SERVICE: 1.0, Kind.PSU: 2.0, Kind.NIC: 2.0,
            Kind.DISK: 2.0}
MARGIN = 400.0
INDEX = QGraphicsScene.ItemIndexMethod.BspTreeIndex
# Qt deepens the tree with the item count (17 levels at 112,000 items) and
# files an item in every leaf it meets: a site of 7,000 servers, its links
# drawn straight until routed, filled 8.5 GB. 10 levels (1,024 leaves) are
# as fast on the generated 5,000 (docs/performance.md).
BSP_DEPTH = 10
# Past this many routes landing together the index is set aside and built
# again: each setPath of a long link left as many leaves as it met (7,000
# drops of one bus: one turn of 20 s).
REINDEX_AT = 1000


class CanvasScene(SceneStates, Routing, QGraphicsScene):
    selectionChangedIds = Signal(list)

    def __init__(self, document: Document, parent=None) -> None:
        QGraphicsScene.__init__(self, parent)
        SceneStates.__init__(self)
        self.document = document
        self._index()
        self._items: dict[str, ComponentItem] = {}
        self._links: dict[str, LinkItem] = {}
        self._links_at: dict[str, set[str]] = {}
        self._pairs: dict[frozenset, list[str]] = {}
        document.reset.connect(self.rebuild)
        document.componentsAdded.connect(self._on_added)
        document.componentsRemoved.connect(self._on_removed)
        document.componentsChanged.connect(self._on_changed)
        document.linksAdded.connect(self._on_links_added)
        document.linksRemoved.connect(self._on_links_removed)
        document.linksChanged.connect(self._on_links_changed)
        self.rebuild()

    # -- lookups -----------------------------------------------------------------
    def item_for(self, item_id: str) -> QGraphicsItem | None:
        return self._items.get(item_id) or self._links.get(item_id)

    def id_for(self, item: QGraphicsItem | None) -> str | None:
        while item is not None:
            if isinstance(item, ComponentItem):
                return item.cid
            if isinstance(item, LinkItem):
                return item.lid
            item = item.parentItem()
        return None

    def is_component(self, item_id: str) -> bool:
        return item_id in self._items

    def component_items(self) -> Iterable[ComponentItem]:
        return self._items.values()

    def link_items(self) -> Iterable[LinkItem]:
        return self._links.values()

    def _index(self) -> None:
        self.setItemIndexMethod(INDEX)
        if INDEX == QGraphicsScene.ItemIndexMethod.BspTreeIndex and BSP_DEPTH:
            self.setBspTreeDepth(BSP_DEPTH)

    @contextmanager
    def unindexed(self, count: int):
        """Around `count` items changing their geometry together."""
        if count < REINDEX_AT or INDEX == QGraphicsScene.ItemIndexMethod.NoIndex:
            yield
            return
        self.setItemIndexMethod(QGraphicsScene.ItemIndexMethod.NoIndex)
        try:
            yield
        finally:
            self._index()

    # -- building ------------------------------------------------------------------
    def rebuild(self) -> None:
        self.clear()
        for table in (self._items, self._links, self._links_at, self._pairs):
            table.clear()
        self.reset_view_state()
        self._rect_set = False
        self._add_components(self.document.components())
        self._add_links(self.document.links())
        self.fit_scene_rect()

    def _add_components(self, comps: list[Component]) -> None:
        for comp in comps:
            self._items[comp.id] = _CLASSES.get(comp.kind, DeviceItem)(comp)
        hosts = set()
        for comp in comps:
            self._place(self._items[comp.id], comp)
            if comp.kind in G.CHIP_KINDS and comp.parent:
                hosts.add(comp.parent)
        for item in (self._items[c.id] for c in comps):
            if item.parentItem() is None and item.scene() is None:
                self.addItem(item)
            item.set_detail(self.detail)
        self._relayout_chips(hosts)
        self._rewrap_tiers({c.tier for c in comps if c.tier} |
                           {c.id for c in comps if c.kind is Kind.TIER})

    def _place(self, item: ComponentItem, comp: Component) -> None:
        parent = self._items.get(comp.parent) if comp.parent else None
        if item.parentItem() is not parent:
            item.setParentItem(parent)  # None: top level, staying in this scene
        z_table = _CHILD_Z if parent is not None else _TOP_Z
        item.setZValue(z_table.get(comp.kind, 0.0))
        if parent is None and item.scene() is None:
            self.addItem(item)
        if comp.kind not in G.CHIP_KINDS or parent is None:
            item.setPos(comp.x, comp.y)

    def _add_links(self, links: list[Link]) -> None:
        pairs = set()
        for link in links:
            item = LinkItem(link)
            self._links[link.id] = item
            self.addItem(item)
            item.set_detail(self.detail)
            self._index_link(link)
            pairs.add(frozenset((link.source, link.target)))
        self._spread(pairs)

    def _index_link(self, link: Link) -> None:
        self._links_at.setdefault(link.source, set()).add(link.id)
        self._links_at.setdefault(link.target, set()).add(link.id)
        self._pairs.setdefault(frozenset((link.source, link.target)), []).append(link.id)

    # -- document signals -------------------------------------------------------------
    def _on_added(self, comps: list[Component]) -> None:
        self._add_components(comps)
        self.reroute([c.id for c in comps])
        self.fit_scene_rect([c.id for c in comps])

    def _on_removed(self, ids: list[str]) -> None:
        hosts, tiers = set(), set()
        for cid in ids:
            item = self._items.pop(cid, None)
            if item is None:
                continue
            hosts.add(item.comp.parent)
            tiers.add(item.comp.tier)
            for child in item.childItems():
                if isinstance(child, ComponentItem):
                    child.setParentItem(None)  # removed too, or re-parented next
            if item.scene() is self:
                self.removeItem(item)
        self.forget_ids(ids)
        self.reroute_vacated()   # routes that went around what is gone
        self._relayout_chips(hosts - {None})
        self._rewrap_tiers(tiers - {None})

    def _on_changed(self, comps: list[Component]) -> None:
        hosts, tiers = set(), set()
        for comp in comps:
            item = self._items[comp.id]
            hosts.update({item.comp.parent, comp.parent})
            tiers.update({item.comp.tier, comp.tier})
            self._place(item, comp)
            item.apply(comp)
            if comp.kind is Kind.TIER:
                tiers.add(comp.id)
        self._relayout_chips({h for h in hosts if h in self._items})
        self._rewrap_tiers(tiers - {None})
        self.reroute([c.id for c in comps])
        self.fit_scene_rect([c.id for c in comps])

    def _on_links_added(self, links: list[Link]) -> None:
        self._add_links(links)
        self.reroute_links({l.id for l in links})

    def _on_links_removed(self, ids: list[str]) -> None:
        pairs = set()
        for lid in ids:
            item = self._links.pop(lid)
            pairs.add(self._unindex_link(item.link))
            self.removeItem(item)
        self.forget_ids(ids)
        self._spread(pairs)

    def _unindex_link(self, link: Link) -> frozenset:
        for end in (link.source, link.target):
            self._links_at.get(end, set()).discard(link.id)
        pair = frozenset((link.source, link.target))
        self._pairs[pair].remove(link.id)
        return pair

    def _on_links_changed(self, links: list[Link]) -> None:
        """Edited in place, so a selected link stays selected while edited."""
        pairs = set()
        for link in links:
            item = self._links[link.id]
            pairs |= {self._unindex_link(item.link), frozenset((link.source, link.target))}
            self._index_link(link)
            item.apply(link)
        self._spread(pairs)

    def preview(self, comp: Component) -> None:
        """Show a value the document does not hold (yet): a resize in progress,
        or the document's own value again to snap back."""
        item = self._items[comp.id]
        self._place(item, comp)
        item.apply(comp)
        self._relayout_chips([comp.id, comp.parent] if comp.parent else [comp.id])
        self.reroute([comp.id])

    def fit_scene_rect(self, cids: Iterable[str] | None = None) -> None:
        """An explicit scene rect (never derived by Qt from the index): all items,
        or the current rect grown to hold the given ones, plus a scroll margin."""
        grow = cids is not None and self._rect_set
        items = [self._items[c] for c in cids if c in self._items] if grow else \
            [i for i in self._items.values() if i.parentItem() is None]
        rect = QRectF()
        for item in items:
            rect = rect.united(item.scene_rect())
        if rect.isEmpty() and not grow:
            rect = QRectF(0, 0, 1600, 1000)
        if not rect.isEmpty():
            rect = rect.adjusted(-MARGIN, -MARGIN, MARGIN, MARGIN)
        self.setSceneRect(rect.united(self.sceneRect()) if grow else rect)
        self._rect_set = True
