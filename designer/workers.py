"""Snapshot -> background analysis -> result back on the GUI thread.

The shape follows napari's `_LayerSlicer` (one-worker executor, a newer request
makes older ones stale, results matched by an id) and orange's `qinvoke`
(a signal emitted from the worker thread is delivered, queued, on the GUI
thread), with a debounce timer in front:

    document.changed -> schedule() -> 150 ms debounce -> snapshot() on the GUI
    thread -> one worker thread -> analyze(snapshot) -> resultReady on the GUI
    thread, only if no newer edit happened meanwhile (generation counter).

Where the analysis runs. Small designs are analysed in the worker thread: the
analysis is pure Python, so the GUI thread gets the interpreter back at every
switch interval (5 ms). A big design (at least `process_components`
components, or the last analysis took more than `slow_ms`) is handed by that
same worker thread to one separate process, spawned (never forked: forking a
process that runs Qt threads is unsafe) the first time it is needed and
reused afterwards, so the GUI never competes with the analysis for the
interpreter lock. The worker thread just waits on the pipe.

Stale work: a request still waiting in the queue is cancelled; one already
running finishes and its result is dropped. Several edits during a long
analysis therefore cost one more analysis, not one per edit.
"""
from __future__ import annotations

import logging
import multiprocessing
import time
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any, Callable, Optional

from PySide6.QtCore import QObject, QTimer, Signal, Slot

log = logging.getLogger(__name__)

Analyze = Callable[[Any], Any]


def default_analyze(design):
    """The real engine, imported lazily (also inside the worker process)."""
    from designer.analysis.engine import analyze
    return analyze(design)


def _timed(analyze: Analyze, design) -> tuple[Any, float]:
    start = time.perf_counter()
    result = analyze(design)
    return result, time.perf_counter() - start


def _serve(conn) -> None:
    """Worker process main loop: (analyze, design) in, (ok, payload) out."""
    while True:
        try:
            job = conn.recv()
        except (EOFError, OSError):
            return
        if job is None:
            return
        try:
            conn.send((True, _timed(*job)))
        except Exception as err:  # report, keep serving
            conn.send((False, f"{type(err).__name__}: {err}"))


class WorkerProcess:
    """One spawned process that analyses designs sent over a pipe."""

    def __init__(self) -> None:
        ctx = multiprocessing.get_context("spawn")
        self._conn, child = ctx.Pipe()
        self._proc = ctx.Process(target=_serve, args=(child,), daemon=True,
                                 name="weaklink-analysis")
        self._proc.start()
        child.close()

    @property
    def pid(self) -> Optional[int]:
        return self._proc.pid

    def alive(self) -> bool:
        return self._proc.is_alive()

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


class _Relay(QObject):
    """Lives on the GUI thread; emitting from the worker queues the call."""
    done = Signal(int, object)


class AnalysisScheduler(QObject):
    """Debounced, single-worker, stale-dropping analysis of a snapshot.

    `snapshot()` is called on the GUI thread when the debounce fires;
    `analyze(design)` runs off it (it must be a module-level function so the
    worker process can receive it). Signals arrive on the GUI thread."""

    resultReady = Signal(object)      # the newest AnalysisResult
    failed = Signal(str)              # the newest analysis raised
    pendingChanged = Signal(bool)     # True from an edit until its result

    def __init__(self, snapshot: Callable[[], Any], analyze: Analyze = default_analyze,
                 *, debounce_ms: int = 150, process_components: int = 800,
                 slow_ms: float = 100.0, parent: Optional[QObject] = None):
        super().__init__(parent)
        self._snapshot, self._analyze = snapshot, analyze
        self.process_components, self.slow_ms = process_components, slow_ms
        self._generation = 0
        self._pending = False
        self._queued: Optional[Future] = None
        self._executor: Optional[ThreadPoolExecutor] = ThreadPoolExecutor(
            max_workers=1, thread_name_prefix="weaklink-analysis")
        self._process: Optional[WorkerProcess] = None
        self._relay = _Relay(self)
        self._relay.done.connect(self._on_done)
        self._timer = QTimer(self, singleShot=True, interval=debounce_ms)
        self._timer.timeout.connect(self._submit)
        # Measurements, read by the status bar, the tests and the benchmark.
        self.analyses_started = 0
        self.stale_dropped = 0
        self.last_compute_ms: Optional[float] = None
        self.last_total_ms: Optional[float] = None
        self.last_in_process = False

    # -- public --------------------------------------------------------------
    @property
    def generation(self) -> int:
        return self._generation

    def is_pending(self) -> bool:
        return self._pending

    @Slot()
    def schedule(self) -> None:
        """An edit happened: older work is stale; analyse after a pause."""
        if self._executor is None:
            return
        self._generation += 1
        self._timer.start()
        self._set_pending(True)

    def run_now(self) -> None:
        """Skip the debounce (a design was just opened)."""
        self.schedule()
        self._timer.stop()
        self._submit()

    def warm_up(self) -> None:
        """Start the worker process ahead of need (it takes about a second)."""
        if self._executor is not None:
            self._executor.submit(self._ensure_process)

    def process_pid(self) -> Optional[int]:
        return self._process.pid if self._process else None

    def shutdown(self) -> None:
        """Stop everything; nothing is delivered afterwards. Idempotent."""
        self._timer.stop()
        self._generation += 1
        executor, self._executor = self._executor, None
        if executor is not None:
            executor.shutdown(wait=False, cancel_futures=True)
        process, self._process = self._process, None
        if process is not None:
            process.close()
        self._set_pending(False)

    # -- GUI thread ------------------------------------------------------------
    @Slot()
    def _submit(self) -> None:
        if self._executor is None:
            return
        if self._queued is not None:
            self._queued.cancel()   # not started yet: never run it
        generation, design = self._generation, self._snapshot()
        use_process = self._wants_process(design)
        future = self._executor.submit(self._work, generation, design, use_process)
        future.add_done_callback(lambda f, g=generation: self._deliver(g, f))
        self._queued = future

    def _wants_process(self, design) -> bool:
        size = len(getattr(design, "components", ()))
        slow = self.last_compute_ms is not None and self.last_compute_ms > self.slow_ms
        return size >= self.process_components or slow

    @Slot(int, object)
    def _on_done(self, generation: int, future: Future) -> None:
        if future is self._queued:
            self._queued = None
        if future.cancelled() or generation != self._generation:
            self.stale_dropped += 1
            return
        self._set_pending(False)
        error = future.exception()
        if error is not None:
            log.warning("analysis failed: %s", error)
            self.failed.emit(str(error) or type(error).__name__)
            return
        result, compute_s, total_s, in_process = future.result()
        self.last_compute_ms, self.last_total_ms = compute_s * 1e3, total_s * 1e3
        self.last_in_process = in_process
        self.resultReady.emit(result)

    def _set_pending(self, pending: bool) -> None:
        if pending != self._pending:
            self._pending = pending
            self.pendingChanged.emit(pending)

    # -- worker thread ---------------------------------------------------------
    def _deliver(self, generation: int, future: Future) -> None:
        try:
            self._relay.done.emit(generation, future)
        except RuntimeError:  # the scheduler was deleted meanwhile
            pass

    def _work(self, generation: int, design, use_process: bool):
        if generation != self._generation:
            raise _Stale()
        self.analyses_started += 1
        start = time.perf_counter()
        if use_process:
            result, compute = self._run_in_process(design)
        else:
            result, compute = _timed(self._analyze, design)
        return result, compute, time.perf_counter() - start, use_process

    def _ensure_process(self) -> WorkerProcess:
        if self._executor is None:
            raise RuntimeError("the analysis scheduler is shut down")
        if self._process is None or not self._process.alive():
            self._process = WorkerProcess()
        return self._process

    def _run_in_process(self, design) -> tuple[Any, float]:
        try:
            return self._ensure_process().run(self._analyze, design)
        except (EOFError, OSError, BrokenPipeError):
            self._process = None    # it died: start a fresh one next time
            raise RuntimeError("the analysis process stopped unexpectedly") from None


class _Stale(Exception):
    """A job whose generation was overtaken before it started."""
