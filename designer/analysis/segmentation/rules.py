"""Firewall rules compiled for fast matching, and packets. No Qt.

A rule side is "any", a zone (a segment or the Internet) or a set of hosts
(a tier or a service stands for the servers that run it, as an address group
does on a real firewall). First match wins; no match falls to the firewall's
default action (deny unless the firewall says otherwise).
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

from designer.model import Kind

from .topology import INTERNET, Topology

# Well-known ports whose service speaks UDP; every other service port is TCP.
UDP_PORTS = frozenset({53, 67, 68, 69, 123, 161, 162, 514, 623})
ALL_PROTOCOLS = frozenset({"tcp", "udp", "icmp"})


def protocol_of(port: int) -> str:
    return "udp" if port in UDP_PORTS else "tcp"


@dataclass(frozen=True)
class Side:
    """What one side of a rule matches: everything, one zone, or hosts."""
    spec: str                               # as written: "any" or an id
    zone: Optional[str] = None
    hosts: Optional[frozenset[str]] = None

    @property
    def any(self) -> bool:
        return self.zone is None and self.hosts is None

    def matches(self, zone: Optional[str], host: Optional[str]) -> bool:
        if self.zone is not None:
            return zone == self.zone
        if self.hosts is not None:
            return host in self.hosts
        return True


@dataclass(frozen=True)
class Rule:
    firewall: str
    index: int                              # 0-based line in the firewall
    source: Side
    destination: Side
    protocols: frozenset[str]
    low: int
    high: int
    allow: bool

    def matches(self, packet: "Packet") -> bool:
        return (packet.protocol in self.protocols and self.low <= packet.port <= self.high
                and self.source.matches(packet.source_zone, packet.source_host)
                and self.destination.matches(packet.destination_zone,
                                             packet.destination_host))


@dataclass(frozen=True)
class Packet:
    protocol: str
    source_zone: Optional[str]
    source_host: Optional[str]              # None: any address in the zone
    destination_zone: Optional[str]
    destination_host: Optional[str]         # None: the Internet or a zone address
    port: int


class RuleBook:
    """Every firewall's compiled rules; `decide` gives (allowed, rule index)."""

    def __init__(self, topo: Topology) -> None:
        self.topo = topo
        design = topo.design
        self._host_sets = self._named_host_sets()
        self.rules: dict[str, list[Rule]] = {}
        self.default_allow: dict[str, bool] = {}
        for fw in topo.firewalls:
            comp = design.by_id[fw]
            self.default_allow[fw] = not comp.default_deny
            self.rules[fw] = [self._compile(fw, i, r) for i, r in enumerate(comp.rules)]
        named = {s for rules in self.rules.values() for r in rules
                 for s in (r.source, r.destination) if r.source.hosts is not None
                 or r.destination.hosts is not None}
        self.signature: dict[str, frozenset[str]] = {
            h: frozenset(s.spec for s in named if s.hosts is not None and h in s.hosts)
            for h in topo.hosts}
        self._cache: dict[tuple, tuple[tuple[bool, Optional[int]], ...]] = {}

    def _named_host_sets(self) -> dict[str, frozenset[str]]:
        """Tier and service ids -> the servers that run them."""
        design, sets = self.topo.design, {}
        tiers: dict[str, set[str]] = {}
        for comp in design.components:
            if comp.kind is Kind.SERVICE and comp.parent:
                sets[comp.id] = frozenset({comp.parent})
                if comp.tier:
                    tiers.setdefault(comp.tier, set()).add(comp.parent)
        for comp in design.components:
            if comp.kind is Kind.TIER:
                sets[comp.id] = frozenset(tiers.get(comp.id, ()))
        return sets

    def side(self, spec: str) -> Side:
        if spec == "any":
            return Side(spec)
        comp = self.topo.design.by_id.get(spec)
        if comp is None:
            return Side(spec, hosts=frozenset())          # matches nothing
        if comp.kind is Kind.INTERNET:
            return Side(spec, zone=INTERNET)
        if comp.kind is Kind.SEGMENT:
            return Side(spec, zone=spec)
        return Side(spec, hosts=self._host_sets.get(spec, frozenset()))

    def _compile(self, fw: str, index: int, rule) -> Rule:
        protocols = ALL_PROTOCOLS if rule.protocol == "any" else frozenset({rule.protocol})
        low, high = rule.ports
        if protocols == {"icmp"}:
            low, high = 1, 65535                           # ICMP has no ports
        return Rule(fw, index, self.side(rule.source), self.side(rule.destination),
                    protocols, low, high, rule.action == "allow")

    def decide_one(self, fw: str, packet: Packet) -> tuple[bool, Optional[int]]:
        for rule in self.rules[fw]:
            if rule.matches(packet):
                return rule.allow, rule.index
        return self.default_allow[fw], None

    def decide(self, packet: Packet) -> tuple[tuple[bool, Optional[int]], ...]:
        """Each firewall's (allowed, matching rule index or None for default),
        in topology order. Hosts named by the same rules share one answer."""
        key = (packet.protocol, packet.port, packet.source_zone,
               self.signature.get(packet.source_host, packet.source_host),
               packet.destination_zone,
               self.signature.get(packet.destination_host, packet.destination_host))
        found = self._cache.get(key)
        if found is None:
            found = self._cache[key] = tuple(self.decide_one(fw, packet)
                                             for fw in self.topo.firewalls)
        return found
