"""An edit while a big design is being certified, in the window:
`QT_QPA_PLATFORM=offscreen python -m benchmarks.bench_interrupt [SIZES...]`
(default 5000).

The window opens the generated design and waits for its certified
figures. One component is deleted and, a quarter of the first analysis'
time later (inside the deletion's certification), the deletion is undone. The stale analysis is asked to stop at its next checkpoint
(analysis/stop.py) and the worker process keeps its part cache
(analysis/part_cache.py), so the undo is certified from cached parts.
Before, the stale run was killed and the undo was certified from nothing,
as long as the first analysis. Prints the times and whether the process
stayed.
"""
from __future__ import annotations

import os
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEventLoop, QTimer  # noqa: E402

from benchmarks.bench_live import close_window, each_size, opened, pick_edit  # noqa: E402

INTERRUPT_AFTER = 0.25        # of the first analysis' compute time


def measure(app, n: int, scratch: Path) -> None:
    window, analysis, applied_at, design, first = opened(app, n, scratch, overview=False)
    sched = analysis.scheduler
    print(f"{n} components, load average {os.getloadavg()[0]:.1f}: first certified figures "
          f"{first / 1e3:.1f} s (compute {sched.last_compute_ms / 1e3:.1f} s)", flush=True)
    pid, stopped, killed = sched.process_pid(), sched.stale_stopped, sched.stale_killed
    since = len(applied_at.times)
    target = pick_edit(analysis.result, design)
    window.document.delete([target])
    after = INTERRUPT_AFTER * sched.last_compute_ms / 1e3
    _spin(app, after)
    if len(applied_at.times) > since:
        print(f"  the deletion was certified within {after:.1f} s: nothing to interrupt")
    else:
        start = time.perf_counter()
        window.document.undo_stack.undo()
        applied = applied_at.wait(app, since)
        print(f"  delete {target}, undo {after:.1f} s later: the undo's certified figures "
              f"{(applied - start):.1f} s after it (compute {sched.last_compute_ms / 1e3:.1f} s); "
              f"the stale run stopped {sched.stale_stopped - stopped}, killed "
              f"{sched.stale_killed - killed}, same process: {pid == sched.process_pid()}",
              flush=True)
    close_window(app, window, analysis)


def _spin(app, seconds: float) -> None:
    """Run the event loop for `seconds` (blocking in it, as the application
    does: a polling loop would keep a core from the analysis worker)."""
    loop = QEventLoop()
    QTimer.singleShot(round(seconds * 1000), loop.quit)
    loop.exec()


def main(argv: list[str] | None = None) -> None:
    each_size(measure, argv, [5000])


if __name__ == "__main__":
    main()
