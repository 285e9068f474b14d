"""Python's cyclic garbage collector runs in whichever thread happens to
allocate when a threshold is crossed. When that is the analysis worker
thread and the garbage holds Qt objects (a dropped document, scene items,
a closed dialog), their C++ destructors run off the GUI thread, which Qt
does not allow: the process dies with a segfault, at random, under load.

So, once a window starts background analysis, automatic collection is
switched off and the same thresholds are checked from a GUI-thread timer
instead: garbage is still collected, generation by generation, but only on
the thread that owns the Qt objects. (pyqtgraph's GarbageCollector solves
the same problem the same way.)"""
from __future__ import annotations

import gc

from PySide6.QtCore import QCoreApplication, QObject, QTimer

CHECK_MS = 250

_installed: "_Collector | None" = None


class _Collector(QObject):
    def __init__(self, app: QCoreApplication) -> None:
        super().__init__(app)
        self.thresholds = gc.get_threshold()
        self.timer = QTimer(self, interval=CHECK_MS)
        self.timer.timeout.connect(self.check)
        self.timer.start()
        gc.disable()

    def check(self) -> None:
        young, middle, old = gc.get_count()
        if young > self.thresholds[0]:
            generation = 0
            if middle > self.thresholds[1]:
                generation = 2 if old > self.thresholds[2] else 1
            gc.collect(generation)


def collect_on_gui_thread() -> None:
    """Idempotent; needs a running QCoreApplication and must be called on its thread."""
    global _installed
    app = QCoreApplication.instance()
    if _installed is None and app is not None:
        _installed = _Collector(app)
