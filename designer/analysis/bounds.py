"""Certified bounds on P(bad outcome) where one exact BDD does not fit.

The shape this serves: the top is a union of "parts" (a design is down when
any entry point is down; a fault tree's OR top fails when any branch
fails) whose only link is a set of shared events (sites, feeds, racks,
switches). With every shared event fixed the parts are independent.

The shared events are conditioned on one at a time, likeliest failure
first: "the first is failed", "the first works and the second is failed",
... "all work" split the space into leaves, and a leaf whose bounds are
still too loose is split the same way over the events it leaves free. For
a leaf (some shared events fixed, the others free), with g_a = P(part a
good | leaf) and the circuit monotone (no NOT/XOR):

- upper bound on P(bad): 1 - prod_a g_a, since the parts' good events are
  increasing in the free events and so positively correlated (Harris-FKG);
- lower bound: split the free events into "all work" (prob pi0), "exactly
  v fails" (pi_v) and "two or more fail" (pi2). Given all of them the
  parts are independent, so the first two are exact; on the third, P(all
  good) is at most its value with everything working (monotone). One
  adjoint pass per leaf gives every "exactly v fails" value at once.

No sampling: the same circuit gives the same figures every time.
"""
from __future__ import annotations

import math
from bisect import bisect_left
from dataclasses import dataclass, field

import numpy as np

from . import bdd, ir
from .part_eval import ColumnPasses
from .preprocess import simplify

MONOTONE_OPS = {ir.EVENT, ir.CONST, ir.AND, ir.OR, ir.ATLEAST, ir.REACH}
DEBUG = False
MAX_LEAVES = 20_000     # conditioning leaves evaluated at most
ROUNDS = 12             # rounds of splitting the loosest leaves at most
SPLIT = 8               # free events a loose leaf is split over per round


@dataclass(frozen=True)
class Bounded:
    lo: float            # certified bounds on P(bad)
    hi: float
    leaves: int          # conditioning leaves evaluated
    shared: int          # shared events
    parts: int
    bdd_nodes: int
    # dP(top)/dp of each event, of the independent-parts value prod_a P(part a
    # good) (the Harris-FKG side of the bounds): importance under this method.
    gradient: dict = field(default_factory=dict, compare=False)

    @property
    def gap(self) -> float:
        return self.hi - self.lo


def bound(circuit: ir.Circuit, probs: dict[str, float], failure_polarity: bool,
          tolerance: float, rank: dict[str, int] | None = None,
          budget: int = bdd.DEFAULT_BUDGET, max_leaves: int = MAX_LEAVES,
          cache: dict | None = None, relative: bool = False) -> Bounded | None:
    """Bounds on P(bad): bad is "top false" for a design (events mean
    "works"), "top true" for a fault tree. None when the circuit is not a
    monotone union of parts, or the parts' BDDs pass `budget`. `relative`:
    the tolerance is a fraction of P(bad) rather than a probability."""
    circuit = simplify(circuit)
    top = circuit.nodes[circuit.top]
    if top.op != (ir.OR if failure_polarity else ir.AND) or not _monotone(circuit):
        return None
    try:
        parts = Parts(circuit, probs, failure_polarity, rank, budget, cache)
    except bdd.BudgetExceeded:
        return None
    if not parts.order:
        return None
    return Conditioning(parts).run(tolerance, max_leaves, relative)


def _monotone(circuit: ir.Circuit) -> bool:
    return all(circuit.nodes[i].op in MONOTONE_OPS for i in circuit.needed())


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
        for bits in _supports(circuit, kids):
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
        positions = self.members[a][0]
        keys: dict = {}
        column_of = np.empty(len(leaves), dtype=np.int64)
        for j, (failed, upto) in enumerate(leaves):
            decided = bisect_left(positions.tolist(), upto) if len(positions) else 0
            key = (decided, failed.intersection(positions[:decided].tolist()))
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
        for k, leaf in enumerate(self.order):
            gradient[self.names[leaf]] = float(np.exp(logs[k, 0]) - np.exp(logs[k, 1]))
        return gradient

    def _bad_of(self, passes: ColumnPasses, values: np.ndarray) -> np.ndarray:
        top, not_top = passes.root_value(values)
        return top if self.failure_polarity else not_top


class Conditioning:
    """The leaves of the conditioning and their bounds."""

    def __init__(self, parts: Parts) -> None:
        self.parts = parts
        fail = parts.fail
        self.m = len(fail)
        self.fail = fail
        self.log_ok = np.log1p(-fail)
        self.odds = fail / (1.0 - fail)
        # Suffix sums: log P(all free work), sum of free odds, from position k on.
        self.suffix_log_ok = np.concatenate([np.cumsum(self.log_ok[::-1])[::-1], [0.0]])
        self.prefix_log_ok = np.concatenate([[0.0], np.cumsum(self.log_ok)])
        self.suffix_odds = np.concatenate([np.cumsum(self.odds[::-1])[::-1], [0.0]])

    def run(self, tolerance: float, max_leaves: int, relative: bool = False) -> Bounded:
        leaves = self.split(frozenset(), 0, self.m)
        lo, hi = self.bounds(leaves)
        weight = self.mass(leaves)
        evaluated = len(leaves)
        asked = tolerance
        for _ in range(ROUNDS):
            gaps = weight * (hi - lo)
            total = float(gaps.sum())
            if relative:
                tolerance = asked * float(np.dot(weight, lo))
            if DEBUG:
                print("round", len(leaves), float(np.dot(weight, lo)), float(np.dot(weight, hi)), total)
            if total <= tolerance:
                break
            chosen = self._loosest(leaves, gaps, total - tolerance / 2, max_leaves - evaluated)
            if not chosen:
                break
            children = [child for j in chosen for child in self.split(*leaves[j], SPLIT)]
            keep = np.ones(len(leaves), dtype=bool)
            keep[chosen] = False
            new_lo, new_hi = self.bounds(children)
            leaves = [leaf for j, leaf in enumerate(leaves) if keep[j]] + children
            lo = np.concatenate([lo[keep], new_lo])
            hi = np.concatenate([hi[keep], new_hi])
            weight = np.concatenate([weight[keep], self.mass(children)])
            evaluated += len(children)
        low = float(np.dot(weight, lo))
        high = float(np.dot(weight, hi))
        p = self.parts
        return Bounded(low, max(low, high), evaluated, self.m, len(p.passes), p.bdd_nodes,
                       p.independent_gradient())

    def _loosest(self, leaves, gaps: np.ndarray, to_free: float, room: int) -> list[int]:
        """The leaves to split: loosest first, until their gaps add up to
        `to_free` or the leaf budget is spent."""
        chosen: list[int] = []
        for j in np.argsort(-gaps):
            if to_free <= 0 or gaps[j] <= 0:
                break
            cost = min(SPLIT, self.m - leaves[j][1]) + 1
            if cost > room:
                break
            chosen.append(int(j))
            room -= cost
            to_free -= gaps[j]
        return chosen

    def split(self, failed: frozenset, upto: int, width: int) -> list[tuple[frozenset, int]]:
        """Leaf (failed, upto) split over its next `width` free events,
        likeliest first: "the first fails", "the first works and the second
        fails", ..., "all `width` work" (the rest stay free)."""
        end = min(self.m, upto + width)
        return [(failed | {k}, k + 1) for k in range(upto, end)] + [(failed, end)]

    def mass(self, leaves) -> np.ndarray:
        return np.array([math.exp(self.prefix_log_ok[upto] + sum(
            math.log(self.odds[k]) for k in failed)) for failed, upto in leaves])

    def bounds(self, leaves) -> tuple[np.ndarray, np.ndarray]:
        """Bounds on P(bad | leaf) for each leaf."""
        with np.errstate(divide="ignore"):    # log(0): a part that is certainly bad
            return self._bounds(leaves)

    def _bounds(self, leaves) -> tuple[np.ndarray, np.ndarray]:
        n = len(leaves)
        upto = np.array([u for _, u in leaves])
        log_pi0 = self.suffix_log_ok[upto]
        pi0 = np.exp(log_pi0)
        at_most_one = pi0 * (1.0 + self.suffix_odds[upto])        # P(at most one free fails)
        log_good_true = np.zeros(n)
        log_good_up = np.zeros(n)
        delta = np.zeros((self.m, n))     # change of log P(all good) if event k alone fails
        part_two = np.zeros(n)            # sum over parts of P(part bad, two or more fail)
        for a in range(len(self.parts.passes)):
            settings, column_of = self.parts.columns(a, leaves)
            bad_true, bad_up, grad = self.parts.evaluate(a, settings)
            log_good_true += np.log1p(-np.minimum(bad_true, 1.0))[column_of]
            up_log = np.log1p(-np.minimum(bad_up, 1.0))
            log_good_up += up_log[column_of]
            positions = self.parts.members[a][0]
            if len(positions):
                with np.errstate(invalid="ignore"):   # -inf - -inf: the part is down anyway
                    single = np.log1p(-np.minimum(bad_up[None, :] + grad, 1.0)) - up_log[None, :]
                delta[positions] += np.nan_to_num(single, nan=0.0, neginf=-np.inf)[:, column_of]
                spread = (self.odds[positions][:, None] * grad).sum(axis=0)[column_of]
            else:
                spread = 0.0
            one = at_most_one * bad_up[column_of] + pi0 * spread
            part_two += np.maximum(0.0, bad_true[column_of] - one)
        free = np.arange(self.m)[:, None] >= upto[None, :]
        pi_single = np.where(free, self.odds[:, None] * pi0[None, :], 0.0)
        pi_more = np.maximum(0.0, -np.expm1(log_pi0) - pi_single.sum(axis=0))
        bad_all_up = -np.expm1(log_good_up)
        bad_single = -np.expm1(log_good_up[None, :] + delta)
        # P(bad and at most one free event fails), exact: the parts are independent there.
        exact_part = pi0 * bad_all_up + (pi_single * bad_single).sum(axis=0)
        # Two or more fail: split by the first one that fails (v); every
        # such state fails at least as much as "v alone fails" (monotone).
        before = np.exp(self.prefix_log_ok[:-1, None] - self.prefix_log_ok[upto][None, :])
        later = -np.expm1(self.suffix_log_ok[1:])[:, None]
        first_of_many = np.where(free, before * self.fail[:, None] * later, 0.0)
        lower = exact_part + (first_of_many * bad_single).sum(axis=0)
        upper = np.minimum(exact_part + np.minimum(pi_more, part_two), -np.expm1(log_good_true))
        if DEBUG:
            self.last = dict(exact=exact_part, lower=lower, more=pi_more, two=part_two,
                             fkg=-np.expm1(log_good_true))
        return np.minimum(lower, upper), upper


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


def _supports(circuit: ir.Circuit, kids: list[int]) -> list[int]:
    """Events under each kid, as bitsets over node indices."""
    below: dict[int, int] = {}
    for index in circuit.needed():
        node = circuit.nodes[index]
        bits = 1 << index if node.op == ir.EVENT else 0
        for child in node.children:
            bits |= below[child]
        below[index] = bits
    return [below[k] for k in kids]
