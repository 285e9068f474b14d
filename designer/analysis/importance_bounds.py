"""Certified intervals on importance (Birnbaum, RAW, RRW) under the bounded
method (bounds.py), for a few chosen events.

In terms of risk R = P(bad) (availability.py), with x = P(event bad),
R1 = P(bad | event bad) and R0 = P(bad | event good):

    R = x R1 + (1 - x) R0,   Birnbaum = R1 - R0,   RAW = R1 / R,   RRW = R / R0.

One conditional is bounded, on the circuit with the event replaced by a
constant (simplify then propagates it; setting its probability to 0 or 1
instead would leave a shared event that always fails in the parts, which
turns their conditioning off: parts.py). The other follows from the
system's own bounds on R: for a likely-good event (x <= 1/2),
R0 = (R - x R1) / (1 - x) and Birnbaum = (R1 - R) / (1 - x); the other way
round for a likely-bad one. Each is monotone in R and R1, so the interval
ends come from the ends of theirs, and Birnbaum's width is
(gap of R + gap of R1) / (1 - x), for one bounded run per event rather
than two (which also gave wider RRW intervals: docs/performance.md,
"Certified importance", and benchmarks/bench_importance.py).

The runs share the system's part cache (incremental.py): a part the event
is not in keeps its diagram and its columns under every leaf seen before.
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Callable

from . import bdd, bounds, ir, modules
# design_availability's circuit and probabilities, built the same way
# (common_causes adds the declared common-cause groups).
from .availability import BOUNDED, common_causes
from .design_order import rack_rank
from .figures import availabilities
from .preprocess import copy_node
from .result import ImportanceInterval

# The bounded conditional's gap, as a fraction of it. Measured on the
# generated 1,000-component design, 25 components (docs/performance.md):
# an absolute 1e-9, as the system's own bounds, 17.7 s; 1e-6 relative
# 5.6 s; 1e-4 5.2 s (what is left is simplifying and the parts the event
# is in). 1e-6 of P(bad | event bad) is far below the three digits shown.
CONDITIONAL_TOLERANCE = 1e-6
CONDITIONAL_LEAVES = 1_000     # each conditional's leaves, at most (the system's own take more)
# Designs past this many events get no intervals: one conditional costs
# about 0.2 s at 1,000 components and 0.5 s at 2,000, but every run that
# fixes a site or a feed rebuilds all the parts, 25 s each at 5,000.
CERTIFY_MAX_EVENTS = 2_000


@dataclass(frozen=True)
class System:
    """What the intervals are computed against: the circuit the system's
    bounds were computed on, and those bounds on P(bad)."""
    circuit: ir.Circuit
    probs: dict
    failure_polarity: bool
    risk: tuple[float, float]          # certified [lo, hi] on P(bad)
    tolerance: float = CONDITIONAL_TOLERANCE
    relative: bool = True              # `tolerance` is a fraction of the conditional
    rank: dict | None = None           # bounds.bound's order hint
    max_leaves: int = bounds.MAX_LEAVES


def design_intervals(design, compiled, found, ranked: list[str],
                     cache: dict | None = None,
                     going_on: Callable[[int, int], bool] | None = None
                     ) -> dict[str, ImportanceInterval]:
    """Certified intervals for the components `ranked` of a design whose
    availability `found` is (design_availability, with `cache` as its part
    cache). Only under the bounded method: exact importance needs no
    interval, and Monte Carlo's figures are estimates with none.
    `going_on(done, total)` is asked before each component (progress); on
    False the components not done yet get none."""
    if not certifiable(compiled) or found.method != BOUNDED or found.bounds is None:
        return {}
    system = design_system(design, compiled, found)
    events = {compiled.event_of[cid]: cid for cid in ranked if cid in compiled.event_of}
    found = certify(system, list(events), cache, going_on=going_on)
    return {events[e]: interval for e, interval in found.items()}


def design_system(design, compiled, found) -> System:
    """The circuit and probabilities design_availability bounded, with its
    bounds `found` turned into bounds on P(down)."""
    figures = availabilities(design)
    probs = {event: figures[cid] for cid, event in compiled.event_of.items()}
    circuit = common_causes(design, compiled, probs)     # as design_availability's
    low, high = found.bounds                               # on availability
    return System(circuit, probs, False, (1.0 - high, 1.0 - low),
                  rank=rack_rank(design, compiled.event_of), max_leaves=CONDITIONAL_LEAVES)


def certifiable(compiled) -> bool:
    """Whether a compiled design is small enough for importance intervals."""
    return len(compiled.event_of) <= CERTIFY_MAX_EVENTS


def certify(system: System, events: list[str], cache: dict | None = None,
            budget: int = bounds.PART_BUDGET,
            going_on: Callable[[int, int], bool] | None = None
            ) -> dict[str, ImportanceInterval]:
    """Intervals for each of `events` whose conditional could be bounded
    (or solved exactly); an event left out has none. `going_on`: see
    `design_intervals`."""
    cache = {} if cache is None else cache
    found = {}
    for done, event in enumerate(events):
        if going_on is not None and not going_on(done, len(events)):
            break
        interval = _certified(system, event, cache, budget)
        if interval is not None:
            found[event] = interval
    return found


def _certified(system: System, event: str, cache: dict, budget: int):
    p = system.probs[event]
    bad = p if system.failure_polarity else 1.0 - p
    fixed_bad = bad <= 0.5           # condition on the less likely state
    # "bad" is the event false for a design (events mean "works").
    value = system.failure_polarity if fixed_bad else not system.failure_polarity
    given = conditional_risk(system, event, value, cache, budget)
    if given is None:
        return None
    r1, r0 = (given, _other(system.risk, given, bad)) if fixed_bad else \
        (_other(system.risk, given, 1.0 - bad), given)
    return intervals(system.risk, r1, r0)


def _other(risk, given, weight) -> tuple[float, float]:
    """Bounds on the other conditional, from R = w Rg + (1 - w) Ro:
    Ro = (R - w Rg) / (1 - w), decreasing in Rg, clipped to [0, 1]."""
    (r_lo, r_hi), (g_lo, g_hi) = risk, given
    lo = (r_lo - weight * g_hi) / (1.0 - weight)
    hi = (r_hi - weight * g_lo) / (1.0 - weight)
    return max(0.0, lo), min(1.0, hi)


def intervals(risk, r1, r0) -> ImportanceInterval:
    """Birnbaum, RAW and RRW intervals from intervals on R, R1 and R0.
    Birnbaum is clipped at 0: the circuits bounded are monotone."""
    (r_lo, r_hi), (a_lo, a_hi), (b_lo, b_hi) = risk, r1, r0
    birnbaum = (max(0.0, a_lo - b_hi), max(0.0, a_hi - b_lo))
    return ImportanceInterval(birnbaum, (_ratio(a_lo, r_hi), _ratio(a_hi, r_lo)),
                              (_ratio(r_lo, b_hi), _ratio(r_hi, b_lo)))


def _ratio(top: float, bottom: float) -> float:
    if bottom > 0:
        return top / bottom
    return math.inf if top > 0 else 1.0


def conditional_risk(system: System, event: str, value: bool, cache: dict,
                     budget: int) -> tuple[float, float] | None:
    """Certified [lo, hi] on P(bad) with `event` fixed to `value`."""
    circuit = substituted(system.circuit, event, value)
    top = circuit.nodes[circuit.top]
    if top.op == ir.CONST:
        down = top.value == system.failure_polarity
        return (1.0, 1.0) if down else (0.0, 0.0)
    found = bounds.bound(circuit, system.probs, system.failure_polarity, system.tolerance,
                         system.rank, budget, system.max_leaves, cache, system.relative)
    if found is not None:
        return found.lo, found.hi
    try:        # the top lost its union shape (one entry point left): small enough
        exact = modules.solve(circuit, system.probs, budget=budget)
    except bdd.BudgetExceeded:
        return None
    risk = exact.p_top if system.failure_polarity else exact.q_top
    return risk, risk


def substituted(circuit: ir.Circuit, event: str, value: bool) -> ir.Circuit:
    """`circuit` with `event` replaced by the constant `value`; the gates
    above it fold the constant in as they are rebuilt. (An entry point
    left with one replica of two turns from an OR into an AND that
    simplify merges into the top; bounds.py spreads the top's arguments
    again, so the parts stay apart.)"""
    new = ir.Circuit()
    new_of: dict[int, int] = {}
    for index in circuit.needed():
        node = circuit.nodes[index]
        kids = [new_of[c] for c in node.children]
        new_of[index] = _rebuilt(node, new, kids, new_of, event, value)
    new.top = new_of[circuit.top]
    return new


def _rebuilt(node: ir.Node, new: ir.Circuit, kids, new_of, event, value) -> int:
    if node.op == ir.EVENT and node.name == event:
        return new.const(value)
    return copy_node(node, new, kids, new_of)
