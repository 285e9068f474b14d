"""Moving: press on a component, drag, release. While dragging only the item
positions and the links touching them change (no document edits, no index);
on release the whole drag is committed as ONE `document.update_many` (the
"Move" macro of orange-canvas-core's schemeedit): new positions, a new
placement parent when an item is dropped over another container, segment or
tier membership when dropped into a zone or hull, and the growth of the
containers that must fit it. A refusal shows the model's reason and the
items snap back.
"""
from __future__ import annotations

from typing import Any

from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QApplication

from designer.model import DesignError
from designer.model.kinds import ALLOWED_PARENTS, SEGMENT_MEMBERS

from . import geometry as G
from .containers import SegmentItem, TierItem
from .interactions import Interaction
from .items import ComponentItem
from .placement import component_at, growth, local_top_left, resolve


class Move(Interaction):
    def __init__(self, view, item: ComponentItem, pos: QPointF, add: bool) -> None:
        super().__init__(view)
        self.item, self.press, self.add = item, pos, add
        self.dragging = False
        self.dead = False
        selected = self.scene.is_selected(item.cid)
        if add:
            ids = self.scene.selected_ids()
            self.scene.select_ids([i for i in ids if i != item.cid] if selected
                                  else ids + [item.cid])
            self.dead = selected
        elif not selected:
            self.scene.select_ids([item.cid])

    # -- gesture -------------------------------------------------------------------
    def move(self, event: QMouseEvent, pos: QPointF) -> None:
        if self.dead:
            return
        if not self.dragging:
            screen = self.view.mapFromScene(pos) - self.view.mapFromScene(self.press)
            if screen.manhattanLength() < QApplication.startDragDistance():
                return
            self._begin()
        delta = self._snapped(pos - self.press)
        for item, start in self.start.items():
            item.setPos(start + delta)
        self.scene.preview_links(self.lids)   # straight; routed on release

    def release(self, event: QMouseEvent, pos: QPointF) -> None:
        if not self.dragging:
            if not self.add and not self.dead and len(self.scene.selected_ids()) > 1:
                self.scene.select_ids([self.item.cid])
            return
        self.commit()

    def cancel(self) -> None:
        if self.dragging:
            self._snap_back()

    # -- helpers ---------------------------------------------------------------------
    def _begin(self) -> None:
        self.dragging = True
        ids = set(self.scene.selected_ids())
        self.tops = [i for i in map(self.scene.item_for, ids)
                     if isinstance(i, ComponentItem) and _movable(i)
                     and not _has_ancestor_in(i, ids)]
        self.companions = self._segment_members()
        self.start = {i: QPointF(i.pos()) for i in self.tops + self.companions}
        moved = self.scene.subtree([i.cid for i in self.start])
        self.lids = self.scene.links_touching(moved)
        self.exclude = {i.cid for i in moved}

    def _segment_members(self) -> list[ComponentItem]:
        """Moving a zone moves what is drawn in it (its members beside it)."""
        zones = {i.cid: i.comp.parent for i in self.tops if isinstance(i, SegmentItem)}
        top_ids = {i.cid for i in self.tops}
        return [i for i in self.scene.component_items()
                if i.comp.segment in zones and i.cid not in top_ids
                and i.comp.parent == zones[i.comp.segment]]

    def _snapped(self, delta: QPointF) -> QPointF:
        if not self.view.snap_enabled():
            return delta
        origin = self.item.scenePos() - self.item.pos() + self.start.get(self.item, self.item.pos())
        target = G.snap_point(origin + delta)
        return target - origin

    def commit(self) -> None:
        doc = self.scene.document
        changes: dict[str, dict[str, Any]] = {}
        for item in self.tops:
            self._drop(item, changes)
        for item in self.companions:
            local = G.snap_point(item.pos(), self.view.snap_enabled())
            changes[item.cid] = {"x": local.x(), "y": local.y()}
        changes = {cid: c for cid, c in changes.items() if _differs(doc.component(cid), c)}
        if not changes:
            self._snap_back()
            return
        moved_in = {c.get("parent") for c in changes.values() if "parent" in c}
        text = "Move" if not moved_in else "Move into " + ", ".join(
            doc.component(p).name if p else "the canvas" for p in moved_in)
        if all(set(c) == {"tier"} for c in changes.values()):
            tiers = {doc.component(c["tier"]).name for c in changes.values()}
            text = "Add to tier " + ", ".join(sorted(tiers))
        try:
            doc.update_many(changes, text)
        except DesignError as err:
            self.refuse(err)
            self._snap_back()
        else:
            self._snap_back(only_unchanged=set(changes))

    def _drop(self, item: ComponentItem, changes: dict[str, dict[str, Any]]) -> None:
        comp = item.comp
        rect = item.scene_rect()
        target = resolve(self.scene, comp.kind, rect.center(), self.exclude)
        if self._joins_tier(item, target):
            # Dropped on a tier (its tag, hull or placeholder) with no server
            # to land in: the service joins the tier and stays where it runs.
            changes.setdefault(comp.id, {})["tier"] = target.tier
            return
        change: dict[str, Any] = {}
        if target.parent != comp.parent:
            change["parent"] = target.parent
        if comp.kind not in G.CHIP_KINDS:
            local = local_top_left(self.scene, target.parent, rect.topLeft(),
                                   self.view.snap_enabled())
            change.update(x=local.x(), y=local.y())
            box = QRectF(local.x(), local.y(), *item.size)
            for cid, grow in growth(self.scene, target.parent, box).items():
                if cid not in self.exclude:
                    changes.setdefault(cid, {}).update(grow)
        if comp.kind in SEGMENT_MEMBERS and target.segment != comp.segment:
            change["segment"] = target.segment
        if target.tier is not None and target.tier != comp.tier:
            change["tier"] = target.tier
        changes.setdefault(comp.id, {}).update(change)

    def _joins_tier(self, item: ComponentItem, target) -> bool:
        comp = item.comp
        if target.tier is None or target.tier == comp.tier:
            return False
        top = component_at(self.scene, item.scene_rect().center(), self.exclude)
        if isinstance(top, TierItem):      # on the tier's tag or bridge
            return True
        doc = self.scene.document
        parent = doc.component(target.parent) if target.parent in doc else None
        return parent is None or parent.kind not in ALLOWED_PARENTS[comp.kind]

    def _snap_back(self, only_unchanged: set[str] = frozenset()) -> None:
        doc = self.scene.document
        for item in self.start:
            if item.cid not in only_unchanged and item.cid in doc:
                self.scene.preview(doc.component(item.cid))


def _movable(item: ComponentItem) -> bool:
    return not (isinstance(item, TierItem) and item.members)


def _has_ancestor_in(item: ComponentItem, ids: set[str]) -> bool:
    parent = item.parentItem()
    while parent is not None:
        if getattr(parent, "cid", None) in ids:
            return True
        parent = parent.parentItem()
    return False


def _differs(comp, change: dict[str, Any]) -> bool:
    return any(getattr(comp, key) != value for key, value in change.items())

