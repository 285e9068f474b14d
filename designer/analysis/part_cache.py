"""The bounds' part cache kept between analyses, within a memory budget.

bounds.py keeps, per part of a design, its diagram (store "parts":
structure signature -> ColumnPasses; and store "shapes": the same
diagrams by shape, for parts met again under other names) and its values
under each conditioning setting met so far (store "settings":
(signature, shared events) -> {setting: values}). An edited design then rebuilds and
re-evaluates only the parts the edit touched: the cost plan's candidates
(incremental.py) and the live window's analyses (engine.analyze_phases
with the worker's cache). Kept for the life of a plan or of the worker,
the stores grow with every edited part and every new leaf, so `trim`
drops the least recently used entries (parts.py moves what an analysis
uses to the end) past the budgets below.

Measured on the generated 5,000-component design (issue 10): one analysis
(4,821 leaves for the 1e-9 gap) left 159,000 settings of 79 parts,
about 265 MB with what holds them, and 950,000 diagram nodes (counted per
part; twins share theirs); since twins on the same shared events share
one cache (parts.py), 54,000 settings in 27 caches. The budgets hold
that and an edit's new settings, so an edit and its undo find their
parts: a deleted server there is certified again in 62-68 s (8,324 leaves to reach 1e-9), its
undo in 1.8 s (11.8 s with 512 MB, 15-24 s with 384 MB at the earlier
6,000-leaf cap: the trim dropped parts the undo needed); the process
peaks at 960 MB. Each setting remembers which analysis used it last
(`Parts.generation`): the cost plan drops what earlier steps used. Store
"rounds" keeps what the conditioning's rounds worked out for each group
of parts (kept_rounds.py), the last two analyses' within ROUNDS_BYTES;
the settings they read keep their columns.
"""
from __future__ import annotations

from .kept_rounds import entry_bytes, held_settings

SETTINGS_BYTES = 640 * 2**20      # cached columns, with what holds them
ROUNDS_BYTES = 128 * 2**20        # kept rounds (kept_rounds.py): 71 MB an analysis at 5,000
SETTING_OVERHEAD = 600            # bytes a setting beside its figures
PART_NODES = 3_000_000            # diagram nodes (tens of bytes each, flattened)


def trim(cache: dict) -> None:
    """Fit both stores to their budgets: first go the settings neither of
    the last two analyses used (an edit and its undo use those two), then
    whole parts, least recently used first."""
    settings = cache.get("settings", {})
    if "generation" in cache:
        since = cache["generation"] - 1
        _trim_rounds(cache.get("rounds", {}), since)
        _drop_settings_before(settings, since, SETTINGS_BYTES, cache.get("rounds", {}))
    _trim(settings, SETTINGS_BYTES, settings_bytes)
    _trim(cache.get("parts", {}), PART_NODES, lambda _key, passes: passes.size)
    _trim_shapes(cache)


def settings_bytes(key, memo: dict) -> int:
    """About what one part's cached columns take: per setting, three figures
    and a change per shared event (part_columns._log_changes), plus the
    arrays, tuples and key (two masks, setting_bits.py) holding them: 564
    bytes a setting, measured at 5,000 components (180 MB of figures, 85
    MB around them; 1.2 KB when the keys were sets of names)."""
    _signature, members = key
    settings = len(memo) - ("slope" in memo)   # every other key is a setting
    return settings * (8 * (len(members) + 3) + SETTING_OVERHEAD)


def _trim(store: dict, budget: int, size_of) -> None:
    total = sum(size_of(key, value) for key, value in store.items())
    for key in list(store):            # least recently used first
        if total <= budget:
            return
        total -= size_of(key, store.pop(key))


def _trim_shapes(cache: dict) -> None:
    """The shapes' diagrams (part_build.py) are mostly the parts' own; the
    others go, least recently used first, until the diagrams of both
    stores, each counted once, fit PART_NODES."""
    shapes = cache.get("shapes", {})
    in_parts = {id(passes.nodes): passes.size for passes in cache.get("parts", {}).values()}
    own = {id(passes.nodes): passes.size for passes, _ in shapes.values()
           if id(passes.nodes) not in in_parts}
    total = sum(in_parts.values()) + sum(own.values())
    for shape in [shape for shape, (passes, _) in shapes.items()   # least recently used first
                  if id(passes.nodes) in own]:
        if total <= PART_NODES:
            return
        passes, _ = shapes.pop(shape)
        total -= own.pop(id(passes.nodes), 0)


def _trim_rounds(rounds: dict, since: int) -> None:
    """The kept rounds (kept_rounds.py) of analyses before `since` dropped,
    then the oldest until the rest fit ROUNDS_BYTES."""
    entries = [(key, kept) for key, found in rounds.items() for kept in found]
    total = sum(entry_bytes(kept) for _, kept in entries)
    for key, kept in sorted(entries, key=lambda item: item[1].generation):
        if kept.generation >= since and total <= ROUNDS_BYTES:
            return
        rounds[key].remove(kept)          # Kept compares by identity
        if not rounds[key]:
            del rounds[key]
        total -= entry_bytes(kept)


def _drop_settings_before(store: dict, generation: int, budget: int, rounds: dict) -> None:
    """Settings last used before `generation` dropped, when over budget.
    Kept, they made the cost plan of the generated 5,000-component design
    (one analysis holds half the budget, and every step adds its own to
    the parts' columns) drop whole parts from the eighth step on, each
    then evaluated again for every candidate: 17-24 s a candidate instead
    of 2-4 s."""
    if sum(settings_bytes(key, memo) for key, memo in store.items()) <= budget:
        return
    held = held_settings(rounds, generation)
    for key, memo in store.items():
        kept = held.get(key, ())       # read from kept rounds, so not stamped
        old = [setting for setting, value in memo.items()
               if isinstance(setting, tuple) and value[3] < generation and setting not in kept]
        for setting in old:
            del memo[setting]
