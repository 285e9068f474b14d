"""Network reachability as circuit gates (ANALYSIS.md section 2, "network").

The graph holds every network-capable component plus each device joined to its
NICs. Servers and their NICs are endpoints: a path may start or end at one but
never pass through it (a host does not route between its NICs). Every other
vertex (Internet, uplinks, routers, firewalls, load balancers, switches, NICs
of those devices) is transit.

So any path from host A to host B is: a vertex of A, then transit vertices
only, then a vertex of B (or a direct cable between A and B). We therefore
compile reachability as ORs over the hosts' attachment points of one small
`conn(u, v)` gate per pair of transit vertices: a REACH gate over the transit
graph alone, shared by every host pair that attaches there. This keeps the
circuit small (a rack of servers shares its top-of-rack pair) and lets the
evaluators run one graph search per source vertex.
"""
from __future__ import annotations

from collections import defaultdict
from typing import Callable

from designer.model import Design, Kind, LinkKind
from designer.model.kinds import NETWORK_CAPABLE, NETWORK_ENDPOINTS

from .ir import Circuit, Reach
from .network_core import Core


def is_transit(design: Design, cid: str) -> bool:
    comp = design.by_id[cid]
    if comp.kind is Kind.NIC:
        host = design.by_id.get(comp.parent or "")
        return host is None or host.kind is not Kind.SERVER
    return comp.kind not in NETWORK_ENDPOINTS


class Network:
    """Builds `reach` gates for one design into `circuit`; `usable(cid)` gives
    the gate saying a vertex works."""

    def __init__(self, design: Design, circuit: Circuit,
                 usable: Callable[[str], int]) -> None:
        self.design, self.c, self.usable = design, circuit, usable
        self.adj: dict[str, list[str]] = defaultdict(list)
        self.cabled: set[str] = set()
        for link in design.links:
            if link.kind is LinkKind.NETWORK:
                self.adj[link.source].append(link.target)
                self.adj[link.target].append(link.source)
                self.cabled.update((link.source, link.target))
        self.nics: dict[str, list[str]] = defaultdict(list)
        for comp in design.components:
            if comp.kind is Kind.NIC and comp.parent:
                self.nics[comp.parent].append(comp.id)
                self.adj[comp.parent].append(comp.id)
                self.adj[comp.id].append(comp.parent)
        self.internets = [c.id for c in design.components if c.kind is Kind.INTERNET]
        self._transit = {c.id for c in design.components
                         if c.kind in NETWORK_CAPABLE and is_transit(design, c.id)}
        self._graphs: dict[str, tuple[dict[str, int], tuple, tuple]] = {}
        self._conn: dict[tuple[str, str], int] = {}
        self._pairs: dict[tuple[str, str], int] = {}
        self._reach: dict[tuple[str, str], int] = {}
        self._modeled: dict[str, bool] = {}
        self._ends_of: dict[str, list[tuple[int, str]]] = {}
        self._groups_of: dict[int, dict[int, list[str]]] = {}
        self._internet_side: list | None = None
        self.core = Core(self._transit, self.adj)

    # -- modeled or not -------------------------------------------------
    def host_vertices(self, host: str) -> list[str]:
        return [host, *self.nics.get(host, ())]

    def modeled(self, host: str) -> bool:
        """A host's network is drawn when it or one of its NICs has a cable."""
        found = self._modeled.get(host)
        if found is None:
            found = self._modeled[host] = not self.cabled.isdisjoint(self.host_vertices(host))
        return found

    # -- gates ------------------------------------------------------------
    def reach_hosts(self, a: str, b: str) -> int:
        """Gate: host a can talk to host b (true if either is not modeled),
        valid where both hosts work (see `_own`)."""
        if a == b or not (self.modeled(a) and self.modeled(b)):
            return self.c.const(True)
        key = (a, b) if a < b else (b, a)
        if key not in self._reach:
            direct = [self.c.and_([self._own(va), self._own(vb)])
                      for va in self.host_vertices(a) for vb in self.host_vertices(b)
                      if vb in self.adj.get(va, ())]
            self._reach[key] = self._between(self._ends(a), self._ends(b), direct)
        return self._reach[key]

    def reach_internet(self, host: str) -> int:
        """Gate: the Internet reaches host (true if not modeled), valid where
        the host works (see `_own`)."""
        if not self.internets or not self.modeled(host):
            return self.c.const(True)
        if self._internet_side is None:
            self._internet_side = [(self.c.const(True), i) for i in self.internets]
        return self._between(self._internet_side, self._ends(host), [])

    def _ends(self, host: str) -> list[tuple[int, str]]:
        """(gate, transit vertex) for each way out of a host: a NIC (or the
        host itself) cabled to that transit vertex."""
        found = self._ends_of.get(host)
        if found is None:
            found = self._ends_of[host] = [(self._own(v), t) for v in self.host_vertices(host)
                                           for t in self._transit_near(v)]
        return found

    def _between(self, side_a, side_b, direct: list[int]) -> int:
        """OR of: direct cables; both sides on one transit vertex; and, per
        group of core vertices that a side reaches by the same gate, that
        gate on each side and a core path between the groups. Grouping makes
        a host's redundant attachments one shared gate (not one per pair)."""
        terms = list(direct)
        for gate_a, u in side_a:
            for gate_b, v in side_b:
                if u == v:
                    terms.append(self.c.and_([gate_a, gate_b, self.usable(u)]))
        groups_b = self._core_groups(side_b)
        for gate_a, xs in self._core_groups(side_a).items():
            for gate_b, ys in groups_b.items():
                core = self.c.or_(self._core_conn(x, y) for x in xs for y in ys)
                terms.append(self.c.and_([gate_a, gate_b, core]))
        return self.c.or_(terms)

    def _core_groups(self, side) -> dict[int, list[str]]:
        found = self._groups_of.get(id(side))
        if found is None:     # sides are cached lists, so id() is stable
            found = self._groups_of[id(side)] = self._group_side(side)
        return found

    def _group_side(self, side) -> dict[int, list[str]]:
        ways: dict[str, list[int]] = {}
        for gate, u in side:
            if u in self.core.folded:     # through u to its (clique of) neighbours
                for x in self.core.folded[u]:
                    ways.setdefault(x, []).append(self.c.and_([gate, self.usable(u)]))
            else:
                ways.setdefault(u, []).append(gate)
        groups: dict[int, list[str]] = {}
        for x, gates in ways.items():
            groups.setdefault(self.c.or_(gates), []).append(x)
        return groups

    def _own(self, vertex: str) -> int:
        """A host's side of a path: the host itself or one of its NICs.
        Every caller ANDs these gates with works() of both hosts (a service
        needs its host; a target its own), so given that context a NIC only
        adds its own failure and the host adds nothing. Leaving the host's
        power and placement out keeps those causes where they belong and
        keeps the reach gates small."""
        if self.design.by_id[vertex].kind is Kind.SERVER:
            return self.c.const(True)
        return self.c.event(vertex)

    def _transit_near(self, vertex: str) -> list[str]:
        if vertex in self._transit:
            return [vertex]
        return [n for n in self.adj.get(vertex, ()) if n in self._transit]

    def _core_conn(self, u: str, v: str) -> int:
        """Gate: unfolded transit vertices u and v are joined through working
        transit (`_joined`); asked 780 times, for 20 pairs, in
        compiling the generated 1,000-component design."""
        found = self._pairs.get((u, v))
        if found is None:
            found = self._pairs[u, v] = self._joined(u, v)
        return found

    def _joined(self, u: str, v: str) -> int:
        """A REACH gate over u's and v's component of the core graph, where a
        twin stands for its group (network_core.py), ANDed with the twins'
        own gates."""
        core = self.core
        if u == v:
            return self.usable(u)
        if core.component[u] != core.component[v]:
            return self.c.const(False)
        own = [self.usable(x) for x in (u, v) if x in core.twin_of]
        if core.merged(u) == core.merged(v):    # twins: any working neighbour joins them
            near = self.c.or_(self.usable(n) for n in core.unfolded_near(u))
            return self.c.and_([*own, near])
        return self.c.and_([*own, self._reach_gate(core.merged(u), core.merged(v))])

    def _reach_gate(self, u: str, v: str) -> int:
        # Orient towards the Internet / lower id so that gates share a source
        # and the evaluators run one graph search per source.
        if (v in self.internets, u) > (u in self.internets, v):
            u, v = v, u
        key = (u, v)
        if key not in self._conn:
            index, usable, edges = self._graph(self.core.component[u])
            self._conn[key] = self.c.reach(Reach(
                usable=usable, transit=(True,) * len(usable), edges=edges,
                sources=(index[u],), targets=(index[v],)))
        return self._conn[key]

    def _graph(self, root: str) -> tuple[dict[str, int], tuple, tuple]:
        if root not in self._graphs:
            vertices, edges = self.core.graph(root)
            usable = tuple(self.c.or_(self.usable(m) for m in self.core.twins[v])
                           if v in self.core.twins else self.usable(v) for v in vertices)
            self._graphs[root] = ({v: i for i, v in enumerate(vertices)}, usable, tuple(edges))
        return self._graphs[root]
