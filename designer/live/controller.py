"""Live analysis in the main window: `attach(window) -> LiveAnalysis`.

Wiring only. The window builds the panels (the Problems dock, the figures in
the status bar) and the Analysis commands; this creates the background
scheduler, the canvas overlay and the failure drill, and connects them:

    document.changed --> scheduler (debounced, off the GUI thread)
    scheduler.resultReady (Phase.STRUCTURE, engine I) --> overlay (canvas
        colours), problems, SPOF count and cost in the status bar
    scheduler.partReady (a later phase, e.g. engine II's availability) --> a
        new result with that part (the one on screen is never changed)
    scheduler.completed --> availability figures; `result` is now complete
    problems: click --> view.select_ids + center_on_ids; hover --> scene highlight
    Analysis menu / toolbar "Failure drill" --> DrillController
    view.drillClicked --> drill.toggle (inside the controller)

The window needs: document, view (CanvasView), problems (ProblemsPanel),
figures (FiguresBar), actions.all with "analyse_now", "drill", "drill_reset".
"""
from __future__ import annotations

import time
from typing import Callable

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QApplication

from designer.analysis.result import Phase
from designer.live.drill import DrillController
from designer.live.overlay import Overlay
from designer.live.workers import AnalysisScheduler, default_analyze
from designer.model.naming import names_of


class LiveAnalysis(QObject):
    coloursApplied = Signal(object)  # phase 1 painted and listed (tests, bench)
    applied = Signal(object)         # the whole result shown, figures too

    def __init__(self, window, analyze: Callable = default_analyze,
                 drill: Callable | None = None, debounce_ms: int = 150,
                 process_components: int = 800) -> None:
        super().__init__(window)
        self.window, self.document, self.view = window, window.document, window.view
        self.scene = self.view.scene()
        self.result = None                  # the newest complete result
        self.structure = None               # the newest phase 1 (on the canvas)
        self._latest = None                 # ... with the later phases so far
        self.last_apply_ms = 0.0            # GUI time to show phase 1 (bench)
        self.last_figures_ms = 0.0          # ... and the figures (bench)
        self.scheduler = AnalysisScheduler(self.document.snapshot, analyze,
                                           debounce_ms=debounce_ms,
                                           process_components=process_components,
                                           parent=self)
        self.overlay = Overlay(self.scene, self.document)
        self.problems, self.figures = window.problems, window.figures
        self.drill = DrillController(self.document, self.view, self.overlay, drill, self)
        actions = window.actions.all
        self.analyse_action, self.drill_action = actions["analyse_now"], actions["drill"]
        self.reset_action = actions["drill_reset"]
        self._connect()
        self.scheduler.schedule()    # the design already open

    # -- wiring ------------------------------------------------------------------
    def _connect(self) -> None:
        s = self.scheduler
        self.document.changed.connect(s.schedule)
        self.document.aboutToLoad.connect(s.prepare_for)
        s.resultReady.connect(self._apply)
        s.partReady.connect(self._advance)
        s.completed.connect(self._complete)
        s.failed.connect(self._failed)
        s.figuresFailed.connect(self.figures.set_availability_failed)
        s.pendingChanged.connect(self.figures.set_pending)
        s.pendingChanged.connect(self.scene.set_analysing)   # routes out of view wait
        self.problems.selectRequested.connect(self.select)
        self.problems.highlightRequested.connect(self.scene.set_highlight)
        self.drill_action.toggled.connect(self.drill.set_active)
        self.reset_action.triggered.connect(self.drill.reset)
        self.analyse_action.triggered.connect(s.run_now)
        self.drill.activeChanged.connect(self.drill_action.setChecked)
        self.drill.activeChanged.connect(self.reset_action.setEnabled)
        app = QApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(s.shutdown)
        self.window.destroyed.connect(s.shutdown)

    # -- slots -----------------------------------------------------------------------
    def _apply(self, result) -> None:
        """Phase 1: everything engine I knows; the availability follows."""
        start = time.perf_counter()
        self.structure = self._latest = result
        self.overlay.apply(result)
        design = self.document.snapshot()
        self.problems.set_result(result, names_of(design.components))
        self.figures.set_structure(result)
        self.last_apply_ms = (time.perf_counter() - start) * 1e3
        self.coloursApplied.emit(result)

    def _advance(self, phase, part) -> None:
        # Same generation as self.structure (the scheduler checked), so the
        # final result is exactly what `engine.analyze` returns.
        self._latest = self._latest.advanced(phase, part)
        if phase is Phase.ESTIMATE:       # the certified figures follow
            self.figures.set_estimate(self._latest)

    def _complete(self) -> None:
        """The job is done: a one-phase analysis brought its figures along."""
        if self._latest is None:
            return
        start = time.perf_counter()
        self.result = self._latest
        self.figures.set_availability(self.result)
        self.last_figures_ms = (time.perf_counter() - start) * 1e3
        self.applied.emit(self.result)

    def _failed(self, message: str) -> None:
        self.problems.set_failed(message)
        self.figures.set_failed(message)

    def select(self, ids: list[str]) -> None:
        self.view.select_ids(ids)
        self.view.center_on_ids(ids)

    def shutdown(self) -> None:
        self.drill.set_active(False)
        self.scheduler.shutdown()


def attach(window, **options) -> LiveAnalysis:
    """Give a main window live analysis; keep the returned object alive (it is
    parented to the window)."""
    from designer.live.findings import attach_findings
    analysis = LiveAnalysis(window, **options)
    attach_findings(analysis)
    return analysis
