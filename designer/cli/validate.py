"""`weaklink validate FILE...`: for each file, one summary line on stdout, or
every problem as `FILE: WHERE: MESSAGE` on stderr; exit 0 when all are valid,
2 when any is not. Never a traceback."""
from __future__ import annotations

import click

from designer.io import LoadError, load_design

EXIT_INVALID = 2
# A file of garbage can yield thousands of errors; the first ones locate it.
MAX_SHOWN = 50


@click.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(readable=False))
def validate(files: tuple[str, ...]) -> None:
    """Check design files; exit 0 with a summary each, or 2 with the errors."""
    results = [_check(file) for file in files]
    if not all(results):
        raise SystemExit(EXIT_INVALID)


def _check(file: str) -> bool:
    try:
        design = load_design(file)
    except LoadError as err:
        problems = err.errors
        for problem in problems[:MAX_SHOWN]:
            click.echo(str(problem), err=True)
        if len(problems) > MAX_SHOWN:
            click.echo(f"{file}: ... and {len(problems) - MAX_SHOWN} more problems",
                       err=True)
        return False
    click.echo(f"{file}: ok, design {design.name!r}, "
               f"{_count(design.components, 'component')}, {_count(design.links, 'link')}")
    return True


def _count(items: tuple, noun: str) -> str:
    return f"{len(items)} {noun}{'' if len(items) == 1 else 's'}"
