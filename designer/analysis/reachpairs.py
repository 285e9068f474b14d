"""Order-2 candidates at REACH gates, without one graph search per pair.

At a REACH gate every event acts by taking down a set of graph vertices, and
many events share the same set (a switch's own failure; a rack takes both of
its switches). We group events by that set, then evaluate every group alone
and every pair of groups as scenarios of one bit-parallel search per source:
one pass answers "does this pair of groups separate source from target?" for
all pairs and for every gate that shares the graph and the source.
"""
from __future__ import annotations

from .simulate import adjacency, bits_from_positions, propagate, set_bits

MAX_SCENARIOS = 200_000      # scenarios per pass (bounds memory)


def reach_candidates(circuit, singles, gates: list[int], spared: int):
    """Yield (events_a, events_b) lists for pairs of event groups that
    together (and neither alone) bring down one of the REACH `gates`."""
    by_graph: dict = {}
    for index in gates:
        spec = circuit.nodes[index].reach
        by_graph.setdefault((id(spec.usable), id(spec.edges)), []).append(index)
    for members in by_graph.values():
        yield from _graph_candidates(circuit, singles, members, spared)


def _groups(spec, singles, spared: int) -> list[tuple[int, list[int]]]:
    """(vertex mask, events) for every set of vertices some events take down."""
    per_event: dict[int, int] = {}
    for vertex, gate in enumerate(spec.usable):
        for event in set_bits(singles.killed_by(gate) & spared):
            per_event[event] = per_event.get(event, 0) | (1 << vertex)
    groups: dict[int, list[int]] = {}
    for event, mask in per_event.items():
        groups.setdefault(mask, []).append(event)
    return list(groups.items())


def _graph_candidates(circuit, singles, gates: list[int], spared: int):
    spec = circuit.nodes[gates[0]].reach
    groups = _groups(spec, singles, spared)
    g = len(groups)
    pairs = [(i, j) for i in range(g) for j in range(i + 1, g)]
    for start in range(0, len(pairs), MAX_SCENARIOS):
        batch = pairs[start:start + MAX_SCENARIOS]
        yield from _batch(circuit, singles, gates, groups, batch)


def _batch(circuit, singles, gates, groups, batch):
    """Scenarios: each group alone (bits 0..g-1), then each pair in `batch`."""
    g = len(groups)
    width = g + len(batch)
    full = (1 << width) - 1
    involving: list[list[int]] = [[i] for i in range(g)]
    for pos, (i, j) in enumerate(batch, start=g):
        involving[i].append(pos)
        involving[j].append(pos)
    spec = circuit.nodes[gates[0]].reach
    dead = [0] * len(spec.usable)
    for group, (mask, _) in enumerate(groups):
        hit = bits_from_positions(involving[group], width)
        for vertex in set_bits(mask):
            dead[vertex] |= hit
    alive = [0 if not singles.up_at_base(gate) else full ^ dead[v]
             for v, gate in enumerate(spec.usable)]
    searches: dict = {}
    adj = adjacency(spec, {})
    for index in gates:
        gate_spec = circuit.nodes[index].reach
        if gate_spec.sources not in searches:
            searches[gate_spec.sources] = propagate(gate_spec, alive, adj)
        reached = searches[gate_spec.sources]
        up = 0
        for target in gate_spec.targets:
            up |= reached[target]
        yield from _pairs_killing(up, g, batch, groups)


def _pairs_killing(up: int, g: int, batch, groups):
    alone = ~up & ((1 << g) - 1)         # groups that kill this gate by themselves
    down = ~up >> g & ((1 << len(batch)) - 1)
    for pos in set_bits(down):
        i, j = batch[pos]
        if not (alone >> i & 1 or alone >> j & 1):
            yield groups[i][1], groups[j][1]
