"""The defaults table and how a component's figures are resolved:
component availability > component MTBF/MTTR > design kind override > default."""
from __future__ import annotations

import json

import pytest

from designer.analysis import figures
from designer.model import Component, Kind
from designer.model.design import KindFigures, Settings
from designer.model.kinds import NEVER_FAIL


def test_every_kind_has_a_row_with_its_source_and_assumption_flag():
    raw = json.loads(figures.DEFAULTS_FILE.read_text())["kinds"]
    assert set(raw) == {k.value for k in Kind}
    for name, row in raw.items():
        assert row["source"] and row["derivation"], name
        assert isinstance(row["assumption"], bool), name
        assert row["capex"] >= 0 and row["opex_monthly"] >= 0, name
        assert ("availability" in row) != ("mtbf_hours" in row), name


def test_published_figures_of_the_analysis_contract():
    table = figures.defaults_table()
    assert table[Kind.SITE].availability == pytest.approx(0.99982)
    assert table[Kind.UTILITY_FEED].availability == pytest.approx(0.99977)
    assert table[Kind.DISK].availability == pytest.approx(1 - 0.0157 * 24 / 8760)
    assert table[Kind.SWITCH].availability == pytest.approx(1 - 0.05 * 4 / 8760)
    assert table[Kind.LOAD_BALANCER].availability == pytest.approx(1 - 0.20 * 4 / 8760)
    assert table[Kind.PSU].availability == pytest.approx(100_000 / 100_004)
    assert table[Kind.PSU].assumption and table[Kind.ISP_UPLINK].assumption
    assert not table[Kind.SITE].assumption


def test_resolution_order_component_then_mtbf_then_design_then_default():
    plain = Component(id="p", kind=Kind.PSU)
    by_mtbf = Component(id="p", kind=Kind.PSU, mtbf_hours=1000, mttr_hours=10)
    given = Component(id="p", kind=Kind.PSU, availability=0.9, mtbf_hours=1000, mttr_hours=10)
    design = Settings(kind_overrides={Kind.PSU: KindFigures(availability=0.95)})
    default = figures.availability_of(plain, Settings())
    assert (default.origin, default.assumption) == (figures.DEFAULT, True)
    assert figures.availability_of(plain, design).value == 0.95
    assert figures.availability_of(by_mtbf, design).value == pytest.approx(1000 / 1010)
    assert figures.availability_of(given, design).value == 0.9
    mtbf_design = Settings(kind_overrides={Kind.PSU: KindFigures(mtbf_hours=90, mttr_hours=10)})
    assert figures.availability_of(plain, mtbf_design).value == pytest.approx(0.9)


@pytest.mark.parametrize("kind", sorted(NEVER_FAIL, key=lambda k: k.value))
def test_internet_tiers_segments_and_notes_never_fail(kind):
    assert figures.availability_of(Component(id="x", kind=kind), Settings()).value == 1.0


def test_costs_follow_the_same_chain_and_defaults_are_assumptions():
    server = Component(id="s", kind=Kind.SERVER)
    default = figures.capex_of(server, Settings())
    assert default.value > 0 and default.assumption
    design = Settings(kind_overrides={Kind.SERVER: KindFigures(capex=1234, opex_monthly=5)})
    assert figures.capex_of(server, design).value == 1234
    assert figures.opex_of(server, design).value == 5
    own = Component(id="s", kind=Kind.SERVER, capex=99)
    assert figures.capex_of(own, design).value == 99
    assert figures.opex_of(own, design).value == 5
