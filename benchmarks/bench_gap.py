"""Where the certified bounds' gap sits: `python -m benchmarks gap`.

For a generated design, the first split of the conditioning ("the first
shared event fails", "the first works and the second fails", ..., "all
work"; conditioning.py) and each leaf's share of the gap, the loosest
first. For the loosest few, the leaf is then split over every free
shared event, which makes it exact up to two more failures: that locates
the true value inside the leaf's bounds, so it says which side of the
bound is loose, and what closing the leaf that way costs (issue 10: the
5,000-component design stops at a gap of 2e-8 against the 1e-9 asked).
"""
from __future__ import annotations

import sys
import time

import numpy as np

from benchmarks.generate import generate
from designer.analysis import bounds
from designer.analysis.availability import DESIGN_PART_BUDGET, common_causes
from designer.analysis.conditioning import Conditioning
from designer.analysis.design_order import rack_rank
from designer.analysis.figures import availabilities
from designer.analysis.parts import Parts
from designer.analysis.structure import compile_design

LOOSEST = 3        # leaves split over every free event (about 5 s each at 5,000)


def conditioning_of(size: int) -> Conditioning:
    """The conditioning `design_availability` runs on generate(size)."""
    design = generate(size)
    compiled = compile_design(design)
    figures = availabilities(design)
    probs = {event: figures[cid] for cid, event in compiled.event_of.items()}
    circuit, _ = bounds._simplified(common_causes(design, compiled, probs), {})
    parts = Parts(circuit, probs, False, rack_rank(design, compiled.event_of),
                  DESIGN_PART_BUDGET)
    return Conditioning(parts)


def main(sizes=(5000,)) -> None:
    for size in sizes:
        start = time.process_time()
        cond = conditioning_of(size)
        leaves = cond.split((frozenset(), frozenset()), list(range(cond.m)))
        lo, hi, _ = cond.bounds(leaves)
        weight = cond.mass(leaves)
        gaps = weight * (hi - lo)
        print(f"gap {size} components: {cond.m} shared events, {len(cond.parts.passes)} parts; "
              f"first split {len(leaves)} leaves, gap {gaps.sum():.2e} "
              f"({time.process_time() - start:.1f} s CPU)", flush=True)
        for j in np.argsort(-gaps)[:LOOSEST]:
            _locate(cond, leaves[j], float(weight[j]), float(lo[j]), float(hi[j]))


def _locate(cond: Conditioning, leaf, weight: float, lo: float, hi: float) -> None:
    """Print the leaf's bounds against its value exact up to two more failures."""
    failed, worked = leaf
    free = [k for k in range(cond.m) if k not in failed and k not in worked]
    start = time.process_time()
    children = cond.split(leaf, free)
    child_lo, child_hi, _ = cond.bounds(children)
    share = cond.mass(children) / weight
    true_lo, true_hi = float(share @ child_lo), float(share @ child_hi)
    name = ", ".join(cond.parts.shared_name[k] for k in sorted(failed))
    print(f"  leaf '{name} failed' (P {weight:.2e}): P(bad | leaf) in [{lo:.9f}, {hi:.9f}], "
          f"gap {weight * (hi - lo):.2e} of the total; "
          f"free mass {cond.fail[free].sum():.4f} over {len(free)} events", flush=True)
    print(f"    split over all {len(free)}: [{true_lo:.9f}, {true_hi:.9f}], gap "
          f"{weight * (true_hi - true_lo):.2e} ({time.process_time() - start:.1f} s CPU); "
          f"the lower bound was {true_lo - lo:.1e} low, the upper {hi - true_hi:.1e} high",
          flush=True)


if __name__ == "__main__":
    main(tuple(int(a) for a in sys.argv[1:]) or (5000,))
