"""Accepted findings: stored in the design, kept across re-analysis and
unrelated edits, open again after their expiry; `--fail-on` ignores them."""
from __future__ import annotations

import json
from datetime import date

from click.testing import CliRunner

from designer.analysis.segmentation import analyze_segmentation
from designer.cli import cli
from designer.io import save_design
from designer.model import AcceptedFinding, Component, Kind

from .segmentation_support import add_server, edit, prepend_rules, rebuild, three_tier

ANY_ANY = "any-any-rule@fw-db#1"


def flagged():
    return prepend_rules(three_tier(), "fw-db", {"protocol": "any"})


def accept(design, expires=None):
    entry = AcceptedFinding(finding=ANY_ANY, justification="lab window", owner="net team",
                            expires=expires)
    return rebuild(design, accepted=[entry.model_dump()])


def state(design, today=date(2026, 12, 2)):
    return {f.id: f for f in analyze_segmentation(design, today=today).findings}[ANY_ANY]


def test_an_accepted_finding_stays_accepted_after_unrelated_edits():
    design = accept(flagged())
    assert state(design).accepted.owner == "net team"
    moved = edit(design, "web-1", x=999.0, label="Web one")       # move and rename
    grown = add_server(moved, "mail-1", "seg-dmz", "sw-dmz", ("smtp", "custom", (25,)))
    noted = rebuild(grown, components=(*grown.components,
                                       Component(id="n2", kind=Kind.NOTE, text="hi")))
    assert state(noted).accepted is not None
    assert ANY_ANY not in {f.id for f in analyze_segmentation(noted).open_findings()}


def test_an_acceptance_lapses_after_its_expiry_and_says_so():
    design = accept(flagged(), expires=date(2026, 12, 31))
    assert state(design, today=date(2026, 12, 31)).accepted is not None
    lapsed = state(design, today=date(2027, 1, 1))
    assert lapsed.accepted is None and lapsed.expired_on == date(2026, 12, 31)


def test_fail_on_ignores_accepted_findings(tmp_path):
    def run(design):
        path = tmp_path / "d.weaklink.json"
        save_design(design, path)
        return CliRunner().invoke(cli, ["analyze", str(path), "--json", "--fail-on",
                                        "high"])
    open_run = run(flagged())
    assert open_run.exit_code == 1
    data = json.loads(open_run.output)
    (finding,) = [f for f in data["findings"] if f["id"] == ANY_ANY]
    assert set(finding) >= {"id", "check", "severity", "targets", "rules", "message",
                            "evidence", "fix", "accepted"}
    assert finding["rules"] == [{"firewall": "fw-db", "rule": 1}]
    assert finding["accepted"] is None
    accepted_run = run(accept(flagged()))
    assert accepted_run.exit_code == 0
    data = json.loads(accepted_run.output)
    (finding,) = [f for f in data["findings"] if f["id"] == ANY_ANY]
    assert finding["accepted"]["owner"] == "net team"
    assert data["paths"][0]["data_store"] == "postgres-1"
