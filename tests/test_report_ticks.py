"""The report's cost curve reads on round ticks (€100k, €200k; 2, 3, 4
nines), where dividing the range in five printed €135,828 and 2.9."""
from __future__ import annotations

import math

from hypothesis import given
from hypothesis import strategies as st

from designer.report.blocks import CostCurve, CurvePoint
from designer.report.ticks import MULTIPLES, decimals_for, nice_ticks

# Ranges a chart meets: a width of at least a thousandth of the values
# (costs from 0; nines at least 0.1 apart, blocks.CostCurve).
finite = st.floats(min_value=-1e7, max_value=1e7, allow_nan=False)


@given(finite, st.floats(min_value=1e-3, max_value=1e4))
def test_ticks_cover_the_range_in_a_few_round_equal_steps(low, relative):
    high = low + relative * max(1.0, abs(low))
    ticks = nice_ticks(low, high)
    assert 2 <= len(ticks) <= 8
    step = ticks[1] - ticks[0]
    # Covered up to a billionth of a step (float noise: -1.2e-7 is 0 at a step of 200).
    assert ticks[0] <= low + 1e-9 * step and ticks[-1] >= high - 1e-9 * step
    assert all(math.isclose(b - a, step, rel_tol=1e-6) for a, b in zip(ticks, ticks[1:]))
    mantissa = step / 10 ** math.floor(math.log10(step))
    assert any(math.isclose(mantissa, m, rel_tol=1e-6) for m in MULTIPLES + (10.0,))
    assert (ticks[-1] - ticks[0]) / step <= 7 + 1e-6


def test_the_three_tier_plans_axes():
    points = (CurvePoint(0.0, 1.86, "start"), CurvePoint(74_200.0, 3.30, "4"),
              CurvePoint(679_140.0, 7.12, "11"))
    curve = CostCurve(points, None, 1, "cost", "nines", "EUR", "")
    assert [text for _, text in curve.cost_ticks()] == [
        "€0", "€100k", "€200k", "€300k", "€400k", "€500k", "€600k", "€700k"]
    assert [text for _, text in curve.nines_ticks()] == ["1", "2", "3", "4", "5", "6", "7", "8"]
    assert decimals_for([2.5, 3.0, 3.5]) == 1 and decimals_for([0.25, 0.5]) == 2
