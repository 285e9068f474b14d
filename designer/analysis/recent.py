"""What was computed for the last few objects, found by identity.

The cost plan analyses a candidate twice: screened, then to the design's
tolerance, with other candidates in between (mitigation/choice.py). The
edited design is the same object both times, so its compiled circuit
(incremental.py) and that circuit's simplified form (bounds.py) can be
found again instead of recomputed: 46 ms and 27-80 ms a candidate at
1,000 components. They hold references to what they key on, so an
identity is never reused while kept.
"""
from __future__ import annotations

from typing import Any

# About 575 bytes a circuit node for a compiled design and its simplified
# circuit together (measured: 2.3 MB at 1,000 components, 9.8 MB at
# 5,000): this many nodes keep about 100 MB, 50 designs of 1,000
# components or 10 of 5,000.
NODES = 175_000


class Recent:
    """Values keyed by object identity, the oldest dropped once their
    summed weights (circuit nodes) pass `budget`."""

    def __init__(self, budget: int = NODES) -> None:
        self.budget = budget
        self._held: list[tuple[Any, int, Any]] = []     # (key, weight, value), oldest first

    def get(self, key: Any) -> Any:
        """The value kept for `key` itself, or None."""
        for held, _, value in reversed(self._held):
            if held is key:
                return value
        return None

    def put(self, key: Any, weight: int, value: Any) -> None:
        self._held.append((key, weight, value))
        total = sum(w for _, w, _ in self._held)
        while len(self._held) > 1 and total > self.budget:
            total -= self._held.pop(0)[1]
