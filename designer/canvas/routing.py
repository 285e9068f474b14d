"""Geometry upkeep for the scene (mixed into CanvasScene): chips laid along
their hosts, tier hulls wrapped around their members, and the orthogonal
routes of the links (designer/canvas/routes.py does the routing, Qt-free).

The scene keeps a `Layout` (each component's drawn rect, parent and role)
and a `RouteBook` in step with its items. A change re-routes only what it
touches: the links of whatever moved and the links whose reach the moved
cards left or entered. While a drag is in progress the touched links are
drawn straight (`preview_links`); the routes land on release, when the
document's change comes back. Works on the scene's `_items`, `_links`,
`_links_at` (component id -> link ids) and `_pairs` (endpoint pair -> link ids).
"""
from __future__ import annotations

import time
from typing import Iterable

from PySide6.QtCore import QPointF, QRectF, QTimer
from PySide6.QtWidgets import QGraphicsScene

from designer.model import Kind

from .containers import TierItem
from .items import ChipItem, ComponentItem, DeviceItem
from .links import INDIVIDUAL
from .lod import LinkDetail
from .obstacles import Layout, Role
from .routes import RouteBook

ROLES = {Kind.SITE: Role.SITE, Kind.RACK: Role.RACK, Kind.SEGMENT: Role.OPEN,
         Kind.TIER: Role.OPEN, Kind.PSU: Role.CHIP, Kind.NIC: Role.CHIP, Kind.DISK: Role.CHIP}


EAGER = 400        # up to this many links, every change is routed at once
SLICE = 0.012      # seconds of routing per idle slice on bigger designs
# While the live analysis runs, the pause after a slice once no pending link
# has an end in view: routes nobody sees take about 6 % of a core, and the
# analysis worker the rest (the 5,000-component design's certified figures
# came at 20-22 s in the window with the routing at full speed, where the
# analysis alone takes 8; docs/performance.md).
OFF_VIEW_PAUSE_MS = 200


class Routing(LinkDetail):
    """Small designs are routed as they change. Bigger ones draw a changed
    link straight at first and route it in idle slices, links in view first,
    so that opening the 5,000-component design does not wait for 3,000 routes."""

    _layout: Layout | None = None
    _pending: set[str] = frozenset()
    _idle: QTimer | None = None
    _job = None        # the route being searched across idle slices (a generator)
    _analysing = False

    # -- the route book, kept in step with the items ------------------------------------
    def _book(self) -> RouteBook:
        if self._layout is None:
            self._layout = Layout()
            self._routes = RouteBook(self._layout, self._anchor, self._land)
            self._tier_members: dict[str, list[str]] | None = None
            self._vacated: list[tuple] = []
            self._synced = False
            self._pending = set()
        if not self._synced:   # after a rebuild: every item at once
            self._synced = True
            self._sync(self._items.values())
        return self._routes

    def clear(self) -> None:
        self._job = None
        self._layout = None
        self.clear_bundles()
        QGraphicsScene.clear(self)

    def removeItem(self, item) -> None:
        self._job = None   # its obstacles may be gone; its links stay pending
        if self._layout is not None:
            if isinstance(item, ComponentItem):
                for gone in self.subtree_items(item):
                    old = self._layout.remove(gone.cid)
                    if old is not None:
                        self._vacated.append(old)
            elif hasattr(item, "lid"):
                self._routes.forget(item.lid)
                self._vacated.append(_rect(item.sceneBoundingRect()))
        QGraphicsScene.removeItem(self, item)

    def _anchor(self, cid: str, toward) -> tuple:
        return _rect(self._items[cid].anchor_rect(QPointF(*toward)))

    def _land(self, cid: str, toward) -> str:
        """A link to a tier ends on the replica nearest its other end."""
        if self._items[cid].kind is not Kind.TIER:
            return cid
        if self._tier_members is None:
            self._tier_members = {}
            for item in self._items.values():
                if item.comp.tier:
                    self._tier_members.setdefault(item.comp.tier, []).append(item.cid)
        rect = self._layout.rect
        members = sorted(m for m in self._tier_members.get(cid, ()) if m in rect)
        if not members:
            return cid

        def distance(m: str) -> float:
            r = rect[m]
            return abs((r[0] + r[2]) / 2 - toward[0]) + abs((r[1] + r[3]) / 2 - toward[1])
        return min(members, key=distance)

    def _sync(self, items: Iterable[ComponentItem]) -> list[tuple]:
        """Record where these items are drawn; returns the rects they left and entered."""
        touched = []
        for item in items:
            rect = _rect(item.scene_rect())
            old = self._layout.set(item.cid, rect, item.comp.parent,
                                   ROLES.get(item.kind, Role.CARD), _title(item))
            if old != rect and item.kind is not Kind.TIER:
                touched += [rect] if old is None else [old, rect]
        return touched

    # -- chips and tiers -----------------------------------------------------------------------
    def _relayout_chips(self, hosts: Iterable[str]) -> None:
        placed = []
        for hid in hosts:
            host = self._items.get(hid)
            if isinstance(host, DeviceItem):
                chips = [c for c in host.childItems() if isinstance(c, ChipItem)]
                chips.sort(key=lambda c: (c.kind.value, c.cid))
                host.place_chips(chips)
                placed.append(host.cid)
        if self._rect_set and placed:   # after the first build: siblings moved too
            self.reroute(placed)        # once for all hosts (Tidy up moves hundreds)

    def _rewrap_tiers(self, tier_ids: Iterable[str]) -> None:
        if self._layout is not None:
            self._tier_members = None   # membership may have changed
        tiers = {t: self._items[t] for t in tier_ids if isinstance(self._items.get(t), TierItem)}
        if not tiers:
            return
        members: dict[str, list[QRectF]] = {t: [] for t in tiers}
        for item in self._items.values():   # one pass, however many tiers
            if item.comp.tier in members:
                members[item.comp.tier].append(item.scene_rect())
        for tid, tier in tiers.items():
            tier.wrap(members[tid])
        self.reroute_links(self.links_touching(tiers.values()))   # links to a tier

    def _spread(self, pairs: Iterable[frozenset]) -> None:
        """Links between one pair share a channel; nudging keeps them apart."""
        lids: set[str] = set()
        for pair in pairs:
            lids.update(self._pairs.get(pair, []))
        self.reroute_links(lids)

    # -- what moved --------------------------------------------------------------------------------
    def subtree(self, cids: Iterable[str]) -> list[ComponentItem]:
        """The items of these components and of everything placed inside them."""
        out = []
        for cid in cids:
            if cid in self._items:
                out += self.subtree_items(self._items[cid])
        return out

    @staticmethod
    def subtree_items(root: ComponentItem) -> list[ComponentItem]:
        out, stack = [], [root]
        while stack:
            item = stack.pop()
            out.append(item)
            stack.extend(c for c in item.childItems() if isinstance(c, ComponentItem))
        return out

    def links_touching(self, items: Iterable[ComponentItem]) -> set[str]:
        lids: set[str] = set()
        for item in items:
            lids |= self._links_at.get(item.cid, set())
        return lids

    def reroute(self, cids: Iterable[str]) -> None:
        """Re-route the links (and tier hulls) of moved components, and the
        links whose routes the move could change."""
        moved = self.subtree(cids)
        book = self._book()
        touched = self._sync(moved)
        self._route(self.links_touching(moved) | book.reaching(_bounds(touched)))
        self._rewrap_tiers({i.comp.tier for i in moved if i.comp.tier})

    def reroute_links(self, lids: Iterable[str]) -> None:
        lids = set(lids)
        book = self._book()
        ends = [self._items[e] for lid in lids if lid in self._links
                for e in (self._links[lid].link.source, self._links[lid].link.target)
                if e in self._items]
        touched = self._sync(ends)
        self._route(lids | book.reaching(_bounds(touched)))

    def reroute_vacated(self) -> None:
        """After removals: the routes that went around what is gone."""
        if self._layout is not None and self._vacated:
            vacated, self._vacated = self._vacated, []
            self._route(self._routes.reaching(vacated))

    def preview_links(self, lids: Iterable[str]) -> None:
        """During a drag: straight lines, no routing (the route lands on release)."""
        book = self._book()
        for lid in lids:
            book.redraw(lid)   # so that the route is drawn again on release
            item = self._links.get(lid)
            src = self._items.get(item.link.source) if item else None
            dst = self._items.get(item.link.target) if item else None
            if src is not None and dst is not None:
                a, b = src.scene_rect(), dst.scene_rect()
                item.route(src.anchor_rect(b.center()), dst.anchor_rect(a.center()))

    def _route(self, lids: set[str]) -> None:
        # The design changed: a half-searched route may be out of date. Its
        # links are still pending and start afresh (the book stores nothing
        # until a route is done, so the result is the same as if uninterrupted).
        self._job = None
        book = self._book()
        for lid in lids & self._links.keys():
            link = self._links[lid].link
            book.set_link(lid, link.kind.value, link.source, link.target)
        lids = (lids | book.stale_buses()) & self._links.keys()
        if len(self._links) > EAGER:
            self._pending |= lids
            self.preview_links(lids)
            self._route_later()
            return
        book.route(lids)
        self._draw(book.finish())

    def _draw(self, routes: dict) -> None:
        junction = self._book().junction
        self._set_routes({lid: (points, junction.get(lid)) for lid, points in routes.items()})
        self.links_routed()

    def _set_routes(self, routes: dict[str, tuple]) -> None:
        """(points, junction) per link; many at once with the index set aside."""
        with self.unindexed(len(routes)):
            for lid, (points, junction) in routes.items():
                if lid in self._links:
                    self._links[lid].set_route(points, junction)

    def route_now(self) -> None:
        """Route every pending link at once, with no idle slice left behind
        (an export draws the final routes; designer/export/render.py)."""
        if self._idle is not None:
            self._idle.stop()
        self._job = None
        if self._pending:
            lids, self._pending = set(self._pending), set()
            book = self._book()
            book.route(lids)          # one batch, as small designs are routed
            self._draw(book.finish())

    def routed_links(self) -> dict[str, tuple]:
        """(points, junction) of every link routed so far, pending ones left
        out: an export scene of the same design adopts them (adopt_routes)."""
        if self._layout is None:
            return {}
        return {lid: (list(points), self._routes.junction.get(lid))
                for lid, points in self._routes.drawn.items() if lid not in self._pending}

    def adopt_routes(self, routes: dict[str, tuple]) -> None:
        """Draw routes another scene of the same design computed (the window's,
        for an export), so that only the links it had not routed yet remain."""
        self._book()
        self._job = None
        self._set_routes(routes)
        self._pending -= routes.keys()

    def set_analysing(self, running: bool) -> None:
        """The live analysis started or ended (its pendingChanged): while it
        runs, links with no end in view wait OFF_VIEW_PAUSE_MS between slices."""
        self._analysing = running
        if not running and self._pending:
            self._route_later()

    def _route_later(self, pause_ms: int = 0) -> None:
        if self._idle is None:
            self._idle = QTimer(self)
            self._idle.setSingleShot(True)
            self._idle.timeout.connect(self._route_slice)
        if not self._idle.isActive() or pause_ms < self._idle.remainingTime():
            self._idle.start(pause_ms)

    def _route_slice(self, budget: float = SLICE) -> None:
        """Route pending links for about `budget` seconds, those in view first.
        A long search pauses at the end of the slice and goes on in the next
        (the clock only decides when a route lands, never what it is)."""
        book = self._book()
        deadline = time.perf_counter() + budget
        ranked = self._in_view_first()
        queue = (lid for lid in ranked if lid in self._pending)
        while self._job is not None or (lid := next(queue, None)) is not None:
            if self._job is None:
                self._job = book.steps({lid})
            if not self._advance(deadline) or time.perf_counter() > deadline:
                break
        self._draw(book.finish())
        if self._pending:
            self._route_later(OFF_VIEW_PAUSE_MS if self._analysing and
                              not self._next_in_view(ranked) else 0)

    def route_slice(self) -> bool:
        """One idle slice, as the window's timer runs it; True while links
        remain pending (benchmarks/bench_canvas.py times them one by one)."""
        self._route_slice()
        return bool(self._pending)

    def _advance(self, deadline: float) -> bool:
        """Search on until the route is done (True) or the slice is over."""
        try:
            while True:
                next(self._job)
                if time.perf_counter() > deadline:
                    return False
        except StopIteration as end:
            self._job = None
            self._pending -= end.value or set()   # None: the search had failed
            return True

    def _in_view_first(self) -> list[str]:
        """Pending links, those with an end in view first; the order is kept
        while the view stays where it is."""
        views = self.views()
        seen = None
        if views:
            view = views[0]
            seen = _rect(view.mapToScene(view.viewport().rect()).boundingRect())
        order = getattr(self, "_order", None)
        if order is not None and order[0] == seen and order[1] >= self._pending:
            return [lid for lid in order[2] if lid in self._pending]
        ranked = sorted(sorted(self._pending), key=lambda lid: not self._in_view(lid, seen))
        self._order = (seen, set(self._pending), ranked)
        return ranked

    def _in_view(self, lid: str, seen: tuple | None) -> bool:
        """Whether link `lid` has an end inside the scene rect `seen`."""
        ends = self._routes.ends.get(lid)
        return seen is not None and ends is not None and \
            any(_meets(self._layout.rect.get(e), seen) for e in ends[1:])

    def _next_in_view(self, ranked: list[str] | None = None) -> bool:
        """Whether the next pending link is drawn and has an end in view.
        `ranked`: the slice's own `_in_view_first()` (the view cannot move
        during a slice); else ranked now. Zoomed out to bundles (lod.py), no
        link is drawn one by one."""
        if self.detail not in INDIVIDUAL:
            return False
        following = next((lid for lid in ranked or self._in_view_first()
                          if lid in self._pending), None)
        return following is not None and self._in_view(following, self._order[0])

    def finish_routing(self) -> None:
        """Route everything still pending now, and the bundles of the
        current level (pictures, tests, benchmarks)."""
        while self._pending:
            self._route_slice(budget=float("inf"))
        self.update_bundles()


def _rect(r: QRectF) -> tuple:
    return (r.left(), r.top(), r.right(), r.bottom())


def _title(item: ComponentItem) -> float:
    """How tall the title strip a route should keep off is (sites and zones)."""
    return item.header_h if item.kind in (Kind.SITE, Kind.SEGMENT) else 0.0


def _meets(r: tuple | None, seen: tuple) -> bool:
    return r is not None and r[0] < seen[2] and r[2] > seen[0] and r[1] < seen[3] \
        and r[3] > seen[1]


def _bounds(rects: list[tuple]) -> list[tuple]:
    """At most one box: a moved site need not be checked item by item."""
    if len(rects) <= 4:
        return rects
    return [(min(r[0] for r in rects), min(r[1] for r in rects),
             max(r[2] for r in rects), max(r[3] for r in rects))]
