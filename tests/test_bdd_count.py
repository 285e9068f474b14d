"""The node budget holds after every gate (analysis/bdd_count.py, bdd.py):
CUDD's own live count, read in a microsecond, equals dd's statistics; a
diagram that passes the budget between two gates stops there, however
fast the machine, so whether a tree is exact does not depend on when the
count was read."""
from __future__ import annotations

from unittest import mock

import pytest
from hypothesis import given, settings

from designer.analysis import bdd, bdd_count, ir
from tests.circuit_strategies import gate_dags

NAMES = [f"e{i}" for i in range(7)]


def _dd_count(manager: bdd.Manager) -> int:
    return bdd_count.statistics_count(manager.cudd)


@settings(max_examples=60, deadline=None)
@given(circuit=gate_dags(NAMES, negations=True))
def test_cudds_own_count_is_dds_count(circuit):
    leaves = [circuit.nodes[i].name for i in bdd.leaf_order(circuit, circuit.top)]
    manager = bdd.Manager(leaves)
    assert manager.count_live is not None, "dd 0.6 on a 64-bit build: read in place"
    root = bdd.build(circuit, manager, circuit.top, {circuit.event_node[n]: n for n in leaves})
    assert manager.live_nodes() == _dd_count(manager)
    del root
    assert manager.live_nodes() == _dd_count(manager)


def _peak_then_small() -> tuple[ir.Circuit, dict[int, str]]:
    """12 of 24 (about 150 nodes) between two gates, then ANDed with a
    contradiction: the final diagram is FALSE."""
    c = ir.Circuit()
    xs = [c.event(f"x{i}") for i in range(24)]
    a = c.event("a")
    big = c.atleast(12, xs)
    c.top = c.and_([big, c.and_([a, c.not_(a)])])
    return c, {i: c.nodes[i].name for i in range(len(c.nodes)) if c.nodes[i].op == ir.EVENT}


@pytest.mark.parametrize("counter", ["cudd", "statistics"])
def test_a_peak_between_two_gates_passes_the_budget_on_any_machine(counter):
    c, leaf_of = _peak_then_small()
    leaves = [c.nodes[i].name for i in bdd.leaf_order(c, c.top)]
    with mock.patch.object(bdd, "COUNT_EVERY", 0.0 if counter == "statistics" else 1e9), \
            mock.patch.object(bdd, "live_counter",
                              bdd.live_counter if counter == "cudd" else lambda _: None):
        small = bdd.Manager(leaves, budget=100)
        with pytest.raises(bdd.BudgetExceeded):
            bdd.build(c, small, c.top, leaf_of)
        roomy = bdd.Manager(leaves, budget=1000)
        assert bdd.build(c, roomy, c.top, leaf_of) == roomy.cudd.false


def test_another_dd_release_is_not_read_in_place():
    """Its object layout is unknown: the pointer is never read, and the
    budget falls back on dd's statistics."""
    bdd_count._readers.cache_clear()
    try:
        with mock.patch("dd.__version__", "0.7.0"):
            manager = bdd.Manager(["a", "b"])
            assert manager.count_live is None
            assert manager.live_nodes() == _dd_count(manager)
    finally:
        bdd_count._readers.cache_clear()


def test_dds_pure_python_bdd_is_never_read_in_place():
    """Where dd's compiled CUDD is missing, bdd.py runs on dd's own BDD,
    which has no DdManager to read."""
    from dd import autoref
    assert bdd_count.live_counter(autoref.BDD()) is None
