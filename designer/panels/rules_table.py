"""A firewall's ordered rules as a table: add, remove, move up, move down and
edit any cell. Every change emits the whole new list once (`commit`), which
the inspector turns into one undoable document.update. Source and
destination offer "any" and the design's segments, tiers, services and the
Internet; protocol and action are closed lists; the port is a number, a
range "5985-5986", or empty for any."""
from __future__ import annotations

from typing import Any, Callable, Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QHBoxLayout, QHeaderView,
                               QSizePolicy, QStyledItemDelegate, QTableWidget,
                               QTableWidgetItem, QToolButton, QVBoxLayout, QWidget)

from designer.model import FirewallRule

COLUMNS = ("source", "destination", "protocol", "port", "action", "comment")
TITLES = ("From", "To", "Protocol", "Port", "Action", "Comment")
_FIXED = {"protocol": [("tcp", "tcp"), ("udp", "udp"), ("icmp", "icmp"), ("any", "any")],
          "action": [("allow", "allow"), ("deny", "deny")]}
Choices = list[tuple[str, Any]]


class _ChoiceDelegate(QStyledItemDelegate):
    def __init__(self, choices: Callable[[], Choices], parent=None) -> None:
        super().__init__(parent)
        self._choices = choices

    def createEditor(self, parent, option, index):
        box = QComboBox(parent)
        for title, value in self._choices():
            box.addItem(title, value)
        box.activated.connect(lambda _i, b=box: self._picked(b))
        return box

    def _picked(self, box: QComboBox) -> None:
        self.commitData.emit(box)
        self.closeEditor.emit(box)

    def setEditorData(self, editor, index):
        found = editor.findData(index.data(Qt.ItemDataRole.UserRole))
        editor.setCurrentIndex(max(found, 0))

    def setModelData(self, editor, model, index):
        model.setData(index, editor.currentData(), Qt.ItemDataRole.UserRole)
        model.setData(index, editor.currentText(), Qt.ItemDataRole.DisplayRole)


class RulesTable(QWidget):
    commit = Signal(list)    # list[dict]: the whole new rule list
    failed = Signal(str)

    def __init__(self, segments: Callable[[], Choices], parent: QWidget | None = None):
        super().__init__(parent)
        self._segments = segments
        self._rules: tuple[FirewallRule, ...] = ()
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setHorizontalHeaderLabels(TITLES)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setDefaultSectionSize(24)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setMinimumHeight(120)
        self.table.setMaximumHeight(220)
        self.table.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        for col, name in enumerate(COLUMNS):
            if name in ("source", "destination"):
                self.table.setItemDelegateForColumn(col, _ChoiceDelegate(self._ends, self))
            elif name in _FIXED:
                self.table.setItemDelegateForColumn(
                    col, _ChoiceDelegate(lambda n=name: _FIXED[n], self))
        self.table.itemChanged.connect(self._cell_changed)
        self.table.itemSelectionChanged.connect(self._enable)
        self.buttons = {}
        row = QHBoxLayout()
        for key, title, tip in (("add", "Add", "Add a rule below the selected one"),
                                ("remove", "Remove", "Remove the selected rule"),
                                ("up", "Up", "Move the rule up: rules match top first"),
                                ("down", "Down", "Move the rule down")):
            button = QToolButton(text=title, toolTip=tip)
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
            button.clicked.connect(getattr(self, key))
            self.buttons[key] = button
            row.addWidget(button)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table)
        layout.addLayout(row)

    def _ends(self) -> Choices:
        return [("any", "any"), *self._segments()]

    # -- showing -------------------------------------------------------------
    def show_rules(self, rules: Sequence[FirewallRule]) -> None:
        self._rules = tuple(rules)
        names = {value: title for title, value in self._ends()}
        self.table.blockSignals(True)
        self.table.setRowCount(len(self._rules))
        for row, rule in enumerate(self._rules):
            for col, name in enumerate(COLUMNS):
                value = getattr(rule, name)
                shown = names.get(value, value) if name in ("source", "destination") else value
                if name == "port" and rule.port_end is not None:
                    shown = f"{rule.port}-{rule.port_end}"
                item = QTableWidgetItem("any" if value is None else str(shown))
                item.setData(Qt.ItemDataRole.UserRole, value)
                self.table.setItem(row, col, item)
        self.table.blockSignals(False)
        self._enable()

    def current_row(self) -> int:
        return self.table.currentRow()

    # -- edits (each emits the whole list once) ----------------------------------
    def add(self) -> None:
        row = self.current_row()
        at = row + 1 if row >= 0 else len(self._rules)
        self._emit_with(lambda dicts: dicts.insert(at, FirewallRule().model_dump()), at)

    def remove(self) -> None:
        row = self.current_row()
        if 0 <= row < len(self._rules):
            self._emit_with(lambda dicts: dicts.pop(row), min(row, len(self._rules) - 2))

    def up(self) -> None:
        self._swap(self.current_row(), -1)

    def down(self) -> None:
        self._swap(self.current_row(), +1)

    def _swap(self, row: int, step: int) -> None:
        other = row + step
        if 0 <= row < len(self._rules) and 0 <= other < len(self._rules):
            def swap(dicts):
                dicts[row], dicts[other] = dicts[other], dicts[row]
            self._emit_with(swap, other)

    def _cell_changed(self, item: QTableWidgetItem) -> None:
        name = COLUMNS[item.column()]
        value = item.data(Qt.ItemDataRole.UserRole)
        end = None
        if name == "port":
            text = item.text().strip().lower().replace(" ", "")
            low, _, high = text.partition("-")
            if text in ("", "any"):
                value = None
            elif low.isdigit() and (high == "" or high.isdigit()):
                value, end = int(low), (int(high) if high else None)
            else:
                self.failed.emit(f"“{item.text()}” is not a port number or range")
                self.show_rules(self._rules)
                return
        elif name == "comment":
            value = item.text()
        row = item.row()

        def change(dicts):
            dicts[row][name] = value
            if name == "port":
                dicts[row]["port_end"] = end
        self._emit_with(change, row)

    def _emit_with(self, change, select: int) -> None:
        dicts = [rule.model_dump() for rule in self._rules]
        change(dicts)
        self.commit.emit(dicts)
        if 0 <= select < self.table.rowCount():
            self.table.selectRow(select)
        self._enable()

    def _enable(self) -> None:
        row, count = self.current_row(), len(self._rules)
        self.buttons["remove"].setEnabled(0 <= row < count)
        self.buttons["up"].setEnabled(0 < row < count)
        self.buttons["down"].setEnabled(0 <= row < count - 1)
