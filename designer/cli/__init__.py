"""`weaklink`: headless commands and the GUI launcher.

`weaklink FILE` opens the GUI (the `open` command); anything else is a
subcommand. Each command lives in its own module; this file only wires them.
"""
from __future__ import annotations

import click

from designer import __version__

from .analyze import analyze
from .fta import export_mef, fta
from .gui import open_gui
from .validate import validate


class _FileOrCommand(click.Group):
    """Treat a first argument that is not a command as a file to open."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        if args and args[0] not in self.commands and not args[0].startswith("-"):
            args = ["open", *args]
        elif args and args[0].startswith("--") and args[0] not in ("--help", "--version"):
            args = ["open", *args]
        return super().parse_args(ctx, args)


@click.group(cls=_FileOrCommand, invoke_without_command=True,
             context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="weaklink")
@click.pass_context
def cli(ctx: click.Context) -> None:
    """Weaklink: find the single points of failure in an infrastructure design.

    Run `weaklink FILE` to open a design in the editor, or a command below.
    """
    if ctx.invoked_subcommand is None:
        ctx.invoke(open_gui)


for _command in (validate, analyze, fta, export_mef, open_gui):
    cli.add_command(_command)


def main() -> None:
    cli(prog_name="weaklink")
