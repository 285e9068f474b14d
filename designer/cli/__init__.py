"""`weaklink`: headless commands and the GUI launcher.

`weaklink FILE` opens the GUI (the `open` command); anything else is a
subcommand. Each command lives in its own module, imported only when that
command runs (`COMMANDS`), so `weaklink --version` and `weaklink validate`
do not pay for the engines, numpy, dd or Qt (benchmarks/bench_cli.py).
This file only wires them.
"""
from __future__ import annotations

import importlib
import signal
import sys

import click

from designer import __version__

# Command name -> (module in designer.cli, the click command in it), in help order.
COMMANDS = {
    "validate": ("validate", "validate"),
    "analyze": ("analyze", "analyze"),
    "apply": ("apply", "apply_plan"),
    "export": ("export", "export"),
    "fta": ("fta", "fta"),
    "export-mef": ("fta", "export_mef"),
    "self-test": ("selftest", "self_test"),
    "open": ("gui", "open_gui"),
}


class _FileOrCommand(click.Group):
    """Treat a first argument that is not a command as a file to open."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return list(COMMANDS)

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        if name not in COMMANDS:
            return None
        module, attribute = COMMANDS[name]
        return getattr(importlib.import_module(f"{__name__}.{module}"), attribute)

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        if args and args[0] not in COMMANDS and not args[0].startswith("-"):
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
        ctx.invoke(cli.get_command(ctx, "open"))


def main() -> None:
    # A frozen bundle re-runs its own binary for the spawned analysis worker:
    # freeze_support makes that run serve the worker instead of starting the
    # app again. It does nothing unfrozen, so only a bundle pays its import.
    if getattr(sys, "frozen", False):
        import multiprocessing
        multiprocessing.freeze_support()
    signal.signal(signal.SIGINT, _interrupted)
    cli(prog_name="weaklink")


def _interrupted(signum, frame) -> None:
    """Ctrl+C outside a long job (cli/jobs.py has its own): exit 130, one line,
    instead of click's "Aborted!" and exit 1."""
    print("weaklink: interrupted (Ctrl+C); nothing was written", file=sys.stderr)
    raise SystemExit(130)
