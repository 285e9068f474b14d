"""K and P (see cuts.py) of REACH gates.

At a REACH gate an event acts only by taking graph vertices down, and many
events take down the same vertices (a switch's own failure; its rack takes
both switches of the rack). Events are grouped by that vertex set. Then each
scenario we need is a set of dead vertices:

  bit 0            nothing failed,
  one per group    that group alone,
  one per pair     of groups together,
  one per joint    pair from the vertices' own P (two PSUs of one switch, ...),

and one bit-parallel search per source answers all scenarios for every gate
that shares the graph and the source. network.py keeps these graphs small
(the transit core only, simplicial vertices folded away and twins merged).
"""
from __future__ import annotations

from designer.model import limits

from .simulate import adjacency, bits_from_positions, propagate, set_bits

EMPTY: frozenset = frozenset()


class _Graph:
    """Scenarios and searches for one REACH graph."""

    def __init__(self, kills, spec) -> None:
        self.kills, self.spec = kills, spec
        n = kills.n
        alive = [kills.base[g] for g in spec.usable]
        vmask: dict[int, int] = {}
        joint: dict[int, int] = {}
        for v, gate in enumerate(spec.usable):
            if not alive[v]:
                continue
            for e in kills.K[gate]:
                vmask[e] = vmask.get(e, 0) | (1 << v)
            for code in kills.P[gate] or ():
                joint[code] = joint.get(code, 0) | (1 << v)
        groups: dict[int, list[int]] = {}
        for e, mask in vmask.items():
            groups.setdefault(mask, []).append(e)
        self.groups = list(groups.values())
        masks = list(groups)
        if len(masks) > limits.NETWORK_PART.value:    # pairs below: the square of this
            raise limits.LimitExceeded(limits.NETWORK_PART, len(masks), "links")
        g = len(masks)
        self.pairs = [(i, j) for i in range(g) for j in range(i + 1, g)]
        self.joints = list(joint)
        scenarios = [0] + masks + [masks[i] | masks[j] for i, j in self.pairs]
        scenarios += [vmask.get(c // n, 0) | vmask.get(c % n, 0) | joint[c]
                      for c in self.joints]
        self.width = len(scenarios)
        full = (1 << self.width) - 1
        dead_at: list[list[int]] = [[] for _ in spec.usable]
        for pos, mask in enumerate(scenarios):
            for v in set_bits(mask):
                dead_at[v].append(pos)
        self.alive = [full ^ bits_from_positions(dead_at[v], self.width) if alive[v] else 0
                      for v in range(len(alive))]
        self.adj = adjacency(spec, {})
        self.searches: dict = {}

    def up_bits(self, spec) -> int:
        reached = self.searches.get(spec.sources)
        if reached is None:
            reached = self.searches[spec.sources] = propagate(spec, self.alive, self.adj)
        up = 0
        for target in spec.targets:
            up |= reached[target]
        return up


class ReachKills:
    def __init__(self, kills) -> None:
        self.kills = kills
        self.graphs: dict = {}

    def gate(self, index: int, spec):
        key = (id(spec.usable), id(spec.edges))
        graph = self.graphs.get(key)
        if graph is None:
            graph = self.graphs[key] = _Graph(self.kills, spec)
        up = graph.up_bits(spec)
        if not up & 1:
            return False, EMPTY, EMPTY
        n, g = self.kills.n, len(graph.groups)
        k_groups = [i for i in range(g) if not up >> (1 + i) & 1]
        k = frozenset(e for i in k_groups for e in graph.groups[i])
        pairs = set()
        offset = 1 + g
        down = ~up >> offset & ((1 << (len(graph.pairs) + len(graph.joints))) - 1)
        for pos in set_bits(down):
            if pos < len(graph.pairs):
                i, j = graph.pairs[pos]
                if up >> (1 + i) & 1 and up >> (1 + j) & 1:
                    for a in graph.groups[i]:
                        for b in graph.groups[j]:
                            pairs.add(a * n + b if a < b else b * n + a)
            else:
                code = graph.joints[pos - len(graph.pairs)]
                if code // n not in k and code % n not in k:
                    pairs.add(code)
        return True, k, pairs
