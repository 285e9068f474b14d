"""Design availability (ANALYSIS.md section 4) against the brute-force
oracle: for random designs, availability equals the sum over every failure
state of its probability, to 1e-12; importance equals A(c up) - A(c down)."""
from __future__ import annotations

import json
import math
from itertools import product
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from designer.analysis.availability import MINUTES_PER_YEAR, analyse, design_availability
from designer.analysis.figures import availabilities
from designer.analysis.mef import load_fault_tree
from designer.analysis.structure import compile_design
from designer.cli import cli
from designer.model import Design

from .engine_strategies import designs
from .oracle import Oracle

MAX_FAILABLE = 12      # 4,096 oracle states per design keeps the test fast
EXAMPLES = sorted((Path(__file__).resolve().parents[1] / "examples").glob("*.weaklink.json"))


def with_random_availabilities(design: Design, rng) -> Design:
    comps = tuple(c.model_copy(update={"availability": round(rng.uniform(0.6, 0.999), 4)})
                  for c in design.components)
    return Design(settings=design.settings, components=comps, links=design.links)


def oracle_availability(design: Design, fixed: dict[str, bool] | None = None) -> float:
    """Sum of the probabilities of the failure states in which the system is up."""
    oracle = Oracle(design)
    figures = availabilities(design)
    free = [c for c in oracle.failable if c not in (fixed or {})]
    total = 0.0
    for bits in product([True, False], repeat=len(free)):
        works = dict(zip(free, bits), **(fixed or {}))
        failed = {c for c, ok in works.items() if not ok}
        if oracle.system_up(failed):
            total += math.prod(figures[c] if works[c] else 1 - figures[c] for c in free)
    return total


small_designs = designs.filter(lambda d: len(Oracle(d).failable) <= MAX_FAILABLE)
# The bound: designs of up to 16 failable components (65,536 states each),
# a few per run because every state is a full oracle evaluation.
larger_designs = designs.filter(lambda d: MAX_FAILABLE < len(Oracle(d).failable) <= 16)


@settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck))
@given(small_designs, st.randoms(use_true_random=False))
def test_availability_equals_full_enumeration_of_failure_states(design, rng):
    found = _assert_exact_equals_enumeration(with_random_availabilities(design, rng))
    assert found.downtime_minutes_per_year == pytest.approx((1 - found.value) * MINUTES_PER_YEAR)


@settings(max_examples=3, deadline=None, suppress_health_check=list(HealthCheck))
@given(larger_designs, st.randoms(use_true_random=False))
def test_availability_equals_enumeration_up_to_sixteen_failable_components(design, rng):
    _assert_exact_equals_enumeration(with_random_availabilities(design, rng))


def _assert_exact_equals_enumeration(design: Design):
    found = design_availability(design)
    assert found.method == "exact"
    assert found.value == pytest.approx(oracle_availability(design), abs=1e-12)
    return found


@settings(max_examples=15, deadline=None, suppress_health_check=list(HealthCheck))
@given(small_designs, st.randoms(use_true_random=False))
def test_birnbaum_raw_rrw_match_conditioning_on_the_oracle(design, rng):
    design = with_random_availabilities(design, rng)
    found = design_availability(design)
    oracle = Oracle(design)
    for cid in oracle.failable[:3]:
        up = oracle_availability(design, {cid: True})
        down = oracle_availability(design, {cid: False})
        importance = found.importance[cid]
        assert importance.birnbaum == pytest.approx(up - down, abs=1e-12)
        risk = 1 - found.value
        if risk > 1e-9:
            assert importance.raw == pytest.approx((1 - down) / risk, rel=1e-9)
            if 1 - up > 1e-9:
                assert importance.rrw == pytest.approx(risk / (1 - up), rel=1e-9)


@pytest.mark.parametrize("path", EXAMPLES, ids=[p.name for p in EXAMPLES])
def test_monte_carlo_interval_holds_the_exact_value(path):
    from designer.io import load_design
    design = load_design(path)
    compiled = compile_design(design)
    figures = availabilities(design)
    probs = {event: figures[cid] for cid, event in compiled.event_of.items()}
    exact = analyse(compiled.circuit, probs)
    assert exact.method == "exact"
    # A 95 % interval misses 1 time in 20 by design: over ten seeds it must
    # hold at least eight times (a fair estimator fails that about 1 % of the
    # time; the seeds are fixed, so the test is repeatable), and never by far.
    held = 0
    for seed in range(10):
        estimate = analyse(compiled.circuit, probs, budget=0, seed=seed)   # budget 0: Monte Carlo
        assert estimate.method == "monte-carlo"
        low, high = estimate.confidence_interval
        held += low <= exact.value <= high
        assert abs(estimate.value - exact.value) < 2 * (high - low)
    assert held >= 8


def test_analyze_json_says_which_method_produced_the_number():
    result = CliRunner().invoke(cli, ["analyze", str(EXAMPLES[0]), "--json"])
    report = json.loads(result.output)
    assert report["availability_method"] == "exact"
    assert 0 < report["availability"] < 1
    assert report["nines"] == pytest.approx(-math.log10(1 - report["availability"]))
    assert report["downtime_minutes_per_year"] == pytest.approx(
        (1 - report["availability"]) * 525_960)
    assert "confidence_interval" not in report
    from designer.io import load_design
    design_ids = {c.id for c in load_design(EXAMPLES[0]).components}
    assert set(report["importance"]) <= design_ids and report["importance"]


def test_exported_fault_tree_gives_the_design_unavailability(tmp_path):
    from designer.io import load_design
    for path in EXAMPLES:
        design = load_design(path)
        out = tmp_path / (path.stem + ".xml")
        result = CliRunner().invoke(cli, ["export-mef", str(path), str(out)])
        assert result.exit_code == 0, result.output
        tree = load_fault_tree(out)
        down = analyse(tree.circuit, tree.probabilities, failure_polarity=True).value
        assert down == pytest.approx(design_availability(design).complement, rel=1e-9)


def _two_servers(ccf_groups: dict[str, float]) -> Design:
    from designer.model import Component, Kind
    from designer.model.design import Settings
    comps = [Component(id="web", kind=Kind.TIER, entry=True)]
    for n in (1, 2):
        comps.append(Component(id=f"s{n}", kind=Kind.SERVER, availability=0.9, ccf_group="g"))
        comps.append(Component(id=f"a{n}", kind=Kind.SERVICE, parent=f"s{n}", tier="web",
                               availability=1.0))
    return Design(settings=Settings(ccf_groups=ccf_groups), components=tuple(comps))


def test_a_declared_beta_factor_group_puts_a_floor_under_redundancy():
    independent = design_availability(_two_servers({}))
    assert independent.value == pytest.approx(1 - 0.1 * 0.1, abs=1e-12)
    shared = design_availability(_two_servers({"g": 0.1}))
    # Q = 0.1 splits into 0.09 of each server's own and 0.01 shared by both.
    assert shared.value == pytest.approx((1 - 0.01) * (1 - 0.09 * 0.09), abs=1e-12)
    assert {"s1", "s2"} <= set(shared.importance) and "ccf:g" not in shared.importance


def test_the_placement_order_changes_the_diagram_not_the_answer():
    from benchmarks.generate import generate
    from designer.analysis.availability import placement_rank
    design = generate(100)
    compiled = compile_design(design)
    rank = placement_rank(design, compiled.event_of)
    # Site-wide causes first, then the server rack's parts, then each server
    # with everything in it.
    assert rank["s0-feedA"] == rank["s0-core0-psu1"] == rank["s0-net-pduA"] == 0
    assert 0 < rank["s0-r0"] == rank["s0-r0-pduA"] == rank["s0-r0-tor1-psu0"]
    assert rank["s0-r0"] < rank["s0-r0-h0-psu1"] == rank["s0-r0-h0-svc"] == rank["s0-r0-h0"]
    figures = availabilities(design)
    probs = {event: figures[cid] for cid, event in compiled.event_of.items()}
    plain = analyse(compiled.circuit, probs)           # depth-first order only
    hinted = design_availability(design, compiled)
    assert hinted.method == plain.method == "exact"
    assert hinted.bdd_nodes < plain.bdd_nodes
    assert hinted.value == pytest.approx(plain.value, abs=1e-12)
    assert hinted.complement == pytest.approx(plain.complement, abs=1e-12)
    for cid, event in compiled.event_of.items():
        assert hinted.importance[cid].birnbaum == pytest.approx(
            plain.importance[event].birnbaum, abs=1e-12)


def test_a_design_that_is_almost_never_up_has_zero_nines_not_minus_zero(tmp_path):
    """An availability under 1e-16 leaves 1 - A at exactly 1.0, and
    -log10(1.0) is -0.0: the status bar of a 7,000-server site read
    "-0.0 nines". No figure of nines is below zero."""
    from designer.io import load_design, save_design

    design = load_design(EXAMPLES[0])
    worn = design.model_copy(update={"components": tuple(
        c.model_copy(update={"availability": 1e-9}) for c in design.components)})
    path = tmp_path / "worn.weaklink.json"
    save_design(worn, path)
    text = CliRunner().invoke(cli, ["analyze", str(path)]).output
    report = json.loads(CliRunner().invoke(cli, ["analyze", str(path), "--json"]).output)
    assert report["availability"] < 1e-16
    assert math.copysign(1.0, report["nines"]) == 1.0
    assert "0.00 nines" in text and "-0.0" not in text
