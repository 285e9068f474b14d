"""Availability of generated designs: `python -m benchmarks availability`.

Prints, for growing sizes, the median time of `design_availability` on an
already compiled design (what the analysis adds to engine I), the method it
chose (exact BDD or Monte Carlo, with the interval's width), and the growth
per component against the smallest size. Targets (issue 4): 1,000
components in 200 ms, 5,000 in 1 s.
"""
from __future__ import annotations

from benchmarks import RUNS, median_seconds
from benchmarks.generate import generate
from designer.analysis.availability import design_availability
from designer.analysis.structure import compile_design

SIZES = (100, 300, 500, 1000, 2000, 5000)



def main() -> None:
    base = None
    for size in SIZES:
        design = generate(size)
        compiled = compile_design(design)
        found = design_availability(design, compiled)
        seconds = median_seconds(lambda: design_availability(design, compiled))
        per_component = seconds / size
        base = base or per_component
        detail = (f"{found.bdd_nodes:,} BDD nodes" if found.method == "exact" else
                  f"95 % CI width {found.confidence_interval[1] - found.confidence_interval[0]:.1e}")
        print(f"availability {size:>5} components: {seconds * 1000:8.1f} ms median of {RUNS}, "
              f"{found.method} ({detail}), A = {found.value:.6f}, "
              f"time per component x{per_component / base:.2f} of the {SIZES[0]} size", flush=True)


if __name__ == "__main__":
    main()
