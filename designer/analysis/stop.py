"""Stopping a long analysis nobody waits for any more, at a safe point.

The live window's worker process keeps the certified bounds' parts from
one analysis to the next (part_cache.py). An edit made while a big design
is being certified (25 s at 5,000 components) used to kill that process,
and the cache with it. The worker now asks the analysis to stop instead.
The analysis looks at `checkpoint()` between units of work that leave the
caches whole: a batch of columns, a round of the conditioning, a few dozen
gates of a diagram, a diagram flattened, a phase. It raises `Stopped`
there. Generated 5,000-component design: 455 checkpoints in 27 s, never
more than 0.67 s apart (under the worker's 1 s before it kills instead).

The check is per thread: the worker process sets it around each job
(worker_process._serve); everywhere else nothing is set and a checkpoint
costs one attribute lookup.
"""
from __future__ import annotations

import threading
from contextlib import contextmanager
from typing import Callable, Iterator

_local = threading.local()


class Stopped(Exception):
    """The analysis was asked to stop; its partial work is discarded."""


def checkpoint() -> None:
    check = getattr(_local, "check", None)
    if check is not None and check():
        raise Stopped()


def current_check() -> Callable[[], bool] | None:
    """This thread's stop check, for work it hands to other threads (pool.py)."""
    return getattr(_local, "check", None)


@contextmanager
def stopping_when(check: Callable[[], bool]) -> Iterator[None]:
    """Checkpoints in this thread raise Stopped once `check()` is true."""
    previous = getattr(_local, "check", None)
    _local.check = check
    try:
        yield
    finally:
        _local.check = previous
