"""Packets through the transit graph. No Qt.

A packet passes a firewall when that firewall's rules allow it; it may take
any path (an attacker picks the open one), so a flow is permitted when some
path has every firewall on it allowing the packet. Which firewalls allow a
packet does not depend on the path, so one search per (entry points, set of
allowing firewalls) answers every packet that shares them: a design with
hundreds of hosts asks few searches.
"""
from __future__ import annotations

from collections import deque
from dataclasses import dataclass
from typing import Optional

from .rules import Packet, RuleBook
from .topology import INTERNET, Topology


@dataclass(frozen=True)
class Hop:
    component: str
    kind: str
    action: str                   # "allow" / "deny" for a firewall, "pass" otherwise
    rule: Optional[int] = None    # 0-based rule line that decided; None = default


@dataclass(frozen=True)
class Flow:
    packet: Packet
    reached: bool
    path: tuple[str, ...]         # components, ends included ("" path = none drawn)
    hops: tuple[Hop, ...]         # the transit part of the path, with decisions


class Reacher:
    def __init__(self, topo: Topology, book: RuleBook) -> None:
        self.topo, self.book = topo, book
        self.all_open = (1 << len(topo.firewalls)) - 1
        self._searches: dict[tuple, dict[str, Optional[str]]] = {}
        self._layer_cache: dict[tuple, tuple[dict, dict]] = {}
        self._tadj = {v: [n for n in topo.adj.get(v, ()) if n in topo.transit]
                      for v in topo.transit}

    # -- the searches -----------------------------------------------------
    def mask(self, decisions) -> int:
        return sum(1 << i for i, (allowed, _) in enumerate(decisions) if allowed)

    def search(self, starts: tuple[str, ...], mask: int) -> dict[str, Optional[str]]:
        """Transit vertices a packet entering at `starts` gets through, each
        with the vertex it came from (breadth first: fewest hops)."""
        key = (starts, mask)
        found = self._searches.get(key)
        if found is not None:
            return found
        index = self.topo.fw_index
        parents: dict[str, Optional[str]] = {}
        queue = deque()
        for start in starts:
            if start not in parents and (start not in index or mask >> index[start] & 1):
                parents[start] = None
                queue.append(start)
        while queue:
            vertex = queue.popleft()
            for near in self._tadj[vertex]:
                if near not in parents and (near not in index or mask >> index[near] & 1):
                    parents[near] = vertex
                    queue.append(near)
        self._searches[key] = parents
        return parents

    def starts(self, packet: Packet) -> tuple[str, ...]:
        if packet.source_host is not None:
            return tuple(dict.fromkeys(t for _, t in self.topo.attach[packet.source_host]))
        if packet.source_zone == INTERNET:
            return tuple(self.topo.internets)
        return tuple(self.topo.zone_starts(packet.source_zone))

    def targets(self, packet: Packet) -> list[tuple[str, str]]:
        """(transit vertex, own end) where the packet is delivered."""
        if packet.destination_host is not None:
            return [(t, own) for own, t in self.topo.attach[packet.destination_host]]
        if packet.destination_zone == INTERNET:
            return [(i, i) for i in self.topo.internets]
        return [(t, t) for t in self.topo.zone_starts(packet.destination_zone)]

    # -- answers ------------------------------------------------------------
    def reached(self, packet: Packet) -> bool:
        if self._direct(packet):
            return True
        parents = self.search(self.starts(packet), self.mask(self.book.decide(packet)))
        return any(t in parents for t, _ in self.targets(packet))

    def _direct(self, packet: Packet) -> bool:
        src, dst = packet.source_host, packet.destination_host
        return (src is not None and dst is not None and
                (src == dst or any(h == dst for _, _, h in self.topo.direct.get(src, ()))))

    def flow(self, packet: Packet, ignore_rules: bool = False) -> Flow:
        """The packet's fate with one shortest path as evidence. When it is
        blocked, the path is the one it would take with every firewall open,
        so the hop that stops it can be shown."""
        decisions = self.book.decide(packet)
        mask = self.all_open if ignore_rules else self.mask(decisions)
        if self._direct(packet):
            return Flow(packet, True, (packet.source_host, packet.destination_host), ())
        parents = self.search(self.starts(packet), mask)
        ends = [(t, own) for t, own in self.targets(packet) if t in parents]
        if not ends and not ignore_rules:
            shown = self.flow(packet, ignore_rules=True)
            return Flow(packet, False, shown.path, shown.hops)
        if not ends:
            return Flow(packet, False, (), ())
        end, own = min(ends, key=lambda pair: self._depth(parents, pair[0]))
        chain = self._walk(parents, end)
        hops = tuple(self._hop(v, decisions) for v in chain)
        path = self._source_end(packet, chain[0]) + chain
        if packet.destination_host is not None:
            path += (own,) if own == packet.destination_host else (own, packet.destination_host)
        reached = ignore_rules is False or all(h.action != "deny" for h in hops)
        return Flow(packet, reached, tuple(dict.fromkeys(path)), hops)

    def _source_end(self, packet: Packet, first: str) -> tuple[str, ...]:
        host = packet.source_host
        if host is None:
            return ()
        for own, transit in self.topo.attach[host]:
            if transit == first:
                return (host,) if own == host else (host, own)
        return (host,)

    def _hop(self, vertex: str, decisions) -> Hop:
        kind = self.topo.design.by_id[vertex].kind.value
        index = self.topo.fw_index.get(vertex)
        if index is None:
            return Hop(vertex, kind, "pass")
        allowed, rule = decisions[index]
        return Hop(vertex, kind, "allow" if allowed else "deny", rule)

    @staticmethod
    def _depth(parents, vertex) -> int:
        depth = 0
        while parents[vertex] is not None:
            vertex, depth = parents[vertex], depth + 1
        return depth

    @staticmethod
    def _walk(parents, vertex) -> tuple[str, ...]:
        chain = [vertex]
        while parents[chain[-1]] is not None:
            chain.append(parents[chain[-1]])
        return tuple(reversed(chain))

    # -- layers -------------------------------------------------------------
    def fewest_firewalls(self, starts, goal: set[str]) -> tuple[Optional[int], tuple[str, ...]]:
        """Fewest firewalls on any path from `starts` into `goal`, ignoring
        rules, and one such path."""
        cost, parents = self._layers(tuple(starts))
        reached = [v for v in goal if v in cost]
        if not reached:
            return None, ()
        best = min(reached, key=lambda v: (cost[v], v))
        return cost[best], self._walk(parents, best)

    def costs_from(self, starts) -> dict[str, int]:
        """Fewest firewalls from `starts` to every transit vertex (rules ignored)."""
        return self._layers(tuple(starts))[0]

    def _layers(self, starts: tuple[str, ...]):
        """0-1 breadth-first search: entering a firewall costs one. Cached
        per start set (one per zone in a whole analysis)."""
        found = self._layer_cache.get(starts)
        if found is not None:
            return found
        index = self.topo.fw_index
        cost: dict[str, int] = {}
        parents: dict[str, Optional[str]] = {}
        queue: deque = deque()
        for start in sorted(starts, key=lambda v: v in index):
            weight = 1 if start in index else 0
            if weight < cost.get(start, 1 << 30):
                cost[start], parents[start] = weight, None
                queue.append(start)
        while queue:
            vertex = queue.popleft()
            for near in self._tadj[vertex]:
                weight = cost[vertex] + (1 if near in index else 0)
                if weight < cost.get(near, 1 << 30):
                    cost[near], parents[near] = weight, vertex
                    (queue.append if near in index else queue.appendleft)(near)
        found = self._layer_cache[starts] = (cost, parents)
        return found
