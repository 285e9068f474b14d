"""Factoring common arguments (factoring.py, used by `weaklink fta` on trees
with NOT gates): the
rewritten circuit has the same truth table as the original, its exact
probability, gradient and minimal cut sets equal brute force, and on the
pattern it is for (an atleast of ORs sharing a part) it exposes a module."""
from __future__ import annotations

from itertools import product

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from designer.analysis import ir, modules
from designer.analysis.fta_cuts import fault_tree_cut_sets, top_probability
from designer.analysis.mcs import cut_sets_of
from designer.analysis.preprocess import simplify

from .test_bdd import enumerate_probability
from .circuit_strategies import brute_force_cut_sets

EVENTS = [f"e{i}" for i in range(8)]


@st.composite
def shared_part_circuits(draw) -> ir.Circuit:
    """Gates whose sub-gates share arguments (the pattern factoring rewrites),
    nested, over a few shared events; sometimes negated arguments."""
    c = ir.Circuit()
    pool = [c.event(name) for name in EVENTS[:draw(st.integers(3, len(EVENTS)))]]
    for _ in range(draw(st.integers(1, 4))):
        common = draw(st.lists(st.sampled_from(pool), min_size=1, max_size=2))
        inner = draw(st.sampled_from([c.and_, c.or_]))
        subs = []
        for _ in range(draw(st.integers(2, 4))):
            own = draw(st.lists(st.sampled_from(pool), min_size=0, max_size=2))
            if own and draw(st.booleans()):
                own[0] = c.not_(own[0])
            # Sometimes a sub-gate without the common part (only some share it).
            shares = not own or draw(st.integers(0, 3)) > 0
            subs.append(inner(common + own) if shares else inner(own))
        outer = draw(st.sampled_from(["and", "or", "atleast"]))
        extra = draw(st.lists(st.sampled_from(pool), max_size=1))
        if outer == "atleast":
            pool.append(c.atleast(draw(st.integers(1, len(subs))), subs))
        else:
            pool.append({"and": c.and_, "or": c.or_}[outer](subs + extra))
    c.top = pool[-1] if len(pool) < 5 else c.or_([pool[-1], pool[-2]])
    return c


probabilities = st.lists(st.floats(0.01, 0.99), min_size=len(EVENTS), max_size=len(EVENTS))


@settings(max_examples=200, deadline=None)
@given(shared_part_circuits())
def test_factored_circuit_has_the_same_truth_table(c):
    factored = simplify(c, factor=True)
    names = list(c.event_node)
    for bits in product([False, True], repeat=len(names)):
        state = dict(zip(names, bits))
        assert factored.evaluate(up={n: state[n] for n in factored.event_node}) \
            == c.evaluate(up=state)


@settings(max_examples=100, deadline=None)
@given(shared_part_circuits(), probabilities)
def test_probability_and_gradient_of_the_factored_circuit_equal_enumeration(c, ps):
    probs = dict(zip(EVENTS, ps))
    exact = modules.solve(c, probs, factor=True)
    found, _ = top_probability(c, probs, budget=10**6, tolerance=1e-12)   # fta's path
    assert found.method == "exact"
    assert found.value == pytest.approx(exact.p_top, abs=1e-12)
    assert exact.p_top == pytest.approx(enumerate_probability(c, probs), abs=1e-12)
    for name in c.event_node:
        up = enumerate_probability(c, probs, {name: True})
        down = enumerate_probability(c, probs, {name: False})
        assert exact.gradient.get(name, 0.0) == pytest.approx(up - down, abs=1e-12)


@settings(max_examples=80, deadline=None)
@given(shared_part_circuits(), probabilities)
def test_cut_sets_from_the_factored_modules_equal_brute_force(c, ps):
    """Coherent or not (then: minimal failure sets, all else working), as
    `fta` finds them from the module BDDs of the factored circuit."""
    probs = dict(zip(EVENTS, ps))
    if c.evaluate(up={n: False for n in c.event_node}):
        return                                   # fails with nothing failed: no cut sets
    exact = modules.solve(c, probs, factor=True)
    got = fault_tree_cut_sets(c, probs, exact, exact.p_top)
    expected = brute_force_cut_sets(c)
    by_order: dict[int, int] = {}
    for cut in expected:
        by_order[len(cut)] = by_order.get(len(cut), 0) + 1
    assert got.truncated is None
    assert got.cuts.count_by_order() == dict(sorted(by_order.items()))
    for order in by_order:
        assert {frozenset(s) for s in got.cuts.of_order(order)} == \
            {s for s in expected if len(s) == order}


def test_an_atleast_of_ors_sharing_a_part_splits_into_a_module():
    """nus9601's pattern: 2 of 3 over (shared | own_i). Factored, the own
    events form a module of their own: three BDDs' worth of work become one
    small module and one stand-in."""
    c = ir.Circuit()
    a, b, x, y, z = (c.event(n) for n in "abxyz")
    shared = c.and_([a, b])
    c.top = c.atleast(2, [c.or_([shared, x]), c.or_([shared, y]), c.or_([shared, z])])
    own = {"x", "y", "z"}
    assert own not in _module_arguments(simplify(c))
    assert own in _module_arguments(simplify(c, factor=True))
    probs = {n: 0.1 * (i + 1) for i, n in enumerate("abxyz")}
    assert modules.solve(c, probs, factor=True).p_top == pytest.approx(
        enumerate_probability(c, probs), abs=1e-12)
    assert cut_sets_of(c).count_by_order() == {2: 4}


def _module_arguments(c: ir.Circuit) -> list[set[str]]:
    """The event arguments of each module below the top."""
    return [{c.nodes[k].name for k in c.nodes[m].children if c.nodes[k].op == ir.EVENT}
            for m in modules.find_modules(c, c.top) - {c.top}]


def test_an_argument_shared_by_some_sub_gates_is_factored_out_of_them():
    """das9701's top: or(a & q, q & b, b & x) shares nothing all through,
    but q twice. Factored, q is an argument of one gate only:
    or(q & or(a, b), b & x), the same function."""
    c = ir.Circuit()
    a, q, b, x = (c.or_([c.event(f"{n}1"), c.event(f"{n}2")]) for n in "aqbx")
    c.top = c.or_([c.and_([a, q]), c.and_([q, b]), c.and_([b, x])])
    assert _holders_of(simplify(c), {"q1", "q2"}) == 2
    assert _holders_of(simplify(c, factor=True), {"q1", "q2"}) == 1
    probs = {name: 0.05 * (i + 1) for i, name in enumerate(c.event_node)}
    assert modules.solve(c, probs, factor=True).p_top == pytest.approx(
        enumerate_probability(c, probs), abs=1e-12)


def _holders_of(c: ir.Circuit, events: set[str]) -> int:
    """How many gates of `c` hold the gate over exactly `events` as an argument."""
    needed = c.needed()
    gate = [i for i in needed if {c.nodes[k].name for k in c.nodes[i].children} == events]
    return sum(1 for i in needed if gate[0] in c.nodes[i].children)
