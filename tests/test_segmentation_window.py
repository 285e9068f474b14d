"""Segmentation findings in the window: the Problems groups by severity, the
zone border and firewall marked on the canvas, the path drawn for the
current finding, the status bar count, the reachability matrix with a
cell's evidence, and accepting a finding as one undoable edit."""
from __future__ import annotations

from datetime import date

from designer.panels.findings_rows import FINDING

from .live_support import close_window, open_window
from .segmentation_support import prepend_rules, three_tier


def any_any_design():
    return prepend_rules(three_tier(), "fw-db", {"protocol": "any"})


def finding_rows(window):
    tree = window.problems.tree
    groups = {}
    for i in range(tree.topLevelItemCount()):
        group = tree.topLevelItem(i)
        rows = [group.child(j) for j in range(group.childCount())
                if group.child(j).data(0, FINDING)]
        if rows:
            groups[group.text(0)] = rows
    return groups


def wait_findings(qtbot, live):
    qtbot.waitUntil(lambda: live.findings.result is not None, timeout=20000)
    return live.findings


def test_findings_are_listed_marked_counted_and_in_the_matrix(qtbot, tmp_path):
    window, live = open_window(qtbot, tmp_path, any_any_design())
    try:
        view = wait_findings(qtbot, live)
        groups = finding_rows(window)
        assert "High findings (1)" in groups
        (row,) = groups["High findings (1)"]
        assert row.data(0, FINDING) == "any-any-rule@fw-db#1"
        assert "rule 1 of Database firewall allows any source" in row.text(0)
        # The any-any rule also lets the database host reach the web tier, and
        # makes the old rule 2 redundant.
        assert view.marks.marked == {"fw-db": "high", "seg-web": "medium"}
        assert view.count.text() == "4 findings (1 high, 2 medium, 1 low)"
        window.problems.tree.setCurrentItem(row)
        assert view.marks.path_ids == []           # a rule finding has no path
        # The matrix: the Internet reaches nginx, a click explains it hop by hop.
        table = view.matrix.table
        zones = [table.verticalHeaderItem(r).text() for r in range(table.rowCount())]
        heads = [table.horizontalHeaderItem(c).text() for c in range(table.columnCount())]
        r, c = zones.index("Internet"), heads.index("nginx\n:443")
        assert table.item(r, c).text() == "open"
        view.matrix.explain(r, c)
        assert "Edge firewall: allow by rule 1 (HTTPS to the proxy)" in view.matrix.detail.text()
        assert view.marks.path_ids[0] == "internet" and view.marks.path_ids[-1] == "proxy-1"
    finally:
        close_window(window, live)


def test_the_path_of_a_flow_finding_is_drawn_when_selected(qtbot, tmp_path):
    design = three_tier()
    for fw in ("fw-edge", "fw-web", "fw-db"):
        design = prepend_rules(design, fw, {"destination": "postgres-1", "port": 5432})
    window, live = open_window(qtbot, tmp_path, design)
    try:
        view = wait_findings(qtbot, live)
        (row,) = finding_rows(window)["Critical findings (1)"]
        window.problems.tree.setCurrentItem(row)
        assert view.marks.path_ids[:3] == ["internet", "uplink-a", "fw-edge"]
        assert view.marks.path_ids[-1] == "db-1"
        assert {"fw-edge", "fw-web", "fw-db", "seg-db"} <= set(view.marks.marked)
    finally:
        close_window(window, live)


def test_accepting_a_finding_is_one_undoable_edit(qtbot, tmp_path):
    window, live = open_window(qtbot, tmp_path, any_any_design())
    try:
        view = wait_findings(qtbot, live)
        first = view.result
        view.accept("any-any-rule@fw-db#1", "lab window", "net team", date(2099, 1, 1))
        assert window.document.snapshot().accepted[0].owner == "net team"
        qtbot.waitUntil(lambda: view.result is not first, timeout=20000)
        assert [f.id for f in view.result.findings if f.accepted] == ["any-any-rule@fw-db#1"]
        assert "Accepted findings (1)" in finding_rows(window)
        assert view.count.text() == "3 findings (2 medium, 1 low)"
        assert view.marks.marked == {"fw-db": "medium", "seg-web": "medium"}
        window.document.undo_stack.undo()
        assert window.document.snapshot().accepted == ()
        qtbot.waitUntil(lambda: len(view.result.open_findings()) == 4, timeout=20000)
    finally:
        close_window(window, live)


def test_the_rules_table_edits_a_port_range_and_names_tiers(qtbot):
    from designer.model import FirewallRule
    from designer.panels.rules_table import COLUMNS, RulesTable
    table = RulesTable(lambda: [("DMZ", "seg-dmz"), ("Web tier (Tier)", "tier-web")])
    qtbot.addWidget(table)
    table.show_rules([FirewallRule(source="tier-web", port=22)])
    assert table.table.item(0, 0).text() == "Web tier (Tier)"
    committed = []
    table.commit.connect(committed.append)
    table.table.item(0, COLUMNS.index("port")).setText("5985-5986")
    assert committed[-1][0]["port"] == 5985 and committed[-1][0]["port_end"] == 5986
    table.show_rules([FirewallRule(**committed[-1][0])])
    assert table.table.item(0, COLUMNS.index("port")).text() == "5985-5986"
    table.table.item(0, COLUMNS.index("port")).setText("22")
    assert committed[-1][0]["port"] == 22 and committed[-1][0]["port_end"] is None


def test_the_accept_dialog_needs_a_justification_and_an_owner(qtbot):
    from datetime import date as day

    from PySide6.QtCore import QDate
    from PySide6.QtWidgets import QDialogButtonBox

    from designer.panels.accept_dialog import AcceptDialog
    dialog = AcceptDialog("Allow rule from any source to any destination", "rule 1 ...")
    qtbot.addWidget(dialog)
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert not ok.isEnabled()
    dialog.justification.setPlainText("lab window")
    assert not ok.isEnabled()
    dialog.owner.setText("net team")
    assert ok.isEnabled()
    assert dialog.values() == ("lab window", "net team", None)
    dialog.expires_on.setChecked(True)
    dialog.expires.setDate(QDate(2027, 3, 31))
    assert dialog.values()[2] == day(2027, 3, 31)


def test_findings_survive_a_palette_change(qtbot, tmp_path):
    from designer.look import style
    window, live = open_window(qtbot, tmp_path, any_any_design())
    try:
        wait_findings(qtbot, live)
        style.set_dark(True)
        assert "High findings (1)" in finding_rows(window)
    finally:
        style.set_dark(False)
        close_window(window, live)


def test_a_spof_firewall_finding_offers_the_second_firewall_as_one_edit(qtbot, tmp_path):
    from .segmentation_support import recable
    design = recable(three_tier(), "net-sw-db-fw-db", target="fw-edge")
    window, live = open_window(qtbot, tmp_path, design)
    try:
        view = wait_findings(qtbot, live)
        (finding,) = [f for f in view.result.findings if f.check == "spof-sole-firewall"]
        fixes = view.fixes(finding)            # the second firewall, then a new segment
        assert [f.action for f in fixes] == ["second-firewall", "new-segment"]
        fix = fixes[0]
        assert fix.description.startswith("Add ") and "beside Edge firewall" in fix.description
        before = len(window.document.components())
        window.document.apply_patch(fix.patch)
        assert len(window.document.components()) > before
        qtbot.waitUntil(lambda: not any(f.check == "spof-sole-firewall"
                                        for f in view.result.findings), timeout=20000)
        window.document.undo_stack.undo()
        assert len(window.document.components()) == before
    finally:
        close_window(window, live)
