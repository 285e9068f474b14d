"""Connecting: drag from one component to another (the connect tool, or a
drag that starts on a component's edge). The link kind comes from the
endpoints through the model's own rule (`rules.check_link`): every kind the
model accepts in either direction is a candidate; one candidate is created
at once, several are offered in a small menu (the chooser is injectable so
tests can pick), none shows the model's reason. From a tier to a service
is not a link: the service joins the tier (a replica).
"""
from __future__ import annotations

from typing import Callable, Optional

from PySide6.QtCore import QLineF, QPoint, QPointF, Qt
from PySide6.QtGui import QMouseEvent, QPen
from PySide6.QtWidgets import QGraphicsLineItem, QMenu

from designer.look import style
from designer.model import DesignError, Kind, Link, LinkKind
from designer.model.kinds import TIER_MEMBERS
from designer.model.rules import check_link

from .interactions import Interaction
from .items import ComponentItem
from .containers import TierItem
from .placement import owners_at

Candidate = tuple[LinkKind | str, str, str]    # kind (or MEMBER), source id, target id
Chooser = Callable[[list[Candidate], QPoint], Optional[Candidate]]
# Tried in this order; the first reason is the one shown when all are refused.
_ORDER = (LinkKind.NETWORK, LinkKind.POWER, LinkKind.DEPENDENCY)
_EDGE = 6.0   # a press this close to a component's border starts a connection
MEMBER = "member"   # not a link: the service joins the tier (a replica)


def candidates(doc, source: str, target: str) -> tuple[list[Candidate], str]:
    """Link kinds the model accepts between two components (the drag's own
    direction first, the reverse for directed kinds), and the reason to show
    when there are none."""
    lookup = {c.id: c for c in (doc.component(source), doc.component(target))}
    found: list[Candidate] = _membership(lookup[source], lookup[target])
    if found:
        return found, ""
    reason = ""
    for kind in _ORDER:
        for s, t in ((source, target), (target, source)):
            try:
                check_link(lookup, Link(id="probe", kind=kind, source=s, target=t))
            except DesignError as err:
                reason = reason or err.message
                continue
            found.append((kind, s, t))
            break  # one direction per kind: the drag's own when both are valid
    return found, reason


def _membership(source, target) -> list[Candidate]:
    """From a tier to a service: the service joins the tier as a replica. (From
    a service to a tier stays a dependency: "this service needs that tier".)"""
    if source.kind is Kind.TIER and target.kind in TIER_MEMBERS and target.tier != source.id:
        return [(MEMBER, target.id, source.id)]
    return []


def option_text(kind: LinkKind | str) -> str:
    return "Make it a replica of the tier" if kind == MEMBER else \
        f"{kind.value.capitalize()} link"


def menu_chooser(options: list[Candidate], at: QPoint) -> Optional[Candidate]:
    """Ask which link to draw with a small popup menu at the cursor."""
    menu = QMenu()
    actions = {menu.addAction(option_text(k)): (k, s, t) for k, s, t in options}
    return actions.get(menu.exec(at))


def on_edge(item: ComponentItem, scene_pos: QPointF) -> bool:
    """Is the point within the connect band along the item's border?"""
    local = item.mapFromScene(scene_pos)
    w, h = item.size
    inner = min(local.x(), local.y(), w - local.x(), h - local.y())
    return 0 <= inner <= _EDGE


class Connect(Interaction):
    """Rubber line from the source; on release over another component, link."""

    def __init__(self, view, source: ComponentItem, pos: QPointF) -> None:
        super().__init__(view)
        self.source = source
        self.line = QGraphicsLineItem(QLineF(pos, pos))
        pen = QPen(style.palette().selection, 2.0, Qt.PenStyle.DashLine)
        self.line.setPen(pen)
        self.line.setZValue(1000)
        self.scene.addItem(self.line)
        self.moved = False
        view.statusMessage.emit(f"Connect {source.comp.name} to…")

    def move(self, event: QMouseEvent, pos: QPointF) -> None:
        start = self.source.scene_rect().center()
        self.line.setLine(QLineF(start, pos))
        self.moved = self.moved or not self.source.scene_rect().contains(pos)

    def release(self, event: QMouseEvent, pos: QPointF) -> None:
        self.cancel()
        if not self.moved and self.view.tool() == "connect":
            self.view.arm_fan(self.source.cid)   # a click on the source: targets next
            return
        target = best_target(self.scene, self.source.cid, pos)
        if target is None or target.cid == self.source.cid:
            self.view.statusMessage.emit("Release over another component to connect")
            return
        screen = self.view.viewport().mapToGlobal(self.view.mapFromScene(pos))
        link = self.view.connect_items(self.source.cid, target.cid, screen)
        if link is not None and event.modifiers() & Qt.KeyboardModifier.ShiftModifier:
            self.view.arm_fan(self.source.cid)   # Shift: more targets follow

    def cancel(self) -> None:
        if self.line.scene() is not None:
            self.scene.removeItem(self.line)


def best_target(scene, source: str, pos: QPointF) -> ComponentItem | None:
    """What a connection released at `pos` means: the topmost component under
    the pointer that can be linked to the source (tier hulls after concrete
    items, so a service dropped on a replica's server joins the tier), else the
    topmost one, so that the refusal names what the user pointed at."""
    owners = [o for o in owners_at(scene, pos) if o.cid != source]
    ordered = [o for o in owners if not isinstance(o, TierItem)] + \
        [o for o in owners if isinstance(o, TierItem)]
    for owner in ordered:
        if candidates(scene.document, source, owner.cid)[0]:
            return owner
    return ordered[0] if ordered else None


def link_between(doc, source: str, target: str, chooser: Chooser,
                 at: QPoint) -> tuple[Link | None, str]:
    """Create the link the endpoints call for; (link, "") or (None, reason)."""
    options, reason = candidates(doc, source, target)
    if not options:
        return None, reason
    choice = options[0] if len(options) == 1 else chooser(options, at)
    if choice is None:
        return None, "Connection cancelled"
    kind, s, t = choice
    try:
        if kind == MEMBER:
            return doc.update(s, text=f"Add {doc.component(s).name} to tier "
                              f"{doc.component(t).name}", tier=t), ""
        return doc.add_link(kind.value, s, t), ""
    except DesignError as err:
        return None, err.message


