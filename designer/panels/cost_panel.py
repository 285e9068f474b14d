"""The cost panel: what each redundancy buys, and where returns diminish.

A curve (cost_plot), the plan as a table (cost_table) and the two "where to
stop" sentences. Planning runs in a worker process (cost_worker) with
progress and Cancel; the window never waits for it. Hovering a point or a
row shows that step's edit as a ghost on the canvas (cost_ghost); "Apply up
to here" applies steps 1..N as one undoable edit through the Document, after
which the live analysis repaints the canvas and the status bar and the plan
is made again for the edited design."""
from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (QComboBox, QDoubleSpinBox, QFrame, QLabel,
                               QLineEdit, QMenu, QProgressBar, QPushButton, QScrollArea,
                               QSplitter, QToolButton, QVBoxLayout, QWidget)

from designer.model.naming import unambiguous_names
from designer.model.patch import merge
from designer.report import plan as words
from designer.report import security as security_words

from .cost_fit import PanelShape
from .cost_ghost import Ghost
from .cost_plot import CostPlot
from .cost_security import SecurityFixesView
from .cost_series import DOWNTIME, NINES, build_series
from .cost_table import CostTable
from .cost_worker import PlanWorker
from .flow import FlowLayout, labelled

REPLAN_MS = 1200
STEP_LIMIT = 15


class CostPanel(QWidget):
    statusMessage = Signal(str)
    exportRequested = Signal(str)        # "png" or "pdf"

    def __init__(self, document, scene, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document, self.ghost = document, Ghost(scene)
        self.plan = self.front = None
        self.with_front = True             # also the exact Pareto front (slower)
        self.step_limit = STEP_LIMIT
        self._planned_for = None           # the snapshot the plan was made for
        self._planned_target = None
        self.worker = PlanWorker(self)
        self._replan = QTimer(self, singleShot=True, interval=REPLAN_MS)
        self._build()
        self._connect()

    # -- building ----------------------------------------------------------------
    def _build(self) -> None:
        self.plan_button = QPushButton("Plan")
        self.cancel_button = QPushButton("Cancel")
        self.progress = QProgressBar()
        self.progress.setMaximumWidth(180)
        self.progress.setTextVisible(True)
        self.mode = QComboBox()
        self.mode.addItem("Nines", NINES)
        self.mode.addItem("Downtime a year", DOWNTIME)
        self.budget = QDoubleSpinBox()
        self.budget.setRange(0.0, 1e10)
        self.budget.setDecimals(0)
        self.budget.setSingleStep(10_000)
        self.budget.setSpecialValueText("no budget")
        self.target = QLineEdit()
        self.target.setPlaceholderText("e.g. 99.99")
        self.target.setMaximumWidth(90)
        self.apply_button = QPushButton("Apply up to here")
        self.export_button = QToolButton()
        self.export_button.setText("Export")
        self.export_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(self.export_button)
        menu.addAction("Curve and table as PNG…", lambda: self.exportRequested.emit("png"))
        menu.addAction("Curve and table as PDF…", lambda: self.exportRequested.emit("pdf"))
        self.export_button.setMenu(menu)
        row = FlowLayout()
        for label, widget in (("", self.plan_button), ("", self.cancel_button),
                              ("", self.progress), ("Show", self.mode),
                              ("Budget", self.budget), ("Target %", self.target),
                              ("", self.apply_button), ("", self.export_button)):
            row.addWidget(labelled(label, widget) if label else widget)
        self.plot, self.table = CostPlot(), CostTable()
        self.summary = QLabel("Open the panel on a design to plan its mitigations.")
        self.summary.setWordWrap(True)
        self.summary.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        # The words sit under the table, so the curve keeps the panel's height.
        words = QScrollArea()              # the sentences scroll when the dock is short
        words.setWidgetResizable(True)
        words.setFrameShape(QFrame.Shape.NoFrame)
        words.setWidget(self.summary)
        # Security fixes sit apart from the plan: they buy security, not availability.
        self.security = SecurityFixesView()
        self.security.setVisible(False)
        right = QSplitter(Qt.Orientation.Vertical)
        right.addWidget(self.table)
        right.addWidget(self.security)
        right.addWidget(words)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(self.plot)
        split.addWidget(right)
        split.setSizes([440, 660])
        column = QVBoxLayout(self)
        column.setContentsMargins(6, 4, 6, 4)
        column.addLayout(row)
        column.addWidget(split, 1)
        self.shape = PanelShape(self, split, right)
        self._set_running(False)
        self.apply_button.setEnabled(False)

    def _connect(self) -> None:
        self.plan_button.clicked.connect(self.plan_now)
        self.cancel_button.clicked.connect(self.cancel)
        self.worker.progress.connect(self._progress)
        self.worker.planned.connect(self._planned)
        self.worker.front.connect(self._front)
        self.worker.failed.connect(self._failed)
        self.worker.finished.connect(lambda: self._set_running(False))
        self.mode.currentIndexChanged.connect(self.refresh)
        self.budget.valueChanged.connect(self.refresh)
        self.target.editingFinished.connect(self._target_edited)
        self.apply_button.clicked.connect(self.apply_selected)
        self.plot.pointHovered.connect(self.show_ghost)
        self.plot.pointClicked.connect(self.table.select_step)
        self.table.rowHovered.connect(self.show_ghost)
        self.table.stepChosen.connect(self._chosen)
        self.security.applyRequested.connect(self.apply_fix)
        self.security.fixHovered.connect(
            lambda patch: self.ghost.show(None if self.is_stale() else patch))
        self.document.changed.connect(self._document_changed)
        self._replan.timeout.connect(self._replan_if_visible)

    # -- planning ----------------------------------------------------------------
    def plan_now(self) -> None:
        self._planned_for = self.document.snapshot()
        self._planned_target = self.target_value()
        self.worker.start(self._planned_for, self.step_limit, self.target_value(),
                          self.with_front)
        self._set_running(True)
        self.progress.setRange(0, 0)
        self.summary.setText("Planning: each candidate edit is applied and analysed…")

    def cancel(self) -> None:
        self.worker.cancel()
        self.summary.setText("Planning cancelled. Press Plan to start again.")

    def _target_edited(self) -> None:
        if self.plan is None or self.target_value() != self._planned_target:
            self.plan_now()

    def target_value(self) -> float | None:
        text = self.target.text().strip().rstrip("%").strip()
        try:
            value = float(text) / 100.0
        except ValueError:
            return None
        return value if 0.0 < value < 1.0 else None

    def _progress(self, step: int, done: int, total: int) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)
        self.progress.setFormat(f"step {step}: {done}/{total}")

    def _planned(self, plan) -> None:
        self.plan, self.front = plan, None
        self.refresh()

    def _front(self, front, _path) -> None:
        self.front = front
        self.refresh()

    def _failed(self, message: str) -> None:
        self.summary.setText("Planning failed: " + message.strip().splitlines()[-1])

    def _set_running(self, running: bool) -> None:
        self.cancel_button.setEnabled(running)
        self.progress.setVisible(running)
        self.plan_button.setEnabled(not running)

    # -- showing -----------------------------------------------------------------
    def series(self):
        if self.plan is None:
            return None
        budget = self.budget.value() or None
        return build_series(self.plan, self.mode.currentData(), budget, self.front)

    def refresh(self, *_unused) -> None:
        series = self.series()
        self.plot.show_series(series)
        marks = {}
        if series is not None:
            for index, _c, _s, text in series.markers():
                if index:
                    marks[index] = ", ".join(filter(None, [marks.get(index), text]))
            for index in series.off_front:
                marks[index] = ", ".join(filter(None, [marks.get(index), "off the front"]))
        plan = self.plan
        name = unambiguous_names(plan.design) if plan is not None else str
        self.table.show_plan(plan, marks, name)
        self.security.show_fixes(plan.security if plan is not None else None,
                                 self.document.settings.currency, name, stale=self.is_stale())
        self.summary.setText(self.summary_text(series))
        self._chosen(self.table.selected_step())

    def summary_text(self, series) -> str:
        if self.plan is None:
            return ""
        text = words.summary(self.plan)
        if self.front is not None:
            text += " " + words.front_sentence(len(self.front.pool), len(series.off_front),
                                                 self.front.left_out)
        if self.plan.security is not None:
            text += "\n\nSecurity fixes: " + security_words.summary(self.plan.security)
        if self.is_stale():
            text = "The design changed since this plan was made; it is being made again. " + text
        return text

    def show_ghost(self, step: int) -> None:
        if self.plan is None or self.is_stale() or not 1 <= step <= len(self.plan.steps):
            self.ghost.show(None)
            return
        earlier = merge([s.candidate.patch for s in self.plan.steps[:step - 1]], "")
        self.ghost.show(self.plan.steps[step - 1].candidate.patch, context=earlier)

    def _chosen(self, step: int) -> None:
        ok = self.plan is not None and step >= 1 and not self.is_stale()
        self.plot.select(step if ok else 0)
        self.apply_button.setEnabled(ok)
        self.apply_button.setText(f"Apply up to here (steps 1-{step})" if ok and step > 1 else
                                  "Apply up to here (step 1)" if ok else "Apply up to here")

    # -- applying ----------------------------------------------------------------
    def apply_selected(self) -> None:
        self.apply_up_to(self.table.selected_step())

    def apply_up_to(self, step: int) -> None:
        """Steps 1..step as one undoable edit."""
        if self.plan is None or self.is_stale() or step < 1:
            return
        text = (f"Apply mitigation step 1" if step == 1 else
                f"Apply mitigation steps 1-{step}")
        patch = merge([s.candidate.patch for s in self.plan.steps[:step]], text)
        self.ghost.show(None)
        self.document.apply_patch(patch)
        self.statusMessage.emit(f"{text}: {self.plan.steps[step - 1].candidate.description}")

    def apply_fix(self, fix) -> None:
        """One security fix as one undoable edit (the same patch the list
        was checked with)."""
        if self.is_stale() or fix.candidate is None:
            return
        self.ghost.show(None)
        self.document.apply_patch(fix.candidate.patch)
        self.statusMessage.emit(f"Applied security fix: {fix.candidate.description}")

    # -- following the document ------------------------------------------------------
    def is_stale(self) -> bool:
        return self._planned_for is not None and self.document.snapshot() != self._planned_for

    def _document_changed(self) -> None:
        self.ghost.show(None)
        if self.plan is not None or self.worker.running():
            self.worker.cancel()
            self._replan.start()
            self.refresh()

    def _replan_if_visible(self) -> None:
        if self.isVisible():
            self.plan_now()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self._planned_for is None or (self.is_stale() and not self.worker.running()):
            self.plan_now()

    def shutdown(self) -> None:
        self.worker.cancel()
        self.ghost.show(None)
