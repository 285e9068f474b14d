"""The analysis worker process, without Qt: what `designer.live.workers` sends a
design to when the design is big. Kept apart so the spawned child imports
only this module and the engine (never PySide6), which keeps its start-up
near half a second and its memory small.

An analysis may come in named phases (`designer.analysis.result.Phase`):
`analyze(design)` either returns the whole result or is a generator that
yields `(phase, payload)` per phase. The real one (`engine.analyze_phases`)
yields engine I's structural result (all the canvas colours need) and then
engine II's AvailabilityPart for it, so the colours need not wait for the
Monte Carlo. `phases()` runs either kind, here and in the worker thread.

Protocol over one pipe: the parent sends `(analyze, design)` and receives
`("phase", (phase, payload, seconds))` per phase, then `("done", None)`, or
`("error", "text")` at any point; `None` asks the child to exit. `analyze`
travels by reference, so it must be a module-level function. Beside the
pipe, an event asks the job in progress to stop at its next checkpoint
(analysis/stop.py); it then answers `("stopped", None)` and the process,
with its part cache, serves on.
"""
from __future__ import annotations

import inspect
import multiprocessing
import os
import threading
import time
from typing import Any, Callable, Iterator, Optional

from designer.analysis.result import Phase
from designer.analysis.stop import Stopped, stopping_when

Analyze = Callable[[Any], Any]


# The certified bounds' parts of the designs analysed so far (analysis/
# part_cache.py, trimmed to its budget after each analysis): after an edit
# only the parts it touched are built and evaluated again. Generated 5,000-
# component design: 25 s for the first analysis; a server deleted 10.4 s,
# its undo 1.3 s (docs/performance.md). A killed worker takes it along.
_PARTS: dict = {}


def default_analyze(design):
    """The real engine phase by phase, compiling once (imported lazily, also
    inside the worker process). Same numbers as `engine.analyze`; a big
    design's availability comes twice, estimated then bounded."""
    from designer.analysis.engine import analyze_phases
    yield from analyze_phases(design, quick_first=True, part_cache=_PARTS)


def phases(analyze: Analyze, design) -> Iterator[tuple[Phase, Any, float]]:
    """(phase, payload, seconds since the start) per phase of
    `analyze(design)`; a plain function is one phase, the whole result."""
    start = time.perf_counter()
    outcome = analyze(design)
    if not inspect.isgenerator(outcome):
        yield Phase.STRUCTURE, outcome, time.perf_counter() - start
        return
    for phase, payload in outcome:
        yield phase, payload, time.perf_counter() - start


def _serve(conn, nice: int, stop) -> None:
    """Worker process main loop: (analyze, design) in, its phases out; a job
    stops at its next checkpoint once `stop` (an event) is set.
    It runs at a lower priority: on a busy two-core laptop the GUI thread
    must win the CPU, the analysis takes whatever is left."""
    _lower_priority(nice)
    _preload()
    while True:
        try:
            job = conn.recv()
        except (EOFError, OSError):
            return
        if job is None:
            return
        try:
            with stopping_when(stop.is_set):
                for phase in phases(*job):
                    conn.send(("phase", phase))   # phase 1 leaves before engine II
            conn.send(("done", None))
        except Stopped:
            conn.send(("stopped", None))
        except Exception as err:  # report, keep serving
            conn.send(("error", f"{type(err).__name__}: {err}"))


def _preload() -> None:
    """Import the engine and load its compiled passes while the GUI is still
    building the scene of the design this process was started for: a first
    big analysis otherwise pays 0.3 s of imports and 0.3-0.45 s of numba's
    loading (docs/performance.md). Before the first job, not beside it: a
    thread importing the engine while the job's design is unpickled can
    meet a half-imported designer.model."""
    try:
        from designer.analysis import engine  # noqa: F401
        from designer.analysis.bdd_walk import walker
        from designer.analysis.part_kernels import kernels
        kernels()
        walker()
    except Exception:  # noqa: BLE001 - the job loads what it needs itself, or reports
        pass


def _lower_priority(target: int) -> None:
    """Run at the nice value `target` (never raise priority, which needs
    privileges): 5 above the application's own."""
    try:
        current = os.nice(0)
        if target > current:
            os.nice(target - current)
    except (AttributeError, OSError):   # not on this platform: run as is
        pass


def lower_thread_priority(step: int = 5) -> None:
    """Make the calling thread yield the CPU to the GUI thread under load
    (Linux keeps a nice value per thread; elsewhere this does nothing)."""
    try:
        tid = threading.get_native_id()
        os.setpriority(os.PRIO_PROCESS, tid, os.getpriority(os.PRIO_PROCESS, tid) + step)
    except (AttributeError, OSError):
        pass


def _app_nice() -> int:
    """The application's nice value (its main thread's; the thread that
    starts the process may run lower, and the child would inherit that)."""
    try:
        return os.getpriority(os.PRIO_PROCESS, os.getpid())
    except (AttributeError, OSError):
        return 0


class WorkerProcess:
    """One spawned process that analyses designs sent over a pipe."""

    def __init__(self) -> None:
        ctx = multiprocessing.get_context("spawn")
        self._conn, child = ctx.Pipe()
        self._stop = ctx.Event()
        self._proc = ctx.Process(target=_serve, args=(child, _app_nice() + 5, self._stop),
                                 daemon=True, name="weaklink-analysis")
        self._proc.start()
        child.close()
        self.killed = False

    @property
    def pid(self) -> Optional[int]:
        return self._proc.pid

    def alive(self) -> bool:
        return not self.killed and self._proc.is_alive()

    def begin_job(self) -> None:
        """Forget a stop request left from the previous job (it ended): a
        request from now on is for the next job. Separate from `run`, whose
        body starts only when first read, so that a request made in between
        is not lost."""
        self._stop.clear()

    def stop(self) -> None:
        """Ask the analysis in progress to stop at its next checkpoint (its
        result is stale); the process and its cache stay."""
        self._stop.set()

    def kill(self) -> None:
        """Abandon the analysis in progress (its result is stale)."""
        self.killed = True
        self._proc.kill()
        self._proc.join(0.5)          # reap it: no zombie left behind

    def run(self, analyze: Analyze, design) -> Iterator[tuple[Phase, Any, float]]:
        """(phase, payload, seconds) per phase as each arrives. Consume it to the
        end: messages left in the pipe would answer the next job. A job asked
        to stop ends early, without an error; call `begin_job` first."""
        self._conn.send((analyze, design))
        while True:
            kind, payload = self._conn.recv()
            if kind in ("done", "stopped"):
                return
            if kind == "error":
                raise RuntimeError(payload)
            yield payload

    def close(self, timeout: float = 1.0) -> None:
        try:
            self._conn.send(None)
        except (OSError, ValueError):
            pass
        self._proc.join(timeout)
        if self._proc.is_alive():  # busy with a long analysis: do not wait
            self._proc.terminate()
            self._proc.join(timeout)
        self._conn.close()
