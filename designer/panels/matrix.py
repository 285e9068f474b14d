"""The reachability matrix dock: zones (rows) against service ports
(columns), each cell coloured by what a packet from anywhere in the zone
meets: open, blocked by a rule, the same zone (no firewall between), or no
network path. A click on a cell shows the path and the rule that allowed or
blocked each firewall hop, and asks the canvas to draw the path
(`pathRequested`). The evidence is computed on demand from the design."""
from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (QHeaderView, QLabel, QSplitter, QTableWidget,
                               QTableWidgetItem, QVBoxLayout, QWidget)

from designer.report.matrix import cell_caption, cell_words, flow_lines

STATUS_COLORS = {"open": "#a5d6a7", "exposed": "#ef9a9a", "blocked": "#e0e0e0",
                 "same-zone": "#fff59d", "no-path": "#f5f5f5"}
CELL = Qt.ItemDataRole.UserRole


class MatrixPanel(QWidget):
    pathRequested = Signal(list)      # component ids, source first

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.table = QTableWidget(self)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.cellClicked.connect(self.explain)
        self.detail = QLabel("Click a cell for its path and rules.", self)
        self.detail.setWordWrap(True)
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.detail.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.detail.setContentsMargins(6, 4, 6, 4)
        split = QSplitter(Qt.Orientation.Vertical, self)
        split.addWidget(self.table)
        split.addWidget(self.detail)
        split.setSizes([300, 120])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(split)
        self._design = None
        self._result = None

    def set_result(self, design, result, name=None) -> None:
        """Show `result`'s matrix for `design` (the snapshot it came from);
        `name(id)` says what a person calls a component."""
        self._design, self._result = design, result
        name = name or (result.label if result is not None else str)
        cells = result.matrix if result is not None else ()
        zones = [z for z in (result.zones if result is not None else ())]
        columns = list(dict.fromkeys((c.service, c.port) for c in cells))
        self.table.clear()
        self.table.setRowCount(len(zones))
        self.table.setColumnCount(len(columns))
        self.table.setVerticalHeaderLabels([z.label for z in zones])
        self.table.setHorizontalHeaderLabels(
            [f"{name(s)}\n:{p}" for s, p in columns])
        row_of = {z.id: i for i, z in enumerate(zones)}
        col_of = {key: i for i, key in enumerate(columns)}
        public = {s for s, _ in columns if design.by_id[s].public} if design else set()
        for cell in cells:
            status = cell.status
            if status == "open" and _trust(zones, cell.zone) == "internet" \
                    and cell.service not in public:
                status = "exposed"
            item = QTableWidgetItem(cell_words(status))
            item.setBackground(QBrush(QColor(STATUS_COLORS[status])))
            item.setForeground(QBrush(QColor("#202020")))
            item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
            item.setData(CELL, (cell.zone, cell.service, cell.port))
            item.setToolTip(cell_caption(result, cell, status))
            self.table.setItem(row_of[cell.zone], col_of[(cell.service, cell.port)], item)

    def explain(self, row: int, column: int) -> None:
        item = self.table.item(row, column)
        if item is None or self._design is None:
            return
        zone, service, port = item.data(CELL)
        lines, path = flow_lines(self._design, self._result, zone, service, port)
        self.detail.setText("\n".join(lines))
        self.pathRequested.emit(path)


def _trust(zones, zone_id):
    return next((z.trust for z in zones if z.id == zone_id), None)
