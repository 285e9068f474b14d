"""Minimal cut sets module by module, and the order limit `fta` chooses by
the probability the dropped cut sets can still carry: the modular cut sets
equal the one-BDD cut sets and brute force, and the reported tail is an
upper bound on what the dropped sets really carry."""
from __future__ import annotations

import json
import math
from itertools import product
from unittest import mock

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from designer.analysis import fta_cuts, ir, modules
from designer.analysis.mcs import cut_sets_of
from designer.analysis.mcs_bound import dropped_above
from designer.analysis.mcs_modules import (ModularBdds, ModularCutSets, modular_cut_sets,
                                           weighted_counts)
from designer.analysis.mef import load_fault_tree
from designer.cli import cli
from tests.circuit_strategies import brute_force_cut_sets, gate_dags
from tests.openpsa_support import OPENPSA, needs_openpsa

EVENTS = [f"e{i}" for i in range(7)]


def coherent_trees():
    """Random AND/OR/atleast DAGs; shared events make some gates modules
    and others not."""
    return gate_dags(EVENTS, top_or=True)


def _product(cut, probs) -> float:
    total = 1.0
    for event in cut:
        total *= probs[event]
    return total


def _bdds(c: ir.Circuit, probs) -> ModularBdds | None:
    return ModularBdds.of_exact(modules.solve(c, probs))


@settings(max_examples=60, deadline=None)
@given(coherent_trees(), st.lists(st.floats(0.01, 0.9), min_size=7, max_size=7),
       st.integers(1, 4))
def test_modular_cut_sets_and_dropped_bound_against_brute_force(c, ps, limit):
    probs = dict(zip(EVENTS, ps))
    expected = brute_force_cut_sets(c)
    bdds = _bdds(c, probs)
    if bdds is None or c.nodes[c.top].op == ir.EVENT:
        return                                  # a lone event: no gate to decompose
    cuts = modular_cut_sets(bdds)
    orders = cuts.count_by_order()
    assert orders == {k: sum(1 for s in expected if len(s) == k)
                      for k in sorted({len(s) for s in expected})}
    assert {frozenset(s) for k in orders for s in cuts.of_order(k)} == expected
    assert modular_cut_sets(bdds, limit).count_by_order() == {
        k: n for k, n in orders.items() if k <= limit}
    tails = dropped_above(bdds, probs, 7)
    for order, tail in enumerate(tails):
        carried = sum(_product(s, probs) for s in expected if len(s) > order)
        assert carried <= tail * (1 + 1e-12) + 1e-300


QUICK = ["baobab2", "chinese", "das9201", "das9205", "das9208", "edf9205", "isp9605"]


def _aralia(name):
    return load_fault_tree(OPENPSA / "input" / "Aralia" / f"{name}.xml")


@needs_openpsa
@pytest.mark.parametrize("name", QUICK)
def test_modular_cut_sets_equal_the_one_bdd_cut_sets_on_aralia(name):
    tree = _aralia(name)
    cuts = modular_cut_sets(_bdds(tree.circuit, tree.probabilities))
    plain = cut_sets_of(tree.circuit)
    assert cuts.count_by_order() == plain.count_by_order()
    for order in (1, 2):
        assert ({frozenset(s) for s in cuts.of_order(order)}
                == {frozenset(s) for s in plain.of_order(order)})


@needs_openpsa
@pytest.mark.parametrize("name", ["das9201", "edf9205", "baobab2"])
def test_dropped_bound_holds_against_the_full_family(name):
    """Where the full family is cheap: the summed probability of the cut
    sets above each order (from the ZBDD with p as weights) is below the
    bound computed from the BDD alone."""
    tree = _aralia(name)
    bdds = _bdds(tree.circuit, tree.probabilities)
    cuts = modular_cut_sets(bdds)
    var_of = {leaf: v for v, leaf in enumerate(cuts.top.leaves)}
    weights = {var_of[e]: {1: p} for e, p in tree.probabilities.items() if e in var_of}
    for part, part_cuts in cuts.parts.items():
        weights[var_of[part]] = weighted_counts(part_cuts, weights, None)
    mass = weighted_counts(cuts.top, weights, None)
    tails = dropped_above(bdds, tree.probabilities, 12)
    for order, tail in enumerate(tails):
        carried = sum(p for k, p in mass.items() if k > order)
        assert carried <= tail * (1 + 1e-9)


@needs_openpsa
def test_fta_json_limits_the_order_when_the_full_family_is_too_big():
    """With the step budget forced down, `fta --json` keeps the cut sets up
    to an order, says which and what the rest can carry; the kept counts
    equal the full family's at those orders."""
    path = str(OPENPSA / "input" / "Aralia" / "das9201.xml")
    full = json.loads(CliRunner().invoke(cli, ["fta", path, "--json"]).output)
    assert "mcs_truncated" not in full
    with mock.patch.object(fta_cuts, "FULL_STEPS", 50):   # the worker is forked: it sees this
        limited = CliRunner().invoke(cli, ["fta", path, "--json"])
        text = CliRunner().invoke(cli, ["fta", path])
    report = json.loads(limited.output)
    cut = report["mcs_truncated"]
    order = cut["order_limit"]
    assert 1 <= order < max(int(k) for k in full["minimal_cut_sets"]["by_order"])
    assert report["minimal_cut_sets"]["by_order"] == {
        k: n for k, n in full["minimal_cut_sets"]["by_order"].items() if int(k) <= order}
    assert 0 < cut["max_dropped_probability"] <= fta_cuts.DROPPED_FRACTION * report[
        "top_event_probability"]
    assert f"up to order {order}" in text.output


@needs_openpsa
def test_fta_reports_the_published_baobab1_cut_sets_in_full():
    files = [OPENPSA / "input/Baobab/baobab1.xml", OPENPSA / "input/Baobab/baobab1-basic-events.xml"]
    report = json.loads(CliRunner().invoke(cli, ["fta", *map(str, files), "--json"]).output)
    assert report["minimal_cut_sets"]["count"] == 46188
    assert report["minimal_cut_sets"]["by_order"]["11"] == 3072
    assert "mcs_truncated" not in report


def non_coherent_trees():
    """Random trees with negated events and negated gates among AND/OR/atleast."""
    return gate_dags(EVENTS, top_or=True, negations=True)


@settings(max_examples=150, deadline=None)
@given(non_coherent_trees(), st.lists(st.floats(0.01, 0.9), min_size=7, max_size=7),
       st.integers(1, 4))
def test_non_coherent_trees_get_the_brute_force_cut_sets_by_module(c, ps, limit):
    """Whatever path `fta` takes for a tree with NOT gates (modules when every
    module is false with nothing failed, one BDD otherwise), the cut sets
    are the brute-force ones: minimal failure sets, all else working; and
    the dropped tail bounds what the sets past the limit carry."""
    probs = dict(zip(EVENTS, ps))
    if c.evaluate(up={n: False for n in c.event_node}) or c.nodes[c.top].op == ir.CONST:
        return                                  # fails with nothing failed: no cut sets
    exact = modules.solve(c, {n: probs[n] for n in c.event_node})
    expected = brute_force_cut_sets(c)
    found = fta_cuts.fault_tree_cut_sets(c, probs, exact, exact.p_top, limit)
    orders = found.cuts.count_by_order()
    assert orders == {k: n for k in range(1, limit + 1)
                      if (n := sum(1 for s in expected if len(s) == k))}
    for order in orders:
        assert {frozenset(s) for s in found.cuts.of_order(order)} == \
            {s for s in expected if len(s) == order}
    if isinstance(found.cuts, ModularCutSets):   # the one-BDD path reports no tail
        dropped = [s for s in expected if len(s) > limit]
        carried = 0.0 if found.truncated is None else found.truncated[1]
        assert _union_probability(dropped, probs) <= carried + 1e-12


def _union_probability(sets, probs) -> float:
    """P(every event of some set fails), by enumerating the states."""
    names = sorted(probs)
    total = 0.0
    for bits in product([True, False], repeat=len(names)):
        failed = {n for n, bit in zip(names, bits) if bit}
        if any(s <= failed for s in sets):
            total += math.prod(probs[n] if n in failed else 1 - probs[n] for n in names)
    return total


def test_some_random_non_coherent_trees_take_the_modular_path():
    """The property above is not only the one-BDD path: with these seeds,
    trees whose modules are all false at base do come up."""
    from hypothesis import find
    from designer.analysis.mcs_modules import false_at_base
    probs = {n: 0.1 for n in EVENTS}

    def modular(c):
        if c.evaluate(up={n: False for n in c.event_node}) or c.nodes[c.top].op != ir.OR:
            return False
        bdds = ModularBdds.of_exact(modules.solve(c, {n: probs[n] for n in c.event_node}))
        return bdds is not None and len(bdds.flats) > 1 and false_at_base(bdds) \
            and not fta_cuts.is_coherent(c)
    assert find(non_coherent_trees(), modular, settings=settings(max_examples=2000,
                                                                  database=None))
