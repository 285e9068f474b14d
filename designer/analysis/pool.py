"""Work spread over a few threads: the compiled column passes
(part_kernels.py) release the interpreter, so the parts of a design, a
batch of columns per task (part_columns.batches), are evaluated side by
side, when a round of the conditioning is big enough to gain
(parts.PARALLEL_FROM). The generated 5,000-component design: 18 -> 12-14
s on two cores (docs/performance.md).

Each task gets the calling thread's stop check (stop.py), so a stopped
analysis stops on every thread; and the caller returns only when every task
has finished, so no thread is still filling the part cache when the next
analysis reads it.
"""
from __future__ import annotations

import os
import threading
from concurrent.futures import ThreadPoolExecutor, wait
from typing import Callable

from .stop import current_check, stopping_when

MAX_THREADS = 4
_POOL: list[ThreadPoolExecutor] = []
_LOCK = threading.Lock()


def in_parallel(task: Callable, items: list) -> None:
    """task(item) for every item; the first exception (in item order) is
    raised once all have ended."""
    if _threads(len(items)) < 2:
        in_order(task, items)
        return
    check = current_check() or (lambda: False)

    def checked(item) -> None:
        with stopping_when(check):
            task(item)

    futures = [_pool().submit(checked, item) for item in items]
    wait(futures)
    for future in futures:
        future.result()


def in_order(task: Callable, items: list) -> None:
    """in_parallel's signature, on this thread alone."""
    for item in items:
        task(item)


def _threads(tasks: int) -> int:
    return min(MAX_THREADS, os.cpu_count() or 1, tasks)


def _pool() -> ThreadPoolExecutor:
    with _LOCK:
        if not _POOL:
            _POOL.append(ThreadPoolExecutor(max_workers=_threads(MAX_THREADS),
                                            thread_name_prefix="weaklink-passes"))
        return _POOL[0]


def _forget_pool() -> None:
    """In a forked child (the CLI's --timeout worker, cli/worker.py) the
    pool's threads do not exist: a task handed to them would wait forever."""
    global _LOCK
    _POOL.clear()
    _LOCK = threading.Lock()


if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_forget_pool)
