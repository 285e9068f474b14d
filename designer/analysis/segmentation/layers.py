"""Checks over the shape of the network (ANALYSIS.md section 6, checks 9 and
10) and the one no rule-based tool makes: a firewall that is both a single
point of failure and the only filtering hop in front of a data store. No Qt.
"""
from __future__ import annotations

from itertools import combinations

from .context import Context, facts, make
from .result import Evidence, Finding, Remedy
from .topology import INTERNET

MIN_LAYERS = 2


def store_goal(ctx: Context, host: str) -> set[str]:
    return {t for _, t in ctx.topo.attach[host]}


def layer_counts(ctx: Context) -> dict[str, tuple]:
    """Data store id -> (fewest firewalls from the Internet, a path; fewest
    from a public entry zone, a path), rules ignored."""
    found = {}
    entry_starts = tuple(v for z in ctx.entry_zones for v in ctx.topo.zone_starts(z))
    for store in ctx.data_stores:
        goal = store_goal(ctx, store.host)
        if not goal:
            continue
        internet = (ctx.reacher.fewest_firewalls(ctx.topo.internets, goal)
                    if ctx.topo.internets else (None, ()))
        if store.zone in ctx.entry_zones:
            entry = (0, tuple(sorted(goal))[:1])
        else:
            entry = (ctx.reacher.fewest_firewalls(entry_starts, goal)
                     if entry_starts else (None, ()))
        found[store.id] = (internet, entry)
    return found


def layers(ctx: Context, counts) -> list[Finding]:
    """9: fewer than two firewalls between the Internet and a data store; a
    data store in the zone where the public entry lives has none left."""
    found = []
    for store in ctx.data_stores:
        if store.id not in counts:
            continue
        (n_internet, path_i), (n_entry, path_e) = counts[store.id]
        if n_entry == 0:
            severity, n, path = "critical", 0, path_e
        elif n_internet is not None and n_internet < MIN_LAYERS:
            severity, n, path = ("high" if n_internet == 0 else "medium"), n_internet, path_i
        else:
            continue
        fws = [v for v in path if v in ctx.topo.fw_index]
        found.append(make(
            "too-few-layers", store.id, severity, [store.id, store.host, store.zone, *fws],
            evidence=Evidence(path=path + (store.host,)),
            facts=facts(service=store.id, zone=ctx.name(store.zone), layers=n,
                        from_internet="" if n_internet is None else n_internet,
                        from_entry="" if n_entry is None else n_entry,
                        in_entry_zone=str(n_entry == 0).lower()),
            remedies=(Remedy("new_segment", store.host, "data"),)))
    return found


def joined_segments(ctx: Context) -> list[Finding]:
    """10: two zones in one island of transit (switches, routers, ...) with
    no firewall between them."""
    topo, found = ctx.topo, []
    for island in topo.islands:
        members: dict[str, list[str]] = {}
        for vertex in island:
            if topo.zone_of.get(vertex) is not None:
                members.setdefault(topo.zone_of[vertex], []).append(vertex)
        inside = set(island)
        for host in topo.hosts:
            zone = topo.zone_of[host]
            if zone is not None and any(t in inside for _, t in topo.attach[host]):
                members.setdefault(zone, []).append(host)
        for a, b in combinations(sorted(members, key=lambda z: (z != INTERNET, z)), 2):
            trusts = {ctx.trust(a), ctx.trust(b)}
            severity = ("critical" if INTERNET in (a, b) and "data" in trusts else
                        "high" if len(trusts) > 1 else "medium")
            found.append(make(
                "segments-joined", f"{a}+{b}", severity, [a, b, *members[a][:3],
                                                          *members[b][:3]],
                evidence=Evidence(path=(members[a][0], members[b][0])),
                facts=facts(first=ctx.name(a), second=ctx.name(b),
                            via=ctx.name(members[a][0])),
                remedies=(Remedy("new_segment", b, ctx.trust(b) or ""),)))
    return found


def spof_sole_firewall(ctx: Context, spofs: frozenset[str], counts) -> list[Finding]:
    """A firewall that is a SPOF and the only filtering hop between the
    Internet and a data store: one box both keeps the data available and
    keeps attackers out."""
    if not ctx.topo.internets or not spofs:
        return []
    from_internet = ctx.reacher.costs_from(ctx.topo.internets)
    found = []
    for store in ctx.data_stores:
        (n_internet, _), _ = counts.get(store.id, ((None, ()), None))
        if n_internet != 1:
            continue
        from_store = ctx.reacher.costs_from(tuple(sorted(store_goal(ctx, store.host))))
        for fw in ctx.topo.firewalls:
            if fw in spofs and from_internet.get(fw) == 1 and from_store.get(fw) == 1:
                found.append(make(
                    "spof-sole-firewall", f"{fw}>{store.id}", "high",
                    [fw, store.id, store.host, store.zone],
                    facts=facts(firewall=fw, service=store.id),
                    remedies=(Remedy("ha_pair", fw), Remedy("new_segment", store.host,
                                                            "data"))))
    return found
