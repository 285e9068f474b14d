"""Everything the checks share for one design: topology, rules, the packet
searcher and the services with their hosts and zones. No Qt."""
from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from designer.model import Design, Kind, LinkKind, ServiceRole

from .reach import Flow, Reacher
from .result import Evidence, Finding, RuleRef
from .rules import Packet, RuleBook, protocol_of
from .topology import INTERNET, Topology

UNTRUSTED = ("internet", "dmz")


@dataclass(frozen=True)
class Service:
    id: str
    host: str
    zone: str | None
    role: str | None
    ports: tuple[int, ...]
    public: bool
    tier: str | None


class Context:
    def __init__(self, design: Design) -> None:
        self.design = design
        self.topo = Topology(design)
        self.book = RuleBook(self.topo)
        self.reacher = Reacher(self.topo, self.book)

    @cached_property
    def services(self) -> list[Service]:
        found = []
        for comp in self.design.components:
            if comp.kind is Kind.SERVICE and comp.parent in self.topo.attach:
                found.append(Service(comp.id, comp.parent, self.topo.zone_of[comp.parent],
                                     comp.role.value if comp.role else None,
                                     tuple(dict.fromkeys(comp.ports)), comp.public,
                                     comp.tier))
        return found

    @cached_property
    def service_by_id(self) -> dict[str, Service]:
        return {s.id: s for s in self.services}

    @cached_property
    def data_stores(self) -> list[Service]:
        return [s for s in self.services if s.role == ServiceRole.DATABASE.value]

    @cached_property
    def tier_members(self) -> dict[str, list[Service]]:
        found: dict[str, list[Service]] = {}
        for service in self.services:
            if service.tier:
                found.setdefault(service.tier, []).append(service)
        return found

    @cached_property
    def entry_zones(self) -> list[str]:
        """Zones holding a public service: where an attacker lands first."""
        zones = {s.zone for s in self.services if s.public and s.zone is not None}
        return [z for z in self.topo.zone_ids if z in zones]

    def dependencies(self) -> list[tuple[Service, Service, int | None]]:
        """Required flows: (client, server, port or None for each declared port)."""
        found = []
        for link in self.design.links_of(LinkKind.DEPENDENCY):
            client = self.service_by_id.get(link.source)
            if client is None:
                continue
            target = self.design.by_id[link.target]
            servers = (self.tier_members.get(target.id, []) if target.kind is Kind.TIER
                       else [self.service_by_id[target.id]]
                       if target.id in self.service_by_id else [])
            found.extend((client, server, link.port) for server in servers)
        return found

    def host_groups(self, hosts) -> list[list[str]]:
        """Hosts that every packet treats alike, as source or destination:
        same zone, same rule names, same transit neighbours, no direct cable."""
        groups: dict[tuple, list[str]] = {}
        for host in hosts:
            if self.topo.direct.get(host):
                key: tuple = (host,)
            else:
                key = (self.topo.zone_of[host], self.book.signature.get(host),
                       tuple(sorted({t for _, t in self.topo.attach[host]})))
            groups.setdefault(key, []).append(host)
        return list(groups.values())

    # -- packets ------------------------------------------------------------
    def packet(self, source_zone, source_host, destination_host, port,
               destination_zone=None) -> Packet:
        zone = (self.topo.zone_of.get(destination_host) if destination_host
                else destination_zone)
        return Packet(protocol_of(port), source_zone, source_host, zone,
                      destination_host, port)

    def from_internet(self, host: str, port: int) -> Packet:
        return self.packet(INTERNET, None, host, port)

    def evidence(self, flow: Flow) -> Evidence:
        return Evidence(path=flow.path, hops=flow.hops, packet=flow.packet)

    def rule_refs(self, flow: Flow, action: str | None = None) -> tuple[RuleRef, ...]:
        """The rule lines that decided the hops of `flow` (optionally only
        those that allowed or denied)."""
        return tuple(RuleRef(h.component, h.rule) for h in flow.hops
                     if h.rule is not None and (action is None or h.action == action))

    def trust(self, zone) -> str | None:
        return self.topo.trust(zone)

    def name(self, cid: str | None) -> str:
        if cid is None:
            return "no segment"
        if cid == INTERNET:
            return "Internet"
        comp = self.design.by_id.get(cid)
        return comp.name if comp is not None else cid


def make(check: str, subject: str, severity: str, targets, **extra) -> Finding:
    """A finding with its stable id `check@subject`: the subject names only
    what the finding is about (ids, ports), never positions or labels, so an
    acceptance survives unrelated edits."""
    return Finding(id=f"{check}@{subject}", check=check, severity=severity,
                   targets=tuple(dict.fromkeys(t for t in targets if t)), **extra)


def facts(**values) -> tuple[tuple[str, str], ...]:
    return tuple((k, str(v)) for k, v in values.items())
