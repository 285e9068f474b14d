"""Layered layout of every container's contents, bottom-up ("Tidy up").

Each container (site, rack, server, segment zone, and the canvas itself) is
laid out on its own: its direct contents are the nodes; a link between
anything inside two of them is an edge between those two, drawn from the
power source down to what it feeds, from a service down to what it needs,
and for network links from the end nearer the Internet down. igraph's
Sugiyama layout (layer assignment with cycles broken, crossing reduction)
puts the nodes in layers and orders each layer; we then pack the layers as
rows with the nodes' real sizes, wrap rows that would be too wide for the
container's shape, centre them, and size the container to fit. Contents
are done before their container, so a rack's size is known when its site is
laid out. A segment zone and its members (drawn inside it, placed in its
site) are laid out as one block.

`tidy(components, links, size_of, min_of)` returns {id: {"x", "y"[,
"width", "height"]}} for what moves or resizes; the caller applies it as one
edit. `size_of(component)` is the size a component is drawn at (used as is
for anything without contents), `min_of(container)` the least a container
with contents may shrink to (its title, its chips). Qt-free: the benchmark
generator uses it headless with the sizes in `sizes.py`.
"""
from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import dataclass
from typing import Callable, Iterable

import igraph

from designer.model import Component, Kind, Link

from . import sizes as S
from .graph import Tree as _Tree, edges as _edges

Size = tuple[float, float]
SizeOf = Callable[[Component], Size]

ANNOTATIONS = frozenset({Kind.NOTE, Kind.TEXT})
WRAP_SLACK = 1.25
# Below a server's title bar: room for a tier's tag on the hull around its services.
TIER_TAG_ROOM = 10.0


@dataclass(frozen=True)
class Spacing:
    gap_x: float      # between neighbours in a row (room for links to pass)
    gap_y: float      # between rows
    pad: float        # inside the container's frame
    aspect: float     # width / height the container's contents aim for


SPACING = {None: Spacing(80, 100, 0, 1.6), Kind.SITE: Spacing(40, 60, 20, 1.6),
           Kind.SEGMENT: Spacing(30, 50, 20, 1.4), Kind.RACK: Spacing(20, 30, 14, 0.35),
           Kind.SERVER: Spacing(10, 8, 10, 3.0)}


def tidy(components: Iterable[Component], links: Iterable[Link],
         size_of: SizeOf = S.default_size, min_of: SizeOf | None = None
         ) -> dict[str, dict[str, float]]:
    tree = _Tree(list(components))
    min_of = min_of or _least
    edges = _edges(tree, links)
    local: dict[str, tuple[float, float]] = {}
    sizes: dict[str, Size] = {}
    for box in tree.bottom_up():
        kids = tree.kids[box]
        leaf_sizes = [_footprint(tree, k, _with_chips(tree, k, sizes.get(k)
                                                      or size_of(tree.by_id[k])))
                      for k in kids]
        spacing = SPACING.get(tree.by_id[box].kind if box else None, SPACING[Kind.SITE])
        placed, content = _arrange(tree, kids, leaf_sizes, edges[box], spacing)
        left, top, right, bottom = _frame(tree, box, spacing)
        left, top = _up(left), _up(top)      # contents stay on the grid
        for cid, (x, y) in placed.items():
            local[cid] = (x + left, y + top)
        if box is not None:
            low_w, low_h = _with_chips(tree, box, min_of(tree.by_id[box]))
            sizes[box] = (_up(max(low_w, content[0] + left + right)),
                          _up(max(low_h, content[1] + top + bottom)))
    _from_root_corner(tree, local)
    return _changes(tree, local, sizes)


def _arrange(tree: _Tree, kids: list[str], sizes: list[Size], edges: set[tuple[str, str]],
             spacing: Spacing) -> tuple[dict[str, tuple[float, float]], Size]:
    """Rows of layers, each wrapped to the container's shape and centred."""
    rows = _rows(_layers(tree, kids, edges), dict(zip(kids, sizes)), spacing)
    width = max((_row_width(r, spacing) for r in rows), default=0.0)
    placed, y = {}, 0.0
    for row in rows:
        x = (width - _row_width(row, spacing)) / 2
        for cid, (w, _h) in row:
            placed[cid] = (_snap(x), _snap(y))
            x += w + spacing.gap_x
        y += max(h for _, (_w, h) in row) + spacing.gap_y
    height = max(0.0, y - spacing.gap_y)
    return placed, (width, height)


def _layers(tree: _Tree, kids: list[str], edges: set[tuple[str, str]]) -> list[list[str]]:
    """Kids by layer (igraph's Sugiyama), each layer in its crossing-reduced order;
    notes and free text in a last layer of their own."""
    drawn = [k for k in kids if tree.by_id[k].kind not in ANNOTATIONS]
    notes = [k for k in kids if tree.by_id[k].kind in ANNOTATIONS]
    index = {k: i for i, k in enumerate(drawn)}
    pairs = [(index[a], index[b]) for a, b in edges if a in index and b in index]
    if len(drawn) > 1 and pairs:
        coords = igraph.Graph(n=len(drawn), edges=sorted(set(pairs)),
                              directed=True).layout_sugiyama().coords[:len(drawn)]
    else:
        coords = [(i, 0.0) for i in range(len(drawn))]
    layers: dict[int, list[tuple[float, str]]] = defaultdict(list)
    for cid, (x, y) in zip(drawn, coords):
        layers[int(round(y))].append((x, cid))
    out = [[cid for _x, cid in sorted(layers[n], key=lambda p: (p[0], index[p[1]]))]
           for n in sorted(layers)]
    return out + ([notes] if notes else [])


def _rows(layers: list[list[str]], size: dict[str, Size], spacing: Spacing
          ) -> list[list[tuple[str, Size]]]:
    """Wrap each layer into rows no wider than the container's shape allows."""
    area = sum((w + spacing.gap_x) * (h + spacing.gap_y) for w, h in size.values())
    widest = max((w for w, _h in size.values()), default=0.0)
    # Generous: layers wrap only when clearly too wide for the shape, and
    # a handful of items never wraps.
    limit = math.inf if len(size) <= 3 else \
        max(widest, WRAP_SLACK * math.sqrt(area * spacing.aspect))
    rows = []
    for layer in layers:
        row: list[tuple[str, Size]] = []
        for cid in layer:
            if row and _row_width(row, spacing) + spacing.gap_x + size[cid][0] > limit:
                rows.append(row)
                row = []
            row.append((cid, size[cid]))
        rows.append(row)
    return [r for r in rows if r]


def _row_width(row: list[tuple[str, Size]], spacing: Spacing) -> float:
    return sum(w for _, (w, _h) in row) + spacing.gap_x * max(0, len(row) - 1)


def _with_chips(tree: _Tree, cid: str, size: Size) -> Size:
    """A host is drawn at least as large as its chips need (canvas items grow
    to min_host_size): a server with six bottom chips is 258 wide, not the
    170 its stored size says, and its neighbours must be placed for that."""
    chips = tree.chips(cid)
    if not chips:
        return size
    low_w, low_h = S.min_host_size(chips)
    return (max(size[0], low_w), max(size[1], low_h))


def _footprint(tree: _Tree, cid: str, size: Size) -> Size:
    """A host's size plus the halves of its chips that stick out of its edges."""
    chips = tree.chips(cid)
    if not chips:
        return size
    return (size[0] + (S.CHIP_W / 2 if Kind.NIC in chips else 0.0),
            size[1] + (S.CHIP_H / 2 if any(k is not Kind.NIC for k in chips) else 0.0))


def _frame(tree: _Tree, box: str | None, spacing: Spacing) -> tuple[float, ...]:
    """Left, top, right and bottom margins around a container's contents:
    its title bar, its padding, and the chips straddling a host's edges."""
    if box is None:
        return (0.0, 0.0, 0.0, 0.0)
    comp = tree.by_id[box]
    header = S.HEADERS.get(comp.kind, S.HEADER)
    chips = tree.chips(box)
    right = spacing.pad + (S.CHIP_W / 2 if Kind.NIC in chips else 0.0)
    bottom = spacing.pad + (S.CHIP_H / 2 if any(k is not Kind.NIC for k in chips) else 0.0)
    top = header + spacing.pad + (TIER_TAG_ROOM if comp.kind is Kind.SERVER else 0.0)
    return (spacing.pad, top, right, bottom)


def _from_root_corner(tree: _Tree, local: dict[str, tuple[float, float]]) -> None:
    """The canvas keeps its drawing where it was: the top-level block starts at
    the old top-left corner of the top-level items."""
    tops = [c for c in tree.kids[None] if c in local]
    if not tops:
        return
    x0 = min(tree.by_id[c].x for c in tops)
    y0 = min(tree.by_id[c].y for c in tops)
    for cid in tops:
        x, y = local[cid]
        local[cid] = (_snap(x + x0), _snap(y + y0))


def _changes(tree: _Tree, local: dict[str, tuple[float, float]], sizes: dict[str, Size]
             ) -> dict[str, dict[str, float]]:
    """What differs from the components' values, zone members moved into
    their site's coordinates (they are placed in the site, drawn in the zone)."""
    out: dict[str, dict[str, float]] = {}
    for cid, (x, y) in local.items():
        if tree.is_zone_member(cid):
            zx, zy = local.get(tree.up[cid], (tree.by_id[tree.up[cid]].x,
                                              tree.by_id[tree.up[cid]].y))
            x, y = x + zx, y + zy
        comp = tree.by_id[cid]
        change = {k: v for k, v in (("x", x), ("y", y)) if getattr(comp, k) != v}
        if cid in sizes and comp.kind in S.RESIZABLE:
            w, h = sizes[cid]
            change.update({k: v for k, v in (("width", w), ("height", h))
                           if getattr(comp, k) != v})
        if change:
            out[cid] = change
    return out


def _least(comp: Component) -> Size:
    return S.MIN_SIZE


def _snap(value: float) -> float:
    return round(value / S.GRID) * S.GRID


def _up(value: float) -> float:
    return math.ceil(value / S.GRID) * S.GRID
