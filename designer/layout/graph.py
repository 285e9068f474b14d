"""The graph a layout works on: the placement tree as laid out (a segment
zone holds its members) and, per container, the edges between its direct
contents that the links inside them make, oriented top to bottom."""
from __future__ import annotations

from collections import defaultdict
from typing import Iterable

from designer.model import Component, Kind, Link, LinkKind

from . import sizes as S

# Network links have no direction: the end nearer the Internet is drawn above.
NET_RANK = {Kind.INTERNET: 0, Kind.ISP_UPLINK: 1, Kind.ROUTER: 2, Kind.FIREWALL: 3,
            Kind.LOAD_BALANCER: 4, Kind.SWITCH: 5, Kind.SERVER: 6, Kind.NIC: 7}


class Tree:
    """The placement tree as laid out: a segment zone holds its members."""

    def __init__(self, comps: list[Component]) -> None:
        self.by_id = {c.id: c for c in comps}
        self.up = {c.id: self._layout_parent(c) for c in comps}
        self.kids: dict[str | None, list[str]] = defaultdict(list)
        for c in comps:    # the design's order breaks ties: tidy twice, same result
            if c.kind is not Kind.TIER and not (c.kind in S.CHIP_KINDS and c.parent):
                self.kids[self.up[c.id]].append(c.id)
        self._chains: dict[str, list[str]] = {}
        self._chips: dict[str, list[Kind]] = defaultdict(list)
        for c in comps:
            if c.kind in S.CHIP_KINDS and c.parent:
                self._chips[c.parent].append(c.kind)

    def chips(self, host: str) -> list[Kind]:
        return self._chips.get(host, [])

    def _layout_parent(self, c: Component) -> str | None:
        zone = self.by_id.get(c.segment) if c.segment else None
        if zone is not None and zone.parent == c.parent and c.kind is not Kind.SEGMENT:
            return zone.id
        return c.parent

    def is_zone_member(self, cid: str) -> bool:
        return self.up[cid] is not None and self.up[cid] != self.by_id[cid].parent

    def chain(self, cid: str) -> list[str]:
        """Layout ancestors from the top down, ending with cid itself."""
        if cid not in self._chains:
            up = self.up.get(cid)
            self._chains[cid] = (self.chain(up) if up is not None else []) + [cid]
        return self._chains[cid]

    def bottom_up(self) -> list[str | None]:
        """Containers with contents, each after everything inside it; None (the canvas) last."""
        order: list[str | None] = []

        def visit(box: str | None) -> None:
            for kid in self.kids.get(box, ()):
                if self.kids.get(kid):
                    visit(kid)
            order.append(box)
        visit(None)
        return order


def edges(tree: Tree, links: Iterable[Link]) -> dict[str | None, set[tuple[str, str]]]:
    """Per container, (upper, lower) pairs among its direct contents."""
    out: dict[str | None, set[tuple[str, str]]] = defaultdict(set)
    for link in links:
        ends = _oriented(tree, link)
        if ends is None:
            continue
        upper, lower = tree.chain(ends[0]), tree.chain(ends[1])
        i = 0
        while i < min(len(upper), len(lower)) and upper[i] == lower[i]:
            i += 1
        if i < len(upper) and i < len(lower):     # neither end holds the other
            out[upper[i - 1] if i else None].add((upper[i], lower[i]))
    return out


def _oriented(tree: Tree, link: Link) -> tuple[str, str] | None:
    a, b = tree.by_id.get(link.source), tree.by_id.get(link.target)
    if a is None or b is None:
        return None
    if link.kind is not LinkKind.NETWORK:
        return a.id, b.id           # power: source above; dependency: consumer above
    ra, rb = NET_RANK.get(a.kind, 6), NET_RANK.get(b.kind, 6)
    if ra == rb:
        return None                 # peers (a switch pair): no order between them
    return (a.id, b.id) if ra < rb else (b.id, a.id)
