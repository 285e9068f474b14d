"""Where to stop: break-even and the knee, against direct definitions."""
from __future__ import annotations

import math

from hypothesis import given, strategies as st

from designer.analysis.mitigation.where import break_even, knee


def _normalise(values):
    low, high = min(values), max(values)
    return [(v - low) / (high - low) for v in values]


@given(st.lists(st.one_of(st.none(), st.floats(0, 10)), max_size=12))
def test_break_even_is_the_last_step_worth_at_least_its_cost(values):
    found = break_even(values)
    worth = [n for n, v in enumerate(values, start=1) if v is not None and v >= 1]
    assert found == (worth[-1] if worth else None)


@given(st.lists(st.floats(0.01, 5), min_size=5, max_size=15),
       st.lists(st.floats(0.01, 5), min_size=5, max_size=15))
def test_on_a_concave_curve_the_knee_is_the_greatest_rise_above_the_diagonal(dx, dy):
    n = min(len(dx), len(dy))
    slopes = sorted(dy[:n], reverse=True)           # falling slopes: concave
    xs = [0.0] + [sum(dx[:i + 1]) for i in range(n)]
    ys = [0.0] + [sum(s * d for s, d in zip(slopes[:i + 1], dx)) for i in range(n)]
    found = knee(xs, ys)
    diff = [y - x for x, y in zip(_normalise(xs), _normalise(ys))]
    if max(diff) > 1e-9:
        assert found is not None
        assert math.isclose(diff[found], max(diff), abs_tol=1e-9)


def test_a_straight_line_or_growing_returns_have_no_knee():
    xs = [0, 1, 2, 3, 4, 5]
    assert knee(xs, [0, 1, 2, 3, 4, 5]) is None
    assert knee(xs, [0, 0.1, 0.4, 0.9, 1.6, 2.5]) is None


def test_with_few_points_the_knee_is_farthest_above_the_chord():
    xs, ys = [0, 1, 5, 10], [0, 6, 8, 9]
    nx, ny = _normalise(xs), _normalise(ys)
    distance = [(y - x) / math.sqrt(2) for x, y in zip(nx, ny)]
    assert knee(xs, ys) == max(range(1, 3), key=distance.__getitem__) == 1
    assert knee([0, 1, 2], [0, 0.2, 1]) is None      # below the chord
