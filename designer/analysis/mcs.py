"""Minimal cut sets from a BDD, as a zero-suppressed BDD (Rauzy's algorithm).

For a node x with "x failed" branch F and "x works" branch W:

    minsol(node) = {x} x (minsol(F) without minsol(W))  +  minsol(W)

where "A without B" drops every set of A that contains a set of B. With an
order limit, minsol(node, k) keeps sets of at most k events; the cut sets of
F need one less (x takes a place). Counting by order is one pass over the
ZBDD, so baobab1's 46,188 cut sets are counted, never listed.

A non-coherent tree (with `not`) gets the cut sets of its monotone part:
negated events are dropped, as SCRAM does when it is not asked for prime
implicants.
"""
from __future__ import annotations

import sys
from dataclasses import dataclass

from .bdd import DEFAULT_BUDGET, BudgetExceeded, Flat

EMPTY, BASE = 0, 1   # the empty family; the family holding only the empty set


@dataclass
class CutSets:
    zbdd: "Zbdd"
    root: int
    leaves: list[str]

    def count_by_order(self) -> dict[int, int]:
        counts = self.zbdd.counts(self.root)
        return {order: n for order, n in enumerate(counts) if n}

    def of_order(self, order: int) -> list[tuple[str, ...]]:
        return sorted(tuple(self.leaves[v] for v in combo)
                      for combo in self.zbdd.sets(self.root, order))


class Zbdd:
    """Nodes (var, high = sets with var, low = sets without); 0 and 1 are
    the terminals. Variables are ordered by number, like the BDD's."""

    def __init__(self, budget: int = DEFAULT_BUDGET) -> None:
        self.budget = budget
        self.var = [sys.maxsize, sys.maxsize]
        self.high = [0, 0]
        self.low = [0, 0]
        self._unique: dict[tuple[int, int, int], int] = {}
        self._without: dict[tuple[int, int], int] = {}
        self._empty: dict[int, bool] = {}

    def node(self, var: int, high: int, low: int) -> int:
        if high == EMPTY:
            return low   # zero-suppression: no set holds var
        key = (var, high, low)
        found = self._unique.get(key)
        if found is None:
            found = len(self.var)
            if found > self.budget:
                raise BudgetExceeded(f"more than {self.budget:,} cut-set (ZBDD) nodes")
            self.var.append(var)
            self.high.append(high)
            self.low.append(low)
            self._unique[key] = found
        return found

    def without(self, a: int, b: int) -> int:
        """Sets of a that contain no set of b."""
        if a == EMPTY or b == EMPTY:
            return a
        if a == b or self._has_empty(b):
            return EMPTY
        if a == BASE:
            return BASE
        key = (a, b)
        found = self._without.get(key)
        if found is not None:
            return found
        if len(self._without) > self.budget:
            raise BudgetExceeded(f"more than {self.budget:,} cut-set subsumption steps")
        va, vb = self.var[a], self.var[b]
        if vb < va:
            result = self.without(a, self.low[b])
        elif va < vb:
            result = self.node(va, self.without(self.high[a], b), self.without(self.low[a], b))
        else:
            high = self.without(self.without(self.high[a], self.high[b]), self.low[b])
            result = self.node(va, high, self.without(self.low[a], self.low[b]))
        self._without[key] = result
        return result

    def _has_empty(self, a: int) -> bool:
        """Does family `a` hold the empty set (its low chain ends at BASE)?
        Memoised along the chain: a flat OR of 100,000 events makes a low
        chain that long, asked about at every subsumption step."""
        memo = self._empty
        walked = []
        while a > BASE and a not in memo:
            walked.append(a)
            a = self.low[a]
        answer = memo[a] if a > BASE else a == BASE
        for node in walked:
            memo[node] = answer
        return answer

    def counts(self, root: int) -> list[int]:
        """How many sets of each size (index = size). Counts per node are
        sparse {size: count}: one cut set of 20,000 events is one entry,
        not a list of 20,000 zeros at every node."""
        memo: dict[int, dict[int, int]] = {EMPTY: {}, BASE: {0: 1}}
        for node in self._postorder(root):
            merged = {order + 1: n for order, n in memo[self.high[node]].items()}
            for order, n in memo[self.low[node]].items():
                merged[order] = merged.get(order, 0) + n
            memo[node] = merged
        found = memo[root]
        counts = [0] * (max(found) + 1) if found else []
        for order, n in found.items():
            counts[order] = n
        return counts

    def sets(self, root: int, order: int):
        """Every set of exactly `order` members (for small orders), walked
        with an explicit stack: a flat OR of thousands of events is a low
        chain thousands of nodes long."""
        stack: list[tuple[int, int, tuple[int, ...]]] = [(root, order, ())]
        while stack:
            node, need, prefix = stack.pop()
            if need == 0:
                if self._has_empty(node):
                    yield prefix
                continue
            if node <= BASE:
                continue
            stack.append((self.low[node], need, prefix))         # sets without var, after
            stack.append((self.high[node], need - 1, (*prefix, self.var[node])))

    def _postorder(self, root: int) -> list[int]:
        order, seen, stack = [], set(), [(root, False)]
        while stack:
            node, expanded = stack.pop()
            if node <= BASE or (not expanded and node in seen):
                continue
            if expanded:
                order.append(node)
                continue
            seen.add(node)
            stack += [(node, True), (self.high[node], False), (self.low[node], False)]
        return order


def minimal_cut_sets(flat: Flat, leaves: list[str], fail_is_high: bool = True,
                     limit: int | None = None, budget: int = DEFAULT_BUDGET) -> CutSets:
    """Cut sets of the failure function held by `flat`. For a fault tree the
    BDD is the failure and an event true is a failure (`fail_is_high`); for a
    design the BDD is "up", so pass its complement and `fail_is_high=False`."""
    limit = len(leaves) if limit is None else limit
    zbdd = Zbdd(budget)
    memo: dict[tuple[int, int], int] = {}
    var, high_of, low_of, rank = flat.var, flat.high, flat.low, flat.rank

    def minsol(edge: int, k: int) -> int:
        if edge >> 1 == 0:
            return BASE if edge == 0 else EMPTY
        if k < 0:
            return EMPTY
        key = (edge, k)
        found = memo.get(key)
        if found is not None:
            return found
        if len(memo) > budget:
            raise BudgetExceeded(f"more than {budget:,} cut-set steps")
        node, negated = edge >> 1, edge & 1
        most = len(leaves) - rank[node]          # levels (events) left below this node
        if k > most:
            # A limit above what can still be picked changes nothing: keep one
            # memo entry per node (an AND of 20,000 events made 20,000 each).
            return minsol(edge, most)
        high, low = high_of[node] ^ negated, low_of[node] ^ negated
        failed, works = (high, low) if fail_is_high else (low, high)
        rest = minsol(works, k)
        with_var = zbdd.without(minsol(failed, k - 1), rest) if k > 0 else EMPTY
        memo[key] = result = zbdd.node(var[node], with_var, rest)
        return result

    old_limit = sys.getrecursionlimit()
    sys.setrecursionlimit(max(old_limit, 20 * len(leaves) + 1000))
    try:
        root = minsol(flat.root, limit)
    finally:
        sys.setrecursionlimit(old_limit)
    return CutSets(zbdd, root, leaves)


def cut_sets_of(circuit, top: int | None = None, fail_is_high: bool = True,
                limit: int | None = None, budget: int = DEFAULT_BUDGET) -> CutSets:
    """Minimal cut sets of a whole circuit (one BDD over every event, no
    modules: a cut set may cross them). `BudgetExceeded` when too big."""
    from . import bdd
    from .preprocess import simplify
    if top is None or top == circuit.top:
        # Coalesced, a chain of 10,000 ORs is one OR: its BDD is built in
        # linear time (unsimplified, each step rebuilt the whole diagram).
        circuit = simplify(circuit)
    top = circuit.top if top is None else top
    order = bdd.leaf_order(circuit, top)
    leaf_of = {i: circuit.nodes[i].name for i in order}
    manager = bdd.Manager([leaf_of[i] for i in order], budget)
    flat = bdd.flatten(bdd.build(circuit, manager, top, leaf_of), manager)
    if not fail_is_high:
        flat.root ^= 1          # a design's BDD is "up": its cut sets are of "down"
    return minimal_cut_sets(flat, manager.leaves, fail_is_high, limit, budget)
