"""The palette: every kind, grouped by family (model.kinds.FAMILIES), with its
icon. Drag a kind onto the canvas (MIME `application/x-weaklink-kind`, the
Kind value as payload), or click it to pick a placing tool and then click
the canvas. A filter box narrows the list as you type."""
from __future__ import annotations

from PySide6.QtCore import QMimeData, QSize, Qt, Signal
from PySide6.QtWidgets import (QAbstractItemView, QLineEdit, QTreeWidget,
                               QTreeWidgetItem, QVBoxLayout, QWidget)

from designer import resources
from designer.model import FAMILIES, Kind

MIME_KIND = "application/x-weaklink-kind"
_KIND_ROLE = Qt.ItemDataRole.UserRole


class _KindTree(QTreeWidget):
    def mimeTypes(self) -> list[str]:
        return [MIME_KIND]

    def mimeData(self, items) -> QMimeData:
        data = QMimeData()
        kinds = [i.data(0, _KIND_ROLE) for i in items if i.data(0, _KIND_ROLE)]
        if kinds:
            data.setData(MIME_KIND, kinds[0].encode("utf-8"))
            data.setText(kinds[0])
        return data

    def supportedDropActions(self):
        return Qt.DropAction.CopyAction


class Palette(QWidget):
    kindChosen = Signal(object)     # Kind: place this on the next canvas click

    def __init__(self, dark: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.filter = QLineEdit()
        self.filter.setPlaceholderText("Filter kinds")
        self.filter.setClearButtonEnabled(True)
        self.tree = _KindTree()
        self.tree.setHeaderHidden(True)
        self.tree.setRootIsDecorated(False)
        self.tree.setIndentation(6)
        self.tree.setIconSize(QSize(20, 20))
        self.tree.setUniformRowHeights(True)
        self.tree.setStyleSheet("QTreeView::item { padding: 2px 0px; }")
        self.tree.setDragEnabled(True)
        self.tree.setDragDropMode(QAbstractItemView.DragDropMode.DragOnly)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.filter)
        layout.addWidget(self.tree)
        self._items: dict[Kind, QTreeWidgetItem] = {}
        self._build(dark)
        self.tree.itemClicked.connect(self._clicked)
        self.filter.textChanged.connect(self._filter)

    def _build(self, dark: bool) -> None:
        for family, kinds in FAMILIES.items():
            head = QTreeWidgetItem(self.tree, [family])
            head.setFlags(Qt.ItemFlag.ItemIsEnabled)
            font = head.font(0)
            font.setBold(True)
            head.setFont(0, font)
            for kind in kinds:
                item = QTreeWidgetItem(head, [kind.title])
                item.setData(0, _KIND_ROLE, kind.value)
                item.setToolTip(0, f"Drag onto the canvas, or click and then click "
                                   f"the canvas, to add {kind.a_title}")
                item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
                              | Qt.ItemFlag.ItemIsDragEnabled)
                self._items[kind] = item
            head.setExpanded(True)
        self.set_dark(dark)

    def set_dark(self, dark: bool) -> None:
        for kind, item in self._items.items():
            item.setIcon(0, resources.icon(kind, dark))

    def item(self, kind: Kind) -> QTreeWidgetItem:
        return self._items[Kind(kind)]

    def choose(self, kind: Kind) -> None:
        """Select a kind as the placing tool (what a click does)."""
        self.tree.setCurrentItem(self.item(kind))
        self.kindChosen.emit(Kind(kind))

    def clear_choice(self) -> None:
        self.tree.clearSelection()
        self.tree.setCurrentItem(None)

    def _clicked(self, item: QTreeWidgetItem, _column: int) -> None:
        value = item.data(0, _KIND_ROLE)
        if value:
            self.kindChosen.emit(Kind(value))

    def _filter(self, text: str) -> None:
        needle = text.strip().lower()
        for index in range(self.tree.topLevelItemCount()):
            head = self.tree.topLevelItem(index)
            shown = 0
            for row in range(head.childCount()):
                child = head.child(row)
                hit = needle in child.text(0).lower() or needle in head.text(0).lower()
                child.setHidden(not hit)
                shown += hit
            head.setHidden(shown == 0)
