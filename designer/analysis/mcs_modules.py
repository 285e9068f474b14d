"""Minimal cut sets module by module (as SCRAM's ZBDDs do with modules).

A module (modules.find_modules) shares no event with the rest of the tree,
so for a coherent tree (AND, OR, atleast only) its minimal cut sets compose:
the cut sets of the top are those of the top's own ZBDD, where a module's
stand-in variable is replaced by each cut set of that module in turn. The
result is minimal without any further subsumption, because the module's
events occur nowhere else.

So each module gets its own small BDD and ZBDD (mcs.minimal_cut_sets), and
counting by order is a product of count polynomials: a stand-in contributes
its module's polynomial where an event contributes one set of order 1.
The one BDD over every event that mcs.cut_sets_of needs (a million nodes on
some Aralia trees) is never built.

The same composition holds for a non-coherent tree (not, xor) whose every
module is false when no event has failed (`false_at_base`). A cut set is a
minimal set S whose failure, every other event working, fails the top
(mcs.py); a module stand-in absent from a set of its parent means "the
module has not failed", which its empty set of events gives. Every set of
the family contains one of the composed sets, the composed sets are in the
family, and none contains another (the module's events occur nowhere
else), so the composition is the family, minimal as it stands. A module
that fails with nothing failed (an OR over a negated event, say) would need
its "not failed" sets too: such trees are left to mcs.cut_sets_of.
"""
from __future__ import annotations

from dataclasses import dataclass

from . import bdd, ir
from .mcs import BASE, EMPTY, CutSets, minimal_cut_sets

COHERENT = frozenset({ir.EVENT, ir.CONST, ir.AND, ir.OR, ir.ATLEAST})
STAND_IN = "#module"

Poly = dict[int, int]   # order -> how many sets of that order


@dataclass
class ModularCutSets:
    """Cut sets of the top; `parts[name]` are those of module `name`."""

    top: CutSets
    parts: dict[str, CutSets]
    limit: int | None
    bdd_nodes: int

    def count_by_order(self) -> dict[int, int]:
        found = weighted_counts(self.top, self._weights(), self.limit)
        return {order: n for order, n in sorted(found.items()) if n}

    def _weights(self) -> dict[int, Poly]:
        """Each stand-in variable's polynomial, innermost module first (a
        module only holds stand-ins of modules inside it)."""
        var_of = {leaf: var for var, leaf in enumerate(self.top.leaves)}
        weights: dict[int, Poly] = {}
        for name, cuts in self.parts.items():
            weights[var_of[name]] = weighted_counts(cuts, weights, self.limit)
        return weights

    def of_order(self, order: int) -> list[tuple[str, ...]]:
        return sorted(tuple(sorted(s)) for s in self._sets(self.top, order))

    def _sets(self, cuts: CutSets, order: int):
        """Sets of exactly `order` events: a top set of j literals whose
        stand-ins expand to sets adding up to `order` (small orders only)."""
        for size in range(1, order + 1):
            for combo in cuts.zbdd.sets(cuts.root, size):
                yield from self._expand([cuts.leaves[v] for v in combo], order)

    def _expand(self, literals: list[str], order: int):
        if not literals:
            if order == 0:
                yield ()
            return
        first, rest = literals[0], literals[1:]
        if not first.startswith(STAND_IN):
            for tail in self._expand(rest, order - 1):
                yield (first, *tail)
            return
        for size in range(1, order - len(rest) + 1):
            heads = list(self._sets(self.parts[first], size))
            if heads:
                for tail in self._expand(rest, order - size):
                    for head in heads:
                        yield (*head, *tail)


def weighted_counts(cuts: CutSets, weight: dict[int, Poly], limit: int | None) -> Poly:
    """Sets by order where variable v counts as polynomial weight[v]
    (default: one set of order 1); orders above `limit` are dropped."""
    zbdd = cuts.zbdd
    memo: dict[int, Poly] = {EMPTY: {}, BASE: {0: 1}}
    for node in zbdd._postorder(cuts.root):
        own = weight.get(zbdd.var[node], {1: 1})
        merged = dict(memo[zbdd.low[node]])
        for order, n in memo[zbdd.high[node]].items():
            for extra, m in own.items():
                total = order + extra
                if limit is None or total <= limit:
                    merged[total] = merged.get(total, 0) + n * m
        memo[node] = merged
    return memo[cuts.root]


def is_coherent(circuit: ir.Circuit) -> bool:
    return all(circuit.nodes[i].op in COHERENT for i in circuit.needed())


def false_at_base(bdds: "ModularBdds") -> bool:
    """Every module, and the top, is false when no event has failed: in each
    BDD, innermost module first, the path of low edges ends in FALSE (the
    stand-ins of the modules inside are false already, else we stopped)."""
    for _, flat in bdds.flats:
        edge, negated, low = flat.root, False, flat.low
        while edge >> 1:                        # node 0 is the constant TRUE
            negated ^= bool(edge & 1)
            edge = low[edge >> 1]
        if negated == bool(edge & 1):           # TRUE: failed with nothing failed
            return False
    return True


@dataclass
class ModularBdds:
    """One flattened BDD per module, innermost first, the top last as
    "#top"; a module is the leaf STAND_IN<index> in the BDDs around it.
    modules.solve builds them for P(top) (Exact.flats): fta reuses them."""

    leaves: list[str]
    flats: list[tuple[str, bdd.Flat]]
    nodes: int

    @classmethod
    def of_exact(cls, exact) -> "ModularBdds | None":
        return None if exact.flats is None else cls(exact.leaves, exact.flats, exact.bdd_nodes)


def modular_cut_sets(bdds: ModularBdds, limit: int | None = None,
                     budget: int = bdd.DEFAULT_BUDGET) -> ModularCutSets:
    """Cut sets module by module (of a coherent circuit's module BDDs);
    each module's ZBDD keeps sets of at most `limit` of its literals."""
    parts: dict[str, CutSets] = {}
    for name, flat in bdds.flats:
        parts[name] = minimal_cut_sets(flat, bdds.leaves, limit=limit, budget=budget)
    top = parts.pop("#top")
    return ModularCutSets(top, parts, limit, bdds.nodes)
