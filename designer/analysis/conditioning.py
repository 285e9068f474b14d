"""The leaves of the conditioning (bounds.py) and their bounds on P(bad).

A leaf fixes some shared events failed and some working and leaves the
rest free at their probabilities: (failed, worked), two frozensets of
positions in the parts' conditioning order. The first split is over every
shared event in that order ("the first fails", "the first works and the
second fails", ..., "all work"); a leaf still too loose is split the same
way over the free events whose failure alone does the most harm *under
that leaf* (the adjoint pass gives it for every free event at once). Under
"feed A failed" that is feed B, UPS B and the B PDUs, which the global
order reaches late (generated 2,000-component design: 8.1e-9 after 1,000
leaves split in the global order, see docs/performance.md). Besides them,
the events whose failure alone adds most: under "site 0 failed", the racks
of the other sites, each holding a replica of every application.

For a leaf, with g_a = P(part a good | leaf) and the circuit monotone:

- "at most one free shared event fails" is exact (the parts are
  independent given the shared events; one adjoint pass per part gives
  what "v alone fails" does to it, for every free v);
- lower bound: that, plus, for the states where two or more fail, split by
  the first one v that fails (in the conditioning order), P(those states)
  x P(bad | v alone failed): each is at least as bad (monotone);
- upper bound: the smaller of 1 - prod_a g_a (Harris-FKG: the parts' good
  events increase in independent events) and the exact part plus the
  smallest of P(two or more fail), the sum over parts of P(part bad and
  two or more fail), and P(two or more fail) x P(bad | all free work) plus
  what the failures add to each part, each weighted by the other parts'
  P(good | all free work) (_weighted_rises); each per-part term exact.

The per-part terms of a round, worked out from a group's columns, are kept
for the next analysis (kept_rounds.py): an edit works out only its own.
"""
from __future__ import annotations

import math

import numpy as np

from .kept_rounds import groups_of, keep
from .leaf_harm import Harm
from .part_kernels import kernels
from .parts import Parts, coarse
from .stop import checkpoint

ROUNDS = 12             # rounds of splitting the loosest leaves at most
SPLIT = 8               # free events a loose leaf is split over per round, by harm
# ... and besides them, the free events whose failure alone adds most to
# P(bad | leaf), up to PURE_SPLIT of them within PURE_WITHIN of the most.
# Under "a site failed" (P(bad) 0.8) the harm's floor below ranks by
# probability alone, while the racks of the other sites, each of which
# takes a replica of every application down, hold the gap: on the
# generated 5,000-component design that leaf's gap went 2.5e-9 -> 1.9e-9
# split over 8 events by harm, -> 1.3e-10 over the 32 that add most.
# Leaves for a 1e-9 gap (CPU): 1,000 components 282 -> 350 (1.1 s either
# way), 2,000 732 -> 570-690 (3.1 -> 2.2-2.5 s), 5,000 not reached in
# 20,000 leaves -> 4,821 (56 s). Whatever their share: 8 of them, 1,000
# 363 leaves and 5,000 1.0e-8 after 1,000 leaves (5.9e-9 this way); 24,
# 1,000 569 leaves (docs/performance.md).
PURE_SPLIT = 32
PURE_WITHIN = 0.25

Leaf = tuple[frozenset, frozenset]      # (failed, worked) positions


class Conditioning:
    """The leaves of the conditioning and their bounds."""

    def __init__(self, parts: Parts) -> None:
        self.parts = parts
        self.m = len(parts.fail)
        self.fail = parts.fail
        self.log_ok = np.log1p(-self.fail)
        self.log_fail = np.log(self.fail)
        # As Python floats for `mass`: the same sums, five times faster.
        self._log_ok_list = self.log_ok.tolist()
        self._log_fail_list = self.log_fail.tolist()
        self.odds = self.fail / (1.0 - self.fail)

    def run(self, tolerance: float, max_leaves: int, relative: bool = False):
        """(lo, hi, leaves evaluated): bounds on P(bad), gap aimed at
        `tolerance` (a fraction of P(bad) if `relative`)."""
        every = list(range(self.m))
        leaves = self.split((frozenset(), frozenset()), every)
        masks = self.split_masks((0, 0), every)
        lo, hi, harm = self.bounds(leaves, masks)
        harm_of = [(harm, j) for j in range(len(leaves))]    # each leaf's batch and column
        weight = self.mass(leaves)
        evaluated = len(leaves)
        asked = tolerance
        for _ in range(ROUNDS):
            checkpoint()
            gaps = weight * (hi - lo)
            total = float(gaps.sum())
            if relative:
                tolerance = asked * float(np.dot(weight, lo))
            if total <= tolerance:
                break
            rough = coarse(gaps)
            chosen = self._loosest(leaves, rough, float(rough.sum()) - tolerance / 2,
                                   max_leaves - evaluated)
            if not chosen:
                break
            over = [(j, self._worst(*harm_of[j])) for j in chosen]
            children = [child for j, events in over for child in self.split(leaves[j], events)]
            child_masks = [m for j, events in over for m in self.split_masks(masks[j], events)]
            keep = np.ones(len(leaves), dtype=bool)
            keep[chosen] = False
            new_lo, new_hi, new_harm = self.bounds(children, child_masks)
            leaves = [leaf for j, leaf in enumerate(leaves) if keep[j]] + children
            masks = [m for j, m in enumerate(masks) if keep[j]] + child_masks
            lo = np.concatenate([lo[keep], new_lo])
            hi = np.concatenate([hi[keep], new_hi])
            harm_of = [h for j, h in enumerate(harm_of) if keep[j]] + [
                (new_harm, j) for j in range(len(children))]
            weight = np.concatenate([weight[keep], self.mass(children)])
            evaluated += len(children)
        low = float(np.dot(weight, lo))
        return low, max(low, float(np.dot(weight, hi))), evaluated

    def _worst(self, batch: "Harm", j: int) -> list[int]:
        """The free events to split a leaf over, in the conditioning order:
        the SPLIT of most harm with the floor (harm[:, 0], -1 for the fixed
        ones) and those whose failure alone adds most (harm[:, 1]), all
        within a factor of the most, PURE_SPLIT at most."""
        harm = batch.column(j)
        floor = np.where(harm[:, 0] < 0.0, -1.0, coarse(harm[:, 0]))
        chosen = {int(k) for k in np.argsort(-floor, kind="stable")[:SPLIT] if floor[k] >= 0.0}
        pure = np.where(harm[:, 1] < 0.0, -1.0, coarse(harm[:, 1]))
        most = float(pure.max(initial=0.0))
        if most > 0.0:
            top = np.argsort(-pure, kind="stable")[:PURE_SPLIT]
            chosen.update(int(k) for k in top if pure[k] >= most * PURE_WITHIN)
        return sorted(chosen)

    def _loosest(self, leaves, gaps: np.ndarray, to_free: float, room: int) -> list[int]:
        """The leaves to split: loosest first, until their gaps add up to
        `to_free` or the leaf budget is spent."""
        chosen: list[int] = []
        for j in np.argsort(-gaps, kind="stable"):
            if to_free <= 0 or gaps[j] <= 0:
                break
            failed, worked = leaves[j]
            cost = min(SPLIT + PURE_SPLIT, self.m - len(failed) - len(worked)) + 1
            if cost > room:
                break
            chosen.append(int(j))
            room -= cost
            to_free -= gaps[j]
        return chosen

    @staticmethod
    def split(leaf: Leaf, events: list[int]) -> list[Leaf]:
        """`leaf` split over `events` (free ones), in that order: "the first
        fails", "the first works and the second fails", ..., "all work"."""
        failed, worked = leaf
        children = [(failed | {k}, worked.union(events[:i])) for i, k in enumerate(events)]
        return children + [(failed, worked.union(events))]

    def split_masks(self, masks: tuple[int, int], events: list[int]) -> list[tuple[int, int]]:
        """`split`'s children as the bit masks of their failed and worked
        events (setting_bits.py), from their parent's: a few integer ORs a
        child, where masking every leaf anew set a row of bits per leaf
        (generated 5,000-component design: 23 ms an analysis)."""
        failed, worked = masks
        bit = self.parts.bits.one_bit
        children = []
        for k in events:
            children.append((failed | bit[k], worked))
            worked |= bit[k]
        return children + [(failed, worked)]

    def mass(self, leaves: list[Leaf]) -> np.ndarray:
        log_fail, log_ok = self._log_fail_list.__getitem__, self._log_ok_list.__getitem__
        return np.array([math.exp(sum(map(log_fail, failed)) + sum(map(log_ok, worked)))
                         for failed, worked in leaves])

    def bounds(self, leaves: list[Leaf], masks: list[tuple[int, int]] | None = None):
        """Bounds on P(bad | leaf) for each leaf, and the harm of each free
        event under each (`Harm`). `masks`: the leaves' (`split_masks`)."""
        if masks is None:
            masks = self.parts.masked(leaves)
        with np.errstate(divide="ignore"):    # log(0): a part that is certainly bad
            return self._bounds(leaves, masks)

    def _bounds(self, leaves: list[Leaf], masked: list[tuple[int, int]]):
        n = len(leaves)
        free = self.parts.bits.free(masked)     # a numpy pass, not a Python step a leaf
        free_log_ok = np.where(free, self.log_ok[:, None], 0.0)
        upto = np.cumsum(free_log_ok, axis=0)             # log P(free ones up to v work)
        log_pi0 = upto[-1] if self.m else np.zeros(n)     # log P(all free work)
        pi0 = np.exp(log_pi0)
        pi_single = np.where(free, self.odds[:, None], 0.0) * pi0     # P(v alone fails)
        at_most_one = pi0 + pi_single.sum(axis=0)
        log_good_true, log_good_up = np.zeros(n), np.zeros(n)
        delta = np.zeros((self.m, n))     # change of log P(all good) if event k alone fails
        part_two = np.zeros(n)            # sum over parts of P(part bad, two or more fail)
        worse = []                        # per part: that less P(two or more fail) x P(part bad | all work)
        pi_more = np.maximum(0.0, -np.expm1(log_pi0) - pi_single.sum(axis=0))
        found = self.parts.prefetch(masked)
        groups = groups_of(self.parts, found)
        sums: dict = {}     # per group worked out: its parts' changes summed by column
        for a, (settings, column_of) in enumerate(found):
            group = groups[id(column_of)]
            if group.kept is not None:
                bad_true, bad_up, up_log, spread_by_column = group.figures(a)
            else:
                figures = self._part(a, settings, id(column_of), sums)
                group.per_part.append(figures)
                bad_true, bad_up, up_log, spread_by_column = figures
            log_good_true += np.log1p(-np.minimum(bad_true, 1.0))[column_of]
            log_good_up += up_log[column_of]
            spread = 0.0 if spread_by_column is None else spread_by_column[column_of]
            one = at_most_one * bad_up[column_of] + pi0 * spread
            two = np.maximum(0.0, bad_true[column_of] - one)
            part_two += two
            worse.append((np.maximum(0.0, two - pi_more * bad_up[column_of]), up_log[column_of]))
        for gid, group in groups.items():
            if group.kept is None:
                keep(self.parts, group, sums.get(gid))
            summed = sums.get(gid) if group.kept is None else group.kept.sums
            if summed is not None:
                _add_columns(delta, group.positions, summed, group.column_of)
        bad_all_up = -np.expm1(log_good_up)
        bad_single = -np.expm1(log_good_up[None, :] + delta)
        # P(bad and at most one free event fails), exact: the parts are independent there.
        exact_part = pi0 * bad_all_up + (pi_single * bad_single).sum(axis=0)
        # Two or more fail: split by the first one that fails (v); every
        # such state fails at least as much as "v alone fails" (monotone).
        before = np.exp(upto - free_log_ok)               # the free ones before v work
        later = -np.expm1(log_pi0[None, :] - upto)        # one after v fails
        first_of_many = np.where(free, before * self.fail[:, None] * later, 0.0)
        lower = exact_part + (first_of_many * bad_single).sum(axis=0)
        upper = np.minimum(exact_part + np.minimum(pi_more, part_two), -np.expm1(log_good_true))
        upper = np.minimum(upper, exact_part + pi_more * bad_all_up
                           + _weighted_rises(worse, log_good_up))
        rise = np.maximum(0.0, bad_single - bad_all_up)
        return np.minimum(lower, upper), upper, Harm(free, rise, bad_all_up, self.fail)

    def _part(self, a: int, settings: list, gid: int, sums: dict):
        """Part a's P(bad) by column, free events at their probability and
        working, log P(good) with them working, and the spread of their
        single failures (None: no shared event); its changes of log P(good)
        when each shared event alone fails go into its group's sum
        (`sums[gid]`, by column)."""
        bad_true, bad_up, single, spread = self.parts.evaluate(a, settings)
        up_log = np.log1p(-np.minimum(bad_up, 1.0))
        if not len(self.parts.members[a][0]):
            return bad_true, bad_up, up_log, None
        if gid in sums:
            sums[gid] += single
        else:
            sums[gid] = single.copy()     # `single` may be a twin's too (Parts.evaluate)
        return bad_true, bad_up, up_log, spread


def _add_columns(total: np.ndarray, rows: np.ndarray, summed: np.ndarray,
                 column_of: np.ndarray) -> None:
    """total[rows] += summed[:, column_of], compiled where it can be."""
    compiled = kernels(load=False)
    if compiled is None:
        total[rows] += summed[:, column_of]
    else:
        compiled[4](total, rows, np.ascontiguousarray(summed), column_of)


def _weighted_rises(worse, log_good_up: np.ndarray) -> np.ndarray:
    """What two or more failures add to P(bad) beyond P(bad | all free
    work), at most. Each part's P(good) only falls from g_a (its value with
    the free events working) to g_a - d_a, and prod (g_a - d_a) = G prod (1 -
    d_a / g_a) >= G (1 - sum d_a / g_a), G = prod g_a: so the rise is at
    most the sum of the d_a, each weighted by the other parts' P(good).
    Unweighted (prod (g_a - d_a) >= G - sum d_a) it counted each rise whole:
    under "a site failed" on the generated 5,000-component design, where
    G = 0.2, the leaf's gap is a fifth narrower this way; at 2,000
    components the sum itself took 777 -> 687 leaves for a 1e-9 gap."""
    total = np.zeros_like(log_good_up)
    for rise, own_log in worse:
        with np.errstate(invalid="ignore"):       # -inf - -inf: a part down for sure
            others = np.exp(log_good_up - own_log)
        total += rise * np.minimum(np.nan_to_num(others, nan=1.0), 1.0)
    return total
