"""The plan on the examples: every step's availability (from the engine's
incremental re-analysis) is what `weaklink analyze` (the full analysis)
reports on the file `weaklink apply --steps N` writes; on the
monolith every SPOF goes, availability rises at every step and the gain per
unit of cost falls; on multi-site (no SPOF) the plan still improves it."""
from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from designer.analysis.availability import design_availability
from designer.analysis.engine import analyze
from designer.analysis.mitigation import make_plan
from designer.analysis.mitigation.candidates import generate, weak_targets
from designer.analysis.mitigation.evaluate import Analyser
from designer.analysis.mitigation.weak import weak_points
from designer.cli import cli
from designer.io import load_design, save_design
from designer.model.patch import apply_patch

EXAMPLES = ["monolith", "three-tier", "duplicated-services", "multi-site"]
EXACT = 1e-12
BOUNDED_TOLERANCE = 1e-9


def _path(name: str) -> str:
    return f"examples/{name}.weaklink.json"


@pytest.fixture(scope="module")
def plans():
    return {name: make_plan(load_design(_path(name))) for name in EXAMPLES}


@pytest.mark.parametrize("name", EXAMPLES)
def test_each_step_equals_analysing_the_written_design(plans, name, tmp_path):
    plan = plans[name]
    assert plan.steps
    for step, design in zip(plan.steps, plan.designs):
        out = tmp_path / f"step{step.number}.weaklink.json"
        save_design(design, out)
        reread = analyze(load_design(out)).availability
        # The plan's figures come from the incremental re-analysis; `analyze`
        # runs the full one. Exact figures agree to 1e-12, certified bounds
        # to their tolerance, a (seeded) Monte Carlo figure to the last digit.
        assert reread.method == step.after.method
        allowed = BOUNDED_TOLERANCE if reread.method == "bounded" else EXACT
        assert abs(reread.value - step.after.availability) <= allowed


@pytest.mark.parametrize("name", EXAMPLES)
def test_weaklink_apply_writes_the_plan_and_analyze_agrees(plans, name, tmp_path):
    plan = plans[name]
    n = min(3, len(plan.steps))
    out = tmp_path / "applied.weaklink.json"
    runner = CliRunner()
    done = runner.invoke(cli, ["apply", _path(name), "--steps", str(n), "-o", str(out)])
    assert done.exit_code == 0, done.output
    report = runner.invoke(cli, ["analyze", str(out), "--json"])
    figure = json.loads(report.stdout)["availability"]
    after = plan.steps[n - 1].after
    allowed = BOUNDED_TOLERANCE if after.method == "bounded" else EXACT
    assert abs(figure - after.availability) <= allowed


def test_analyze_mitigations_json_lists_the_steps(plans):
    plan = plans["monolith"]
    done = CliRunner().invoke(cli, ["analyze", _path("monolith"), "--json", "--mitigations",
                                    "--max-steps", "3"])
    data = json.loads(done.stdout)
    assert [m["step"] for m in data["mitigations"]] == [1, 2, 3]
    for row, step in zip(data["mitigations"], plan.steps):
        assert row["availability_after"] == step.after.availability
        assert set(row) == {"step", "action", "description", "targets", "removes",
                            "cost_delta", "availability_after", "downtime_minutes_saved"}
        assert set(row["cost_delta"]) == {"capex", "opex_monthly", "horizon_total"}
    assert "break_even_step" in data and "knee_step" in data


def test_on_the_monolith_every_spof_goes_and_each_step_pays_less(plans):
    plan = plans["monolith"]
    assert weak_points(plan.design).spofs
    assert weak_points(plan.designs[-1]).spofs == ()
    before = plan.start.availability
    for step in plan.steps:
        assert step.after.availability > before
        before = step.after.availability
    per_cost = [s.minutes_saved / s.cost.horizon_total for s in plan.steps]
    rises = sum(b > a for a, b in zip(per_cost, per_cost[1:]))
    assert rises <= len(per_cost) // 4, per_cost


def test_on_multi_site_without_spofs_the_plan_still_finds_what_to_improve(plans):
    plan = plans["multi-site"]
    assert weak_points(plan.design).spofs == ()
    assert plan.steps and plan.steps[0].minutes_saved > 0
    assert plan.steps[0].removes, "the first step takes members out of order-2 cut sets"


def test_apply_refuses_a_bad_file_with_one_line(tmp_path):
    bad = tmp_path / "bad.weaklink.json"
    bad.write_text("{", encoding="utf-8")
    done = CliRunner().invoke(cli, ["apply", str(bad), "--steps", "1", "-o",
                                    str(tmp_path / "out.json")])
    assert done.exit_code == 2 and "Traceback" not in done.output
    assert str(bad) in done.output


@pytest.mark.parametrize("name", ["monolith", "multi-site"])
def test_incremental_figures_equal_the_full_analysis_for_every_candidate(name):
    design = load_design(_path(name))
    weak = weak_points(design)
    analyser = Analyser(design)
    for candidate in generate(design, weak_targets(design, weak, analyser.base_importance),
                              spofs=weak.spofs):
        edited = apply_patch(design, candidate.patch)
        incremental, _ = analyser.figures(edited)
        full = design_availability(edited)
        assert incremental.method == full.method
        assert abs(incremental.availability - full.value) <= EXACT


def test_a_design_that_is_down_with_nothing_failed_gets_no_plan_but_a_reason():
    from designer.model import Component, Design, Kind
    from designer.report.plan import summary
    design = Design(components=(       # a quorum of 2 with one member: never up
        Component(id="site", kind=Kind.SITE),
        Component(id="srv", kind=Kind.SERVER, parent="site"),
        Component(id="tier", kind=Kind.TIER, quorum=2, entry=True),
        Component(id="web", kind=Kind.SERVICE, parent="srv", tier="tier")))
    assert not weak_points(design).system_up
    plan = make_plan(design)
    assert plan.steps == [] and "down with nothing failed" in summary(plan)
