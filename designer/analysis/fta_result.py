"""What `weaklink fta` finds in an Open-PSA fault tree: one frozen
`FaultTreeResult`, made once by `analyse_fault_tree`. The report layer
(designer/report/fault_tree.py) turns it into the `--json` object and the
text, so each figure is worded and rounded in one place. No Qt.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

from .bdd import BudgetExceeded
from .result import FrozenMap

# Fault trees are analysed once, off-line: allow bigger diagrams than the
# interactive design analysis does (about 40 bytes a node in CUDD).
FTA_BUDGET = 3_000_000
# CUDD's memory ceiling for a tree with NOT gates. Certified bounds need a
# monotone circuit, so such a tree falls back to Monte Carlo: the exact BDD
# gets more room. das9701's 2.5 million nodes peak between 450 and 600 MB
# (measured 2026-12-02). A coherent tree keeps the interactive ceiling
# (bdd.py, 100 bytes a node: 300 MB) and falls back to the bounds: a random
# sum of products fills whatever ceiling it gets in one BDD operation before
# it gives up (1 GB: 12-30 s; 300 MB: 5-6 s, issue 16).
FTA_MEMORY = 1_000_000_000
# The node budget of a coherent tree's exact BDD (it keeps the 300 MB
# ceiling of FTA_BUDGET), checked after every gate (bdd.py): the largest
# coherent Aralia tree, edf9204, ends with 407,134 nodes but holds
# 1,085,472 live between two gates; nus9601 passes 1.25 million after its
# first big OR, 2.2 s in, before the bounds refuse it (one part holds
# nearly everything) and Monte Carlo answers inside its big module.
FTA_COHERENT_BUDGET = 1_250_000
# Where the exact BDD does not fit, certified bounds on P(top) with this
# gap relative to P(top) (issue 10).
FTA_RELATIVE_TOLERANCE = 1e-12


@dataclass(frozen=True)
class SampledModuleFigures:
    """A module whose BDD did not fit, estimated by Monte Carlo inside while
    everything around it stayed exact (modules_sampled.py)."""
    module: str                      # "#top", or "#module<index>"
    events: int                      # basic events under it
    samples: int


@dataclass(frozen=True)
class CutSetFigures:
    count: int
    by_order: FrozenMap              # order -> how many minimal cut sets
    spofs: tuple[str, ...]           # the cut sets of order 1
    # With an order limit: the limit and the most the cut sets it leaves out
    # can carry (fta_cuts.py); None when the family is whole.
    truncated: Optional[tuple[int, float]] = None


@dataclass(frozen=True)
class FaultTreeResult:
    top_event: str
    probability: float               # P(top event)
    method: str                      # "exact" | "bounded" | "monte-carlo"
    events: int                      # basic events in the tree
    confidence_interval: Optional[tuple[float, float]] = None   # Monte Carlo, 95 %
    bounds: Optional[tuple[float, float]] = None                 # certified [lo, hi]
    sampled_modules: tuple[SampledModuleFigures, ...] = ()
    cut_sets: Optional[CutSetFigures] = None
    cut_sets_missing: str = ""       # why there are no cut sets, when there are none
    birnbaum: FrozenMap = FrozenMap()   # basic event -> Birnbaum importance, by name


def analyse_fault_tree(tree, limit_order: int | None = None,
                       phase=lambda text: None) -> FaultTreeResult:
    """P(top) exact, bounded or sampled (fta_cuts.top_probability), the
    minimal cut sets (whole, or up to an order the probability mass allows)
    and each basic event's Birnbaum importance."""
    from .fta_cuts import top_probability
    phase("computing the top-event probability")
    found, exact = top_probability(tree.circuit, tree.probabilities, FTA_BUDGET,
                                   FTA_RELATIVE_TOLERANCE, FTA_MEMORY, FTA_COHERENT_BUDGET)
    cut_sets, missing = _cut_sets(tree, exact, found.value, limit_order, phase)
    return FaultTreeResult(
        top_event=tree.top_name, probability=found.value, method=found.method,
        events=len(tree.circuit.event_node),
        confidence_interval=_pair(found.confidence_interval),
        bounds=_pair(found.bounds) if found.method == "bounded" else None,
        sampled_modules=tuple(
            SampledModuleFigures(part.leaf, part.events, part.estimate.samples)
            for part in found.sampled),
        cut_sets=cut_sets, cut_sets_missing=missing,
        birnbaum=FrozenMap({name: imp.birnbaum
                            for name, imp in sorted(found.importance.items())}))


def _cut_sets(tree, exact, p_top: float, limit_order: int | None,
              phase) -> tuple[Optional[CutSetFigures], str]:
    from .fta_cuts import fault_tree_cut_sets
    phase("finding the minimal cut sets")
    try:
        got = fault_tree_cut_sets(tree.circuit, tree.probabilities, exact, p_top, limit_order)
    except BudgetExceeded as err:
        return None, str(err)
    by_order = got.cuts.count_by_order()
    return CutSetFigures(count=sum(by_order.values()), by_order=FrozenMap(by_order),
                         spofs=tuple(names[0] for names in got.cuts.of_order(1)),
                         truncated=got.truncated), ""


def _pair(values) -> Optional[tuple[float, float]]:
    return None if values is None else (float(values[0]), float(values[1]))
