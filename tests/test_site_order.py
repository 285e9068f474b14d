"""Parts across three sites or more go site by site, in the design's order
of sites (part_build.local_order): a design copied onto four sites is
certified where the rack-by-rack order sent it to Monte Carlo, and an edit
of it gives the figures of a fresh analysis."""
from __future__ import annotations

from functools import lru_cache

from benchmarks.generate import generate, with_copies
from designer.analysis import ir
from designer.analysis.availability import BOUNDED, design_availability
from designer.analysis.incremental import Reanalysis
from designer.analysis.part_build import local_order
from designer.model import Component, Design, Kind


def _replicas_on_sites(met: list[int]) -> tuple[ir.Circuit, int]:
    """One application with a replica per site, its sites met depth first
    in the order `met`; each replica needs its site's power and its
    server."""
    circuit = ir.Circuit()
    replicas = [circuit.and_([circuit.event(f"power{s}"), circuit.event(f"server{s}")])
                for s in met]
    part = circuit.and_([circuit.or_(replicas)])
    circuit.top = circuit.and_([part])
    return circuit, part


def _rank(sites: list[int], numbered: bool = True) -> dict[str, tuple[int, int, int, int]]:
    """(its site, rack, site, server) as design_order.rack_rank gives them:
    a site's power held by no rack, each server in rack `s`. `numbered`
    False: every event's own site left out (0)."""
    rank = {}
    for s in sites:
        rank[f"power{s}"] = (s if numbered else 0, 0, s, 0)
        rank[f"server{s}"] = (s if numbered else 0, s, 0, 10 + s)
    return rank


def _order(circuit: ir.Circuit, part: int, rank) -> list[str]:
    names = [node.name for node in circuit.nodes]
    return [names[i] for i in local_order(circuit, part, rank, names)]


def test_a_part_across_three_sites_goes_site_by_site_in_the_designs_order():
    for met in ([3, 1, 2], [2, 3, 1], [1, 2, 3]):
        circuit, part = _replicas_on_sites(met)
        assert _order(circuit, part, _rank(met)) == [
            "power1", "server1", "power2", "server2", "power3", "server3"]


def test_a_part_across_two_sites_keeps_the_order_by_racks():
    """Over two sites the rack order was the smaller (docs/performance.md):
    the events' own sites play no part."""
    circuit, part = _replicas_on_sites([2, 1])
    by_racks = _order(circuit, part, _rank([2, 1], numbered=False))
    assert _order(circuit, part, _rank([2, 1])) == by_racks
    assert by_racks[:2] == ["power2", "power1"]      # what no rack holds first


@lru_cache(maxsize=None)
def _four_sites() -> Design:
    return with_copies(generate(450), "s0", "s1")


def test_a_design_on_four_sites_with_a_second_network_rack_is_bounded_not_sampled():
    """Rack by rack its parts passed the diagrams' budget (the first
    peaked at 1.4 million live nodes) and the figure was sampled."""
    design = with_copies(generate(1000), "s0", "s1", "s0-net")
    assert sum(c.kind is Kind.SITE for c in design.components) == 4
    found = design_availability(design)
    assert found.method == BOUNDED
    low, high = found.bounds
    assert high - low <= design.settings.bounds_tolerance
    assert low <= found.value <= high


def _same(found, fresh) -> None:
    assert (found.method, found.value, found.bounds) == (fresh.method, fresh.value, fresh.bounds)
    assert found.importance == fresh.importance


def test_edits_of_a_design_on_four_sites_give_a_fresh_analysis_figures():
    design = _four_sites()
    again = Reanalysis(design, max_events=0)
    _same(again.base, design_availability(design, max_events=0))
    server = next(c for c in design.components if c.kind is Kind.SERVER)
    better = Design(settings=design.settings, links=design.links,
                    components=tuple(c.model_copy(update={"availability": 0.9999})
                                     if c.id == server.id else c for c in design.components))
    disk = Component(id=f"{server.id}-disk-added", kind=Kind.DISK, parent=server.id)
    with_disk = Design(settings=design.settings, links=design.links,
                       components=design.components + (disk,))
    for edited in (better, with_disk, design):
        _same(again.availability(edited), design_availability(edited, max_events=0))
