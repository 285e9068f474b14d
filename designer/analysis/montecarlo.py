"""Monte Carlo estimate of P(top), for circuits too big for an exact BDD.

Vectorised over samples with numpy: each gate is one array operation over a
batch of samples, and a gate's array is dropped as soon as no later gate
needs it, so memory stays at a few live arrays however big the circuit.
Seeded, so the same design gives the same number twice. The 95 % interval
is Wilson's score interval: unlike the plain normal one it stays inside
[0, 1] and is honest when failures are rare.
"""
from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from . import ir

DEFAULT_SAMPLES = 200_000
BATCH = 32_768
Z95 = 1.959963984540054


@dataclass(frozen=True)
class Estimate:
    value: float                      # estimated P(top true)
    interval: tuple[float, float]     # 95 % confidence interval
    samples: int


def estimate(circuit: ir.Circuit, probs: dict[str, float],
             samples: int = DEFAULT_SAMPLES, seed: int = 0) -> Estimate:
    rng = np.random.default_rng(seed)
    needed = _needed(circuit)
    last_use = {child: index for index in needed for child in circuit.nodes[index].children}
    hits, done = 0, 0
    while done < samples:
        size = min(BATCH, samples - done)
        hits += int(np.count_nonzero(_batch(circuit, needed, last_use, probs, rng, size)))
        done += size
    return Estimate(hits / samples, wilson(hits, samples), samples)


def wilson(hits: int, n: int, z: float = Z95) -> tuple[float, float]:
    p = hits / n
    centre = (p + z * z / (2 * n)) / (1 + z * z / n)
    half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / (1 + z * z / n)
    return max(0.0, centre - half), min(1.0, centre + half)


def _needed(circuit: ir.Circuit) -> list[int]:
    seen, stack = {circuit.top}, [circuit.top]
    while stack:
        for child in circuit.nodes[stack.pop()].children:
            if child not in seen:
                seen.add(child)
                stack.append(child)
    return sorted(seen)


def _batch(circuit, needed, last_use, probs, rng, size) -> np.ndarray:
    values: dict[int, np.ndarray] = {}
    for index in needed:
        node = circuit.nodes[index]
        values[index] = _gate(node, values, probs, rng, size)
        for child in set(node.children):
            if last_use.get(child) == index and child != circuit.top:
                del values[child]
    return values[circuit.top]


def _gate(node: ir.Node, values, probs, rng, size) -> np.ndarray:
    op = node.op
    if op == ir.EVENT:
        return rng.random(size) < probs[node.name]
    if op == ir.CONST:
        return np.full(size, node.value)
    kids = [values[c] for c in node.children]
    if op == ir.AND:
        return np.logical_and.reduce(kids)
    if op == ir.OR:
        return np.logical_or.reduce(kids)
    if op == ir.NOT:
        return ~kids[0]
    if op == ir.XOR:
        return np.sum(kids, axis=0, dtype=np.int32) % 2 == 1
    if op == ir.ATLEAST:
        return np.sum(kids, axis=0, dtype=np.int32) >= node.k
    return _reach(node.reach, values, size)


def _reach(spec: ir.Reach, values, size) -> np.ndarray:
    """All samples at once: spread 'reached' until nothing changes."""
    usable = [values[g] for g in spec.usable]
    sources = set(spec.sources)
    reached = [usable[v] if v in sources else np.zeros(size, bool) for v in range(len(usable))]
    relays = [spec.transit[v] or v in sources for v in range(len(usable))]
    changed = True
    while changed:
        changed = False
        for a, b in spec.edges:
            for u, v in ((a, b), (b, a)):
                if relays[u]:
                    new = reached[v] | (reached[u] & usable[v])
                    if not np.array_equal(new, reached[v]):
                        reached[v], changed = new, True
    result = np.zeros(size, bool)
    for t in spec.targets:
        result |= reached[t]
    return result
