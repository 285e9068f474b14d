"""Design -> structure function: one boolean circuit for "the system is up".

Basic events are the components' own failures, named by component id; a
shared cause (a site, a feed, a switch) is one event that many gates use.
Semantics: ANALYSIS.md section 2, with the decisions written in
docs/analysis.md. Placement and power live in power.py, network paths in
network.py; this module adds storage, services, tiers, entry points and the
goal, and collects the "not modeled" notes.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from designer.model import Design, Kind, RaidLevel
from designer.model.kinds import ANNOTATIONS, NEVER_FAIL

from .ir import Circuit
from .network import Network
from .power import Power
from .result import Note
from .services import Services


@dataclass
class Compiled:
    circuit: Circuit
    event_of: dict[str, str]            # failable component id -> basic event name
    up: dict[str, int]                  # component id -> gate "it works / is up"
    entries: dict[str, int]             # entry point id -> gate "up for users"
    entry_points: list[str]
    services: list[str]
    tiers: list[str]
    notes: list[Note] = field(default_factory=list)
    not_modeled: list[str] = field(default_factory=list)


def compile_design(design: Design) -> Compiled:
    compiler = _Compiler(design)
    try:
        return compiler.run()
    finally:
        # Its power and network helpers hold its bound methods: without
        # this, each compile left a cycle for the collector (11,298
        # objects at 5,000 components), which analyses pause.
        compiler.power = compiler.net = None


class _Compiler:
    def __init__(self, design: Design) -> None:
        self.design = design
        self.c = Circuit()
        self.notes: list[Note] = []
        self.not_modeled: list[str] = []
        self.power = Power(design, self.c, self.note)
        self.net = Network(design, self.c, self.works)
        self.disks: dict[str, list[str]] = {}
        for comp in design.components:
            if comp.kind is Kind.DISK and comp.parent:
                self.disks.setdefault(comp.parent, []).append(comp.id)
        self._works: dict[str, int] = {}

    def note(self, cid: str, message: str, not_modeled: bool = False) -> None:
        self.notes.append(Note(cid, message))
        if not_modeled and cid and cid not in self.not_modeled:
            self.not_modeled.append(cid)

    def works(self, cid: str) -> int:
        """Gate: component cid is intact, powered and (servers) has its storage."""
        found = self._works.get(cid)
        if found is None:
            found = self._works[cid] = self._works_gate(cid)
        return found

    def _works_gate(self, cid: str) -> int:
        kind = self.design.by_id[cid].kind
        if kind in (Kind.UTILITY_FEED, Kind.GENERATOR, Kind.UPS, Kind.PDU, Kind.PSU):
            return self.power.supply(cid)
        parts = [self.power.intact(cid), self.power.powered(cid)]
        if kind is Kind.SERVER and cid in self.disks:
            parts.append(self._storage(cid))
        return self.c.and_(parts)

    def _storage(self, server: str) -> int:
        """k of n disks by RAID level; unset means plain disks (all needed)."""
        disks = [self.power.intact(d) for d in self.disks[server]]
        level = self.design.by_id[server].raid or RaidLevel.NONE
        n = len(disks)
        if level is RaidLevel.RAID1:
            return self.c.or_(disks)
        if level is RaidLevel.RAID5:
            return self.c.atleast(max(n - 1, 1), disks)
        if level is RaidLevel.RAID6:
            return self.c.atleast(max(n - 2, 1), disks)
        if level is RaidLevel.RAID10:   # mirror pairs in drawing order; a lone disk alone
            return self.c.and_(self.c.or_(disks[i:i + 2]) for i in range(0, n, 2))
        return self.c.and_(disks)

    def run(self) -> Compiled:
        d = self.design
        services = Services(d, self.c, self.works, self.power.intact, self.net, self.note)
        up = {}
        for comp in d.components:
            if comp.kind in ANNOTATIONS or comp.kind is Kind.SEGMENT:
                continue
            if comp.kind is Kind.SERVICE:
                up[comp.id] = services.up(comp.id)
            elif comp.kind is Kind.TIER:
                up[comp.id] = services.quorum(comp.id)
            elif comp.kind is Kind.INTERNET:
                up[comp.id] = self.c.const(True)
            else:
                up[comp.id] = self.works(comp.id)
        entries = services.entries()
        self.c.top = self.c.and_(entries.values())
        self._network_notes(services.hosts())
        events = {c.id: c.id for c in d.components if c.kind not in NEVER_FAIL}
        return Compiled(
            circuit=self.c, event_of=events, up=up, entries=entries,
            entry_points=list(entries), services=services.service_ids,
            tiers=services.tier_ids, notes=self.notes, not_modeled=self.not_modeled)

    def _network_notes(self, hosts: list[str]) -> None:
        if not self.net.internets and hosts:
            self.note("", "no Internet drawn: users are assumed to reach every entry point")
        for host in hosts:
            if not self.net.modeled(host):
                self.note(host, "network not modeled: assumed reachable", not_modeled=True)
