"""The network as segmentation sees it: zones, transit vertices, hosts and
firewalls. No Qt.

Zones are the segments plus the Internet. Servers (with their NICs) are
endpoints: traffic starts or ends there but never passes through (as in
analysis/network.py). Every other network-capable component is transit;
firewalls are the transit vertices that filter. A host's zone is its segment,
else its NICs' segment, else the one zone of the switches it is cabled to.
"""
from __future__ import annotations

from collections import defaultdict
from functools import cached_property

from designer.model import Design, Kind, LinkKind
from designer.model.kinds import NETWORK_CAPABLE

INTERNET = "internet"          # the zone id of every Internet component


class Topology:
    def __init__(self, design: Design) -> None:
        self.design = design
        by_id = design.by_id
        self.adj: dict[str, list[str]] = defaultdict(list)
        for link in design.links:
            if link.kind is LinkKind.NETWORK:
                self.adj[link.source].append(link.target)
                self.adj[link.target].append(link.source)
        self.host_of: dict[str, str] = {}          # vertex -> server it belongs to
        for comp in design.components:
            if comp.kind is Kind.SERVER:
                self.host_of[comp.id] = comp.id
            elif comp.kind is Kind.NIC and comp.parent:
                parent = by_id.get(comp.parent)
                if parent is not None and parent.kind is Kind.SERVER:
                    self.host_of[comp.id] = parent.id
                else:                                # a device's NIC is part of it
                    self.adj[comp.id].append(comp.parent)
                    self.adj[comp.parent].append(comp.id)
        self.transit = {c.id for c in design.components
                        if c.kind in NETWORK_CAPABLE and c.id not in self.host_of}
        self.firewalls = sorted(c.id for c in design.components if c.kind is Kind.FIREWALL)
        self.fw_index = {f: i for i, f in enumerate(self.firewalls)}
        self.internets = [c.id for c in design.components if c.kind is Kind.INTERNET]
        self.segments = [c for c in design.components if c.kind is Kind.SEGMENT]
        self.hosts = [c.id for c in design.components if c.kind is Kind.SERVER]
        self.attach: dict[str, list[tuple[str, str]]] = {h: [] for h in self.hosts}
        self.direct: dict[str, list[tuple[str, str, str]]] = defaultdict(list)
        for vertex, host in self.host_of.items():
            for near in self.adj.get(vertex, ()):
                if near in self.transit:
                    self.attach[host].append((vertex, near))   # (own end, transit)
                elif near in self.host_of and self.host_of[near] != host:
                    self.direct[host].append((vertex, near, self.host_of[near]))
        self.zone_of: dict[str, str | None] = {}
        for vid in self.transit:
            comp = by_id[vid]
            self.zone_of[vid] = INTERNET if comp.kind is Kind.INTERNET else self._segment(vid)
        for host in self.hosts:
            self.zone_of[host] = self._host_zone(host)

    def _segment(self, vid: str) -> str | None:
        comp = self.design.by_id[vid]
        if comp.segment:
            return comp.segment
        if comp.kind is Kind.NIC and comp.parent:
            return self.design.by_id[comp.parent].segment
        return None

    def _host_zone(self, host: str) -> str | None:
        own = self.design.by_id[host].segment
        if own:
            return own
        for vertex, _ in self.attach[host]:
            if vertex != host and self.design.by_id[vertex].segment:
                return self.design.by_id[vertex].segment
        near = {self.zone_of.get(t) for _, t in self.attach[host]} - {None}
        return near.pop() if len(near) == 1 else None

    # -- zones ------------------------------------------------------------
    @cached_property
    def zone_ids(self) -> list[str]:
        """Every zone a packet can come from: the Internet (if drawn), then segments."""
        return ([INTERNET] if self.internets else []) + [s.id for s in self.segments]

    def zone_label(self, zone: str | None) -> str:
        if zone == INTERNET:
            return "Internet"
        if zone is None:
            return "no segment"
        return self.design.by_id[zone].name

    def trust(self, zone: str | None) -> str | None:
        if zone == INTERNET:
            return "internet"
        if zone is None:
            return None
        trust = self.design.by_id[zone].trust
        return trust.value if trust is not None else None

    @cached_property
    def hosts_in(self) -> dict[str | None, list[str]]:
        found: dict[str | None, list[str]] = defaultdict(list)
        for host in self.hosts:
            found[self.zone_of[host]].append(host)
        return found

    @cached_property
    def transit_in(self) -> dict[str | None, list[str]]:
        found: dict[str | None, list[str]] = defaultdict(list)
        for vid in sorted(self.transit):
            found[self.zone_of[vid]].append(vid)
        return found

    def zone_starts(self, zone: str) -> tuple[str, ...]:
        """Where a packet from anywhere in `zone` enters the transit graph."""
        found = self._starts.get(zone)
        if found is None:
            starts = [v for v in self.transit_in.get(zone, ()) if v not in self.fw_index]
            for host in self.hosts_in.get(zone, ()):
                starts.extend(t for _, t in self.attach[host])
            found = self._starts[zone] = tuple(dict.fromkeys(starts))
        return found

    @cached_property
    def _starts(self) -> dict:
        return {}

    def modeled(self, host: str) -> bool:
        return bool(self.attach.get(host) or self.direct.get(host))

    # -- islands (transit joined without a firewall) ------------------------
    @cached_property
    def islands(self) -> list[list[str]]:
        seen: set[str] = set()
        found = []
        for start in sorted(self.transit):
            if start in seen or start in self.fw_index:
                continue
            seen.add(start)
            stack, members = [start], [start]
            while stack:
                for near in self.adj.get(stack.pop(), ()):
                    if near in self.transit and near not in seen and near not in self.fw_index:
                        seen.add(near)
                        members.append(near)
                        stack.append(near)
            found.append(members)
        return found

    @cached_property
    def site_of(self) -> dict[str, str | None]:
        """The site each component sits in (None outside any site)."""
        by_id, found = self.design.by_id, {}
        for comp in self.design.components:
            cursor, site = comp, None
            for _ in range(64):                      # placement depth is small
                if cursor.kind is Kind.SITE:
                    site = cursor.id
                    break
                if not cursor.parent or cursor.parent not in by_id:
                    break
                cursor = by_id[cursor.parent]
            found[comp.id] = site
        return found
