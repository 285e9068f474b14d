"""Added latency of each request path from the Internet to each data store.
No Qt.

A request path follows the dependencies: the Internet to a public service,
then service to service down to the data store. Each leg is the packet's
network path (respecting the rules when they let it through). Every cable
adds a link's latency (a site-to-site circuit's when its ends are in
different sites), every switch, router and firewall its own, a load
balancer and a proxy service in the chain a proxy's. Figures come from
resources/defaults.json unless the design overrides them.
"""
from __future__ import annotations

import json
from collections import deque
from functools import lru_cache

from designer import data
from designer.model import Kind, LinkKind

from .context import Context, Service
from .result import LatencyHop, LatencyPath

DEFAULTS_FILE = data.path("resources", "defaults.json")   # package data (designer.data)
HOP_KINDS = ("link", "switch", "router", "firewall", "proxy", "site_to_site")
DEVICE_HOPS = {Kind.SWITCH: "switch", Kind.ROUTER: "router", Kind.FIREWALL: "firewall",
               Kind.LOAD_BALANCER: "proxy", Kind.ISP_UPLINK: "link"}


@lru_cache(maxsize=1)
def default_latency() -> dict[str, dict]:
    """Hop kind -> {"value", "derivation", "source", "assumption"}."""
    with open(DEFAULTS_FILE, encoding="utf-8") as handle:
        table = json.load(handle)["latency_ms"]
    return {kind: table[kind] for kind in HOP_KINDS}


def hop_figures(ctx: Context) -> dict[str, float]:
    own = ctx.design.settings.hop_latency_ms
    return {k: float(own.get(k, row["value"])) for k, row in default_latency().items()}


def chains(ctx: Context) -> dict[str, list[tuple[Service, int | None]]]:
    """Data store id -> the shortest service chain from a public service,
    each service with the port it is called on (None: its first port)."""
    calls: dict[str, list[tuple[Service, int | None]]] = {}
    for client, server, port in ctx.dependencies():
        calls.setdefault(client.id, []).append((server, port))
    starts = [s for s in ctx.services if s.public] or [
        s for s in ctx.services if ctx.design.by_id[s.id].entry
        or (s.tier and ctx.design.by_id[s.tier].entry)]
    previous: dict[str, tuple[str | None, int | None]] = {}
    queue = deque()
    for s in starts:
        previous[s.id] = (None, None)
        queue.append(s.id)
    while queue:
        sid = queue.popleft()
        for server, port in calls.get(sid, ()):
            if server.id not in previous:
                previous[server.id] = (sid, port)
                queue.append(server.id)
    found = {}
    for store in ctx.data_stores:
        if store.id not in previous:
            continue
        chain, cursor = [], store.id
        while cursor is not None:
            before, port = previous[cursor]
            chain.append((ctx.service_by_id[cursor], port))
            cursor = before
        found[store.id] = chain[::-1]
    return found


def latency_paths(ctx: Context, counts: dict) -> list[LatencyPath]:
    if not ctx.topo.internets:
        return []
    figures = hop_figures(ctx)
    cables = {frozenset((l.source, l.target)) for l in ctx.design.links_of(LinkKind.NETWORK)}
    found = []
    for store_id, chain in chains(ctx).items():
        hops: list[LatencyHop] = []
        blocked, firewalls = False, 0
        source_zone, source_host = "internet", None
        for i, (service, port) in enumerate(chain):
            if i > 0 and chain[i - 1][0].role == "proxy":
                hops.append(LatencyHop(chain[i - 1][0].id, "proxy", figures["proxy"]))
            if not service.ports and port is None:
                continue
            use = port or (443 if 443 in service.ports else service.ports[0])
            if source_host != service.host:
                flow = ctx.reacher.flow(ctx.packet(source_zone, source_host,
                                                   service.host, use))
                blocked |= not flow.reached
                firewalls += sum(1 for h in flow.hops if h.kind == "firewall")
                hops.extend(_leg(ctx, flow.path, cables, figures))
            source_zone, source_host = service.zone, service.host
        (n_i, _), (n_e, _) = counts.get(store_id, ((None, ()), (None, ())))
        found.append(LatencyPath(
            data_store=store_id, chain=tuple(s.id for s, _ in chain), hops=tuple(hops),
            latency_ms=sum(h.latency_ms for h in hops), firewalls=firewalls,
            blocked=blocked, layers_from_internet=n_i, layers_behind_entry=n_e))
    return found


def _leg(ctx: Context, path, cables, figures) -> list[LatencyHop]:
    hops = []
    site = ctx.topo.site_of
    for a, b in zip(path, path[1:]):
        if frozenset((a, b)) in cables:
            kind = "site_to_site" if (site.get(a) and site.get(b)
                                      and site[a] != site[b]) else "link"
            hops.append(LatencyHop(f"{a}>{b}", kind, figures[kind]))
        hop = DEVICE_HOPS.get(ctx.design.by_id[b].kind)
        if hop is not None and b != path[-1]:
            hops.append(LatencyHop(b, hop, figures[hop]))
    return hops
