"""`weaklink apply FILE --steps N -o OUT`: write the design with the first N
steps of its mitigation plan applied (the same plan `weaklink analyze FILE
--mitigations` prints), so a plan can be reviewed and checked as a file.

Exit 0 after writing; 2 when the file cannot be read or is not a valid
design, or OUT cannot be written (one line naming the file, no traceback).
The plan is deterministic: the same file gives the same steps every time.
"""
from __future__ import annotations

import click

from designer.io import LoadError, SaveError, load_design, save_design

EXIT_INVALID = 2
MAX_SHOWN = 50


def load_or_exit(file: str):
    """The design in FILE, or every problem on stderr and exit 2."""
    try:
        return load_design(file)
    except LoadError as err:
        for problem in err.errors[:MAX_SHOWN]:
            click.echo(str(problem), err=True)
        if len(err.errors) > MAX_SHOWN:
            click.echo(f"{file}: ... and {len(err.errors) - MAX_SHOWN} more problems", err=True)
        raise SystemExit(EXIT_INVALID) from None


def target_option(function):
    return click.option(
        "--target", type=click.FloatRange(0.0, 1.0, max_open=True), default=None,
        help="Stop the plan once availability reaches this (e.g. 0.9999).")(function)


@click.command("apply")
@click.argument("file", type=click.Path(dir_okay=True))
@click.option("--steps", "-n", type=click.IntRange(0, 100), required=True,
              help="How many steps of the plan to apply.")
@click.option("--output", "-o", required=True, type=click.Path(dir_okay=False),
              help="Where to write the edited design.")
@target_option
def apply_plan(file: str, steps: int, output: str, target: float | None) -> None:
    """Write FILE with the first N mitigation steps applied."""
    from designer.analysis.mitigation import make_plan

    design = load_or_exit(file)
    plan = make_plan(design, step_limit=steps, target=target)
    done = len(plan.steps)
    edited = plan.designs[-1] if plan.steps else design
    try:
        save_design(edited, output)
    except SaveError as err:
        click.echo(str(err), err=True)
        raise SystemExit(EXIT_INVALID) from None
    except OSError as err:
        click.echo(f"{output}: cannot save: {err.strerror or err}", err=True)
        raise SystemExit(EXIT_INVALID) from None
    if done < steps:
        click.echo(f"{file}: the plan has only {done} step{'s' if done != 1 else ''}; "
                   f"wrote all of them", err=True)
    for step in plan.steps:
        click.echo(f"{step.number}. {step.candidate.description}")
    click.echo(f"{output}: written with {done} step{'s' if done != 1 else ''} applied")
