"""Where the exact BDD passes its budget in the placement order and the
certified bounds do not apply (the system is up if either site's copy is),
the exact BDD is tried again site by site before Monte Carlo
(design_order.site_first): the cost plan's last step on the three-tier
example, a copy of the whole site, was "100 %, at least 99.99963 %"."""
from __future__ import annotations

from pathlib import Path

import pytest

from designer.analysis import modules
from designer.analysis.availability import common_causes, design_availability
from designer.analysis.design_order import placement_rank, rack_rank, site_first
from designer.analysis.figures import availabilities
from designer.analysis.mitigation import make_plan
from designer.analysis.structure import compile_design
from designer.io import load_design
from designer.model.patch import apply_patch
from designer.report.plan import summary

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "three-tier.weaklink.json"


@pytest.fixture(scope="module")
def planned():
    return make_plan(load_design(EXAMPLE))


def test_the_plans_copied_site_is_exact_not_sampled(planned):
    last = planned.steps[-1]
    assert last.candidate.action == "second-site"
    assert all(step.after.method == "exact" for step in planned.steps)
    assert "Monte Carlo" not in summary(planned)


def _planned_and_other(path, planned, budget: int, placed: bool):
    """The design with every plan step applied, its figures, and the exact
    BDD's answer in another order with room (placement or depth first)."""
    design = load_design(path)
    for step in planned.steps:
        design = apply_patch(design, step.candidate.patch)
    compiled = compile_design(design)
    figures = availabilities(design)
    probs = {event: figures[cid] for cid, event in compiled.event_of.items()}
    rank = placement_rank(design, compiled.event_of) if placed else None
    other = modules.solve(common_causes(design, compiled, probs), probs, budget=budget,
                          rank=rank)
    return design_availability(design), other


def test_site_by_site_gives_the_figure_another_order_gives(planned):
    # The depth-first order, with room: 983,588 nodes.
    found, other = _planned_and_other(EXAMPLE, planned, 3_000_000, placed=False)
    assert found.method == "exact"
    assert found.value == pytest.approx(other.p_top, rel=0, abs=1e-13)
    assert found.value < 1.0


def test_one_site_keeps_the_placement_order():
    design = load_design(EXAMPLE)
    compiled = compile_design(design)
    ranks = placement_rank(design, compiled.event_of), rack_rank(design, compiled.event_of)
    assert site_first(*ranks) is None


def test_a_module_stands_in_its_events_place_in_the_order():
    """The duplicated-services example with its whole plan applied (a rack
    and a site copied, 202 events) was Monte Carlo, "at least 99.99963 %":
    each server's own parts form a module whose stand-in, unranked, went
    before every shared cause, and the BDD passed 5 million nodes in every
    order tried. Ranked as its first event, the copied site is exact and
    agrees with a BDD in the other order given room."""
    path = EXAMPLE.with_name("duplicated-services.weaklink.json")
    planned = make_plan(load_design(path))
    assert [step.candidate.action for step in planned.steps][-1] == "second-site"
    assert all(step.after.method == "exact" for step in planned.steps)
    assert "Monte Carlo" not in summary(planned)
    found, other = _planned_and_other(path, planned, 1_000_000, placed=True)
    assert found.method == "exact" and found.bdd_nodes < 100_000
    assert found.complement == pytest.approx(other.q_top, rel=1e-12)
    assert 0.0 < found.complement < 1e-7
