"""The parts of a union for the bounds (bounds.py): one BDD per child of
the top, the shared events in conditioning order, and each part evaluated
under many settings of the shared events at once (part_eval.py).

A part's BDD is kept in a cache keyed by a structural signature of the
part (operations, event names), its values under a setting keyed by its
diagram's shape, its probabilities row by row and its shared events
(`Parts._signatures`: twins on the same shared events share them), so an
edited design rebuilds and re-evaluates only the parts the edit touched
(incremental.py).
"""
from __future__ import annotations

from operator import itemgetter

import numpy as np

from . import ir
from .kept_rounds import used_settings
from .part_build import build_parts
from .part_columns import batches, evaluate_batch, evaluate_side_by_side
from .part_eval import ColumnPasses
from .part_keys import part_facts, shared_bits
from .part_twins import TwinColumns
from .pool import in_order, in_parallel
from .setting_bits import SettingBits

# The impact order's floor, as a multiple of the parts' summed P(bad):
# events that harm nothing still go likeliest first. Measured on the
# generated 1,000-component design (leaves to a 1e-9 gap): a floor of 0.4
# x that sum: 318 leaves; 1.5, 4 and 10 x: 291; 40 x: 525; 400 x: 615.
IMPACT_FLOOR = 4.0
# Node x column evaluations in one round from which the batches go to
# several threads (pool.py). Below, the Python around each pass (which
# holds the interpreter) costs as much as the compiled pass, and threads
# only add switching. Generated designs, per round: 1,000 components 6-8
# million, 2,000 12-16 million, 5,000 150-600 million. With a task per
# diagram, threads did not pay at 1,000 components (15 % more CPU, no
# faster); with a task per batch, biggest first, they take the analysis
# from 237-275 to 205-216 ms (docs/performance.md).
PARALLEL_FROM = 2_000_000


class Parts:
    """One BDD per child of the top and the shared events in conditioning
    order (most harmful first). `cache` keeps the BDDs of parts between
    calls, keyed by their sub-circuit (a part whose structure is unchanged
    is not built again, whatever its probabilities), and their values under
    each setting, keyed by sub-circuit, probabilities and shared events
    (incremental.py)."""

    def __init__(self, circuit: ir.Circuit, probs, failure_polarity: bool, rank, budget,
                 cache: dict | None = None) -> None:
        self.failure_polarity = failure_polarity
        cache = {} if cache is None else cache
        built = cache.setdefault("parts", {})          # signature -> ColumnPasses
        kids = list(circuit.nodes[circuit.top].children)
        below, structures = part_facts(circuit, kids, cache)
        twice = shared_bits(below)
        names = [node.name for node in circuit.nodes]
        # The diagrams are keyed by sub-circuit alone (`structures`): a
        # part's variable order comes from its own sub-circuit and the
        # events' ranks (`local_order`), so an edit elsewhere leaves it as
        # a fresh build would make it.
        missing = {k: key for k, key in zip(kids, structures) if key not in built}
        if missing:
            build_parts(circuit, list(missing), list(missing.values()), names, rank, budget,
                        built, cache.setdefault("shapes", {}))
        self.passes = [built[key] for key in structures]
        for key in structures:           # most recently used last (part_cache.trim)
            built[key] = built.pop(key)
        self.memo = cache.setdefault("settings", {})   # signature -> setting -> values
        self.rounds = cache.setdefault("rounds", {})    # group key -> [kept rounds] (kept_rounds.py)
        self.bit_of = cache.setdefault("bit_of", {})   # shared event name -> its bit in a setting
        # Which analysis this is: part_cache.trim keeps what the last two used.
        self.generation = cache["generation"] = cache.get("generation", 0) + 1
        self.bdd_nodes = sum(passes.size - 1 for passes in self.passes)
        self.names = sorted({name for passes in self.passes for name in passes.names})
        index = {name: i for i, name in enumerate(self.names)}
        self.leaf_idx = [np.array([index[n] for n in passes.names], dtype=np.int64)
                         for passes in self.passes]
        self.p = np.array([probs[name] for name in self.names])
        fail = self.p if failure_polarity else 1.0 - self.p
        shared = [index[names[i]] for i in range(len(names))
                  if twice >> i & 1 and names[i] in index]
        self.signatures = self._signatures(set(shared))
        if any(fail[s] >= 1.0 for s in shared):
            shared = []           # a shared event that always fails: nothing to condition on
        self._place(sorted((s for s in shared if fail[s] > 0.0), key=lambda s: (-fail[s], s)),
                    fail)
        # Parts with no column cached yet: the edited ones (see `_hinted`).
        self.fresh = {a for a in range(len(self.passes))
                      if (self.signatures[a], self.member_names[a]) not in self.memo}
        self._order_by_impact(fail)
        # The settings' bits, for the final order (setting_bits.py).
        self.bits = SettingBits(self.bit_of, self.shared_name)
        self.member_mask = self.bits.masks([positions.tolist() for positions, _ in self.members])
        self.row_by_bit = [self.bits.rows_by_bit(positions, rows)
                           for positions, rows in self.members]
        self.twins = TwinColumns(self)
        self._gathered: dict = {}     # `evaluate`'s, until the next round

    def _signatures(self, shared: set[int]) -> list[int]:
        """Per part, a key of what its columns depend on: its diagram's
        shape (part_keys.shapes_of), its events' probabilities row by row,
        and which shared event each shared row is. Twins alike in all three
        (an application's replicas on one rack: 79 parts in 27 caches at
        5,000 components, 15 in 7 at 1,000) have one cache of columns
        (`memo_of`), evaluated and read once for all of them (was: each its
        own, and a copy of the twin's columns into each; 5,000 components
        1.00 -> 0.88 s)."""
        names = self.names
        return [hash((id(passes.nodes) if passes.shape is None else passes.shape,
                      tuple(self.p[idx].tolist()),
                      tuple(names[leaf] if leaf in shared else None for leaf in idx.tolist())))
                for passes, idx in zip(self.passes, self.leaf_idx)]

    def _place(self, order: list[int], fail: np.ndarray) -> None:
        """Conditioning order `order`: each part's shared leaves by position."""
        self.order = order
        self.fail = np.array([fail[s] for s in order])
        position = {leaf: k for k, leaf in enumerate(order)}
        # Per part: the order positions of its shared leaves, and their local rows.
        self.members = []
        for idx in self.leaf_idx:
            rows = sorted((position[leaf], row) for row, leaf in enumerate(idx.tolist())
                          if leaf in position)
            self.members.append((np.array([k for k, _ in rows], dtype=np.int64),
                                 np.array([r for _, r in rows], dtype=np.int64)))
        # Member rows by position, as indices into the rows in leaf order.
        self.by_position = [np.argsort(np.argsort(rows)) for _, rows in self.members]
        self.shared_name = [self.names[leaf] for leaf in order]
        self.member_names = [frozenset(self.shared_name[k] for k in positions.tolist())
                             for positions, _ in self.members]

    def _order_by_impact(self, fail: np.ndarray) -> None:
        """Condition first on the events whose failure does the most harm:
        P(fails) x (P(bad | it fails) - P(bad | it works), summed over the
        parts, every other event at its probability, plus a floor). An
        event that takes every part down (a site) left free makes the union
        bound over parts count it once per part; conditioned on first, it is
        exact. Measured on the generated 1,000-component design: 4.5e-9
        after 1,000 leaves in the order of P(fails) alone; 6.8e-10 after 525
        leaves in this order with the harm taken with the other shared
        events working; 291 leaves with them at their probability (the
        slope that importance needs anyway, so it costs no extra pass)."""
        if not self.order:
            return
        harm = np.zeros(len(self.order))
        base = 0.0
        for a, (positions, rows) in enumerate(self.members):
            good, slope = self.good_and_slope(a)
            harm[positions] += np.abs(slope[rows])
            base += 1.0 - good
        floor = IMPACT_FLOOR * max(base, 1e-300)
        key = dict(zip(self.order, -coarse(self.fail * (harm + floor))))
        self._place(sorted(self.order, key=lambda s: (key[s], s)), fail)

    def good_and_slope(self, a: int) -> tuple[float, np.ndarray]:
        """P(part a good) and its slope in the probability of each of its
        events (a row per leaf of its diagram), every event at its own
        probability; cached with the part's columns."""
        return self._at_own_probabilities(a)[:2]

    def bad(self, a: int) -> float:
        """P(part a bad), every event at its own probability, worked out as
        such (not as 1 - P(good), which loses its digits when it is tiny)."""
        return self._at_own_probabilities(a)[2]

    def _at_own_probabilities(self, a: int) -> tuple[float, np.ndarray, float]:
        memo = self.memo_of(a)
        if "slope" not in memo:
            passes = self.passes[a]
            local = self.p[self.leaf_idx[a]][:, None]
            values = passes.forward(local, 1.0 - local)
            bad = float(self._bad_of(passes, values)[0])
            grad = passes.gradient(local, 1.0 - local, values)[:, 0]
            memo["slope"] = (1.0 - bad, -grad if self.failure_polarity else grad, bad)
        return memo["slope"]

    def masked(self, leaves) -> list[tuple[int, int]]:
        """Leaves (failed, worked) as masks of the events' bits (setting_bits.py)."""
        failed = self.bits.masks([leaf[0] for leaf in leaves])
        worked = self.bits.masks([leaf[1] for leaf in leaves])
        return list(zip(failed, worked))

    def columns(self, a: int, masked):
        """Part a's distinct settings among the leaves (failed, worked
        masks, from `masked`), and each leaf's column."""
        members = self.member_mask[a]
        keys: dict = {}
        column_of = np.empty(len(masked), dtype=np.int64)
        for j, (failed, worked) in enumerate(masked):
            column_of[j] = keys.setdefault((failed & members, worked & members), len(keys))
        return list(keys), column_of

    def prefetch(self, masked) -> list:
        """`columns` of every part, after evaluating together the settings
        not cached yet of the parts that share a diagram (twins,
        part_keys.shapes_of): one pass over their columns side by side
        runs the level loop's Python once (each column's arithmetic is
        the same as alone). A column a twin also wants, its setting fixing
        the same rows alike, is evaluated once (part_twins.py). The
        batches go to a few threads, the biggest first (pool.py)."""
        by_members: dict[frozenset, tuple] = {}    # parts with the same shared events
        found = [by_members.get(members) or by_members.setdefault(members, self.columns(a, masked))
                 for a, members in enumerate(self.member_names)]
        self._gathered = {}     # `evaluate`'s, this round (keyed by the lists in `found`)
        todo: dict[int, list] = {}
        asked = set()       # parts alike share a cache (`_signatures`): asked once
        for a, (settings, _) in enumerate(found):
            memo = self.memo_of(a)
            if id(memo) in asked:
                continue
            asked.add(id(memo))
            todo[a] = [key for key in settings if key not in memo]
            if a in self.fresh:
                todo[a] += self._hinted(a, set(todo[a]) | set(memo))
        groups: dict[int, list] = {}
        for a, settings in self.twins.claim(todo).items():     # the rest a twin evaluates
            groups.setdefault(id(self.passes[a].nodes), []).append((a, settings))
        tasks = [batch for jobs in groups.values() for batch in batches(self, jobs)]
        tasks.sort(key=self._work, reverse=True)     # the biggest first: the threads end together
        spread = in_parallel if sum(map(self._work, tasks)) >= PARALLEL_FROM else in_order
        spread(lambda batch: evaluate_batch(self, batch), tasks)
        self.twins.copy_claimed(self)
        return found

    def _work(self, jobs: list[tuple[int, list]]) -> int:
        """Node x column evaluations of `jobs` (parts sharing a diagram)."""
        return self.passes[jobs[0][0]].size * sum(len(settings) for _, settings in jobs)

    def _hinted(self, a: int, known: set) -> list:
        """Settings to evaluate a new part under before they are asked:
        those the last analysis used for a part with the same shared
        events (the part this one replaces, after an edit). The conditioning
        asks for most of them again, round after round; one pass over all
        of them costs less than a pass a round (an edit of the generated
        1,000-component design: 350 columns in 38 ms, against 111, 141 and
        98 columns in 52 ms). A column's figures do not depend on its
        company (part_columns.py), so this changes no figure."""
        self.fresh.discard(a)
        members, last = self.member_names[a], self.generation - 1
        hinted = {setting for (_, names), memo in self.memo.items() if names == members
                  for setting, value in memo.items()
                  if isinstance(setting, tuple) and value[3] == last}
        hinted |= used_settings(self.rounds, members, last)   # read there, not from the cache
        return sorted(hinted - known)

    def memo_of(self, a: int) -> dict:
        key = (self.signatures[a], self.member_names[a])
        memo = self.memo.pop(key, None)
        self.memo[key] = memo = {} if memo is None else memo   # last: recently used
        return memo

    def held_memo(self, a: int) -> dict:
        """memo_of(a) as the caller left it, without marking it used: two
        threads may read it at once (part_columns.evaluate_batch)."""
        return self.memo[(self.signatures[a], self.member_names[a])]

    def evaluate(self, a: int, settings: list[tuple[frozenset, frozenset]]):
        """For part a under each setting (its shared events named in
        `failed` failed, in `worked` working, the rest free): P(bad) with
        the free events at their probability, P(bad) with them working,
        the change of log P(good) if each free event alone fails ([members,
        columns], members in conditioning order) and the spread of those
        failures (part_columns._log_changes). Settings seen before for an
        equal part with the same shared events come from the cache."""
        # Parts alike (`_signatures`) under one list of settings (`columns`,
        # shared by parts with the same shared events) read the same
        # values from one cache: gathered and stamped once a round.
        alike = (self.signatures[a], id(settings))
        kept = self._gathered.get(alike)
        if kept is not None and kept[0] is settings:   # (kept holds the list: its id stays its own)
            self.memo_of(a)
            return kept[1]
        memo = self.memo_of(a)
        try:                  # prefetch evaluated them all, as a rule
            held = list(map(memo.__getitem__, settings))
        except KeyError:
            evaluate_side_by_side(self, [(a, [key for key in settings if key not in memo])])
            held = list(map(memo.__getitem__, settings))
        generation = self.generation
        for key, value in zip(settings, held):     # when last used (part_cache.trim)
            if value[3] != generation:
                memo[key] = (value[0], value[1], value[2], generation)
        kept = self._gathered[alike] = (settings, self._gather(a, held))
        return kept[1]

    def _gather(self, a: int, held: list) -> tuple:
        bad_true = np.fromiter(map(itemgetter(0), held), float, len(held))
        bad_up = np.fromiter(map(itemgetter(1), held), float, len(held))
        stacked = (np.concatenate(list(map(itemgetter(2), held))).reshape(len(held), -1) if held
                   else np.zeros((0, len(self.members[a][0]) + 1)))
        # The cache holds rows in the diagram's leaf order; the caller's
        # conditioning order can differ between calls (incremental.py).
        return bad_true, bad_up, stacked[:, :-1].T[self.by_position[a]], stacked[:, -1].copy()

    def _bad_of(self, passes: ColumnPasses, values: np.ndarray) -> np.ndarray:
        top, not_top = passes.root_value(values)
        return top if self.failure_polarity else not_top


def coarse(values: np.ndarray) -> np.ndarray:
    """Positive values rounded to a quarter octave (19 %). The choices of
    the conditioning (order, what to split) sort on these: an edit that
    barely moves them (one server's availability) then keeps every choice,
    so the untouched parts' columns all come from the cache (incremental.py)
    rather than a few new ones costing a whole pass each."""
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.where(values > 0, np.exp2(np.round(np.log2(values) * 4) / 4), 0.0)
