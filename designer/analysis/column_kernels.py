"""The Python around each batch of part_columns.py, compiled with numba:
a part's leaf probabilities under its settings, and the per-setting terms
read from the adjoint pass.

Done with numpy they held the interpreter for about a third of a batch's
time (generated 5,000-component design: 105 of 520 ms on one thread), so
the second thread's passes waited on them; compiled and `nogil` they run
beside each other. Each does part_columns.py's numpy arithmetic element by
element, in the same order: fixing an event writes 0 or 1 exactly, and the
spread adds its rows in row order as numpy's sum does; only `log1p` may
come from another library than numpy's (a last bit, far inside any gap;
tests/test_column_kernels.py).

Like part_kernels.py, nothing rests on them: without numba `kernels()`
answers None and part_columns.py runs its numpy way.
"""
from __future__ import annotations

import math

import numpy as np

from .jit import Compiled


def kernels():
    """(settings, log_changes) compiled, or None."""
    return _KERNELS.get()


def _build(jit):
    found = (jit(_settings), jit(_log_changes))
    _warm(*found)
    return found


def _warm(settings, log_changes) -> None:
    base = np.full(2, 0.5)
    rows = np.zeros(1, dtype=np.int64)
    masks = np.zeros((2, 1), dtype=np.uint8)
    p, up = np.empty((2, 2)), np.empty((2, 2))
    free = np.empty((1, 2), dtype=np.bool_)
    settings(base, rows, rows, rows, masks, masks, 0.0, p, up, free, 0)
    out = np.empty((2, 2))
    log_changes(np.zeros((2, 2)), rows, 0, free, base, base, out)


def _settings(base, rows, row_of_bit, free_of_bit, worked, failed, works,
              p, up, free, start):  # pragma: no cover - compiled
    """p[:, start + s], up[:, start + s]: the part's leaf probabilities
    `base` under setting s, its worked and failed events as little-endian
    bit masks (`worked[s]`, `failed[s]`, bytes): a fixed event at `works`
    or 1 - `works`; in `up` every shared row (`rows`) working unless
    failed. free[k, s]: whether the k-th shared row is free under s."""
    width = worked.shape[0]
    for i in range(base.shape[0]):
        for s in range(start, start + width):
            p[i, s] = base[i]
            up[i, s] = base[i]
    for k in range(rows.shape[0]):
        for s in range(width):
            up[rows[k], start + s] = works
            free[k, s] = True
    for s in range(width):
        for failing in (False, True):
            masks = failed if failing else worked
            value = 1.0 - works if failing else works
            for byte in range(masks.shape[1]):
                held = masks[s, byte]
                bit = byte * 8
                while held:
                    if held & 1:
                        p[row_of_bit[bit], start + s] = value
                        if failing:
                            up[row_of_bit[bit], start + s] = value
                        free[free_of_bit[bit], s] = False
                    held >>= 1
                    bit += 1


def _log_changes(grad, own, start, free, bad_up, odds, out):  # pragma: no cover - compiled
    """out[s]: part_columns._log_changes' row for setting s, the change of
    the adjoint pass (grad[own[k], start + s], 0 where the row is fixed or
    the change negative) for each shared row k, then their spread."""
    for s in range(out.shape[0]):
        up_log = math.log1p(-min(bad_up[s], 1.0))
        spread = 0.0
        for k in range(own.shape[0]):
            change = 0.0
            if free[k, s]:
                change = max(grad[own[k], start + s], 0.0)
            single = math.log1p(-min(bad_up[s] + change, 1.0)) - up_log
            out[s, k] = 0.0 if math.isnan(single) else single
            spread += odds[k] * change
        out[s, own.shape[0]] = spread


_KERNELS = Compiled(_build)
