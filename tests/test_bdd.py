"""The BDD engine against brute force: probability, Birnbaum gradient and
minimal cut sets of random circuits equal full enumeration of their states."""
from __future__ import annotations

import contextlib
import math
from itertools import product

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from designer.analysis import availability, bdd, ir, modules
from designer.analysis.mcs import cut_sets_of
from tests.circuit_strategies import brute_force_cut_sets, gate_dags

EVENTS = [f"e{i}" for i in range(7)]


@st.composite
def circuits(draw) -> ir.Circuit:
    """Random gate DAGs over a few shared events, every gate kind included."""
    c = ir.Circuit()
    pool = [c.event(name) for name in EVENTS[:draw(st.integers(2, len(EVENTS)))]]
    for _ in range(draw(st.integers(1, 9))):
        op = draw(st.sampled_from(["and", "or", "atleast", "not", "xor"]))
        kids = draw(st.lists(st.sampled_from(pool), min_size=1, max_size=4))
        if op == "and":
            pool.append(c.and_(kids))
        elif op == "or":
            pool.append(c.or_(kids))
        elif op == "atleast":
            pool.append(c.atleast(draw(st.integers(1, len(kids))), kids))
        elif op == "not":
            pool.append(c.not_(kids[0]))
        else:
            pool.append(c.xor(kids))
    c.top = pool[-1]
    return c


def enumerate_probability(c: ir.Circuit, probs: dict[str, float], fixed=None) -> float:
    names = [n for n in c.event_node if n not in (fixed or {})]
    total = 0.0
    for bits in product([False, True], repeat=len(names)):
        state = dict(zip(names, bits), **(fixed or {}))
        if c.evaluate(up=state):
            weight = 1.0
            for name, bit in zip(names, bits):
                weight *= probs[name] if bit else 1.0 - probs[name]
            total += weight
    return total


probabilities = st.lists(st.floats(0.01, 0.99), min_size=len(EVENTS), max_size=len(EVENTS))


@settings(max_examples=150, deadline=None)
@given(circuits(), probabilities)
def test_probability_and_birnbaum_equal_full_enumeration(c, ps):
    probs = dict(zip(EVENTS, ps))
    exact = modules.solve(c, probs)
    assert exact.p_top == pytest.approx(enumerate_probability(c, probs), abs=1e-12)
    assert exact.p_top + exact.q_top == pytest.approx(1.0, abs=1e-12)
    for name in c.event_node:
        up = enumerate_probability(c, probs, {name: True})
        down = enumerate_probability(c, probs, {name: False})
        assert exact.gradient.get(name, 0.0) == pytest.approx(up - down, abs=1e-12)


@settings(max_examples=80, deadline=None)
@given(circuits(), probabilities, st.lists(st.integers(0, 3), min_size=len(EVENTS),
                                           max_size=len(EVENTS)))
def test_an_order_hint_changes_the_diagram_not_the_answer(c, ps, ranks):
    probs = dict(zip(EVENTS, ps))
    plain = modules.solve(c, probs)
    hinted = modules.solve(c, probs, rank=dict(zip(EVENTS, ranks)))
    assert hinted.p_top == pytest.approx(plain.p_top, abs=1e-12)
    assert hinted.q_top == pytest.approx(plain.q_top, abs=1e-12)
    for name in c.event_node:
        assert hinted.gradient.get(name, 0.0) == pytest.approx(plain.gradient.get(name, 0.0),
                                                               abs=1e-12)


@st.composite
def reach_circuits(draw) -> ir.Circuit:
    c = ir.Circuit()
    n = draw(st.integers(2, 6))
    usable = tuple(c.event(f"v{i}") for i in range(n))
    pairs = [(a, b) for a in range(n) for b in range(a + 1, n)]
    edges = tuple(draw(st.lists(st.sampled_from(pairs), min_size=1, max_size=8, unique=True)))
    transit = tuple(draw(st.lists(st.booleans(), min_size=n, max_size=n)))
    c.top = c.reach(ir.Reach(usable, transit, edges, (0,), (n - 1,)))
    return c


@settings(max_examples=80, deadline=None)
@given(reach_circuits(), st.lists(st.floats(0.05, 0.95), min_size=6, max_size=6))
def test_network_reach_fixpoint_equals_enumeration(c, ps):
    probs = {f"v{i}": p for i, p in enumerate(ps)}
    assert modules.solve(c, probs).p_top == pytest.approx(enumerate_probability(c, probs), abs=1e-12)


def coherent_circuits():
    return gate_dags(EVENTS)


@settings(max_examples=150, deadline=None)
@given(coherent_circuits(), st.integers(1, 4))
def test_minimal_cut_sets_equal_brute_force_with_order_limit(c, limit):
    expected = brute_force_cut_sets(c)
    cuts = cut_sets_of(c)
    listed = {frozenset(s) for order in cuts.count_by_order() for s in cuts.of_order(order)}
    assert listed == expected
    limited = cut_sets_of(c, limit=limit).count_by_order()
    assert limited == {k: n for k, n in cuts.count_by_order().items() if k <= limit}


def test_budget_stops_the_bdd_and_monte_carlo_takes_over_with_its_interval():
    c = ir.Circuit()
    c.top = c.atleast(12, [c.event(f"x{i}") for i in range(24)])   # 12 x 24 BDD nodes
    probs = {f"x{i}": 0.45 for i in range(24)}
    with pytest.raises(bdd.BudgetExceeded):
        modules.solve(c, probs, budget=50)
    binomial = sum(math.comb(24, j) * 0.45 ** j * 0.55 ** (24 - j) for j in range(12, 25))
    assert modules.solve(c, probs).p_top == pytest.approx(binomial, abs=1e-12)
    found = availability.analyse(c, probs, budget=50)
    assert found.method == "monte-carlo"
    low, high = found.confidence_interval
    assert low <= binomial <= high
    assert high - low < 0.01


def test_a_build_past_the_budget_stops_right_after_another_build():
    """The node count is read at most every 20 ms during a build (reading it
    costs about a millisecond), but always at a build's end: a module built
    just after another in the same manager (modules.solve) still stops."""
    c = ir.Circuit()
    small = c.or_([c.event("a"), c.event("b")])
    big = c.atleast(12, [c.event(f"x{i}") for i in range(24)])    # 12 x 24 nodes
    c.top = c.and_([small, big])
    leaves = [c.nodes[i].name for i in bdd.leaf_order(c, c.top)]
    manager = bdd.Manager(leaves, budget=50)
    leaf_of = {i: c.nodes[i].name for i in range(len(c.nodes)) if c.nodes[i].op == ir.EVENT}
    bdd.build(c, manager, small, leaf_of)
    with pytest.raises(bdd.BudgetExceeded):
        bdd.build(c, manager, big, leaf_of)


# How diagrams are read and evaluated: compiled (numba, the default), or
# without numba (the bundle) through CUDD's dump and numpy level by level,
# or dd's wrappers and Python loops (small diagrams without numba).
WAYS = {"compiled": {"WALK_UP_TO": 0, "LOAD_WALK_FROM": 0, "VECTOR_FROM": 0,
                     "LOAD_COMPILED_FROM": 0},
        "dump and numpy": {"walker": None, "kernels": None, "WALK_UP_TO": 0, "VECTOR_FROM": 0},
        "walk and Python": {"walker": None, "kernels": None}}


@pytest.mark.parametrize("way", list(WAYS))
@settings(max_examples=60, deadline=None)
@given(c=circuits(), ps=probabilities)
def test_every_way_of_reading_a_diagram_agrees_with_enumeration(way, c, ps):
    """The compiled read and passes, and the two ways without numba, force
    each path on small circuits: exact figures by enumeration."""
    from unittest import mock

    from designer.analysis import bdd_flat, bdd_prob
    probs = dict(zip(EVENTS, ps))
    patches = {"walker": (bdd_flat, "walker"), "kernels": (bdd_prob, "kernels"),
               "WALK_UP_TO": (bdd_flat, "WALK_UP_TO"), "LOAD_WALK_FROM": (bdd_flat, "LOAD_WALK_FROM"),
               "VECTOR_FROM": (bdd_prob, "VECTOR_FROM"),
               "LOAD_COMPILED_FROM": (bdd_prob, "LOAD_COMPILED_FROM")}
    with contextlib.ExitStack() as stack:
        for name, value in WAYS[way].items():
            module, attribute = patches[name]
            replacement = (lambda **_: None) if value is None else value
            stack.enter_context(mock.patch.object(module, attribute, replacement))
        exact = modules.solve(c, probs)
    assert exact.p_top == pytest.approx(enumerate_probability(c, probs), abs=1e-12)
    for name in c.event_node:
        up = enumerate_probability(c, probs, {name: True})
        down = enumerate_probability(c, probs, {name: False})
        assert exact.gradient.get(name, 0.0) == pytest.approx(up - down, abs=1e-12)


def test_one_operation_past_cudds_memory_ceiling_ends_as_budget_exceeded(monkeypatch):
    """A random sum of products: its BDD grows past any budget inside a
    single OR of two big operands, where no node count is read. CUDD's
    memory ceiling stops that operation, and the caller sees the budget
    exceeded (then bounds or Monte Carlo answer) instead of waiting."""
    import random
    monkeypatch.setattr(bdd, "MIN_MEMORY", 24 * 2**20)
    monkeypatch.setattr(bdd, "BYTES_PER_NODE", 0)     # only the ceiling can stop it
    rng = random.Random(3)
    c = ir.Circuit()
    events = [c.event(f"e{i}") for i in range(150)]
    c.top = c.or_(c.and_(rng.sample(events, rng.randint(2, 4))) for _ in range(1500))
    manager = bdd.Manager([c.nodes[i].name for i in bdd.leaf_order(c, c.top)], budget=10**9)
    with pytest.raises(bdd.BudgetExceeded, match="memory ceiling"):
        bdd.build(c, manager, c.top, {i: c.nodes[i].name for i in events})
