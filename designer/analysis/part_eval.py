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

Where numba is available both passes run compiled instead (part_kernels.py,
five times faster); the level loops below are their fallback.
"""
from __future__ import annotations

import copy
import threading
from dataclasses import dataclass

import numpy as np

from .bdd_prob import Flat
from .part_kernels import kernels


@dataclass(frozen=True)
class _Level:
    nodes: np.ndarray      # node indices of this level
    leaf: int              # local index of the leaf they all test
    high: np.ndarray       # child edges
    low: np.ndarray
    # For the adjoint pass: children sorted, with reduceat starts.
    targets: np.ndarray    # distinct child nodes
    order: np.ndarray      # into concat(high, low) contributions, sorted by child
    starts: np.ndarray | None      # None: every child gets one contribution
    signs: np.ndarray | None       # +1 / -1 per contribution (complemented
    #                                edge), sorted; None: all +1 (a design's diagrams)
    # The level's rows: slices where its nodes are consecutive (always, as
    # flattened: a slice writes without an index array), else index arrays.
    span: slice | np.ndarray       # its nodes
    plain: slice | np.ndarray      # rows 2i: P(node i)
    other: slice | np.ndarray      # rows 2i + 1: P(not node i)


class ColumnPasses:
    """A flattened BDD, for passes over many columns at once."""

    def __init__(self, flat: Flat, leaf_names: list[str], shape: int | None = None) -> None:
        leaves = flat.leaves_used()                     # manager leaf indices
        self.names = [leaf_names[leaf] for leaf in leaves]   # row i of p, q is leaf names[i]
        local = np.zeros(leaves[-1] + 1 if leaves else 1, dtype=np.int64)
        local[leaves] = np.arange(len(leaves))
        var = local[np.maximum(flat.array("var"), 0)]   # node 0 (var -1) reads row 0
        high, low = flat.array("high"), flat.array("low")
        self.size = len(var)
        self.root = flat.root
        self.shape = shape     # part_keys.shapes_of's key, for the parts' (twins share it)
        # Per node, as the compiled passes read them; twins (`renamed`) share
        # them, and `levels` once built.
        self.nodes = (var, high, low)
        self._shared = {"rank": flat.array("rank")[1:]}

    @property
    def levels(self) -> list[_Level]:
        """The nodes by level, deepest first, for the numpy passes: built
        on first use, since the compiled passes never need them."""
        shared = self._shared
        if "levels" not in shared:
            var, high, low = self.nodes
            rank = shared["rank"]
            order = np.argsort(-rank, kind="stable")
            cuts = np.flatnonzero(np.diff(rank[order])) + 1
            shared["levels"] = [self._level(group + 1, var, high, low)
                                for group in (np.split(order, cuts) if len(order) else [])]
        return shared["levels"]

    def renamed(self, mapping: dict[str, str]) -> "ColumnPasses":
        """The same diagram over other events (`mapping`: old name -> new),
        for a part that repeats another one's shape (part_keys.shapes_of)."""
        twin = copy.copy(self)     # the structure's caches too
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
        first, last = int(nodes[0]), int(nodes[-1]) + 1
        if (np.diff(nodes) == 1).all():
            rows = (slice(first, last), slice(2 * first, 2 * last, 2),
                    slice(2 * first + 1, 2 * last, 2))
        else:
            rows = (nodes, 2 * nodes, 2 * nodes + 1)
        # Skipping a sum of one term or a product by 1.0 leaves every bit as it was.
        return _Level(nodes, int(var[nodes[0]]), h, l, sorted_children[starts], order,
                      None if len(starts) == len(order) else starts,
                      None if (signs > 0).all() else signs[order][:, None], *rows)

    def forward(self, p: np.ndarray, q: np.ndarray, edge: int | None = None,
                reuse: bool = False) -> np.ndarray:
        """Values by edge ([2 x nodes, columns]); `p`, `q` are [leaf, column]
        probabilities of each leaf being true / false. With `edge`, only
        the values that edge needs (the others hold earlier probabilities):
        P(bad) alone reads one polarity of every node (generated designs:
        half the work). `reuse`: the array is this thread's scratch, which
        the next reusing call overwrites (copy what you keep)."""
        shape = (2 * self.size, p.shape[1])
        values = _scratch("values", shape) if reuse or edge is not None else np.empty(shape)
        compiled = kernels()
        if compiled:
            compiled[0](*self.nodes, _dense(p), _dense(q), values, self._wanted(edge, compiled))
            return values
        needed = None if edge is None else self._needed(edge)
        values[0], values[1] = 1.0, 0.0          # node 0 is TRUE
        for i, level in enumerate(self.levels):
            pv, qv = p[level.leaf], q[level.leaf]
            h, l = level.high, level.low
            if needed is None or needed[i][0]:
                values[level.plain] = pv * values[h] + qv * values[l]
            if needed is None or needed[i][1]:
                values[level.other] = pv * values[h ^ 1] + qv * values[l ^ 1]
        return values

    def _wanted(self, edge: int | None, compiled) -> np.ndarray:
        """Per node, the polarities the compiled forward pass computes
        (part_kernels._needs): all of them without `edge`; computed once per
        diagram and edge, and shared with twins."""
        cache = self._shared.setdefault("wanted", {})
        if edge not in cache:
            want = np.full(self.size, 3, dtype=np.uint8)
            if edge is not None:
                compiled[2](self.nodes[1], self.nodes[2], edge, want)
            cache[edge] = want
        return cache[edge]

    def _first_writes(self, compiled) -> np.ndarray:
        """Per node, which children's adjoints it sets rather than adds to
        (part_kernels._first_writes): once per diagram, shared with twins."""
        if "first" not in self._shared:
            self._shared["first"] = compiled[3](self.nodes[1], self.nodes[2], self.root)
        return self._shared["first"]

    def _needed(self, edge: int) -> list[tuple[bool, bool]]:
        """Per level, whether `edge` needs P(node) and P(not node) of some
        node there (the same for every column: computed once per diagram)."""
        cache = self.__dict__.setdefault("_needs", {})
        if edge not in cache:
            need = np.zeros(2 * self.size, dtype=bool)
            need[edge] = True
            for level in reversed(self.levels):
                plain, other = need[2 * level.nodes], need[2 * level.nodes + 1]
                for child in (level.high, level.low):
                    need[child[plain]] = True
                    need[child[other] ^ 1] = True
            cache[edge] = [(bool(need[2 * lv.nodes].any()), bool(need[2 * lv.nodes + 1].any()))
                           for lv in self.levels]
        return cache[edge]

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
        adjoint = _scratch("adjoint", (self.size, width))
        grad = np.zeros((len(self.names), width))
        needed = np.ones(len(self.names), dtype=bool)
        if wanted is not None:
            needed[:] = False
            needed[wanted] = True
        compiled = kernels()
        if compiled:
            compiled[1](*self.nodes, _dense(p), _dense(q), _dense(values), self.root, needed,
                        grad, adjoint, self._first_writes(compiled))
            return grad
        adjoint.fill(0.0)
        adjoint[self.root >> 1] = -1.0 if self.root & 1 else 1.0
        for level in reversed(self.levels):
            weight = adjoint[level.span]
            h, l = level.high, level.low
            if needed[level.leaf]:
                grad[level.leaf] += (weight * (values[h] - values[l])).sum(axis=0)
            pushed = np.concatenate([weight * p[level.leaf], weight * q[level.leaf]])[level.order]
            if level.signs is not None:
                pushed *= level.signs
            if level.starts is not None:
                pushed = np.add.reduceat(pushed, level.starts, axis=0)
            adjoint[level.targets] += pushed
        return grad


def _dense(rows: np.ndarray) -> np.ndarray:
    """C-ordered float64: the one layout the compiled passes are built for."""
    return np.ascontiguousarray(rows, dtype=np.float64)


_SCRATCH = threading.local()
SCRATCH_LIMIT = 4_000_000     # floats (32 MB) per slot and thread


def _scratch(slot: str, shape: tuple[int, int]) -> np.ndarray:
    """A zero-initialised array of `shape` reused between calls (per thread
    and slot): a fresh array of 8 MB costs 1.6 ms of page faults, about as
    much as a pass over it. It only ever holds probabilities and adjoints,
    so a value computed and never read is finite."""
    size = shape[0] * shape[1]
    if size > SCRATCH_LIMIT:      # kept for good, so not past this
        return np.zeros(shape)
    held = getattr(_SCRATCH, slot, None)
    if held is None or held.size < size:
        held = np.zeros(min(SCRATCH_LIMIT, max(size, 2 * (0 if held is None else held.size))))
        setattr(_SCRATCH, slot, held)
    return held[:size].reshape(shape)
