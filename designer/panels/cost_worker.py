"""Planning off the GUI: one spawned process per plan (it imports the
planner, never PySide6), polled by a timer, cancellable. The window only
ever waits for a pipe poll and one unpickle of the plan (no designs)."""
from __future__ import annotations

import multiprocessing
import threading

from PySide6.QtCore import QObject, QTimer, Signal

from designer.analysis.mitigation import child

POLL_MS = 40


class PlanWorker(QObject):
    progress = Signal(int, int, int)     # step, candidates done, candidates
    planned = Signal(object)             # Plan (designs left out)
    front = Signal(object, object)       # Front, greedy path over its pool
    failed = Signal(str)
    finished = Signal()                  # the process is gone (done, failed, cancelled)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._context = multiprocessing.get_context("spawn")
        self._process = None
        self._conn = None
        self._cancel = None
        self._timer = QTimer(self)
        self._timer.setInterval(POLL_MS)
        self._timer.timeout.connect(self._poll)

    def running(self) -> bool:
        return self._process is not None

    def start(self, design, step_limit: int, target: float | None, front: bool = True) -> None:
        self.cancel()
        parent_end, child_end = self._context.Pipe(duplex=False)
        self._cancel = self._context.Event()
        process = self._context.Process(
            target=child.serve, args=(child_end, self._cancel, design, step_limit, target, front),
            daemon=True, name="weaklink-plan")
        try:
            process.start()
        except (OSError, RuntimeError) as err:
            parent_end.close()
            child_end.close()
            self.failed.emit(f"cannot start the planning process: {err}")
            return
        finally:
            child_end.close()
        self._process = process
        self._conn = parent_end
        self._timer.start()

    def cancel(self) -> None:
        """Stop the running plan (what it found so far is dropped)."""
        if self._process is None:
            return
        self._cancel.set()
        self._process.terminate()      # do not wait for the current analysis
        self._stop()

    def _poll(self) -> None:
        try:
            while self._conn is not None and self._conn.poll():
                kind, payload = self._conn.recv()
                self._deliver(kind, payload)
        except (EOFError, OSError):
            if self._process is not None:
                self.failed.emit("the planning process stopped unexpectedly")
                self._stop()

    def _deliver(self, kind: str, payload) -> None:
        if kind == "progress":
            self.progress.emit(*payload)
        elif kind == "plan":
            self.planned.emit(payload)
        elif kind == "front":
            self.front.emit(*payload)
        elif kind == "error":
            self.failed.emit(payload)
            self._stop()
        elif kind == "done":
            self._stop()

    def _stop(self) -> None:
        self._timer.stop()
        if self._conn is not None:
            self._conn.close()
        if self._process is not None:
            # A child takes tens to hundreds of ms to exit: reap it off the GUI thread.
            threading.Thread(target=self._process.join, daemon=True).start()
        self._process = self._conn = self._cancel = None
        self.finished.emit()
