"""Copies of drawn parts, wired the way a person would wire a second one:
a copied server keeps its power and network connections, a copied switch
gets its uplinks and a new NIC on every host it served, a copied power
source gets a second input on every consumer of the original, and copied
services become replicas (in the original's tier, or in a new tier that
the dependents now depend on). No Qt."""
from __future__ import annotations

from designer.model import Component, Design, Kind, Link, LinkKind

from .draft import Draft, absolute, beside, links_touching, placed_under

NOT_COPIED = frozenset({Kind.SEGMENT, Kind.NOTE, Kind.TEXT})
CONTAINERS = frozenset({Kind.SITE, Kind.RACK})


def copy_subtree(draft: Draft, root: str, services: set[str] | None = None,
                 parent=..., dx: float | None = None, dy: float = 0.0,
                 label: str | None = None) -> dict[str, str]:
    """Copy `root` with what is placed inside it (only the `services` named,
    when given) beside the original; returns original id -> copy id."""
    original = draft.get(root)
    ids = [cid for cid in placed_under(draft.design, root)
           if draft.get(cid).kind not in NOT_COPIED
           and (services is None or draft.get(cid).kind is not Kind.SERVICE
                or cid in services)]
    mapping: dict[str, str] = {}
    where = original.parent if parent is ... else parent
    if dx is None and where is not None and draft.get(where).kind in CONTAINERS:
        x, y = draft.slot(where, original.width or 136.0, original.height or 44.0,
                          original.x, original.y)
        dx, dy = x - original.x, y - original.y
    first = draft.add(original, parent=parent, dx=beside(original) if dx is None else dx,
                      dy=dy, label=label)
    mapping[root] = first.id
    for cid in ids[1:]:
        comp = draft.get(cid)
        suffix = cid[len(root):] if cid.startswith(root) else ""
        new = draft.add(comp, parent=mapping[comp.parent], label=comp.label,
                        cid=first.id + suffix if suffix else None)
        mapping[cid] = new.id
    for link in links_touching(draft.all_links(), set(mapping)):
        _copy_link(draft, link, mapping)
    join_tiers(draft, {s: c for s, c in mapping.items()
                       if draft.get(s).kind is Kind.SERVICE})
    return mapping


def _copy_link(draft: Draft, link: Link, mapping: dict[str, str]) -> None:
    src_in, dst_in = link.source in mapping, link.target in mapping
    source, target = mapping.get(link.source, link.source), mapping.get(link.target, link.target)
    if link.kind is LinkKind.DEPENDENCY:
        if src_in:       # a dependent outside keeps its link; join_tiers retargets it
            draft.link(link.kind, source, target, link.port)
    elif link.kind is LinkKind.POWER and src_in and not dst_in:
        second_input(draft, link.target, source, link.source)
    elif link.kind is LinkKind.NETWORK and not (src_in and dst_in):
        outside = link.target if src_in else link.source
        inside = source if src_in else target
        if draft.get(outside).kind is Kind.NIC:
            outside = second_nic(draft, outside)
        draft.link(link.kind, inside, outside)
    else:
        draft.link(link.kind, source, target, link.port)


def second_nic(draft: Draft, nic: str) -> str:
    """A new NIC on the host of `nic`, below the existing ones."""
    comp = draft.get(nic)
    return draft.add(comp, dy=(comp.height or 18.0) + 3.0).id


def power_inputs(draft: Draft, cid: str) -> list[Link]:
    return [l for l in draft.all_links() if l.kind is LinkKind.POWER and l.target == cid]


def second_input(draft: Draft, consumer: str, new_source: str, old_source: str) -> None:
    """Give `consumer` power from `new_source` as well: a host with one PSU
    gets a second PSU on it; a host whose PSUs all hang on `old_source` has
    its last PSU moved over; anything else gets a second power input."""
    comp = draft.get(consumer)
    if comp.kind is not Kind.PSU or comp.parent is None:
        draft.link(LinkKind.POWER, new_source, consumer)
        return
    host = comp.parent
    done = draft.__dict__.setdefault("_powered_hosts", set())
    if host in done:
        return
    done.add(host)
    psus = [c for c in draft.children(host) if c.kind is Kind.PSU]
    if len(psus) == 1:
        psu = draft.add(comp, dx=(comp.width or 38.0) + 3.0)
        draft.link(LinkKind.POWER, new_source, psu.id)
        return
    inputs = {p.id: power_inputs(draft, p.id) for p in psus}
    if all(all(l.source == old_source for l in inputs[p.id]) for p in psus):
        last = inputs[psus[-1].id]
        if last:
            draft.retarget(last[0], source=new_source)
        else:
            draft.link(LinkKind.POWER, new_source, psus[-1].id)


def moves_an_entry(design: Design, services) -> bool:
    """Copying `services` as replicas would move an entry mark from one of
    them onto a tier that holds other services too (join_tiers): the design
    would then need a quorum of those as well, which it did not before, and
    could gain single points of failure the edit does not add."""
    for sid in services:
        service = design.by_id[sid]
        if service.entry and service.tier is not None and any(
                c.tier == service.tier and c.id != sid for c in design.components):
            return True
    return False


def join_tiers(draft: Draft, replicas: dict[str, str]) -> None:
    """Make each copy a replica of its original: same tier, or a new tier
    holding both that takes over the original's dependents and entry mark."""
    new_tiers: dict[str, str] = {}
    for original, copy in replicas.items():
        service = draft.get(original)
        if service.tier is not None:
            draft.update(copy, entry=False)
            if service.entry:            # two entry replicas would both be needed
                draft.update(service.tier, entry=True)
                draft.update(original, entry=False)
            continue
        x, y = absolute(draft.get, original)
        tier = draft.make(f"tier-{original}", Kind.TIER, None, x - 20.0, y - 40.0,
                          f"{service.name} tier", entry=service.entry,
                          width=180.0, height=80.0)
        draft.update(original, tier=tier.id, entry=False)
        draft.update(copy, tier=tier.id, entry=False)
        new_tiers[original] = tier.id
    for link in draft.all_links():
        if link.kind is LinkKind.DEPENDENCY and link.target in new_tiers:
            draft.retarget(link, target=new_tiers[link.target])


def twin(draft: Draft, cid: str, label: str | None = None) -> Component:
    """A second one of a device, wired like the first (see module note)."""
    mapping = copy_subtree(draft, cid, label=label)
    return draft.get(mapping[cid])
