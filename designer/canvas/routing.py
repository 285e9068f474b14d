"""Geometry upkeep for the scene (mixed into CanvasScene): chips laid along
their hosts, tier hulls wrapped around their members, parallel links spread
apart, and the links of whatever moved re-anchored. Works on the scene's
`_items`, `_links`, `_links_at` (component id -> link ids) and `_pairs`
(endpoint pair -> link ids)."""
from __future__ import annotations

from typing import Iterable

from PySide6.QtCore import QRectF

from designer.look import style

from . import geometry as G
from .containers import TierItem
from .items import ChipItem, ComponentItem, DeviceItem


class Routing:
    def _relayout_chips(self, hosts: Iterable[str]) -> None:
        for hid in hosts:
            host = self._items.get(hid)
            if isinstance(host, DeviceItem):
                chips = [c for c in host.childItems() if isinstance(c, ChipItem)]
                chips.sort(key=lambda c: (c.kind.value, c.cid))
                host.place_chips(chips)
                if self._rect_set:   # after the first build: siblings moved too
                    self.reroute_links(self.links_touching([host, *chips]))

    def _rewrap_tiers(self, tier_ids: Iterable[str]) -> None:
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
        for pair in pairs:
            lids = self._pairs.get(pair, [])
            for lid, offset in zip(lids, G.parallel_offsets(len(lids), style.PARALLEL_LINK_GAP)):
                item = self._links[lid]
                # Offsets are measured along one orientation of the pair.
                flip = item.link.source != min(pair)
                item.offset = -offset if flip else offset
            self.reroute_links(set(lids))

    def subtree(self, cids: Iterable[str]) -> list[ComponentItem]:
        """The items of these components and of everything placed inside them."""
        out, stack = [], [self._items[c] for c in cids if c in self._items]
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
        """Re-anchor the links (and tier hulls) of moved components."""
        moved = self.subtree(cids)
        self.reroute_links(self.links_touching(moved))
        self._rewrap_tiers({i.comp.tier for i in moved if i.comp.tier})

    def reroute_links(self, lids: Iterable[str]) -> None:
        for lid in lids:
            item = self._links.get(lid)
            src = self._items.get(item.link.source) if item else None
            dst = self._items.get(item.link.target) if item else None
            if src is not None and dst is not None:
                a, b = src.scene_rect(), dst.scene_rect()
                item.route(src.anchor_rect(b.center()), dst.anchor_rect(a.center()))
