"""A patch under construction: new ids, added parts and links, updated
values, read back through the design so far. Candidate generators build
their edits with it. No Qt.

Ids: `taken` may be shared by every draft of one generation round, so no
two candidates of a round invent the same id (the Pareto search applies
them together)."""
from __future__ import annotations

import re
from typing import Iterable

from designer.model import Component, Design, Kind, Link, LinkKind
from designer.model.patch import Patch

_NUMBERED = re.compile(r"^(.*?)(\d+)$")
CHIPS = frozenset({Kind.PSU, Kind.NIC, Kind.DISK, Kind.SERVICE})   # laid out by their host
HEADER, PAD, DEVICE_H = 26.0, 12.0, 44.0
_LETTERED = re.compile(r"^(.* )([A-Y])$")
GAP = 24.0


class Draft:
    def __init__(self, design: Design, taken: set[str] | None = None) -> None:
        self.design = design
        self.taken = taken if taken is not None else set()
        self.taken.update(design.by_id)
        self.taken.update(design.links_by_id)
        self.added: dict[str, Component] = {}
        self.links: list[Link] = []
        self.updates: dict[str, Component] = {}
        self.link_updates: dict[str, Link] = {}

    # -- reading the design as edited so far ------------------------------
    def get(self, cid: str) -> Component:
        return self.added.get(cid) or self.updates.get(cid) or self.design.by_id[cid]

    def all_links(self) -> list[Link]:
        current = [self.link_updates.get(l.id, l) for l in self.design.links]
        return current + self.links

    def children(self, cid: str) -> list[Component]:
        found = [self.get(c.id) for c in self.design.components if c.parent == cid]
        return found + [c for c in self.added.values() if c.parent == cid]

    # -- writing ------------------------------------------------------------
    def new_id(self, like: str, fresh: bool = False) -> str:
        """`srv-1` -> `srv-2`, `feed-a` -> `feed-a-2`: the first free one
        (`like` itself when `fresh` and free)."""
        if fresh and like not in self.taken:
            self.taken.add(like)
            return like
        match = _NUMBERED.match(like)
        stem, n = (match.group(1), int(match.group(2)) + 1) if match else (like + "-", 2)
        while f"{stem}{n}" in self.taken:
            n += 1
        self.taken.add(f"{stem}{n}")
        return f"{stem}{n}"

    def add(self, template: Component, parent: str | None = ..., dx: float = 0.0,
            dy: float = 0.0, label: str | None = None, cid: str | None = None,
            **changes) -> Component:
        """A copy of `template` with a new id (`cid` if free), at an offset."""
        new = template.model_copy(update=dict(
            id=self.new_id(cid or template.id, fresh=cid is not None),
            label=label or self.free_label(template.name),
            parent=template.parent if parent is ... else parent,
            x=template.x + dx, y=template.y + dy, **changes))
        self.added[new.id] = new
        return new

    def free_label(self, like: str) -> str:
        """The next label after `like` that no component uses yet."""
        used = self.__dict__.get("_labels")
        if used is None:
            used = self.__dict__["_labels"] = {c.name for c in self.design.components}
        label = next_label(like)
        while label in used:
            label = next_label(label)
        used.add(label)
        return label

    def slot(self, parent: str | None, width: float, height: float,
             x: float, y: float) -> tuple[float, float]:
        """Where a new part of this size goes: inside a container, in a row
        below everything already there (the container, and its own
        containers, grow to hold it); at the top level, at (x, y)."""
        if parent is None:
            return x, y
        inside = [c for c in self.children(parent) if c.kind not in CHIPS]
        bottom = max((c.y + (c.height or DEVICE_H) for c in inside), default=HEADER)
        spot = (PAD, bottom + GAP)
        self._fit(parent, spot[0] + width, spot[1] + height)
        return spot

    def clear_right(self, comp: Component, gap: float) -> float:
        """The x, right of every top-level box level with `comp`, where a
        copy of it overlaps nothing (a second site beside s0 lay on s1)."""
        top, bottom = comp.y, comp.y + (comp.height or DEVICE_H)
        rights = [c.x + (c.width or 0.0) for c in self.children(None)
                  if c.y < bottom and c.y + (c.height or DEVICE_H) > top]
        return max(rights, default=comp.x) + gap

    def _fit(self, cid: str, right: float, bottom: float) -> None:
        """Grow `cid` (and what holds it) to reach right/bottom."""
        comp = self.get(cid)
        width, height = comp.width or 0.0, comp.height or 0.0
        if right + PAD > width or bottom + PAD > height:
            width, height = max(width, right + PAD), max(height, bottom + PAD)
            self.update(cid, width=width, height=height)
            if comp.parent is not None:
                self._fit(comp.parent, comp.x + width, comp.y + height)

    def make(self, cid_like: str, kind: Kind, parent: str | None, x: float, y: float,
             label: str, **fields) -> Component:
        new = Component(id=self.new_id(cid_like, fresh=True), kind=kind, parent=parent, x=x, y=y,
                        label=label, **fields)
        self.added[new.id] = new
        return new

    def link(self, kind: LinkKind, source: str, target: str, port=None) -> Link:
        link = Link(id=self.new_id(f"{kind.value}-link-1"), kind=kind, source=source,
                    target=target, port=port)
        self.links.append(link)
        return link

    def update(self, cid: str, **changes) -> Component:
        new = self.get(cid).model_copy(update=changes)
        (self.added if cid in self.added else self.updates)[cid] = new
        return new

    def retarget(self, link: Link, **changes) -> None:
        """Change a link's ends (one already in the design, or one added here)."""
        new = link.model_copy(update=changes)
        for i, added in enumerate(self.links):
            if added.id == link.id:
                self.links[i] = new
                return
        self.link_updates[link.id] = new

    def patch(self, text: str) -> Patch:
        return Patch(tuple(self.added.values()), tuple(self.links),
                     tuple(self.updates.values()), tuple(self.link_updates.values()), text)


def next_label(label: str) -> str:
    """`Server 1` -> `Server 2`, `PDU A` -> `PDU B`, `Switch` -> `Switch 2`."""
    match = _NUMBERED.match(label)
    if match:
        return f"{match.group(1)}{int(match.group(2)) + 1}"
    match = _LETTERED.match(label)
    if match:
        return match.group(1) + chr(ord(match.group(2)) + 1)
    return f"{label} 2"


def beside(comp: Component) -> float:
    """How far right a copy goes so it does not sit on the original."""
    return (comp.width or 120.0) + GAP


def absolute(design_get, cid: str | None) -> tuple[float, float]:
    """A component's scene position (positions are relative to the parent)."""
    x = y = 0.0
    while cid is not None:
        comp = design_get(cid)
        x, y, cid = x + comp.x, y + comp.y, comp.parent
    return x, y


def placed_under(design: Design, root: str) -> list[str]:
    """`root` and everything placed inside it, in drawing order."""
    inside = {root}
    order = [root]
    for comp in design.components:       # parents come before children in files,
        if comp.parent in inside and comp.id not in inside:  # but not always:
            inside.add(comp.id)
            order.append(comp.id)
    grew = True
    while grew:                           # catch children drawn before parents
        grew = False
        for comp in design.components:
            if comp.parent in inside and comp.id not in inside:
                inside.add(comp.id)
                order.append(comp.id)
                grew = True
    position = {c.id: i for i, c in enumerate(design.components)}
    return sorted(order, key=position.__getitem__)


def links_touching(links: Iterable[Link], ids: set[str]) -> list[Link]:
    return [l for l in links if l.source in ids or l.target in ids]
