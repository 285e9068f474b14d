"""The parts of a union for the bounds (bounds.py): one BDD per child of
the top, the shared events in conditioning order, and each part evaluated
under many settings of the shared events at once (part_eval.py).

A part's BDD and its values under a setting are kept in a cache keyed by
a structural signature of the part (operations, event names and their
probabilities), so an edited design rebuilds and re-evaluates only the
parts the edit touched (incremental.py).
"""
from __future__ import annotations

import math
from bisect import bisect_left

import numpy as np

from . import bdd, ir
from .part_eval import ColumnPasses


class Parts:
    """One BDD per child of the top and the shared events in conditioning
    order (likeliest failure first). `cache` (signature -> ColumnPasses)
    keeps the BDDs of parts between calls: a part whose sub-circuit and
    probabilities are unchanged is not built again (incremental.py)."""

    def __init__(self, circuit: ir.Circuit, probs, failure_polarity: bool, rank, budget,
                 cache: dict | None = None) -> None:
        self.failure_polarity = failure_polarity
        cache = {} if cache is None else cache
        built = cache.setdefault("parts", {})          # signature -> ColumnPasses
        kids = list(circuit.nodes[circuit.top].children)
        once, twice = 0, 0
        for bits in supports(circuit, kids):
            twice |= once & bits
            once |= bits
        names = [node.name for node in circuit.nodes]
        signatures = _signatures(circuit, kids, probs)
        missing = [k for k, sig in zip(kids, signatures) if sig not in built]
        if missing:
            order = bdd.leaf_order(circuit, circuit.top)
            if rank:
                order = sorted(order, key=lambda i: rank.get(names[i], 0))
            manager = bdd.Manager([names[i] for i in order], budget)
            roots = bdd.build_many(circuit, manager, missing, {i: names[i] for i in order})
            for kid, root in zip(missing, roots):
                flat = bdd.flatten(root, manager)
                built[signatures[kids.index(kid)]] = ColumnPasses(flat, manager.leaves)
        self.passes = [built[sig] for sig in signatures]
        self.signatures = signatures
        self.memo = cache.setdefault("settings", {})   # signature -> setting -> values
        self.bdd_nodes = sum(passes.size - 1 for passes in self.passes)
        self.names = sorted({name for passes in self.passes for name in passes.names})
        index = {name: i for i, name in enumerate(self.names)}
        self.leaf_idx = [np.array([index[n] for n in passes.names], dtype=np.int64)
                         for passes in self.passes]
        self.p = np.array([probs[name] for name in self.names])
        fail = self.p if failure_polarity else 1.0 - self.p
        shared = [index[names[i]] for i in range(len(names))
                  if twice >> i & 1 and names[i] in index]
        if any(fail[s] >= 1.0 for s in shared):
            shared = []           # a shared event that always fails: nothing to condition on
        self.order = sorted((s for s in shared if fail[s] > 0.0), key=lambda s: (-fail[s], s))
        self.fail = np.array([fail[s] for s in self.order])
        position = {leaf: k for k, leaf in enumerate(self.order)}
        # Per part: the order positions of its shared leaves, and their local rows.
        self.members = []
        for idx in self.leaf_idx:
            rows = sorted((position[leaf], row) for row, leaf in enumerate(idx.tolist())
                          if leaf in position)
            self.members.append((np.array([k for k, _ in rows], dtype=np.int64),
                                 np.array([r for _, r in rows], dtype=np.int64)))

    def columns(self, a: int, leaves: list[tuple[frozenset, int]]):
        """Part a's distinct settings among the leaves, and each leaf's column."""
        positions = self.members[a][0].tolist()
        keys: dict = {}
        column_of = np.empty(len(leaves), dtype=np.int64)
        for j, (failed, upto) in enumerate(leaves):
            decided = bisect_left(positions, upto)
            key = (decided, failed.intersection(positions[:decided]))
            column_of[j] = keys.setdefault(key, len(keys))
        return list(keys), column_of

    def evaluate(self, a: int, settings: list[tuple[int, frozenset]]):
        """For part a under each setting (its first `decided` shared leaves
        fixed, `failed` ones failed): P(bad) with the free events at their
        probability, P(bad) with them working, and d P(bad) per free event
        failing ([members, columns]). Settings seen before for an equal part
        (same signature) come from the cache."""
        positions, rows = self.members[a]
        names = self.passes[a].names
        memo = self.memo.setdefault(self.signatures[a], {})
        keys = []
        for decided, failed in settings:
            fixed = [names[r] for r in rows[:decided]]
            keys.append((frozenset(fixed), frozenset(self.names[self.order[k]] for k in failed),
                         frozenset(names[r] for r in rows[decided:])))
        todo = [c for c, key in enumerate(keys) if key not in memo]
        if todo:
            found = self._evaluate(a, [settings[c] for c in todo])
            for j, c in enumerate(todo):
                memo[keys[c]] = tuple(part[..., j] for part in found)
        bad_true = np.array([memo[key][0] for key in keys])
        bad_up = np.array([memo[key][1] for key in keys])
        grad = np.array([memo[key][2] for key in keys]).T.reshape(len(rows), len(keys))
        return bad_true, bad_up, grad

    def _evaluate(self, a: int, settings: list[tuple[int, frozenset]]):
        passes, (positions, rows) = self.passes[a], self.members[a]
        width = len(settings)
        base_p = self.p[self.leaf_idx[a]][:, None]
        p = np.repeat(base_p, width, axis=1)
        works = 0.0 if self.failure_polarity else 1.0
        free = np.ones((len(rows), width), dtype=bool)
        for c, (decided, failed) in enumerate(settings):
            free[:decided, c] = False
            p[rows[:decided], c] = works
            for k in failed:
                p[rows[np.searchsorted(positions, k)], c] = 1.0 - works
        up = p.copy()
        free_rows, free_cols = np.nonzero(free)
        up[rows[free_rows], free_cols] = works
        bad_true = self._bad_of(passes, passes.forward(p, 1.0 - p))
        values = passes.forward(up, 1.0 - up)
        bad_up = self._bad_of(passes, values)
        if len(rows):
            grad = passes.gradient(up, 1.0 - up, values)[rows]
        else:
            grad = np.zeros((0, width))
        return bad_true, bad_up, np.where(free, np.maximum(grad, 0.0), 0.0)

    def independent_gradient(self) -> dict[str, float]:
        """Birnbaum importance dP(top)/dp of every event, parts taken as
        independent once the event itself is fixed: for an event of one
        part, the derivative of prod_a P(part a good); for a shared event,
        that product with the event working minus with it failed."""
        p = self.p[:, None]
        goods, grads = [], []
        for passes, idx in zip(self.passes, self.leaf_idx):
            local = p[idx]
            values = passes.forward(local, 1.0 - local)
            goods.append(1.0 - self._bad_of(passes, values)[0])
            grads.append(passes.gradient(local, 1.0 - local, values)[:, 0])
        log_good = np.log(np.maximum(goods, 1e-300))
        total = float(log_good.sum())
        gradient: dict[str, float] = {}
        for passes, lg, grad in zip(self.passes, log_good, grads):
            others = math.exp(total - lg)
            for name, g in zip(passes.names, grad):
                # d P(part good)/dp has the sign of dP(root)/dp in both polarities
                gradient[name] = float(g) * others
        # Shared events: per part, one column with each of its shared events
        # working and one with it failed; sums of log P(good) per event.
        logs = np.full((len(self.order), 2), total)
        for a, (passes, (positions, rows)) in enumerate(zip(self.passes, self.members)):
            if not len(rows):
                continue
            width = 2 * len(rows)
            local = np.repeat(self.p[self.leaf_idx[a]][:, None], width, axis=1)
            local[rows, np.arange(0, width, 2)] = 1.0
            local[rows, np.arange(1, width, 2)] = 0.0
            good = 1.0 - self._bad_of(passes, passes.forward(local, 1.0 - local))
            logs[positions] += np.log(np.maximum(good, 1e-300)).reshape(-1, 2) - log_good[a]
        # Column 0 sets the event true: "works" for a design, "fails" for a
        # fault tree, where dP(top)/dp = P(all good | works) - P(all good | fails).
        sign = -1.0 if self.failure_polarity else 1.0
        for k, leaf in enumerate(self.order):
            gradient[self.names[leaf]] = sign * float(np.exp(logs[k, 0]) - np.exp(logs[k, 1]))
        return gradient

    def _bad_of(self, passes: ColumnPasses, values: np.ndarray) -> np.ndarray:
        top, not_top = passes.root_value(values)
        return top if self.failure_polarity else not_top


def _signatures(circuit: ir.Circuit, kids: list[int], probs) -> list[int]:
    """A structural key per kid: its sub-circuit (operations, event names
    and their probabilities), equal for equal parts of two circuits."""
    key: dict[int, int] = {}
    for index in circuit.needed():
        node = circuit.nodes[index]
        kids_key = tuple(key[c] for c in node.children)
        extra = ()
        if node.op == ir.EVENT:
            extra = (node.name, probs[node.name])
        elif node.op == ir.REACH:
            spec = node.reach
            extra = (tuple(key[g] for g in spec.usable), spec.transit, spec.edges,
                     spec.sources, spec.targets)
        key[index] = hash((node.op, node.k, node.value, kids_key, extra))
    return [key[k] for k in kids]


def supports(circuit: ir.Circuit, kids: list[int]) -> list[int]:
    """Events under each kid, as bitsets over node indices."""
    below: dict[int, int] = {}
    for index in circuit.needed():
        node = circuit.nodes[index]
        bits = 1 << index if node.op == ir.EVENT else 0
        for child in node.children:
            bits |= below[child]
        below[index] = bits
    return [below[k] for k in kids]
