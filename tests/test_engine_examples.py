"""The bundled examples give the answers the issue promises, and agree with
the brute-force oracle."""
from __future__ import annotations

from pathlib import Path

import pytest

from designer.analysis.engine import analyze
from designer.io import load_design
from designer.model import Kind
from designer.model.kinds import NEVER_FAIL

from .oracle import Oracle

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
NAMES = ["monolith", "three-tier", "duplicated-services", "multi-site"]


def _load(name: str):
    path = EXAMPLES / f"{name}.weaklink.json"
    if not path.exists():
        pytest.fail(f"example {path.name} is missing")
    return load_design(path)


@pytest.mark.parametrize("name", NAMES)
def test_example_matches_the_oracle(name):
    design = _load(name)
    result, oracle = analyze(design), Oracle(design)
    assert result.system_up
    assert {s.id for s in result.spofs} == oracle.spofs()
    assert {frozenset(p) for p in result.cut_sets_order2} == oracle.cuts2()


def test_monolith_every_component_but_the_internet_is_a_spof():
    design = _load("monolith")
    failable = {c.id for c in design.components if c.kind not in NEVER_FAIL}
    assert {s.id for s in analyze(design).spofs} == failable
    assert any(c.kind is Kind.INTERNET for c in design.components)


def test_duplicated_services_only_shared_infrastructure_is_a_spof():
    design = _load("duplicated-services")
    spofs = {s.id: design.by_id[s.id].kind for s in analyze(design).spofs}
    kinds = set(spofs.values())
    assert {Kind.SITE, Kind.UTILITY_FEED, Kind.ISP_UPLINK} <= kinds
    assert not kinds & {Kind.SERVER, Kind.SERVICE, Kind.PSU, Kind.NIC, Kind.DISK}
    assert kinds <= {Kind.SITE, Kind.RACK, Kind.UTILITY_FEED, Kind.UPS, Kind.PDU,
                     Kind.ISP_UPLINK, Kind.ROUTER, Kind.FIREWALL, Kind.SWITCH,
                     Kind.LOAD_BALANCER}


def test_multi_site_has_no_spof_but_the_two_sites_form_a_pair():
    design = _load("multi-site")
    result = analyze(design)
    assert result.spofs == ()
    sites = [c.id for c in design.components if c.kind is Kind.SITE]
    assert len(sites) >= 2
    assert frozenset(sites[:2]) in {frozenset(p) for p in result.cut_sets_order2}


def test_every_spof_explains_itself_with_its_blast_radius():
    result = analyze(_load("three-tier"))
    assert result.spofs
    for spof in result.spofs:
        assert spof.explanation and spof.blast_radius
        assert set(result.entry_points) & set(spof.blast_radius)
