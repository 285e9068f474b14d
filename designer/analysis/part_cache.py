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
leaves 79 parts' columns, about 96 MB with what holds them, and 950,000
diagram nodes (counted per part; twins share theirs). The budgets hold
about two analyses' worth, so an edit and its undo both find their parts:
there a deleted server takes 10.4 s instead of 25 s, its undo 1.3 s.
"""
from __future__ import annotations

SETTINGS_BYTES = 192 * 2**20      # cached columns, with what holds them
SETTING_OVERHEAD = 1_200          # bytes a setting beside its figures
PART_NODES = 3_000_000            # diagram nodes (tens of bytes each, flattened)


def trim(cache: dict) -> None:
    """Drop the least recently used parts until both stores fit their budgets."""
    _trim(cache.get("settings", {}), SETTINGS_BYTES, settings_bytes)
    _trim(cache.get("parts", {}), PART_NODES, lambda _key, passes: passes.size)


def settings_bytes(key, memo: dict) -> int:
    """About what one part's cached columns take: per setting, two figures
    and a change per shared event, plus the arrays, tuples and key (two sets
    of event names) holding them: 1.2 KB a setting, measured at 2,000 and
    5,000 components (5,000: 46 MB of figures, 50 MB around them)."""
    _signature, members = key
    settings = sum(1 for setting in memo if isinstance(setting, tuple))   # not "slope"
    return settings * (8 * (len(members) + 2) + SETTING_OVERHEAD)


def _trim(store: dict, budget: int, size_of) -> None:
    total = sum(size_of(key, value) for key, value in store.items())
    for key in list(store):            # least recently used first
        if total <= budget:
            return
        total -= size_of(key, store.pop(key))
