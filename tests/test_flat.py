"""`Flat` keeps each column as it was made, a list or a numpy array, and
converts it once, on first use the other way (analysis/flat.py; the
figures both ways are checked on random diagrams in test_bdd_walk.py)."""
from __future__ import annotations

import numpy as np

from designer.analysis.flat import Flat


def test_a_column_read_both_ways_is_one_column():
    flat = Flat(np.array([-1, 0, 1]), [0, 0, 2], np.array([0, 1, 1]), 4, [2, 1, 0])
    assert flat.var == [-1, 0, 1] and flat.array("high").tolist() == [0, 0, 2]
    assert (flat.size, flat.has_rank, flat.leaves_used()) == (3, True, [0, 1])
    assert [level.tolist() for level in flat.levels()] == [[1], [2]]   # deepest first
    flat.rank = []                                 # a column set anew replaces both forms
    assert not flat.has_rank and flat.array("rank").tolist() == []
