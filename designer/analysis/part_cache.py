"""The bounds' part cache kept between analyses, within a memory budget.

bounds.py keeps, per part of a design, its diagram (store "parts":
structure signature -> ColumnPasses) and its values under each
conditioning setting met so far (store "settings": (signature, shared
events) -> {setting: values}). An edited design then rebuilds and
re-evaluates only the parts the edit touched: the cost plan's candidates
(incremental.py) and the live window's analyses (engine.analyze_phases
with the worker's cache). Kept for the life of a plan or of the worker,
both stores grow with every edited part and every new leaf, so `trim`
drops the least recently used entries (parts.py moves what an analysis
uses to the end) past the budgets below.

Measured on the generated 5,000-component design (issue 10): one analysis
leaves 79 parts' columns, about 46 MB, and 950,000 diagram nodes (counted
per part; twins share theirs). The budgets hold about three analyses'
worth, so an edit and its undo both find their parts: there a deleted
server takes 10.5 s instead of 25 s, its undo 1.3 s.
"""
from __future__ import annotations

SETTINGS_BYTES = 160 * 2**20      # cached columns
PART_NODES = 3_000_000            # diagram nodes (tens of bytes each, flattened)


def trim(cache: dict) -> None:
    """Drop the least recently used parts until both stores fit their budgets."""
    _trim(cache.get("settings", {}), SETTINGS_BYTES, settings_bytes)
    _trim(cache.get("parts", {}), PART_NODES, lambda _key, passes: passes.size)


def settings_bytes(key, memo: dict) -> int:
    """About what one part's cached columns hold: per setting, two figures
    and a change per shared event."""
    _signature, members = key
    return 8 * len(memo) * (len(members) + 2)


def _trim(store: dict, budget: int, size_of) -> None:
    total = sum(size_of(key, value) for key, value in store.items())
    for key in list(store):            # least recently used first
        if total <= budget:
            return
        total -= size_of(key, store.pop(key))
