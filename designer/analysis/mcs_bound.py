"""How much probability the minimal cut sets above an order can carry,
bounded from the BDDs without listing them (for `fta`'s order limit).

Why it holds, for a coherent tree (failure polarity: an event true is a
failure, the BDD's high branch): take a minimal cut set C and follow the
BDD with the events of C failed and every other event working. The path
reaches TRUE, and it tests every event of C (a skipped one could be
removed from C, which is minimal), so its high edges are exactly C.
Different cut sets give different paths. Hence

    sum over cut sets C of order > L of P(C)
        <= sum over paths to TRUE with more than L high edges of
           the product of p over those high edges,

and the right side is one pass over the BDD: a truncated polynomial per
node (index = number of high edges, the last slot "more than L"). A module
stand-in's high edge weighs its module's own polynomial, so cut sets that
cross modules are counted too. By the union bound the sum also bounds the
probability of "some dropped cut set fails".
"""
from __future__ import annotations

import numpy as np

from .mcs_modules import STAND_IN, ModularBdds


def dropped_above(bdds: ModularBdds, probs: dict[str, float], top_order: int) -> list[float]:
    """[b_0, .., b_top_order]: b_L bounds the summed probability of the
    minimal cut sets of order > L (b_L for every L up to top_order)."""
    width = top_order + 2                  # orders 0..top_order, then "more"
    weight: dict[str, np.ndarray] = {}
    for name, flat in bdds.flats:
        weight[name] = _root_poly(flat, bdds.leaves, probs, weight, width)
    top = weight["#top"]
    tails = np.cumsum(top[::-1])[::-1]     # tails[L + 1] = mass above order L
    return [float(tails[order + 1]) for order in range(top_order + 1)]


def _leaf_poly(leaf: str, probs, weight, width: int) -> np.ndarray:
    if leaf.startswith(STAND_IN):
        return weight[leaf]
    poly = np.zeros(width)
    poly[min(1, width - 1)] = probs[leaf]
    return poly


def _times(rows: np.ndarray, poly: np.ndarray) -> np.ndarray:
    """Each row times `poly`, orders past the last slot gathered in it."""
    width = rows.shape[1]
    out = np.zeros_like(rows)
    for shift, factor in enumerate(poly):
        if factor == 0.0:
            continue
        out[:, shift:] += factor * rows[:, :width - shift]
        if shift:
            out[:, -1] += factor * rows[:, width - shift:].sum(axis=1)
    return out


def _root_poly(flat, leaves, probs, weight, width: int) -> np.ndarray:
    """Path polynomial of the root edge; per node both polarities: to TRUE
    (ones) and to FALSE (zeros), a complemented edge swaps them."""
    n = flat.size
    ones, zeros = np.zeros((n, width)), np.zeros((n, width))
    ones[0, 0] = 1.0                         # node 0 is TRUE
    var, high, low = flat.array("var"), flat.array("high"), flat.array("low")
    for nodes in flat.levels():
        if not len(nodes):                   # a constant module (x and not x): no node
            continue
        leaf = leaves[int(var[nodes[0]])]    # one variable per level
        poly = _leaf_poly(leaf, probs, weight, width)
        h, l = high[nodes], low[nodes]
        h_one, h_zero = _follow(h, ones, zeros)
        l_one, l_zero = _follow(l, ones, zeros)
        ones[nodes] = _times(h_one, poly) + l_one
        zeros[nodes] = _times(h_zero, poly) + l_zero
    root_one, _ = _follow(np.array([flat.root]), ones, zeros)
    return root_one[0]


def _follow(edges: np.ndarray, ones: np.ndarray, zeros: np.ndarray):
    node, negated = edges >> 1, (edges & 1).astype(bool)[:, None]
    return np.where(negated, zeros[node], ones[node]), np.where(negated, ones[node], zeros[node])
