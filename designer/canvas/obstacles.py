"""What a route must go around, Qt-free: the drawn rectangle, placement
parent and role of every component, and for one link the obstacle rows
`orthogonal.route` takes.

Obstacles are gathered through the placement tree, so a route on a
5,000-component design sees tens of obstacles, not thousands: the cards
beside its ends and beside the containers its ends sit in, while a rack or
site it has no business in counts as one block (a route goes around a rack
it does not serve, not between its servers). The ends themselves are soft
and dear (a route does not cross its own card), the server a service or chip
sits in soft and cheaper: a route leaves a chip outward and reaches a service
through the nearest side of its server.
"""
from __future__ import annotations

from enum import Enum

import numpy as np

from .orthogonal import HARD, Rect

OWN_COST = 25.0    # per unit inside an end's own card
HOLDER_COST = 3.0  # per unit inside the server holding an end (a service, a chip)
SITE_COST = 6.0    # per unit across a site neither end belongs to
TITLE_COST = 4.0   # per unit across the title of a site or zone (keep it readable)


class Role(Enum):
    CARD = "card"    # devices, servers, services, notes, text: never crossed
    CHIP = "chip"    # PSU/NIC/disk: part of its host's card
    RACK = "rack"    # a frame: open to its own links, a block to others
    SITE = "site"    # an area: open to its own links, costly to others
    OPEN = "open"    # segments and tiers: zones drawn over things, never obstacles


class Layout:
    def __init__(self) -> None:
        self.rect: dict[str, Rect] = {}
        self.parent: dict[str, str | None] = {}
        self.role: dict[str, Role] = {}
        self.children: dict[str | None, dict[str, None]] = {}
        self.title: dict[str, Rect] = {}     # title strip of a site or zone
        # container -> its children's block rows as one array, whose child
        # owns each row, and each child's number: reused by every route
        # until something is drawn somewhere else.
        self._arrays: dict[str | None, tuple] = {}
        self.revision = 0      # counts changes: what was routed on it is stale

    def set(self, cid: str, rect: Rect, parent: str | None, role: Role,
            title: float = 0.0) -> Rect | None:
        """Record where a component is drawn (with a title strip `title` high);
        returns its previous rect."""
        if title:
            self.title[cid] = (rect[0], rect[1], rect[2], rect[1] + title)
        old = self.rect.get(cid)
        if (old, self.parent.get(cid, ""), self.role.get(cid)) == (rect, parent, role):
            return old
        self._changed()
        if self.parent.get(cid, parent) != parent or cid not in self.parent:
            self.children.get(self.parent.get(cid), {}).pop(cid, None)
            self.children.setdefault(parent, {})[cid] = None
        self.rect[cid], self.parent[cid], self.role[cid] = rect, parent, role
        return old

    def remove(self, cid: str) -> Rect | None:
        self._changed()
        self.children.get(self.parent.get(cid), {}).pop(cid, None)
        self.parent.pop(cid, None)
        self.role.pop(cid, None)
        self.title.pop(cid, None)
        return self.rect.pop(cid, None)

    def _changed(self) -> None:
        self._arrays.clear()
        self.revision += 1

    def chain(self, cid: str) -> list[str]:
        """The component and its placement ancestors, innermost first."""
        out = []
        while cid is not None and cid in self.rect and cid not in out:
            out.append(cid)
            cid = self.parent.get(cid)
        return out

    def card_rect(self, cid: str) -> Rect:
        """A card with the chips straddling its edge."""
        x0, y0, x1, y1 = self.rect[cid]
        for child in self.children.get(cid, ()):
            if self.role.get(child) is Role.CHIP:
                a0, b0, a1, b1 = self.rect[child]
                x0, y0, x1, y1 = min(x0, a0), min(y0, b0), max(x1, a1), max(y1, b1)
        return (x0, y0, x1, y1)

    def is_obstacle(self, cid: str) -> bool:
        return self.role.get(cid) in (Role.CARD, Role.CHIP)

    def obstacles(self, a: str, b: str, rect_a: Rect, rect_b: Rect,
                  holder_cost: float = HOLDER_COST) -> np.ndarray:
        """Rows (x0, y0, x1, y1, weight) for a route between components a and b.
        A bus passes `holder_cost=OWN_COST`: its trunk is shared by links that
        do not end in that server."""
        chains = self.chain(a) + self.chain(b)
        skip = set(chains)
        rows: list[tuple] = [(*rect_a, OWN_COST), (*rect_b, OWN_COST)]
        for cid in dict.fromkeys(chains):
            if cid not in (a, b) and self.role.get(cid) is Role.CARD:
                rows.append((*self.rect[cid], holder_cost))
        for end in (a, b):   # chips on an end's own edge still stand
            for child in self.children.get(end, ()):
                if child not in skip and self.role.get(child) is Role.CHIP:
                    rows.append((*self.rect[child], HARD))
        containers = [None] + [c for c in dict.fromkeys(chains) if c not in (a, b)]
        for cid in containers:
            if cid in self.title:
                rows.append((*self.title[cid], TITLE_COST))
        tables = [np.array(rows, dtype=float)]
        for container in containers:
            tables.append(self._block_rows(container, skip))
        return _open_around(np.concatenate(tables), [rect_a, rect_b])

    def _block_rows(self, container: str | None, skip: set[str]) -> np.ndarray:
        """The blocks of the container's children, those in `skip` left
        out, in the children's order. Kept as an array per container: a
        bus of 1,500 drops in one site built its 6,000 rows from tuples
        for every drop (2.5 s of a 4 s routing step)."""
        found = self._arrays.get(container)
        if found is None:
            blocks = self._blocks_of(container)
            table = np.array([row for _, rows in blocks for row in rows],
                             dtype=float).reshape(-1, 5)
            owner = np.repeat(np.arange(len(blocks)), [len(rows) for _, rows in blocks])
            found = self._arrays[container] = (table, owner,
                                               {child: i for i, (child, _) in enumerate(blocks)})
        table, owner, index = found
        left_out = [index[c] for c in skip if c in index]
        return table[~np.isin(owner, left_out)] if left_out else table

    def _blocks_of(self, container: str | None) -> list[tuple[str, list[tuple]]]:
        """(child, its block rows) for the container's children that block."""
        found = []
        for child in self.children.get(container, ()):
            rows: list[tuple] = []
            self._block(child, rows)
            if rows:
                found.append((child, rows))
        return found

    def _block(self, cid: str, rows: list[tuple]) -> None:
        role = self.role[cid]
        if role is Role.CARD:
            # The card and its chips apart: when a route must enter the card
            # (it ends on a replica inside), the chips still stand.
            rows.append((*self.rect[cid], HARD))
            for child in self.children.get(cid, ()):
                if self.role.get(child) is Role.CHIP:
                    rows.append((*self.rect[child], HARD))
        elif role in (Role.CHIP, Role.RACK):
            rows.append((*self.rect[cid], HARD))
        elif role is Role.OPEN and cid in self.title:
            rows.append((*self.title[cid], TITLE_COST))
        elif role is Role.SITE:
            rows.append((*self.rect[cid], SITE_COST))
            for child in self.children.get(cid, ()):
                self._block(child, rows)


def _open_around(table: np.ndarray, ends: list[Rect]) -> np.ndarray:
    """A hard block overlapping an end (cards drawn on top of each other)
    would wall the route in: it becomes soft for this route."""
    hard = np.isinf(table[:, 4])
    for x0, y0, x1, y1 in ends:
        over = hard & (table[:, 0] < x1) & (table[:, 2] > x0) & \
            (table[:, 1] < y1) & (table[:, 3] > y0)
        table[over, 4] = OWN_COST
    return table
