"""Speed and memory measurements (`make bench`); medians are printed, never asserted."""
from __future__ import annotations

import statistics
import time
from typing import Callable

RUNS = 5


def median_seconds(action: Callable[[], object], runs: int = RUNS) -> float:
    """Median wall time of `runs` calls of `action`."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times)
