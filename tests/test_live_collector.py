"""Garbage holding Qt objects must be collected on the GUI thread only (a
collection in the analysis thread destroys QObjects off their thread and
crashes the process at random). Once analysis is scheduled, automatic
collection is off and a GUI-thread timer collects instead."""
from __future__ import annotations

import gc
import threading
import weakref

from designer.live import collector
from designer.live.workers import AnalysisScheduler


class _Cycle:
    def __init__(self) -> None:
        self.me = self

    def __del__(self) -> None:
        _collected_on.append(threading.current_thread().name)


_collected_on: list[str] = []


def test_cycles_are_collected_by_the_gui_thread_timer(qtbot):
    scheduler = AnalysisScheduler(lambda: None)
    try:
        assert not gc.isenabled()
        gc.collect()
        _collected_on.clear()
        probe = _Cycle()
        dead = weakref.ref(probe)
        del probe
        # Enough live containers to cross generation 0's threshold.
        kept = [[] for _ in range(collector._installed.thresholds[0] + 10)]
        assert dead() is not None             # nothing collects it by itself
        qtbot.waitUntil(lambda: dead() is None, timeout=5000)
        del kept
        assert _collected_on and set(_collected_on) == {threading.main_thread().name}
    finally:
        scheduler.shutdown()
