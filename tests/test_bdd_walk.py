"""A diagram read in place by compiled code (analysis/bdd_walk.py) is the
same function, with the same levels, as the one read through CUDD's dump
or dd's wrappers, and the analysis falls back to those where the compiled
read is not available."""
from __future__ import annotations

from itertools import product
from unittest import mock

from hypothesis import assume, given, settings

from designer.analysis import bdd, bdd_flat, bdd_prob, bdd_walk, ir
from designer.analysis.bdd_prob import Flat, edge_value, gradient, probability
from designer.analysis.jit import Compiled
from designer.analysis.mcs import minimal_cut_sets
from tests.circuit_strategies import gate_dags

NAMES = [f"e{i}" for i in range(7)]


def _diagram(circuit, sift: bool = False):
    leaves = [circuit.nodes[i].name for i in bdd.leaf_order(circuit, circuit.top)]
    manager = bdd.Manager(leaves, sift=sift)
    root = bdd.build(circuit, manager, circuit.top, {circuit.event_node[n]: n for n in leaves})
    return root, manager


def _read(circuit, *ways, sift: bool = False):
    """The diagram of `circuit` read each way (a function of root and manager),
    its CUDD node count, and the manager. No diagram outlives this call: a
    failed assertion's traceback holding one would make dd complain when
    the manager goes first."""
    root, manager = _diagram(circuit, sift)
    if int(root) & ~1 == int(manager.cudd.true):
        return None, 0, manager                              # a constant
    return [way(root, manager) for way in ways], root.dag_size, manager


def _in_place(root, manager) -> Flat:
    return bdd_walk.flat_of(root, manager, bdd_walk.walker())


def _value(flat: Flat, leaves: list[str], failed: dict[str, bool]) -> bool:
    edge = flat.root
    negated = 0
    while edge >> 1:
        node = edge >> 1
        negated ^= edge & 1
        edge = flat.high[node] if failed[leaves[flat.var[node]]] else flat.low[node]
    return not (negated ^ (edge & 1))


def _check(flat: Flat, circuit, manager) -> None:
    names = list(circuit.event_node)
    for states in product((False, True), repeat=len(names)):
        failed = dict(zip(names, states))
        assert _value(flat, manager.leaves, failed) == circuit.evaluate(up=failed)
    for node in range(1, len(flat.var)):            # children before their parents
        assert flat.high[node] >> 1 < node and flat.low[node] >> 1 < node
        name = manager.var_name[manager.leaves[flat.var[node]]]
        assert flat.rank[node] == manager.cudd.level_of_var(name)


def test_the_test_environment_reads_diagrams_in_place():
    assert bdd_walk.walker() is not None, "numba is installed by the Makefile"


def _figures(flat: Flat, p: list[float]):
    P, Q = probability(flat, p)
    return edge_value(flat.root, P, Q)[0], gradient(flat, p, P, Q)


@settings(max_examples=150, deadline=None)
@given(circuit=gate_dags(NAMES, negations=True))
def test_a_diagram__in_place_is_the_same_function(circuit):
    flats, size, manager = _read(circuit, _in_place, bdd_flat._flatten_dump,
                                 bdd_flat._flatten_walk)
    assume(flats)
    read, through_dump, walked = flats
    # Kept as numpy columns (flat.py) and read by the compiled passes, it
    # gives what the wrappers' walk, kept as lists, gives to Python loops.
    assert read.leaves_used() == walked.leaves_used()
    assert sorted(map(len, read.levels())) == sorted(map(len, walked.levels()))
    p = [0.05 + 0.1 * i for i in range(len(manager.leaves))]
    with mock.patch.object(bdd_prob, "VECTOR_FROM", 0):
        compiled = _figures(read, p)
    plain = _figures(walked, p)
    assert abs(plain[0] - compiled[0]) < 1e-12
    assert max(abs(a - b) for a, b in zip(plain[1], compiled[1])) < 1e-12
    cuts = [minimal_cut_sets(flat, manager.leaves) for flat in (read, walked)]
    assert cuts[0].count_by_order() == cuts[1].count_by_order()
    _check(read, circuit, manager)
    assert len(read.var) == size                                 # every node once
    assert sorted(read.rank) == sorted(through_dump.rank)       # the same nodes


def _read_after_sifting(root, manager):
    read = bdd_walk.walker()
    bdd_walk.flat_of(root, manager, read)        # the levels before the sifting, kept
    manager.next_sift = 0
    manager.check_budget(now=True)               # sifts: the levels move
    return bdd_walk.flat_of(root, manager, read)


@settings(max_examples=40, deadline=None)
@given(circuit=gate_dags(NAMES))
def test_levels__in_place_follow_a_sifting(circuit):
    flats, _, manager = _read(circuit, _read_after_sifting, sift=True)
    assume(flats)
    _check(flats[0], circuit, manager)


def _dumped(root, manager):
    with mock.patch.object(bdd_flat, "walker", lambda **_: None), \
            mock.patch.object(bdd_flat, "WALK_UP_TO", 0):
        return bdd_flat.flatten(root, manager)


def test_without_the_compiled_read_the_dump_gives_the_same_figures():
    circuit = ir.Circuit()
    e = [circuit.event(name) for name in NAMES[:4]]
    circuit.top = circuit.or_([circuit.and_([e[0], circuit.not_(e[1])]),
                               circuit.atleast(2, e[1:])])
    (read, dumped), _, manager = _read(circuit, _in_place, _dumped)
    _check(dumped, circuit, manager)
    p = [0.01 * (i + 1) for i in range(len(manager.leaves))]
    values = [edge_value(flat.root, *probability(flat, p))[0] for flat in (read, dumped)]
    assert abs(values[0] - values[1]) < 1e-15


def test_a_layout_that_does_not_hold_is_never_read():
    """A dd build whose nodes CUDD lays out otherwise: no compiled read."""
    with mock.patch.object(bdd_walk, "_layout_holds", lambda: False):
        assert Compiled(bdd_walk._build).get() is None


def test_another_dd_release_is_not_read_in_place():
    """Its `int(f)` might not be an address: not even the layout is read."""
    with mock.patch("dd.__version__", "0.7.0"), \
            mock.patch.object(bdd_walk, "_layout_holds", return_value=True) as check:
        assert Compiled(bdd_walk._build).get() is None
    assert not check.called


def test_the_layout_check_reads_cudds_own_accessors():
    assert bdd_walk._layout_holds()
