"""Where the top is an OR (the system is up if any replica of its lone
entry tier is, or any copied site is), the certified bounds do not apply
and the exact BDD goes rack by rack within each site first
(design_order.exact_orders): the duplicated-services example with its rack
copied four times (one site, five racks, 209 events) passed the placement
order's 200,000 nodes and was Monte Carlo: 99.8574 % for 99.8568 %."""
from __future__ import annotations

from pathlib import Path

import pytest

from benchmarks.generate import with_copies
from designer.analysis import modules
from designer.analysis.availability import common_causes, design_availability
from designer.analysis.figures import availabilities
from designer.analysis.incremental import Reanalysis
from designer.analysis.structure import compile_design
from designer.io import load_design

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "duplicated-services.weaklink.json"


def _racks(copies: int):
    design = load_design(EXAMPLE)
    for _ in range(copies):
        design = with_copies(design, "rack-1")
    return design


def _with_room(design) -> float:
    """P(down) by the exact BDD in the depth-first order, given room."""
    compiled = compile_design(design)
    figures = availabilities(design)
    probs = {event: figures[cid] for cid, event in compiled.event_of.items()}
    return modules.solve(common_causes(design, compiled, probs), probs,
                         budget=3_000_000).q_top


def test_a_lone_entry_tier_over_five_racks_is_exact():
    design = _racks(4)
    found = design_availability(design)
    assert found.method == "exact" and found.bdd_nodes < 10_000
    assert found.complement == pytest.approx(_with_room(design), rel=1e-12)


def test_an_edit_of_it_equals_a_full_analysis():
    """The cost plan analyses such a design's candidates incrementally."""
    design = _racks(4)
    again = Reanalysis(design)
    edited = with_copies(design, "rack-2")
    found, full = again.availability(edited), design_availability(edited)
    assert (found.method, found.value, found.bounds) == (full.method, full.value, full.bounds)
    assert found.method == "exact"
