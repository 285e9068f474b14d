"""Variable orders for the BDDs of a design, from its placement: the
exact BDD of the whole (`placement_rank`) and the per-entry-point BDDs of
the certified bounds (`rack_rank`). Measured choices, docs/performance.md."""
from __future__ import annotations

from designer.model import Kind


def placement_rank(design, event_of: dict[str, str]) -> dict[str, int]:
    """BDD order hint, top of the placement hierarchy first: what no rack
    of servers holds (sites, feeds, UPSes, network gear: causes every
    replica shares) ranks 0; then each server rack's own parts (rack, PDUs,
    top-of-rack switches); then each server with everything in it, servers
    in the drawing order of their services so a tier's replicas stay side by
    side. The depth-first order alone scatters a server's events among the
    shared ones (generated 300-component design: 82,608 -> 18,410 nodes)."""
    holder = _holder(design)

    hosts = [holder(c.id, Kind.SERVER) for c in design.components if c.kind == Kind.SERVICE]
    hosts = [h for h in hosts + [c.id for c in design.components if c.kind == Kind.SERVER] if h]
    racks = [r for r in (holder(h, Kind.RACK) for h in hosts) if r]
    group: dict[str, int] = {}
    for key in racks + hosts:            # racks before servers, each once
        group.setdefault(key, len(group) + 1)
    rank: dict[str, int] = {}
    for cid, event in event_of.items():
        host = holder(cid, Kind.SERVER)
        rank[event] = group[host] if host else group.get(holder(cid, Kind.RACK), 0)
    return rank


def rack_rank(design, event_of: dict[str, str]) -> dict[str, tuple[int, int, int, int]]:
    """Order hint for one BDD per entry point (bounds.py), per event a key
    (its site, server rack, site, server), 0 for none. The first number
    serves parts that span several sites (part_build.local_order reads it
    from SITE_FIRST_FROM sites on); the others go: what no rack holds first
    (sites, feeds, UPSes, network gear), then rack by rack, each rack's
    own parts just before the servers it holds, so a diagram never carries
    the state of a rack past the servers that depend on it. What no rack
    of servers holds goes site by site: one site's feeds, UPSes, network
    racks and gateways together (generated 5,000-component design, 3
    sites: 24,243 -> 12,534 nodes for one entry point; CUDD's sifting finds
    8,588). Servers site by site instead was measured worse (80,786 against
    60,557 nodes on the generated 1,000-component design). The numbers
    only group: which rack, site or server comes first is the part's own
    choice (part_build.local_order), so parts alike share a diagram."""
    holder = _holder(design)

    first: dict[str, int] = {}          # server racks and servers, numbered
    for comp in design.components:
        host = holder(comp.id, Kind.SERVER)
        if host:
            first.setdefault(holder(host, Kind.RACK) or host, len(first) + 1)
            first.setdefault(host, len(first) + 1)
    sites = {c.id: i + 1 for i, c in enumerate(c for c in design.components
                                               if c.kind == Kind.SITE)}
    keys = {}
    for cid, event in event_of.items():
        host = holder(cid, Kind.SERVER)
        rack = holder(cid, Kind.RACK) or host
        own_site = sites.get(holder(cid, Kind.SITE), 0)
        site = own_site if rack not in first else 0
        keys[event] = (own_site, first.get(rack, 0), site, first[host] if host else 0)
    return keys


def site_first(placement: dict[str, int], rack: dict[str, tuple]) -> dict[str, int] | None:
    """`placement` with the events grouped site by site first (each event's
    own site, the first of its `rack_rank` key): the exact BDD's second
    order where the top is an AND of entry points (`exact_orders`), tried
    where the placement order passed its budget and the certified bounds
    do not apply. Where the replicas of each tier are spread over the
    sites (the generated 400 and 500), the placement order fits and site
    by site does not: why it is only a second try. None under two sites."""
    if len({key[0] for key in rack.values() if key and key[0]}) < 2:
        return None
    width = max(placement.values(), default=0) + 1
    return {event: rack[event][0] * width + group for event, group in placement.items()}


def exact_orders(placement: dict[str, int], rack: dict[str, tuple],
                 alternatives: bool) -> tuple[dict[str, int], dict[str, int] | None]:
    """The exact BDD's first and second order. Where the top is an OR (the
    system is up if any alternative is: a copied site's, any replica of a
    lone entry tier), rack by rack within each site (`rack`'s keys, as
    numbers) and then the placement order: the duplicated-services plan's
    last design 3,519 nodes (8,103 site by site; the placement order past
    500,000), with a rack or two copied again (296 events) 5,673 where
    both others passed 500,000. Else the placement order, then site by
    site (`site_first`): rack by rack passes its budget on the generated
    300-500, whose top is an AND of entry points."""
    if alternatives:
        numbers = {key: n for n, key in enumerate(sorted(set(rack.values())))}
        return {event: numbers[key] for event, key in rack.items()}, placement
    return placement, site_first(placement, rack)


def _holder(design):
    """holder(cid, kind): `cid` itself or its nearest placement ancestor of
    that kind (None when there is none)."""
    by_id = {comp.id: comp for comp in design.components}

    def holder(cid: str | None, kind: Kind) -> str | None:
        while cid is not None and by_id[cid].kind != kind:
            cid = by_id[cid].parent
        return cid
    return holder
