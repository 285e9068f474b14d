"""The report layer: the words and rounding a person reads, in one place for
the CLI, the status bar, the Problems list and the PDF. No Qt here."""
from __future__ import annotations

import pytest

from designer.analysis.cost import design_cost
from designer.analysis.engine import analyze
from designer.analysis.figures import defaults_table
from designer.analysis.result import AvailabilityPart, FrozenMap, Note, Spof, StructurePart
from designer.model import Component, Design, Kind, Settings
from designer.report import availability as A
from designer.report import cost as C
from designer.report import problems as P
from designer.report.states import State, states_for
from designer.report.text import text_report


def structure(spofs=(), cut2=(), protected=(), not_modeled=(), **kw) -> StructurePart:
    return StructurePart(
        spofs=tuple(Spof(i, i, "server", ("nginx",), f"{i} alone") for i in spofs),
        cut_sets_order2=tuple(cut2), protected=tuple(protected),
        not_modeled=tuple(not_modeled), **kw)


def test_precedence_spof_over_cut2_over_grey_over_green():
    r = structure(spofs=["a"], cut2=[("a", "b"), ("b", "c")],
                  protected=["a", "d", "e"], not_modeled=["c", "e"])
    assert states_for(r, "abcdef") == {
        "a": State.SPOF, "b": State.CUT2, "c": State.CUT2, "d": State.PROTECTED,
        "e": State.NOT_MODELED, "f": State.NORMAL}


def test_figures_read_like_a_reliability_engineer_wrote_them():
    exact = AvailabilityPart(value=0.9995123, method="exact", nines=3.31,
                             downtime_minutes_per_year=256.5)
    assert A.availability_short(exact) == "Availability 99.9512 % (exact)"
    assert A.nines_short(exact) == "3.3 nines"
    assert A.interval_text(exact) == ""
    assert A.downtime_short(256.5) == "4 h 16 min/yr down"
    assert A.downtime_short(12.34) == "12.3 min/yr down"
    assert A.downtime_short(0.5) == "30 s/yr down"
    assert A.downtime_short(3000) == "2.1 days/yr down"
    mc = AvailabilityPart(value=0.99, method="monte-carlo", nines=2.0,
                          downtime_minutes_per_year=5259.6,
                          confidence_interval=(0.9899, 0.9901))
    assert A.availability_short(mc) == "Availability 99.000 % (Monte Carlo)"
    assert A.interval_text(mc) == "95 % confidence interval: 98.99000 % to 99.01000 %"
    assert A.availability_line(mc) == (
        "Availability: 99.00000 % (monte-carlo, 95 % interval 98.99000 .. 99.01000 %), "
        "2.00 nines, 5,259.6 min of downtime a year")
    assert P.spof_count(0) == "No SPOF" and P.spof_count(2) == "2 SPOFs"


def test_a_sample_without_a_failure_claims_only_what_its_interval_vouches_for():
    """100 % with no failed sample is not "∞ nines, 0 s down": the 95 %
    interval's lower end, rounded so as not to claim more."""
    mc = AvailabilityPart(value=1.0, method="monte-carlo", nines=None,
                          downtime_minutes_per_year=0.0,
                          confidence_interval=(0.9999963365128064, 1.0),
                          importance=FrozenMap({"web": 1.0}))
    assert A.availability_short(mc) == "Availability at least 99.999633 % (Monte Carlo)"
    assert A.nines_short(mc) == "at least 5.4 nines"
    assert A.downtime_text(mc) == "at most 2.0 min/yr down"       # 1.93 rounded up
    assert A.availability_line(mc).endswith(
        "at least 5.43 nines, at most 2.0 min of downtime a year")
    failed = AvailabilityPart(value=0.99, method="monte-carlo", nines=2.0,
                              downtime_minutes_per_year=5259.6,
                              confidence_interval=(0.9899, 0.9901))
    assert A.sampled_floor(failed) is None and A.nines_short(failed) == "2.0 nines"


def test_a_plan_step_sampled_without_a_failure_reads_at_least_its_floor():
    """The cost panel's summary ended "to 100.00000 % (Monte Carlo, at
    least 99.99963 %)" for a copied site: the 100 % no sample supports."""
    from designer.analysis.mitigation.evaluate import Figures
    from designer.report.plan import figure
    unfailed = Figures(1.0, 0.0, "monte-carlo", least=0.9999963365128064)
    assert figure(unfailed) == "at least 99.99963 % (Monte Carlo)"
    failed = Figures(0.99991, 9e-5, "monte-carlo", least=0.999859999)
    assert figure(failed) == "99.99100 % (Monte Carlo, at least 99.98599 %)"    # rounded down
    assert figure(Figures(0.9999, 1e-4, "bounded")) == "99.99000 % (bounded)"


def test_an_exact_figure_past_seven_nines_shows_its_digits_not_100_percent():
    """The duplicated-services example with its plan applied, exact at
    99.9999967 %, read "100.00000 % (exact), 0.0 min of downtime a year"
    in `weaklink analyze` and "down about 0.0 min a year" in the plan."""
    from designer.report.plan import minutes
    part = AvailabilityPart(value=1.0 - 3.278e-8, method="exact", nines=7.48,
                            downtime_minutes_per_year=3.278e-8 * 525_960)
    assert A.availability_line(part) == (
        "Availability: 99.9999967 % (exact), 7.48 nines, 1.0 s of downtime a year")
    assert A.percent(0.9995) == "99.95000 %" and A.percent(1.0) == "100.00000 %"
    assert A.percent(1.0 - 1e-12) == "99.999999999900 %"        # 12 decimals at most
    assert minutes(0.01724) == "1.0 s" and minutes(0.004) == "0.24 s"
    assert minutes(5.25) == "5.2 min" and minutes(263.0) == "263 min"


def test_a_bounded_figure_says_how_sure_it_is():
    bounded = AvailabilityPart(value=0.9995, method="bounded", nines=3.3,
                               downtime_minutes_per_year=263.0, bounds=(0.99949, 0.99951))
    assert "(bounded, certified 99.94900 .. 99.95100 %)" in A.availability_line(bounded)
    assert A.interval_text(bounded) == "certified bounds: 99.94900 % to 99.95100 %"


def test_a_design_that_cannot_go_down_says_so():
    perfect = AvailabilityPart(value=1.0, method="exact", nines=None,
                               downtime_minutes_per_year=0.0,
                               importance=FrozenMap({"web-1": 0.0}))
    assert A.nines_short(perfect) == "∞ nines"
    assert A.availability_line(perfect).endswith("(exact), no downtime, 0.0 min of downtime a year")
    assert A.availability_line(None) == "Availability: not computed"


def test_an_empty_design_shows_no_figure():
    """Not "100 %, ∞ nines" (issue 16): nothing that can fail is drawn."""
    empty = AvailabilityPart(value=1.0, method="exact", nines=None,
                             downtime_minutes_per_year=0.0)
    assert A.availability_line(empty) == "Availability: none (nothing that can fail is drawn)"
    assert A.availability_short(empty) == "Availability: none (nothing to analyse)"
    assert A.nines_short(empty) == ""
    assert A.downtime_text(empty) == ""          # not "0 s/yr down"


def test_unwired_parts_make_the_figure_an_upper_bound():
    """ANALYSIS.md 4: "at most 99.24 %: 3 parts not wired"."""
    sketch = AvailabilityPart(value=0.9924, method="exact", nines=2.1,
                              downtime_minutes_per_year=3997.3, assumed_up=3,
                              importance=FrozenMap({"psu": 0.1}))
    assert A.availability_short(sketch) == "Availability at most 99.240 % (exact): 3 parts not wired"
    line = A.availability_line(sketch)
    assert line.startswith("Availability: at most 99.24000 % (exact")
    assert line.endswith(": 3 parts not wired")


def _design(*opex, **settings):
    comps = [Component(id=f"s{i}", kind=Kind.SERVER, opex_monthly=o, capex=1000.0)
             for i, o in enumerate(opex)]
    comps.append(Component(id="net", kind=Kind.INTERNET))
    return Design.model_construct(settings=Settings(**settings), components=tuple(comps),
                                  links=())


def test_cost_is_capex_plus_months_of_running_cost():
    cost = design_cost(_design(100.0, 250.0, horizon_months=12, currency="USD"))
    assert (cost.capex, cost.opex_monthly, cost.horizon_total) == (2000.0, 350.0, 6200.0)
    assert C.cost_short(cost) == "$350/month"
    assert C.cost_line(cost) == "Cost: $2,000 to buy, $350 a month, $6,200 over 12 months"
    assert C.money(1234.4, "CHF") == "1,234 CHF"


def test_axis_ticks_shorten_money_to_thousands_and_millions():
    assert [C.money_tick(v, "GBP") for v in (0, 950, 4_000, 12_500, 1_000_000, 3_250_000)] == [
        "£0", "£950", "£4k", "£12.5k", "£1M", "£3.2M"]
    assert C.money_tick(-500_000, "USD") == "-$500k"
    assert C.money_tick(2_000_000, "CHF") == "2M CHF"


def test_cost_counts_the_guesses_from_the_defaults_table():
    cost = design_cost(_design(100.0, None))
    guess = defaults_table()[Kind.SERVER].opex_monthly
    assert cost.opex_monthly == pytest.approx(100.0 + guess)
    assert cost.priced_from_defaults == 1
    assert "1 component priced from the defaults table" in C.cost_tooltip(cost)


def test_problem_rows_and_summary():
    spof = Spof("feed-a", "Feed", "utility_feed", ("web",), "Feed powers everything")
    names = {"feed-a": "Utility feed A", "web": "Web tier"}.get
    assert P.spof_cells(spof, names) == ("Utility feed A (Utility feed)", "Web tier",
                                         "Feed powers everything")
    assert P.note_cells(Note("", "no Internet drawn"), names)[0] == "Design"
    down = StructurePart(spofs=(spof,), system_up=False)
    assert P.summary(down) == ("The system is down even with nothing failed. "
                               "1 single point of failure.")


def test_text_report_states_every_figure_once(tmp_path):
    from designer.io import load_design
    from tests.window_helpers import EXAMPLES
    design = load_design(EXAMPLES / "monolith.weaklink.json")
    result = analyze(design)
    text = text_report(result, {c.id: c.name for c in design.components})
    assert A.availability_line(result.availability) in text
    assert C.cost_line(result.cost) in text
    assert f"Single points of failure: {len(result.spofs)}" in text
    for spof in result.spofs:
        assert f"{spof.explanation}." in text


def test_drill_banner_words_name_what_failed_and_what_went_down():
    from types import SimpleNamespace

    from designer.report import drill
    names = {"sw": "Switch", "web": "Web", "nginx": "nginx"}
    view = SimpleNamespace(failed={"sw"}, down={f"c{i}" for i in range(10)},
                           entry_up={"nginx": False}, system_up=False)
    assert drill.headline(False) == "System DOWN" and drill.headline(True) == "System UP"
    lines = drill.detail(view, names).split("\n")
    assert lines[:2] == ["Failed: Switch", "Entry points: nginx ✗ down"]
    assert lines[2].startswith("Down as a consequence (10): c0, c1") and lines[2].endswith(
        " and 2 more")
    nothing = SimpleNamespace(failed=set(), down=set(), entry_up={}, system_up=True)
    assert drill.detail(nothing, names) == ("Failed: nothing yet: click a component\n"
                                            "Entry points: none")


def test_the_drill_names_the_services_lost_before_the_parts():
    """Multi-site with a feed and an uplink failed: 22 went down, and by
    name the eight shown were a server, an uplink and six PSUs; the
    services the room cares about were in "14 more"."""
    from types import SimpleNamespace

    from designer.model import Kind
    from designer.report import drill
    kinds = {"psu-a": Kind.PSU, "psu-b": Kind.PSU, "db": Kind.SERVER, "app": Kind.SERVICE,
             "tier": Kind.TIER, "sw": Kind.SWITCH, "feed": Kind.UTILITY_FEED, "rack": Kind.RACK}
    names = {"psu-a": "PSU 1", "psu-b": "PSU 2", "db": "Database A", "app": "app",
             "tier": "Web tier", "sw": "Switch", "feed": "Utility feed", "rack": "Rack 1"}
    view = SimpleNamespace(failed={"x"}, down=set(kinds), entry_up={}, system_up=False)
    line = drill.detail(view, names, kinds).split("\n")[2]
    assert line == ("Down as a consequence (8): app, Web tier, Database A, Switch, Rack 1, "
                    "Utility feed, PSU 1, PSU 2")
    # Without kinds (a caller that has none): by name.
    assert drill.detail(view, names).split("\n")[2].endswith("Switch, Utility feed, Web tier")


def test_many_entry_points_are_counted_not_all_named():
    """A design with hundreds of applications: the CLI report names the
    first entry points and counts the rest; the drill banner says how
    many answer and names those down."""
    from types import SimpleNamespace

    from designer.report import drill
    from designer.report.text import ENTRIES_SHOWN, _entry_points
    entries = tuple(f"app{i}" for i in range(241))
    line = _entry_points(entries, str)
    assert line.startswith("Entry points (241): app0, app1, ")
    assert f"app{ENTRIES_SHOWN - 1} ... and {241 - ENTRIES_SHOWN} more" in line
    assert _entry_points(entries[:3], str) == "Entry points: app0, app1, app2"
    assert _entry_points((), str) == "Entry points: none"
    up = {e: e not in ("app7", "app30") for e in entries}
    view = SimpleNamespace(failed={"sw"}, down=set(), entry_up=up, system_up=False)
    assert drill.detail(view, {}).split("\n")[1] == (
        "Entry points: 239 of 241 ✓ up; ✗ down: app30, app7")


def test_a_tight_certified_gap_shows_two_different_limits():
    """A gap of 1e-9 (the default tolerance) printed with five decimals
    would read "99.69268 .. 99.69268 %": the limits get the decimals that
    tell them apart, rounded outwards so the shown interval still holds."""
    tight = AvailabilityPart(value=0.996926834, method="bounded", nines=2.51,
                             downtime_minutes_per_year=1616.4,
                             bounds=(0.9969268336, 0.9969268345))
    assert "certified 99.69268336 .. 99.69268345 %" in A.availability_line(tight)
    assert A.interval_text(tight) == "certified bounds: 99.69268336 % to 99.69268345 %"
