"""Each order-2 pair the lists show says why the two together take the system
down and what goes down (issue 16), and what it says goes down is what the
brute-force oracle finds with exactly that pair failed."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings

from designer.analysis.engine import analyze_structure
from designer.analysis.pairs import EXPLAINED
from designer.io import load_design
from designer.model import Kind
from designer.model.naming import names_of
from designer.panels.problems import ProblemsPanel
from designer.report.result_json import structure_json
from designer.report.review import pairs_section, unambiguous_names
from designer.report.text import text_report

from .engine_strategies import designs
from .oracle import Oracle, _Scenario

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
NAMES = ["monolith", "three-tier", "duplicated-services", "multi-site"]


def _structure(name: str):
    design = load_design(EXAMPLES / f"{name}.weaklink.json")
    return design, analyze_structure(design)


def _oracle_radius(oracle: Oracle, design, pair) -> set[str]:
    """Entry points, tiers (quorum of their services) and services down."""
    scenario = _Scenario(oracle, frozenset(pair))
    up = scenario.service_states()
    lost = {e for e in oracle.entries if not scenario.entry_up(e)}
    lost |= {s for s, ok in up.items() if not ok}
    for tier, members in oracle.members.items():
        if sum(up[m] for m in members) < (design.by_id[tier].quorum or 1):
            lost.add(tier)
    return lost


@pytest.mark.parametrize("name", NAMES)
def test_each_shown_pair_takes_down_what_the_oracle_says(name):
    design, result = _structure(name)
    oracle = Oracle(design)
    pairs = result.cut_sets_order2
    explained = result.structure.cut_sets_order2_explained
    assert [(p.a, p.b) for p in explained] == list(pairs[:EXPLAINED])
    for pair in explained:
        assert set(pair.blast_radius) == _oracle_radius(oracle, design, (pair.a, pair.b))
        assert set(result.entry_points) & set(pair.blast_radius)   # the system is down


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(designs)
def test_on_random_designs_each_radius_is_the_oracles(design):
    oracle = Oracle(design)
    result = analyze_structure(design)
    for pair in result.structure.cut_sets_order2_explained:
        assert set(pair.blast_radius) == _oracle_radius(oracle, design, (pair.a, pair.b))
        assert design.by_id[pair.a].name in pair.explanation
        assert design.by_id[pair.b].name in pair.explanation


@pytest.mark.parametrize("name", NAMES)
def test_each_sentence_names_both_components(name):
    design, result = _structure(name)
    for pair in result.structure.cut_sets_order2_explained:
        words = pair.explanation
        assert design.by_id[pair.a].name in words and design.by_id[pair.b].name in words


def test_multi_site_pairs_say_which_replicas_and_what_goes_down():
    _, result = _structure("multi-site")
    why = {frozenset((p.a, p.b)): p.explanation
           for p in result.structure.cut_sets_order2_explained}
    assert why[frozenset(("web-a", "web-b"))] == (
        "Web A and Web B run the only replicas of Web tier, so Proxy tier goes down")
    feeds = [w for k, w in why.items() if k <= {"feed-a", "feed-b", "proxy-a", "proxy-b"}
             and k & {"feed-a", "feed-b"}]
    assert feeds and all("Proxy tier" in w for w in feeds)


def test_json_keeps_the_bare_pairs_and_adds_the_explained_ones():
    _, result = _structure("three-tier")
    data = json.loads(json.dumps(structure_json(result.structure)))
    assert data["cut_sets_order2"] == [list(p) for p in result.cut_sets_order2]
    first = data["cut_sets_order2_explained"][0]
    assert [first["a"], first["b"]] == data["cut_sets_order2"][0]
    assert first["explanation"] and first["blast_radius"]


def test_cli_text_and_review_pdf_rows_carry_the_sentence():
    design, result = _structure("three-tier")
    pair = result.structure.cut_sets_order2_explained[0]
    assert pair.explanation in text_report(result, names_of(design.components))
    table = [b for b in pairs_section(result, lambda c: design.by_id[c].name)
             if hasattr(b, "rows")][0]
    assert table.rows[0][2] == pair.explanation


def test_problems_panel_shows_the_sentence_for_a_pair(qtbot):
    design, result = _structure("multi-site")          # 145 pairs: grouped by member
    names = names_of(design.components)
    panel = ProblemsPanel()
    qtbot.addWidget(panel)
    panel.set_result(result, names)
    pair = result.structure.cut_sets_order2_explained[1]
    head = next(r for r in panel.rows(1) if r.text(0).startswith(names[pair.a] + " + any"))
    head.setExpanded(True)
    row = next(head.child(i) for i in range(head.childCount())
               if head.child(i).text(0) == f"+ {names[pair.b]}")
    assert row.text(2) == pair.explanation
    assert row.text(1) == ", ".join(names[c] for c in pair.blast_radius)


def test_a_short_pair_list_shows_each_sentence_in_its_own_row(qtbot):
    from dataclasses import replace
    design, result = _structure("three-tier")
    part = result.structure
    few = replace(part, cut_sets_order2=part.cut_sets_order2[:5],
                  cut_sets_order2_explained=part.cut_sets_order2_explained[:5])
    panel = ProblemsPanel()
    qtbot.addWidget(panel)
    panel.set_result(replace(result, structure=few), names_of(design.components))
    assert [r.text(2) for r in panel.rows(1)] == [
        p.explanation for p in part.cut_sets_order2_explained[:5]]


def test_only_tiers_and_services_and_entries_are_in_a_radius():
    for name in NAMES:
        design, result = _structure(name)
        for pair in result.structure.cut_sets_order2_explained:
            kinds = {design.by_id[c].kind for c in pair.blast_radius}
            assert kinds <= {Kind.TIER, Kind.SERVICE, Kind.SERVER}


def test_sentences_tell_apart_components_that_share_a_name():
    """Two services are both called "app": each sentence names them by
    their servers, as the lists do, never "app and app"."""
    design, result = _structure("three-tier")
    names = names_of(design.components)
    apps = sorted(c.id for c in design.components if c.name == "app")
    assert len(apps) == 2 and len({names[a] for a in apps}) == 2
    pair = next(p for p in result.structure.cut_sets_order2_explained
                if {p.a, p.b} == set(apps))
    assert pair.explanation.startswith(f"{names[apps[0]]} and {names[apps[1]]} ")
    switch = next(s for s in result.structure.spofs if s.id == "sw-web")
    assert all(names[a] in switch.explanation for a in apps)
    assert "app and app" not in text_report(result, names)


def test_the_review_names_components_as_the_window_and_the_sentences_do():
    design, _ = _structure("three-tier")
    called = names_of(design.components)
    review = unambiguous_names(design)
    assert all(review(cid) == name for cid, name in called.items())
    assert review("app-1") == "app (Web 1)"
    # Where even the parent's name repeats, the id tells them apart.
    twins = design.model_copy(update={"components": tuple(
        c.model_copy(update={"label": "Web"}) if c.id in ("web-1", "web-2") else c
        for c in design.components)})
    assert review_names(twins, ["app-1", "app-2"]) == ["app (Web) (app-1)", "app (Web) (app-2)"]


def review_names(design, ids):
    name = unambiguous_names(design)
    return [name(cid) for cid in ids]
