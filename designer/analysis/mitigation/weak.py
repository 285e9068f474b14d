"""The weak points a plan step works on: SPOFs and order-2 cut sets, read
straight from engine I's kill sets (no explanations: the planner asks for
them many times). No Qt."""
from __future__ import annotations

from dataclasses import dataclass

from designer.analysis.cuts import Kills, order2_cuts, spofs
from designer.analysis.gc_pause import collector_paused
from designer.analysis.structure import Compiled, compile_design
from designer.model import Design


@dataclass(frozen=True)
class Weak:
    system_up: bool
    spofs: tuple[str, ...]                  # in drawing order
    pairs: tuple[tuple[str, str], ...]      # order-2 cut sets


def weak_points(design: Design, compiled: Compiled | None = None) -> Weak:
    """`compiled`: the design's circuit, when the caller has it (the plan's
    analyser compiled each step's design already)."""
    with collector_paused():
        circuit = (compiled or compile_design(design)).circuit
        kills = Kills(circuit)
        if not kills.up_at_base(circuit.top):
            return Weak(False, (), ())
        order = {c.id: i for i, c in enumerate(design.components)}
        found = tuple(sorted(spofs(kills), key=order.__getitem__))
        pairs = tuple(sorted((tuple(sorted(p, key=order.__getitem__)) for p in order2_cuts(kills)),
                             key=lambda p: (order[p[0]], order[p[1]])))
        return Weak(True, found, pairs)
