"""Certified bounds on P(bad outcome) where one exact BDD does not fit.

The shape this serves: the top is a union of "parts" (a design is down when
any entry point is down; a fault tree's OR top fails when any branch
fails) whose only link is a set of shared events (sites, feeds, racks,
switches). With every shared event fixed the parts are independent.

The shared events are conditioned on, most harmful first (parts.py):
"the first is failed", "the first works and the second is failed", ...
"all work" split the space into leaves, and a leaf whose bounds are still
too loose is split again over the free events that harm most under it
(conditioning.py, which also states the bounds of one leaf: exact for "at
most one free shared event fails", monotone and Harris-FKG beyond).

No sampling: the same circuit gives the same figures every time.
"""
from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from . import bdd, ir
from .conditioning import Conditioning
from .part_importance import independent_gradient
from .part_keys import part_facts, shared_bits
from .parts import Parts
from .preprocess import coalesce
from .recent import Recent

MONOTONE_OPS = {ir.EVENT, ir.CONST, ir.AND, ir.OR, ir.ATLEAST, ir.REACH}
MAX_LEAVES = 20_000     # conditioning leaves evaluated at most
# BDD nodes of all parts together: past this the parts are as hard as the
# whole (nus9601: one part holds nearly everything) and building them only
# delays the Monte Carlo answer.
PART_BUDGET = 500_000
# A part with more than this share of the events is about as hard as the
# whole circuit (nus9601: 15 s spent building it before Monte Carlo); the
# parts of a design hold 18 % each (generated 1,000-component design).
MAX_PART_SHARE = 0.6
SHARE_FROM = 200        # events; small circuits are cheap to try anyway
# Parts x leaves looked at, at most: each pair costs tens of microseconds
# (a column of the part's passes, and Python around it), so a union of 500
# parts over 200 shared events gets 200 leaves; a random sum of products,
# 2,000 parts over 200 events, none (it took 20 s for a gap of 100 % of
# P(top): Monte Carlo answers at once); a design's 15-31 parts the full
# count. A design passes its own (availability.DESIGN_MAX_WORK).
MAX_WORK = 100_000


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
          cache: dict | None = None, relative: bool = False,
          max_work: int = MAX_WORK) -> Bounded | None:
    """Bounds on P(bad): bad is "top false" for a design (events mean
    "works"), "top true" for a fault tree. None when the circuit is not a
    monotone union of parts, or the parts' BDDs pass `budget`. `relative`:
    the tolerance is a fraction of P(bad) rather than a probability.
    `max_work`: parts x leaves, at most (MAX_WORK)."""
    cache = {} if cache is None else cache      # Parts reads what this reads
    circuit, monotone = _simplified(circuit, cache)
    top = circuit.nodes[circuit.top]
    if top.op != (ir.OR if failure_polarity else ir.AND) or not monotone:
        return None
    events = len(circuit.event_node)
    below, _ = part_facts(circuit, list(top.children), cache)
    largest = max(bin(bits).count("1") for bits in below)
    if events >= SHARE_FROM and largest > MAX_PART_SHARE * events:
        return None      # one part holds nearly everything: as hard as the whole
    if len(below) * (bin(shared_bits(below)).count("1") + 1) > max_work:
        return None      # not even the first split fits the work budget
    try:
        parts = Parts(circuit, probs, failure_polarity, rank, budget, cache)
    except bdd.BudgetExceeded:
        return None
    if not parts.order:
        return _independent(parts)
    max_leaves = min(max_leaves, max_work // len(parts.passes))
    low, high, leaves = Conditioning(parts).run(tolerance, max_leaves, relative)
    return Bounded(low, high, leaves, len(parts.order), len(parts.passes), parts.bdd_nodes,
                   independent_gradient(parts))


def _independent(parts: Parts) -> Bounded:
    """No shared event may fail (each is certain to work or to fail), so
    the parts are independent and P(bad) = 1 - prod P(part good) exactly:
    no leaf, no gap. A design of servers that each hold their own entry
    point, in one site (the site, feed and switch in every part, merged
    into the top), is one such product; it went to Monte Carlo."""
    bad_of = [parts.bad(a) for a in range(len(parts.passes))]
    with np.errstate(divide="ignore"):      # log(0): a part down for sure, P(bad) = 1
        log_good = float(np.sum(np.log1p(-np.minimum(bad_of, 1.0))))
    bad = float(-np.expm1(log_good))
    return Bounded(bad, bad, 0, 0, len(parts.passes), parts.bdd_nodes,
                   independent_gradient(parts))


def _simplified(circuit: ir.Circuit, cache: dict) -> tuple[ir.Circuit, bool]:
    """The circuit coalesced (preprocess.py, rewrite 1: nested ANDs and ORs
    merged, so the top's children are the parts) and whether it is
    monotone, reused for a circuit simplified lately with this cache
    (recent.py: the plan's candidates, screened then certified), or when
    the last one was equal: an edit of probabilities alone keeps the
    circuit (the comparison costs a few ms). Grouping modular arguments
    (rewrite 2) is left out: it serves modules.py, which solves a module
    once and stands it in as one variable, where each part here is built
    whole, over its events. Generated 1,000-component design: the same
    parts and diagrams (56,801 nodes), 9 ms less (coalescing 9 ms,
    simplifying 18 ms)."""
    recent = cache.setdefault("simplified_of", Recent())
    found = recent.get(circuit)
    if found is None:
        last = cache.setdefault("simplified", {})
        if last.get("top") != circuit.top or last.get("nodes") != circuit.nodes:
            result = _flat_top(coalesce(circuit))
            last.update(top=circuit.top, nodes=list(circuit.nodes), result=result,
                        monotone=_monotone(result))
        found = (last["result"], last["monotone"])
        recent.put(circuit, len(circuit.nodes), found)
    return found


def _flat_top(circuit: ir.Circuit) -> ir.Circuit:
    """The top's arguments of its own kind spread into it: AND(AND(a, b), c)
    is AND(a, b, c), also where the inner gate has other parents, which
    coalescing leaves whole. (When the bounds still grouped modular
    arguments, a group under the top could hold every part but one:
    generated 1,000-component design, one service deleted: 2 parts, one of
    943 of the 944 events, Monte Carlo; spread: the parts again.)"""
    top = circuit.nodes[circuit.top]
    if top.op not in (ir.AND, ir.OR):
        return circuit
    kids, stack = [], list(top.children)
    while stack:
        kid = stack.pop()
        node = circuit.nodes[kid]
        if node.op == top.op:
            stack.extend(node.children)
        else:
            kids.append(kid)
    if len(kids) == len(top.children):
        return circuit
    return circuit.with_top(top.op, kids)


def _monotone(circuit: ir.Circuit) -> bool:
    return all(circuit.nodes[i].op in MONOTONE_OPS for i in circuit.needed())
