"""The Problems dock: every SPOF with its blast radius and explanation, the
order-2 cut sets and the analyzer's notes. Three columns, Problem | Takes
down | Why, so the dock reads well along the bottom of the window. The words
come from designer/report/problems.py; this module only lays them out.

The panel knows nothing of the canvas. It says what the user pointed at:
`selectRequested(ids)` on a click (or Enter), `highlightRequested(ids)` while
the mouse is over a row (a SPOF: itself and its blast radius) and `[]` when
it leaves. `designer.live.controller` connects these to the view and the scene.
"""
from __future__ import annotations

import weakref
from collections import defaultdict
from typing import Mapping

from PySide6.QtCore import QEvent, QObject, QRectF, Qt, Signal
from PySide6.QtGui import QIcon, QPainter, QPixmap
from PySide6.QtWidgets import (QLabel, QToolTip, QTreeWidget, QTreeWidgetItem, QVBoxLayout,
                               QWidget)

from designer.look import style
from designer.look.style import State, TextRole
from designer.report import problems as words

IDS = Qt.ItemDataRole.UserRole            # what a click selects
HIGHLIGHT = Qt.ItemDataRole.UserRole + 1  # what hovering lights up
PARTNERS = Qt.ItemDataRole.UserRole + 2   # a grouped cut set's rows, built on expand
GROUP_CUTS_ABOVE = 12                     # more pairs than this: group by member


class ProblemsPanel(QWidget):
    selectRequested = Signal(list)
    highlightRequested = Signal(list)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.summary = QLabel("Analysing…", self)
        self.summary.setWordWrap(True)
        self.summary.setContentsMargins(6, 4, 6, 4)
        self.tree = QTreeWidget(self)
        self.tree.setHeaderLabels(["Problem", "Takes down", "Why"])
        self.tree.setColumnWidth(0, 280)
        self.tree.setColumnWidth(1, 260)
        self.tree.setMouseTracking(True)
        self.tree.itemClicked.connect(self._clicked)
        self.tree.itemActivated.connect(self._clicked)
        self.tree.itemEntered.connect(self._entered)
        self.tree.itemExpanded.connect(self._fill_partners)
        self.tree.viewport().installEventFilter(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.summary)
        layout.addWidget(self.tree)
        self._hovered: list[str] = []
        self._explained: dict = {}       # the shown result's explained pairs by {a, b}
        self._name = str
        self._shown = None              # (result, names): redrawn on a palette change
        ref = weakref.WeakMethod(self._restyle)
        self._listener = lambda: ref() and ref()()
        style.add_listener(self._listener)
        self.destroyed.connect(lambda *_: style.remove_listener(self._listener))

    def _restyle(self) -> None:
        if self._shown is not None:
            self.set_result(*self._shown)   # the badge icons follow the palette

    # -- content -------------------------------------------------------------
    def set_result(self, result, names: Mapping[str, str]) -> None:
        """Show a result; `names` maps ids to what a person calls them."""
        name = lambda cid: names.get(cid, cid)  # noqa: E731
        self._shown = (result, names)
        self._hover([])                 # the rows under the mouse are replaced
        self.tree.clear()
        structure = result.structure
        self._spofs(structure, name)
        self._cut_sets(structure, name)
        self._notes(structure, name)
        self.summary.setText(words.summary(structure))

    def set_failed(self, message: str) -> None:
        self.tree.clear()
        self.summary.setText(f"The analysis failed: {message}")

    def _group(self, title: str, count: int, expand: bool = True) -> QTreeWidgetItem:
        group = QTreeWidgetItem(self.tree, [words.group_title(title, count)])
        font = group.font(0)
        font.setBold(True)
        group.setFont(0, font)
        group.setFirstColumnSpanned(True)
        group.setExpanded(expand and count > 0)
        return group

    def _spofs(self, structure, name) -> None:
        group = self._group(words.SPOFS_TITLE, len(structure.spofs))
        for spof in structure.spofs:
            row = _row(group, list(words.spof_cells(spof, name)), [spof.id],
                       [spof.id, *spof.blast_radius])
            row.setIcon(0, badge_icon(State.SPOF))

    def _cut_sets(self, structure, name) -> None:
        pairs = structure.cut_sets_order2
        group = self._group(words.PAIRS_TITLE, len(pairs))
        explained = structure.explained()
        self._explained, self._name = explained, name    # for partner rows built later
        if len(pairs) <= GROUP_CUTS_ABOVE:
            for a, b in pairs:
                pair = explained.get(frozenset((a, b)))
                shown = [a, b, *pair.blast_radius] if pair else [a, b]
                _row(group, list(words.pair_cells(a, b, name, pair)), [a, b], shown
                     ).setIcon(0, badge_icon(State.CUT2))
            return
        partners: dict[str, list[str]] = defaultdict(list)
        for a, b in pairs:
            partners[a].append(b)
        for first, others in partners.items():
            head = _row(group, list(words.pair_group_cells(first, len(others), name)),
                        [first], [first, *others])
            head.setIcon(0, badge_icon(State.CUT2))
            head.setData(0, PARTNERS, [(other, name(other)) for other in others])
            head.setChildIndicatorPolicy(QTreeWidgetItem.ChildIndicatorPolicy.ShowIndicator)
        group.setExpanded(False)     # many pairs: the SPOFs stay in view

    def _fill_partners(self, head: QTreeWidgetItem) -> None:
        """Partner rows are built when their group is opened: hundreds of
        pairs would otherwise cost every result tens of milliseconds."""
        partners = head.data(0, PARTNERS)
        if not partners or head.childCount():
            return
        first = head.data(0, IDS)[0]
        for other, label in partners:
            pair = self._explained.get(frozenset((first, other)))
            if pair is None:
                _row(head, [f"+ {label}", "", ""], [first, other], [first, other])
                continue
            _, radius, why = words.pair_cells(first, other, self._name, pair)
            _row(head, [f"+ {label}", radius, why], [first, other],
                 [first, other, *pair.blast_radius])

    def _notes(self, structure, name) -> None:
        group = self._group(words.NOTES_TITLE, len(structure.notes))
        for note in structure.notes:
            ids = [note.id] if note.id else []
            row = _row(group, list(words.note_cells(note, name)), ids, ids)
            row.setIcon(0, badge_icon(State.NOT_MODELED))

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
        elif event.type() == QEvent.Type.ToolTip:
            return self._tooltip(event)
        return super().eventFilter(watched, event)

    def _tooltip(self, event) -> bool:
        """The full text of the cell under the mouse: long explanations are
        elided in their column. Looked up on demand, not stored per cell."""
        item = self.tree.itemAt(event.pos())
        column = self.tree.columnAt(event.pos().x())
        text = item.text(column) if item is not None and column >= 0 else ""
        if text:
            QToolTip.showText(event.globalPos(), text, self.tree.viewport())
        else:
            QToolTip.hideText()
        return True

    # -- reading (tests, screenshots) -------------------------------------------
    def rows(self, group_index: int) -> list[QTreeWidgetItem]:
        group = self.tree.topLevelItem(group_index)
        return [group.child(i) for i in range(group.childCount())] if group else []


def _row(parent: QTreeWidgetItem, texts: list[str], ids: list[str],
         lit: list[str]) -> QTreeWidgetItem:
    """A row, filled before it joins the tree (each change to an item already
    in a tree notifies the view: thousands of them cost tens of ms)."""
    row = QTreeWidgetItem(texts)
    row.setData(0, IDS, ids)
    row.setData(0, HIGHLIGHT, lit)
    parent.addChild(row)
    return row


def badge_icon(state: State, size: int = 16) -> QIcon:
    """The canvas badge of a state ("!", "2", "?") as a list icon, so a row
    and the component it points at carry the same mark. Cached per palette."""
    key = (state, size, style.palette().name)
    if key not in _ICONS:
        _ICONS[key] = _paint_badge(state, size)
    return _ICONS[key]


_ICONS: dict[tuple, QIcon] = {}


def _paint_badge(state: State, size: int) -> QIcon:
    pixmap = QPixmap(size * 2, size * 2)
    pixmap.setDevicePixelRatio(2.0)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(style.badge_brush(state))
    box = QRectF(1, 1, size - 2, size - 2)
    painter.drawEllipse(box)
    font = style.label_font(TextRole.BADGE)
    font.setPointSizeF(size * 0.5)
    painter.setFont(font)
    painter.setPen(style.badge_text_color(state))
    painter.drawText(box, Qt.AlignmentFlag.AlignCenter, style.state_style(state).badge)
    painter.end()
    return QIcon(pixmap)
