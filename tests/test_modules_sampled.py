"""Monte Carlo only inside the module whose BDD does not fit, exact around it
(modules_sampled.py): the figures around the sampled module are the exact
ones for its estimate, the interval holds the true P(top) as often as it
claims, and it is narrower than sampling the whole tree."""
from __future__ import annotations

import random

import pytest

from designer.analysis import bdd, ir, modules, montecarlo
from designer.analysis.fta_cuts import top_probability
from designer.analysis.fta_result import (FaultTreeResult, SampledModuleFigures,
                                          analyse_fault_tree)
from designer.analysis.mef import load_fault_tree
from designer.report.fault_tree import fault_tree_json, fault_tree_text
from tests.openpsa_support import OPENPSA, needs_openpsa

NUS9601 = OPENPSA / "input" / "Aralia" / "nus9601.xml"

OUTSIDE = ["o1", "o2", "o3", "o4"]


def _tree(seed: int, negated: bool = False, stand_in: float | None = None):
    """top = or(o1 & M, o2 & o3, o4) (with `negated`, o2 & not o1), M a
    random sum of products over 14 events of its own: a module whose BDD
    is far bigger than the rest. With `stand_in`, M is the event "M" of
    that probability instead."""
    rng = random.Random(seed)
    c = ir.Circuit()
    probs = {name: rng.uniform(0.05, 0.4) for name in OUTSIDE}
    o1, o2, o3, o4 = (c.event(name) for name in OUTSIDE)
    if stand_in is None:
        terms = [rng.sample([f"m{i}" for i in range(14)], 3) for _ in range(30)]
        probs.update({name: rng.uniform(0.02, 0.3) for name in sorted(set(sum(terms, [])))})
        m = c.or_([c.and_([c.event(name) for name in term]) for term in terms])
    else:
        probs["M"] = stand_in
        m = c.event("M")
    second = c.and_([o2, c.not_(o1)]) if negated else c.and_([o2, o3])
    c.top = c.or_([c.and_([o1, m]), second, o4])
    return c, probs


def _sampled(seed: int, negated: bool = False) -> modules.Exact:
    c, probs = _tree(seed, negated)
    return modules.solve(c, probs, budget=60, sample=True)


@pytest.mark.parametrize("negated", [False, True])
def test_around_the_sampled_module_every_figure_is_exact_for_its_estimate(negated):
    for seed in range(5):
        found = _sampled(seed, negated)
        inside = len(_tree(seed)[1]) - len(OUTSIDE)
        assert [(part.events, part.estimate.samples) for part in found.sampled] == \
            [(inside, montecarlo.DEFAULT_SAMPLES)]
        estimate = found.sampled[0].estimate.value
        c, probs = _tree(seed, negated, stand_in=estimate)
        exact = modules.solve(c, probs, budget=10**6)
        assert found.p_top == pytest.approx(exact.p_top, rel=1e-12)
        outside = {name: g for name, g in exact.gradient.items() if name != "M"}
        assert {name: found.gradient[name] for name in outside} == \
            pytest.approx(outside, rel=1e-9, abs=1e-15)
        # Inside it, the sampled Birnbaum times the exact weight of the module.
        c, probs = _tree(seed, negated)
        truth = _one_bdd_gradient(c, probs)
        inside = [name for name in probs if name not in OUTSIDE]
        assert max(abs(found.gradient[n] - truth[n]) for n in inside) <= \
            0.05 * max(truth[n] for n in inside)
        assert found.flats is None   # no cut sets from a sampled answer
        low, high = found.interval
        assert low <= found.p_top <= high


def _one_bdd_gradient(c: ir.Circuit, probs: dict[str, float]) -> dict[str, float]:
    """dP(top)/dp from one BDD over every event: no modules, no chain rule."""
    names = {i: c.nodes[i].name for i in bdd.leaf_order(c, c.top)}
    manager = bdd.Manager(list(names.values()), 10**6)
    flat = bdd.flatten(bdd.build(c, manager, c.top, names), manager)
    ps = [probs[name] for name in manager.leaves]
    grad = bdd.gradient(flat, ps, *bdd.probability(flat, ps))
    return dict(zip(manager.leaves, grad))


def test_the_interval_holds_the_exact_value_as_often_as_it_claims_and_is_narrower():
    held, tried = 0, 40
    for seed in range(tried):
        c, probs = _tree(seed)
        truth = modules.solve(c, probs, budget=10**6).p_top
        found = _sampled(seed)
        low, high = found.interval
        held += low <= truth <= high
        whole = montecarlo.estimate(c, probs)
        assert high - low < whole.interval[1] - whole.interval[0]
    assert held >= 0.9 * tried     # 95 % claimed; 38 expected


def test_without_sampling_a_module_over_budget_still_stops_the_exact_analysis():
    c, probs = _tree(0)
    with pytest.raises(bdd.BudgetExceeded):
        modules.solve(c, probs, budget=60)


@needs_openpsa
def test_fta_samples_only_nus9601s_big_module():
    result = analyse_fault_tree(load_fault_tree(NUS9601))
    report = fault_tree_json(result)             # what `fta --json` prints
    assert report["method"] == "monte-carlo"
    assert [part["events"] for part in report["sampled_modules"]] == [1551]
    assert report["events"] == 1567
    low, high = report["confidence_interval"]
    assert low <= report["top_event_probability"] <= high
    # The whole tree sampled gave 1.1e-5 with an interval 5e-6 .. 2.5e-5.
    assert high - low < 1e-3 * report["top_event_probability"]
    text = fault_tree_text(str(NUS9601), result)  # and `fta` without it
    assert "sampled inside 1 module whose BDD does not fit (1,551 of 1,567" in text
    assert f"P(top) = {report['top_event_probability']:.6g} (monte-carlo)" in text


def test_too_many_sampled_modules_with_not_gates_sample_the_whole_tree():
    """Seven sampled modules under a NOT-bearing top would need 128 corners:
    the whole tree is sampled instead, and says so by sampling nothing apart."""
    rng = random.Random(7)
    c = ir.Circuit()
    probs = {"o1": 0.2}
    o1 = c.event("o1")
    branches = []
    for k in range(7):
        terms = [rng.sample([f"m{k}_{i}" for i in range(14)], 3) for _ in range(30)]
        probs.update({name: rng.uniform(0.02, 0.3) for name in sum(terms, [])})
        branches.append(c.or_([c.and_([c.event(name) for name in term]) for term in terms]))
    c.top = c.or_([c.and_([c.not_(o1), branches[0]]), *branches[1:]])
    found, exact = top_probability(c, probs, budget=60, tolerance=1e-12)
    assert (found.method, found.sampled, exact) == ("monte-carlo", (), None)
    truth = modules.solve(c, probs, budget=10**6).p_top
    assert found.confidence_interval[0] <= truth <= found.confidence_interval[1]


def test_the_text_says_where_the_sampling_was_and_what_stayed_exact():
    def text(events: int, *parts: SampledModuleFigures) -> str:
        result = FaultTreeResult("top", 0.01, "monte-carlo", events, (0.009, 0.011),
                                 sampled_modules=parts, cut_sets_missing="sampled")
        return fault_tree_text("t.xml", result)
    module = SampledModuleFigures
    assert "sampled at the top, whose BDD does not fit (200 of 200 basic events, " \
           "1,048,576 samples)\n" in text(200, module("#top", 200, 2**20))
    assert "sampled inside 2 modules whose BDD does not fit (210 of 300 basic events, " \
           "1,048,576, 524,288 samples); exact around it" in text(
               300, module("#module7", 120, 2**20), module("#module9", 90, 2**19))
