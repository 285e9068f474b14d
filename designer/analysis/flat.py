"""`Flat`: a BDD copied out of CUDD into plain integer columns (bdd_flat.py
and bdd_walk.py make it; bdd_prob.py, part_eval.py and the cut sets read it).
"""
from __future__ import annotations

import numpy as np

COLUMNS = ("var", "high", "low", "rank")


def _column(name: str) -> property:
    """A column read as a list; setting it replaces both forms."""
    return property(lambda self: self._list(name), lambda self, value: self._set(name, value))


class Flat:
    """Internal nodes 1..n children first; an edge is `(node << 1) | negated`
    and node 0 is the constant TRUE (so edge 0 is TRUE, edge 1 is FALSE).
    Per node: `var` its leaf (an index into Manager.leaves; -1 for node 0),
    `high` and `low` its edges, `rank` its level (0 = top; may be empty).

    Each column is kept as it was made, a list or an int64 array, and
    converted once, when first read the other way: the compiled passes read
    arrays (`array`), the Python walks read lists (`var`, `high`, ...). A
    diagram made by the compiled walk (das9701: 2.5 million nodes) then
    never pays for lists only a Python walk needs: about 1 s of converting
    and of freeing ten million ints."""

    def __init__(self, var, high, low, root: int, rank=()) -> None:
        self.root = root
        self._lists: dict[str, list] = {}
        self._arrays: dict[str, np.ndarray] = {}
        for name, column in zip(COLUMNS, (var, high, low, rank)):
            self._set(name, column)

    def _set(self, name: str, column) -> None:
        if isinstance(column, np.ndarray):
            self._arrays[name] = column.astype(np.int64, copy=False)
            self._lists.pop(name, None)
        else:
            self._lists[name] = column if isinstance(column, list) else list(column)
            self._arrays.pop(name, None)

    def _list(self, name: str) -> list:
        if name not in self._lists:
            self._lists[name] = self._arrays[name].tolist()
        return self._lists[name]

    def array(self, name: str) -> np.ndarray:
        """Column `name` as an int64 array (not to be written to)."""
        if name not in self._arrays:
            self._arrays[name] = np.asarray(self._lists[name], dtype=np.int64)
        return self._arrays[name]

    def _as_made(self, name: str):
        """Column `name` in whichever form it has now, without converting."""
        return self._lists[name] if name in self._lists else self._arrays[name]

    var = _column("var")
    high = _column("high")
    low = _column("low")
    rank = _column("rank")

    @property
    def size(self) -> int:
        """Nodes, the constant included."""
        return len(self._as_made("var"))

    @property
    def has_rank(self) -> bool:
        return len(self._as_made("rank")) > 0

    def leaves_used(self) -> list[int]:
        """The leaves the diagram tests, lowest index first."""
        if "var" in self._lists:
            return sorted(set(self._lists["var"][1:]))
        inner = self._arrays["var"][1:]
        return np.flatnonzero(np.bincount(inner)).tolist() if len(inner) else []

    def levels(self) -> list[np.ndarray]:
        """Node indices grouped by level, deepest first (node 0 out)."""
        rank = self.array("rank")[1:]
        order = np.argsort(-rank, kind="stable")
        cuts = np.flatnonzero(np.diff(rank[order])) + 1
        return [group + 1 for group in np.split(order, cuts)]

    def __repr__(self) -> str:
        return f"Flat({self.size - 1} nodes, root edge {self.root})"
