"""The analysis worker process, without Qt: what `designer.workers` sends a
design to when the design is big. Kept apart so the spawned child imports
only this module and the engine (never PySide6), which keeps its start-up
near half a second and its memory small.

Protocol over one pipe: the parent sends `(analyze, design)` and receives
`(True, (result, compute_seconds))` or `(False, "error text")`; `None` asks
the child to exit. `analyze` travels by reference, so it must be a
module-level function.
"""
from __future__ import annotations

import multiprocessing
import os
import threading
import time
from typing import Any, Callable, Optional

Analyze = Callable[[Any], Any]


def default_analyze(design):
    """The real engine, imported lazily (also inside the worker process)."""
    from designer.analysis.engine import analyze
    return analyze(design)


def timed(analyze: Analyze, design) -> tuple[Any, float]:
    start = time.perf_counter()
    result = analyze(design)
    return result, time.perf_counter() - start


def _serve(conn, nice: int = 5) -> None:
    """Worker process main loop: (analyze, design) in, (ok, payload) out.
    It runs at a lower priority: on a busy two-core laptop the GUI thread
    must win the CPU, the analysis takes whatever is left."""
    _lower_priority(nice)
    while True:
        try:
            job = conn.recv()
        except (EOFError, OSError):
            return
        if job is None:
            return
        try:
            conn.send((True, timed(*job)))
        except Exception as err:  # report, keep serving
            conn.send((False, f"{type(err).__name__}: {err}"))


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
        self._proc = ctx.Process(target=_serve, args=(child, _app_nice() + 5),
                                 daemon=True, name="weaklink-analysis")
        self._proc.start()
        child.close()
        self.killed = False

    @property
    def pid(self) -> Optional[int]:
        return self._proc.pid

    def alive(self) -> bool:
        return not self.killed and self._proc.is_alive()

    def kill(self) -> None:
        """Abandon the analysis in progress (its result is stale)."""
        self.killed = True
        self._proc.kill()
        self._proc.join(0.5)          # reap it: no zombie left behind

    def run(self, analyze: Analyze, design) -> tuple[Any, float]:
        self._conn.send((analyze, design))
        ok, payload = self._conn.recv()
        if not ok:
            raise RuntimeError(payload)
        return payload

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
