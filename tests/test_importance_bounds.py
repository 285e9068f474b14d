"""Certified importance under the bounded method (analysis/importance_bounds.py):
wherever the exact importance can be computed, the intervals hold it and
are as narrow as the tolerances make them; `analyze --json` and the review
PDF show them."""
from __future__ import annotations

import json
import math
from itertools import product
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from benchmarks.generate import generate
from designer.analysis import bounds
from designer.analysis.availability import BOUNDED, EXACT, design_availability
from designer.analysis.engine import analyze, availability_part, with_certified_importance
from designer.analysis.figures import availabilities
from designer.analysis.importance_bounds import (CONDITIONAL_TOLERANCE, System, certify,
                                                 design_intervals)
from designer.analysis.result import (AnalysisResult, AvailabilityPart, FrozenMap,
                                      ImportanceInterval, StructurePart)
from designer.analysis.structure import compile_design
from designer.cli import cli
from designer.io import load_design
from designer.io.save import save_design
from designer.model import Design
from designer.report import availability as A
from designer.report import review as R
from designer.report.review import IMPORTANCE_SHOWN
from tests.export_support import EXAMPLES, all_text, searchable
from tests.schema_support import validator_for
from tests.test_bounds import _random_union

SLACK = 1e-12          # float rounding of the sums behind the bounds
SCHEMA = Path(__file__).parents[1] / "docs" / "analysis.schema.json"


def _within(interval, exact: float, rel: float = 1e-9) -> bool:
    low, high = interval
    if math.isinf(exact):
        return math.isinf(high)
    slack = SLACK + rel * abs(exact)
    return low - slack <= exact <= high + slack


def _scaled(size: int, seed: int, rng) -> Design:
    """A generated design with every unavailability scaled by 1/3 to 3."""
    design = generate(size, seed)
    figures = availabilities(design)
    comps = tuple(c.model_copy(update={"availability": 1 - (1 - figures[c.id])
                                       * rng.uniform(1 / 3, 3)})
                  if figures[c.id] < 1 else c for c in design.components)
    return Design(settings=design.settings, components=comps, links=design.links)


@settings(max_examples=4, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.integers(180, 320), st.integers(0, 1000), st.randoms(use_true_random=False))
def test_certified_intervals_hold_the_exact_importance_of_random_generated_designs(
        size, seed, rng):
    """Designs small enough for the exact BDD, forced onto the bounded
    method: for the most important components and a random few others the
    intervals hold the exact Birnbaum, RAW and RRW, and are no wider than
    the system's gap and the conditionals' tolerance allow."""
    design = _scaled(size, seed, rng)
    compiled = compile_design(design)
    exact = design_availability(design, compiled)
    assert exact.method == EXACT
    parts: dict = {}
    forced = design_availability(design, compiled, max_events=0, part_cache=parts)
    assert forced.method == BOUNDED
    first = sorted(exact.importance, key=lambda c: -exact.importance[c].birnbaum)[:4]
    chosen = first + rng.sample(sorted(set(exact.importance) - set(first)), 4)
    found = design_intervals(design, compiled, forced, chosen, parts)
    assert set(found) == set(chosen)
    risk, gap = exact.complement, forced.bounds[1] - forced.bounds[0]
    for cid in chosen:
        truth, interval = exact.importance[cid], found[cid]
        assert _within(interval.birnbaum, truth.birnbaum), cid
        assert _within(interval.raw, truth.raw, 1e-6), cid
        assert _within(interval.rrw, truth.rrw, 1e-6), cid
        failed = truth.raw * risk                      # P(down | component failed)
        low, high = interval.birnbaum
        assert high - low <= 2 * (gap + CONDITIONAL_TOLERANCE * failed) + SLACK, cid
        low, high = interval.raw
        assert high - low <= 2 * truth.raw * (CONDITIONAL_TOLERANCE + 2 * gap / risk), cid


def _enumerated(circuit, probs, fixed: dict[str, bool], bad_when: bool) -> float:
    """P(the top is `bad_when`) with the events in `fixed` set, summing every
    such state of the rest. The small probability is summed itself: taken as
    one less the sum of the other states, a risk of 1.25e-9 came out 1.4e-6
    off, rounding alone, where the test asks the engine for 1e-6."""
    names = [n for n in circuit.event_node if n not in fixed]
    total = 0.0
    for bits in product([True, False], repeat=len(names)):
        up = dict(zip(names, bits)) | fixed
        if circuit.evaluate(up=up) == bad_when:
            total += math.prod(probs[n] if up[n] else 1 - probs[n] for n in names)
    return total


@settings(max_examples=20, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.randoms(use_true_random=False), st.booleans())
def test_intervals_hold_the_enumerated_importance_of_random_unions(rng, failure):
    """Fault trees and designs, events likely good and likely bad (the
    conditional bounded is the less likely state's): every event's
    intervals hold what enumerating the states gives."""
    circuit, probs = _random_union(rng, failure)
    system_bounds = bounds.bound(circuit, probs, failure, 1e-12)
    assume(system_bounds is not None)
    system = System(circuit, probs, failure, (system_bounds.lo, system_bounds.hi),
                    tolerance=1e-12, relative=False)
    found = certify(system, list(probs))
    assert set(found) == set(probs)
    risk = _enumerated(circuit, probs, {}, failure)
    for event, interval in found.items():
        r1, r0 = [_enumerated(circuit, probs, {event: value}, failure)   # event bad, good
                  for value in (failure, not failure)]
        assert _within(interval.birnbaum, r1 - r0), event
        # (gap of R + gap of the conditional) / P(the state not conditioned on >= 1/2)
        width = interval.birnbaum[1] - interval.birnbaum[0]
        assert width <= 2 * (system_bounds.gap + 1e-12) + SLACK, event
        if risk > 1e-9:
            assert _within(interval.raw, r1 / risk, 1e-6), event
        if r0 > 1e-9:
            assert _within(interval.rrw, risk / r0, 1e-6), event


def test_exact_and_live_analyses_carry_no_intervals():
    """Exact importance needs none; the live analysis never asks for them."""
    design = load_design(EXAMPLES[0])
    asked = availability_part(design, certify_importance=3)
    assert asked.method == EXACT and asked.importance and not asked.importance_intervals
    assert not availability_part(design).importance_intervals
    live = analyze(design)
    assert with_certified_importance(design, live, IMPORTANCE_SHOWN) is live


@pytest.fixture(scope="module")
def bounded_file(tmp_path_factory):
    """The smallest generated design the analysis bounds (498 events: the
    exact BDD passes its budget)."""
    path = tmp_path_factory.mktemp("bounded") / "generated.weaklink.json"
    save_design(generate(520), path)
    return path


def test_analyze_json_carries_certified_intervals_for_the_ranked_components(bounded_file):
    run = CliRunner().invoke(cli, ["analyze", str(bounded_file), "--json"])
    assert run.exit_code == 0, run.output
    found = json.loads(run.stdout)        # stderr has the progress line
    validator_for(SCHEMA).validate(found)
    assert found["availability_method"] == BOUNDED
    ranked = sorted(found["importance"], key=lambda c: -found["importance"][c])
    intervals = found["importance_intervals"]
    assert set(intervals) == set(ranked[:IMPORTANCE_SHOWN])
    low, high = found["bounds"]
    for cid, interval in intervals.items():
        b_low, b_high = interval["birnbaum"]
        assert 0.0 < b_low <= b_high <= b_low + 2 * (high - low + CONDITIONAL_TOLERANCE)
        assert 1.0 < interval["raw"][0] <= interval["raw"][1]
        assert 1.0 <= interval["rrw"][0] <= interval["rrw"][1]
    # The text report does not show importance, so it does not pay for it.
    text = CliRunner().invoke(cli, ["analyze", str(bounded_file)])
    assert text.exit_code == 0 and "Availability:" in text.output


def test_the_review_pdf_shows_each_ranked_components_certified_interval(bounded_file,
                                                                        tmp_path):
    import pypdf
    out = tmp_path / "review.pdf"
    run = CliRunner().invoke(cli, ["export", str(bounded_file), "--pdf", str(out), "--report"])
    assert run.exit_code == 0, run.output
    text = searchable(all_text(pypdf.PdfReader(out)))
    assert searchable("Certified interval") in text
    assert searchable("proven to hold the exact importance") in text
    # What the window exports: its live result, certified on the way out.
    design = load_design(bounded_file)
    live = analyze(design)
    assert live.availability.method == BOUNDED and not live.availability.importance_intervals
    exported = with_certified_importance(design, live, IMPORTANCE_SHOWN)
    assert len(exported.availability.importance_intervals) == IMPORTANCE_SHOWN
    for cid, interval in exported.availability.importance_intervals.items():
        assert searchable(A.interval_pair(*interval.birnbaum)) in text, cid


def test_skipping_the_certification_leaves_the_rest_not_certified(bounded_file, qtbot,
                                                                  monkeypatch):
    """File > Export of the review certifies behind a progress dialog; Skip
    after two components: two intervals, the others "not certified"."""
    from PySide6.QtWidgets import QProgressDialog, QWidget

    from designer.export.certify import certified
    design = load_design(bounded_file)
    live = analyze(design)
    asked = []

    def cancelled(dialog):
        asked.append(dialog.value())
        return dialog.value() >= 2        # Skip pressed once two are done
    monkeypatch.setattr(QProgressDialog, "wasCanceled", cancelled)
    parent = QWidget()
    qtbot.addWidget(parent)
    exported = certified(parent, design, live)
    assert asked[:3] == [0, 1, 2]
    intervals = exported.availability.importance_intervals
    assert len(intervals) == 2
    _heading, _paragraph, table = R.importance_section(exported, lambda cid: cid)
    cells = [row[-1] for row in table.rows]
    assert cells.count("not certified") == len(cells) - 2


def _importance_section(part):
    result = AnalysisResult(design="d", components=3, structure=StructurePart(),
                            availability=part)
    _heading, paragraph, table = R.importance_section(result, lambda cid: cid.upper())
    return paragraph.text, table


def _part(method: str, **fields) -> AvailabilityPart:
    return AvailabilityPart(value=0.999, method=method, downtime_minutes_per_year=526.0,
                            nines=3.0, importance=FrozenMap({"a": 0.30, "b": 0.20, "c": 0.01}),
                            **fields)


def test_the_review_says_what_the_importance_figures_are_worth_under_each_method():
    text, table = _importance_section(_part("monte-carlo", confidence_interval=(0.998, 1.0)))
    assert "estimates" in text and len(table.header) == 3
    text, table = _importance_section(_part("bounded", bounds=(0.9989, 0.9991)))
    assert "approximations, not certified" in text and len(table.header) == 3
    text, table = _importance_section(_part("exact"))
    assert "estimate" not in text and "certified" not in text


def test_certified_figures_rank_the_table_and_a_missing_interval_says_so():
    """The intervals can reorder the approximations they were chosen by; a
    component whose conditional could not be bounded is marked."""
    intervals = {"a": ImportanceInterval((0.1, 0.1000001), (2.0, 2.1), (1.0, 1.1)),
                 "b": ImportanceInterval((0.25, 0.2500002), (3.0, 3.1), (1.2, 1.3))}
    text, table = _importance_section(_part("bounded", bounds=(0.9989, 0.9991),
                                            importance_intervals=FrozenMap(intervals)))
    assert "certified interval" in text and table.header[-1] == "Certified interval"
    assert [row[1] for row in table.rows] == ["B", "A", "C"]
    assert table.rows[0][2:] == ("0.25", "0.2500000 .. 0.2500002")
    assert table.rows[2][3] == "not certified"
