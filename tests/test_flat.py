"""A diagram kept as numpy columns (read in place, analysis/bdd_walk.py)
gives the same P(top), importance and cut sets as the same diagram kept as
lists (walked through dd's wrappers), whichever passes read it: the
columns are converted on first use (analysis/flat.py)."""
from __future__ import annotations

from unittest import mock

import numpy as np
from hypothesis import assume, given, settings

from designer.analysis import bdd_flat, bdd_prob, bdd_walk
from designer.analysis.bdd_prob import edge_value, gradient, probability
from designer.analysis.flat import Flat
from designer.analysis.mcs import minimal_cut_sets
from tests.circuit_strategies import gate_dags
from tests.test_bdd_walk import NAMES, _read


def _in_place(root, manager) -> Flat:
    return bdd_walk.flat_of(root, manager, bdd_walk.walker())


def _figures(flat: Flat, p: list[float]):
    P, Q = probability(flat, p)
    return edge_value(flat.root, P, Q)[0], gradient(flat, p, P, Q)


@settings(max_examples=100, deadline=None)
@given(circuit=gate_dags(NAMES, negations=True))
def test_columns_as_arrays_give_what_lists_give(circuit):
    flats, _, manager = _read(circuit, _in_place, bdd_flat._flatten_walk)
    assume(flats)
    arrays, lists = flats
    assert isinstance(arrays.array("var"), np.ndarray) and arrays.leaves_used() == \
        lists.leaves_used()
    assert sorted(map(len, arrays.levels())) == sorted(map(len, lists.levels()))
    p = [0.05 + 0.1 * i for i in range(len(manager.leaves))]
    plain = _figures(lists, p)                    # Python loops over lists
    with mock.patch.object(bdd_prob, "VECTOR_FROM", 0):
        compiled = _figures(arrays, p)            # compiled passes over arrays
    assert abs(plain[0] - compiled[0]) < 1e-12
    assert np.allclose(plain[1], compiled[1], rtol=0, atol=1e-12)
    cuts = [minimal_cut_sets(flat, manager.leaves) for flat in (arrays, lists)]
    assert cuts[0].count_by_order() == cuts[1].count_by_order()


def test_a_column_read_both_ways_is_one_column():
    flat = Flat(np.array([-1, 0, 1]), [0, 0, 2], np.array([0, 1, 1]), 4, [2, 1, 0])
    assert flat.var == [-1, 0, 1] and flat.array("high").tolist() == [0, 0, 2]
    assert (flat.size, flat.has_rank, flat.leaves_used()) == (3, True, [0, 1])
    flat.rank = []                                 # a column set anew replaces both forms
    assert not flat.has_rank and flat.array("rank").tolist() == []
