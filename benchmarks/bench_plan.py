"""The mitigation plan of generated designs: `python -m benchmarks plan`.

Prints, per size, the wall time of the full plan (`make_plan`, step limit
15), how many candidate edits were analysed, the steps found, the method of
the figures, and the time per analysed candidate. Target (issue 11): the
1,000-component design within 5 s: 4.3-4.6 s on the 2-core AMD EPYC
(2026-12-06), every figure certified to 1e-9 (docs/performance.md,
"Mitigation plan" and the sections of issue 10).
One run per size (a plan is seconds long; the median of several would
take minutes on the shared machine).
"""
from __future__ import annotations

import sys
import time

from benchmarks.generate import generate
from designer.analysis.mitigation import make_plan

SIZES = (100, 300, 1000)


def main(sizes=SIZES) -> None:
    for size in sizes:
        design = generate(size)
        start = time.perf_counter()
        plan = make_plan(design)
        seconds = time.perf_counter() - start
        methods = sorted({s.after.method for s in plan.steps} | {plan.start.method})
        per = seconds / max(plan.candidates_tried, 1)
        print(f"plan {size:>5} components: {seconds:6.2f} s, {len(plan.steps)} steps "
              f"({plan.stopped}), {plan.candidates_tried} candidates analysed "
              f"({per * 1000:.0f} ms each), figures {', '.join(methods)}, "
              f"A {plan.start.availability:.6f} -> "
              f"{(plan.steps[-1].after if plan.steps else plan.start).availability:.6f}",
              flush=True)


if __name__ == "__main__":
    main(tuple(int(a) for a in sys.argv[1:]) or SIZES)
