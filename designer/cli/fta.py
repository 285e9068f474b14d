"""`weaklink fta` and `weaklink export-mef` (owned by the engine II work)."""
import click


@click.command()
@click.argument("model", type=click.Path(dir_okay=False))
def fta(model: str) -> None:
    """Analyse an Open-PSA MEF fault tree."""
    raise click.ClickException("fta is being built")


@click.command("export-mef")
@click.argument("design", type=click.Path(dir_okay=False))
@click.argument("out", type=click.Path(dir_okay=False))
def export_mef(design: str, out: str) -> None:
    """Write a design's fault tree as Open-PSA MEF XML."""
    raise click.ClickException("export-mef is being built")
