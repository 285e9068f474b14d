"""Parallel routes kept apart, Qt-free: segments of different links that run
along one grid line and overlap are given tracks side by side (libavoid's
"nudging", much simplified). Segments of one net (the links of one bus) share
a track, so a trunk stays one line. Tracks are ordered by where each segment's
ends turn, so that routes sharing a channel cross as little as possible, and
the spread is capped so that no track leaves the clearance band it was
routed in.
"""
from __future__ import annotations

from collections import defaultdict

from .orthogonal import Point

EPS = 1e-6


def nudge(paths: dict[str, list[Point]], net: dict[str, str], gap: float,
          limit: float) -> dict[str, list[Point]]:
    """New points for every path; a lone segment keeps its line."""
    moved = Channels(gap, limit).update(dict(paths), net)
    return {lid: moved.get(lid, pts) for lid, pts in paths.items()}


class Channels:
    """Nudging kept up to date edit by edit: a changed route re-spreads only
    the grid lines it left or entered, and hands back only the routes whose
    tracks moved. (A line of the 5,000-component design holds hundreds of
    segments: re-drawing every route on it for one new segment cost up to
    30 ms a slice, though most tracks stay where they were.)"""

    def __init__(self, gap: float, limit: float) -> None:
        self.gap, self.limit = gap, limit
        self.paths: dict[str, list[Point]] = {}
        self.net: dict[str, str] = {}
        self.segments: dict[str, list[tuple]] = {}       # lid -> [(i, line)] of its segments
        # line -> {(lid, i): (lo, hi, net, key, lid, i)}: a line's segments
        # without scanning every segment of every route on it.
        self.on_line: dict[tuple, dict[tuple[str, int], tuple]] = defaultdict(dict)
        self.shift: dict[tuple[str, int], float] = {}

    def update(self, changed: dict[str, list[Point] | None],
               nets: dict[str, str]) -> dict[str, list[Point]]:
        """Take new routes (None: the link is gone); returns the drawn points
        of every new route and of every route whose tracks moved. A route
        left out draws as it did, and its walls change only when it is
        routed again (then it is new), so the caller's checks of it stand."""
        dirty: set[tuple] = set()
        for lid, pts in changed.items():
            self._drop(lid, dirty)
            if pts is not None:
                self._add(lid, pts, nets.get(lid, lid), dirty)
        affected = {lid for lid in changed if lid in self.paths}
        for line in dirty:
            affected |= self._respread(line)
        return {lid: _moved(self.paths[lid], lid, self.shift) for lid in affected}

    def _drop(self, lid: str, dirty: set[tuple]) -> None:
        for i, line in self.segments.pop(lid, ()):
            members = self.on_line[line]
            members.pop((lid, i), None)
            if not members:
                del self.on_line[line]
            dirty.add(line)
        for k in range(len(self.paths.get(lid, ()))):
            self.shift.pop((lid, k), None)
        self.paths.pop(lid, None)
        self.net.pop(lid, None)

    def _add(self, lid: str, pts: list[Point], net: str, dirty: set[tuple]) -> None:
        self.paths[lid], self.net[lid] = pts, net
        self.segments[lid] = segs = []
        for i in range(len(pts) - 1):
            axis, fixed, lo, hi, key = _segment(pts, i)
            if hi - lo > EPS:
                line = (axis, round(fixed, 3))
                segs.append((i, line))
                self.on_line[line][(lid, i)] = (lo, hi, net, key, lid, i)
                dirty.add(line)

    def _respread(self, line: tuple) -> set[str]:
        """Spread one line afresh; returns the links whose offset there changed.
        (The spread sorts the segments itself, so the order they were added in
        does not matter.)"""
        group = self.on_line.get(line, {})
        fresh: dict[tuple[str, int], float] = {}
        if len(group) > 1:
            _spread(list(group.values()), self.gap, self.limit, fresh)
        moved = set()
        for member in group:
            if self.shift.get(member, 0.0) != fresh.get(member, 0.0):
                moved.add(member[0])
            if member in fresh:
                self.shift[member] = fresh[member]
            else:
                self.shift.pop(member, None)
        return moved


def _segment(pts: list[Point], i: int):
    """Axis ('v' or 'h'), fixed coordinate, span, and the ordering key: which
    side the neighbouring legs leave to at each end (libavoid orders shared
    segments the same way, to keep them from crossing where they turn off)."""
    (ax, ay), (bx, by) = pts[i], pts[i + 1]
    vertical = ax == bx
    fixed = ax if vertical else ay
    a, b = (ay, by) if vertical else (ax, bx)
    before = _side(pts[i - 1], vertical, fixed) if i > 0 else 0
    after = _side(pts[i + 2], vertical, fixed) if i + 2 < len(pts) else 0
    lo_side, hi_side = (before, after) if a <= b else (after, before)
    lo, hi = min(a, b), max(a, b)
    return ("v" if vertical else "h"), fixed, lo, hi, (lo_side + hi_side,
                                                       lo_side * lo - hi_side * hi)


def _side(p: Point, vertical: bool, fixed: float) -> int:
    value = p[0] if vertical else p[1]
    return (value > fixed) - (value < fixed)


def _spread(group: list[tuple], gap: float, limit: float,
            shift: dict[tuple[str, int], float]) -> None:
    pieces = _pieces(group)
    pieces.sort(key=lambda p: (p[0], p[1]))
    cluster: list[list] = []
    reach = -float("inf")
    for piece in pieces + [None]:
        if piece is None or piece[0] >= reach - EPS:
            _tracks(cluster, gap, limit, shift)
            cluster, reach = [], -float("inf")
        if piece is not None:
            cluster.append(piece)
            reach = max(reach, piece[1])


def _pieces(group: list[tuple]) -> list[list]:
    """One piece per net and connected stretch: [lo, hi, key, net, members]."""
    by_net: dict[str, list[tuple]] = defaultdict(list)
    for seg in group:
        by_net[seg[2]].append(seg)
    pieces = []
    for name in sorted(by_net):
        current = None
        for lo, hi, _, key, lid, i in sorted(by_net[name]):
            if current is not None and lo <= current[1] + EPS:
                current[1] = max(current[1], hi)
                current[4].append((lid, i))
            else:
                current = [lo, hi, key, name, [(lid, i)]]
                pieces.append(current)
    return pieces


def _tracks(cluster: list[list], gap: float, limit: float,
            shift: dict[tuple[str, int], float]) -> None:
    count = len(cluster)
    if count < 2:
        return
    step = min(gap, 2 * limit / (count - 1))
    cluster.sort(key=lambda p: (p[2], p[3]))
    for track, piece in enumerate(cluster):
        offset = (track - (count - 1) / 2) * step
        for member in piece[4]:
            shift[member] = offset


def _moved(pts: list[Point], lid: str, shift: dict[tuple[str, int], float]) -> list[Point]:
    """Each segment moved sideways; corners follow both of their segments."""
    fixed = []
    for i in range(len(pts) - 1):
        (ax, ay), (bx, _) = pts[i], pts[i + 1]
        vertical = ax == bx
        fixed.append((vertical, (ax if vertical else ay) + shift.get((lid, i), 0.0)))
    out = []
    for k, (x, y) in enumerate(pts):
        for seg in (k - 1, k):
            if 0 <= seg < len(fixed):
                vertical, value = fixed[seg]
                if vertical:
                    x = value
                else:
                    y = value
        out.append((x, y))
    return out
