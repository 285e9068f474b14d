"""Copy, cut, paste and duplicate through the same serializer as files
(`designer.io.dump_design` / `design_from_dict`, NodeGraphQt's copy/paste idea).

A fragment is a valid Design: the copied components with everything placed
inside them and the links among them, plus their *context* (the placement
ancestors and the tiers/segments they belong to), so that a copied service
still has its server. Pasting inserts only the copied part, with new ids and
remapped links, parents and memberships; a context item maps onto the same id
in the target document when it exists there (paste next to the original),
and a single selected container that accepts the roots receives them.

Clipboard formats: `application/x-weaklink-fragment` (JSON: the file wrapper,
the context ids, the roots' scene positions) and the plain file JSON as text.
"""
from __future__ import annotations

import json
from typing import Iterable

from PySide6.QtCore import QMimeData, QPointF

from designer.io import design_from_dict, design_to_text, dump_design
from designer.model import Component, Design, Link
from designer.model.edits import descendants, unique_id
from designer.model.kinds import ALLOWED_PARENTS

MIME = "application/x-weaklink-fragment"
OFFSET = 20.0


def fragment(doc, ids: Iterable[str], scene_pos: dict[str, QPointF]) -> dict:
    """The clipboard payload for these ids (components and/or links)."""
    by_id = {c.id: c for c in doc.components()}
    copied = descendants(by_id, [i for i in ids if i in by_id])
    inside = set(copied)
    context = _context(by_id, inside)
    links = [l for l in doc.links() if l.source in inside and l.target in inside]
    design = Design.model_construct(
        settings=doc.settings, links=tuple(links),
        components=tuple(by_id[c] for c in [*context, *copied]))
    roots = [c for c in copied if by_id[c].parent not in inside]
    return {"file": dump_design(design), "context": context,
            "scene": {r: [scene_pos[r].x(), scene_pos[r].y()] for r in roots if r in scene_pos}}


def _context(by_id: dict[str, Component], inside: set[str]) -> list[str]:
    """Ancestors and memberships the copied part refers to, parents first."""
    wanted: list[str] = []
    todo = [ref for c in inside for ref in (by_id[c].parent, by_id[c].tier, by_id[c].segment)]
    while todo:
        ref = todo.pop()
        if ref is None or ref in inside or ref in wanted:
            continue
        wanted.append(ref)
        todo += [by_id[ref].parent, by_id[ref].segment]
    return descendants({i: by_id[i] for i in wanted},
                       [i for i in wanted if by_id[i].parent not in wanted])


def to_mime(payload: dict) -> QMimeData:
    mime = QMimeData()
    mime.setData(MIME, json.dumps(payload).encode("utf-8"))
    design = design_from_dict(payload["file"], source="clipboard")
    mime.setText(design_to_text(design))
    return mime


def from_mime(mime: QMimeData) -> dict | None:
    if mime.hasFormat(MIME):
        return json.loads(bytes(mime.data(MIME)).decode("utf-8"))
    if mime.hasText():
        try:
            return {"file": json.loads(mime.text()), "context": [], "scene": {}}
        except ValueError:
            return None
    return None


def pasted(doc, payload: dict, shift: float, into: Component | None
           ) -> tuple[list[Component], list[Link]]:
    """New components and links for a payload, ready for `document.insert`.
    Raises LoadError for a payload that is not a design."""
    design = design_from_dict(payload["file"], source="clipboard")
    context = set(payload.get("context", ()))
    copies = [c for c in design.components if c.id not in context]
    new, link_ids = _fresh_ids(doc, copies, design.links)
    existing = {c.id for c in doc.components()}

    def ref(old: str | None) -> str | None:
        return new.get(old) or (old if old in existing and old in context else None)
    roots = [c for c in copies if c.parent not in new]
    if into is not None and not all(into.kind in ALLOWED_PARENTS[c.kind] for c in roots):
        into = None
    out = []
    for comp in copies:
        change = {"id": new[comp.id], "parent": ref(comp.parent), "tier": ref(comp.tier),
                  "segment": ref(comp.segment)}
        if comp.parent not in new:
            change.update(_root_position(comp, payload, change["parent"], shift, into))
        out.append(comp.model_copy(update=change))
    links = [link.model_copy(update={"id": link_ids[link.id], "source": new[link.source],
                                     "target": new[link.target]}) for link in design.links]
    return out, links


def _fresh_ids(doc, comps, links) -> tuple[dict[str, str], dict[str, str]]:
    """Old id -> new unused id, for the components and for the links."""
    taken = {c.id for c in doc.components()} | {l.id for l in doc.links()}
    comp_ids = {c.id: _claim(taken, c.kind.value) for c in comps}
    link_ids = {l.id: _claim(taken, f"{l.kind.value}-link") for l in links}
    return comp_ids, link_ids


def _claim(taken: set[str], stem: str) -> str:
    new = unique_id(taken, stem)
    taken.add(new)
    return new


def _root_position(comp: Component, payload: dict, parent: str | None, shift: float,
                   into: Component | None) -> dict:
    if into is not None:
        return {"parent": into.id, "x": comp.x + shift, "y": comp.y + shift}
    if parent is not None:
        return {"x": comp.x + shift, "y": comp.y + shift}
    x, y = payload.get("scene", {}).get(comp.id, (comp.x, comp.y))
    return {"x": x + shift, "y": y + shift}
