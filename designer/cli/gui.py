"""`weaklink [FILE]`: open the editor (owned by the window work). Qt is
imported inside the command so headless commands never load it."""
from pathlib import Path

import click

from .jobs import job, timeout_option


@click.command("open")
@click.argument("file", required=False, type=click.Path(readable=False))
@click.option("--screenshot", type=click.Path(dir_okay=False),
              help="Render the window to this PNG and exit.")
@click.option("--size", default="1400x900", show_default=True, help="Window size WxH.")
@click.option("--dark", is_flag=True, help="With --screenshot: the dark palette (the "
              "editor itself keeps the user's View > Dark Mode choice).")
@timeout_option
def open_gui(file: str | None, screenshot: str | None, size: str, dark: bool,
             timeout: float | None = None) -> None:
    """Open the editor, optionally on FILE."""
    from designer.app import run

    if not screenshot:
        raise SystemExit(run(file, screenshot=screenshot, size=size, dark=dark))
    if file and file.lower().endswith(".json"):
        _refuse_before_qt(file)
    # A screenshot is a job: progress past a second, Ctrl+C, --timeout
    # (cli/jobs.py); a PNG it had started is removed when it stops.
    with job("screenshot", timeout) as progress:
        progress.phase(f"opening and rendering {file or 'an empty design'}")
        if not Path(screenshot).exists():
            progress.cleanup.append(Path(screenshot))
        code = run(file, screenshot=screenshot, size=size, dark=dark)
        progress.finish()
    raise SystemExit(code)


def _refuse_before_qt(file: str) -> None:
    """A file the window would refuse (a FIFO, one over the limits, a broken
    one) is refused here, in a second, before Qt and the window start:
    100,000 notes took 20 s to be refused inside the window."""
    from designer.io import LoadError, load_design
    try:
        load_design(file)
    except LoadError as err:
        for problem in err.errors[:10]:
            click.echo(str(problem), err=True)
        raise SystemExit(2) from None
