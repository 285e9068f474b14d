"""`weaklink fta`'s text and JSON come from one frozen FaultTreeResult
(analysis/fta_result.py) through the report layer (report/fault_tree.py):
the same figures in both, each beside what it rests on."""
from __future__ import annotations

import dataclasses
import json
import pickle

import pytest
from click.testing import CliRunner

from designer.analysis.fta_result import CutSetFigures, FaultTreeResult
from designer.analysis.result import FrozenMap
from designer.cli import cli
from designer.report.fault_tree import fault_tree_json, fault_tree_text

BOUNDED = FaultTreeResult(
    top_event="TOP", probability=2.5e-4, method="bounded", events=40,
    bounds=(2.4999999999e-4, 2.5000000001e-4),
    cut_sets=CutSetFigures(count=12, by_order=FrozenMap({1: 2, 2: 10}), spofs=("pump", "valve"),
                           truncated=(2, 3.2e-9)),
    birnbaum=FrozenMap({"pump": 0.5, "valve": 0.25, "never": float("nan")}))


def test_bounded_figures_read_the_same_in_the_json_and_the_text():
    data = fault_tree_json(BOUNDED)
    text = fault_tree_text("model.xml", BOUNDED)
    assert data["method"] == "bounded" and data["bounds"] == list(BOUNDED.bounds)
    assert "P(top) = 0.00025 (bounded)" in text
    assert "certified bounds: 0.00024999999999 .. 0.00025000000001" in text
    assert data["minimal_cut_sets"] == {"count": 12, "by_order": {"1": 2, "2": 10}}
    assert "Minimal cut sets: 12 (order 1: 2, order 2: 10)" in text
    assert data["mcs_truncated"] == {"order_limit": 2, "max_dropped_probability": 3.2e-9}
    assert "(up to order 2: the cut sets left out carry at most P = 3.2e-09)" in text
    assert data["spofs"] == ["pump", "valve"]
    assert "Single points of failure: pump, valve" in text
    # Most important first; an undefined importance is not listed as a figure.
    assert text.index("pump: 0.5") < text.index("valve: 0.25") and "never" not in text
    assert "confidence_interval" not in data and "confidence interval" not in text


def test_without_cut_sets_both_outputs_say_why():
    result = dataclasses.replace(BOUNDED, cut_sets=None, cut_sets_missing="too many nodes")
    data = fault_tree_json(result)
    assert (data["minimal_cut_sets"], data["spofs"]) == (None, None)
    assert data["note"] == "minimal cut sets not computed: too many nodes"
    assert data["note"] in fault_tree_text("model.xml", result).splitlines()


def test_the_result_cannot_change_once_made_and_crosses_processes_whole():
    """The CLI computes it in a child process and prints it in the parent."""
    with pytest.raises(dataclasses.FrozenInstanceError):
        BOUNDED.probability = 0.0
    with pytest.raises(TypeError):
        BOUNDED.birnbaum["pump"] = 1.0
    again = pickle.loads(pickle.dumps(BOUNDED))
    assert fault_tree_text("m", again) == fault_tree_text("m", BOUNDED)


def test_fta_prints_what_the_report_layer_words(tmp_path):
    """End to end: a small tree through the CLI, text and JSON."""
    model = tmp_path / "tiny.xml"
    model.write_text("""<?xml version="1.0"?>
<opsa-mef><define-fault-tree name="tiny">
  <define-gate name="top"><or><basic-event name="a"/><gate name="both"/></or></define-gate>
  <define-gate name="both"><and><basic-event name="b"/><basic-event name="c"/></and></define-gate>
  <define-basic-event name="a"><float value="0.1"/></define-basic-event>
  <define-basic-event name="b"><float value="0.2"/></define-basic-event>
  <define-basic-event name="c"><float value="0.5"/></define-basic-event>
</define-fault-tree></opsa-mef>""")
    data = json.loads(CliRunner().invoke(cli, ["fta", "--json", str(model)]).stdout)
    assert data["top_event_probability"] == pytest.approx(1 - 0.9 * (1 - 0.2 * 0.5))
    assert data["method"] == "exact" and data["spofs"] == ["a"]
    assert data["minimal_cut_sets"] == {"count": 2, "by_order": {"1": 1, "2": 1}}
    text = CliRunner().invoke(cli, ["fta", str(model)]).stdout
    assert f"P(top) = {data['top_event_probability']:.6g} (exact)" in text
    assert "Single points of failure: a" in text
