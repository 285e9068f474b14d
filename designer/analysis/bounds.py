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

- "at most one free shared event fails" is exact: given all of them the
  parts are independent, and one adjoint pass per part gives, for every
  free event v at once, what "v alone fails" does to it;
- lower bound: that, plus, for the states where two or more fail, split by
  the first one v that fails, P(those states) x P(bad | v alone failed):
  each is at least as bad (monotone);
- upper bound: the smaller of 1 - prod_a g_a (the parts' good events are
  increasing in independent events, so positively correlated: Harris-FKG)
  and the exact part plus min(P(two or more fail), sum over parts of
  P(part bad and two or more fail)), each of those terms exact per part.

No sampling: the same circuit gives the same figures every time.
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field

import numpy as np

from . import bdd, ir
from .parts import Parts, supports
from .preprocess import simplify

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
# Parts x leaves looked at, at most: each pair costs a few microseconds of
# Python (parts.columns, parts.evaluate), so a union of 2,000 parts over
# 200 shared events (a random sum of products) gets about 250 leaves, one
# of 5,000 parts over 400 none (Monte Carlo answers), a design's 15 parts
# the full count.
MAX_WORK = 500_000
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
    events = len(circuit.event_node)
    below = supports(circuit, list(top.children))
    largest = max(bin(bits).count("1") for bits in below)
    if events >= SHARE_FROM and largest > MAX_PART_SHARE * events:
        return None      # one part holds nearly everything: as hard as the whole
    if len(below) * (_shared_count(below) + 1) > MAX_WORK:
        return None      # not even the first split fits the work budget
    try:
        parts = Parts(circuit, probs, failure_polarity, rank, budget, cache)
    except bdd.BudgetExceeded:
        return None
    if not parts.order:
        return None
    max_leaves = min(max_leaves, MAX_WORK // len(parts.passes))
    return Conditioning(parts).run(tolerance, max_leaves, relative)


def _shared_count(below: list[int]) -> int:
    """Events under two or more parts."""
    once, twice = 0, 0
    for bits in below:
        twice |= once & bits
        once |= bits
    return bin(twice).count("1")


def _monotone(circuit: ir.Circuit) -> bool:
    return all(circuit.nodes[i].op in MONOTONE_OPS for i in circuit.needed())


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
        return np.minimum(lower, upper), upper
