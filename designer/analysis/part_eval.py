"""One BDD evaluated under many leaf-probability settings at once.

Each column is one setting (some events fixed working or failed, the rest
at their own probability). The passes run level by level with numpy. All
nodes of a level test the same leaf, so its probability is one row that
broadcasts over the level. Values live in one array indexed by edge
(`node << 1 | negated`): row 2i is P(node i), row 2i + 1 is P(not node i),
so a complemented edge is a plain lookup and "not" never costs a
subtraction (bdd_prob's rule).

`forward` gives P(root) per column; `gradient` gives dP(root)/dp for every
leaf per column (the adjoint pass), which bounds.py uses to know, in one
pass, what a single extra failure of each shared event would do.
"""
from __future__ import annotations

import copy
from dataclasses import dataclass

import numpy as np

from .bdd_prob import Flat


@dataclass(frozen=True)
class _Level:
    nodes: np.ndarray      # node indices of this level
    leaf: int              # local index of the leaf they all test
    high: np.ndarray       # child edges
    low: np.ndarray
    # For the adjoint pass: children sorted, with reduceat starts.
    targets: np.ndarray    # distinct child nodes
    order: np.ndarray      # into concat(high, low) contributions, sorted by child
    starts: np.ndarray
    signs: np.ndarray      # +1 / -1 per contribution (complemented edge), sorted


class ColumnPasses:
    """A flattened BDD, grouped into levels for batched passes."""

    def __init__(self, flat: Flat, leaf_names: list[str]) -> None:
        leaves = sorted(set(flat.var[1:]))             # manager leaf indices
        self.names = [leaf_names[leaf] for leaf in leaves]   # row i of p, q is leaf names[i]
        local = {leaf: i for i, leaf in enumerate(leaves)}
        var = np.asarray([0] + [local[v] for v in flat.var[1:]], dtype=np.int64)
        high = np.asarray(flat.high, dtype=np.int64)
        low = np.asarray(flat.low, dtype=np.int64)
        self.size = len(var)
        self.root = flat.root
        rank = np.asarray(flat.rank[1:], dtype=np.int64)
        order = np.argsort(-rank, kind="stable")
        cuts = np.flatnonzero(np.diff(rank[order])) + 1
        self.levels = [self._level(group + 1, var, high, low)
                       for group in (np.split(order, cuts) if len(order) else [])]

    def renamed(self, mapping: dict[str, str]) -> "ColumnPasses":
        """The same diagram over other events (`mapping`: old name -> new),
        for a part that repeats another one's shape (part_keys.shapes_of)."""
        twin = copy.copy(self)
        twin.names = [mapping[name] for name in self.names]
        return twin

    @staticmethod
    def _level(nodes: np.ndarray, var, high, low) -> _Level:
        h, l = high[nodes], low[nodes]
        children = np.concatenate([h >> 1, l >> 1])
        signs = np.where(np.concatenate([h & 1, l & 1]) == 1, -1.0, 1.0)
        order = np.argsort(children, kind="stable")
        sorted_children = children[order]
        starts = np.flatnonzero(np.r_[True, np.diff(sorted_children) != 0])
        return _Level(nodes, int(var[nodes[0]]), h, l, sorted_children[starts], order,
                      starts, signs[order][:, None])

    def forward(self, p: np.ndarray, q: np.ndarray) -> np.ndarray:
        """Values by edge ([2 x nodes, columns]); `p`, `q` are [leaf, column]
        probabilities of each leaf being true / false."""
        values = np.empty((2 * self.size, p.shape[1]))
        values[0], values[1] = 1.0, 0.0          # node 0 is TRUE
        for level in self.levels:
            pv, qv = p[level.leaf], q[level.leaf]
            h, l = level.high, level.low
            values[2 * level.nodes] = pv * values[h] + qv * values[l]
            values[2 * level.nodes + 1] = pv * values[h ^ 1] + qv * values[l ^ 1]
        return values

    def root_value(self, values: np.ndarray):
        """(P(root), P(not root)) per column."""
        return values[self.root], values[self.root ^ 1]

    def gradient(self, p: np.ndarray, q: np.ndarray, values: np.ndarray,
                 wanted: np.ndarray | None = None) -> np.ndarray:
        """dP(root)/dp[leaf] per column, shape [leaves, columns]; only for
        the leaves in `wanted` if given (the others' rows stay 0): the
        bounds need the shared events' rows alone, and the levels of a
        part's own events hold half its nodes (1,000-component design)."""
        width = p.shape[1]
        adjoint = np.zeros((self.size, width))
        adjoint[self.root >> 1] = -1.0 if self.root & 1 else 1.0
        grad = np.zeros((len(self.names), width))
        needed = np.ones(len(self.names), dtype=bool)
        if wanted is not None:
            needed[:] = False
            needed[wanted] = True
        for level in reversed(self.levels):
            weight = adjoint[level.nodes]
            h, l = level.high, level.low
            if needed[level.leaf]:
                grad[level.leaf] += (weight * (values[h] - values[l])).sum(axis=0)
            pushed = np.concatenate([weight * p[level.leaf], weight * q[level.leaf]])
            sums = np.add.reduceat(pushed[level.order] * level.signs, level.starts, axis=0)
            adjoint[level.targets] += sums
        return grad
