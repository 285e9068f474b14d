"""The plan as a table: step, edit, what it removes, cost delta, availability
after, downtime minutes saved a year, cost per hour of downtime avoided.
Hovering a row reports its step (the panel shows it as a ghost); the cells'
words come from the report layer."""
from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableWidget, QTableWidgetItem

from designer.report import plan as words

HEADERS = ["Step", "Edit", "Removes", "Cost delta", "Availability after",
           "Downtime saved (min/yr)", "Cost per hour avoided"]


class CostTable(QTableWidget):
    rowHovered = Signal(int)     # step number, -1 when the mouse leaves
    stepChosen = Signal(int)     # the selected step (0: none)

    def __init__(self, parent=None) -> None:
        super().__init__(0, len(HEADERS), parent)
        self.setHorizontalHeaderLabels(HEADERS)
        self.verticalHeader().setVisible(False)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setWordWrap(False)
        self.setMouseTracking(True)
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        self.cellEntered.connect(lambda row, _col: self._hover(row + 1))
        self.viewport().installEventFilter(self)
        self.itemSelectionChanged.connect(self._selected)
        self._hovered = -1
        self.marks: dict[int, str] = {}

    def show_plan(self, plan, marks: dict[int, str] | None = None, name=str) -> None:
        """`name`: what to call a removed SPOF (model.naming.unambiguous_names)."""
        self.blockSignals(True)
        self.marks = marks or {}
        self.setRowCount(0)
        if plan is not None:
            self.setRowCount(len(plan.steps))
            for r, step in enumerate(plan.steps):
                for c, text in enumerate(words.row(step, plan, name)):
                    if c == 0 and step.number in self.marks:
                        text = f"{text} ({self.marks[step.number]})"
                    item = QTableWidgetItem(text)
                    item.setToolTip(words.hover(step, plan.design.settings.currency))
                    if c in (0, 3, 4, 5, 6):
                        item.setTextAlignment(Qt.AlignmentFlag.AlignRight
                                              | Qt.AlignmentFlag.AlignVCenter)
                    self.setItem(r, c, item)
            self.resizeColumnsToContents()
            self.setColumnWidth(1, min(self.columnWidth(1), 420))
        self.blockSignals(False)

    def select_step(self, step: int) -> None:
        if 1 <= step <= self.rowCount():
            self.selectRow(step - 1)
        else:
            self.clearSelection()

    def selected_step(self) -> int:
        rows = self.selectionModel().selectedRows() if self.selectionModel() else []
        return rows[0].row() + 1 if rows else 0

    def eventFilter(self, watched, event) -> bool:
        if watched is self.viewport() and event.type() == QEvent.Type.Leave:
            self._hover(-1)
        return super().eventFilter(watched, event)

    def _hover(self, step: int) -> None:
        if step != self._hovered:
            self._hovered = step
            self.rowHovered.emit(step)

    def _selected(self) -> None:
        self.stepChosen.emit(self.selected_step())
