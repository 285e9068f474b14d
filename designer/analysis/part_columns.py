"""The columns of parts.py: each part's diagram under many settings of
its shared events at once (part_eval.py's passes), for the bounds.

Parts that share a diagram (twins, part_keys.shapes_of: 4 diagrams for 15
parts on the generated 1,000-component design) are evaluated side by
side, one pass over all their columns, so the level loop's Python runs
once for them. Every column's arithmetic is what it would be alone: the
passes add along the node axis only, and a single column is evaluated as
two (numpy sums one column in another order than a column of many), so a
setting's figures never depend on its company: an edit re-evaluates one
part alone (incremental.py) and gets what a full analysis gets.

Per setting: P(part bad) with the free shared events at their
probability (`bad_true`, only the polarity read is computed), P(bad) with
them working (`bad_up`), and from the adjoint pass what each free shared
event alone failing does to log P(part good), with the spread of those
failures (`_log_changes`).
"""
from __future__ import annotations

from itertools import groupby
from operator import itemgetter

import numpy as np

from .column_kernels import kernels as column_kernels
from .setting_bits import bit_matrix
from .stop import checkpoint

# Floats in one batch's array of values (2 x nodes x columns: 6 MB). A
# batch costs about 0.3 ms of Python around its passes, so narrow batches
# cost more; wide ones leave the passes waiting on memory, the more so with
# two threads side by side. Generated designs, widths in turn, the same
# figures to the bit: at 4 million floats the 5,000 components took
# 9.5-10.1 s wall on two threads (16.7-17.5 s CPU) and the 1,000's passes
# 132-140 ms; at 1.5 million 6.9-7.5 s (11.1-12.0) and 117-120 ms; at 0.5
# million 8.8-9.3 s and 115-122 ms; at 0.25 million the 1,000's passes
# took 146 ms (docs/performance.md). Measured again once twins shared
# more columns (2026-12-05, 2-core AMD EPYC, medians of 9 in turn): the
# 5,000 components 1,003-1,042 ms at 1.5 million, 913-936 at 0.75, 931-1,001
# at 0.5, 992-1,012 at 0.35; the 2,000 168-174 ms at 1.5, 153-167 at 0.75;
# the 1,000 the same at each (77-85 ms).
BATCH_FLOATS = 750_000


def evaluate_side_by_side(parts, jobs: list[tuple[int, list]]) -> None:
    """Evaluate the (part, settings) `jobs` of parts sharing one diagram,
    side by side, into the parts' cache (`Parts.evaluate` reads it), in
    batches of BATCH_FLOATS: the 5,000-component design's twins side by
    side, in one pass, peaked at 630 MB."""
    for batch in batches(parts, jobs):
        evaluate_batch(parts, batch)


def batches(parts, jobs: list[tuple[int, list]]) -> list[list[tuple[int, list]]]:
    """The (part, settings) `jobs` of parts sharing one diagram cut into
    batches of at most BATCH_FLOATS values. Each is a task of its own for
    the threads (parts.prefetch): a task per diagram left one thread with
    the last big diagram while the other waited."""
    width = max(2, BATCH_FLOATS // (2 * parts.passes[jobs[0][0]].size))
    pairs = [(a, setting) for a, settings in jobs for setting in settings]
    return [[(a, [setting for _, setting in group])
             for a, group in groupby(pairs[start:start + width], key=itemgetter(0))]
            for start in range(0, len(pairs), width)]


def evaluate_batch(parts, jobs: list[tuple[int, list]]) -> None:
    """One batch (`batches`) into the parts' cache. Two threads may run
    batches of one part at once: each writes its own settings."""
    checkpoint()      # a batch is whole in the cache or not there at all
    _evaluate(parts, jobs)


def _evaluate(parts, jobs: list[tuple[int, list]]) -> None:
    passes = parts.passes[jobs[0][0]]
    compiled = column_kernels()
    p, up, built = (_numpy_matrices if compiled is None else _compiled_matrices)(
        parts, jobs, compiled)
    rows = np.unique(np.concatenate([own for own, _ in built]))   # any twin's shared rows
    bad_edge = passes.root if parts.failure_polarity else passes.root ^ 1
    bad_true = passes.forward(p, 1.0 - p, bad_edge)[bad_edge].copy()   # scratch rows
    values = passes.forward(up, 1.0 - up, reuse=True)
    bad_up = values[bad_edge].copy()
    grad = passes.gradient(up, 1.0 - up, values, rows) if len(rows) else np.zeros((0, 0))
    start = 0
    for (a, settings), (own, free) in zip(jobs, built):
        cols = slice(start, start + len(settings))
        if compiled is None:
            change = grad[own, cols] if len(own) else np.zeros((0, len(settings)))
            changes = np.where(free, np.maximum(change, 0.0), 0.0)      # [row, setting]
            logs = _log_changes(parts, a, own, bad_up[cols], changes)
        else:
            logs = np.empty((len(settings), len(own) + 1))
            compiled[1](grad, own, start, free, bad_up[cols], _odds(parts, a, own), logs)
        start += len(settings)
        # Plain floats and one row per setting: taking numpy views of every
        # column cost 10 us a setting (100 ms at 1,000 components).
        memo = parts.held_memo(a)
        for key, true, up_, each in zip(settings, bad_true[cols].tolist(),
                                        bad_up[cols].tolist(), logs):
            memo[key] = (true, up_, each, parts.generation)


def _numpy_matrices(parts, jobs: list[tuple[int, list]], _compiled):
    """The batch's leaf probabilities ([leaf, column], free shared events
    at their probability, and working) and per job its shared rows and
    which of them are free in each of its settings, with numpy."""
    built = [_matrices(parts, a, settings) for a, settings in jobs]
    p = np.hstack([b[0] for b in built])
    up = np.hstack([b[1] for b in built])
    if p.shape[1] == 1:          # two columns: see the module's docstring
        p, up = np.repeat(p, 2, axis=1), np.repeat(up, 2, axis=1)
    return p, up, [(own, free) for _, _, own, free in built]


def _compiled_matrices(parts, jobs: list[tuple[int, list]], compiled):
    """`_numpy_matrices`, filled by a compiled loop that leaves the
    interpreter to the other thread (column_kernels.py)."""
    width = sum(len(settings) for _, settings in jobs)
    leaves = len(parts.leaf_idx[jobs[0][0]])      # twins: one diagram, one count
    p, up = np.empty((leaves, max(width, 2))), np.empty((leaves, max(width, 2)))
    works = 0.0 if parts.failure_polarity else 1.0
    built, start = [], 0
    for a, settings in jobs:
        own = np.sort(parts.members[a][1])
        row_of = parts.row_by_bit[a]
        free = np.empty((len(own), len(settings)), dtype=bool)
        worked, failed = _packed(settings)
        compiled[0](parts.p[parts.leaf_idx[a]], own, row_of,
                    np.searchsorted(own, row_of), worked, failed, works, p, up, free, start)
        built.append((own, free))
        start += len(settings)
    if width == 1:               # two columns: see the module's docstring
        p[:, 1], up[:, 1] = p[:, 0], up[:, 0]
    return p, up, built


def _packed(settings: list[tuple[int, int]]) -> tuple[np.ndarray, np.ndarray]:
    """The settings' worked and failed masks as rows of little-endian bytes."""
    size = max(max(mask for pair in settings for mask in pair).bit_length(), 1) + 7 >> 3
    raw = b"".join([mask.to_bytes(size, "little") for pair in settings for mask in pair])
    both = np.frombuffer(raw, dtype=np.uint8).reshape(len(settings), 2, size)
    return np.ascontiguousarray(both[:, 1]), np.ascontiguousarray(both[:, 0])


def _odds(parts, a: int, rows: np.ndarray) -> np.ndarray:
    """P(fails) / P(works) of part a's shared `rows`."""
    fail = parts.p[parts.leaf_idx[a][rows]]
    if not parts.failure_polarity:
        fail = 1.0 - fail
    return fail / (1.0 - fail)


def _log_changes(parts, a: int, rows: np.ndarray, bad_up: np.ndarray,
                 changes: np.ndarray) -> np.ndarray:
    """Per setting, a row: the change of log P(part good) if each of its
    shared rows alone fails (0 where it is fixed), then the spread of those
    failures (the sum of odds x change of P(bad)): the conditioning's terms
    of a part under a column (conditioning.py), worked out here, once per
    column evaluated and on the threads, rather than for every part that
    reads the column (a twin, a later round): 5,000 components, 24,000
    columns evaluated, 171,000 read."""
    # log(0): a part certainly bad; -inf - -inf: the part is down anyway.
    with np.errstate(divide="ignore", invalid="ignore"):
        up_log = np.log1p(-np.minimum(bad_up, 1.0))
        single = bad_up[:, None] + changes.T      # then in place: no temporaries
        np.minimum(single, 1.0, out=single)
        np.negative(single, out=single)
        np.log1p(single, out=single)
        single -= up_log[:, None]
    single[np.isnan(single)] = 0.0
    spread = _odds(parts, a, rows)[:, None] * changes     # summed row by row, in row order
    return np.concatenate([single, spread.sum(axis=0)[:, None]], axis=1)


def _matrices(parts, a: int, settings: list[tuple[int, int]]):
    """Part a's leaf probabilities under `settings` ([leaf, setting];
    failed and worked events as masks, setting_bits.py): free shared
    events at their probability, and working; its shared rows; which of
    them are free in each setting."""
    row_of = parts.row_by_bit[a]
    rows = np.sort(parts.members[a][1])
    width = len(settings)
    p = np.repeat(parts.p[parts.leaf_idx[a]][:, None], width, axis=1)
    works = 0.0 if parts.failure_polarity else 1.0
    up = p.copy()
    up[rows] = works
    free = np.ones((len(rows), width), dtype=bool)
    # (setting, bit) of every event a setting fixes; masks hold this part's bits only.
    worked_at, worked_bit = np.nonzero(bit_matrix([worked for _, worked in settings]))
    failed_at, failed_bit = np.nonzero(bit_matrix([failed for failed, _ in settings]))
    p[row_of[worked_bit], worked_at] = works
    p[row_of[failed_bit], failed_at] = 1.0 - works
    up[row_of[failed_bit], failed_at] = 1.0 - works
    free[np.searchsorted(rows, row_of[worked_bit]), worked_at] = False
    free[np.searchsorted(rows, row_of[failed_bit]), failed_at] = False
    return p, up, rows, free
