"""Where a component lands: the container under a point (placement parent),
the segment zone and tier hull under it (memberships), the position relative
to that parent, and how much the parent and its ancestors must grow to fit.

Used by palette drops, click-to-place, paste/duplicate and the end of a drag.
The model decides what is allowed: a refused placement raises the model's
DesignError and the caller shows its message. An insert and the growth of
its container are one `Document.compound` edit: one undo step, or nothing
when the model refuses.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Iterable

from PySide6.QtCore import QPointF, QRectF

from designer.model import Component, Kind, Link
from designer.model.kinds import (ALLOWED_PARENTS, CONTAINERS, SEGMENT_MEMBERS,
                                  TIER_MEMBERS, TOP_LEVEL_ALLOWED)

from . import geometry as G
from .containers import SegmentItem, TierItem
from .items import ComponentItem
from .sketching import numbered_label

if TYPE_CHECKING:
    from .scene import CanvasScene


@dataclass
class Target:
    parent: str | None
    segment: str | None = None
    tier: str | None = None
    grow: dict[str, dict[str, Any]] = field(default_factory=dict)


def owners_at(scene: "CanvasScene", pos: QPointF, exclude: set[str] = frozenset()
              ) -> list[ComponentItem]:
    """Component items under a scene point, topmost first, skipping excluded
    ids and anything placed inside them."""
    seen: dict[str, ComponentItem] = {}
    for item in scene.items(pos):
        while item is not None and not isinstance(item, ComponentItem):
            item = item.parentItem()
        if item is None or item.cid in seen or _inside_excluded(item, exclude):
            continue
        if item.isVisible():
            seen[item.cid] = item
    return list(seen.values())


def _inside_excluded(item: ComponentItem, exclude: set[str]) -> bool:
    while item is not None:
        if getattr(item, "cid", None) in exclude:
            return True
        item = item.parentItem()
    return False


def component_at(scene: "CanvasScene", pos: QPointF, exclude: set[str] = frozenset()
                 ) -> ComponentItem | None:
    """The component a click means: the topmost one, but a tier hull only when
    nothing else is under the point (hulls lie over their members)."""
    top = next(iter(scene.items(pos)), None)
    tier = top.parentItem() if top is not None else None
    while tier is not None and not isinstance(tier, TierItem):
        tier = tier.parentItem()
    if tier is not None and tier.cid not in exclude:
        return tier   # its tag or bridge is what is on top
    owners = owners_at(scene, pos, exclude)
    concrete = [o for o in owners if not isinstance(o, TierItem)]
    return concrete[0] if concrete else (owners[0] if owners else None)


def resolve(scene: "CanvasScene", kind: Kind, pos: QPointF,
            exclude: set[str] = frozenset()) -> Target:
    """The placement parent and memberships for a `kind` dropped at `pos`: the
    innermost container under the point that accepts the kind, else top level
    where allowed, else the innermost container (so the model says why not)."""
    owners = owners_at(scene, pos, exclude)
    containers = [o for o in owners if o.kind in CONTAINERS and not isinstance(o, TierItem)]
    parent = next((c.cid for c in containers if c.kind in ALLOWED_PARENTS[kind]), None)
    if parent is None and kind not in TOP_LEVEL_ALLOWED and containers:
        parent = containers[0].cid
    segment = next((o.cid for o in owners if isinstance(o, SegmentItem)), None)
    tier = next((o.cid for o in owners if isinstance(o, TierItem)), None)
    return Target(parent, segment if kind in SEGMENT_MEMBERS else None,
                  tier if kind in TIER_MEMBERS else None)


def local_top_left(scene: "CanvasScene", parent: str | None, scene_top_left: QPointF,
                   snap: bool) -> QPointF:
    """A scene position as the model stores it: relative to the parent, kept
    clear of the parent's title bar, snapped to the grid when asked."""
    item = scene.item_for(parent) if parent else None
    local = item.mapFromScene(scene_top_left) if item is not None else scene_top_left
    local = G.snap_point(local, snap)
    if item is not None:
        header = getattr(item, "header_h", 0.0)
        local = QPointF(max(local.x(), G.PAD / 2), max(local.y(), header + G.PAD / 2))
    return local


def growth(scene: "CanvasScene", parent: str | None, child: QRectF,
           edits: dict[str, dict[str, Any]] | None = None) -> dict[str, dict[str, Any]]:
    """Width/height edits so that `child` (in the parent's coordinates) fits,
    cascading to the ancestors that must grow in turn."""
    edits = {} if edits is None else edits
    item = scene.item_for(parent) if parent else None
    if not isinstance(item, ComponentItem) or item.kind not in G.RESIZABLE:
        return edits
    w0, h0 = edits.get(parent, {}).get("width", item.size[0]), \
        edits.get(parent, {}).get("height", item.size[1])
    w, h = max(w0, child.right() + G.PAD), max(h0, child.bottom() + G.PAD)
    if (w, h) == (w0, h0):
        return edits
    edits[parent] = {"width": G.snap(w + G.GRID / 2), "height": G.snap(h + G.GRID / 2)}
    own = QRectF(item.pos(), QPointF(item.pos().x() + w, item.pos().y() + h))
    return growth(scene, item.comp.parent, own, edits)


def insert_fitted(scene: "CanvasScene", comps: list[Component], links: list[Link],
                  text: str) -> None:
    """Insert as one undo step, growing the existing containers that receive
    the new items (paste, duplicate). Raises DesignError."""
    doc, grow = scene.document, {}
    new = {c.id for c in comps}
    for comp in comps:
        if comp.parent and comp.parent not in new:
            w, h = G.size_of(comp)
            growth(scene, comp.parent, QRectF(comp.x, comp.y, w, h), grow)
    with doc.compound(text):
        doc.insert(comps, links, text)
        if grow:
            doc.update_many(grow, "Grow to fit")


def place(scene: "CanvasScene", kind: Kind, center: QPointF, snap: bool) -> Component:
    """Add a `kind` centred on a scene point, inside the container under it,
    growing that container to fit; one undo step. Raises DesignError."""
    doc = scene.document
    target = resolve(scene, kind, center)
    probe = Component(id="probe", kind=kind)
    w, h = G.size_of(probe)
    local = local_top_left(scene, target.parent, center - QPointF(w / 2, h / 2), snap)
    props: dict[str, Any] = {"id": doc.new_id(kind.value)}
    label = numbered_label((c.label for c in doc.components()), kind)
    props.update(label=label, segment=target.segment, tier=target.tier)
    grow = growth(scene, target.parent, QRectF(local.x(), local.y(), w, h))
    with doc.compound(f"Add {kind.title.lower()} {label}"):
        comp = doc.add_component(kind, target.parent, local.x(), local.y(), **props)
        if grow:
            doc.update_many(grow, "Grow to fit")
    return comp


def ids_of(items: Iterable[ComponentItem]) -> set[str]:
    return {i.cid for i in items}
