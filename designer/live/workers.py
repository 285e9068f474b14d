"""Snapshot -> background analysis -> result back on the GUI thread.

The shape follows napari's `_LayerSlicer` (one-worker executor, a newer request
makes older ones stale, results matched by an id) and orange's `qinvoke`
(a signal emitted from the worker thread is delivered, queued, on the GUI
thread), with a debounce timer in front:

    document.changed -> schedule() -> 150 ms debounce -> snapshot() on the GUI
    thread -> one worker thread -> analyze(snapshot) -> resultReady on the GUI
    thread, only if no newer edit happened meanwhile (generation counter).

Phases. One job may deliver in named phases (see `designer.live.worker_process`):
`resultReady` carries the first, Phase.STRUCTURE (the structural result:
colours, Problems), as soon as it exists; `partReady(phase, part)` each later
one (Phase.AVAILABILITY: the availability figures); then `completed` says the
job is done and `pendingChanged(False)` follows. Every
phase passes the same generation check, so a newer edit makes both phases of
an older job stale, and a phase 2 can never land on a newer phase 1 (that
newer phase 1 means a newer generation). In the thread a stale job stops
between phases; in the process it runs on (or is killed, below).

Where the analysis runs. Small designs are analysed in the worker thread: the
analysis is pure Python, so the GUI thread gets the interpreter back at every
switch interval (5 ms). A big design (at least `process_components`
components, or the last analysis took more than `slow_ms`) is handed by that
same worker thread to one separate process, spawned (never forked: forking a
process that runs Qt threads is unsafe) the first time it is needed and
reused afterwards, so the GUI never competes with the analysis for the
interpreter lock. The worker thread just waits on the pipe. The process side
lives in `designer.live.worker_process`, which imports no Qt.

Stale work: a request still waiting in the queue is cancelled; one already
running in the thread finishes and its result is dropped. One running in the
process is asked to stop at its next checkpoint (analysis/stop.py: a batch
of columns, a few dozen gates), which keeps the process and its cache of
the certified bounds' parts; if it is still running `respawn_ms` later
(about twice the measured 0.5 s spawn) it is killed. A big design whose
analysis takes seconds must not make the user wait for the answer to a
question nobody asks any more. Several edits during a long analysis
therefore cost one more analysis, not one per edit.
"""
from __future__ import annotations

import logging
import threading
import time
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any, Callable, Iterator, Optional

from PySide6.QtCore import QObject, Qt, QTimer, Signal, Slot

from designer.analysis.result import Phase
from designer.live.collector import collect_on_gui_thread
from designer.live.worker_process import (Analyze, WorkerProcess, default_analyze,
                                          lower_thread_priority, phases)

log = logging.getLogger(__name__)


class _Relay(QObject):
    """Lives on the GUI thread; emitting from the worker queues the call."""
    phase = Signal(int, object, object)  # generation, Phase, payload
    done = Signal(int, object)          # generation, future (after all phases)


class AnalysisScheduler(QObject):
    """Debounced, single-worker, stale-dropping analysis of a snapshot.

    `snapshot()` is called on the GUI thread when the debounce fires;
    `analyze(design)` runs off it (it must be a module-level function so the
    worker process can receive it). Signals arrive on the GUI thread."""

    resultReady = Signal(object)      # Phase.STRUCTURE of the newest job: the result
    partReady = Signal(object, object)  # a later phase of the same job: Phase, part
    completed = Signal()              # the newest job delivered every phase
    failed = Signal(str)              # the newest job raised before phase 1
    figuresFailed = Signal(str)       # ... raised after phase 1 was delivered
    pendingChanged = Signal(bool)     # True from an edit until its last phase

    def __init__(self, snapshot: Callable[[], Any], analyze: Analyze = default_analyze,
                 *, debounce_ms: int = 150, process_components: int = 800,
                 slow_ms: float = 100.0, respawn_ms: float = 1000.0,
                 parent: Optional[QObject] = None):
        super().__init__(parent)
        collect_on_gui_thread()         # before the worker thread exists
        self._snapshot, self._analyze = snapshot, analyze
        self.process_components, self.slow_ms = process_components, slow_ms
        self.respawn_ms = respawn_ms
        self._lock = threading.Lock()      # guards _process and _running
        self._running: Optional[tuple[int, float, WorkerProcess]] = None
        self._generation = 0
        self._pending = False
        self._queued: Optional[Future] = None
        self._executor: Optional[ThreadPoolExecutor] = ThreadPoolExecutor(
            max_workers=1, thread_name_prefix="weaklink-analysis",
            initializer=lower_thread_priority)
        self._process: Optional[WorkerProcess] = None
        self._relay = _Relay(self)
        # Queued even from the GUI thread: a job that finishes before
        # add_done_callback runs its callback here at once, and "done" must
        # still arrive after the phases the worker has already posted.
        queued = Qt.ConnectionType.QueuedConnection
        self._relay.phase.connect(self._on_phase, queued)
        self._relay.done.connect(self._on_done, queued)
        self._delivered = -1              # generation whose phase 1 was emitted
        self._timer = QTimer(self, singleShot=True, interval=debounce_ms)
        self._timer.timeout.connect(self._submit)
        # Measurements, read by the status bar, the tests and the benchmark.
        self.analyses_started = 0
        self.stale_dropped = 0
        self.stale_stopped = 0
        self.stale_killed = 0
        self.last_compute_ms: Optional[float] = None     # all phases
        self.last_total_ms: Optional[float] = None
        self.last_phase_ms: list[float] = []   # compute to the end of each phase
        self.last_in_process = False
        self.last_submitted = 0.0       # perf_counter() when the debounce fired

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
        self._abandon_stale_run()
        self._timer.start()
        self._set_pending(True)

    def run_now(self) -> None:
        """Skip the debounce (a design was just opened)."""
        self.schedule()
        self._timer.stop()
        self._submit()

    def prepare_for(self, design) -> None:
        """A design is about to be opened: start the worker process now if
        it will analyse that design, so that its start-up overlaps the
        scene's construction instead of following it."""
        if self._wants_process(design):
            self.warm_up()

    def warm_up(self) -> None:
        """Start the worker process ahead of need (it takes about a second)."""
        if self._executor is not None:
            self._executor.submit(self._warm)

    def process_pid(self) -> Optional[int]:
        return self._process.pid if self._process else None

    def shutdown(self) -> None:
        """Stop everything; nothing is delivered afterwards. Idempotent."""
        self._timer.stop()
        self._generation += 1
        executor, self._executor = self._executor, None
        if executor is not None:
            executor.shutdown(wait=False, cancel_futures=True)
        with self._lock:
            process, self._process = self._process, None
            busy = self._running is not None
        if process is not None and busy:
            process.kill()           # never make quitting wait for an analysis
        elif process is not None:
            process.close()
        self._set_pending(False)

    # -- GUI thread ------------------------------------------------------------
    @Slot()
    def _submit(self) -> None:
        if self._executor is None:
            return
        if self._queued is not None:
            self._queued.cancel()   # not started yet: never run it
        self.last_submitted = time.perf_counter()
        generation, design = self._generation, self._snapshot()
        use_process = self._wants_process(design)
        future = self._executor.submit(self._work, generation, design, use_process)
        future.add_done_callback(lambda f, g=generation: self._deliver(g, f))
        self._queued = future

    def _abandon_stale_run(self) -> None:
        """Ask a stale analysis in the process to stop; kill it if it is
        still running `respawn_ms` later (one without checkpoints). Under
        the lock, so the worker cannot start the next job in the same
        process between the check and the request."""
        with self._lock:
            if self._running is None:
                return
            generation, started, process = self._running
            if generation == self._generation:
                return
            process.stop()
            self.stale_stopped += 1
        QTimer.singleShot(int(self.respawn_ms), self, lambda: self._kill_if_running(started))

    def _kill_if_running(self, started: float) -> None:
        with self._lock:
            if self._running is not None and self._running[1] == started:
                self._running[2].kill()
                self.stale_killed += 1

    def _wants_process(self, design) -> bool:
        size = len(getattr(design, "components", ()))
        slow = self.last_compute_ms is not None and self.last_compute_ms > self.slow_ms
        return size >= self.process_components or slow

    @Slot(int, object, object)
    def _on_phase(self, generation: int, phase: Phase, payload) -> None:
        if generation != self._generation:
            return                    # counted once, in _on_done
        if phase is Phase.STRUCTURE:
            self._delivered = generation
            self.resultReady.emit(payload)
        else:
            self.partReady.emit(phase, payload)

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
            message = str(error) or type(error).__name__
            late = self._delivered == generation     # the colours are already up
            (self.figuresFailed if late else self.failed).emit(message)
            return
        phase_s, total_s, in_process = future.result()
        self.last_phase_ms = [t * 1e3 for t in phase_s]
        self.last_compute_ms, self.last_total_ms = phase_s[-1] * 1e3, total_s * 1e3
        self.last_in_process = in_process
        self.completed.emit()

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
        """Run every phase, sending each to the GUI thread as it is ready.
        Returns (compute seconds at the end of each phase, wall seconds,
        in process)."""
        if generation != self._generation:
            raise _Stale()
        self.analyses_started += 1
        start, phase_s = time.perf_counter(), []
        if use_process:
            steps = self._run_in_process(generation, design)
        else:
            steps = phases(self._analyze, design)
        for phase, payload, compute in steps:
            phase_s.append(compute)
            self._relay.phase.emit(generation, phase, payload)
            if not use_process and generation != self._generation:
                steps.close()         # nobody wants engine II for this design
                raise _Stale()
        return phase_s, time.perf_counter() - start, use_process

    def _ensure_process(self) -> WorkerProcess:
        """The one worker process, started on first need (call under the lock)."""
        if self._executor is None:
            raise RuntimeError("the analysis scheduler is shut down")
        if self._process is None or not self._process.alive():
            self._process = WorkerProcess()
        return self._process

    def _warm(self) -> None:
        with self._lock:
            self._ensure_process()

    def _run_in_process(self, generation: int, design) -> Iterator[tuple[Phase, Any, float]]:
        """The phases from the process, as they arrive; always read to the
        end, or the next job would receive this one's leftovers."""
        with self._lock:
            # Under the lock with `_abandon_stale_run`: an edit either comes
            # first (this job is stale, never sent) or finds it running and
            # its stop request reaches it (cleared here, not after).
            if generation != self._generation:
                raise _Stale()
            process = self._ensure_process()
            process.begin_job()
            self._running = (generation, time.perf_counter(), process)
        try:
            yield from process.run(self._analyze, design)
        except (EOFError, OSError):
            raise RuntimeError("the analysis process stopped unexpectedly") from None
        finally:
            with self._lock:
                self._running = None


class _Stale(Exception):
    """A job whose generation was overtaken before it started."""
