"""`weaklink validate FILE` (owned by the io work)."""
import click


@click.command()
@click.argument("file", type=click.Path(dir_okay=False))
def validate(file: str) -> None:
    """Check a design file; exit 0 with a summary or 2 with the errors."""
    raise click.ClickException("validate is being built")
