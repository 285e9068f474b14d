"""Services that need each other, in the order their gates are built.

The dependency graph of services (services.py) is condensed into groups
that need each other (strongly connected components), each group listed
after every group it needs. networkx did this before; its graphs hold
themselves in reference cycles (a graph's cached views point back at it),
so every compile left the whole graph, thousands of dicts, to the cyclic
collector: the cost plan could not pause the collector for its whole run
without holding them all (docs/performance.md).
"""
from __future__ import annotations


def needing_order(graph: dict[str, list[str]]) -> list[list[str]]:
    """The groups of vertices of `graph` (vertex -> the vertices it needs)
    that need each other, each group after every group it needs; a group's
    members in the order they were met, following `graph`'s own order, so
    the gates built from them come out the same in every run. Tarjan's
    algorithm, iterative: a chain of a thousand services is a thousand deep."""
    number: dict[str, int] = {}
    lowest: dict[str, int] = {}
    open_path: list[str] = []
    on_path: set[str] = set()
    groups: list[list[str]] = []
    walk: list = []           # the depth-first path: (vertex, its needs not yet looked at)

    def meet(vertex: str) -> None:
        number[vertex] = lowest[vertex] = len(number)
        open_path.append(vertex)
        on_path.add(vertex)
        walk.append((vertex, iter(graph.get(vertex, ()))))

    for root in graph:
        if root in number:
            continue
        meet(root)
        while walk:
            vertex, needs = walk[-1]
            for need in needs:
                if need not in number:
                    meet(need)
                    break
                if need in on_path:
                    lowest[vertex] = min(lowest[vertex], number[need])
            else:
                walk.pop()
                if walk:
                    above = walk[-1][0]
                    lowest[above] = min(lowest[above], lowest[vertex])
                if lowest[vertex] == number[vertex]:
                    groups.append(_closed(vertex, open_path, on_path))
    return groups


def _closed(vertex: str, open_path: list[str], on_path: set[str]) -> list[str]:
    """The group `vertex` heads: the open path from it on, taken off."""
    start = len(open_path) - 1
    while open_path[start] != vertex:
        start -= 1
    group = open_path[start:]
    del open_path[start:]
    on_path.difference_update(group)
    return group


def longest_chain(graph: dict[str, list[str]]) -> int:
    """Groups in the longest chain of needs in `graph` (a group of vertices
    that need each other counts once)."""
    groups = needing_order(graph)
    group_of = {vertex: j for j, group in enumerate(groups) for vertex in group}
    depth: list[int] = []
    for j, group in enumerate(groups):
        below = [depth[group_of[need]] for vertex in group for need in graph.get(vertex, ())
                 if group_of[need] != j]
        depth.append(1 + max(below, default=0))
    return max(depth, default=0)
