"""Pure helpers the document uses to work out what an edit touches."""
from __future__ import annotations

from typing import Iterable, Mapping

from .component import Component, Link


def descendants(components: Mapping[str, Component], roots: Iterable[str]) -> list[str]:
    """The roots and everything placed inside them, parents before children."""
    children: dict[str, list[str]] = {}
    for comp in components.values():
        if comp.parent is not None:
            children.setdefault(comp.parent, []).append(comp.id)
    order: list[str] = []
    seen: set[str] = set()
    stack = [r for r in roots if r in components]
    while stack:
        current = stack.pop()
        if current in seen:
            continue
        seen.add(current)
        order.append(current)
        stack.extend(children.get(current, ()))
    return order


def attached_links(links: Mapping[str, Link], component_ids: set[str]) -> list[Link]:
    return [l for l in links.values()
            if l.source in component_ids or l.target in component_ids]


def orphaned_members(components: Mapping[str, Component],
                     removed: set[str]) -> list[Component]:
    """Survivors whose tier or segment is being removed, with that membership cleared."""
    updated = []
    for comp in components.values():
        if comp.id in removed:
            continue
        changes = {}
        if comp.tier in removed:
            changes["tier"] = None
        if comp.segment in removed:
            changes["segment"] = None
        if changes:
            updated.append(comp.model_copy(update=changes))
    return updated


def unique_id(taken, stem: str) -> str:
    """`stem-N` with the smallest N not in `taken`."""
    stem = stem.replace("_", "-")
    n = 1
    while f"{stem}-{n}" in taken:
        n += 1
    return f"{stem}-{n}"
