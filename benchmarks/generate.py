"""Realistic designs of a given size, for benchmarks (engine, availability, canvas).

`generate(n_components, seed=0)` returns a valid Design with exactly
`n_components` components: several sites (each with A/B utility feeds, A/B
UPSes, two ISP uplinks, router, firewall and core-switch pairs in a network
rack), racks with A/B PDUs and a top-of-rack switch pair, dual-PSU servers on
the A/B feeds with two NICs (one per ToR switch) and RAID1 disks, and
applications made of tiers (proxy -> web -> db) whose replicas are spread over
racks and sites. Positions and container sizes come from the same layered
layout as the canvas's "Tidy up" (designer.layout, with the sizes the canvas
draws), so the design opens without overlapping cards at any zoom.
"""
from __future__ import annotations

import random

from designer.layout import laid_out
from designer.model import Component, Design, Kind, Link, LinkKind, Settings

SERVERS_PER_RACK = 24
# An application: (tier name, replicas, quorum or None) from the front to the back.
APP_TIERS = (("proxy", 2, None), ("web", 3, 2), ("db", 2, None))
SERVER_W, SERVER_H = 180.0, 90.0
RACK_COLS = 2
RACK_W = RACK_COLS * (SERVER_W + 12) + 12


def _site_count(n: int) -> int:
    return 1 if n < 400 else 2 if n < 4000 else 3 if n < 12000 else 4


class _Builder:
    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)
        self.components: list[dict] = []
        self.links: list[Link] = []

    def add(self, cid: str, kind: Kind, parent: str | None = None, **fields) -> str:
        fields.setdefault("label", cid)
        self.components.append(dict(id=cid, kind=kind, parent=parent, **fields))
        return cid

    def link(self, kind: LinkKind, source: str, target: str) -> None:
        self.links.append(Link(id=f"l{len(self.links)}", kind=kind, source=source,
                               target=target))

    def power(self, source: str, target: str) -> None:
        self.link(LinkKind.POWER, source, target)

    def net(self, a: str, b: str) -> None:
        self.link(LinkKind.NETWORK, a, b)


def _device_with_psus(b: _Builder, cid: str, kind: Kind, parent: str, x: float,
                      y: float, feeds: tuple[str, str]) -> str:
    b.add(cid, kind, parent, x=x, y=y)
    for i, feed in enumerate(feeds):
        psu = b.add(f"{cid}-psu{i}", Kind.PSU, cid, label=f"PSU {i + 1}")
        b.power(feed, psu)
    return cid


def _site(b: _Builder, s: int, internet: str, x: float) -> dict:
    site = b.add(f"s{s}", Kind.SITE, None, x=x, y=160)
    feeds = [b.add(f"s{s}-feed{ab}", Kind.UTILITY_FEED, site) for ab in "AB"]
    upses = [b.add(f"s{s}-ups{ab}", Kind.UPS, site) for ab in "AB"]
    for feed, ups in zip(feeds, upses):
        b.power(feed, ups)
    uplinks = [b.add(f"s{s}-isp{i}", Kind.ISP_UPLINK, site) for i in range(2)]
    for i, uplink in enumerate(uplinks):
        b.power(upses[i], uplink)
        b.net(uplink, internet)
    netrack = b.add(f"s{s}-net", Kind.RACK, site, x=20, y=110, width=RACK_W, height=170)
    pdus = _pdus(b, netrack, upses)
    pairs = {}
    for row, (role, kind) in enumerate((("rtr", Kind.ROUTER), ("fw", Kind.FIREWALL),
                                        ("core", Kind.SWITCH))):
        pairs[role] = [_device_with_psus(b, f"s{s}-{role}{i}", kind, netrack,
                                         200 + i * 95, 10 + row * 50, pdus)
                       for i in range(2)]
    for upper, lower in (("rtr", "fw"), ("fw", "core")):
        for a in pairs[upper]:
            for c in pairs[lower]:
                b.net(a, c)
    for rtr, uplink in zip(pairs["rtr"], uplinks):
        b.net(rtr, uplink)
    b.net(pairs["core"][0], pairs["core"][1])
    return dict(id=site, upses=upses, core=pairs["core"], racks=[])


def _pdus(b: _Builder, rack: str, upses: list[str]) -> tuple[str, str]:
    pdus = []
    for i, ups in enumerate(upses):
        pdu = b.add(f"{rack}-pdu{'AB'[i]}", Kind.PDU, rack)
        b.power(ups, pdu)
        pdus.append(pdu)
    return pdus[0], pdus[1]


def _rack(b: _Builder, site: dict, r: int, servers: int) -> dict:
    rows = (servers + RACK_COLS - 1) // RACK_COLS
    rack = b.add(f"{site['id']}-r{r}", Kind.RACK, site["id"], x=20 + (r + 1) * (RACK_W + 20),
                 y=110, width=RACK_W, height=70 + rows * (SERVER_H + 10))
    pdus = _pdus(b, rack, site["upses"])
    tors = [_device_with_psus(b, f"{rack}-tor{i}", Kind.SWITCH, rack, 200 + i * 95, 10,
                              pdus) for i in range(2)]
    for tor in tors:
        for core in site["core"]:
            b.net(tor, core)
    info = dict(id=rack, pdus=pdus, tors=tors, free=servers, used=0)
    site["racks"].append(info)
    return info


def _server(b: _Builder, rack: dict, extra_disks: int) -> str:
    slot = rack["used"]
    rack["used"] += 1
    rack["free"] -= 1
    sid = f"{rack['id']}-h{slot}"
    b.add(sid, Kind.SERVER, rack["id"], x=12 + (slot % RACK_COLS) * (SERVER_W + 12),
          y=60 + (slot // RACK_COLS) * (SERVER_H + 10), width=SERVER_W, height=SERVER_H,
          raid="raid1")
    # Chips: the canvas lays them along the host's edge; labels as printed on the box.
    parts = [(f"{sid}-psu{i}", Kind.PSU, f"PSU {i + 1}") for i in range(2)]
    parts += [(f"{sid}-nic{i}", Kind.NIC, f"eth{i}") for i in range(2)]
    parts += [(f"{sid}-disk{i}", Kind.DISK, f"sd{'abcdefgh'[i]}")
              for i in range(2 + extra_disks)]
    for cid, kind, label in parts:
        b.add(cid, kind, sid, label=label)
    for i in range(2):
        b.power(rack["pdus"][i], f"{sid}-psu{i}")
        b.net(f"{sid}-nic{i}", rack["tors"][i])
    return sid


SITE_COST = 1 + 6 + 1 + 2 + 6 * 3      # site, feeds/UPS/uplinks, net rack, PDUs, 6 devices
RACK_COST = 1 + 2 + 6                  # rack, PDUs, two ToR switches with two PSUs each
SERVER_COST = 1 + 2 + 2 + 2 + 1        # server, PSUs, NICs, disks, service
APP_SERVERS = sum(replicas for _, replicas, _ in APP_TIERS)
APP_COST = len(APP_TIERS) + APP_SERVERS * SERVER_COST


def _plan(n: int) -> tuple[int, int, int]:
    """(sites, apps, racks per site) that fit in n components."""
    sites = _site_count(n)
    budget = n - 1 - sites * SITE_COST
    apps = 0
    while True:
        servers = (apps + 1) * APP_SERVERS
        racks = max(1, -(-servers // (SERVERS_PER_RACK * sites)))
        if (apps + 1) * APP_COST + racks * sites * RACK_COST > budget:
            break
        apps += 1
    servers = max(apps, 1) * APP_SERVERS
    return sites, apps, max(1, -(-servers // (SERVERS_PER_RACK * sites)))


def generate(n_components: int, seed: int = 0) -> Design:
    """A valid design with exactly `n_components` components (at least 100)."""
    if n_components < 100:
        raise ValueError("generate() needs at least 100 components")
    sites_n, apps, racks_per_site = _plan(n_components)
    b = _Builder(seed)
    internet = b.add("internet", Kind.INTERNET, None, x=40, y=20)
    site_w = (racks_per_site + 1) * (RACK_W + 20) + 40
    sites = [_site(b, s, internet, 240 + s * (site_w + 60)) for s in range(sites_n)]
    for site in sites:
        for r in range(racks_per_site):
            _rack(b, site, r, SERVERS_PER_RACK)
        height = 140 + max(r["used"] + r["free"] for r in site["racks"]) // RACK_COLS * 100
        _resize(b, site["id"], site_w, height + 200)
    for a in range(sites_n - 1):
        b.net(sites[a]["core"][0], sites[a + 1]["core"][1])
    spare = n_components - len(b.components) - apps * APP_COST
    _applications(b, sites, apps, spare)
    settings = Settings(name=f"Generated {n_components} (seed {seed})")
    return laid_out(Design(settings=settings, links=tuple(b.links),
                           components=tuple(Component(**c) for c in b.components)))


def with_copies(design: Design, *places: str) -> Design:
    """`design` with each of `places` (a site or rack) copied beside it, as
    the cost plan's "second site" and "second rack" candidates copy them."""
    # Imported here: the cost plan's package (numpy and the analysis) would
    # add 0.2 s to every import of the generator.
    from designer.analysis.mitigation.generators import second_place
    from designer.model.patch import apply_patch
    for place in places:
        [candidate] = second_place(design, place, set())
        design = apply_patch(design, candidate.patch)
    return design


def _resize(b: _Builder, cid: str, width: float, height: float) -> None:
    for comp in b.components:
        if comp["id"] == cid:
            comp.update(width=width, height=height)
            return


def _applications(b: _Builder, sites: list[dict], apps: int, spare: int) -> None:
    """Tiers of replicas spread round-robin over sites and racks; each service
    of a tier depends on the next tier back. `spare` components are made up
    with extra RAID1 disks (harmless to the analysis)."""
    slots = [rack for rack_row in zip(*[s["racks"] for s in sites]) for rack in rack_row]
    turn = 0
    for a in range(apps):
        tiers: list[tuple[str, list[str]]] = []
        for t, (name, replicas, quorum) in enumerate(APP_TIERS):
            tier = b.add(f"app{a}-{name}", Kind.TIER, None, quorum=quorum, entry=(t == 0))
            services = []
            for _ in range(replicas):
                extra = min(2, spare)
                spare -= extra
                host = _server(b, _next_rack(slots, turn), extra)
                turn += 1
                role = "database" if name == "db" else name
                services.append(b.add(f"{host}-svc", Kind.SERVICE, host, tier=tier,
                                      role=role, label=f"{name} {a}.{len(services) + 1}"))
            tiers.append((tier, services))
        for (_, services), (back_tier, _) in zip(tiers, tiers[1:]):
            for svc in services:
                b.link(LinkKind.DEPENDENCY, svc, back_tier)


def _next_rack(slots: list[dict], turn: int) -> dict:
    for step in range(len(slots)):
        rack = slots[(turn + step) % len(slots)]
        if rack["free"] > 0:
            return rack
    raise RuntimeError("generate(): no rack space left (plan is wrong)")
