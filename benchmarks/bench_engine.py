"""Engine I: SPOFs and order-2 cut sets on generated designs (medians).

Columns: compile = design -> circuit; cuts = the one pass that yields the
SPOFs and the order-2 cut sets (Kills); engine I = `analyze_structure()`,
everything engine I does (compile, cuts, blast radius and explanations,
sorting). Each figure is the median of several runs, as wall time and as CPU
time of this thread (`time.thread_time`, which other jobs on the machine do
not inflate). The brute-force figure is estimated from timing the tests'
oracle on sampled pair scenarios, times the n + n(n-1)/2 scenarios it would
have to try.
"""
from __future__ import annotations

import gc
import os
import platform
import random
import resource
import statistics
import time
import tracemalloc

from benchmarks.generate import generate
from designer.analysis.cuts import Kills
from designer.analysis.engine import analyze_structure
from designer.analysis.gc_pause import collector_paused
from designer.analysis.structure import compile_design

SIZES = (100, 1000, 5000, 20000)
REPEATS = {100: 21, 1000: 15, 5000: 11, 20000: 5}
ORACLE_SIZES = (1000, 5000)
ORACLE_SAMPLES = 40


_BEST: dict[str, float] = {}


def _median(fn, repeats: int, name: str = "") -> tuple[float, float, object]:
    walls, cpus, out = [], [], None
    for _ in range(repeats):
        gc.collect()        # the previous run's garbage is not this run's cost
        wall, cpu = time.perf_counter(), time.thread_time()
        out = fn()
        cpus.append(time.thread_time() - cpu)
        walls.append(time.perf_counter() - wall)
    _BEST[name] = min(cpus)
    return statistics.median(walls), statistics.median(cpus), out


def _paused(fn):
    """As analyze_structure() runs: with the cyclic collector paused."""
    def run():
        with collector_paused():
            return fn()
    return run


def _row(design, repeats: int) -> dict:
    c_wall, c_cpu, compiled = _median(_paused(lambda: compile_design(design)), repeats)
    k_wall, k_cpu, _ = _median(_paused(lambda: Kills(compiled.circuit)), repeats)
    e_wall, e_cpu, result = _median(lambda: analyze_structure(design), repeats, "engine")
    return dict(compile=(c_wall, c_cpu), cuts=(k_wall, k_cpu), engine=(e_wall, e_cpu),
                nodes=len(compiled.circuit.nodes), spofs=len(result.spofs),
                pairs=len(result.cut_sets_order2))


def _peak_mb(design) -> float:
    tracemalloc.start()
    analyze_structure(design)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return peak / 2**20


def _oracle_estimate(design) -> float:
    from tests.oracle import Oracle     # the brute force lives with the tests
    oracle = Oracle(design)
    rng = random.Random(1)
    samples = [rng.sample(oracle.failable, 2) for _ in range(ORACLE_SAMPLES)]
    _, cpu, _ = _median(lambda: [oracle.system_up(s) for s in samples], 3)
    m = len(oracle.failable)
    return cpu / ORACLE_SAMPLES * (m + m * (m - 1) / 2)


def _ms(pair: tuple[float, float]) -> str:
    return f"{pair[0] * 1e3:>8.1f} {pair[1] * 1e3:>7.1f}"


def main() -> None:
    print(f"{os.cpu_count()} cpus, Python {platform.python_version()}, "
          f"load average {os.getloadavg()[0]:.1f}; medians in ms (wall, cpu)")
    print(f"{'components':>10} {'nodes':>7} {'compile':>16} {'cuts':>16} {'engine I':>16} "
          f"{'spofs':>6} {'pairs':>7}")
    engine = {}
    for n in SIZES:
        row = _row(generate(n), REPEATS[n])
        engine[n] = row["engine"][1]
        print(f"{n:>10} {row['nodes']:>7} {_ms(row['compile'])} {_ms(row['cuts'])} "
              f"{_ms(row['engine'])} {row['spofs']:>6} {row['pairs']:>7} "
              f"(engine I best cpu {_BEST['engine'] * 1e3:.1f})", flush=True)
    for small, big in zip(SIZES, SIZES[1:]):
        print(f"growth {small}->{big}: x{engine[big] / engine[small]:.1f} cpu time "
              f"for x{big / small:.0f} components")
    peak = _peak_mb(generate(SIZES[-1]))
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak traced memory of analyze_structure() at {SIZES[-1]}: {peak:.0f} MB "
          f"(process max RSS so far {rss:.0f} MB)")
    for n in ORACLE_SIZES:
        brute = _oracle_estimate(generate(n))
        print(f"brute-force oracle at {n}: about {brute:,.0f} s cpu (estimated), "
              f"engine I is x{brute / engine[n]:,.0f} faster", flush=True)
