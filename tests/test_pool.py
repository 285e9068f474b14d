"""Spreading the parts' passes over threads (analysis/pool.py) keeps what
a single thread gives: every task done, a stop honoured on every thread,
errors raised to the caller only once every task has ended."""
from __future__ import annotations

import os
import threading
import time

import pytest

from designer.analysis import part_columns, parts, pool
from designer.analysis.stop import Stopped, checkpoint, stopping_when

NARROW_BATCH = 2_000      # floats: a part's settings in many batches


def test_every_task_runs_once_and_the_caller_waits_for_all(monkeypatch):
    monkeypatch.setattr(pool.os, "cpu_count", lambda: 4)
    done, threads = [], set()

    def task(item):
        time.sleep(0.01 * (item % 3))
        threads.add(threading.current_thread().name)
        done.append(item)

    pool.in_parallel(task, list(range(12)))
    assert sorted(done) == list(range(12))
    assert any(name.startswith("weaklink-passes") for name in threads)


def test_a_stop_reaches_every_thread_and_nothing_runs_on_after_it(monkeypatch):
    monkeypatch.setattr(pool.os, "cpu_count", lambda: 4)
    running = []

    def task(item):
        running.append(item)
        time.sleep(0.02)
        checkpoint()
        running.remove(item)

    with stopping_when(lambda: True), pytest.raises(Stopped):
        pool.in_parallel(task, list(range(6)))
    time.sleep(0.05)
    assert sorted(running) == list(range(6))   # each stopped at its checkpoint, none finished


def test_an_error_is_raised_after_the_other_tasks_end(monkeypatch):
    monkeypatch.setattr(pool.os, "cpu_count", lambda: 4)
    finished = []

    def task(item):
        if item == 0:
            raise ValueError("part 0")
        time.sleep(0.05)
        finished.append(item)

    with pytest.raises(ValueError, match="part 0"):
        pool.in_parallel(task, [0, 1, 2])
    assert sorted(finished) == [1, 2]     # none still filling a cache behind the caller


def test_one_core_runs_the_tasks_in_order(monkeypatch):
    monkeypatch.setattr(pool.os, "cpu_count", lambda: 1)
    done = []
    pool.in_parallel(lambda item: done.append((item, threading.current_thread().name)), [3, 1, 2])
    assert [item for item, _ in done] == [3, 1, 2]
    assert {name for _, name in done} == {threading.current_thread().name}


# Python 3.12 warns about forking a process with threads: that is the case tested.
@pytest.mark.filterwarnings("ignore:This process .* is multi-threaded:DeprecationWarning")
def test_a_forked_child_gets_threads_of_its_own(monkeypatch):
    """The CLI's --timeout worker forks (cli/worker.py); a child handed the
    parent's pool would wait forever for threads it does not have."""
    monkeypatch.setattr(pool.os, "cpu_count", lambda: 4)
    pool.in_parallel(lambda item: None, [1, 2, 3])          # the parent's pool exists
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:                                            # the child
        try:
            done = []
            pool.in_parallel(done.append, [1, 2, 3])
            os.write(write, bytes(sorted(done)))
        finally:
            os._exit(0)
    os.close(write)
    reader = threading.Thread(target=lambda: found.append(os.read(read, 16)))
    found: list[bytes] = []
    reader.start()
    reader.join(timeout=30)
    if reader.is_alive():                                  # the child hangs: end it
        os.kill(pid, 9)
    os.waitpid(pid, 0)
    assert found == [bytes([1, 2, 3])]


@pytest.mark.parametrize("batch_floats", [part_columns.BATCH_FLOATS, NARROW_BATCH])
def test_figures_are_the_same_on_threads(monkeypatch, batch_floats):
    """The parts' passes on several threads give the figures one thread
    gives. With narrow batches each part's settings come in many batches,
    so the threads run batches of one part side by side (parts.prefetch),
    both writing into its cache."""
    from benchmarks.generate import generate
    from designer.analysis.availability import design_availability

    design = generate(300)
    monkeypatch.setattr(part_columns, "BATCH_FLOATS", batch_floats)
    monkeypatch.setattr(parts, "PARALLEL_FROM", 10**18)
    alone = design_availability(design, max_events=0)
    monkeypatch.setattr(pool.os, "cpu_count", lambda: 2)
    monkeypatch.setattr(parts, "PARALLEL_FROM", 0)
    tasks, batches_of_a_part = [], []
    real = pool.in_parallel

    def spread(task, items):
        tasks.append(len(items))
        batches_of_a_part.append(max(sum(a == jobs[0][0] for batch in items for a, _ in batch)
                                     for jobs in items))
        real(task, items)
    monkeypatch.setattr(parts, "in_parallel", spread)
    together = design_availability(design, max_events=0)
    assert tasks and max(tasks) > 1
    if batch_floats == NARROW_BATCH:
        assert max(batches_of_a_part) > 2
    assert (together.method, together.value, together.bounds, together.importance) == (
        alone.method, alone.value, alone.bounds, alone.importance)
