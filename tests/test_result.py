"""The analysis result is one frozen value made of typed parts; a later
phase makes a new result and leaves the one on screen as it was."""
from __future__ import annotations

import dataclasses
import pickle

import pytest

from benchmarks.generate import generate
from designer.analysis import engine
from designer.analysis.engine import analyze, analyze_phases
from designer.analysis.result import AnalysisResult, AvailabilityPart, Phase, StructurePart
from designer.io import load_design
from designer.report.result_json import result_to_json
from tests.window_helpers import EXAMPLES


@pytest.fixture(scope="module")
def monolith():
    return load_design(EXAMPLES / "monolith.weaklink.json")


def test_a_result_and_its_parts_cannot_be_edited(monolith):
    result = analyze(monolith)
    with pytest.raises(dataclasses.FrozenInstanceError):
        result.availability = None
    with pytest.raises(dataclasses.FrozenInstanceError):
        result.structure.spofs = ()
    with pytest.raises(TypeError):
        result.availability.importance["srv-1"] = 0.0      # a read-only mapping
    assert isinstance(result.structure.spofs, tuple) and isinstance(result.cost.per_component,
                                                                     tuple)


def test_phases_are_named_and_fold_into_what_analyze_returns(monolith):
    steps = list(analyze_phases(monolith))
    # in the order they arrive; a design this small gets no estimate first
    assert [phase for phase, _ in steps] == [p for p in Phase if p is not Phase.ESTIMATE]
    first = steps[0][1]
    assert first.phase is Phase.STRUCTURE and first.availability is None
    folded = first
    for phase, part in steps[1:]:
        later = folded.advanced(phase, part)
        assert later is not folded and later.phase is phase
        folded = later
    assert first.availability is None and first.phase is Phase.STRUCTURE   # unchanged
    assert result_to_json(folded) == result_to_json(analyze(monolith))


def test_a_result_travels_from_the_worker_process_intact(monolith):
    result = analyze(monolith)
    assert result_to_json(pickle.loads(pickle.dumps(result))) == result_to_json(result)


def test_cost_sums_every_component_over_the_horizon(monolith):
    cost = analyze(monolith).cost
    assert len(cost.per_component) == len(monolith.components)
    assert cost.capex == pytest.approx(sum(c.capex for c in cost.per_component))
    assert cost.horizon_total == pytest.approx(
        cost.capex + monolith.settings.horizon_months * cost.opex_monthly)
    assert (cost.currency, cost.horizon_months) == (monolith.settings.currency,
                                                    monolith.settings.horizon_months)


def test_json_shows_bounds_only_for_a_bounded_figure():
    def with_figures(**kw) -> dict:
        part = AvailabilityPart(value=0.999, downtime_minutes_per_year=526.0, nines=3.0, **kw)
        return result_to_json(AnalysisResult("d", 1, StructurePart(), availability=part))
    assert with_figures(method="bounded", bounds=(0.9989, 0.9991))["bounds"] == [0.9989, 0.9991]
    assert "bounds" not in with_figures(method="exact", bounds=(0.999, 0.999))
    sampled = with_figures(method="monte-carlo", confidence_interval=(0.998, 1.0))
    assert sampled["confidence_interval"] == [0.998, 1.0] and "bounds" not in sampled
    assert "cost" not in with_figures(method="exact")     # a result without its cost part


def test_a_big_design_in_the_window_gets_an_estimate_then_certified_figures(monkeypatch):
    """Live only (quick_first): where the bounds take seconds, Monte Carlo
    figures come first (Phase.ESTIMATE), then the bounded ones, which the
    folded result keeps: the same as `analyze` gives."""
    monkeypatch.setattr(engine, "QUICK_FIRST_EVENTS", 0)   # the 520 design bounds in 0.3 s
    design = generate(520)
    steps = list(analyze_phases(design, quick_first=True))
    assert [phase for phase, _ in steps] == list(Phase)
    estimate, certified = steps[2][1], steps[3][1]
    assert estimate.method == "monte-carlo" and certified.method == "bounded"
    low, high = certified.bounds
    assert estimate.confidence_interval[0] <= high and low <= estimate.confidence_interval[1]
    folded = steps[0][1]
    for phase, part in steps[1:]:
        folded = folded.advanced(phase, part)
    assert result_to_json(folded) == result_to_json(analyze(design))
    assert [phase for phase, _ in analyze_phases(design)] == [
        p for p in Phase if p is not Phase.ESTIMATE]          # the CLI waits for the bounds


def test_a_very_big_design_gets_coarser_certified_bounds_before_its_own(monkeypatch):
    """Live only, past FIRST_PASS_EVENTS: after the Monte Carlo estimate,
    bounds to a gap of 1e-7 (seconds sooner at 5,000 components), then the
    design's 1e-9; both hold the final figure, and the folded result is
    still what `analyze` gives. A design asking 1e-7 or coarser skips it."""
    monkeypatch.setattr(engine, "QUICK_FIRST_EVENTS", 0)
    monkeypatch.setattr(engine, "FIRST_PASS_EVENTS", 0)
    design = generate(520)
    steps = list(analyze_phases(design, quick_first=True))
    assert [phase for phase, _ in steps] == [Phase.STRUCTURE, Phase.FINDINGS, Phase.ESTIMATE,
                                             Phase.ESTIMATE, Phase.AVAILABILITY]
    first, final = steps[3][1], steps[4][1]
    assert first.method == final.method == "bounded"
    assert (first.tolerance, final.tolerance) == (engine.FIRST_PASS_TOLERANCE, 1e-9)
    assert first.bounds[1] - first.bounds[0] <= 1e-7
    assert final.bounds[1] - final.bounds[0] <= 1e-9
    assert first.bounds[0] <= final.value <= first.bounds[1]
    folded = steps[0][1]
    for phase, part in steps[1:]:
        folded = folded.advanced(phase, part)
    assert result_to_json(folded) == result_to_json(analyze(design))
    coarse = design.model_copy(update={"settings": design.settings.model_copy(
        update={"bounds_tolerance": 1e-7})})
    assert [phase for phase, _ in analyze_phases(coarse, quick_first=True)] == list(Phase)
