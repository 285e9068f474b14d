"""The cost panel's "Security fixes" list: segmentation findings whose fix
costs something (a second firewall in an HA pair, a new segment), each
with its cost, what it resolves and its availability after, all found by
analysing the edited design (analysis/mitigation/security.py). "Apply fix"
applies the selected one as one undoable edit; an estimate has no edit.
The words come from designer/report/security.py."""
from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (QAbstractItemView, QHBoxLayout, QHeaderView, QLabel,
                               QPushButton, QTableWidget, QTableWidgetItem, QVBoxLayout,
                               QWidget)

from designer.report import security as words

HEADERS = ["Finding", "Fix", "Cost (purchase + monthly = horizon)", "Availability after",
           "Resolves (checked on the edited design)"]


class SecurityFixesView(QWidget):
    applyRequested = Signal(object)      # the SecurityFix to apply
    fixHovered = Signal(object)          # its patch (None: nothing to show)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.fixes: tuple = ()
        self.title = QLabel("<b>Security fixes</b> (findings whose fix costs something)")
        self.title.setWordWrap(True)       # in a laptop's side column it takes two lines
        self.apply_button = QPushButton("Apply fix")
        self.apply_button.setEnabled(False)
        self.table = QTableWidget(0, len(HEADERS))
        self.table.setHorizontalHeaderLabels(HEADERS)
        self.table.verticalHeader().setVisible(False)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        self.table.setMouseTracking(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        top = QHBoxLayout()
        top.addWidget(self.title, 1)
        top.addWidget(self.apply_button)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 2, 0, 0)
        column.addLayout(top)
        column.addWidget(self.table, 1)
        self.table.itemSelectionChanged.connect(self._selected)
        self.table.cellEntered.connect(lambda row, _c: self._hover(row))
        self.apply_button.clicked.connect(self._apply)

    def show_fixes(self, found, currency: str, name=str, stale: bool = False) -> None:
        self.fixes = found.fixes if found is not None else ()
        self.stale = stale
        self.table.setRowCount(len(self.fixes))
        for r, fix in enumerate(self.fixes):
            for c, text in enumerate(words.row(fix, currency, name)):
                item = QTableWidgetItem(text)
                item.setToolTip(words.cost_text(fix, currency) if c == 2 else text)
                self.table.setItem(r, c, item)
        self.table.resizeColumnsToContents()
        for c, most in ((0, 230), (1, 330), (3, 230)):
            self.table.setColumnWidth(c, min(self.table.columnWidth(c), most))
        self.setToolTip(words.summary(found))
        # An empty list only took the table's room (the summary says "none").
        self.setVisible(bool(self.fixes))
        self._selected()

    def selected(self):
        rows = self.table.selectionModel().selectedRows()
        return self.fixes[rows[0].row()] if rows and rows[0].row() < len(self.fixes) else None

    def _selected(self) -> None:
        fix = self.selected()
        ok = fix is not None and not fix.estimate and not getattr(self, "stale", False)
        self.apply_button.setEnabled(ok)
        self.apply_button.setToolTip("" if fix is None or not fix.estimate else
                                     "An estimate: no edit is drawn for this fix")

    def _hover(self, row: int) -> None:
        fix = self.fixes[row] if 0 <= row < len(self.fixes) else None
        self.fixHovered.emit(fix.candidate.patch if fix is not None and fix.candidate else None)

    def leaveEvent(self, event) -> None:
        self.fixHovered.emit(None)
        super().leaveEvent(event)

    def _apply(self) -> None:
        fix = self.selected()
        if fix is not None and not fix.estimate:
            self.applyRequested.emit(fix)
