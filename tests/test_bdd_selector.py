"""A fault tree's diagram may move a selector's events to the top while it
is built (bdd_selector.py): the figures stay those of the order it would
have kept, the move happens where asked only, and das9701's diagram comes
out less than half as big."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from designer.analysis import bdd_flat, bdd_selector, ir, modules
from designer.analysis.fta_cuts import top_probability
from designer.analysis.fta_result import (FTA_BUDGET, FTA_COHERENT_BUDGET, FTA_MEMORY,
                                          FTA_RELATIVE_TOLERANCE)
from designer.analysis.mef import load_fault_tree
from designer.analysis.mcs_modules import ModularBdds, modular_cut_sets
from tests.circuit_strategies import brute_force_cut_sets, gate_dags
from tests.openpsa_support import OPENPSA, needs_openpsa

NAMES = [f"e{i}" for i in range(9)]


def _moves(monkeypatch) -> list:
    """Every gate may move (the thresholds at their loosest); per move, the
    events by level afterwards, top first."""
    monkeypatch.setattr(bdd_selector, "MIN_NODES", 1)
    monkeypatch.setattr(bdd_selector, "RATIO", 1.0)
    monkeypatch.setattr(bdd_selector, "OWN", 0.0)
    # Every diagram read in place by the compiled walk, whose tables of
    # levels a move makes stale (the small ones are walked otherwise).
    monkeypatch.setattr(bdd_flat, "WALK_UP_TO", 0)
    monkeypatch.setattr(bdd_flat, "LOAD_WALK_FROM", 0)
    moved, seen, consider = [], [], bdd_selector.consider

    def recording(manager, node, values):
        consider(manager, node, values)
        if manager.selector_moved and not any(m is manager for m in seen):
            seen.append(manager)
            event_of = {var: leaf for leaf, var in manager.var_name.items()}
            cudd = manager.cudd
            moved.append([event_of[v] for v in sorted(cudd.vars, key=cudd.level_of_var)])
    monkeypatch.setattr(bdd_selector, "consider", recording)
    return moved


@settings(max_examples=60, deadline=None)
@given(c=gate_dags(NAMES, top_or=True, negations=True),
       ps=st.lists(st.floats(0.01, 0.99), min_size=len(NAMES), max_size=len(NAMES)))
def test_moving_a_selector_changes_no_figure(c, ps):
    """On random trees (NOT gates too), every gate free to move: P(top) and
    every event's Birnbaum importance are those of the order kept."""
    probs = dict(zip(NAMES, ps))
    with pytest.MonkeyPatch.context() as patch:
        _moves(patch)
        moved = modules.solve(c, probs, selector_first=True)
    kept = modules.solve(c, probs)
    assert moved.p_top == pytest.approx(kept.p_top, rel=1e-12, abs=1e-15)
    for event, slope in kept.gradient.items():
        assert moved.gradient[event] == pytest.approx(slope, rel=1e-9, abs=1e-12), event


@settings(max_examples=60, deadline=None)
@given(c=gate_dags(NAMES[:7], top_or=True), limit=st.integers(1, 4))
def test_the_cut_sets_of_a_moved_diagram_are_the_trees(c, limit):
    """fta reads the minimal cut sets from the same diagrams: moved, they
    are the brute-force ones, with and without an order limit."""
    if c.nodes[c.top].op == ir.EVENT:
        return                                  # a lone event: no gate to decompose
    with pytest.MonkeyPatch.context() as patch:
        _moves(patch)
        exact = modules.solve(c, dict.fromkeys(NAMES[:7], 0.1), selector_first=True)
    cuts = modular_cut_sets(ModularBdds.of_exact(exact), limit)
    expected = {s for s in brute_force_cut_sets(c) if len(s) <= limit}
    assert {frozenset(s) for k in cuts.count_by_order() for s in cuts.of_order(k)} == expected


def _selector_tree() -> tuple[ir.Circuit, dict[str, float]]:
    """AND(A, B): A needs 4 of its 12 own events and 6 it shares with B;
    B needs 3 of those 6 and 6 of its own. In the depth-first order B's own
    events come after A's."""
    c = ir.Circuit()
    own_a = [c.event(f"a{i}") for i in range(12)]
    shared = [c.event(f"s{i}") for i in range(6)]
    own_b = [c.event(f"b{i}") for i in range(6)]
    c.top = c.and_([c.atleast(4, own_a + shared), c.atleast(3, shared + own_b)])
    return c, {c.nodes[i].name: 0.1 for i in own_a + shared + own_b}


def test_the_smaller_operands_events_go_to_the_top(monkeypatch):
    moved = _moves(monkeypatch)
    c, probs = _selector_tree()
    found = modules.solve(c, probs, selector_first=True)
    assert len(moved) == 1
    selector = {f"s{i}" for i in range(6)} | {f"b{i}" for i in range(6)}
    assert set(moved[0][:12]) == selector
    assert found.p_top == pytest.approx(modules.solve(c, probs).p_top, rel=1e-12)


def test_only_where_asked(monkeypatch):
    """A design's diagrams (modules.solve without `selector_first`) keep
    their placement orders."""
    moved = _moves(monkeypatch)
    c, probs = _selector_tree()
    modules.solve(c, probs)
    assert moved == []


@needs_openpsa
def test_das9701_is_built_selector_first():
    """das9701's top is ITE(B, A, E) AND D: with B's events moved up its
    diagram is under half the size in the depth-first order (2,546,714
    nodes), and P(top) the same."""
    tree = load_fault_tree(OPENPSA / "input" / "Aralia" / "das9701.xml")
    found, exact = top_probability(tree.circuit, tree.probabilities, FTA_BUDGET,
                                   FTA_RELATIVE_TOLERANCE, FTA_MEMORY, FTA_COHERENT_BUDGET)
    assert found.method == "exact" and exact.bdd_nodes < 1_250_000
    kept = modules.solve(tree.circuit, tree.probabilities, budget=FTA_BUDGET,
                         max_memory=FTA_MEMORY, factor=True)
    assert kept.bdd_nodes > 2_000_000
    assert found.value == pytest.approx(kept.p_top, rel=1e-12)


@st.composite
def multiplexed_trees(draw):
    """OR(AND(p, f), AND(not p, g)) over gates of a random tree."""
    c = draw(gate_dags(NAMES, negations=True))
    pool = list(range(len(c.nodes)))
    p, f, g = (draw(st.sampled_from(pool)) for _ in range(3))
    c.top = c.or_([c.and_([p, f]), c.and_([c.not_(p), g])])
    return c


@settings(max_examples=80, deadline=None)
@given(c=multiplexed_trees(),
       ps=st.lists(st.floats(0.01, 0.99), min_size=len(NAMES), max_size=len(NAMES)))
def test_a_multiplexer_built_as_one_ite_changes_no_figure(c, ps):
    """The OR of AND(x, a) and AND(not x, b) built as ITE(x, a, b): the
    same P(top) and importance as gate by gate."""
    probs = {name: p for name, p in zip(NAMES, ps) if name in c.event_node}
    as_ite = modules.solve(c, probs, selector_first=True)
    kept = modules.solve(c, probs)
    assert as_ite.p_top == pytest.approx(kept.p_top, rel=1e-12, abs=1e-15)
    for event, slope in kept.gradient.items():
        assert as_ite.gradient[event] == pytest.approx(slope, rel=1e-9, abs=1e-12), event


def test_a_multiplexer_is_one_ite(monkeypatch):
    c = ir.Circuit()
    x = c.event("x")
    a = c.atleast(2, [c.event(f"a{i}") for i in range(4)])
    b = c.atleast(3, [c.event(f"b{i}") for i in range(5)])
    c.top = c.and_([c.or_([c.and_([x, a]), c.and_([c.not_(x), b])]), c.event("d")])
    probs = dict.fromkeys(c.event_node, 0.2)
    found, multiplexed = [], bdd_selector.multiplexed

    def spy(*args):
        found.append(multiplexed(*args))
        return found[-1]
    monkeypatch.setattr(bdd_selector, "multiplexed", spy)
    as_ite = modules.solve(c, probs, selector_first=True)
    assert len(found) == 1 and found[0] is not None
    assert as_ite.p_top == modules.solve(c, probs).p_top       # the same diagram
