"""The transit core of the network graph, kept small by two exact rewrites
(docs/analysis.md, "Network gates stay small"):

- *simplicial folding*: a transit vertex whose transit neighbours are all
  linked to each other (a top-of-rack switch wired to a linked core pair, a
  leaf switch with one uplink) is never needed by a path between other
  vertices, in any failure scenario, so it is set aside;
- *twins merged*: transit vertices with the same unfolded neighbours (the
  top-of-rack switches of a site, each wired to the same two core pairs)
  are never linked to each other, and a path through one of them may go
  through any other that works instead, so the REACH graphs hold one
  vertex per group, working when any member works. The sources of a
  site's racks become one, and so do their graph searches: the generated
  1,000-component design with both its network racks copied, 11 BDD
  fixpoints of 41 vertices (2.4 s) -> 2 of 27 (0.14 s).
"""
from __future__ import annotations


class Core:
    """Transit vertices' neighbours, the folded and merged ones, and the
    connected components of what is left."""

    def __init__(self, transit: set[str], adj: dict[str, list[str]]) -> None:
        self.near = {v: sorted(set(n for n in adj.get(v, ()) if n in transit and n != v))
                     for v in transit}
        self.folded = _simplicial(self.near)
        self.twins = _twins(self.near, self.folded)
        self.twin_of = {m: first for first, members in self.twins.items() for m in members}
        self.component, self.members = _components(self.near, self.folded)

    def merged(self, vertex: str) -> str:
        """The vertex standing for `vertex` in the REACH graphs."""
        return self.twin_of.get(vertex, vertex)

    def unfolded_near(self, vertex: str) -> list[str]:
        return [n for n in self.near[vertex] if n not in self.folded]

    def graph(self, root: str) -> tuple[list[str], list[tuple[int, int]]]:
        """The vertices (one per twin group) and edges of `root`'s component."""
        vertices = sorted(v for v in self.members[root] if self.merged(v) == v)
        index = {v: i for i, v in enumerate(vertices)}
        ends = [(index[a], index[self.merged(b)]) for a in vertices
                for b in self.near[a] if self.merged(b) in index]
        return vertices, sorted({(min(a, b), max(a, b)) for a, b in ends})


def _simplicial(near: dict[str, list[str]]) -> dict[str, list[str]]:
    """Folded vertex -> its neighbours. Only an independent set is folded, so
    every folded vertex's neighbours stay in the graph."""
    neighbours = {v: set(ns) for v, ns in near.items()}
    folded: dict[str, list[str]] = {}
    for vertex in sorted(near):
        around = near[vertex]
        if any(n in folded for n in around):
            continue
        if all(b in neighbours[a] for i, a in enumerate(around) for b in around[i + 1:]):
            folded[vertex] = around
    return folded


def _twins(near: dict[str, list[str]], folded: dict) -> dict[str, list[str]]:
    """First member -> members, for groups of two or more unfolded vertices
    with the same unfolded neighbours."""
    groups: dict[tuple[str, ...], list[str]] = {}
    for vertex in sorted(near):
        around = tuple(n for n in near[vertex] if n not in folded)
        if around and vertex not in folded:
            groups.setdefault(around, []).append(vertex)
    return {members[0]: members for members in groups.values() if len(members) > 1}


def _components(near: dict[str, list[str]], folded: dict) -> tuple[dict, dict]:
    """Vertex -> its component's first vertex, and first vertex -> members."""
    component: dict[str, str] = {}
    members: dict[str, list[str]] = {}
    for start in sorted(near):
        if start in component or start in folded:
            continue
        stack = [start]
        component[start] = start
        members[start] = [start]
        while stack:
            for nxt in near[stack.pop()]:
                if nxt not in component and nxt not in folded:
                    component[nxt] = start
                    members[start].append(nxt)
                    stack.append(nxt)
    return component, members
