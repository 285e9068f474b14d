"""`weaklink fta MODEL.xml [BASIC_EVENTS.xml] [--json] [--limit-order N]` and
`weaklink export-mef DESIGN OUT.xml`.

Exit 0 with the report; 2 when a file cannot be read or uses something we do
not support (the message names the file, the line and the element).
"""
from __future__ import annotations

import math

import click

from designer.analysis.bdd import BudgetExceeded
from designer.analysis.mef import MefError, load_fault_tree

from .jobs import job, safe_json, timeout_option
from .worker import WorkerCrashed, run_supervised

EXIT_INVALID = 2
SHOWN = 10


@click.command()
@click.argument("model", type=click.Path(readable=False))
@click.argument("basic_events", nargs=-1, type=click.Path(readable=False))
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object.")
@click.option("--limit-order", type=click.IntRange(min=1), default=None,
              help="Keep minimal cut sets of at most N events.")
@timeout_option
def fta(model: str, basic_events: tuple[str, ...], as_json: bool, limit_order,
        timeout: float | None = None) -> None:
    """Analyse an Open-PSA MEF fault tree: top-event probability, minimal cut
    sets by order, single points of failure and importance. A separate file
    of basic-event definitions may follow the model."""
    with job("fta", timeout) as progress:
        progress.phase(f"reading {model}")
        try:
            tree = load_fault_tree(model, *basic_events)
        except MefError as err:
            from designer.io.errors import one_line
            click.echo(f"error: {one_line(str(err))}", err=True)
            raise SystemExit(EXIT_INVALID) from None
        try:
            report = run_supervised(progress, fault_tree_report, tree, limit_order,
                                    lambda text: progress.phase(text))
        except (MemoryError, WorkerCrashed) as err:
            click.echo(f"error: {model}: the analysis could not finish: "
                       f"{'out of memory' if isinstance(err, MemoryError) else err}", err=True)
            raise SystemExit(EXIT_INVALID) from None
        progress.finish()
    if as_json:
        click.echo(safe_json(report))
    else:
        click.echo(_text(model, tree.top_name, report))


# Fault trees are analysed once, off-line: allow bigger diagrams than the
# interactive design analysis does (about 40 bytes a node in CUDD).
FTA_BUDGET = 3_000_000
# CUDD's memory ceiling for a tree with NOT gates. Certified bounds need a
# monotone circuit, so such a tree falls back to Monte Carlo: the exact BDD
# gets more room. das9701's 2.5 million nodes peak between 450 and 600 MB
# (measured 2026-12-02). A coherent tree keeps the interactive ceiling
# (bdd.py, 100 bytes a node: 300 MB) and falls back to the bounds: a random
# sum of products fills whatever ceiling it gets in one BDD operation before
# it gives up (1 GB: 12-30 s; 300 MB: 5-6 s, issue 16).
FTA_MEMORY = 1_000_000_000
# The node budget of a coherent tree's exact BDD (it keeps the 300 MB
# ceiling of FTA_BUDGET): the largest coherent Aralia tree, edf9204, needs
# 407,134 nodes; nus9601 passes the budget, and at 3 million it took 13.9 s
# to find out, at 1 million 7.3 s, before the bounds refuse it (one part
# holds nearly everything) and Monte Carlo answers: `fta --json` 15 -> 9 s.
FTA_COHERENT_BUDGET = 1_000_000
# Where the exact BDD does not fit, certified bounds on P(top) with this
# gap relative to P(top) (issue 10).
FTA_RELATIVE_TOLERANCE = 1e-12


def fault_tree_report(tree, limit_order: int | None, phase=lambda text: None) -> dict:
    from designer.analysis.fta_cuts import fault_tree_cut_sets, top_probability
    phase("computing the top-event probability")
    found, exact = top_probability(tree.circuit, tree.probabilities, FTA_BUDGET,
                                   FTA_RELATIVE_TOLERANCE, FTA_MEMORY, FTA_COHERENT_BUDGET)
    report = {"top_event": tree.top_name, "top_event_probability": found.value,
              "method": found.method}
    if found.confidence_interval is not None:
        report["confidence_interval"] = list(found.confidence_interval)
    if found.sampled:    # Monte Carlo inside these modules only (modules_sampled.py)
        report["sampled_modules"] = [
            {"module": part.leaf, "events": part.events, "samples": part.estimate.samples}
            for part in found.sampled]
        report["events"] = len(tree.circuit.event_node)
    if found.method == "bounded":     # certified, not sampled (analysis/bounds.py)
        report["bounds"] = list(found.bounds)
    try:
        phase("finding the minimal cut sets")
        got = fault_tree_cut_sets(tree.circuit, tree.probabilities, exact, found.value,
                                  limit_order)
        by_order = got.cuts.count_by_order()
        report["minimal_cut_sets"] = {"count": sum(by_order.values()),
                                      "by_order": {str(k): n for k, n in by_order.items()}}
        report["spofs"] = [names[0] for names in got.cuts.of_order(1)]
        if got.truncated is not None:   # an order limit, with what it may leave out
            order, dropped = got.truncated
            report["mcs_truncated"] = {"order_limit": order, "max_dropped_probability": dropped}
    except BudgetExceeded as err:
        report["minimal_cut_sets"] = None
        report["spofs"] = None
        report["note"] = f"minimal cut sets not computed: {err}"
    report["importance"] = {name: imp.birnbaum for name, imp in sorted(found.importance.items())}
    return report


def _text(model: str, top: str, report: dict) -> str:
    lines = [f"Fault tree: {model} (top event {top})",
             f"P(top) = {report['top_event_probability']:.6g} ({report['method']})"]
    if "confidence_interval" in report:
        low, high = report["confidence_interval"]
        lines.append(f"  95 % confidence interval: {low:.6g} .. {high:.6g}")
    if "sampled_modules" in report:
        lines.append("  " + _sampled_text(report["sampled_modules"], report["events"]))
    if "bounds" in report:
        low, high = report["bounds"]
        lines.append(f"  certified bounds: {low:.12g} .. {high:.12g}")
    cuts = report["minimal_cut_sets"]
    if cuts is None:
        lines.append(report["note"])
    else:
        orders = ", ".join(f"order {k}: {n}" for k, n in cuts["by_order"].items())
        lines.append(f"Minimal cut sets: {cuts['count']}" + (f" ({orders})" if orders else ""))
        if "mcs_truncated" in report:
            cut = report["mcs_truncated"]
            lines.append(f"  (up to order {cut['order_limit']}: the cut sets left out carry "
                         f"at most P = {cut['max_dropped_probability']:.3g})")
        spofs = report["spofs"]
        lines.append("Single points of failure: " + (", ".join(spofs) if spofs else "none"))
    ranked = sorted(report["importance"].items(), key=lambda kv: -kv[1])[:SHOWN]
    lines.append(f"Most important basic events (Birnbaum), top {len(ranked)}:")
    lines += [f"  {name}: {value:.4g}" for name, value in ranked if not math.isnan(value)]
    return "\n".join(lines)


def _sampled_text(parts: list[dict], events: int) -> str:
    held = sum(part["events"] for part in parts)
    samples = ", ".join(f"{part['samples']:,}" for part in parts)
    if [part["module"] for part in parts] == ["#top"]:
        where = "at the top, whose BDD does not fit"
    else:
        where = ("inside 1 module" if len(parts) == 1 else f"inside {len(parts)} modules") + \
            " whose BDD does not fit"
    around = "; exact around it" if held < events else ""
    return f"sampled {where} ({held:,} of {events:,} basic events, {samples} samples){around}"


@click.command("export-mef")
@click.argument("design", type=click.Path(dir_okay=False))
@click.argument("out", type=click.Path(dir_okay=False))
def export_mef(design: str, out: str) -> None:
    """Write a design's fault tree as Open-PSA MEF XML (for SCRAM or XFTA)."""
    from designer.analysis.mef_export import write_design_mef
    from designer.io import LoadError, load_design
    try:
        loaded = load_design(design)
    except LoadError as err:
        for problem in err.errors[:SHOWN]:
            click.echo(str(problem), err=True)
        raise SystemExit(EXIT_INVALID) from None
    try:
        write_design_mef(loaded, out)
    except OSError as err:
        click.echo(f"error: {out}: cannot write: {err.strerror}", err=True)
        raise SystemExit(EXIT_INVALID) from None
    click.echo(f"wrote {out}")
