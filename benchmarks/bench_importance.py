"""Certified importance under the bounded method (analysis/importance_bounds.py):
what the intervals of the review's top components cost on top of the
availability, on the generated 1,000-component design.

`python -m benchmarks importance`; `compare()` also times bounding both
conditionals of each component rather than one (the choice made).
"""
from __future__ import annotations

import time
from collections import defaultdict

from benchmarks.generate import generate
from designer.analysis import bounds
from designer.analysis.availability import design_availability
from designer.analysis.engine import availability_part
from designer.analysis.importance_bounds import (certify, conditional_risk, design_intervals,
                                                 design_system, intervals)
from designer.analysis.structure import compile_design
from designer.report.review import IMPORTANCE_SHOWN

SIZE = 1000


def _ranked(found) -> list[str]:
    return sorted(found.importance, key=lambda c: -found.importance[c].birnbaum)[
        :IMPORTANCE_SHOWN]


def main() -> None:
    design = generate(SIZE)
    compiled = compile_design(design)
    cpu = time.process_time()
    availability_part(design, compiled)
    plain = time.process_time() - cpu
    cpu = time.process_time()
    part = availability_part(design, compiled, certify_importance=IMPORTANCE_SHOWN)
    certified = time.process_time() - cpu
    print(f"importance {SIZE} components: availability {plain:.2f} s CPU, with "
          f"{len(part.importance_intervals)} certified intervals {certified:.2f} s "
          f"({(certified - plain) / IMPORTANCE_SHOWN * 1000:.0f} ms a component), "
          f"{part.method}", flush=True)
    by_kind(design, compiled)


def by_kind(design, compiled) -> None:
    """CPU per component by kind, in the order the report certifies them."""
    parts: dict = {}
    found = design_availability(design, compiled, part_cache=parts)
    spent: dict[str, list[float]] = defaultdict(list)
    for cid in _ranked(found):
        cpu = time.process_time()
        design_intervals(design, compiled, found, [cid], parts)
        spent[design.by_id[cid].kind.value].append(time.process_time() - cpu)
    print("  by kind: " + ", ".join(f"{kind} {len(t)} x {sum(t) / len(t) * 1000:.0f} ms"
                                    for kind, t in spent.items()), flush=True)


def compare() -> None:
    """One bounded conditional a component (R1; R0 from the system's bounds)
    against two (R1 and R0 each bounded)."""
    design = generate(SIZE)
    compiled = compile_design(design)
    parts: dict = {}
    found = design_availability(design, compiled, part_cache=parts)
    system = design_system(design, compiled, found)
    events = [compiled.event_of[cid] for cid in _ranked(found)]
    cpu = time.process_time()
    one = certify(system, events, parts)
    one_cpu = time.process_time() - cpu
    cpu = time.process_time()
    two = {e: intervals(system.risk, *(conditional_risk(system, e, value, parts,
                                                        bounds.PART_BUDGET)
                                       for value in (False, True))) for e in events}
    two_cpu = time.process_time() - cpu

    def widest(found) -> str:
        birnbaum = max(i.birnbaum[1] - i.birnbaum[0] for i in found.values())
        rrw = max((i.rrw[1] - i.rrw[0]) / i.rrw[0] for i in found.values())
        return f"Birnbaum width {birnbaum:.2g}, RRW relative width {rrw:.2g}"

    print(f"  one conditional: {one_cpu:.2f} s ({widest(one)}); "
          f"two: {two_cpu:.2f} s ({widest(two)})", flush=True)


if __name__ == "__main__":
    main()
    compare()
