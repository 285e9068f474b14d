"""Python's cyclic garbage collector paused while an analysis runs.

An analysis allocates many small containers and frees them by reference
counting; it leaves about 740 objects in cycles, whatever the design's
size. Meanwhile the collector's automatic passes scan the whole heap (the
design, the circuit, the part cache): 74 ms of a 0.78 s analysis of the
generated 1,000-component design, 330 ms at 5,000, and a full pass that
falls inside an edit's re-analysis (50 ms) adds 68 ms to it
(docs/performance.md). The pause ends with the outermost analysis; the
collector then runs at its usual thresholds."""
from __future__ import annotations

import gc
from contextlib import contextmanager


@contextmanager
def collector_paused():
    """Usable as `with collector_paused():` or as a decorator; nested uses
    leave the collector to the outermost."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
