"""Random small designs for the engine-versus-oracle tests.

Everything the structure function looks at appears: sites and racks, feeds,
generators, UPSes and PDUs in chains, PSUs (sometimes without input), devices
powered directly or not at all, servers with NICs into switches (or cabled
directly, or not cabled), RAID levels, routers and firewalls, uplinks to the
Internet (sometimes missing), tiers with quorums, dependencies (now and then
a cycle) and marked entry points. Choices come from a hypothesis-controlled
Random so failures shrink towards fewer choices.
"""
from __future__ import annotations

from hypothesis import strategies as st

from designer.model import Component, Design, Kind, Link, LinkKind

RAIDS = [None, "none", "raid0", "raid1", "raid5", "raid6", "raid10"]


class _Draft:
    def __init__(self, rng) -> None:
        self.rng = rng
        self.comps: list[Component] = []
        self.links: list[Link] = []

    def add(self, kind: Kind, parent=None, **fields) -> str:
        cid = f"{kind.value}{len(self.comps)}"
        self.comps.append(Component(id=cid, kind=kind, parent=parent, **fields))
        return cid

    def link(self, kind: LinkKind, a: str, b: str) -> None:
        self.links.append(Link(id=f"l{len(self.links)}", kind=kind, source=a, target=b))

    def some(self, items: list, most: int) -> list:
        if not items:
            return []
        return self.rng.sample(items, self.rng.randint(0, min(most, len(items))))


def build_design(rng) -> Design:
    d = _Draft(rng)
    internet = d.add(Kind.INTERNET) if rng.random() < 0.85 else None
    sites = [d.add(Kind.SITE) for _ in range(rng.randint(1, 2))]
    places = sites + [d.add(Kind.RACK, rng.choice(sites)) for _ in range(rng.randint(0, 2))]
    sources = [d.add(rng.choice([Kind.UTILITY_FEED, Kind.UTILITY_FEED, Kind.GENERATOR]),
                     rng.choice(sites)) for _ in range(rng.randint(0, 2))]
    for kind in (Kind.UPS, Kind.PDU):
        for _ in range(rng.randint(0, 1)):
            box = d.add(kind, rng.choice(places))
            for src in d.some(sources, 2):
                d.link(LinkKind.POWER, src, box)
            sources.append(box)
    net = _network(d, internet, sites, places, sources)
    hosts = [_server(d, places, sources, net) for _ in range(rng.randint(1, 3))]
    _software(d, hosts)
    return Design(components=tuple(d.comps), links=tuple(d.links))


def _powered_device(d: _Draft, kind: Kind, parent: str, sources: list[str]) -> str:
    cid = d.add(kind, parent)
    style = d.rng.random()
    if style < 0.3 and kind is not Kind.ISP_UPLINK:
        for _ in range(d.rng.randint(1, 2)):
            psu = d.add(Kind.PSU, cid)
            for src in d.some(sources, 2):
                d.link(LinkKind.POWER, src, psu)
    elif style < 0.7:
        for src in d.some(sources, 2):
            d.link(LinkKind.POWER, src, cid)
    return cid


def _network(d: _Draft, internet, sites, places, sources) -> list[str]:
    rng = d.rng
    core = []
    for _ in range(rng.randint(0, 2)):
        uplink = _powered_device(d, Kind.ISP_UPLINK, rng.choice(sites), sources)
        if internet and rng.random() < 0.9:
            d.link(LinkKind.NETWORK, uplink, internet)
        core.append(uplink)
    for _ in range(rng.randint(0, 3)):
        kind = rng.choice([Kind.SWITCH, Kind.SWITCH, Kind.ROUTER, Kind.FIREWALL,
                           Kind.LOAD_BALANCER])
        device = _powered_device(d, kind, rng.choice(places), sources)
        if kind is not Kind.SWITCH and rng.random() < 0.3:    # a device with NICs
            for _ in range(2):
                nic = d.add(Kind.NIC, device)
                if core:
                    d.link(LinkKind.NETWORK, nic, rng.choice(core))
        else:
            for other in d.some(core, 2):
                d.link(LinkKind.NETWORK, device, other)
        core.append(device)
    return core


def _server(d: _Draft, places, sources, core) -> str:
    rng = d.rng
    host = _powered_device(d, Kind.SERVER, rng.choice(places), sources)
    nics = [d.add(Kind.NIC, host) for _ in range(rng.choice([0, 1, 1, 2]))]
    ends = nics or [host]
    for end in ends:
        for target in d.some(core, 2):
            d.link(LinkKind.NETWORK, end, target)
    disks = rng.randint(0, 3)
    for _ in range(disks):
        d.add(Kind.DISK, host)
    raid = rng.choice(RAIDS)
    if raid:
        _update(d, host, raid=raid)
    return host


def _software(d: _Draft, hosts: list[str]) -> None:
    rng = d.rng
    tiers = [d.add(Kind.TIER) for _ in range(rng.randint(0, 2))]
    services = []
    for _ in range(rng.randint(0, 4)):
        tier = rng.choice(tiers) if tiers and rng.random() < 0.6 else None
        services.append(d.add(Kind.SERVICE, rng.choice(hosts), tier=tier))
    for t in tiers:
        size = sum(1 for s in services if d.comps[_at(d, s)].tier == t)
        if size and rng.random() < 0.5:
            _update(d, t, quorum=rng.randint(1, size))
    for i, s in enumerate(services):
        later = services[i + 1:] + tiers
        if rng.random() < 0.1:
            later = services + tiers       # may close a cycle
        for target in d.some([x for x in later if x != s], 2):
            d.link(LinkKind.DEPENDENCY, s, target)
    if rng.random() < 0.2 and services + tiers:
        _update(d, rng.choice(services + tiers), entry=True)


def _at(d: _Draft, cid: str) -> int:
    return next(i for i, c in enumerate(d.comps) if c.id == cid)


def _update(d: _Draft, cid: str, **fields) -> None:
    i = _at(d, cid)
    d.comps[i] = Component.model_validate({**d.comps[i].model_dump(), **fields})


designs = st.builds(build_design, st.randoms(use_true_random=False))


class Sketch:
    """Hand-written designs for named cases: `s.add("web-1", "server", parent=...)`,
    `s.power("feed-a", "psu-1")`, `s.net("nic-1", "sw-1")`, `s.needs("web", "db")`."""

    def __init__(self) -> None:
        self.comps: list[dict] = []
        self.links: list[Link] = []

    def add(self, cid: str, kind: str, parent: str | None = None, **fields) -> "Sketch":
        self.comps.append(dict(id=cid, kind=kind, parent=parent, **fields))
        return self

    def _link(self, kind: LinkKind, a: str, b: str) -> "Sketch":
        self.links.append(Link(id=f"l{len(self.links)}", kind=kind, source=a, target=b))
        return self

    def power(self, source: str, *targets: str) -> "Sketch":
        for target in targets:
            self._link(LinkKind.POWER, source, target)
        return self

    def net(self, a: str, *others: str) -> "Sketch":
        for b in others:
            self._link(LinkKind.NETWORK, a, b)
        return self

    def needs(self, service: str, target: str) -> "Sketch":
        return self._link(LinkKind.DEPENDENCY, service, target)

    def design(self) -> Design:
        return Design(components=tuple(Component(**c) for c in self.comps),
                      links=tuple(self.links))
