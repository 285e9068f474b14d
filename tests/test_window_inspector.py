"""The inspector edits the selection through the document: each edit one
undo step, refusals shown and reverted, the clean flag honest."""
from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from designer.document import Document
from designer.io import load_design
from designer.panels.inspector import Inspector
from designer.panels.reliability import MTBF
from tests.window_helpers import THREE_TIER


@pytest.fixture
def inspector(qtbot):
    doc = Document(load_design(THREE_TIER))
    panel = Inspector(doc)
    qtbot.addWidget(panel)
    panel.resize(360, 900)
    panel.show()
    return panel


def _type(qtbot, field, text: str) -> None:
    field.setFocus()
    field.selectAll()
    qtbot.keyClicks(field, text)
    qtbot.keyClick(field, Qt.Key.Key_Return)


def test_label_edit_is_one_undo_step_and_undo_shows_the_old_label(qtbot, inspector):
    doc = inspector.document
    inspector.show_selection(["web-1"])
    label = inspector.form.fields["label"]
    assert label.text() == "Web 1"
    _type(qtbot, label, "Web front 1")
    assert doc.component("web-1").label == "Web front 1"
    assert doc.undo_stack.count() == 1 and not doc.is_clean()
    assert "Web 1" in doc.undo_stack.undoText() or "label" in doc.undo_stack.undoText()
    doc.undo_stack.undo()
    assert label.text() == "Web 1" and doc.is_clean()
    doc.undo_stack.redo()
    assert label.text() == "Web front 1" and not doc.is_clean()


def test_a_refused_availability_shows_the_reason_and_the_field_reverts(qtbot, inspector):
    doc = inspector.document
    inspector.show_selection(["web-1"])
    rel = inspector.form.reliability
    rel.mode.setCurrentIndex(rel.mode.findData("availability"))
    rel.mode.activated.emit(rel.mode.currentIndex())
    _type(qtbot, rel.availability, "150")
    assert doc.component("web-1").availability is None
    assert doc.undo_stack.count() == 0
    assert inspector.banner.isVisible()
    assert "percentage above 0 and at most 100" in inspector.error_text
    assert rel.availability.text() == ""
    _type(qtbot, rel.availability, "99.95")
    assert doc.component("web-1").availability == pytest.approx(0.9995)
    assert not inspector.banner.isVisible()


def test_mtbf_and_mttr_commit_together_as_one_step(qtbot, inspector):
    doc = inspector.document
    inspector.show_selection(["db-1"])
    rel = inspector.form.reliability
    rel.mode.setCurrentIndex(rel.mode.findData(MTBF))
    rel.mode.activated.emit(rel.mode.currentIndex())
    _type(qtbot, rel.mtbf, "50000")
    assert doc.undo_stack.count() == 0 and "MTTR" in rel.hint.text()
    _type(qtbot, rel.mttr, "8")
    comp = doc.component("db-1")
    assert (comp.mtbf_hours, comp.mttr_hours, comp.availability) == (50000, 8, None)
    assert doc.undo_stack.count() == 1
    assert "99.98" in rel.hint.text()


def test_a_service_joins_a_tier_from_the_combo_of_existing_tiers(qtbot, inspector):
    doc = inspector.document
    inspector.show_selection(["nginx-1"])
    tier = inspector.form.fields["tier"]
    assert [tier.itemText(i) for i in range(tier.count())] == ["None", "Web tier"]
    tier.setCurrentIndex(1)
    tier.activated.emit(1)
    assert doc.component("nginx-1").tier == "tier-web"
    doc.undo_stack.undo()
    assert doc.component("nginx-1").tier is None and tier.currentText() == "None"


def test_a_negative_cost_is_refused_by_the_model_and_named(qtbot, inspector):
    doc = inspector.document
    inspector.show_selection(["web-1"])
    capex = inspector.form.fields["capex"]
    _type(qtbot, capex, "-5")
    assert "purchase cost" in inspector.error_text
    assert "greater than or equal to 0" in inspector.error_text
    assert capex.text() == "" and doc.undo_stack.count() == 0
    _type(qtbot, capex, "4,500")
    assert doc.component("web-1").capex == 4500 and capex.text() == "4500"


def test_bad_ports_are_refused_with_a_message(qtbot, inspector):
    doc = inspector.document
    inspector.show_selection(["nginx-1"])
    ports = inspector.form.fields["ports"]
    _type(qtbot, ports, "80, http")
    assert "http" in inspector.error_text and ports.text() == "80, 443"
    _type(qtbot, ports, "443, 70000")
    assert "70000" in inspector.error_text and ports.text() == "80, 443"
    assert doc.component("nginx-1").ports == (80, 443) and doc.undo_stack.count() == 0


def test_firewall_rules_add_edit_move_remove_each_one_undo_step(qtbot, inspector):
    doc = inspector.document
    inspector.show_selection(["fw-edge"])
    rules = inspector.form.fields["rules"]
    start = doc.component("fw-edge").rules
    assert rules.table.rowCount() == len(start) == 2
    rules.table.selectRow(1)
    qtbot.mouseClick(rules.buttons["add"], Qt.MouseButton.LeftButton)
    assert len(doc.component("fw-edge").rules) == 3 and rules.table.rowCount() == 3
    rules.table.item(2, 3).setText("22")                       # the port column
    assert doc.component("fw-edge").rules[2].port == 22
    rules.table.selectRow(2)
    qtbot.mouseClick(rules.buttons["up"], Qt.MouseButton.LeftButton)
    assert doc.component("fw-edge").rules[1].port == 22
    rules.table.selectRow(0)
    qtbot.mouseClick(rules.buttons["remove"], Qt.MouseButton.LeftButton)
    assert [r.port for r in doc.component("fw-edge").rules] == [22, 80]
    assert doc.undo_stack.count() == 4
    for _ in range(4):
        doc.undo_stack.undo()
    assert doc.component("fw-edge").rules == start and rules.table.rowCount() == 2
    assert doc.is_clean()


def test_a_rule_port_that_is_not_a_number_is_refused(qtbot, inspector):
    doc = inspector.document
    inspector.show_selection(["fw-edge"])
    rules = inspector.form.fields["rules"]
    rules.table.item(0, 3).setText("https")
    assert "https" in inspector.error_text
    assert rules.table.item(0, 3).text() == "443" and doc.undo_stack.count() == 0


def test_nothing_selected_edits_the_design_settings(qtbot, inspector):
    doc = inspector.document
    inspector.show_selection([])
    name = inspector.form.fields["name"]
    assert name.text() == "Three-tier"
    assert inspector.form.summary.text().startswith("40 components, 29 links")
    assert "3 × Firewall" in inspector.form.summary.text()
    _type(qtbot, name, "Shop, production")
    assert doc.settings.name == "Shop, production"
    _type(qtbot, inspector.form.fields["horizon_months"], "0")
    assert doc.settings.horizon_months == 36 and inspector.banner.isVisible()
    doc.undo_stack.undo()
    assert doc.settings.name == "Three-tier" and name.text() == "Three-tier"


def test_the_bounds_tolerance_is_a_setting_with_undo_and_a_range(qtbot, inspector):
    doc = inspector.document
    inspector.show_selection([])
    field = inspector.form.fields["bounds_tolerance"]
    assert doc.settings.bounds_tolerance == 1e-9
    _type(qtbot, field, "1e-7")
    assert doc.settings.bounds_tolerance == 1e-7
    _type(qtbot, field, "0.5")
    assert doc.settings.bounds_tolerance == 1e-7 and inspector.banner.isVisible()
    assert "0.001" in inspector.banner.text()
    field.setFocus()
    field.selectAll()
    qtbot.keyClick(field, Qt.Key.Key_Delete)        # emptied: back to the default
    qtbot.keyClick(field, Qt.Key.Key_Return)
    assert doc.settings.bounds_tolerance == 1e-9
    doc.undo_stack.undo()
    assert doc.settings.bounds_tolerance == 1e-7
    doc.undo_stack.undo()
    assert doc.settings.bounds_tolerance == 1e-9


def test_a_selected_component_that_is_deleted_leaves_the_settings(qtbot, inspector):
    doc = inspector.document
    inspector.show_selection(["note-1"])
    assert "text" in inspector.form.fields
    doc.delete(["note-1"])
    assert inspector.ids == [] and "horizon_months" in inspector.form.fields


def test_several_components_share_one_edit_and_one_undo_step(qtbot, inspector):
    doc = inspector.document
    doc.update("web-1", capex=900)
    doc.undo_stack.setClean()
    inspector.show_selection(["web-1", "web-2", "db-1"])
    form = inspector.form
    assert "3 components selected" in form.heading.text()
    capex = form.fields["capex"]
    assert capex.text() == "" and capex.placeholderText() == "— mixed —"
    assert "label" not in form.fields and "raid" in form.fields
    _type(qtbot, form.fields["availability"], "99.9")
    assert [doc.component(c).availability for c in ("web-1", "web-2", "db-1")] == \
        [pytest.approx(0.999)] * 3
    assert doc.undo_stack.count() == 2
    _type(qtbot, form.fields["capex"], "1200")
    assert {doc.component(c).capex for c in ("web-1", "web-2", "db-1")} == {1200}
    doc.undo_stack.undo()
    doc.undo_stack.undo()
    assert doc.is_clean() and doc.component("web-1").capex == 900
    assert form.fields["capex"].text() == ""


def test_mixed_tiers_show_mixed_and_one_pick_sets_them_all(qtbot, inspector):
    doc = inspector.document
    inspector.show_selection(["nginx-1", "app-1"])
    tier = inspector.form.fields["tier"]
    assert tier.currentText() == "— mixed —"
    index = tier.findText("Web tier")
    tier.setCurrentIndex(index)
    tier.activated.emit(index)
    assert doc.component("nginx-1").tier == doc.component("app-1").tier == "tier-web"
    assert tier.currentText() == "Web tier" and tier.findText("— mixed —") < 0


def test_figures_per_kind_override_the_defaults_for_the_design(qtbot, inspector):
    from designer.analysis.figures import defaults_table
    from designer.model import Kind
    from designer.panels.kind_defaults import KINDS

    doc = inspector.document
    inspector.show_selection([])
    table = inspector.form.kinds
    row = KINDS.index(Kind.SERVER)
    default = defaults_table()[Kind.SERVER]
    assert table.item(row, 1).text() == f"{default.capex:g}" and table.item(row, 1).font().italic()
    table.item(row, 0).setText("99.9")
    assert doc.settings.kind_overrides[Kind.SERVER].availability == pytest.approx(0.999)
    assert doc.undo_stack.count() == 1
    assert not table.item(row, 0).font().italic()
    inspector.show_selection(["web-1"])
    assert "design settings" in inspector.form.reliability.hint.text()
    assert inspector.form.reliability.hint.text().startswith("99.9 %")
    inspector.show_selection([])
    inspector.form.kinds.item(row, 0).setText("")
    assert Kind.SERVER not in doc.settings.kind_overrides
    inspector.form.kinds.item(row, 2).setText("lots")
    assert "lots" in inspector.error_text and doc.undo_stack.count() == 2
    doc.undo_stack.undo()
    doc.undo_stack.undo()
    assert doc.settings.kind_overrides == {} and doc.is_clean()


def test_escape_in_a_field_takes_the_edit_back(qtbot, inspector):
    doc = inspector.document
    inspector.show_selection(["web-1"])
    label = inspector.form.fields["label"]
    label.setFocus()
    qtbot.keyClicks(label, " typo")
    assert label.text() == "Web 1 typo"
    qtbot.keyClick(label, Qt.Key.Key_Escape)
    assert label.text() == "Web 1"
    label.clearFocus()
    assert doc.undo_stack.count() == 0 and doc.component("web-1").label == "Web 1"


def test_a_selected_dependency_link_edits_its_port_and_label(qtbot, inspector):
    doc = inspector.document
    link = next(l for l in doc.links() if l.kind.value == "dependency")
    inspector.show_selection([link.id])
    form = inspector.form
    assert "→" in form.ends.text()
    _type(qtbot, form.fields["port"], "9000")
    assert doc.link(link.id).port == 9000
    _type(qtbot, form.fields["port"], "70000")
    assert "port" in inspector.error_text and "65535" in inspector.error_text
    assert doc.link(link.id).port == 9000 and form.fields["port"].text() == "9000"
    _type(qtbot, form.fields["label"], "orders API")
    assert doc.link(link.id).label == "orders API" and doc.undo_stack.count() == 2
    doc.undo_stack.undo()
    doc.undo_stack.undo()
    assert doc.link(link.id) == link and form.fields["port"].text() == str(link.port or "")


def test_a_rule_action_picked_in_its_cell_combo_is_one_undo_step(qtbot, inspector):
    from PySide6.QtWidgets import QComboBox

    doc = inspector.document
    inspector.show_selection(["fw-edge"])
    rules = inspector.form.fields["rules"]
    rules.table.editItem(rules.table.item(0, 4))                  # the action cell
    box = rules.table.viewport().findChild(QComboBox)
    assert [box.itemText(i) for i in range(box.count())] == ["allow", "deny"]
    box.setCurrentIndex(1)
    box.activated.emit(1)
    assert doc.component("fw-edge").rules[0].action == "deny"
    assert doc.undo_stack.count() == 1 and rules.table.item(0, 4).text() == "deny"
    rules.table.editItem(rules.table.item(1, 1))                  # destination: segments
    box = [b for b in rules.table.viewport().findChildren(QComboBox) if b.isVisible()][-1]
    assert box.itemText(0) == "any" and "Web network" in [box.itemText(i)
                                                          for i in range(box.count())]
    box.setCurrentIndex(box.findText("Web network"))
    box.activated.emit(box.currentIndex())
    assert doc.component("fw-edge").rules[1].destination == "seg-web"
    assert rules.table.item(1, 1).text() == "Web network"


def test_a_long_value_shows_its_beginning_in_a_narrow_field(qtbot, qapp):
    """The design name "Generated 2000 (seed 0)" in the inspector's field
    read "erated 2000 (seed 0)": the text was scrolled to its end."""
    from designer.panels.fields import TextField
    field = TextField()
    qtbot.addWidget(field)
    field.resize(80, field.sizeHint().height())
    field.show()
    field.show_value("Generated 2000 (seed 0), a very long design name indeed")
    assert field.cursorPosition() == 0
