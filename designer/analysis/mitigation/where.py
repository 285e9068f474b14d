"""Where to stop (ANALYSIS.md section 5): the break-even step and the knee
of the curve. No Qt.

Break-even: with a downtime cost per hour D, a step's value is (downtime
hours avoided per year x D x horizon years) / (its cost over the horizon);
the break-even step is the last one whose value is at least 1.

Knee (Kneedle, Satopaa et al. 2011): the curve runs from the design as it
is (step 0) through every step, x = cumulative cost over the horizon,
y = nines, both normalised to [0, 1]. Kneedle's difference curve is y - x;
the contract takes the knee as its greatest value (with sensitivity 1
Kneedle's threshold, the maximum less the mean x-spacing, is what a later
point must fall below; on the short curves of a plan every maximum the
contract asks for is kept, so the threshold does not change the answer and
is not applied). A curve that never rises above the diagonal (returns that
grow, or a straight line) has no knee. With fewer than five points the knee
is the point farthest from the chord between the first and the last point,
above it (below the chord is not a diminishing return).
"""
from __future__ import annotations

import math
from typing import Sequence

FEW_POINTS = 5


def break_even(values: Sequence[float | None]) -> int | None:
    """1-based number of the last step whose value is >= 1 (None: none is,
    or no downtime cost is set: values are None)."""
    last = None
    for number, value in enumerate(values, start=1):
        if value is not None and value >= 1.0:
            last = number
    return last


def knee(xs: Sequence[float], ys: Sequence[float]) -> int | None:
    """Index of the knee point in (xs, ys) (index 0 is the start), or None."""
    if len(xs) < 3:
        return None
    nx, ny = _normalised(xs), _normalised(ys)
    if nx is None or ny is None:
        return None
    if len(xs) < FEW_POINTS:
        return _farthest_above_chord(nx, ny)
    return _kneedle(nx, ny)


def _normalised(values: Sequence[float]) -> list[float] | None:
    low, high = min(values), max(values)
    if not math.isfinite(high - low) or high - low <= 0:
        return None
    return [(v - low) / (high - low) for v in values]


def _farthest_above_chord(nx: list[float], ny: list[float]) -> int | None:
    (x0, y0), (x1, y1) = (nx[0], ny[0]), (nx[-1], ny[-1])
    length = math.hypot(x1 - x0, y1 - y0)
    # Signed distance, positive on the upper-left side of the chord.
    distances = [((x1 - x0) * (y - y0) - (y1 - y0) * (x - x0)) / length
                 for x, y in zip(nx, ny)]
    best = max(range(1, len(nx) - 1), key=distances.__getitem__)
    return best if distances[best] > 1e-12 else None


def _kneedle(nx: list[float], ny: list[float]) -> int | None:
    diff = [y - x for x, y in zip(nx, ny)]
    best = max(range(len(diff)), key=diff.__getitem__)
    return best if diff[best] > 1e-12 else None
