"""Model additions for segmentation (file version 2): rule port ranges, rule
sides naming tiers, services and the Internet, accepted findings; version-1
files still load and mean the same."""
from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from pydantic import ValidationError

from designer.io import LoadError, load_design, save_design
from designer.model import AcceptedFinding, Component, Design, FirewallRule, Kind

ROOT = Path(__file__).parents[1]


def test_a_version_1_file_loads_and_equals_the_current_example():
    old = load_design(ROOT / "tests" / "old_files" / "three-tier-v1.weaklink.json")
    new = load_design(ROOT / "examples" / "three-tier.weaklink.json")
    assert old.by_id["fw-db"].rules == new.by_id["fw-db"].rules
    assert old.accepted == ()


def test_a_rule_port_range_covers_its_ends_and_rejects_a_reversed_range():
    assert FirewallRule(port=5985, port_end=5986).ports == (5985, 5986)
    assert FirewallRule(port=22).ports == (22, 22)
    assert FirewallRule().ports == (1, 65535)
    with pytest.raises(ValidationError, match="port range"):
        FirewallRule(port=100, port_end=99)
    with pytest.raises(ValidationError, match="port range"):
        FirewallRule(port_end=99)


def _fw(rule: FirewallRule) -> Design:
    return Design(components=(
        Component(id="t", kind=Kind.TIER), Component(id="srv", kind=Kind.SERVER),
        Component(id="note", kind=Kind.NOTE),
        Component(id="fw", kind=Kind.FIREWALL, rules=(rule,))))


def test_rule_sides_may_name_a_tier_but_not_a_note_or_a_missing_id(tmp_path):
    assert _fw(FirewallRule(source="t")).by_id["fw"].rules[0].source == "t"
    with pytest.raises(ValueError, match="rule 1 source 'note' is a Sticky note"):
        _fw(FirewallRule(source="note"))
    raw = {"format": "weaklink", "version": 2, "design": {"components": [
        {"id": "fw", "kind": "firewall", "rules": [{"destination": "nowhere"}]}]}}
    path = tmp_path / "bad.weaklink.json"
    path.write_text(json.dumps(raw))
    with pytest.raises(LoadError) as err:
        load_design(path)
    text = str(err.value.errors[0])
    assert "components[0].rules[0].destination" in text and "nowhere" in text


def test_accepted_findings_round_trip_and_lapse_after_their_expiry(tmp_path):
    acc = AcceptedFinding(finding="any-any-rule@fw#1", justification="lab only",
                          owner="ops", expires=date(2026, 12, 31))
    design = Design(components=(Component(id="fw", kind=Kind.FIREWALL),), accepted=(acc,))
    path = tmp_path / "d.weaklink.json"
    save_design(design, path)
    assert json.loads(path.read_text())["version"] == 2
    again = load_design(path)
    assert again.accepted == (acc,)
    assert acc.holds_on(date(2026, 12, 31)) and not acc.holds_on(date(2027, 1, 1))
    with pytest.raises(ValidationError):
        AcceptedFinding(finding="x", justification="", owner="ops")
