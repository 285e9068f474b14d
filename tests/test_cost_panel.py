"""The cost panel: plans in a worker process, shows the curve and table,
ghosts a step on the canvas without touching the document, applies steps
1..N as one undoable edit (undo gives back the identical document), marks
plan points off the Pareto front, exports PNG and PDF, cancels."""
from __future__ import annotations

from dataclasses import replace

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage

from designer.analysis.mitigation import make_plan
from designer.analysis.mitigation.pareto import Front, Point
from designer.canvas import CanvasView
from designer.document import Document
from designer.io import load_design
from designer.model.patch import apply_patch
from designer.panels.cost_export import export_pdf, export_png
from designer.panels.cost_panel import CostPanel
from designer.look import style
from designer.look.palettes import DARK, LIGHT
from designer.panels.cost_series import CURVE, ON_DARK, START, build_series

PLAN_TIMEOUT_MS = 180_000


STEPS = 4


@pytest.fixture(scope="module")
def monolith_plan():
    design = load_design("examples/monolith.weaklink.json")
    plan = make_plan(design, step_limit=STEPS)
    plan.designs = []                   # as the worker sends it
    return plan


def _panel(qtbot, design):
    doc = Document(design)
    view = CanvasView(doc)
    widget = CostPanel(doc, view.scene())
    widget.with_front, widget.step_limit = False, STEPS
    widget.view = view                  # qtbot holds widgets weakly; the scene lives in it
    qtbot.addWidget(view)
    qtbot.addWidget(widget)
    widget.resize(1200, 420)
    return widget


@pytest.fixture
def panel(qtbot, qapp, monolith_plan):
    """A panel showing the monolith's plan (made once for the module)."""
    widget = _panel(qtbot, monolith_plan.design)
    widget._planned_for = widget.document.snapshot()
    widget.show()
    widget.worker.cancel()
    widget._planned(monolith_plan)
    yield widget
    widget.shutdown()


def test_showing_the_panel_plans_in_a_worker_process(qtbot, qapp, monolith_plan):
    widget = _panel(qtbot, monolith_plan.design)
    widget.show()                       # showing it starts planning
    assert widget.worker.running()
    qtbot.waitUntil(lambda: widget.plan is not None, timeout=PLAN_TIMEOUT_MS)
    got = [(s.candidate.description, s.after.availability) for s in widget.plan.steps]
    assert got == [(s.candidate.description, s.after.availability) for s in monolith_plan.steps]
    widget.shutdown()


def test_the_plan_arrives_in_the_table_and_the_curve(panel):
    plan = panel.plan
    assert plan.steps and panel.table.rowCount() == len(plan.steps)
    assert panel.plot.points.data.shape[0] == len(plan.steps) + 1
    assert "Break-even" in panel.summary.text() and "knee" in panel.summary.text()


def test_the_cost_axis_reads_in_the_designs_currency(panel):
    """Ticks as the report writes money (€1.5M), not pyqtgraph's 1e+06."""
    axis = panel.plot.getPlotItem().getAxis("bottom")
    currency = panel.plan.design.settings.currency
    assert currency == "EUR"
    assert axis.tickStrings([0, 250_000, 1_000_000, 2_500_000], 1.0, 250_000) == [
        "€0", "€250k", "€1M", "€2.5M"]


def test_the_curve_follows_the_windows_dark_mode(panel):
    """On a projector in dark mode the plot was a white card with a
    near-black first point; now it takes the canvas colour, and the curve,
    its points and the axis text the dark palette's."""
    plot = panel.plot
    panel.table.select_step(2)
    plot.getPlotItem().setXRange(0, 1000, padding=0)           # the user zoomed in
    try:
        style.set_dark(True)
        assert plot.getPlotItem().viewRange()[0] == [0, 1000]   # and stays zoomed
        assert plot.backgroundBrush().color() == DARK.canvas
        assert plot.curve.opts["pen"].color() == QColor(ON_DARK[CURVE])
        assert plot.getAxis("left").textPen().color() == DARK.text
        brushes = [QColor(b.color()).name() for b in plot.points.data["brush"]]
        assert brushes[0] == ON_DARK[START] and brushes[1] == ON_DARK[CURVE]
        assert plot.chosen.data.shape[0] == 1          # the chosen step stays ringed
    finally:
        style.set_dark(False)
    assert plot.backgroundBrush().color() == LIGHT.canvas
    assert plot.curve.opts["pen"].color() == QColor(CURVE)


def _right_edge(widget, panel) -> int:
    return widget.mapTo(panel, widget.rect().topRight()).x()


def test_in_a_laptops_side_column_every_control_and_the_table_stay_in_view(qtbot, panel):
    """At 1024x700 the cost dock is a column about 330 px wide (shell/compact.py):
    Apply, Export and the table lay past its edge, reachable only by
    scrolling sideways. Now the controls wrap and the table goes under the
    curve; docked wide, they are one row and the table beside the curve."""
    panel.resize(330, 640)
    qtbot.waitUntil(lambda: panel.shape.narrow)
    qtbot.wait(50)                      # the wrapped lines' height is laid out
    assert panel.shape.split.orientation() == Qt.Orientation.Vertical
    for widget in (panel.apply_button, panel.export_button, panel.target, panel.table):
        assert _right_edge(widget, panel) <= panel.width(), widget
    assert panel.export_button.y() > panel.plan_button.geometry().bottom()     # a later line
    top_of_plot = panel.plot.mapTo(panel, panel.plot.rect().topLeft()).y()
    assert top_of_plot > panel.export_button.mapTo(panel, panel.export_button.rect().bottomLeft()).y()
    assert panel.minimumSizeHint().width() <= 330
    # Tall, the panel asks the height its parts need (the dock scrolls):
    # under the controls and the curve the table kept one row.
    assert panel.minimumHeight() >= 900
    panel.resize(1200, 420)
    qtbot.waitUntil(lambda: not panel.shape.narrow)
    qtbot.wait(50)
    assert panel.shape.split.orientation() == Qt.Orientation.Horizontal
    assert panel.minimumHeight() == 0
    assert abs(panel.export_button.y() - panel.plan_button.y()) < 4     # one row, centred
    # Under the canvas of a 1280x800 window: short and wide, the table
    # stays beside the curve (under it, it kept one row).
    panel.resize(700, 330)
    qtbot.wait(50)
    assert not panel.shape.narrow
    assert panel.shape.split.orientation() == Qt.Orientation.Horizontal


def test_hovering_a_step_ghosts_it_without_changing_the_document(panel):
    doc = panel.document
    before, count = doc.snapshot(), doc.undo_stack.count()
    panel.table.rowHovered.emit(2)
    assert panel.ghost.item_count() > 0
    assert doc.snapshot() == before and doc.undo_stack.count() == count
    panel.table.rowHovered.emit(-1)
    assert panel.ghost.item_count() == 0


def test_apply_up_to_here_is_one_undo_step_and_undo_restores_the_document(panel):
    doc, plan = panel.document, panel.plan
    original = doc.snapshot()
    n = min(3, len(plan.steps))
    panel.table.select_step(n)
    assert panel.apply_button.isEnabled()
    panel.apply_selected()
    expected = original
    for step in plan.steps[:n]:
        expected = apply_patch(expected, step.candidate.patch)
    assert doc.snapshot() == expected
    assert doc.undo_stack.count() == 1
    assert panel.is_stale() and not panel.apply_button.isEnabled()
    doc.undo_stack.undo()
    assert doc.snapshot() == original and doc.is_clean()


def test_the_budget_rings_the_most_available_point_it_can_pay_for(panel):
    plan = panel.plan
    budget = plan.steps[1].cumulative.horizon_total + 1.0
    panel.budget.setValue(budget)
    series = panel.series()
    assert series.best_in_budget == 2
    assert ("best within budget" in panel.table.item(1, 0).text())
    assert panel.plot.budget_line.isVisible()


def test_after_applying_the_panel_plans_again_for_the_edited_design(qtbot, qapp,
                                                                     monolith_plan):
    widget = _panel(qtbot, monolith_plan.design)
    widget.show()
    qtbot.waitUntil(lambda: widget.plan is not None, timeout=PLAN_TIMEOUT_MS)
    widget.apply_up_to(1)
    assert widget.is_stale()
    qtbot.waitUntil(lambda: not widget.is_stale() and not widget.worker.running(),
                    timeout=PLAN_TIMEOUT_MS)
    assert widget.plan.design == widget.document.snapshot()
    assert widget.plan.start.availability == monolith_plan.steps[0].after.availability
    widget.shutdown()


def test_points_off_the_pareto_front_are_marked(panel):
    plan = panel.plan
    second = plan.steps[1]
    first = plan.steps[0]
    cost = (first.cumulative.horizon_total + second.cumulative.horizon_total) / 2
    better = Point((0,), cost, second.after.availability, second.after.unavailability / 2)
    series = build_series(plan, front=Front(pool=[], points=[better], front=[better]))
    assert 2 in series.off_front and 1 not in series.off_front


def test_a_sampled_step_is_off_the_front_only_if_beaten_at_its_estimate(panel):
    """Monte Carlo with no failure sampled: 100 %, at least its interval's
    lower end. A front point better than that lower end only does not put
    the step off the front."""
    plan = panel.plan
    step = plan.steps[1]
    sampled = replace(step, after=replace(step.after, method="monte-carlo", availability=1.0,
                                          unavailability=0.0, least=0.9999963, most=None))
    plan = replace(plan, steps=[plan.steps[0], sampled, *plan.steps[2:]])
    cheaper = step.cumulative.horizon_total / 2
    above_lower_end = Point((0,), cheaper, 0.999999, 1e-6)
    series = build_series(plan, front=Front(pool=[], points=[above_lower_end],
                                            front=[above_lower_end]))
    assert 2 not in series.off_front
    assert sampled.after.least_unavailability > above_lower_end.unavailability


def test_curve_and_table_export_to_png_and_pdf(panel, tmp_path):
    series = panel.series()
    png, pdf = tmp_path / "plan.png", tmp_path / "plan.pdf"
    assert export_png(str(png), panel.plan, series, panel.summary.text())
    assert export_pdf(str(pdf), panel.plan, series, panel.summary.text())
    image = QImage(str(png))
    assert image.width() > 1000 and image.pixelColor(10, 10).name() == "#ffffff"
    assert pdf.read_bytes().startswith(b"%PDF") and pdf.stat().st_size > 2000
    # A hand-out: every edit whole (wrapped, where it was elided after 40
    # characters) and the axes on round ticks (€100k, not only the ends).
    from tests.export_support import all_text, reader, searchable
    text = searchable(all_text(reader(pdf.read_bytes())))
    for step in panel.plan.steps:
        assert searchable(step.candidate.description) in text
    assert "…" not in text and "..." not in text
    assert "€0" in text and ("0k" in text or "M" in text)


def test_planning_can_be_cancelled(panel):
    panel.plan_now()
    assert panel.worker.running() and panel.cancel_button.isEnabled()
    panel.cancel()
    assert not panel.worker.running()
    assert "cancelled" in panel.summary.text()
