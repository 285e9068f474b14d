"""The column passes of part_eval.py compiled with numba: one loop over the
nodes in index order (children first) and, inside, over the columns.

The numpy passes run level by level, and at 1,000 components a level holds
about 25 nodes: each of their dozen array operations costs more in calls
and temporaries than in arithmetic. Compiled, the same passes take a fifth
of the time (docs/performance.md). The forward pass does the numpy pass's
arithmetic in the same order, so its values are the same to the bit; the
adjoint pass adds a node's contributions in another order, so gradients
may differ from numpy's in the last bits.

Each column is computed on its own, so a setting's figures never depend on
the other columns of a pass. `nogil`: a pass leaves the interpreter to the
other threads (the window's, and the other parts' passes, pool.py).

numba is a dependency, but the passes do not rest on it (jit.py): when it
cannot be used `kernels()` says so and part_eval.py runs its numpy passes.
"""
from __future__ import annotations

import numpy as np

from .jit import Compiled


def kernels(load: bool = True):
    """(forward, gradient, needs, first_writes, add_columns) compiled, or
    None: the numpy passes run.
    With `load` False, None unless they are loaded already (importing
    numba and loading them costs about 0.4 s once per process)."""
    return _KERNELS.get() if load else _KERNELS.get_if_loaded()


def _build(jit):
    found = (jit(_forward), jit(_gradient), jit(_needs), jit(_first_writes), jit(_add_columns))
    _warm(*found)
    return found


def _warm(forward, gradient, needs, first_writes, add_columns) -> None:
    """Compile (or load) each for the one signature the passes use."""
    one = np.zeros(2, dtype=np.int64)
    p = np.full((1, 2), 0.5)
    values = np.empty((4, 2))
    want = np.full(2, 3, dtype=np.uint8)
    needs(one, one, 2, want)
    forward(one, one, one, p, p, values, want)
    gradient(one, one, one, p, p, values, 2, np.ones(1, dtype=np.bool_),
             np.zeros((1, 2)), np.empty((2, 2)), first_writes(one, one, 2))
    add_columns(values, one, values, one)


def _forward(var, high, low, p, q, values, want):  # pragma: no cover - compiled
    """values[2i] = P(node i) where want[i] & 1, values[2i + 1] = P(not
    node i) where want[i] & 2, per column (`needs` says which an edge reads)."""
    width = p.shape[1]
    for c in range(width):
        values[0, c] = 1.0
        values[1, c] = 0.0
    for i in range(1, var.shape[0]):
        leaf, h, lo, wanted = var[i], high[i], low[i], want[i]
        for c in range(width):
            pv = p[leaf, c]
            qv = q[leaf, c]
            if wanted & 1:
                values[2 * i, c] = pv * values[h, c] + qv * values[lo, c]
            if wanted & 2:
                values[2 * i + 1, c] = pv * values[h ^ 1, c] + qv * values[lo ^ 1, c]


def _needs(high, low, edge, want):  # pragma: no cover - compiled
    """want[i]: which values of node i the value of `edge` reads (1: P(node),
    2: P(not node), 3: both). With CUDD's complemented edges that is half of
    all (node, polarity) pairs on the generated designs: P(bad) alone costs
    half a pass."""
    want[:] = 0
    want[edge >> 1] |= 1 << (edge & 1)
    for i in range(high.shape[0] - 1, 0, -1):
        for polarity in range(2):
            if want[i] >> polarity & 1:
                for child in (high[i] ^ polarity, low[i] ^ polarity):
                    want[child >> 1] |= 1 << (child & 1)


def _gradient(var, high, low, p, q, values, root, wanted, grad, adjoint,
              first):  # pragma: no cover - compiled
    """grad[leaf] += dP(root)/dp[leaf] for the wanted leaves, per column;
    `adjoint` is scratch ([nodes, columns], any content). A complemented
    edge flips the sign of what flows through it. A child's adjoint is set
    by its first parent and added to by the others (`first`, from
    `_first_writes`), so the scratch is never cleared: the pass is bound by
    memory, and clearing it was one more write of the whole array (the
    adjoint pass 2.1-2.5 -> 1.6-1.8 ns a node and column, the same bits)."""
    width = p.shape[1]
    sign = -1.0 if root & 1 else 1.0
    for c in range(width):
        adjoint[root >> 1, c] = sign
    for i in range(var.shape[0] - 1, 0, -1):
        writes = first[i]
        if writes & 4:
            continue
        leaf, h, lo = var[i], high[i], low[i]
        if wanted[leaf]:
            for c in range(width):
                grad[leaf, c] += adjoint[i, c] * (values[h, c] - values[lo, c])
        for edge, first_here, probability in ((h, writes & 1, p), (lo, writes & 2, q)):
            child, edge_sign = edge >> 1, -1.0 if edge & 1 else 1.0
            if first_here:
                for c in range(width):
                    adjoint[child, c] = edge_sign * adjoint[i, c] * probability[leaf, c]
            else:
                for c in range(width):
                    adjoint[child, c] += edge_sign * adjoint[i, c] * probability[leaf, c]


def _first_writes(high, low, root):  # pragma: no cover - compiled
    """Per node, for the adjoint pass, which visits the nodes from the top
    index down: bit 1, node i is the first to reach its then child; bit 2,
    its else child (after the then child, when both are one node); bit 4,
    node i is not under `root` (no adjoint: skipped)."""
    reached = np.zeros(high.shape[0], dtype=np.bool_)
    reached[root >> 1] = True
    first = np.zeros(high.shape[0], dtype=np.uint8)
    for i in range(high.shape[0] - 1, 0, -1):
        if not reached[i]:
            first[i] = 4
            continue
        h_node, low_node = high[i] >> 1, low[i] >> 1
        if not reached[h_node]:
            reached[h_node] = True
            first[i] |= 1
        if not reached[low_node]:
            reached[low_node] = True
            first[i] |= 2
    return first


def _add_columns(total, rows, summed, column_of):  # pragma: no cover - compiled
    """total[rows[r], j] += summed[r, column_of[j]]: numpy's `total[rows] +=
    summed[:, column_of]` (rows distinct) without its two temporaries, one
    addition an element as there (the bounds' changes by leaf: 28 -> 6 ms
    an analysis at 5,000 components)."""
    for r in range(rows.shape[0]):
        row = rows[r]
        for j in range(column_of.shape[0]):
            total[row, j] += summed[r, column_of[j]]


_KERNELS = Compiled(_build)
