"""Orthogonal connector routing, Qt-free (numpy and the standard library only).

The idea follows libavoid (Wybrow, Marriott and Stuckey, "Orthogonal connector
routing", GD 2009): only a few lines matter for an orthogonal route - the sides
of the obstacles, the sides pushed out by a clearance, and the ports - so the
search runs on the grid those lines make (a Hanan grid, a superset of libavoid's
orthogonal visibility graph), and the shortest path on it charges for length
and for every bend. Here the grid is built per route over a window around its
ends, which keeps it small on a 5,000-component design.

Obstacles are rows (x0, y0, x1, y1, weight): weight `inf` is a card the route
must not enter (its clearance band costs `CLEARANCE_COST` per unit, so routes
keep off card edges where they can but still squeeze between close cards);
a finite weight is a region the route may cross at that cost per unit (its
own card, the server a service sits in, a site it does not belong to).
Everything is deterministic: same input, same route.
"""
from __future__ import annotations

import heapq
import math

import numpy as np

Rect = tuple[float, float, float, float]
Point = tuple[float, float]

CLEARANCE = 10.0       # the gap a route keeps from cards when there is room
CLEARANCE_COST = 2.5   # per unit of length inside that gap
BEND = 30.0            # one bend costs as much as this much length
WINDOW = 80.0          # the search window reaches this far beyond the ends
# The estimate of the cost left is weighted (weighted A*): among dense racks
# most of the ground is clearance band, the plain estimate is far too low, and
# the search would comb the whole window. Routes may then be a little longer
# than the cheapest; they stay deterministic.
GREED = 1.8
# A route's search pauses (yields) after every CHUNK states it expands, so
# that the canvas can route in idle slices of a few milliseconds however long
# one route takes (on the 5,000-component design a few ends are walled in
# by their near window and the whole design gets combed: 160,000 states,
# half a second). EFFORT caps the states one route may expand over all its
# windows: past it the caller draws its simpler route. Both count work, not
# time: the same design always gets the same routes.
CHUNK = 2_000
EFFORT = 250_000
HARD = math.inf
# Directions: +x, -x, +y, -y; a move never reverses (no U-turn on the spot).
REVERSE = (1, 0, 3, 2)


def ports(rect: Rect) -> list[tuple[Point, int]]:
    """The middle of each side with the direction leaving the rect there."""
    x0, y0, x1, y1 = rect
    cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
    return [((x1, cy), 0), ((x0, cy), 1), ((cx, y1), 2), ((cx, y0), 3)]


def route(src: Rect, dst: Rect, obstacles: np.ndarray, sides=range(4),
          effort: float | None = None) -> list[Point] | None:
    """The cheapest orthogonal path from a side of `src` to a side of `dst`,
    leaving and entering perpendicularly (only by `sides`, directions leaving
    the rects); None when walled in or when `effort` states were not enough."""
    return drive(route_steps(src, dst, obstacles, sides, effort))


def route_steps(src: Rect, dst: Rect, obstacles: np.ndarray, sides=range(4),
                effort: float | None = None):
    """route() as a generator that pauses every CHUNK states; returns the path."""
    starts = [p for p in ports(src) if p[1] in sides]
    ends = [p for p in ports(dst) if p[1] in sides]
    effort = EFFORT if effort is None else effort
    for window in _windows(_union(src, dst), obstacles):
        grid = Grid(window, obstacles, starts + ends)
        yield   # building the whole design's grid alone takes ~10 ms
        path = yield from grid.steps(starts, goals=grid.port_goals(ends),
                                     aim=[p for p, _ in ends], limit=effort)
        effort -= grid.expanded
        if path is not None or effort <= 0:
            return path
    return None


def route_to_tree(src: Rect, tree: list[list[Point]], obstacles: np.ndarray,
                  effort: float | None = None) -> list[Point] | None:
    """The cheapest path from a side of `src` to any point of `tree` (polylines
    already drawn): a drop onto a bus trunk. The path ends on the tree; None
    as for route()."""
    return drive(route_to_tree_steps(src, tree, obstacles, effort))


def route_to_tree_steps(src: Rect, tree: list[list[Point]], obstacles: np.ndarray,
                        effort: float | None = None, segments: np.ndarray | None = None):
    """route_to_tree() as a generator, as route_steps(). `segments`: the
    tree's, as `segments_of` gives them, when the caller keeps them."""
    segments = segments_of(tree) if segments is None else segments
    near = _nearest_on(segments, ((src[0] + src[2]) / 2, (src[1] + src[3]) / 2), tree[0][0])
    effort = EFFORT if effort is None else effort
    for window in _windows(_union(src, (*near, *near)), obstacles):
        clipped = _clip(segments, window)
        grid = Grid(window, obstacles, ports(src), clipped)
        nodes = grid.tree_nodes(clipped)
        yield
        if not nodes:
            continue
        inside = [p for line in clipped for p in line]
        path = yield from grid.steps(ports(src), goals=set(), aim=None,
                                     aim_box=_bounds(inside), goal_nodes=nodes, limit=effort)
        effort -= grid.expanded
        if path is not None or effort <= 0:
            return path
    return None


def drive(steps):
    """Run a step generator to its end; its return value."""
    while True:
        try:
            next(steps)
        except StopIteration as end:
            return end.value


def _windows(box: Rect, obstacles: np.ndarray):
    """A window around the ends; then everything, if that was not enough."""
    near = _grow(box, WINDOW)
    yield near
    if len(obstacles):
        whole = (min(near[0], obstacles[:, 0].min()), min(near[1], obstacles[:, 1].min()),
                 max(near[2], obstacles[:, 2].max()), max(near[3], obstacles[:, 3].max()))
        whole = _grow(whole, 2 * CLEARANCE + 20)
        if whole != near:
            yield whole


class Grid:
    """The lines of interest in a window and the cost of each unit step on them."""

    def __init__(self, window: Rect, obstacles: np.ndarray, port_list, tree=()) -> None:
        wx0, wy0, wx1, wy1 = window
        inside = obstacles[(obstacles[:, 0] < wx1) & (obstacles[:, 2] > wx0) &
                           (obstacles[:, 1] < wy1) & (obstacles[:, 3] > wy0)] \
            if len(obstacles) else np.zeros((0, 5))
        hard = inside[np.isinf(inside[:, 4])]
        zones = np.column_stack([hard[:, 0] - CLEARANCE, hard[:, 1] - CLEARANCE,
                                 hard[:, 2] + CLEARANCE, hard[:, 3] + CLEARANCE,
                                 np.full(len(hard), CLEARANCE_COST)])
        regions = np.vstack([zones, inside])   # zones first: cards overwrite them
        extra_x = [p[0] for p, _ in port_list] + [p[0] for line in tree for p in line]
        extra_y = [p[1] for p, _ in port_list] + [p[1] for line in tree for p in line]
        self.xs = _axis(regions[:, [0, 2]], extra_x, wx0, wx1)
        self.ys = _axis(regions[:, [1, 3]], extra_y, wy0, wy1)
        self._costs(regions)

    def _costs(self, regions: np.ndarray) -> None:
        xs, ys = self.xs, self.ys
        nx, ny = len(xs), len(ys)
        hmul = np.ones((nx, ny))   # step (i, j) -> (i + 1, j)
        vmul = np.ones((nx, ny))   # step (i, j) -> (i, j + 1)
        hmul[-1, :] = HARD
        vmul[:, -1] = HARD
        # Index of each region side on the grid; a side beyond the window is
        # -1 or len: the window's edge is then inside the region, not its side.
        lo_x = np.where(regions[:, 0] < xs[0], -1, np.searchsorted(xs, regions[:, 0]))
        hi_x = np.searchsorted(xs, regions[:, 2])
        lo_y = np.where(regions[:, 1] < ys[0], -1, np.searchsorted(ys, regions[:, 1]))
        hi_y = np.searchsorted(ys, regions[:, 3])
        for ia, ib, ja, jb, w in zip(lo_x.tolist(), hi_x.tolist(), lo_y.tolist(),
                                     hi_y.tolist(), regions[:, 4].tolist()):
            # Steps strictly inside the open rectangle; its sides stay free.
            h = hmul[max(ia, 0):ib, ja + 1:jb]
            np.maximum(h, w, out=h)
            v = vmul[ia + 1:ib, max(ja, 0):jb]
            np.maximum(v, w, out=v)
        dx = np.append(np.diff(xs), 1.0)
        dy = np.append(np.diff(ys), 1.0)
        self.step_x = (hmul * dx[:, None]).ravel().tolist()
        self.step_y = (vmul * dy[None, :]).ravel().tolist()

    def node(self, p: Point) -> int | None:
        i = int(np.searchsorted(self.xs, p[0]))
        j = int(np.searchsorted(self.ys, p[1]))
        if i < len(self.xs) and j < len(self.ys) and self.xs[i] == p[0] and self.ys[j] == p[1]:
            return i * len(self.ys) + j
        return None

    def port_goals(self, port_list) -> set[int]:
        """States arriving at a port moving into its rect."""
        return {n * 4 + REVERSE[d] for p, d in port_list
                if (n := self.node(p)) is not None}

    def tree_nodes(self, tree: list[list[Point]]) -> set[int]:
        """Every grid node lying on the tree (reached in any direction)."""
        on = np.zeros((len(self.xs), len(self.ys)), dtype=bool)
        for line in tree:
            pts = np.asarray(line, dtype=float)
            ii = np.searchsorted(self.xs, pts[:, 0]).tolist()
            jj = np.searchsorted(self.ys, pts[:, 1]).tolist()
            for k in range(len(line) - 1):
                i0, i1 = sorted((ii[k], ii[k + 1]))
                j0, j1 = sorted((jj[k], jj[k + 1]))
                on[i0:i1 + 1, j0:j1 + 1] = True
        return set(np.flatnonzero(on).tolist())

    def search(self, *args, **kwargs) -> list[Point] | None:
        return drive(self.steps(*args, **kwargs))

    def steps(self, starts, goals: set[int], aim, aim_box=None,
              goal_nodes: set[int] = frozenset(), limit: float = math.inf):
        """A* over (node, direction) states; cost = length x region weight + bends.
        A generator: pauses every CHUNK states expanded, returns the path, or
        None after expanding `limit` states (`expanded` tells how many)."""
        ny = len(self.ys)
        sx, sy = self.step_x, self.step_y
        hs = self._estimates(aim, aim_box)
        best: dict[int, float] = {}
        came: dict[int, int] = {}
        heap = []
        for p, d in starts:
            n = self.node(p)
            if n is not None:
                s = n * 4 + d
                best[s] = 0.0
                came[s] = -1
                heapq.heappush(heap, (hs[n], -0.0, s))
        # Ties go to the state furthest along (largest g, stored negated):
        # on open ground many states share f, and this walks straight at the goal.
        self.expanded = 0
        while heap and self.expanded < limit:
            f, g, s = heapq.heappop(heap)
            g = -g
            if g > best.get(s, HARD):
                continue
            if s in goals or s >> 2 in goal_nodes:
                return self._path(s, came)
            self.expanded += 1
            if not self.expanded % CHUNK:
                yield
            n, d = divmod(s, 4)
            i, j = divmod(n, ny)
            for nd in range(4):
                if nd == REVERSE[d]:
                    continue
                if nd == 0:
                    cost, m = sx[n], n + ny
                elif nd == 1:
                    if i == 0:
                        continue
                    m = n - ny
                    cost = sx[m]
                elif nd == 2:
                    cost, m = sy[n], n + 1
                else:
                    if j == 0:
                        continue
                    m = n - 1
                    cost = sy[m]
                if cost == HARD:
                    continue
                g2 = g + cost + (BEND if nd != d else 0.0)
                s2 = m * 4 + nd
                if g2 < best.get(s2, HARD):
                    best[s2] = g2
                    came[s2] = s
                    heapq.heappush(heap, (g2 + hs[m], -g2, s2))
        return None

    def _estimates(self, aim, aim_box) -> list[float]:
        """A lower bound of the cost left from every node: Manhattan distance
        to the nearest goal port plus one bend when in line with it on neither
        axis, or the distance to the box around the tree."""
        xs, ys = self.xs[:, None], self.ys[None, :]
        if aim:
            best = np.full((len(self.xs), len(self.ys)), HARD)
            for tx, ty in aim:
                turn = np.where((xs != tx) & (ys != ty), BEND, 0.0)
                np.minimum(best, np.abs(xs - tx) + np.abs(ys - ty) + turn, out=best)
        else:
            bx0, by0, bx1, by1 = aim_box
            best = np.maximum(np.maximum(bx0 - xs, xs - bx1), 0.0) + \
                np.maximum(np.maximum(by0 - ys, ys - by1), 0.0)
        return (best * GREED).ravel().tolist()

    def _path(self, s: int, came: dict[int, int]) -> list[Point]:
        ny = len(self.ys)
        nodes = []
        while s != -1:
            nodes.append(s // 4)
            s = came[s]
        nodes.reverse()
        return simplify([(float(self.xs[n // ny]), float(self.ys[n % ny])) for n in nodes])


def simplify(points: list[Point]) -> list[Point]:
    """Drop repeated points and the middle of straight runs."""
    out: list[Point] = []
    for p in points:
        if out and out[-1] == p:
            continue
        if len(out) >= 2 and (out[-2][0] == out[-1][0] == p[0] or
                              out[-2][1] == out[-1][1] == p[1]):
            out[-1] = p
        else:
            out.append(p)
    return out


def entered(rects: np.ndarray, pts: list[Point]) -> np.ndarray:
    """[segment, rect]: which rects (rows x0, y0, x1, y1, ...) each
    axis-parallel segment of the polyline enters: it overlaps the open rect
    on both axes (touching a side is not entering). All segments at once:
    the canvas asks this of hundreds of nudged routes per idle slice."""
    p = np.asarray(pts, dtype=float)
    lo, hi = np.minimum(p[:-1], p[1:])[:, None, :], np.maximum(p[:-1], p[1:])[:, None, :]
    return ((rects[None, :, :2] < hi) & (lo < rects[None, :, 2:4])).all(axis=2)


def segments_of(tree: list[list[Point]]) -> np.ndarray:
    """The tree's segments as rows (ax, ay, bx, by), line after line. A bus
    of 300 drops holds tens of thousands: looked at one by one in Python
    for every drop, they took most of the time of routing it (300 servers
    on one feed: 44 s)."""
    rows = [np.hstack([line[:-1], line[1:]]) for line in map(np.asarray, tree) if len(line) > 1]
    return np.vstack(rows).astype(float) if rows else np.empty((0, 4))


def _nearest_on(segments: np.ndarray, p: Point, none: Point) -> Point:
    """The point of the segments nearest to p (Manhattan distance), the
    first of the nearest; `none` when there is no segment."""
    if not len(segments):
        return none
    ax, ay, bx, by = segments.T
    qx = np.minimum(np.maximum(p[0], np.minimum(ax, bx)), np.maximum(ax, bx))
    qy = np.minimum(np.maximum(p[1], np.minimum(ay, by)), np.maximum(ay, by))
    k = int(np.argmin(np.abs(qx - p[0]) + np.abs(qy - p[1])))
    return (float(qx[k]), float(qy[k]))


def _clip(segments: np.ndarray, window: Rect) -> list[list[Point]]:
    """The segments that run inside the window, cut to it (two-point lines)."""
    x0, y0, x1, y1 = window
    ax, ay, bx, by = segments.T
    a = np.stack([np.clip(ax, x0, x1), np.clip(ay, y0, y1)], axis=1)
    b = np.stack([np.clip(bx, x0, x1), np.clip(by, y0, y1)], axis=1)
    inside = ((ax == bx) & (x0 <= ax) & (ax <= x1)) | ((ay == by) & (y0 <= ay) & (ay <= y1))
    keep = np.flatnonzero(inside & (a != b).any(axis=1))
    return [[tuple(a[k].tolist()), tuple(b[k].tolist())] for k in keep.tolist()]


def _axis(bounds: np.ndarray, extra: list[float], lo: float, hi: float) -> np.ndarray:
    values = np.concatenate([bounds.ravel(), np.asarray(extra, dtype=float), [lo, hi]])
    return np.unique(values[(values >= lo) & (values <= hi)])


def _union(a: Rect, b: Rect) -> Rect:
    return (min(a[0], b[0]), min(a[1], b[1]), max(a[2], b[2]), max(a[3], b[3]))


def _grow(r: Rect, by: float) -> Rect:
    return (r[0] - by, r[1] - by, r[2] + by, r[3] + by)


def _bounds(points: list[Point]) -> Rect:
    xs = [p[0] for p in points]
    ys = [p[1] for p in points]
    return (min(xs), min(ys), max(xs), max(ys))
