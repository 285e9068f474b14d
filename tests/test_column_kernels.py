"""The compiled Python around each batch of columns (analysis/
column_kernels.py) builds the numpy way's leaf probabilities to the bit,
and the certified figures do not move without it."""
from __future__ import annotations

import numpy as np
import pytest

from benchmarks.generate import generate
from designer.analysis import part_columns
from designer.analysis.availability import design_availability
from designer.analysis.column_kernels import kernels


def _batches(monkeypatch) -> list:
    """(parts, jobs) of every batch a bounded analysis evaluates."""
    seen = []
    evaluate = part_columns._evaluate

    def kept(parts, jobs):
        seen.append((parts, jobs))
        evaluate(parts, jobs)
    monkeypatch.setattr(part_columns, "_evaluate", kept)
    design_availability(generate(300), max_events=0)
    monkeypatch.undo()
    return seen


def test_the_compiled_settings_are_the_numpy_ones(monkeypatch):
    compiled = kernels()
    assert compiled is not None, "numba is installed by the Makefile"
    batches = _batches(monkeypatch)
    assert batches
    # A batch of one setting is evaluated as two columns (part_columns.py).
    parts, jobs = batches[0]
    batches.append((parts, [(jobs[0][0], jobs[0][1][:1])]))
    for parts, jobs in batches:
        p, up, built = part_columns._numpy_matrices(parts, jobs, None)
        cp, cup, cbuilt = part_columns._compiled_matrices(parts, jobs, compiled)
        assert np.array_equal(p, cp) and np.array_equal(up, cup)
        for (rows, free), (crows, cfree) in zip(built, cbuilt):
            assert np.array_equal(rows, crows) and np.array_equal(free, cfree)


@pytest.mark.parametrize("size", [300, 1000])
def test_the_figures_are_the_same_without_the_compiled_batches(monkeypatch, size):
    design = generate(size)
    compiled = design_availability(design, max_events=0)
    monkeypatch.setattr(part_columns, "column_kernels", lambda: None)
    numpy_only = design_availability(design, max_events=0)
    assert compiled.method == numpy_only.method == "bounded"
    assert compiled.value == pytest.approx(numpy_only.value, abs=1e-13)
    for ours, theirs in zip(compiled.bounds, numpy_only.bounds):
        assert ours == pytest.approx(theirs, abs=1e-13)
