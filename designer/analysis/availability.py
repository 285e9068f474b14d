"""System availability and importance (ANALYSIS.md section 4).

`analyse` answers P(top) exactly with BDDs, module by module; when the
BDDs outgrow their node budget it computes certified lower and upper
bounds (bounds.py), and only where those do not apply either it falls
back to Monte Carlo. Every figure carries the method that produced it
("exact", "bounded" with its `bounds`, or "monte-carlo" with its 95 %
confidence interval).

Importance is stated in terms of "risk", the probability of the bad
outcome: 1 - A for a design (events are "works"), P(top) for a fault tree
(events are "fails"). With x = P(event in its bad state) and
G = dRisk/dx (Birnbaum: for a design, A(c up) - A(c down)):

    risk if the event is certainly bad   R1 = R + (1 - x) G
    risk if the event is perfect         R0 = R - x G
    risk achievement worth  RAW = R1 / R
    risk reduction worth    RRW = R / R0   (infinite when R0 is 0)
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field

from designer.model.design import DEFAULT_BOUNDS_TOLERANCE

from . import bdd, bounds, ir, modules, montecarlo
from .design_order import exact_orders, placement_rank, rack_rank
from .gc_pause import collector_paused
from .modules_sampled import SampledModule
from .preprocess import with_common_causes
from .result import MINUTES_PER_YEAR

EXACT, BOUNDED, MONTE_CARLO = "exact", "bounded", "monte-carlo"


@dataclass(frozen=True)
class Importance:
    birnbaum: float
    raw: float
    rrw: float


@dataclass
class Availability:
    """P(top) of a circuit, and what it means for a design or a fault tree."""

    value: float                           # P(top true)
    complement: float                      # P(top false), without subtraction when exact
    method: str                            # EXACT or MONTE_CARLO
    confidence_interval: tuple[float, float] | None = None
    importance: dict[str, Importance] = field(default_factory=dict)
    bdd_nodes: int = 0
    bounds: tuple[float, float] | None = None   # certified [lo, hi] on value (exact: equal)
    # Monte Carlo inside these modules only, exact around them (fault trees,
    # modules_sampled.py); empty when the whole circuit was sampled.
    sampled: tuple[SampledModule, ...] = ()

    @property
    def gap(self) -> float | None:
        return None if self.bounds is None else self.bounds[1] - self.bounds[0]

    @property
    def downtime_minutes_per_year(self) -> float:
        return self.complement * MINUTES_PER_YEAR

    @property
    def nines(self) -> float:
        return nines(self.value)


def nines(availability: float) -> float:
    """-log10(1 - A); infinite for a design that cannot go down."""
    return nines_down(1.0 - availability)


def nines_down(unavailability: float) -> float:
    """-log10(U). Below an availability of 1e-16, U is 1.0, whose -log10 is
    -0.0, written "-0.0 nines": 0.0 - x gives +0.0."""
    return math.inf if unavailability <= 0 else 0.0 - math.log10(unavailability)


def analyse(circuit: ir.Circuit, probs: dict[str, float], budget: int = bdd.DEFAULT_BUDGET,
            failure_polarity: bool = False, with_importance: bool = True,
            samples: int | None = None, seed: int = 0,
            max_events: int | None = None, rank: dict[str, int] | None = None,
            tolerance: float = DEFAULT_BOUNDS_TOLERANCE, bound_rank: dict[str, int] | None = None,
            max_leaves: int = bounds.MAX_LEAVES,
            bound_max_events: int | None = None, part_cache: dict | None = None,
            relative: bool = False, part_budget: int | None = None,
            bound_work: int = bounds.MAX_WORK,
            second_rank: dict[str, int] | None = None,
            second_budget: int | None = None) -> Availability:
    """P(top) with importance of every event. `failure_polarity`: events
    and top mean "fails" (a fault tree) rather than "works" (a design).
    `max_events`: a size budget; bigger circuits skip the exact BDD.
    `rank`: a variable order hint for the BDDs (modules.solve); `bound_rank`
    the same for the per-part BDDs of the bounds (bounds.py).
    Exact when the BDDs fit `budget`; else certified bounds (bounds.py,
    gap aimed at `tolerance`, at most `max_leaves` conditioning leaves and
    `bound_work` parts x leaves,
    circuits of at most `bound_max_events` events, the parts' BDDs within
    `part_budget` nodes, by default the smaller of `budget` and
    bounds.PART_BUDGET); else Monte Carlo.
    `part_cache` keeps the bounds' per-part BDDs between calls (incremental.py);
    `relative`: `tolerance` is a fraction of P(bad) (fault trees).
    `second_rank`: another order hint for the exact BDD, tried where the
    first passed its budget and the bounds do not apply, before Monte
    Carlo (design_order.exact_orders), within `second_budget` nodes (by
    default `budget`)."""
    small = max_events is None or len(circuit.event_node) <= max_events
    found = _exact(circuit, probs, budget, rank, failure_polarity, with_importance) if small \
        else None
    if found is None and (bound_max_events is None or len(circuit.event_node) <= bound_max_events):
        found = _bounded(circuit, probs, failure_polarity, tolerance, bound_rank,
                         part_budget or min(budget, bounds.PART_BUDGET), max_leaves,
                         with_importance, part_cache, relative, bound_work)
    if found is None and small and second_rank is not None:
        found = _exact(circuit, probs, second_budget or budget, second_rank, failure_polarity,
                       with_importance)
    return found or _sampled(circuit, probs, samples, seed, failure_polarity, with_importance)


def _exact(circuit, probs, budget, rank, failure_polarity, with_importance) -> Availability | None:
    """The exact BDD's figures, or None past `budget`."""
    try:
        exact = modules.solve(circuit, probs, budget=budget, rank=rank)
    except bdd.BudgetExceeded:
        return None
    result = Availability(exact.p_top, exact.q_top, EXACT, bdd_nodes=exact.bdd_nodes,
                          bounds=(exact.p_top, exact.p_top))
    if with_importance:
        result.importance = importance(exact.p_top, exact.q_top, exact.gradient,
                                       probs, failure_polarity)
    return result


def _bounded(circuit, probs, failure_polarity, tolerance, rank, budget, max_leaves,
             with_importance, cache=None, relative=False,
             max_work=bounds.MAX_WORK) -> Availability | None:
    """Certified bounds as an Availability: `value` and `complement` are the
    midpoints, `bounds` the interval on P(top)."""
    found = bounds.bound(circuit, probs, failure_polarity, tolerance, rank,
                         budget, max_leaves, cache, relative, max_work)
    if found is None:
        return None
    bad = (found.lo + found.hi) / 2
    # No shared event to condition on: the parts are independent and their
    # product is the exact answer (bounds._independent).
    method = EXACT if found.shared == 0 else BOUNDED
    if failure_polarity:
        result = Availability(bad, 1.0 - bad, method, bounds=(found.lo, found.hi))
    else:
        result = Availability(1.0 - bad, bad, method, bounds=(1.0 - found.hi, 1.0 - found.lo))
    result.bdd_nodes = found.bdd_nodes
    if with_importance:
        result.importance = importance(result.value, result.complement, found.gradient,
                                       probs, failure_polarity)
    return result


def bounded(circuit: ir.Circuit, probs: dict[str, float], failure_polarity: bool,
            tolerance: float, budget: int, relative: bool = False) -> Availability | None:
    """Certified bounds alone (bounds.py), or None where they do not apply."""
    return _bounded(circuit, probs, failure_polarity, tolerance, None,
                    min(budget, bounds.PART_BUDGET), bounds.MAX_LEAVES, True, None, relative)


def sampled(circuit: ir.Circuit, probs: dict[str, float],
            failure_polarity: bool) -> Availability:
    """Monte Carlo over the whole circuit."""
    return _sampled(circuit, probs, None, 0, failure_polarity, True)


def sampled_in_modules(found: modules.Exact, probs: dict[str, float],
                       failure_polarity: bool) -> Availability:
    """modules.solve(sample=True)'s answer: Monte Carlo inside `found.sampled`."""
    result = Availability(found.p_top, found.q_top, MONTE_CARLO, found.interval,
                          bdd_nodes=found.bdd_nodes, sampled=found.sampled)
    result.importance = importance(found.p_top, found.q_top, found.gradient, probs,
                                   failure_polarity)
    return result


def _sampled(circuit, probs, samples, seed, failure_polarity, with_importance) -> Availability:
    found = montecarlo.estimate(circuit, probs, samples, seed)
    result = Availability(found.value, 1.0 - found.value, MONTE_CARLO, found.interval)
    if with_importance:
        result.importance = importance(found.value, 1.0 - found.value, found.birnbaum,
                                       probs, failure_polarity)
    return result


def importance(p_top: float, q_top: float, gradient: dict[str, float],
               probs: dict[str, float], failure_polarity: bool) -> dict[str, Importance]:
    risk = p_top if failure_polarity else q_top
    found: dict[str, Importance] = {}
    for event, p in probs.items():
        # Birnbaum is dP(top)/dp in either polarity: both sides flip for a design.
        g = gradient.get(event, 0.0)
        bad = p if failure_polarity else 1.0 - p
        worst, best = risk + (1.0 - bad) * g, max(0.0, risk - bad * g)
        raw = worst / risk if risk > 0 else (math.inf if worst > 0 else 1.0)
        rrw = risk / best if best > 0 else (math.inf if risk > 0 else 1.0)
        found[event] = Importance(g, raw, rrw)
    return found


# Designs: exact up to a size and node budget that keeps the analysis
# interactive (measured in benchmarks/bench_availability.py), else Monte Carlo.
# With the placement order the generated designs stay exact up to 500
# components (481 events, 0.3 s); from two racks of servers per site the BDD
# passes the node budget, after 0.3-0.5 s of trying, so the size cut stays.
DESIGN_MAX_EVENTS = 500
DESIGN_BUDGET = 200_000
# The room of the exact BDD's try in the other order (design_order.
# exact_orders), the last before Monte Carlo: site by site after the
# placement order where the top is an AND; where it is an OR, the first
# try, rack by rack within each site, whose peak passes 200,000 nodes on
# the bigger designs below (the placement order then gets DESIGN_BUDGET).
DESIGN_SECOND_BUDGET = 500_000
# Where the top is an OR the bounds cannot serve (they condition a union of
# parts), so the exact BDD is tried on bigger designs before Monte Carlo:
# the duplicated-services plan's last design with racks and a site copied
# again, 491 / 686 / 780 / 921 events, is exact in 10,059 / 14,445 /
# 16,599 / 19,830 nodes, 0.4 / 0.9 / 1.2 / 1.9 s, where Monte Carlo said
# "at least 99.99963 %".
DESIGN_OR_MAX_EVENTS = 1_000
# Bounds (bounds.py) above that, up to DESIGN_BOUND_MAX_EVENTS; Monte Carlo
# past it. The work budget (parts x leaves) keeps the time about flat past
# 10,000 components, the gap widening instead. Generated designs, two
# cores (docs/performance.md): 1,000 components 0.18 s, 5,000 2.1 s, both
# to the 1e-9 asked; then stopped by the work budget: 10,000 (9,519
# events, 160 parts) 4.3-5.0 s, gap 2.3e-8; 15,000 6.6 s, 1.1e-7; 20,000
# 7.6 s, 2.4e-7; 30,000 (28,547 events) 7.2 s, 8.4e-7, 730 MB at its
# peak (twice the leaves took the 10,000's gap to 1.9e-8 only). Monte
# Carlo's 95 % interval is 1.3e-3 to 2.1e-3 wide there, a thousand times
# the gap and more: too wide for the cost plan to rank its candidates (at
# 10,000 components it stopped after 2 steps, "nothing improves", where
# the bounds take it 15 steps). Past about 30,000 the first split over
# the shared events no longer fits the work budget anyway.
DESIGN_BOUND_MAX_EVENTS = 30_000
DESIGN_PART_BUDGET = 1_500_000   # nodes of the parts' BDDs (5,000 components: about 1 million)
DESIGN_MAX_LEAVES = 10_000
DESIGN_MAX_WORK = 800_000        # parts x leaves: 79 x 10,000 at 5,000 components


@collector_paused()
def design_availability(design, compiled=None, budget: int = DESIGN_BUDGET,
                        max_events: int | None = None,
                        tolerance: float | None = None,
                        max_leaves: int = DESIGN_MAX_LEAVES,
                        part_cache: dict | None = None, bounded: bool = True) -> Availability:
    """Availability of a design, with importance keyed by component id:
    exact, else certified bounds (gap aimed at `tolerance` on
    unavailability, the design's `bounds_tolerance` unless given; not tried
    unless `bounded`), else Monte Carlo. `part_cache`: see `analyse`.
    `max_events`: the exact BDD's size limit, by default DESIGN_MAX_EVENTS,
    or DESIGN_OR_MAX_EVENTS where the top is an OR."""
    from .figures import availabilities
    from .structure import compile_design
    compiled = compiled or compile_design(design)
    figures = availabilities(design)
    probs = {event: figures[cid] for cid, event in compiled.event_of.items()}
    circuit = common_causes(design, compiled, probs)
    placement, bound_rank = _ranks(design, compiled, part_cache)
    alternatives = circuit.nodes[circuit.top].op == ir.OR
    rank, second_rank = exact_orders(placement, bound_rank, alternatives)
    second_budget = DESIGN_SECOND_BUDGET
    if alternatives:          # rack by rack first, with the second try's room
        budget, second_budget = second_budget, budget
    if max_events is None:
        max_events = DESIGN_OR_MAX_EVENTS if alternatives else DESIGN_MAX_EVENTS
    result = analyse(circuit, probs, budget, max_events=max_events, rank=rank,
                     tolerance=design.settings.bounds_tolerance if tolerance is None else tolerance,
                     bound_rank=bound_rank, max_leaves=max_leaves,
                     bound_max_events=DESIGN_BOUND_MAX_EVENTS if bounded else -1,
                     part_cache=part_cache,
                     part_budget=DESIGN_PART_BUDGET, bound_work=DESIGN_MAX_WORK,
                     second_rank=second_rank, second_budget=second_budget)
    by_event = {event: cid for cid, event in compiled.event_of.items()}
    result.importance = {by_event[e]: found for e, found in result.importance.items()
                         if e in by_event}
    return result


def _ranks(design, compiled, part_cache: dict | None) -> tuple[dict, dict]:
    """The variable-order hints from the design's placement (design_order.py:
    the placement's and the racks'), kept in the part cache with the
    compiled circuit they were read for: a compiled circuit is reused only
    for a design that differs in figures alone (incremental.py), so the
    placement is the same (4.8 ms of an edit's 45 at 1,000 components)."""
    held = None if part_cache is None else part_cache.get("ranks")
    if held is not None and held[0] is compiled:
        return held[1]
    ranks = placement_rank(design, compiled.event_of), rack_rank(design, compiled.event_of)
    if part_cache is not None:
        part_cache["ranks"] = (compiled, ranks)
    return ranks


def common_causes(design, compiled, probs: dict[str, float]) -> ir.Circuit:
    """Declared beta-factor groups (ANALYSIS.md section 7): a member's
    unavailability Q splits into (1 - beta) Q of its own and one event per
    group, beta x (mean Q of the members), that takes every member down.
    Updates `probs` in place; the circuit is unchanged without groups."""
    groups: dict[str, list[str]] = {}
    for comp in design.components:
        event = compiled.event_of.get(comp.id)
        if event and comp.ccf_group in design.settings.ccf_groups:
            groups.setdefault(comp.ccf_group, []).append(event)
    groups = {g: events for g, events in groups.items() if len(events) > 1}
    if not groups:
        return compiled.circuit
    for group, events in groups.items():
        beta = design.settings.ccf_groups[group]
        mean_q = sum(1.0 - probs[e] for e in events) / len(events)
        probs["ccf:" + group] = 1.0 - beta * mean_q
        for event in events:
            probs[event] = 1.0 - (1.0 - beta) * (1.0 - probs[event])
    return with_common_causes(compiled.circuit, groups)
