"""The engine agrees with the brute-force oracle (tests/oracle.py) on random
designs: same SPOFs, same order-2 cut sets, same verdict for any failure set."""
from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from designer.analysis.engine import analyze, drill
from designer.analysis.structure import compile_design

from .engine_strategies import designs
from .oracle import Oracle

RANDOM = settings(max_examples=400, deadline=None,
                  suppress_health_check=[HealthCheck.too_slow])


@RANDOM
@given(designs)
def test_spofs_and_order2_cut_sets_match_the_oracle(design):
    oracle = Oracle(design)
    result = analyze(design)
    assert result.system_up == oracle.system_up(())
    assert {s.id for s in result.spofs} == oracle.spofs()
    assert {frozenset(p) for p in result.cut_sets_order2} == oracle.cuts2()
    assert len(result.cut_sets_order2) == len(set(map(frozenset, result.cut_sets_order2)))
    assert list(result.entry_points) == list(oracle.entries)


@settings(max_examples=150, deadline=None)
@given(designs, st.randoms(use_true_random=False))
def test_circuit_and_drill_agree_with_the_oracle_on_any_failure_set(design, rng):
    oracle = Oracle(design)
    compiled = compile_design(design)
    for _ in range(5):
        failed = frozenset(rng.sample(oracle.failable, rng.randint(0, min(4, len(oracle.failable)))))
        expected = oracle.system_up(failed)
        assert compiled.circuit.evaluate(down=failed) == expected
        assert drill(design, failed).system_up == expected


def test_generated_benchmark_design_matches_the_oracle():
    # Realistic shape: A/B feeds, dual PSUs, NIC pairs into top-of-rack pairs
    # wired to a linked core pair (the engine folds those switches away).
    from benchmarks.generate import generate
    design = generate(100, seed=3)
    result, oracle = analyze(design), Oracle(design)
    assert {s.id for s in result.spofs} == oracle.spofs()
    assert {frozenset(p) for p in result.cut_sets_order2} == oracle.cuts2()
