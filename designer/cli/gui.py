"""`weaklink [FILE]`: open the editor (owned by the window work). Qt is
imported inside the command so headless commands never load it."""
import click


@click.command("open")
@click.argument("file", required=False, type=click.Path(dir_okay=False))
@click.option("--screenshot", type=click.Path(dir_okay=False),
              help="Render the window to this PNG and exit.")
@click.option("--size", default="1400x900", show_default=True, help="Window size WxH.")
@click.option("--dark", is_flag=True, help="With --screenshot: the dark palette (the "
              "editor itself keeps the user's View > Dark Mode choice).")
def open_gui(file: str | None, screenshot: str | None, size: str, dark: bool) -> None:
    """Open the editor, optionally on FILE."""
    from designer.app import run

    raise SystemExit(run(file, screenshot=screenshot, size=size, dark=dark))
