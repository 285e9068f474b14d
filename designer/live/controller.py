"""Live analysis in the main window: `attach(window) -> LiveAnalysis`.

Wiring only. It creates the background scheduler, the canvas overlay, the
Problems dock, the status-bar figures and the failure drill, and connects
them:

    document.changed --> scheduler (debounced, off the GUI thread)
    scheduler.resultReady (phase 1, engine I) --> overlay (canvas colours),
        problems, SPOF count and cost in the status bar
    scheduler.figuresReady (phase 2, engine II) --> merged into that result
    scheduler.completed --> availability figures; `result` is now complete
    problems: click --> view.select_ids + center_on_ids; hover --> scene highlight
    Analysis menu / toolbar "Failure drill" --> DrillController
    view.drillClicked --> drill.toggle (inside the controller)

The window needs: document, view (CanvasView), add_dock(title, widget, area),
menu(name), toolbar, status_slot.
"""
from __future__ import annotations

import time
from typing import Callable

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication, QHBoxLayout

from designer.live.drill import DrillController
from designer.live.overlay import Overlay
from designer.panels.figures import FiguresBar
from designer.panels.problems import ProblemsPanel, names_of
from designer.live.workers import AnalysisScheduler, default_analyze


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
        self.last_apply_ms = 0.0            # GUI time to show phase 1 (bench)
        self.last_figures_ms = 0.0          # ... and the figures (bench)
        self.scheduler = AnalysisScheduler(self.document.snapshot, analyze,
                                           debounce_ms=debounce_ms,
                                           process_components=process_components,
                                           parent=self)
        self.overlay = Overlay(self.scene, self.document)
        self.problems = ProblemsPanel()
        # Along the bottom: explanations are sentences and need the width.
        self.problems_dock = window.add_dock("Problems", self.problems,
                                             Qt.DockWidgetArea.BottomDockWidgetArea)
        window.resizeDocks([self.problems_dock], [210], Qt.Orientation.Vertical)
        self.figures = FiguresBar()
        _add_to_slot(window.status_slot, self.figures)
        self.drill = DrillController(self.document, self.view, self.overlay, drill, self)
        self._actions()
        self._connect()
        self.scheduler.schedule()    # the design already open

    # -- wiring ------------------------------------------------------------------
    def _connect(self) -> None:
        s = self.scheduler
        self.document.changed.connect(s.schedule)
        s.resultReady.connect(self._apply)
        s.figuresReady.connect(self._merge_figures)
        s.completed.connect(self._complete)
        s.failed.connect(self._failed)
        s.figuresFailed.connect(self.figures.set_availability_failed)
        s.pendingChanged.connect(self.figures.set_pending)
        self.problems.selectRequested.connect(self.select)
        self.problems.highlightRequested.connect(self.scene.set_highlight)
        self.drill.activeChanged.connect(self.drill_action.setChecked)
        self.drill.activeChanged.connect(self.reset_action.setEnabled)
        app = QApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(s.shutdown)
        self.window.destroyed.connect(s.shutdown)

    def _actions(self) -> None:
        menu = self.window.menu("Analysis")
        self.drill_action = QAction("Failure &drill", self, checkable=True)
        self.drill_action.setShortcut(QKeySequence("F8"))
        self.drill_action.setStatusTip("Click components to fail them and watch "
                                       "what goes down; the design is not changed")
        self.drill_action.toggled.connect(self.drill.set_active)
        self.reset_action = QAction("&Reset drill", self, enabled=False)
        self.reset_action.setShortcut(QKeySequence("Shift+F8"))
        self.reset_action.triggered.connect(self.drill.reset)
        self.analyse_action = QAction("Analyse &now", self)
        self.analyse_action.setShortcut(QKeySequence("F5"))
        self.analyse_action.triggered.connect(self.scheduler.run_now)
        registry = getattr(getattr(self.window, "actions", None), "all", None)
        for key, action in (("analyse_now", self.analyse_action),
                            ("drill", self.drill_action), ("drill_reset", self.reset_action)):
            menu.addAction(action)
            self.window.addAction(action)     # shortcuts work with menus hidden
            if isinstance(registry, dict):    # listed in Help > Keyboard Shortcuts
                registry[key] = action
        self.window.toolbar.addAction(self.drill_action)

    # -- slots -----------------------------------------------------------------------
    def _apply(self, result) -> None:
        """Phase 1: everything engine I knows; the availability follows."""
        start = time.perf_counter()
        self.structure = result
        self.overlay.apply(result)
        design = self.document.snapshot()
        self.problems.set_result(result, names_of(design.components))
        self.figures.set_structure(result, design)
        self.last_apply_ms = (time.perf_counter() - start) * 1e3
        self.coloursApplied.emit(result)

    def _merge_figures(self, figures) -> None:
        # Same generation as self.structure (the scheduler checked), so the
        # merged result is exactly what `engine.analyze` returns.
        figures.merge_into(self.structure)

    def _complete(self) -> None:
        """The job is done: a one-phase analysis brought its figures along."""
        if self.structure is None:
            return
        start = time.perf_counter()
        self.result = self.structure
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


def _add_to_slot(slot, widget) -> None:
    layout = slot.layout()
    if layout is None:
        layout = QHBoxLayout(slot)
        layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(widget)


def attach(window, **options) -> LiveAnalysis:
    """Give a main window live analysis; keep the returned object alive (it is
    parented to the window)."""
    return LiveAnalysis(window, **options)
