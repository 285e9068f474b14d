"""The routes of a whole design, Qt-free: which links are routed alone and
which as a bus, the centre-line route of each, the reach of each route (what
a move must touch to change it), and the drawn points after nudging.

A bus: a hub with `BUS_MIN` or more links of one kind - a power source and
what it feeds, a switch and the NICs plugged into it (for a network link the
hub is the end more network links share) - is drawn as one trunk with short
drops: the nearest link is routed from the hub, each next one (nearest
first) from its other end to the nearest point of what is already drawn, and
each link's drawn path is the trunk from the hub to its junction plus its
drop (reversed when the hub is the link's target), or its drop alone when
that trunk would pass TRUNK_POINTS (drops joining drops).

Every route is a function of the geometry inside its reach only, so routing
a link again after an edit and its undo gives the same points.
"""
from __future__ import annotations

import hashlib
from bisect import bisect_right
from collections import defaultdict
from typing import Callable, Iterable

import numpy as np

from . import orthogonal as O
from .nudge import Channels
from .obstacles import OWN_COST, Layout
from .orthogonal import Point, Rect

BUS_MIN = 3
BUS_KINDS = frozenset({"power", "network"})
TRACK_GAP = 6.0
SHORT = 28.0    # a route shorter than this would be all arrowhead
TABLES_PER_STEP = 50    # a bus's obstacle tables gathered between two pauses
# A drop's drawn path repeats the trunk back to the hub, up to this many
# points; past them (drops joining drops, in a site without racks) it is
# drawn from its junction only, or the paths grew with the square of the
# drops (600 servers on one feed: 484,623 points; 7,000 ran out of memory).
# The generated 5,000-component design's longest path has 32.
TRUNK_POINTS = 64
# Anchor(component id, toward point) -> the rect a link to it attaches to.
Anchor = Callable[[str, Point], Rect]
# Land(component id, toward point) -> the component a link to it ends on
# (a tier: its replica nearest the other end).
Land = Callable[[str, Point], str]


class RouteBook:
    def __init__(self, layout: Layout, anchor: Anchor, land: Land | None = None) -> None:
        self.layout = layout
        self.anchor = anchor
        self.land = land or (lambda cid, toward: cid)
        self.ends: dict[str, tuple[str, str, str]] = {}     # lid -> (kind, source, target)
        self.raw: dict[str, list[Point]] = {}
        self.reach: dict[str, Rect] = {}
        self.walls: dict[str, np.ndarray] = {}              # hard obstacles per link
        self.drawn: dict[str, list[Point]] = {}
        self.junction: dict[str, Point] = {}                # where a bus drop leaves the trunk
        self._stale: set[tuple[str, str]] = set()           # buses that lost a member
        self._fan: dict[tuple[str, str], list[str]] | None = None
        self.channels = Channels(TRACK_GAP, O.CLEARANCE * 0.8)
        self._fresh: dict[str, list[Point] | None] = {}     # routed or gone since finish()
        # What each route was made from: asked again with the same ends and
        # obstacles (a move somewhere its obstacles do not show), it is kept.
        self._made_from: dict[str, bytes] = {}
        self.links_revision = 0     # counts changes of the links' ends (lod.py reads it)

    # -- links ------------------------------------------------------------------------
    def set_link(self, lid: str, kind: str, source: str, target: str) -> None:
        if self.ends.get(lid) != (kind, source, target):
            if lid in self.ends:
                self._stale.add(self._hub_key(lid))   # its old bus re-forms
            self.ends[lid] = (kind, source, target)
            self._fan = None
            self.links_revision += 1

    def forget(self, lid: str) -> None:
        if lid in self.ends:
            self._stale.add(self._hub_key(lid))
            self._fan = None
            self.links_revision += 1
        for table in (self.ends, self.raw, self.reach, self.walls, self.drawn, self.junction,
                      self._made_from):
            table.pop(lid, None)
        self._fresh[lid] = None

    def redraw(self, lid: str) -> None:
        """The item was drawn otherwise meanwhile (a drag's straight preview):
        hand its route out again at the next finish()."""
        self.drawn.pop(lid, None)
        if lid in self.raw:
            self._fresh.setdefault(lid, self.raw[lid])

    def stale_buses(self) -> set[str]:
        """The remaining links of buses that lost or changed a member since last asked."""
        stale, self._stale = self._stale, set()
        table = self._fanout()
        return {lid for key in stale for lid in table.get(key, ())}

    def net(self, lid: str) -> str:
        key = self._hub_key(lid)
        return f"bus:{key[0]}:{key[1]}" if self._is_bus(key) else lid

    def _is_bus(self, key: tuple[str, str]) -> bool:
        return key[0] in BUS_KINDS and len(self._fanout().get(key, ())) >= BUS_MIN

    def _hub_key(self, lid: str) -> tuple[str, str]:
        self._fanout()
        return self._hub_of[lid]

    def _fanout(self) -> dict[tuple[str, str], list[str]]:
        """(kind, hub) -> its links, sorted; rebuilt after a link changes."""
        if self._fan is None:
            degree: dict[str, int] = defaultdict(int)
            for kind, source, target in self.ends.values():
                if kind == "network":
                    degree[source] += 1
                    degree[target] += 1
            table: dict[tuple[str, str], list[str]] = defaultdict(list)
            self._hub_of: dict[str, tuple[str, str]] = {}
            pairs: set[tuple[str, str, str]] = set()
            for lid in sorted(self.ends):
                kind, source, target = self.ends[lid]
                hub = target if kind == "network" and degree[target] > degree[source] \
                    else source
                key = (kind, hub)
                if (kind, source, target) in pairs:   # a redundant second cable:
                    key = (kind, f"{hub}#{lid}")      # its own line beside the bus
                pairs.add((kind, source, target))
                table[key].append(lid)
                self._hub_of[lid] = key
            self._fan = dict(table)
        return self._fan

    # -- routing --------------------------------------------------------------------------
    def route(self, lids: Iterable[str]) -> set[str]:
        """Route these links (and the whole bus of any bus member); returns
        the links routed."""
        return O.drive(self.steps(lids))

    def steps(self, lids: Iterable[str]):
        """route() as a generator that pauses every few milliseconds of search
        (orthogonal.CHUNK), for idle slices; returns the links routed. Nothing
        is stored before the end: a generator dropped half-way (the design
        changed meanwhile) leaves the book as it was."""
        fanout = self._fanout()
        done: set[str] = set()
        for lid in sorted(set(lids) & self.ends.keys()):
            if lid in done:
                continue
            key = self._hub_key(lid)
            if self._is_bus(key):
                yield from self._route_bus(key[1], fanout[key])
                done.update(fanout[key])
            else:
                yield from self._route_one(lid)
                done.add(lid)
        return done

    def _route_one(self, lid: str):
        _, source, target = self.ends[lid]
        if source not in self.layout.rect or target not in self.layout.rect:
            return
        source, a, target, b = self._landing(source, target)
        table = self.layout.obstacles(source, target, a, b)
        made_from = _fingerprint(a, b, table)
        if self._made_from.get(lid) == made_from and lid in self.raw:
            return
        path = (yield from O.route_steps(a, b, table)) or _straight(a, b)
        if _length(path) < SHORT:   # cards almost touching: loop out to the side
            path = (yield from O.route_steps(a, b, table, sides=(0,))) or path
        self._made_from[lid] = made_from
        self._keep(lid, path, _union(O._grow(_union(a, b), O.WINDOW), _box(path)),
                   self._walls(table, path))

    def _landing(self, source: str, target: str) -> tuple[str, Rect, str, Rect]:
        """The components the link ends on (a tier: a replica) and their rects."""
        sa, sb = self.layout.rect[source], self.layout.rect[target]
        source, target = self.land(source, _centre(sb)), self.land(target, _centre(sa))
        sa, sb = self.layout.rect[source], self.layout.rect[target]
        return source, self.anchor(source, _centre(sb)), target, self.anchor(target, _centre(sa))

    def _other(self, lid: str, hub: str) -> str:
        _, source, target = self.ends[lid]
        return target if source == hub else source

    def _route_bus(self, hub: str, members: list[str]):
        rect = self.layout.rect
        live = [m for m in members if self._other(m, hub) in rect]
        if hub not in rect or not live:
            return
        start = _centre(rect[hub])
        live.sort(key=lambda m: (_manhattan(start, _centre(rect[self._other(m, hub)])), m))
        landing = {lid: self._landing(hub, self._other(lid, hub)) for lid in live}
        prints = []
        for count, lid in enumerate(live, 1):
            _, a, _, b = landing[lid]
            prints.append(_fingerprint(a, b, self._bus_table(*landing[lid])))
            if count % TABLES_PER_STEP == 0:
                yield       # a bus of hundreds of drops: let the slice end
        made_from = _digest(b"".join(prints))
        if all(self._made_from.get(lid) == made_from and lid in self.raw for lid in live):
            return
        paths, junctions, walls = yield from self._bus_paths(live, landing)
        reach = _grow_box(_box([p for _, path in paths for p in path]), O.WINDOW)
        for lid, path in paths:   # drawn from the link's source
            self._made_from[lid] = made_from
            self.junction.pop(lid, None)
            if lid in junctions:
                self.junction[lid] = junctions[lid]
            self._keep(lid, path if self.ends[lid][1] == hub else path[::-1], reach, walls[lid])

    def _bus_table(self, source: str, a: Rect, target: str, b: Rect) -> np.ndarray:
        return self.layout.obstacles(source, target, a, b, OWN_COST)

    def _bus_paths(self, live: list[str], landing: dict):
        """The trunk (the first link's route), then each drop onto what is
        drawn. A drop's obstacle table is made again here and let go once
        its walls are taken: kept from the fingerprints on, a bus of 7,000
        drops held 5.9 GB of them, and making them twice costs little
        beside the routing (200 servers in a row: 3.3 s either way)."""
        lines: list[list[Point]] = []       # each live link's path, in order
        starts: list[int] = []              # each line's first row in `drawn`
        junctions: dict[str, Point] = {}
        walls: dict[str, np.ndarray] = {}
        drawn = _Segments()                 # the segments of `lines`, kept as they grow
        for lid in live:
            _, a, _, b = landing[lid]
            table = self._bus_table(*landing[lid])
            drop = (yield from O.route_to_tree_steps(b, lines, table,
                                                     segments=drawn.rows)) if lines else None
            if drop:
                path = _join(lines, starts, drop, drawn.rows)
                junctions[lid] = drop[-1]
            else:
                path = (yield from O.route_steps(a, b, table)) or _straight(a, b)
            lines.append(path)
            starts.append(len(drawn.rows))
            drawn.add(O.segments_of([path]))
            walls[lid] = self._walls(table, path)
        return list(zip(live, lines)), junctions, walls

    def _keep(self, lid: str, path: list[Point], reach: Rect, walls: np.ndarray) -> None:
        if self.net(lid) == lid:
            self.junction.pop(lid, None)
        self.raw[lid] = path
        self._fresh[lid] = path
        self.reach[lid] = reach
        self.walls[lid] = walls

    def _walls(self, table: np.ndarray, path: list[Point]) -> np.ndarray:
        """The hard obstacles a nudged copy of this route could enter: those
        within the channel limit of one of its segments (nudging moves a
        segment by at most that). Near its bounding box only, a bundle
        from a feed along a row of 1,500 servers kept 1,100 rows (102 MB for
        the bus, the square of its drops; 3.4 GB at 7,000)."""
        reach = self.channels.limit + 1.0
        near = _near(table[np.isinf(table[:, 4]), :4], _grow_box(_box(path), reach))
        if len(path) < 2 or not len(near):
            return near
        ends = np.asarray(path, dtype=float)
        low = np.minimum(ends[:-1], ends[1:]) - reach
        high = np.maximum(ends[:-1], ends[1:]) + reach
        rows = near[:, None, :]
        meets = (rows[..., 0] < high[:, 0]) & (rows[..., 2] > low[:, 0]) & \
            (rows[..., 1] < high[:, 1]) & (rows[..., 3] > low[:, 1])
        return near[meets.any(axis=1)]

    # -- what a change touches ---------------------------------------------------------------
    def reaching(self, rects: Iterable[Rect]) -> set[str]:
        """Links whose route could change when something appears or leaves here."""
        rects = list(rects)
        if not rects or not self.reach:
            return set()
        lids = list(self.reach)
        box = np.array([self.reach[lid] for lid in lids])
        hit = np.zeros(len(lids), dtype=bool)
        for x0, y0, x1, y1 in rects:
            hit |= (box[:, 0] < x1) & (box[:, 2] > x0) & (box[:, 1] < y1) & (box[:, 3] > y0)
        return {lid for lid, h in zip(lids, hit.tolist()) if h}

    # -- drawn points --------------------------------------------------------------------------
    def finish(self) -> dict[str, list[Point]]:
        """Nudge the routes made since the last call and those sharing lines
        with them; returns the links whose drawn points changed."""
        fresh, self._fresh = self._fresh, {}
        nets = {lid: self.net(lid) for lid in fresh if lid in self.ends}
        moved = self.channels.update(fresh, nets)
        changed = {}
        for lid, pts in moved.items():
            if lid not in fresh and self.drawn.get(lid) == pts:
                continue   # nudged as before, walls unchanged: checked then
            if pts != self.raw[lid] and _crosses(pts, self.walls.get(lid)):
                pts = self.raw[lid]     # nudging would touch a card: keep the centre line
            if self.drawn.get(lid) != pts:
                self.drawn[lid] = pts
                changed[lid] = pts
        return changed


def _fingerprint(a: Rect, b: Rect, table: np.ndarray) -> bytes:
    """What a route was made from, as a digest: kept per link, a bus's
    tables joined held 5.9 GB at 7,000 drops."""
    return _digest(np.asarray(a + b, dtype=float).tobytes() + table.tobytes())


def _digest(data: bytes) -> bytes:
    return hashlib.blake2b(data, digest_size=16).digest()


class _Segments:
    """Rows (ax, ay, bx, by) that grow by doubling: stacking a bus's
    segments again for each drop copied the square of its drops."""

    def __init__(self) -> None:
        self._rows, self._count = np.empty((64, 4)), 0

    @property
    def rows(self) -> np.ndarray:
        return self._rows[:self._count]

    def add(self, rows: np.ndarray) -> None:
        end = self._count + len(rows)
        if end > len(self._rows):
            grown = np.empty((max(end, 2 * len(self._rows)), 4))
            grown[:self._count] = self.rows
            self._rows = grown
        self._rows[self._count:end] = rows
        self._count = end


def _join(lines: list[list[Point]], starts: list[int], drop: list[Point],
          drawn: np.ndarray) -> list[Point]:
    """The trunk from the source to where `drop` meets it, then the drop
    reversed: the first segment of the lines (`drawn`, their segments in
    order; `starts`, each line's first row) that holds the junction. The
    line is found by bisection: counted line by line, the square of the
    drops (a row of 1,500 servers: 2.6 million steps)."""
    junction = np.asarray(drop[-1], dtype=float)
    low = np.minimum(drawn[:, :2], drawn[:, 2:]) - 1e-6
    high = np.maximum(drawn[:, :2], drawn[:, 2:]) + 1e-6
    holds = np.flatnonzero(((low <= junction) & (junction <= high)).all(axis=1))
    if not len(holds):
        return drop[::-1]
    row = int(holds[0])
    line = bisect_right(starts, row) - 1   # the last line starting at or before it
    k = row - starts[line]
    if k + 1 > TRUNK_POINTS:               # a chain of drops: the trunk is drawn already
        return drop[::-1]
    return O.simplify(lines[line][:k + 1] + [drop[-1]] + drop[::-1][1:])


def _crosses(pts: list[Point], walls: np.ndarray | None) -> bool:
    """Does the polyline enter the inside of any of these rects?"""
    if walls is None or not len(walls) or len(pts) < 2:
        return False
    return bool(O.entered(walls, pts).any())


def _near(walls: np.ndarray, box: Rect) -> np.ndarray:
    """The walls meeting the box. Nudging moves a route by at most the channel
    limit, so only the walls near its centre line can be entered by it, and
    finish() checks hundreds of nudged routes per slice against them."""
    x0, y0, x1, y1 = box
    return walls[(walls[:, 0] < x1) & (walls[:, 2] > x0) & (walls[:, 1] < y1) & (walls[:, 3] > y0)]


def _length(path: list[Point]) -> float:
    return sum(abs(a[0] - b[0]) + abs(a[1] - b[1]) for a, b in zip(path, path[1:]))


def _straight(a: Rect, b: Rect) -> list[Point]:
    return [_centre(a), _centre(b)]


def _centre(r: Rect) -> Point:
    return ((r[0] + r[2]) / 2, (r[1] + r[3]) / 2)


def _manhattan(a: Point, b: Point) -> float:
    return abs(a[0] - b[0]) + abs(a[1] - b[1])


def _box(points: list[Point]) -> Rect:
    return O._bounds(points)


def _grow_box(r: Rect, by: float) -> Rect:
    return O._grow(r, by)


def _union(a: Rect, b: Rect) -> Rect:
    return O._union(a, b)
