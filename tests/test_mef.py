"""Open-PSA MEF fault trees: the published values of SCRAM's tests, the
`weaklink fta` command, and clear refusals of what we do not read.

The models are third-party files in ../shared/benchmarks/openpsa (next to
the repository in CI); without them those tests skip and say why."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from designer.analysis import modules
from designer.analysis.availability import analyse
from designer.analysis.mcs import cut_sets_of
from designer.analysis.mef import MefError, load_fault_tree
from designer.cli import cli
from tests.openpsa_support import OPENPSA, needs_openpsa


# (model, basic-event file, P(top), minimal cut sets by order) from SCRAM's tests.
PUBLISHED = [
    ("core/atleast.xml", None, 0.098, {2: 3}),
    ("input/Chinese/chinese.xml", "input/Chinese/chinese-basic-events.xml", 0.00456932, None),
    ("input/Baobab/baobab1.xml", "input/Baobab/baobab1-basic-events.xml", 1.2823e-6,
     {2: 1, 3: 1, 4: 70, 5: 400, 6: 2212, 7: 14748, 8: 8460, 9: 10624, 10: 6600, 11: 3072}),
    ("input/ne574/ne574.xml", None, 0.662208, None),
    ("input/Theatre/theatre.xml", None, 0.00207, None),
    ("input/TwoTrain/two_train.xml", None, 0.7225, None),
]
COUNTS = {"chinese.xml": 392, "baobab1.xml": 46188, "ne574.xml": 7}


def _files(model, events):
    return [OPENPSA / model] + ([OPENPSA / events] if events else [])


@needs_openpsa
@pytest.mark.parametrize("model,events,expected,by_order", PUBLISHED,
                         ids=[p[0].split("/")[-1] for p in PUBLISHED])
def test_published_probabilities_and_cut_sets(model, events, expected, by_order):
    tree = load_fault_tree(*_files(model, events))
    found = analyse(tree.circuit, tree.probabilities, failure_polarity=True)
    assert found.method == "exact"
    assert found.value == pytest.approx(expected, rel=1e-5)
    counts = cut_sets_of(tree.circuit).count_by_order()
    if by_order:
        assert counts == by_order
    name = model.split("/")[-1]
    if name in COUNTS:
        assert sum(counts.values()) == COUNTS[name]


@needs_openpsa
def test_fta_json_reports_probability_cut_sets_spofs_and_importance():
    result = CliRunner().invoke(cli, ["fta", str(OPENPSA / "input/ne574/ne574.xml"), "--json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.output)
    assert report["method"] == "exact"
    assert report["top_event_probability"] == pytest.approx(0.662208, rel=1e-6)
    assert report["minimal_cut_sets"] == {"count": 7, "by_order": {"1": 1, "2": 3, "3": 3}}
    assert report["spofs"] == ["C"]
    assert max(report["importance"], key=report["importance"].get) == "C"


@needs_openpsa
def test_fta_order_limit_and_separate_basic_event_file():
    runner = CliRunner()
    args = ["fta", str(OPENPSA / "input/Chinese/chinese.xml"),
            str(OPENPSA / "input/Chinese/chinese-basic-events.xml"), "--json", "--limit-order", "4"]
    report = json.loads(runner.invoke(cli, args).output)
    assert report["minimal_cut_sets"] == {"count": 36, "by_order": {"2": 12, "4": 24}}
    assert report["top_event_probability"] == pytest.approx(0.00456932, rel=1e-5)


def _write(tmp_path, body: str) -> Path:
    path = tmp_path / "tree.xml"
    path.write_text(body)
    return path


def test_exact_probability_of_a_small_tree_with_not_and_xor(tmp_path):
    path = _write(tmp_path, """<?xml version="1.0"?>
<opsa-mef><define-fault-tree name="t">
  <define-gate name="top"><or><gate name="g"/><xor><basic-event name="a"/>
    <basic-event name="b"/></xor></or></define-gate>
  <define-gate name="g"><and><not><basic-event name="a"/></not>
    <basic-event name="c"/></and></define-gate>
  <define-basic-event name="a"><float value="0.5"/></define-basic-event>
  <define-basic-event name="b"><float value="0.2"/></define-basic-event>
  <define-basic-event name="c"><float value="0.1"/></define-basic-event>
</define-fault-tree></opsa-mef>""")
    tree = load_fault_tree(path)
    # xor(a,b) = .5*.8 + .5*.2 = .5; or with (not a and c) adds P(not a, not b, c) = .5*.8*.1
    assert analyse(tree.circuit, tree.probabilities).value == pytest.approx(0.54, abs=1e-12)


@pytest.mark.parametrize("body,message", [
    ("<opsa-mef><define-fault-tree name='t'><define-gate name='top'>",
     "tree.xml:1: not well-formed XML"),
    ("""<opsa-mef><define-fault-tree name="t">
<define-gate name="top"><or><basic-event name="a"/><basic-event name="b"/></or></define-gate>
<define-basic-event name="a"><float value="0.1"/></define-basic-event>
<define-basic-event name="b"><periodic-test><float value="1"/></periodic-test></define-basic-event>
</define-fault-tree></opsa-mef>""", "tree.xml:4: the expression <periodic-test> is not supported"),
    ("""<opsa-mef><define-fault-tree name="t">
<define-gate name="top"><or><basic-event name="a"/><basic-event name="zz"/></or></define-gate>
<define-basic-event name="a"><float value="0.1"/></define-basic-event>
</define-fault-tree></opsa-mef>""", "tree.xml:2: basic-event 'zz' is used but never defined"),
    ("""<opsa-mef><define-fault-tree name="t">
<define-gate name="top"><or><gate name="g"/><basic-event name="a"/></or></define-gate>
<define-gate name="g"><and><gate name="top"/><basic-event name="a"/></and></define-gate>
<define-basic-event name="a"><float value="0.1"/></define-basic-event>
</define-fault-tree></opsa-mef>""", "expected one top gate, found 0"),
    ("""<opsa-mef><define-fault-tree name="t">
<define-gate name="top"><imply><basic-event name="a"/><basic-event name="a"/></imply></define-gate>
<define-basic-event name="a"><float value="0.1"/></define-basic-event>
</define-fault-tree></opsa-mef>""", "tree.xml:2: <imply> is not a supported gate formula"),
])
def test_bad_input_is_refused_with_file_and_line_never_a_traceback(tmp_path, body, message):
    path = _write(tmp_path, body)
    with pytest.raises(MefError, match=message.replace("(", r"\(")):
        load_fault_tree(path)
    result = CliRunner().invoke(cli, ["fta", str(path)])
    assert result.exit_code == 2
    assert message in result.output
    assert "Traceback" not in result.output


def test_exponential_basic_event_uses_the_mission_time(tmp_path):
    path = _write(tmp_path, """<opsa-mef><define-fault-tree name="t">
<define-gate name="top"><and><basic-event name="a"/><basic-event name="b"/></and></define-gate>
<define-basic-event name="a"><exponential><float value="1e-4"/><system-mission-time/>
</exponential></define-basic-event>
<define-basic-event name="b"><float value="0.5"/></define-basic-event>
</define-fault-tree><model-data><system-mission-time><float value="1000"/></system-mission-time>
</model-data></opsa-mef>""")
    tree = load_fault_tree(path)
    import math
    assert tree.probabilities["a"] == pytest.approx(1 - math.exp(-0.1))


# Aralia trees quick enough for the test suite (the rest are in benchmarks/).
QUICK_ARALIA = ["baobab2", "chinese", "das9201", "das9202", "das9203", "das9204", "das9205",
                "das9206", "das9208", "das9209", "edf9201", "edf9205", "edf9206", "elf9601",
                "ftr10", "isp9601", "isp9602", "isp9603", "isp9604", "isp9605", "isp9606",
                "isp9607", "das9601"]


@needs_openpsa
@pytest.mark.parametrize("name", QUICK_ARALIA)
def test_aralia_modules_and_preprocessing_agree_with_one_plain_bdd(name):
    """Two code paths: simplified circuit solved module by module, and the
    untouched tree in one BDD (the one cut sets use)."""
    from designer.analysis import bdd
    tree = load_fault_tree(OPENPSA / "input" / "Aralia" / f"{name}.xml")
    c = tree.circuit
    order = bdd.leaf_order(c, c.top)
    leaf_of = {i: c.nodes[i].name for i in order}
    manager = bdd.Manager([leaf_of[i] for i in order])
    flat = bdd.flatten(bdd.build(c, manager, c.top, leaf_of), manager)
    P, Q = bdd.probability(flat, [tree.probabilities[leaf] for leaf in manager.leaves])
    plain = bdd.edge_value(flat.root, P, Q)[0]
    assert analyse(c, tree.probabilities, failure_polarity=True).value == pytest.approx(plain, rel=1e-12)
    # Common arguments factored (factoring.py, fta's path for trees with NOT).
    factored = modules.solve(c, tree.probabilities, factor=True)
    assert factored.p_top == pytest.approx(plain, rel=1e-12)
