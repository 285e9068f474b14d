"""`weaklink self-test`: check an installation (a wheel, or the desktop
bundle) without a display: the bundled templates load and analyse, the
analysis worker starts as a separate process, the bundled font is there and
a design renders offscreen. Each check prints one line; exit 0 when all pass,
1 naming the first that failed. `make dist` runs it from the bundle."""
from __future__ import annotations

import os
import shutil
from pathlib import Path

import click

EXIT_FAILED = 1


@click.command("self-test")
@click.option("--worker", "only_worker", is_flag=True,
              help="Only check that the analysis worker process starts.")
@click.option("--templates", "copy_to", type=click.Path(file_okay=False),
              help="Also copy the bundled templates into this folder.")
def self_test(only_worker: bool, copy_to: str | None) -> None:
    """Check that this installation works (no display needed)."""
    checks = [("analysis worker process", _check_worker)]
    if not only_worker:
        checks = [("bundled templates", _check_templates), *checks,
                  ("offscreen rendering", _check_render)]
    for title, check in checks:
        try:
            detail = check()
        except Exception as err:   # a self-test reports, it does not crash
            click.echo(f"{title}: FAILED: {type(err).__name__}: {err}", err=True)
            raise SystemExit(EXIT_FAILED) from None
        click.echo(f"{title}: ok ({detail})")
    if copy_to:
        Path(copy_to).mkdir(parents=True, exist_ok=True)
        for path in _template_files():
            shutil.copyfile(path, Path(copy_to) / path.name)
        click.echo(f"templates copied to {copy_to}")


def _template_files() -> list[Path]:
    from designer import data
    return data.templates()


def _check_templates() -> str:
    from designer.analysis.engine import analyze
    from designer.io import load_design
    found = _template_files()
    if not found:
        raise RuntimeError("no bundled templates")
    for path in found:
        analyze(load_design(path))
    return f"{len(found)} load and analyse"


def _check_worker() -> str:
    """The worker is spawned, never forked: in a frozen bundle that means the
    binary re-executes itself, which only works with freeze_support() at the
    entry point. Run a real analysis there and compare pids."""
    from designer.io import load_design
    from designer.live.worker_process import WorkerProcess, default_analyze
    design = load_design(_template_files()[0])
    worker = WorkerProcess()
    try:
        phases = list(worker.run(default_analyze, design))
        pid = worker.pid
    finally:
        worker.close()
    if pid == os.getpid() or not phases:
        raise RuntimeError("the analysis did not run in a separate process")
    return f"pid {pid}, {len(phases)} phases"


def _check_render() -> str:
    """The window with a template, drawn offscreen with the bundled font
    (the same path as `weaklink FILE --screenshot`)."""
    import tempfile
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from designer.app import run
    with tempfile.TemporaryDirectory(prefix="weaklink-self-test-") as scratch:
        out = Path(scratch) / "window.png"
        code = run(str(_template_files()[0]), screenshot=str(out), size="1024x700")
        if code != 0 or not out.is_file() or out.stat().st_size < 10_000:
            raise RuntimeError("the window did not render")
        return f"1024x700 window, {out.stat().st_size // 1024} KB PNG"
