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
        self._reach: dict[tuple[str, str], int] = {}
        self._split_components()

    # -- modeled or not -------------------------------------------------
    def host_vertices(self, host: str) -> list[str]:
        return [host, *self.nics.get(host, ())]

    def modeled(self, host: str) -> bool:
        """A host's network is drawn when it or one of its NICs has a cable."""
        return any(v in self.cabled for v in self.host_vertices(host))

    # -- gates ------------------------------------------------------------
    def reach_hosts(self, a: str, b: str) -> int:
        """Gate: host a can talk to host b (true if either is not modeled)."""
        if a == b or not (self.modeled(a) and self.modeled(b)):
            return self.c.const(True)
        key = (a, b) if a < b else (b, a)
        if key not in self._reach:
            terms = [self._vertex_pair(va, vb) for va in self.host_vertices(a)
                     for vb in self.host_vertices(b)]
            self._reach[key] = self.c.or_(terms)
        return self._reach[key]

    def reach_internet(self, host: str) -> int:
        """Gate: the Internet reaches host (true if not modeled)."""
        if not self.internets or not self.modeled(host):
            return self.c.const(True)
        terms = []
        for vertex in self.host_vertices(host):
            links = [self.conn(i, t) for i in self.internets for t in self._transit_near(vertex)]
            terms.append(self.c.and_([self.usable(vertex), self.c.or_(links)]))
        return self.c.or_(terms)

    def _vertex_pair(self, va: str, vb: str) -> int:
        if vb in self.adj.get(va, ()):
            path = self.c.const(True)
        else:
            path = self.c.or_(self.conn(u, v) for u in self._transit_near(va)
                              for v in self._transit_near(vb))
        return self.c.and_([self.usable(va), self.usable(vb), path])

    def _transit_near(self, vertex: str) -> list[str]:
        if vertex in self._transit:
            return [vertex]
        return [n for n in self.adj.get(vertex, ()) if n in self._transit]

    def conn(self, u: str, v: str) -> int:
        """Gate: transit vertices u and v are joined through working transit."""
        if u == v:
            return self.usable(u)
        if self._component[u] != self._component[v]:
            return self.c.const(False)
        # Orient towards the Internet / lower id so that gates share a source
        # and the evaluators run one graph search per source.
        if (v in self.internets, u) > (u in self.internets, v):
            u, v = v, u
        key = (u, v)
        if key not in self._conn:
            index, usable, edges = self._graph(self._component[u])
            self._conn[key] = self.c.reach(Reach(
                usable=usable, transit=(True,) * len(usable), edges=edges,
                sources=(index[u],), targets=(index[v],)))
        return self._conn[key]

    # -- transit graph ----------------------------------------------------
    def _split_components(self) -> None:
        self._component: dict[str, str] = {}
        for start in sorted(self._transit):
            if start in self._component:
                continue
            stack = [start]
            self._component[start] = start
            while stack:
                vertex = stack.pop()
                for nxt in self.adj.get(vertex, ()):
                    if nxt in self._transit and nxt not in self._component:
                        self._component[nxt] = start
                        stack.append(nxt)

    def _graph(self, root: str) -> tuple[dict[str, int], tuple, tuple]:
        if root not in self._graphs:
            members = sorted(v for v, r in self._component.items() if r == root)
            index = {v: i for i, v in enumerate(members)}
            usable = tuple(self.usable(v) for v in members)
            edges = tuple(sorted({(min(index[a], index[b]), max(index[a], index[b]))
                                  for a in members for b in self.adj.get(a, ())
                                  if b in index and a != b}))
            self._graphs[root] = (index, usable, edges)
        return self._graphs[root]
