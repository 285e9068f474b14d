"""`weaklink fta MODEL.xml [BASIC_EVENTS.xml] [--json] [--limit-order N]` and
`weaklink export-mef DESIGN OUT.xml`.

Exit 0 with the report; 2 when a file cannot be read or uses something we do
not support (the message names the file, the line and the element).
"""
from __future__ import annotations

import click

from designer.analysis.mef import MefError, load_fault_tree

from .jobs import job, print_whole, safe_json, timeout_option
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
            from designer.analysis.fta_result import analyse_fault_tree
            result = run_supervised(progress, analyse_fault_tree, tree, limit_order,
                                    lambda text: progress.phase(text))
        except (MemoryError, WorkerCrashed) as err:
            click.echo(f"error: {model}: the analysis could not finish: "
                       f"{'out of memory' if isinstance(err, MemoryError) else err}", err=True)
            raise SystemExit(EXIT_INVALID) from None
        from designer.report.fault_tree import fault_tree_json, fault_tree_text
        report = safe_json(fault_tree_json(result)) if as_json else fault_tree_text(model, result)
        progress.finish()
        print_whole(report + "\n")         # whole, whatever Ctrl+C does (cli/jobs.py)


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
