"""AnalysisScheduler: debounce, one worker, stale results dropped, results on
the GUI thread, a spawned worker process for big or slow designs."""
from __future__ import annotations

import os
import threading
import time
from dataclasses import dataclass

import pytest
from PySide6.QtCore import QElapsedTimer, QTimer

from designer.analysis.result import Phase
from designer.analysis.stop import checkpoint
from designer.live.worker_process import WorkerProcess
from designer.live.workers import AnalysisScheduler

GATE = threading.Event()


@dataclass(frozen=True)
class FakeDesign:
    components: tuple
    version: int


def fake_analyze(design):
    return {"version": design.version, "pid": os.getpid(),
            "thread": threading.get_ident()}


def gated_analyze(design):
    if design.version == 1:
        GATE.wait(5)
    return fake_analyze(design)


def slow_analyze(design):
    time.sleep(0.12)
    return fake_analyze(design)


def busy_analyze(design, seconds: float = 0.4):
    end = time.perf_counter() + seconds
    total = 0
    while time.perf_counter() < end:
        total += sum(range(200))
    return fake_analyze(design)


def short_busy_analyze(design):
    """CPU-bound for 90 ms: the longest the scheduler keeps in the thread
    (an analysis over 100 ms sends the next one to the process)."""
    return busy_analyze(design, 0.09)


def long_analyze(design):
    """4 s without a checkpoint for version 2 (version 1 starts the
    process): a stop request cannot reach it."""
    if design.version == 2:
        time.sleep(4)
    return fake_analyze(design)


def long_checkpointed_analyze(design):
    """4 s for version 2 with a checkpoint every 10 ms, as the engine's long
    parts have."""
    end = time.perf_counter() + (4 if design.version == 2 else 0)
    while time.perf_counter() < end:
        checkpoint()
        time.sleep(0.01)
    return fake_analyze(design)


def two_phase_analyze(design):
    """Like the real engine: a structural phase, then figures; version 1's
    figures wait for GATE."""
    yield Phase.STRUCTURE, dict(fake_analyze(design), phase=1)
    if design.version == 1:
        GATE.wait(5)
    yield Phase.AVAILABILITY, dict(fake_analyze(design), phase=2)


def failing_figures_analyze(design):
    yield Phase.STRUCTURE, dict(fake_analyze(design), phase=1)
    raise ValueError("Monte Carlo diverged")


def failing_analyze(design):
    raise ValueError("no entry point")


class Editor:
    """Stands in for the document: a version that every edit bumps."""

    def __init__(self, size: int = 3):
        self.version, self.size = 0, size

    def edit(self, scheduler):
        self.version += 1
        scheduler.schedule()

    def snapshot(self):
        return FakeDesign(tuple(range(self.size)), self.version)


@pytest.fixture
def make(qtbot):
    made = []

    def _make(analyze=fake_analyze, size=3, **kw):
        editor = Editor(size)
        sched = AnalysisScheduler(editor.snapshot, analyze, **kw)
        results = []
        sched.resultReady.connect(results.append)
        made.append(sched)
        return editor, sched, results

    yield _make
    for sched in made:
        sched.shutdown()


def test_result_arrives_on_gui_thread_after_debounce(make, qtbot):
    editor, sched, results = make()
    editor.edit(sched)
    assert sched.is_pending() and not results
    qtbot.waitUntil(lambda: bool(results), timeout=3000)
    assert results[0]["version"] == 1
    assert results[0]["thread"] != threading.get_ident()   # computed off the GUI thread
    qtbot.waitUntil(lambda: not sched.is_pending(), timeout=3000)  # with `completed`


def test_twenty_rapid_edits_cause_one_analysis(make, qtbot):
    editor, sched, results = make()
    for _ in range(20):
        editor.edit(sched)
        qtbot.wait(5)
    qtbot.waitUntil(lambda: bool(results), timeout=3000)
    qtbot.wait(300)     # nothing else may follow
    assert sched.analyses_started == 1
    assert [r["version"] for r in results] == [20]


def test_stale_result_never_overwrites_newer(make, qtbot):
    GATE.clear()
    editor, sched, results = make(gated_analyze, debounce_ms=10)
    pending = []
    sched.pendingChanged.connect(pending.append)
    editor.edit(sched)                        # version 1: held inside the worker
    qtbot.waitUntil(lambda: sched.analyses_started == 1, timeout=3000)
    editor.edit(sched)                        # version 2 makes version 1 stale
    qtbot.wait(50)
    GATE.set()                                # version 1 finishes first
    qtbot.waitUntil(lambda: bool(results), timeout=3000)
    qtbot.wait(100)
    assert [r["version"] for r in results] == [2]
    assert sched.stale_dropped >= 1
    assert pending == [True, False]           # "analysing..." held until v2


def _wait_for_the_end(qtbot, sched, timeout_ms: int) -> None:
    """Wait for the job's end, not its colours: the colours reach the GUI
    thread before the end that records where and how long it ran."""
    qtbot.waitUntil(lambda: not sched.is_pending(), timeout=timeout_ms)


def test_big_design_runs_in_one_reused_worker_process(make, qtbot):
    editor, sched, results = make(size=50, process_components=10, debounce_ms=10)
    editor.edit(sched)
    _wait_for_the_end(qtbot, sched, 20000)
    first_pid = results[0]["pid"]
    assert first_pid != os.getpid() and sched.last_in_process
    editor.edit(sched)
    _wait_for_the_end(qtbot, sched, 5000)
    assert results[1]["pid"] == first_pid == sched.process_pid()
    assert results[1]["version"] == 2


def test_slow_analysis_moves_to_the_process(make, qtbot):
    editor, sched, results = make(slow_analyze, debounce_ms=10)
    editor.edit(sched)
    _wait_for_the_end(qtbot, sched, 3000)
    assert results[0]["pid"] == os.getpid() and sched.last_compute_ms > 100
    editor.edit(sched)
    _wait_for_the_end(qtbot, sched, 20000)
    assert results[1]["pid"] != os.getpid() and sched.last_in_process


def _edit_during_a_long_run(make, qtbot, analyze, respawn_ms: float):
    """Version 2 (4 s) running in a started process, then an edit:
    (scheduler, version 3's results, the process's pid, seconds from the
    edit to the run's end: `wait_for` true). The process is started by
    version 1 first, so that its start-up (seconds on a loaded machine) is
    not counted."""
    editor, sched, results = make(analyze, size=50, process_components=10,
                                  debounce_ms=10, respawn_ms=respawn_ms)
    editor.edit(sched)
    _wait_for_the_end(qtbot, sched, 20000)
    results.clear()
    editor.edit(sched)
    qtbot.waitUntil(lambda: sched._running is not None, timeout=20000)
    first_pid = sched.process_pid()
    start = time.perf_counter()
    editor.edit(sched)                        # nobody wants version 2 any more
    qtbot.waitUntil(lambda: sched._running is None or sched._running[0] == 3, timeout=20000)
    ended = time.perf_counter() - start
    _wait_for_the_end(qtbot, sched, 20000)
    return sched, results, first_pid, ended


def test_stale_long_run_in_the_process_is_abandoned(make, qtbot):
    sched, results, first_pid, ended = _edit_during_a_long_run(make, qtbot, long_analyze, 500)
    # Asked to stop first; it has no checkpoint, so it is killed.
    assert (sched.stale_stopped, sched.stale_killed) == (1, 1)
    assert ended < 3.5                        # did not wait for the 4 s run
    assert [r["version"] for r in results] == [3]
    assert results[0]["pid"] != first_pid     # a fresh process took over


def test_stale_run_with_checkpoints_stops_and_the_process_stays(make, qtbot):
    """The engine's long parts look at a checkpoint: asked to stop, the stale
    run ends there and the same process (with its part cache) serves on."""
    sched, results, first_pid, ended = _edit_during_a_long_run(
        make, qtbot, long_checkpointed_analyze, 3000)
    assert ended < 2.5                        # did not wait for the 4 s run
    assert (sched.stale_stopped, sched.stale_killed) == (1, 0)
    assert [r["version"] for r in results] == [3]
    assert results[0]["pid"] == first_pid == sched.process_pid()


def test_a_stop_asked_before_the_job_is_read_still_stops_it():
    """An edit can land after the scheduler marked a job running and before
    the job reached the process: that stop request must not be lost (it
    was, under load: the stale run went on until it was killed)."""
    process = WorkerProcess()
    try:
        process.begin_job()
        process.stop()
        phases = list(process.run(long_checkpointed_analyze, FakeDesign((), 2)))
        assert phases == []                 # stopped, not run for its 4 s
        process.begin_job()
        phases = list(process.run(long_checkpointed_analyze, FakeDesign((), 3)))
        assert [payload["version"] for _, payload, _ in phases] == [3]
    finally:
        process.close()


def test_failure_is_reported_and_clears_pending(make, qtbot):
    editor, sched, results = make(failing_analyze, debounce_ms=10)
    errors = []
    sched.failed.connect(errors.append)
    editor.edit(sched)
    qtbot.waitUntil(lambda: bool(errors), timeout=3000)
    assert "no entry point" in errors[0] and not results and not sched.is_pending()


def _ticks_during_analysis(make, qtbot, analyze, **kw) -> list[int]:
    """Gaps (ms) between ticks of a 5 ms timer while a CPU-bound analysis runs."""
    editor, sched, results = make(analyze, size=50, debounce_ms=0, **kw)
    if kw.get("process_components") == 1:    # start the process beforehand
        editor.edit(sched)
        qtbot.waitUntil(lambda: bool(results), timeout=20000)
        results.clear()
    gaps, clock = [], QElapsedTimer()
    ticker = QTimer(interval=5)
    ticker.timeout.connect(lambda: gaps.append(clock.restart()))
    clock.start()
    ticker.start()
    editor.edit(sched)
    qtbot.waitUntil(lambda: bool(results), timeout=10000)
    ticker.stop()
    return gaps[1:]


def test_gui_loop_never_blocks_while_the_process_analyses(make, qtbot):
    gaps = _ticks_during_analysis(make, qtbot, busy_analyze, process_components=1)
    assert len(gaps) > 40 and max(gaps) < 50, sorted(gaps)[-5:]


def test_gui_loop_keeps_ticking_while_the_thread_analyses(make, qtbot):
    # Pure Python in the worker thread: the GUI gets the interpreter back at
    # every switch interval (5 ms), so it keeps ticking all along.
    gaps = _ticks_during_analysis(make, qtbot, short_busy_analyze,
                                  process_components=10**6)
    assert len(gaps) > 5 and max(gaps) < 50, sorted(gaps)[-5:]


def test_shutdown_stops_delivery_and_the_process(make, qtbot):
    editor, sched, results = make(size=50, process_components=10, debounce_ms=10)
    editor.edit(sched)
    qtbot.waitUntil(lambda: bool(results), timeout=20000)
    proc = sched._process
    editor.edit(sched)
    sched.shutdown()
    qtbot.wait(300)
    assert len(results) == 1 and not sched.is_pending()
    assert not proc.alive()
    sched.schedule()                          # harmless after shutdown
    assert not sched.is_pending()


def _record_phases(sched) -> list[tuple]:
    events = []
    sched.resultReady.connect(lambda r: events.append(("colours", r["version"],
                                                       sched.is_pending())))
    sched.partReady.connect(lambda phase, r: events.append(
        ("figures", r["version"]) if phase is Phase.AVAILABILITY else ("other", phase)))
    sched.completed.connect(lambda: events.append(("done", sched.is_pending())))
    return events


@pytest.mark.parametrize("where", [dict(), dict(size=50, process_components=10)],
                         ids=["thread", "process"])
def test_one_job_delivers_colours_then_figures(make, qtbot, where):
    GATE.set()
    editor, sched, results = make(two_phase_analyze, debounce_ms=10, **where)
    events = _record_phases(sched)
    editor.edit(sched)
    qtbot.waitUntil(lambda: len(events) == 3, timeout=20000)
    assert events == [("colours", 1, True), ("figures", 1), ("done", False)]
    assert [r["phase"] for r in results] == [1]
    assert len(sched.last_phase_ms) == 2 and sched.last_in_process == bool(where)
    assert sched.last_phase_ms[0] <= sched.last_phase_ms[1] == sched.last_compute_ms


def test_a_stale_phase_two_is_dropped_after_a_newer_edit(make, qtbot):
    GATE.clear()
    editor, sched, results = make(two_phase_analyze, debounce_ms=10)
    events = _record_phases(sched)
    editor.edit(sched)                        # version 1: phase 2 held
    qtbot.waitUntil(lambda: bool(events), timeout=3000)
    editor.edit(sched)                        # version 2 makes both phases stale
    GATE.set()                                # version 1's figures finish now
    qtbot.waitUntil(lambda: ("done", False) in events, timeout=3000)
    qtbot.waitUntil(lambda: sched.stale_dropped == 1, timeout=3000)
    assert events == [("colours", 1, True), ("colours", 2, True), ("figures", 2),
                      ("done", False)]


def test_a_failure_after_the_colours_fails_only_the_figures(make, qtbot):
    editor, sched, results = make(failing_figures_analyze, debounce_ms=10)
    errors, late = [], []
    sched.failed.connect(errors.append)
    sched.figuresFailed.connect(late.append)
    editor.edit(sched)
    qtbot.waitUntil(lambda: bool(late), timeout=3000)
    assert "Monte Carlo diverged" in late[0] and not errors
    assert [r["phase"] for r in results] == [1] and not sched.is_pending()


def test_a_big_design_about_to_open_starts_the_process_before_any_edit(make, qtbot):
    """The worker's start-up overlaps the scene's construction (the document
    announces the design before building anything, aboutToLoad)."""
    editor, sched, results = make(size=50, process_components=10)
    sched.prepare_for(FakeDesign(tuple(range(5)), 0))        # small: stays in process
    qtbot.wait(200)
    assert sched.process_pid() is None
    sched.prepare_for(FakeDesign(tuple(range(50)), 0))
    qtbot.waitUntil(lambda: sched.process_pid() is not None, timeout=5000)
    pid = sched.process_pid()
    editor.edit(sched)
    qtbot.waitUntil(lambda: bool(results), timeout=20000)
    assert results[0]["pid"] == pid and sched.analyses_started == 1


def test_the_document_announces_a_design_before_it_replaces_the_old_one(qtbot):
    from designer.document import Document
    from designer.model import Component, Design, Kind
    doc = Document()
    heard = []
    doc.aboutToLoad.connect(lambda design: heard.append(("about", len(doc.snapshot().components),
                                                         len(design.components))))
    doc.reset.connect(lambda: heard.append(("reset", len(doc.snapshot().components))))
    doc.load(Design(components=(Component(id="s", kind=Kind.SERVER, label="S"),)))
    assert heard == [("about", 0, 1), ("reset", 1)]
