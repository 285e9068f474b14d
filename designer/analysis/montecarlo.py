"""Monte Carlo estimate of P(top), for circuits too big for an exact BDD.

Samples are bit-packed: bit i of word w is sample 64 w + i, so one numpy
operation on a gate evaluates 64 samples per machine word, and a million
samples cost about as much as 16,000 booleans. Failures of a highly
available component are rare, so an event is drawn sparsely: the number of
samples in its rarer state is binomial, and only those bits are set.
Seeded, so the same circuit gives the same number twice. The 95 % interval
is Wilson's score interval: it stays inside [0, 1] and is honest when the
bad outcome is rare.
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field
from functools import reduce

import numpy as np

from . import ir

DEFAULT_SAMPLES = 1 << 20
Z95 = 1.959963984540054
_ONES = np.uint64(0xFFFF_FFFF_FFFF_FFFF)


@dataclass(frozen=True)
class Estimate:
    value: float                      # estimated P(top true)
    interval: tuple[float, float]     # 95 % confidence interval
    samples: int
    hits: int                         # samples with the top true
    # P(top | event true) - P(top | event false), from the same samples.
    birnbaum: dict[str, float] = field(default_factory=dict)


def samples_for(circuit: ir.Circuit) -> int:
    """Fewer samples for bigger circuits, so an estimate takes about the
    same time (well under a second) at any size; fixed by size, not by the
    clock, so the same design always gives the same number."""
    return _samples_for_size(len(circuit.needed()))


def _samples_for_size(size: int) -> int:
    return DEFAULT_SAMPLES if size <= 2000 else DEFAULT_SAMPLES >> (1 if size <= 8000 else 2)


def estimate(circuit: ir.Circuit, probs: dict[str, float],
             samples: int | None = None, seed: int = 0, top: int | None = None,
             stand_ins: dict[int, str] | None = None) -> Estimate:
    """P(top), or of the gate `top`; a node of `stand_ins` is drawn as an
    event of that name (an independent module solved exactly elsewhere:
    modules_sampled.py), and has its Birnbaum importance under that name."""
    top = circuit.top if top is None else top
    stand_ins = stand_ins or {}
    needed = circuit.needed(top, stand_ins)
    samples = samples or _samples_for_size(len(needed))
    sampler = _Sampler(np.random.default_rng(seed), samples)
    last_use = {child: index for index in needed for child in circuit.nodes[index].children}
    values: dict[int, np.ndarray] = {}
    fixpoints: dict = {}
    for index in needed:
        node = circuit.nodes[index]
        if index in stand_ins and index != top:
            values[index] = sampler.event(stand_ins[index], probs[stand_ins[index]])
            continue
        values[index] = _gate(node, values, probs, sampler, fixpoints)
        for child in set(node.children):
            if last_use.get(child) == index and child != top:
                del values[child]    # keep only the arrays later gates need
    top_bits = values[top]
    hits = sampler.count(top_bits)
    birnbaum = {name: sampler.birnbaum(top_bits, hits, rare)
                for name, rare in sampler.rare.items()}
    return Estimate(hits / samples, wilson(hits, samples), samples, hits, birnbaum)


def wilson(hits: int, n: int, z: float = Z95) -> tuple[float, float]:
    p = hits / n
    centre = (p + z * z / (2 * n)) / (1 + z * z / n)
    half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / (1 + z * z / n)
    return max(0.0, centre - half), min(1.0, centre + half)


class _Sampler:
    def __init__(self, rng: np.random.Generator, samples: int) -> None:
        self.rng, self.samples = rng, samples
        self.words = -(-samples // 64)
        tail = samples - 64 * (self.words - 1)     # valid bits in the last word
        self.last_mask = _ONES if tail == 64 else np.uint64((1 << tail) - 1)
        # event -> (samples in its rarer state, whether that state is "true")
        self.rare: dict[str, tuple[np.ndarray, bool]] = {}

    def constant(self, value: bool) -> np.ndarray:
        return np.full(self.words, _ONES if value else 0, dtype=np.uint64)

    def event(self, name: str, p: float) -> np.ndarray:
        """Bits true with probability p: draw only the rarer state."""
        rare_true = p < 0.5
        count = self.rng.binomial(self.samples, p if rare_true else 1.0 - p)
        bits = self.constant(not rare_true)
        where = self.rng.choice(self.samples, size=count, replace=False)
        self.rare[name] = (where, rare_true)
        if count:
            flips = np.zeros(self.words, dtype=np.uint64)
            np.bitwise_or.at(flips, where >> 6, np.left_shift(np.uint64(1), (where & 63).astype(np.uint64)))
            bits ^= flips
        return bits

    def birnbaum(self, top: np.ndarray, hits: int, rare: tuple[np.ndarray, bool]) -> float:
        """P(top | event true) - P(top | event false) over the samples."""
        where, rare_true = rare
        if len(where) in (0, self.samples):
            return 0.0   # the event never changed: no evidence either way
        in_rare = int(((top[where >> 6] >> (where & 63).astype(np.uint64)) & np.uint64(1)).sum())
        p_rare = in_rare / len(where)
        p_common = (hits - in_rare) / (self.samples - len(where))
        return p_rare - p_common if rare_true else p_common - p_rare

    def count(self, bits: np.ndarray) -> int:
        bits = bits.copy()
        bits[-1] &= self.last_mask
        return int(np.bitwise_count(bits).sum())


def _gate(node: ir.Node, values, probs, sampler: _Sampler, fixpoints) -> np.ndarray:
    op = node.op
    if op == ir.EVENT:
        return sampler.event(node.name, probs[node.name])
    if op == ir.CONST:
        return sampler.constant(node.value)
    if op == ir.REACH:
        key = (node.reach.usable, node.reach.transit, node.reach.edges, node.reach.sources)
        if key not in fixpoints:
            fixpoints[key] = _reached(node.reach, values, sampler)
        return reduce(np.bitwise_or, [fixpoints[key][t] for t in node.reach.targets])
    kids = [values[c] for c in node.children]
    if op == ir.AND:
        return reduce(np.bitwise_and, kids)
    if op == ir.OR:
        return reduce(np.bitwise_or, kids)
    if op == ir.NOT:
        return ~kids[0]
    if op == ir.XOR:
        return reduce(np.bitwise_xor, kids)
    return _atleast(node.k, kids, sampler)


def _atleast(k: int, kids: list, sampler: _Sampler) -> np.ndarray:
    """need[j] = 'at least j of the children seen so far', bitwise."""
    need = [sampler.constant(True)] + [sampler.constant(False) for _ in range(k)]
    for i, x in enumerate(kids):
        for j in range(min(k, i + 1), 0, -1):
            need[j] = need[j] | (x & need[j - 1])
    return need[k]


def _reached(spec: ir.Reach, values, sampler: _Sampler) -> list[np.ndarray]:
    """All samples at once: a worklist spreads 'reached' from the sources,
    revisiting a vertex only when a neighbour's bits grew."""
    usable = [values[g] for g in spec.usable]
    sources = set(spec.sources)
    neighbours = spec.neighbours()
    relays = [spec.transit[v] or v in sources for v in range(len(usable))]
    empty = sampler.constant(False)
    reached = [usable[v] if v in sources else empty for v in range(len(usable))]
    pending = list(sources)
    while pending:
        u = pending.pop()
        if not relays[u]:
            continue
        for v in neighbours.get(u, ()):
            new = reached[v] | (reached[u] & usable[v])
            if (new ^ reached[v]).any():
                reached[v] = new
                pending.append(v)
    return reached
