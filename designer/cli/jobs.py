"""Long CLI jobs (analyze, fta, --screenshot, export): progress, Ctrl+C and
`--timeout`, the same for every command.

    with job("analyze", timeout) as progress:
        progress.phase("reading the design")
        ...
        progress.finish()          # results computed: printing them now
        print_whole(report)        # inside the job, whole whatever Ctrl+C does

- Progress: past one second, a line on stderr says how long it has run and
  which phase it is in (redrawn in place on a terminal, a new line every few
  seconds otherwise).
- Ctrl+C: exit 130 with one line saying where it was; nothing is written
  (commands print and save only after `finish()`), and `cleanup` paths
  (a half-rendered PNG) are removed. Once the output is being written, it
  is written whole, then the job exits 130 saying so: a Ctrl+C that came
  while a 300 KB report filled a pipe left half a JSON object behind.
- `--timeout SECONDS`: exit 3 with a line saying what was reached.
- An export of several files names those already written whole when it
  stops (each is replaced atomically; the others are left as they were),
  and removes the temporary file of a write it stopped inside
  (io/save.py's `IN_FLIGHT`).

A watchdog thread does all three, so they work even while the main thread
is deep in C code (a BDD operation, Qt's event loop) where Python signal
handlers would wait: the interpreter's C-level handler writes SIGINT's
number to a wake-up pipe (signal.set_wakeup_fd) the watchdog listens on,
whichever thread the kernel picked; the Python-level handler does nothing,
and the watchdog ends the process with os._exit. (Blocking SIGINT instead
fails: threads a library started earlier, such as OpenBLAS's, still take it.)
"""
from __future__ import annotations

import json
import math
import os
import select
import signal
import sys
import threading
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Iterator

import click

EXIT_INTERRUPTED = 130
EXIT_TIMEOUT = 3
QUIET_FOR = 1.0          # seconds before the first progress line
LINE_EVERY = 5.0         # seconds between progress lines when stderr is not a terminal


def timeout_option(func):
    """`--timeout SECONDS` for a long command."""
    return click.option("--timeout", type=click.FloatRange(min=0, min_open=True),
                        default=None, metavar="SECONDS",
                        help="Stop with exit 3 if not done after SECONDS.")(func)


class Progress:
    """What the job is doing now; read by the watchdog thread."""

    def __init__(self, command: str, timeout: float | None) -> None:
        self.command, self.timeout = command, timeout
        self.started = time.monotonic()
        self.current = "starting"
        self.reached: list[str] = []
        self.cleanup: list[Path] = []
        self.children: list[int] = []     # worker processes to kill if the job stops
        self.written: list[str] = []      # outputs already whole (an export's several files)
        self._finished = threading.Event()
        self.interrupted_late = False

    def phase(self, text: str) -> None:
        if self.current != "starting":
            self.reached.append(self.current)
        self.current = text

    def finish(self) -> None:
        """Computing is over: from here the command writes its output, which
        neither the timeout nor Ctrl+C interrupts half-way."""
        self._finished.set()

    @property
    def elapsed(self) -> float:
        return time.monotonic() - self.started

    def summary(self) -> str:
        done = f"; done: {', '.join(self.reached)}" if self.reached else ""
        return f"{self.current} after {self.elapsed:.1f} s{done}"


@contextmanager
def job(command: str, timeout: float | None = None) -> Iterator[Progress]:
    progress = Progress(command, timeout)
    if threading.current_thread() is not threading.main_thread():
        yield progress          # e.g. under a test runner thread: no signals to own
        return
    wake_read, wake_write = os.pipe()
    os.set_blocking(wake_write, False)
    old_fd = signal.set_wakeup_fd(wake_write, warn_on_full_buffer=False)
    old_handler = signal.signal(signal.SIGINT, _ignore)
    watchdog = threading.Thread(target=_watch, args=(progress, wake_read), daemon=True,
                                name=f"{command}-watchdog")
    watchdog.start()
    try:
        yield progress
    finally:
        progress.finish()
        watchdog.join(timeout=1.0)
        # A Ctrl+C after the watchdog's last look is still in the pipe.
        progress.interrupted_late = progress.interrupted_late or _interrupted(wake_read, 0.0)
        _clear_line(progress)
        signal.signal(signal.SIGINT, old_handler)
        signal.set_wakeup_fd(old_fd)
        os.close(wake_read)
        os.close(wake_write)
    if progress.interrupted_late:
        _say(f"{command}: interrupted (Ctrl+C) while writing the results; "
             "they were written whole")
        raise SystemExit(EXIT_INTERRUPTED)


def print_whole(text: str) -> None:
    """`text` on stdout with Ctrl+C held off until all of it is written
    (after `finish()`): a write that SIGINT interrupts lost what the pipe
    had not taken yet, even with a handler that ignores it (Python's
    buffered writer; measured: of 300 KB, 64-80 KB arrived, the rest gone
    while `write` said all was written). Without signal masks (Windows),
    written as it is."""
    mask = getattr(signal, "pthread_sigmask", None)
    held = mask(signal.SIG_BLOCK, {signal.SIGINT}) if mask else None
    try:
        click.echo(text, nl=False)
    finally:
        if mask:
            mask(signal.SIG_SETMASK, held)


def _ignore(signum, frame) -> None:
    """SIGINT's Python-level handler: the watchdog acts on it (see above)."""


def _interrupted(wake_read: int, wait: float = 0.1) -> bool:
    readable, _, _ = select.select([wake_read], [], [], wait)
    return bool(readable) and signal.SIGINT in os.read(wake_read, 64)


def _watch(progress: Progress, wake_read: int) -> None:
    shown_at = 0.0
    while not progress._finished.is_set():
        got = _interrupted(wake_read)
        if progress._finished.is_set():
            progress.interrupted_late = bool(got)   # output is being written: end after it
            return
        if got:
            _stop(progress, EXIT_INTERRUPTED, "interrupted (Ctrl+C) while")
        elapsed = progress.elapsed
        if progress.timeout is not None and elapsed > progress.timeout:
            _stop(progress, EXIT_TIMEOUT, f"stopped by --timeout {progress.timeout:g} while")
        if elapsed >= QUIET_FOR and (sys.stderr.isatty() or elapsed - shown_at >= LINE_EVERY
                                     or shown_at == 0.0):
            _show(progress)
            shown_at = elapsed


def _show(progress: Progress) -> None:
    text = f"{progress.command}: {progress.current}... {progress.elapsed:.0f} s"
    try:
        if sys.stderr.isatty():
            sys.stderr.write("\r\x1b[K" + text)
        else:
            sys.stderr.write(text + "\n")
        sys.stderr.flush()
    except (OSError, ValueError):
        pass


def _clear_line(progress: Progress) -> None:
    if progress.elapsed >= QUIET_FOR and sys.stderr.isatty():
        try:
            sys.stderr.write("\r\x1b[K")
            sys.stderr.flush()
        except (OSError, ValueError):
            pass


def _stop(progress: Progress, code: int, why: str) -> None:
    for pid in list(progress.children):
        try:
            os.kill(pid, signal.SIGKILL)
        except OSError:
            pass
    save = sys.modules.get("designer.io.save")     # not imported: nothing being written
    writing = list(save.IN_FLIGHT) if save else []
    for path in [*progress.cleanup, *map(Path, writing)]:
        try:
            path.unlink()
        except OSError:
            pass
    _clear_line(progress)
    _say(f"{progress.command}: {why} {progress.summary()}; {_written(progress.written)}")
    try:
        sys.stdout.flush()
    except (OSError, ValueError):
        pass
    os._exit(code)


def _written(paths: list[str]) -> str:
    if not paths:
        return "nothing was written"
    return f"only {', '.join(paths)} {'was' if len(paths) == 1 else 'were'} written"


def _say(line: str) -> None:
    try:
        sys.stderr.write(line + "\n")
        sys.stderr.flush()
    except (OSError, ValueError):
        pass


# -- pieces the commands share ------------------------------------------------------

DEEP_STACK = 512 * 1024 * 1024   # bytes of address space; pages are used only when touched


def on_deep_stack(func, *args):
    """`func(*args)` on a thread with a 512 MB C stack. CUDD's operations
    recurse once per variable on a path: a BDD over 100,000 events (a flat
    OR) overflowed the main thread's 8 MB stack and crashed (SIGSEGV)."""
    outcome: dict[str, Any] = {}

    def target() -> None:
        try:
            outcome["value"] = func(*args)
        except BaseException as err:      # re-raised on the calling thread
            outcome["error"] = err

    previous = threading.stack_size(DEEP_STACK)
    try:
        worker = threading.Thread(target=target, name="deep-stack", daemon=True)
        worker.start()
    finally:
        threading.stack_size(previous)
    worker.join()
    if "error" in outcome:
        raise outcome["error"]
    return outcome["value"]


def analysed(design, progress: Progress, certify_importance: int = 0):
    """The whole analysis (analysis/engine.py), phase by phase for the
    progress line; `certify_importance` as engine.analyze's."""
    from designer.analysis.engine import analyze_phases

    from .worker import run_supervised

    def work():
        progress.phase("finding single points of failure")
        phases = analyze_phases(design, certify_importance)
        _, result = next(phases)
        upcoming = iter(("checking segmentation", "computing availability"))
        while True:
            progress.phase(next(upcoming, "analysing"))
            step = next(phases, None)
            if step is None:
                return result
            result = result.advanced(*step)

    return run_supervised(progress, work)


@contextmanager
def refuse_limit(file: str) -> Iterator[None]:
    """An input over a limit found during the work: `FILE: WHERE: MESSAGE`, exit 2."""
    from designer.model.limits import LimitExceeded

    from .worker import WorkerCrashed
    try:
        yield
    except LimitExceeded as err:
        click.echo(f"{file}: {err.where}: the design {err}", err=True)
        raise SystemExit(2) from None
    except (MemoryError, WorkerCrashed) as err:
        click.echo(f"{file}: $: the analysis could not finish: "
                   f"{'out of memory' if isinstance(err, MemoryError) else err}", err=True)
        raise SystemExit(2) from None


# -- output that is always valid -----------------------------------------------------

def safe_json(data: Any) -> str:
    """JSON text with every non-finite number (NaN, inf: never valid JSON)
    written as null, so `--json` output always parses."""
    return json.dumps(_finite(data), indent=2, allow_nan=False)


def _finite(value: Any) -> Any:
    if isinstance(value, float):
        return value if math.isfinite(value) else None
    if isinstance(value, dict):
        return {key: _finite(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [_finite(item) for item in value]
    return value
