"""`weaklink validate FILE`: exit 0 with a one-line summary, or exit 2 with
every problem as `FILE: WHERE: MESSAGE`, never a traceback."""
from __future__ import annotations

import click

from designer.io import LoadError, load_design

EXIT_INVALID = 2
# A file of garbage can yield thousands of errors; the first ones locate it.
MAX_SHOWN = 50


@click.command()
@click.argument("file", type=click.Path(dir_okay=True))
def validate(file: str) -> None:
    """Check a design file; exit 0 with a summary or 2 with the errors."""
    try:
        design = load_design(file)
    except LoadError as err:
        problems = err.errors
        for problem in problems[:MAX_SHOWN]:
            click.echo(str(problem), err=True)
        if len(problems) > MAX_SHOWN:
            click.echo(f"{file}: ... and {len(problems) - MAX_SHOWN} more problems",
                       err=True)
        raise SystemExit(EXIT_INVALID) from None
    click.echo(f"{file}: ok, design {design.name!r}, {_count(design.components, 'component')}, "
               f"{_count(design.links, 'link')}")


def _count(items: tuple, noun: str) -> str:
    return f"{len(items)} {noun}{'' if len(items) == 1 else 's'}"
