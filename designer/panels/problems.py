"""The Problems dock: every SPOF with its explanation and blast radius, the
order-2 cut sets, the analyzer's notes and (when the result carries them) the
segmentation findings.

The panel knows nothing of the canvas. It says what the user pointed at:
`selectRequested(ids)` on a click (or Enter), `highlightRequested(ids)` while
the mouse is over a SPOF (its blast radius and itself) and `[]` when it
leaves. `designer.live` connects these to the view and the scene.
"""
from __future__ import annotations

from typing import Iterable, Mapping

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtWidgets import (QHeaderView, QLabel, QTreeWidget, QTreeWidgetItem,
                               QVBoxLayout, QWidget)

IDS = Qt.ItemDataRole.UserRole          # what a click selects
HIGHLIGHT = Qt.ItemDataRole.UserRole + 1  # what hovering lights up


class ProblemsPanel(QWidget):
    selectRequested = Signal(list)
    highlightRequested = Signal(list)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.summary = QLabel("Analysing…", self)
        self.summary.setWordWrap(True)
        self.summary.setContentsMargins(6, 4, 6, 4)
        self.tree = QTreeWidget(self)
        self.tree.setColumnCount(2)
        self.tree.setHeaderLabels(["Problem", "Takes down"])
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        self.tree.header().setStretchLastSection(True)
        self.tree.setColumnWidth(0, 260)
        self.tree.setMouseTracking(True)
        self.tree.setWordWrap(True)
        self.tree.setUniformRowHeights(False)
        self.tree.itemClicked.connect(self._clicked)
        self.tree.itemActivated.connect(self._clicked)
        self.tree.itemEntered.connect(self._entered)
        self.tree.viewport().installEventFilter(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.summary)
        layout.addWidget(self.tree)
        self._hovered: list[str] = []

    # -- content -------------------------------------------------------------
    def set_result(self, result, names: Mapping[str, str]) -> None:
        """Show a result; `names` maps ids to what a person calls them."""
        name = lambda cid: names.get(cid, cid)  # noqa: E731
        self.tree.clear()
        self._spofs(result, name)
        self._cut_sets(result, name)
        self._findings(result, name)
        self._notes(result, name)
        self.tree.expandAll()
        self.summary.setText(summary_text(result))

    def set_failed(self, message: str) -> None:
        self.tree.clear()
        self.summary.setText(f"The analysis failed: {message}")

    def _group(self, title: str, count: int) -> QTreeWidgetItem:
        group = QTreeWidgetItem(self.tree, [f"{title} ({count})"])
        font = group.font(0)
        font.setBold(True)
        group.setFont(0, font)
        group.setFirstColumnSpanned(True)
        return group

    def _spofs(self, result, name) -> None:
        group = self._group("Single points of failure", len(result.spofs))
        for spof in result.spofs:
            radius = ", ".join(name(cid) for cid in spof.blast_radius) or "the system"
            row = QTreeWidgetItem(group, [f"{name(spof.id)} ({_kind_title(spof.kind)})",
                                          radius])
            row.setToolTip(0, spof.explanation)
            row.setToolTip(1, f"If {name(spof.id)} fails, these go down: {radius}")
            why = QTreeWidgetItem(row, [spof.explanation])
            why.setFirstColumnSpanned(True)
            why.setToolTip(0, spof.explanation)
            lit = [spof.id, *spof.blast_radius]
            for item in (row, why):
                item.setData(0, IDS, [spof.id])
                item.setData(0, HIGHLIGHT, lit)

    def _cut_sets(self, result, name) -> None:
        pairs = result.cut_sets_order2
        group = self._group("Order-2 cut sets: one failure from a SPOF", len(pairs))
        for a, b in pairs:
            row = QTreeWidgetItem(group, [f"{name(a)} + {name(b)}", "the system"])
            row.setToolTip(0, f"{name(a)} and {name(b)} failing together take the "
                              "system down; either alone does not.")
            row.setData(0, IDS, [a, b])
            row.setData(0, HIGHLIGHT, [a, b])

    def _findings(self, result, name) -> None:
        findings = getattr(result, "findings", None)
        if not findings:
            return
        group = self._group("Segmentation findings", len(findings))
        for finding in findings:
            ids = list(getattr(finding, "ids", None) or getattr(finding, "components", ()))
            text = getattr(finding, "message", None) or getattr(finding, "title", str(finding))
            severity = getattr(finding, "severity", "")
            row = QTreeWidgetItem(group, [f"{severity}: {text}" if severity else text,
                                          ", ".join(name(cid) for cid in ids)])
            row.setToolTip(0, getattr(finding, "fix", "") or text)
            row.setData(0, IDS, ids)
            row.setData(0, HIGHLIGHT, ids)

    def _notes(self, result, name) -> None:
        group = self._group("Notes", len(result.notes))
        for note in result.notes:
            row = QTreeWidgetItem(group, [f"{name(note.id)}: {note.message}"])
            row.setFirstColumnSpanned(True)
            row.setToolTip(0, note.message)
            row.setData(0, IDS, [note.id])
            row.setData(0, HIGHLIGHT, [note.id])

    # -- pointing ----------------------------------------------------------------
    def _clicked(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        ids = item.data(0, IDS)
        if ids:
            self.selectRequested.emit(list(ids))

    def _entered(self, item: QTreeWidgetItem, _column: int) -> None:
        self._hover(list(item.data(0, HIGHLIGHT) or []))

    def _hover(self, ids: list[str]) -> None:
        if ids != self._hovered:
            self._hovered = ids
            self.highlightRequested.emit(ids)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Leave:
            self._hover([])
        return super().eventFilter(watched, event)

    # -- reading (tests, screenshots) -------------------------------------------
    def rows(self, group_index: int) -> list[QTreeWidgetItem]:
        group = self.tree.topLevelItem(group_index)
        return [group.child(i) for i in range(group.childCount())] if group else []


def summary_text(result) -> str:
    n = len(result.spofs)
    head = ("No single point of failure." if n == 0 else
            f"{n} single point{'s' if n != 1 else ''} of failure.")
    cuts = len(result.cut_sets_order2)
    if cuts:
        head += f" {cuts} pair{'s' if cuts != 1 else ''} one failure from a SPOF."
    if not result.system_up:
        head = "The system is down even with nothing failed. " + head
    return head


def _kind_title(kind: str) -> str:
    from designer.model import Kind
    try:
        return Kind(kind).title
    except ValueError:
        return str(kind)


def names_of(components: Iterable) -> dict[str, str]:
    return {c.id: c.name for c in components}
