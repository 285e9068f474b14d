"""Bit-parallel evaluation of a Circuit over many failure scenarios at once.

Each gate's value is a Python int used as a bitset: bit i is the gate's value
in scenario i. AND/OR are one `&`/`|` per child, ATLEAST counts with a small
carry table, REACH is a fixpoint of frontier propagation over the graph with
bitsets on the vertices. One pass over the circuit answers every scenario, so
"fail each component alone" costs about one evaluation, not n.
"""
from __future__ import annotations

from typing import Mapping, Sequence

from .ir import AND, ATLEAST, CONST, EVENT, NOT, OR, REACH, XOR, Circuit, Reach


def simulate(circuit: Circuit, event_bits: Mapping[str, int], full: int) -> list[int]:
    """Value bitsets of every node. Events missing from `event_bits` are up
    (all ones) in every scenario; `full` has one bit per scenario."""
    values: list[int] = []
    append = values.append
    reach_cache: dict = {}
    for node in circuit.nodes:
        op = node.op
        if op == AND:
            acc = full
            for child in node.children:
                acc &= values[child]
            append(acc)
        elif op == OR:
            acc = 0
            for child in node.children:
                acc |= values[child]
            append(acc)
        elif op == EVENT:
            append(event_bits.get(node.name, full))
        elif op == CONST:
            append(full if node.value else 0)
        elif op == ATLEAST:
            append(_at_least(node.k, [values[c] for c in node.children], full))
        elif op == REACH:
            append(reach_bits(node.reach, values, reach_cache))
        elif op == NOT:
            append(full ^ values[node.children[0]])
        elif op == XOR:
            acc = 0
            for child in node.children:
                acc ^= values[child]
            append(acc)
        else:
            raise ValueError(f"unknown gate {op!r}")
    return values


def _at_least(k: int, kids: Sequence[int], full: int) -> int:
    # counts[j]: scenarios where at least j of the children seen so far are true.
    counts = [full] + [0] * k
    for kid in kids:
        for j in range(k, 0, -1):
            counts[j] |= counts[j - 1] & kid
    return counts[k]


def reach_bits(spec: Reach, values: Sequence[int], cache: dict) -> int:
    """Scenarios in which a source reaches a target. Searches from the same
    sources over the same graph are shared through `cache`."""
    key = (id(spec.usable), id(spec.edges), spec.sources)
    reached = cache.get(key)
    if reached is None:
        reached = cache[key] = _propagate(spec, values, cache)
    acc = 0
    for target in spec.targets:
        acc |= reached[target]
    return acc


def adjacency(spec: Reach, cache: dict) -> list[list[int]]:
    key = ("adj", id(spec.edges), len(spec.usable))
    found = cache.get(key)
    if found is None:
        found = cache[key] = [[] for _ in spec.usable]
        for a, b in spec.edges:
            found[a].append(b)
            found[b].append(a)
    return found


def _propagate(spec: Reach, values: Sequence[int], cache: dict) -> list[int]:
    return propagate(spec, [values[g] for g in spec.usable], adjacency(spec, cache))


def propagate(spec: Reach, usable: list[int], adj: list[list[int]]) -> list[int]:
    """Bitset of scenarios in which each vertex is reached from the sources,
    given the bitset of scenarios in which each vertex is usable."""
    reached = [0] * len(usable)
    sources = set(spec.sources)
    frontier = []
    for s in spec.sources:
        reached[s] |= usable[s]
        frontier.append(s)
    # Rounds of frontier propagation: each round pushes the newly reached
    # scenarios one hop further; stops when nothing new arrives.
    while frontier:
        gained: dict[int, int] = {}
        for vertex in frontier:
            if not spec.transit[vertex] and vertex not in sources:
                continue
            bits = reached[vertex]
            for nxt in adj[vertex]:
                new = bits & usable[nxt] & ~reached[nxt]
                if new:
                    reached[nxt] |= new
                    gained[nxt] = 1
        frontier = list(gained)
    return reached


def set_bits(x: int) -> list[int]:
    """Positions of the one bits of x, lowest first."""
    out = []
    if x.bit_count() < 48:
        while x:
            low = x & -x
            out.append(low.bit_length() - 1)
            x ^= low
        return out
    text = bin(x)[:1:-1]          # lowest bit first
    i = text.find("1")
    while i >= 0:
        out.append(i)
        i = text.find("1", i + 1)
    return out


def bits_from_positions(positions, width: int) -> int:
    """An int with the given bit positions set (fast for many positions)."""
    raw = bytearray((width + 8) // 8)
    for p in positions:
        raw[p >> 3] |= 1 << (p & 7)
    return int.from_bytes(raw, "little")
