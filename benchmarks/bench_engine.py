"""Engine I: SPOFs and order-2 cut sets on generated designs (medians).

Columns: compile = design -> circuit; singles = the bit-parallel pass and the
SPOF list; order2 = candidates and their confirmation; analyze = the whole
`analyze()` (compile, SPOFs with explanations, order-2 cut sets). The
brute-force figure is estimated from timing the tests' oracle on sampled
scenarios, times the n + n(n-1)/2 scenarios it would have to try.
"""
from __future__ import annotations

import os
import random
import resource
import statistics
import time
import tracemalloc

from benchmarks.generate import generate
from designer.analysis.cuts import order2_cuts, single_failures, spofs
from designer.analysis.engine import analyze
from designer.analysis.structure import compile_design

SIZES = (100, 1000, 5000, 20000)
REPEATS = {100: 21, 1000: 11, 5000: 7, 20000: 3}
ORACLE_SIZES = (1000, 5000)
ORACLE_SAMPLES = 60


def _median(fn, repeats: int) -> tuple[float, object]:
    times, out = [], None
    for _ in range(repeats):
        start = time.perf_counter()
        out = fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times), out


def _phases(design, repeats: int) -> dict:
    compile_s, compiled = _median(lambda: compile_design(design), repeats)
    circuit = compiled.circuit
    singles_s, singles = _median(lambda: single_failures(circuit), repeats)
    spof_s, found = _median(lambda: spofs(circuit, singles), repeats)
    order2_s, pairs = _median(lambda: order2_cuts(circuit, singles), repeats)
    total_s, _ = _median(lambda: analyze(design), repeats)
    return dict(compile=compile_s, singles=singles_s + spof_s, order2=order2_s,
                analyze=total_s, nodes=len(circuit.nodes), spofs=len(found),
                pairs=len(pairs))


def _peak_mb(design) -> float:
    tracemalloc.start()
    analyze(design)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return peak / 2**20


def _oracle_estimate(design) -> float:
    from tests.oracle import Oracle     # the brute force lives with the tests
    oracle = Oracle(design)
    rng = random.Random(1)
    samples = [rng.sample(oracle.failable, 2) for _ in range(ORACLE_SAMPLES)]
    per_scenario, _ = _median(lambda: [oracle.system_up(s) for s in samples], 3)
    m = len(oracle.failable)
    return per_scenario / ORACLE_SAMPLES * (m + m * (m - 1) / 2)


def main() -> None:
    print(f"machine: {os.cpu_count()} cpus; times are medians in ms")
    print(f"{'components':>10} {'nodes':>7} {'compile':>8} {'singles':>8} {'order2':>8} "
          f"{'analyze':>8} {'spofs':>6} {'pairs':>7}")
    totals = {}
    for n in SIZES:
        design = generate(n)
        row = _phases(design, REPEATS[n])
        totals[n] = row["analyze"]
        print(f"{n:>10} {row['nodes']:>7} {row['compile'] * 1e3:>8.1f} "
              f"{row['singles'] * 1e3:>8.1f} {row['order2'] * 1e3:>8.1f} "
              f"{row['analyze'] * 1e3:>8.1f} {row['spofs']:>6} {row['pairs']:>7}", flush=True)
    for small, big in zip(SIZES, SIZES[1:]):
        print(f"growth {small}->{big}: x{totals[big] / totals[small]:.1f} time "
              f"for x{big / small:.0f} components")
    peak = _peak_mb(generate(SIZES[-1]))
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak traced memory of analyze() at {SIZES[-1]}: {peak:.0f} MB "
          f"(process max RSS {rss:.0f} MB)")
    for n in ORACLE_SIZES:
        brute = _oracle_estimate(generate(n))
        print(f"brute-force oracle at {n}: about {brute:.0f} s (estimated), "
              f"speed-up x{brute / totals[n]:,.0f}", flush=True)
