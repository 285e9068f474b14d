"""`weaklink analyze FILE [--json] [--fail-on-spof]`.

Exit 0 with the report; 1 with --fail-on-spof when any SPOF exists; 2 when
the file cannot be read or is not a valid design (same messages as
`validate`, never a traceback).
"""
from __future__ import annotations

import json

import click

from designer.analysis.availability import describe
from designer.analysis.engine import analyze as run_analysis
from designer.analysis.result import AnalysisResult
from designer.io import LoadError, load_design

EXIT_SPOF = 1
EXIT_INVALID = 2
MAX_SHOWN = 50
PAIRS_SHOWN = 20
SPOFS_SHOWN = 100


@click.command()
@click.argument("file", type=click.Path(dir_okay=True))
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object.")
@click.option("--fail-on-spof", is_flag=True, help="Exit 1 when any SPOF exists.")
def analyze(file: str, as_json: bool, fail_on_spof: bool) -> None:
    """Report single points of failure and cut sets of a design."""
    try:
        design = load_design(file)
    except LoadError as err:
        for problem in err.errors[:MAX_SHOWN]:
            click.echo(str(problem), err=True)
        if len(err.errors) > MAX_SHOWN:
            click.echo(f"{file}: ... and {len(err.errors) - MAX_SHOWN} more problems",
                       err=True)
        raise SystemExit(EXIT_INVALID) from None
    result = run_analysis(design)
    if as_json:
        click.echo(json.dumps(result.to_json(), indent=2))
    else:
        click.echo(report(result, {c.id: c.name for c in design.components}))
    if fail_on_spof and result.spofs:
        raise SystemExit(EXIT_SPOF)


def report(result: AnalysisResult, names: dict[str, str]) -> str:
    """The readable text report."""
    def name(cid: str) -> str:
        label = names.get(cid, cid)
        return label if label == cid else f"{label} ({cid})"

    lines = [f"Design: {result.design} ({result.components} components)",
             "Entry points: " + (", ".join(name(e) for e in result.entry_points) or "none"),
             "System with nothing failed: " + ("up" if result.system_up else "DOWN"),
             describe(result), ""]
    if result.spofs:
        lines.append(f"Single points of failure: {len(result.spofs)}")
        for spof in result.spofs[:SPOFS_SHOWN]:
            lines.append(f"  - {name(spof.id)} [{spof.kind}]: {spof.explanation}.")
            lines.append("      takes down: " + ", ".join(name(b) for b in spof.blast_radius))
        if len(result.spofs) > SPOFS_SHOWN:
            lines.append(f"  ... and {len(result.spofs) - SPOFS_SHOWN} more (use --json for all)")
    elif result.system_up:
        lines.append("No single point of failure.")
    pairs = result.cut_sets_order2
    lines += ["", f"Pairs that fail together (order-2 cut sets): {len(pairs)}"]
    for a, b in pairs[:PAIRS_SHOWN]:
        lines.append(f"  - {name(a)} + {name(b)}")
    if len(pairs) > PAIRS_SHOWN:
        lines.append(f"  ... and {len(pairs) - PAIRS_SHOWN} more (use --json for all)")
    if result.notes:
        lines += ["", "Notes:"]
        for note in result.notes:
            where = f"{name(note.id)}: " if note.id else ""
            lines.append(f"  - {where}{note.message}")
    return "\n".join(lines)
