"""The minimal-cut-set part of `weaklink fta`, within seconds on every tree.

A coherent tree (AND, OR, atleast) reuses the module BDDs the exact P(top)
already built: cut sets are found module by module (mcs_modules.py). When
the full family is too big to find in the step budget, the cut sets are
kept up to an order limit chosen by the probability the dropped ones can
still carry (mcs_bound.py, an upper bound, never an estimate): the smallest
order whose tail is at most DROPPED_FRACTION of P(top). The answer then
says so: `truncated = (order_limit, max_dropped_probability)`.

A non-coherent tree (not, xor) does the same when every module is false
with nothing failed (mcs_modules.false_at_base: cea9601, das9701); else it
gets its cut sets from one BDD over every event (mcs.cut_sets_of).
"""
from __future__ import annotations

from dataclasses import dataclass

from . import ir
from .bdd import BYTES_PER_NODE, BudgetExceeded
from .gc_pause import collector_paused
from .mcs import cut_sets_of
from .mcs_bound import dropped_above
from .mcs_modules import ModularBdds, false_at_base, is_coherent, modular_cut_sets
from .modules_sampled import TooManySampled

# Steps (ZBDD nodes, subsumption steps) for the whole family: about 4 s of
# Python on the loaded 2-core machine; tried on trees whose BDDs are small
# enough to make that likely (edf9202, 184,000 nodes, needs 7 s: limited).
# Past it, an order limit, its family within LIMITED_STEPS (about 3 s).
FULL_STEPS = 400_000
FULL_FROM_NODES = 100_000
LIMITED_STEPS = 300_000
ASKED_STEPS = 2_000_000   # an order limit the user asked for: as before (mcs.py)
# The dropped cut sets may carry at most this fraction of P(top).
DROPPED_FRACTION = 1e-3
# Orders looked at when choosing the limit: the bound keeps HIGHEST_LIMIT + 2
# floats per BDD node and polarity (edf9204, 407,000 nodes: 91 MB).
HIGHEST_LIMIT = 12
# One BDD over every event for a non-coherent tree: past this many nodes in
# the probability BDDs it would take minutes.
CUT_SET_LIMIT = 1_000_000


@dataclass
class FoundCuts:
    cuts: object                         # CutSets or ModularCutSets
    truncated: tuple[int, float] | None  # (order limit, max dropped probability)


def fault_tree_cut_sets(circuit: ir.Circuit, probs: dict[str, float], exact,
                        p_top: float, limit: int | None = None) -> FoundCuts:
    """`exact`: modules.Exact of P(top), or None when P(top) was bounded or
    sampled. Raises BudgetExceeded (with the reason) when not found."""
    if exact is None:
        raise BudgetExceeded("the exact BDDs of the tree do not fit (P(top) is not exact)")
    bdds = ModularBdds.of_exact(exact)
    coherent = is_coherent(circuit)
    if bdds is None or not (coherent or false_at_base(bdds)):
        # The top is one event or a constant, or a module fails with nothing
        # failed: one BDD over every event.
        if not coherent and exact.bdd_nodes > CUT_SET_LIMIT:
            raise BudgetExceeded("the tree is not coherent and too big for one BDD "
                                 f"({exact.bdd_nodes:,} BDD nodes)")
        return FoundCuts(cut_sets_of(circuit, limit=limit), None)
    # A dropped cut set of a non-coherent tree can fail without the top (an
    # event whose failure averts it may fail too): no clipping at P(top).
    ceiling = p_top if coherent else 1.0
    if limit is not None:
        cuts = modular_cut_sets(bdds, limit, ASKED_STEPS)
        if limit >= len(probs):          # no cut set can hold more events than there are
            return FoundCuts(cuts, None)
        # Above HIGHEST_LIMIT the tail there bounds the smaller tail at `limit`.
        order = min(limit, HIGHEST_LIMIT)
        tail = dropped_above(bdds, probs, order)[order]
        return FoundCuts(cuts, _truncation(limit, tail, ceiling))
    tails = dropped_above(bdds, probs, min(HIGHEST_LIMIT, len(probs)))
    if exact.bdd_nodes <= FULL_FROM_NODES:
        try:
            return FoundCuts(modular_cut_sets(bdds, None, FULL_STEPS), None)
        except BudgetExceeded:
            pass
    return _growing_limit(bdds, tails, p_top, ceiling)


def _growing_limit(bdds: ModularBdds, tails: list[float], p_top: float,
                   ceiling: float) -> FoundCuts:
    """Orders 1, 2, ... until the tail is small enough, or the next order
    would not fit the step budget: each order costs a few times the one
    before, so a failing try (which costs the whole budget) is foreseen."""
    kept, steps, previous = None, 0, 0
    for order in range(1, len(tails)):
        growth = min(max(steps / max(previous, 1), 2.0), 4.0)   # measured: 2.2-3 per order
        if kept is not None and steps * growth > LIMITED_STEPS:
            break
        try:
            cuts = modular_cut_sets(bdds, order, LIMITED_STEPS)
        except BudgetExceeded:
            if kept is None:
                raise
            break
        previous, steps = steps, _steps(cuts)
        kept = FoundCuts(cuts, _truncation(order, tails[order], ceiling))
        if tails[order] <= DROPPED_FRACTION * p_top:
            break
    return kept


def _steps(cuts) -> int:
    """ZBDD nodes and subsumption steps the family took (what the budget counts)."""
    return sum(len(c.zbdd.var) + len(c.zbdd._without) for c in (cuts.top, *cuts.parts.values()))


def _truncation(order: int, tail: float, ceiling: float) -> tuple[int, float] | None:
    """None when nothing can have been dropped. In a coherent tree the union
    bound never says more than P(top) (`ceiling`): a dropped cut set fails
    only when the top does."""
    if tail <= 0.0:
        return None
    return order, float(min(tail, ceiling))


@collector_paused()
def top_probability(circuit: ir.Circuit, probs: dict[str, float], budget: int,
                    tolerance: float, max_memory: int | None = None,
                    coherent_budget: int | None = None):
    """(Availability of the top event, modules.Exact or None): exact by
    modules when the BDDs fit `budget` nodes (the Exact keeps them for the
    cut sets); else, for a coherent tree, certified bounds where they apply
    (bounds.py); else Monte Carlo inside the modules that do not fit, exact
    around them (modules_sampled.py).
    `max_memory` is CUDD's ceiling for a tree with NOT gates, which the
    bounds cannot take (a coherent tree keeps the ceiling its budget
    implies, and has the bounds to fall back on). A tree with NOT gates has its common
    arguments factored first (factoring.py): cea9601 1.24 -> 1.08 million
    nodes, 15-20 % faster. A coherent tree is not: there the diagrams came
    out up to 27 % smaller or 13 % bigger, no faster, and the cut sets'
    dropped tail looser (edfpa14o kept order 4 instead of 5;
    docs/performance.md). `coherent_budget`: a smaller node budget for a
    coherent tree, which has the bounds to fall back on (its CUDD memory
    ceiling stays what `budget` implies). A diagram may move a selector's
    events to the top once while it is built, and builds a multiplexer as
    one ITE (bdd_selector.py: das9701 2.5 -> 1.0 million nodes, P(top)
    5.3 -> 2.3 s; no other Aralia tree's diagram changes)."""
    from . import availability, modules
    coherent = is_coherent(circuit)
    memory = BYTES_PER_NODE * budget if coherent else max_memory
    if coherent and coherent_budget is not None:
        budget = min(budget, coherent_budget)
    try:
        exact = modules.solve(circuit, probs, budget=budget, max_memory=memory,
                              factor=not coherent, sample=True, selector_first=True)
    except TooManySampled:
        exact = None
    if exact is None or exact.sampled:
        found = None
        if coherent:
            found = availability.bounded(circuit, probs, failure_polarity=True,
                                         tolerance=tolerance, budget=budget, relative=True)
        if found is None and exact is not None:
            found = availability.sampled_in_modules(exact, probs, failure_polarity=True)
        return found or availability.sampled(circuit, probs, failure_polarity=True), None
    found = availability.Availability(exact.p_top, exact.q_top, availability.EXACT,
                                      bdd_nodes=exact.bdd_nodes,
                                      bounds=(exact.p_top, exact.p_top))
    found.importance = availability.importance(exact.p_top, exact.q_top, exact.gradient,
                                               probs, failure_polarity=True)
    return found, exact
