"""What the model refuses. Each check takes a lookup of components by id and
raises (or returns) typed DesignErrors; the document calls the same checks for
every edit that the loader runs on a whole file."""
from __future__ import annotations

from typing import Iterable, Mapping

from . import errors as E
from .component import Component, Link, LinkKind
from .kinds import (ALLOWED_PARENTS, DEPENDENCY_TARGETS, NETWORK_CAPABLE,
                    POWER_CONSUMERS, POWER_SOURCES, SEGMENT_MEMBERS, TIER_MEMBERS,
                    TOP_LEVEL_ALLOWED, Kind)

Lookup = Mapping[str, Component]


def _ref(lookup: Lookup, ref: str, where: str, what: str) -> Component:
    found = lookup.get(ref)
    if found is None:
        raise E.DanglingReference(f"{what} '{ref}' does not exist", where)
    return found


def check_parent(lookup: Lookup, child: Component, parent_id: str | None,
                 where: str = "") -> None:
    """May `child` be placed inside `parent_id`? (None = top level.)"""
    if parent_id is None:
        if child.kind not in TOP_LEVEL_ALLOWED:
            hosts = " or ".join(sorted(k.a_title for k in ALLOWED_PARENTS[child.kind]))
            raise E.InvalidPlacement(f"{child.kind.a_title} must sit inside {hosts}", where)
        return
    parent = _ref(lookup, parent_id, where, "placement parent")
    if parent_id == child.id:
        raise E.PlacementCycle(f"'{child.name}' cannot be placed inside itself", where)
    if parent.kind not in ALLOWED_PARENTS[child.kind]:
        raise E.InvalidPlacement(
            f"{child.kind.a_title} cannot be placed inside {parent.kind.a_title}", where)
    seen = {child.id}
    cursor: Component | None = parent
    while cursor is not None:
        if cursor.id in seen:
            raise E.PlacementCycle(
                f"placing '{child.name}' inside '{parent.name}' makes a placement cycle",
                where)
        seen.add(cursor.id)
        cursor = lookup.get(cursor.parent) if cursor.parent else None


def check_membership(lookup: Lookup, comp: Component, where: str = "") -> None:
    if comp.tier is not None:
        tier = _ref(lookup, comp.tier, where + ".tier", "tier")
        if tier.kind is not Kind.TIER or comp.kind not in TIER_MEMBERS:
            raise E.InvalidMembership(
                f"{comp.kind.a_title} cannot join '{tier.name}' as a tier member",
                where + ".tier")
    if comp.segment is not None:
        seg = _ref(lookup, comp.segment, where + ".segment", "segment")
        if seg.kind is not Kind.SEGMENT or comp.kind not in SEGMENT_MEMBERS:
            raise E.InvalidMembership(
                f"{comp.kind.a_title} cannot be a member of segment '{seg.name}'",
                where + ".segment")


RULE_ENDS = frozenset({Kind.SEGMENT, Kind.TIER, Kind.SERVICE, Kind.INTERNET})


def check_rule_ends(lookup: Lookup, comp: Component, where: str = "") -> None:
    """Each side of a firewall rule is "any" or a segment, tier, service or
    the Internet that exists."""
    for i, rule in enumerate(comp.rules):
        for side in ("source", "destination"):
            ref = getattr(rule, side)
            if ref == "any":
                continue
            place = f"{where}.rules[{i}].{side}"
            found = _ref(lookup, ref, place, f"rule {i + 1} {side}")
            if found.kind not in RULE_ENDS:
                raise E.InvalidProperty(
                    f"rule {i + 1} {side} '{found.name}' is {found.kind.a_title}; name a "
                    f"segment, tier, service, the Internet or any", place)


def check_link(lookup: Lookup, link: Link, where: str = "") -> None:
    """Is this connection possible at all?"""
    src = _ref(lookup, link.source, where + ".source", "link source")
    dst = _ref(lookup, link.target, where + ".target", "link target")
    if src.id == dst.id:
        raise E.InvalidConnection(f"'{src.name}' cannot be linked to itself", where)
    if link.kind is LinkKind.POWER:
        if src.kind not in POWER_SOURCES:
            raise E.InvalidConnection(f"{src.kind.a_title} does not supply power", where)
        if dst.kind not in POWER_CONSUMERS:
            raise E.InvalidConnection(f"{dst.kind.a_title} takes no power", where)
    elif link.kind is LinkKind.NETWORK:
        for end in (src, dst):
            if end.kind not in NETWORK_CAPABLE:
                raise E.InvalidConnection(
                    f"{end.kind.a_title} has no network port", where)
    else:
        if src.kind is not Kind.SERVICE:
            raise E.InvalidConnection(
                f"only a service can depend on something, not {src.kind.a_title}", where)
        if dst.kind not in DEPENDENCY_TARGETS:
            raise E.InvalidConnection(
                f"a service can depend on a service or a tier, not {dst.kind.a_title}",
                where)


def power_cycle(links: Iterable[Link]) -> list[str] | None:
    """The ids on a power loop, if the power links contain one."""
    feeds: dict[str, list[str]] = {}
    for link in links:
        if link.kind is LinkKind.POWER:
            feeds.setdefault(link.source, []).append(link.target)
    state: dict[str, int] = {}
    for start in feeds:
        if state.get(start):
            continue
        stack = [(start, iter(feeds.get(start, ())))]
        path = [start]
        state[start] = 1
        while stack:
            node, children = stack[-1]
            nxt = next(children, None)
            if nxt is None:
                stack.pop()
                path.pop()
                state[node] = 2
            elif state.get(nxt) == 1:
                return path[path.index(nxt):] + [nxt]
            elif not state.get(nxt):
                state[nxt] = 1
                path.append(nxt)
                stack.append((nxt, iter(feeds.get(nxt, ()))))
    return None
