"""Designs past 5,000 failable components get certified bounds, not Monte
Carlo (issue 10: Monte Carlo only where neither fits)."""
from __future__ import annotations

from benchmarks.generate import generate
from designer.analysis import availability
from designer.analysis.availability import BOUNDED, MONTE_CARLO, design_availability
from designer.analysis.engine import availability_part
from designer.analysis.structure import compile_design
from designer.report.availability import short_of_tolerance


def test_a_10000_component_design_is_bounded_far_narrower_than_monte_carlo():
    """The generated 10,000-component design (9,519 failable components,
    160 parts) was Monte Carlo, its 95 % interval about 1.3e-3 wide: too
    wide for the cost plan to rank its candidates. Its bounds, stopped by
    the work budget, hold the estimate's interval's truth a thousand times
    more narrowly; the report says when the gap is wider than asked."""
    design = generate(10_000)
    compiled = compile_design(design)
    assert 5_000 < len(compiled.event_of) <= availability.DESIGN_BOUND_MAX_EVENTS
    part = availability_part(design, compiled)
    assert part.method == BOUNDED
    low, high = part.bounds
    assert low <= part.value <= high
    sampled = design_availability(design, compiled, bounded=False)
    assert sampled.method == MONTE_CARLO
    sample_low, sample_high = sampled.confidence_interval
    assert sample_low <= part.value <= sample_high
    assert 1000 * (high - low) < sample_high - sample_low
    asked = design.settings.bounds_tolerance
    expected = f"; gap {high - low:.1e}, {asked:.0e} asked" if high - low > asked else ""
    assert short_of_tolerance(part) == expected


def test_past_the_bounds_limit_a_design_is_still_sampled(monkeypatch):
    """Above DESIGN_BOUND_MAX_EVENTS the bounds are not tried: Monte Carlo,
    saying so (its interval, no bounds)."""
    design = generate(1000)
    monkeypatch.setattr(availability, "DESIGN_BOUND_MAX_EVENTS", 900)
    found = design_availability(design)
    assert found.method == MONTE_CARLO
    assert found.bounds is None and found.confidence_interval is not None
