"""`weaklink analyze FILE [--json] [--fail-on-spof] [--fail-on SEVERITY] [--mitigations]
[--tolerance GAP]`.

Exit 0 with the report; 1 with --fail-on-spof when any SPOF exists, or with
--fail-on when an open segmentation finding is that severe or worse; 2 when
the file cannot be read or is not a valid design (same messages as
`validate`, never a traceback). Under the bounded method `--json` also
carries certified importance intervals for the top components (seconds
at 1,000 components; the text report shows no importance). `--tolerance`
asks the bounded method for another gap than the design's own setting.
"""
from __future__ import annotations

import dataclasses

import click

from designer.io import LoadError, load_design

from .apply import target_option
from .jobs import analysed, job, print_whole, refuse_limit, safe_json, timeout_option

EXIT_SPOF = 1
SEVERITY_CHOICES = ("critical", "high", "medium", "low")
EXIT_INVALID = 2
MAX_SHOWN = 50


@click.command()
@click.argument("file", type=click.Path(dir_okay=True, readable=False))
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object.")
@click.option("--fail-on-spof", is_flag=True, help="Exit 1 when any SPOF exists.")
@click.option("--mitigations", is_flag=True,
              help="Add the mitigation plan: costed edits, break-even and knee.")
@click.option("--max-steps", type=click.IntRange(1, 100), default=15, show_default=True,
              help="Longest plan with --mitigations.")
@click.option("--fail-on", "fail_on", type=click.Choice(SEVERITY_CHOICES),
              help="Exit 1 when an open segmentation finding is this severe or worse.")
@click.option("--tolerance", type=click.FloatRange(0, 1e-3, min_open=True), metavar="GAP",
              help="Certified gap asked on unavailability where the design is bounded "
                   "rather than exact (default: the design's setting, 1e-9).")
@target_option
@timeout_option
def analyze(file: str, as_json: bool, fail_on_spof: bool, mitigations: bool,
            max_steps: int, target: float | None, fail_on: str | None = None,
            tolerance: float | None = None, timeout: float | None = None) -> None:
    """Report single points of failure and cut sets of a design."""
    # Imported here, not at the top: `weaklink --version` must not load the engines.
    from designer.report.result_json import result_to_json
    from designer.report.review import IMPORTANCE_SHOWN
    from designer.report.text import text_report

    with job("analyze", timeout) as progress:
        progress.phase(f"reading {file}")
        try:
            design = load_design(file)
        except LoadError as err:
            for problem in err.errors[:MAX_SHOWN]:
                click.echo(str(problem), err=True)
            if len(err.errors) > MAX_SHOWN:
                click.echo(f"{file}: ... and {len(err.errors) - MAX_SHOWN} more problems",
                           err=True)
            raise SystemExit(EXIT_INVALID) from None
        if tolerance is not None:
            design = design.model_copy(update={"settings": design.settings.model_copy(
                update={"bounds_tolerance": tolerance})})
        with refuse_limit(file):
            # Certified importance costs seconds; only the JSON carries it.
            result = analysed(design, progress, IMPORTANCE_SHOWN if as_json else 0)
        if mitigations:
            progress.phase("planning mitigations")
        plan = planned(design, max_steps, target, result.findings) if mitigations else None
        if plan is not None:          # the plan is the result's mitigations part
            result = dataclasses.replace(result, mitigations=plan)
        # Written out before `finish()`, so Ctrl+C and --timeout still stop
        # it; printed after, whole (cli/jobs.py).
        if as_json:
            report = safe_json(result_to_json(result))
        else:
            report = "\n".join([text_report(result, {c.id: c.name for c in design.components}),
                                 "", *findings_text(result.findings),
                                 *(["", *plan_text(plan)] if plan else [])])
        progress.finish()
        print_whole(report + "\n")
    if fail_on_spof and result.structure.spofs:
        raise SystemExit(EXIT_SPOF)
    if fail_on and too_severe(result.findings, fail_on):
        raise SystemExit(EXIT_SPOF)


def findings_text(findings) -> list[str]:
    from designer.report.findings import text_lines
    return text_lines(findings)


def too_severe(findings, threshold: str) -> bool:
    """An open (not accepted) finding at `threshold` or worse."""
    worst = findings.worst() if findings is not None else None
    return worst is not None and (SEVERITY_CHOICES.index(worst)
                                  <= SEVERITY_CHOICES.index(threshold))


def planned(design, max_steps: int, target: float | None, findings=None):
    """The mitigation plan (designer/analysis/mitigation), imported lazily."""
    from designer.analysis.mitigation import make_plan
    from designer.analysis.mitigation.security import security_fixes
    plan = make_plan(design, step_limit=max_steps, target=target)
    plan.security = security_fixes(design, segmentation=findings)
    return plan


def plan_text(plan) -> list[str]:
    from designer.report.plan import text_lines
    return text_lines(plan)
