"""Security fixes that cost something (issue 12 item 6): the segmentation
findings' remedies priced like the planner's candidates, each checked by
applying it and analysing again; listed by `analyze --mitigations --json`
and in the cost panel, applied as one undoable edit."""
from __future__ import annotations

import json
from dataclasses import replace

import pytest
from click.testing import CliRunner

from designer.analysis.availability import design_availability
from designer.analysis.mitigation.security import security_fixes
from designer.analysis.segmentation import analyze_segmentation
from designer.document import Document
from designer.io import save_design
from designer.model.naming import unambiguous_names
from designer.model.patch import apply_patch

from .schema_support import validator_for
from .segmentation_support import ROOT, edit, recable, three_tier

TOO_FEW = "too-few-layers@postgres-1"
SOLE_FW = "spof-sole-firewall@fw-edge>postgres-1"


@pytest.fixture(scope="module")
def moved():
    """The three-tier example with its database server moved into the DMZ."""
    design = edit(three_tier(), "db-1", segment="seg-dmz")
    return recable(design, "net-sw-db-db-1-nic1", source="sw-dmz")


@pytest.fixture(scope="module")
def fixes(moved):
    return security_fixes(moved)


def open_ids(design) -> set[str]:
    return {f.id for f in analyze_segmentation(design).open_findings()}


def test_the_database_in_the_dmz_lists_a_new_segment_that_resolves_it(moved, fixes):
    assert TOO_FEW in open_ids(moved)
    first = fixes.fixes[0]
    assert first.action == "new_segment" and first.severity == "critical"
    assert TOO_FEW in first.findings and not first.estimate
    assert first.cost.capex > 0 and first.cost.horizon_total > first.cost.capex
    edited = apply_patch(moved, first.candidate.patch)
    after = open_ids(edited)
    assert TOO_FEW not in after and SOLE_FW not in after
    assert set(first.resolves) == open_ids(moved) - after
    # Availability after comes from analysing the edited design: a new
    # firewall and switch in front of the database lower it a little.
    assert first.after.availability == design_availability(edited).value
    assert first.after.availability < first.before.availability


def test_the_second_firewall_is_the_planners_candidate_and_raises_availability(moved, fixes):
    (pair,) = [f for f in fixes.fixes if f.action == "ha_pair"]
    assert pair.subject == "fw-edge" and pair.findings == (SOLE_FW,)
    assert pair.candidate.action == "second-firewall"
    edited = apply_patch(moved, pair.candidate.patch)
    assert SOLE_FW not in open_ids(edited) and SOLE_FW in pair.resolves
    assert pair.changes_availability and pair.after.availability > pair.before.availability


def test_applying_a_fix_through_the_document_is_one_undoable_edit(qapp, moved, fixes):
    doc = Document(moved)
    before = doc.snapshot()
    doc.apply_patch(fixes.fixes[0].candidate.patch)
    assert TOO_FEW not in open_ids(doc.snapshot())
    assert doc.snapshot() == apply_patch(moved, fixes.fixes[0].candidate.patch)
    doc.undo_stack.undo()
    assert doc.snapshot() == before


def test_a_zone_wide_new_segment_is_an_estimate_and_says_so(fixes):
    from designer.report.security import row
    from .segmentation_support import add_cable
    joined = security_fixes(add_cable(three_tier(), "sw-web", "sw-db"))
    (fix,) = [f for f in joined.fixes if f.action == "new_segment"]
    assert fix.estimate and fix.candidate is None and fix.after is None
    assert fix.cost.capex > 0
    cells = row(fix, "EUR")
    assert "no edit drawn" in cells[1] and "(estimate)" in cells[2]


def test_the_clean_example_needs_no_costed_fix():
    assert security_fixes(three_tier()).fixes == ()


def test_analyze_mitigations_json_lists_the_fixes(tmp_path, moved):
    from designer.cli import cli
    path = tmp_path / "moved.weaklink.json"
    save_design(moved, path)
    out = CliRunner().invoke(cli, ["analyze", str(path), "--mitigations", "--json",
                                    "--max-steps", "2"])
    assert out.exit_code == 0, out.output
    data = json.loads(out.output)
    first = data["security_fixes"][0]
    assert first["action"] == "new_segment" and first["edit"] and not first["estimate"]
    assert TOO_FEW in first["resolves"] and first["cost"]["capex"] > 0
    assert first["availability_after"] < first["availability_before"]
    assert "security fix" in data["security_fixes_summary"]
    validator_for(ROOT / "docs" / "analysis.schema.json").validate(data)


def test_the_cost_panel_lists_and_applies_a_fix(qtbot, moved):
    from designer.analysis.mitigation import make_plan
    from designer.canvas import CanvasView
    from designer.panels.cost_panel import CostPanel
    plan = make_plan(moved, step_limit=2)
    plan.security, plan.designs = security_fixes(moved), []
    doc = Document(moved)
    view = CanvasView(doc)
    panel = CostPanel(doc, view.scene())
    qtbot.addWidget(view)
    qtbot.addWidget(panel)
    panel._planned_for = doc.snapshot()
    panel.show()
    panel.worker.cancel()
    panel._planned(plan)
    table = panel.security.table
    assert table.rowCount() == len(plan.security.fixes) and panel.security.isVisible()
    assert "New segment" in table.item(0, 0).text() or "Critical" in table.item(0, 0).text()
    assert "Security fixes:" in panel.summary.text()
    # Findings and the SPOFs a step removes read as the rest of the window
    # reads, by name ("PostgreSQL"), not as ids ("too-few-layers@postgres-1").
    row_text = [table.item(0, c).text() for c in range(table.columnCount())]
    assert "@" not in " ".join(row_text) and "PostgreSQL" in row_text[0]
    names = unambiguous_names(moved)
    removed = [panel.table.item(r, 2).text() for r in range(panel.table.rowCount())]
    assert removed == [", ".join(map(names, step.removes)) or "-" for step in plan.steps]
    assert any(step.removes for step in plan.steps)
    assert not any(cid in text.split(", ") for step, text in zip(plan.steps, removed)
                   for cid in step.removes if names(cid) != cid)
    table.selectRow(0)
    assert panel.security.apply_button.isEnabled()
    before = doc.snapshot()
    panel.security.apply_button.click()
    assert TOO_FEW not in open_ids(doc.snapshot())
    doc.undo_stack.undo()
    assert doc.snapshot() == before
    # With nothing to fix the list gives its room back to the plan's table.
    panel.security.show_fixes(replace(plan.security, fixes=()), "EUR")
    assert not panel.security.isVisible()
    panel.shutdown()


def test_a_finding_reads_by_name_and_a_fix_resolving_its_own_findings_says_so(moved, fixes):
    """The rows of the panel, the report and `analyze --mitigations` word
    a finding by its check and the names in its subject; a fix that
    resolves exactly its row's findings says "its N findings" rather than
    repeating them."""
    from designer.report import security as S
    names = unambiguous_names(moved)
    assert S.finding_words(TOO_FEW, names) == (
        f"{S.check_title(TOO_FEW)}: {names('postgres-1')}")
    assert S.finding_words(SOLE_FW, names) == (
        f"{S.check_title(SOLE_FW)}: {names('fw-edge')} > {names('postgres-1')}")
    assert S.finding_words("internet-reaches-data-store@postgres-1:5432", names).endswith(
        f": {names('postgres-1')}, port 5432")
    for fix in fixes.fixes:
        resolves = S.resolves_text(fix, names)
        if fix.estimate or not fix.resolves:
            continue
        if set(fix.resolves) == set(fix.findings):
            assert resolves.startswith("its ")
        else:
            assert all(S.check_title(f) in resolves for f in fix.resolves)
        assert "@" not in resolves
