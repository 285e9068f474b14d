"""Align and distribute the selected components: computed in scene
coordinates, stored relative to each item's own parent, committed as one
`document.move` (one undo step). Chips and tier hulls are laid out by their
hosts and members, so they are left out."""
from __future__ import annotations

from typing import Callable

from PySide6.QtCore import QPointF, QRectF

from . import geometry as G
from .containers import TierItem
from .items import ComponentItem

HOW = ("left", "right", "top", "bottom", "hcenter", "vcenter", "distribute-h",
       "distribute-v")


def arranged(items: list[ComponentItem], how: str) -> dict[str, tuple[float, float]]:
    """New (x, y) per component id for an alignment; only those that move."""
    if how not in HOW:
        raise ValueError(f"unknown alignment {how!r}; one of {', '.join(HOW)}")
    items = [i for i in items if i.kind not in G.CHIP_KINDS and not isinstance(i, TierItem)]
    if len(items) < 2:
        return {}
    rects = {i.cid: i.scene_rect() for i in items}
    targets = (_distribute(items, rects, how) if how.startswith("distribute")
               else _align(items, rects, how))
    out = {}
    for item in items:
        new = targets[item.cid]
        if new != rects[item.cid].topLeft():
            local = item.pos() + (new - rects[item.cid].topLeft())
            out[item.cid] = (local.x(), local.y())
    return out


_EDGES: dict[str, Callable[[QRectF], float]] = {
    "left": QRectF.left, "right": QRectF.right, "top": QRectF.top,
    "bottom": QRectF.bottom, "hcenter": lambda r: r.center().x(),
    "vcenter": lambda r: r.center().y(),
}


def _align(items, rects, how) -> dict[str, QPointF]:
    edge = _EDGES[how]
    values = [edge(r) for r in rects.values()]
    goal = {"left": min, "top": min, "right": max, "bottom": max}.get(how)
    value = goal(values) if goal else sum(values) / len(values)
    out = {}
    for cid, r in rects.items():
        shift = value - edge(r)
        horizontal = how in ("left", "right", "hcenter")
        out[cid] = r.topLeft() + (QPointF(shift, 0) if horizontal else QPointF(0, shift))
    return out


def _distribute(items, rects, how) -> dict[str, QPointF]:
    horizontal = how == "distribute-h"
    key = (lambda r: r.left()) if horizontal else (lambda r: r.top())
    size = (lambda r: r.width()) if horizontal else (lambda r: r.height())
    order = sorted(rects, key=lambda cid: key(rects[cid]))
    first, last = rects[order[0]], rects[order[-1]]
    span = key(last) + size(last) - key(first)
    gap = (span - sum(size(rects[c]) for c in order)) / (len(order) - 1)
    out, cursor = {}, key(first)
    for cid in order:
        r = rects[cid]
        out[cid] = QPointF(cursor, r.top()) if horizontal else QPointF(r.left(), cursor)
        cursor += size(r) + gap
    return out
