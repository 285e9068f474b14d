"""The compiled column passes (analysis/part_kernels.py) give the numpy
passes' figures, column by column whatever the company, and the
application gives the same availability without them."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from unittest import mock

import numpy as np
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from designer.analysis import bdd, part_eval
from designer.analysis.part_eval import ColumnPasses
from designer.analysis.part_kernels import kernels
from tests.circuit_strategies import gate_dags

NAMES = [f"e{i}" for i in range(7)]
ROOT = Path(__file__).resolve().parent.parent


def _passes(circuit) -> ColumnPasses:
    leaves = [circuit.nodes[i].name for i in bdd.leaf_order(circuit, circuit.top)]
    manager = bdd.Manager(leaves)
    root = bdd.build(circuit, manager, circuit.top, {circuit.event_node[n]: n for n in leaves})
    return ColumnPasses(bdd.flatten(root, manager), manager.leaves)


def _numpy_passes(passes, p, wanted):
    with mock.patch.object(part_eval, "kernels", lambda: None):
        values = passes.forward(p, 1.0 - p).copy()
        return values, passes.gradient(p, 1.0 - p, values, wanted)


def test_the_test_environment_runs_the_compiled_passes():
    assert kernels() is not None, "numba is installed by the Makefile"


@settings(max_examples=150, deadline=None)
@given(circuit=st.one_of(gate_dags(NAMES), gate_dags(NAMES, negations=True)), data=st.data())
def test_compiled_passes_give_the_numpy_figures(circuit, data):
    assume(circuit.nodes[circuit.top].op not in ("event", "const"))
    passes = _passes(circuit)
    assume(passes.names)          # not a constant (e0 and not e0)
    columns = data.draw(st.integers(1, 5))
    p = np.array(data.draw(st.lists(
        st.lists(st.sampled_from([0.0, 1.0, 1e-6, 0.01, 0.3, 0.5, 0.999]),
                 min_size=columns, max_size=columns),
        min_size=len(passes.names), max_size=len(passes.names))))
    wanted = np.array(data.draw(st.lists(st.integers(0, len(passes.names) - 1), max_size=4)),
                      dtype=np.int64)
    expected_values, expected_grad = _numpy_passes(passes, p, wanted)
    values = passes.forward(p, 1.0 - p).copy()
    grad = passes.gradient(p, 1.0 - p, values, wanted)
    assert np.array_equal(values, expected_values)      # the same arithmetic, in the same order
    for edge in (passes.root, passes.root ^ 1):         # P(bad) alone: one polarity if it can
        assert np.array_equal(passes.forward(p, 1.0 - p, edge)[edge], expected_values[edge])
    assert np.allclose(grad, expected_grad, rtol=1e-12, atol=1e-15)
    # A column alone gets what it gets in company.
    for c in range(columns):
        alone = passes.forward(p[:, c:c + 1], 1.0 - p[:, c:c + 1])
        assert np.array_equal(alone[:, 0], values[:, c])


def test_the_adjoint_pass_needs_no_cleared_scratch():
    """The compiled adjoint pass sets each node's adjoint from the first
    parent that reaches it instead of clearing its scratch array first:
    whatever the scratch held (NaN here), the gradient is the numpy pass's,
    for a diagram with complemented edges and shared children."""
    from designer.analysis import ir
    circuit = ir.Circuit()
    e = [circuit.event(name) for name in NAMES[:5]]
    both = circuit.and_([e[0], circuit.or_([e[1], e[2]])])
    circuit.top = circuit.xor([both, circuit.atleast(2, [e[1], e[3], e[4]])])
    passes = _passes(circuit)
    p = np.array([[0.1, 0.7], [0.3, 0.2], [0.5, 0.9], [0.2, 0.4], [0.6, 0.05]])[
        [NAMES.index(name) for name in passes.names]]
    wanted = np.arange(len(passes.names))
    expected_values, expected_grad = _numpy_passes(passes, p, wanted)
    part_eval._scratch("adjoint", (passes.size, 2)).fill(np.nan)
    grad = passes.gradient(p, 1.0 - p, expected_values, wanted)
    assert np.allclose(grad, expected_grad, rtol=1e-12, atol=1e-15)
    assert not np.isnan(grad).any()


def _availability(no_jit: bool) -> dict:
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    env.pop("WEAKLINK_NO_JIT", None)
    if no_jit:
        env["WEAKLINK_NO_JIT"] = "1"
    script = ("import json; from benchmarks.generate import generate; "
              "from designer.analysis.availability import design_availability; "
              "from designer.analysis.part_kernels import kernels; "
              "found = design_availability(generate(300), max_events=0); "
              "print(json.dumps([kernels() is None, found.method, found.value, found.bounds]))")
    done = subprocess.run([sys.executable, "-c", script], env=env, capture_output=True,
                          text=True, timeout=300, cwd=ROOT)
    assert done.returncode == 0, done.stderr
    numpy_only, method, value, bounds = json.loads(done.stdout)
    return {"numpy_only": numpy_only, "method": method, "value": value, "bounds": bounds}


def test_without_numba_the_figures_are_the_same():
    """WEAKLINK_NO_JIT (or no numba, as in the bundle) runs the numpy passes;
    the certified figures agree with the compiled ones far inside the gap."""
    compiled, numpy_only = _availability(False), _availability(True)
    assert not compiled["numpy_only"] and numpy_only["numpy_only"]
    assert compiled["method"] == numpy_only["method"] == "bounded"
    assert abs(compiled["value"] - numpy_only["value"]) < 1e-12
    for ours, theirs in zip(compiled["bounds"], numpy_only["bounds"]):
        assert abs(ours - theirs) < 1e-12


@settings(max_examples=60, deadline=None)
@given(data=st.data())
def test_compiled_changes_by_leaf_add_as_numpy_adds(data):
    """The bounds spread each group's summed changes over the leaves
    (conditioning._add_columns): compiled, every element gets the one
    addition numpy gives it, to the bit."""
    events, columns, leaves = (data.draw(st.integers(1, n)) for n in (8, 6, 12))
    rows = np.array(data.draw(st.lists(st.integers(0, events - 1), min_size=1,
                                       max_size=events, unique=True)), dtype=np.int64)
    floats = st.floats(-1e3, 1e3, allow_nan=False)
    summed = np.array(data.draw(st.lists(st.lists(floats, min_size=columns, max_size=columns),
                                         min_size=len(rows), max_size=len(rows))))
    column_of = np.array(data.draw(st.lists(st.integers(0, columns - 1), min_size=leaves,
                                            max_size=leaves)), dtype=np.int64)
    start = np.array(data.draw(st.lists(st.lists(floats, min_size=leaves, max_size=leaves),
                                        min_size=events, max_size=events)))
    expected, total = start.copy(), start.copy()
    expected[rows] += summed[:, column_of]
    kernels()[4](total, rows, summed, column_of)
    assert np.array_equal(total, expected)
