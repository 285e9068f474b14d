"""Problems panel and status-bar figures, driven by hand-made results."""
from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt

from designer.analysis.cost import design_cost
from designer.analysis.result import AnalysisResult, AvailabilityPart, Note, Spof, StructurePart
from designer.model import Component, Design, Kind, Settings
from designer.model.naming import names_of
from designer.panels import figures as F
from designer.panels.problems import IDS, ProblemsPanel
from designer.look.style import State

NAMES = {"feed-a": "Utility feed A", "web": "Web tier", "api": "API",
         "sw-1": "Switch 1", "sw-2": "Switch 2", "srv-1": "Server 1"}


def result(availability=None, cost=None, **kw) -> AnalysisResult:
    base = dict(entry_points=("web",),
                spofs=(Spof("feed-a", "Utility feed A", "utility_feed", ("web", "api"),
                            "feed-a powers both PSUs of srv-1 and srv-2"),),
                cut_sets_order2=(("sw-1", "sw-2"),),
                notes=(Note("srv-1", "power not modeled: assumed powered"),))
    base.update(kw)
    return AnalysisResult(design="demo", components=6, structure=StructurePart(**base),
                          availability=availability, cost=cost)


@pytest.fixture
def panel(qtbot):
    p = ProblemsPanel()
    qtbot.addWidget(p)
    p.resize(600, 400)
    p.show()
    p.set_result(result(), NAMES)
    return p


def test_spof_row_shows_name_blast_radius_and_explanation(panel):
    spof = panel.rows(0)[0]
    assert spof.text(0) == "Utility feed A (Utility feed)"
    assert spof.text(1) == "Web tier, API"
    assert spof.text(2) == "feed-a powers both PSUs of srv-1 and srv-2"
    assert panel.rows(1)[0].text(0) == "Switch 1 + Switch 2"
    note = panel.rows(2)[0]
    assert note.text(0) == "Server 1" and "power not modeled" in note.text(2)
    assert panel.summary.text() == ("1 single point of failure. "
                                    "1 pair one failure from a SPOF.")


def test_click_asks_to_select_the_components(panel, qtbot):
    tree = panel.tree
    for row, expected in ((panel.rows(0)[0], ["feed-a"]),
                          (panel.rows(1)[0], ["sw-1", "sw-2"])):
        rect = tree.visualItemRect(row)
        with qtbot.waitSignal(panel.selectRequested) as sig:
            qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton,
                             pos=rect.center())
        assert sig.args == [expected]


def test_hover_highlights_blast_radius_and_leaving_clears(panel, qtbot):
    seen = []
    panel.highlightRequested.connect(seen.append)
    rect = panel.tree.visualItemRect(panel.rows(0)[0])
    qtbot.mouseMove(panel.tree.viewport(), rect.center())
    qtbot.waitUntil(lambda: bool(seen))
    assert seen[-1] == ["feed-a", "web", "api"]
    qtbot.mouseMove(panel, QPoint(5, 5))          # over the summary, off the list
    qtbot.waitUntil(lambda: seen[-1] == [])


def test_no_spof_reads_as_good_news(qtbot):
    p = ProblemsPanel()
    qtbot.addWidget(p)
    p.set_result(result(spofs=(), cut_sets_order2=(), notes=()), NAMES)
    assert p.summary.text() == "No single point of failure."
    assert p.tree.topLevelItem(0).text(0) == "Single points of failure (0)"


def test_many_cut_sets_are_grouped_by_member(qtbot):
    p = ProblemsPanel()
    qtbot.addWidget(p)
    pairs = [("sw-1", f"n{i}") for i in range(10)] + [("sw-2", f"n{i}") for i in range(5)]
    p.set_result(result(cut_sets_order2=tuple(pairs)), NAMES)
    heads = p.rows(1)
    assert [h.text(0) for h in heads] == ["Switch 1 + any of 10", "Switch 2 + any of 5"]
    assert heads[1].childCount() == 0             # built when opened
    heads[1].setExpanded(True)
    assert heads[1].childCount() == 5 and heads[1].child(0).text(0) == "+ n0"
    assert heads[1].child(0).data(0, IDS) == ["sw-2", "n0"]
    assert p.summary.text().endswith("15 pairs one failure from a SPOF.")


def test_ambiguous_names_are_qualified_by_their_parent():
    comps = [Component(id="w1", kind=Kind.SERVER, label="Web 1"),
             Component(id="w2", kind=Kind.SERVER, label="Web 2"),
             Component(id="n1", kind=Kind.NIC, label="eth0", parent="w1"),
             Component(id="n2", kind=Kind.NIC, label="eth0", parent="w2")]
    assert names_of(comps) == {"w1": "Web 1", "w2": "Web 2", "n1": "eth0 (Web 1)",
                               "n2": "eth0 (Web 2)"}


def _design(*opex):
    comps = [Component(id=f"s{i}", kind=Kind.SERVER, opex_monthly=o)
             for i, o in enumerate(opex)]
    comps.append(Component(id="net", kind=Kind.INTERNET))
    return Design.model_construct(settings=Settings(), components=tuple(comps), links=())


def test_figures_bar_shows_pending_then_the_result(qtbot):
    bar = F.FiguresBar()
    qtbot.addWidget(bar)
    bar.show()
    bar.set_pending(True)
    assert bar.pending.isVisible() and bar.pending.text() == "Analysing…"
    figures = AvailabilityPart(value=0.999, method="exact", nines=3.0,
                               downtime_minutes_per_year=525.96)
    bar.set_result(result(availability=figures, cost=design_cost(_design(100.0, 250.0))))
    assert not bar.pending.isVisible()
    text = bar.text()
    assert "Availability 99.9000 % (exact)" in text and "3.0 nines" in text
    assert "8 h 46 min/yr down" in text and "1 SPOF" in text
    assert bar.cost.text() == "€350/month"      # explicit running costs, summed


def test_figures_bar_shows_an_estimate_while_certifying_then_the_bounds(qtbot):
    """A big design: Monte Carlo figures readable with "Certifying…" beside
    them, then the certified ones; a new edit greys the estimate again."""
    bar = F.FiguresBar()
    qtbot.addWidget(bar)
    bar.show()
    bar.set_pending(True)
    cost = design_cost(_design(100.0))
    estimate = AvailabilityPart(value=0.9985, method="monte-carlo", nines=2.8,
                                downtime_minutes_per_year=789.0,
                                confidence_interval=(0.9980, 0.9990))
    bar.set_structure(result(cost=cost))
    bar.set_estimate(result(availability=estimate, cost=cost))
    assert bar.pending.isVisible() and bar.pending.text() == "Certifying…"
    assert bar.availability.isEnabled() and "(Monte Carlo)" in bar.text()
    assert "certified bounds" in bar.pending.toolTip()
    bar.set_structure(result(cost=cost))          # the next edit's colours
    assert bar.pending.text() == "Analysing…" and not bar.availability.isEnabled()
    bounded = AvailabilityPart(value=0.99854, method="bounded", nines=2.84,
                               downtime_minutes_per_year=767.0, bounds=(0.998539, 0.998541))
    bar.set_availability(result(availability=bounded, cost=cost))
    assert not bar.pending.isVisible() and bar.availability.isEnabled()
    assert "(bounded)" in bar.text()


def test_figures_bar_says_a_first_pass_of_bounds_is_certified_but_coarser(qtbot):
    """A very big design's first bounds (a gap of 1e-7) stay readable with
    "Certifying…" beside them; its tooltip says they are certified, to
    which gap, and that the design's own tolerance follows."""
    bar = F.FiguresBar()
    qtbot.addWidget(bar)
    bar.show()
    cost = design_cost(_design(100.0))
    first = AvailabilityPart(value=0.98544873, method="bounded", nines=1.84,
                             downtime_minutes_per_year=7650.0,
                             bounds=(0.98544870, 0.98544876), tolerance=1e-7)
    bar.set_structure(result(cost=cost))
    bar.set_estimate(result(availability=first, cost=cost))
    assert bar.pending.text() == "Certifying…" and "(bounded)" in bar.text()
    tip = bar.pending.toolTip()
    assert "certified, to a gap of 6.0e-08" in tip and "first pass" in tip
    assert "Monte Carlo" not in tip


def test_cost_uses_the_defaults_table_where_no_price_is_set(qtbot):
    from designer.analysis.figures import defaults_table
    bar = F.FiguresBar()
    qtbot.addWidget(bar)
    bar.set_result(result(cost=design_cost(_design(100.0, None))))
    expected = 100.0 + defaults_table()[Kind.SERVER].opex_monthly
    assert bar.cost.text() == f"€{expected:,.0f}/month"
    assert "1 component priced from the defaults table" in bar.cost.toolTip()


def test_badge_icons_follow_the_palette(panel):
    from designer.look import style
    def near(a, b):
        return max(abs(a.red() - b.red()), abs(a.green() - b.green()),
                   abs(a.blue() - b.blue())) <= 6

    def badge_pixel():
        return panel.rows(0)[0].icon(0).pixmap(16).toImage().pixelColor(8, 3)
    light, light_fill = badge_pixel(), style.state_style(State.SPOF).badge_fill
    style.set_dark(True)
    try:
        dark, dark_fill = badge_pixel(), style.state_style(State.SPOF).badge_fill
    finally:
        style.set_dark(False)
    assert near(light, light_fill) and near(dark, dark_fill) and not near(dark, light)
