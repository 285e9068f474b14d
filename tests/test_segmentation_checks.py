"""Each check of ANALYSIS.md section 6 (and the management-port and
SPOF-firewall checks): a design that triggers it and the three-tier example,
which does not. The designs are small edits of the example, so each test
says what a user would change to get the finding."""
from __future__ import annotations

import pytest

from designer.analysis.segmentation import analyze_segmentation
from designer.report.findings import evidence_lines, message

from .segmentation_support import (add_cable, add_server, edit, ids, only,
                                   prepend_rules, rebuild, recable, set_rules, three_tier)


@pytest.fixture(scope="module")
def base():
    return three_tier()


@pytest.fixture(scope="module")
def clean(base):
    return analyze_segmentation(base)


def run(design):
    return analyze_segmentation(design)


def test_three_tier_has_no_critical_or_high_finding_and_two_layers_behind_the_proxy(clean):
    assert clean.counts()["critical"] == 0 and clean.counts()["high"] == 0
    (path,) = clean.paths
    assert path.data_store == "postgres-1"
    assert path.chain == ("nginx-1", "app-1", "postgres-1")
    assert path.layers_behind_entry == 2        # web firewall, database firewall
    assert path.layers_from_internet == 3       # and the edge firewall before them
    assert path.firewalls == 3 and not path.blocked
    assert path.latency_ms == pytest.approx(sum(h.latency_ms for h in path.hops))


def test_1_data_store_reachable_from_the_internet_is_critical(base, clean):
    design = base
    for fw in ("fw-edge", "fw-web", "fw-db"):
        design = prepend_rules(design, fw, {"destination": "postgres-1", "port": 5432})
    finding = only(run(design), "internet-reaches-data-store")
    assert finding.severity == "critical" and finding.id == \
        "internet-reaches-data-store@postgres-1:5432"
    assert [h.component for h in finding.evidence.hops if h.action == "allow"] == \
        ["fw-edge", "fw-web", "fw-db"]
    assert {(r.firewall, r.index) for r in finding.rules} == \
        {("fw-edge", 0), ("fw-web", 0), ("fw-db", 0)}
    assert "internet-reaches-data-store" not in {f.check for f in clean.findings}


def test_2_internet_reaching_a_non_public_service(base, clean):
    design = prepend_rules(base, "fw-edge", {"destination": "tier-web", "port": 8080})
    design = prepend_rules(design, "fw-web", {"destination": "tier-web", "port": 8080})
    found = ids(run(design), "internet-reaches-internal")
    assert found == ["internet-reaches-internal@app-1:8080",
                     "internet-reaches-internal@app-2:8080"]
    # nginx is public and in the DMZ: reaching it is the point.
    assert not ids(clean, "internet-reaches-internal")


def test_3_a_required_flow_blocked_by_a_rule_is_named_with_the_rule(base, clean):
    design = prepend_rules(base, "fw-db", {"source": "seg-web", "destination": "seg-db",
                                           "port": 5432, "action": "deny"})
    result = run(design)
    blocked = [f for f in result.findings if f.check == "required-flow-blocked"]
    assert [f.id for f in blocked] == ["required-flow-blocked@app-1>postgres-1:5432",
                                       "required-flow-blocked@app-2>postgres-1:5432"]
    assert all(f.severity == "high" for f in blocked)
    assert blocked[0].rules[0].firewall == "fw-db" and blocked[0].rules[0].index == 0
    assert "blocks it with rule 1" in message(blocked[0])
    assert not ids(clean, "required-flow-blocked")


def test_3_a_default_deny_blocking_a_required_flow(base):
    design = set_rules(base, "fw-db", {"source": "seg-web", "destination": "seg-db",
                                       "port": 5433})
    finding = [f for f in run(design).findings if f.check == "required-flow-blocked"][0]
    assert finding.fact("rule") == "default" and "default deny" in message(finding)


def test_4_web_tier_reachable_from_a_host_other_than_the_proxy(base, clean):
    design = add_server(base, "mail-1", "seg-dmz", "sw-dmz",
                        ("smtp", "custom", (25,)))
    leaks = ids(run(design), "web-reachable-beyond-proxy")
    assert leaks == ["web-reachable-beyond-proxy@app-1:8080",
                     "web-reachable-beyond-proxy@app-2:8080"]
    # The rule names the proxy service instead of the whole DMZ: fixed.
    fixed = set_rules(design, "fw-web", {"source": "nginx-1", "destination": "tier-web",
                                         "port": 8080})
    assert not ids(run(fixed), "web-reachable-beyond-proxy")
    assert not ids(clean, "web-reachable-beyond-proxy")


def test_5_any_any_allow_rule_is_flagged(base, clean):
    design = prepend_rules(base, "fw-db", {"protocol": "any"})
    finding = only(run(design), "any-any-rule")
    assert finding.id == "any-any-rule@fw-db#1" and finding.severity == "high"
    assert not ids(clean, "any-any-rule")


def test_6_admin_or_database_port_open_to_any_source(base, clean):
    design = prepend_rules(base, "fw-db", {"destination": "seg-db", "port": 22})
    finding = only(run(design), "admin-port-open-to-any")
    assert finding.fact("ports") == "22"
    named = prepend_rules(base, "fw-db", {"source": "seg-web", "destination": "seg-db",
                                          "port": 22})
    assert not ids(run(named), "admin-port-open-to-any")
    assert not ids(clean, "admin-port-open-to-any")


def test_management_ports_open_to_the_internet_and_the_dmz(base, clean):
    design = prepend_rules(base, "fw-edge", {"destination": "seg-web", "port": 22})
    design = prepend_rules(design, "fw-web", {"destination": "seg-web", "port": 22})
    found = {f.id: f for f in run(design).findings if f.check == "management-exposed"}
    assert set(found) == {"management-exposed@internet>seg-web",
                          "management-exposed@seg-dmz>seg-web"}
    assert found["management-exposed@internet>seg-web"].severity == "critical"
    assert found["management-exposed@seg-dmz>seg-web"].fact("hosts") == "2"
    assert not ids(clean, "management-exposed")


def test_7_firewall_without_default_deny(base, clean):
    finding = only(run(edit(base, "fw-db", default_deny=False)), "no-default-deny")
    assert finding.targets == ("fw-db",)
    assert not ids(clean, "no-default-deny")


def test_8_shadowed_rule_is_named_with_the_rule_that_shadows_it(base, clean):
    design = set_rules(base, "fw-db",
                       {"source": "seg-web", "destination": "seg-db", "port": 5432},
                       {"source": "tier-web", "destination": "postgres-1", "port": 5432,
                        "action": "deny"})
    finding = only(run(design), "rule-shadowed")
    assert finding.id == "rule-shadowed@fw-db#2" and finding.severity == "high"
    assert [(r.firewall, r.index) for r in finding.rules] == [("fw-db", 0), ("fw-db", 1)]
    assert "rule 2 of fw-db (deny) is shadowed by rule 1 (allow)" in message(finding)
    assert not ids(clean, "rule-shadowed")


def test_8_redundant_generalising_and_correlated_rules(base):
    redundant = set_rules(base, "fw-db",
                          {"source": "seg-web", "destination": "seg-db", "port": 5432},
                          {"source": "tier-web", "destination": "postgres-1", "port": 5432})
    assert ids(run(redundant), "rule-redundant") == ["rule-redundant@fw-db#2"]
    general = set_rules(base, "fw-db",
                        {"source": "tier-web", "destination": "seg-db", "port": 22,
                         "action": "deny"},
                        {"source": "seg-web", "destination": "seg-db", "port": 1,
                         "port_end": 9999})
    assert ids(run(general), "rule-generalisation") == ["rule-generalisation@fw-db#2"]
    correlated = set_rules(base, "fw-db",
                           {"source": "seg-web", "destination": "seg-db", "port": 5000,
                            "port_end": 5500},
                           {"source": "seg-web", "destination": "seg-db", "port": 5432,
                            "port_end": 6000, "action": "deny"})
    assert ids(run(correlated), "rule-correlated") == ["rule-correlated@fw-db#2"]


def test_9_a_data_store_behind_one_firewall_is_flagged(base, clean):
    # The database switch cabled straight to the edge firewall: one layer.
    design = recable(base, "net-sw-db-fw-db", target="fw-edge")
    finding = only(run(design), "too-few-layers")
    assert finding.fact("layers") == "1" and finding.severity == "medium"
    assert not ids(clean, "too-few-layers")


def test_moving_the_database_server_into_the_dmz_is_critical(base):
    moved = edit(base, "db-1", segment="seg-dmz")
    moved = recable(moved, "net-sw-db-db-1-nic1", source="sw-dmz")
    result = run(moved)
    assert result.worst() == "critical"
    finding = only(result, "too-few-layers")
    assert finding.severity == "critical" and "sits in DMZ" in message(finding)


def test_10_two_segments_joined_without_a_firewall(base, clean):
    finding = only(run(add_cable(base, "sw-web", "sw-db")), "segments-joined")
    assert finding.id == "segments-joined@seg-db+seg-web" and finding.severity == "high"
    assert not ids(clean, "segments-joined")


def test_11_unrestricted_outbound_from_the_data_segment(base, clean):
    out = {"source": "seg-db", "destination": "internet", "protocol": "any"}
    design = base
    for fw in ("fw-db", "fw-web", "fw-edge"):
        design = prepend_rules(design, fw, out)
    finding = only(run(design), "data-outbound-open")
    assert finding.targets[0] == "seg-db"
    https_only = base
    for fw in ("fw-db", "fw-web", "fw-edge"):
        https_only = prepend_rules(https_only, fw, {**out, "protocol": "tcp", "port": 443})
    assert not ids(run(https_only), "data-outbound-open")
    assert not ids(clean, "data-outbound-open")


def test_a_spof_firewall_alone_in_front_of_a_data_store(base, clean):
    design = recable(base, "net-sw-db-fw-db", target="fw-edge")
    finding = only(analyze_segmentation(design, spofs=["fw-edge"]), "spof-sole-firewall")
    assert finding.id == "spof-sole-firewall@fw-edge>postgres-1"
    assert {r.action for r in finding.remedies} == {"ha_pair", "new_segment"}
    # Not a SPOF (an HA pair, say): no finding.
    assert not ids(analyze_segmentation(design, spofs=[]), "spof-sole-firewall")
    assert not ids(clean, "spof-sole-firewall")


def test_evidence_reads_hop_by_hop_with_the_rule_of_each_firewall(base):
    design = base
    for fw in ("fw-edge", "fw-web", "fw-db"):
        design = prepend_rules(design, fw, {"destination": "postgres-1", "port": 5432})
    finding = only(run(design), "internet-reaches-data-store")
    lines = evidence_lines(finding)
    assert lines[0] == "Example packet: TCP from internet to db-1 port 5432"
    assert "fw-edge: allow (rule 1)" in lines and "fw-db: allow (rule 1)" in lines
    assert lines[-1].startswith("Path: internet > uplink-a > fw-edge")


def test_hop_latency_comes_from_the_defaults_table_and_the_design_overrides_it(base, clean):
    from designer.analysis.segmentation.latency import default_latency
    table = default_latency()
    assert table["firewall"]["assumption"] is True and table["firewall"]["source"]
    assert table["link"]["assumption"] is False
    (path,) = clean.paths
    firewall_hops = [h for h in path.hops if h.kind == "firewall"]
    assert [h.component for h in firewall_hops] == ["fw-edge", "fw-web", "fw-db"]
    assert all(h.latency_ms == table["firewall"]["value"] for h in firewall_hops)
    slower = rebuild(base, settings={**base.settings.model_dump(),
                                     "hop_latency_ms": {"firewall": 1.0}})
    (again,) = run(slower).paths
    expected = path.latency_ms + 3 * (1.0 - table["firewall"]["value"])
    assert again.latency_ms == pytest.approx(expected)


def test_8_a_rule_hidden_by_two_earlier_rules_together_names_both(base):
    design = set_rules(base, "fw-db",
                       {"source": "seg-web", "destination": "seg-db", "port": 5000,
                        "port_end": 5432},
                       {"source": "seg-web", "destination": "seg-db", "port": 5433,
                        "port_end": 6000},
                       {"source": "seg-web", "destination": "seg-db", "port": 5400,
                        "port_end": 5500, "action": "deny"})
    finding = only(run(design), "rule-shadowed")
    assert finding.id == "rule-shadowed@fw-db#3" and finding.severity == "high"
    assert [r.index for r in finding.rules] == [0, 1, 2]
    assert "is shadowed by rules 1, 2 (allow) together" in message(finding)


def test_the_ha_pair_fix_is_the_planners_edit_and_clears_the_spof_finding(base):
    from designer.analysis.engine import analyze_structure
    from designer.analysis.segmentation.remedies import fix_candidates
    from designer.model.patch import apply_patch
    design = recable(base, "net-sw-db-fw-db", target="fw-edge")
    spofs = [s.id for s in analyze_structure(design).spofs]
    assert "fw-edge" in spofs
    finding = only(analyze_segmentation(design, spofs=spofs), "spof-sole-firewall")
    candidate, segment = fix_candidates(design, finding)   # remedies in their order
    assert candidate.action == "second-firewall" and candidate.targets == ("fw-edge",)
    assert segment.action == "new-segment" and segment.targets == ("db-1",)
    fixed = apply_patch(design, candidate.patch)
    spofs = [s.id for s in analyze_structure(fixed).spofs]
    assert "fw-edge" not in spofs
    result = analyze_segmentation(fixed, spofs=spofs)
    assert not ids(result, "spof-sole-firewall")
    assert ids(result, "too-few-layers") == ["too-few-layers@postgres-1"]   # still one layer
