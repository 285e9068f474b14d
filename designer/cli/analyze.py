"""`weaklink analyze FILE` (owned by the analysis work)."""
import click


@click.command()
@click.argument("file", type=click.Path(dir_okay=False))
def analyze(file: str) -> None:
    """Report single points of failure and cut sets of a design."""
    raise click.ClickException("analyze is being built")
