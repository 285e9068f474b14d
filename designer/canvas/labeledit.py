"""Inline label editing: a QGraphicsTextItem laid over a component's label.
Enter or focus-out commits through `document.update(label=...)` (one undo
step); Escape cancels. The editor owns nothing the file needs: it is created
for one edit and removed after it."""
from __future__ import annotations

from typing import Callable

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QFocusEvent, QKeyEvent, QTextCursor
from PySide6.QtWidgets import QGraphicsTextItem

from designer.look import style

from .items import ComponentItem


class LabelEditor(QGraphicsTextItem):
    def __init__(self, item: ComponentItem, done: Callable[[str, str | None], None]) -> None:
        super().__init__(item.comp.label)
        self.cid, self._done, self._finished = item.cid, done, False
        self.setFont(item.label_item.font())
        self.setDefaultTextColor(style.palette().text)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextEditorInteraction)
        self.setZValue(2000)
        label = item.label_item
        margin = self.document().documentMargin()
        self.setPos(label.scenePos() - QPointF(margin, margin))
        self.setTextWidth(max(item.size[0], 120.0))

    def start(self) -> None:
        self.setFocus(Qt.FocusReason.MouseFocusReason)
        cursor = self.textCursor()
        cursor.select(QTextCursor.SelectionType.Document)
        self.setTextCursor(cursor)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.finish(commit=True)
        elif event.key() == Qt.Key.Key_Escape:
            self.finish(commit=False)
        else:
            super().keyPressEvent(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self.finish(commit=True)

    def finish(self, commit: bool) -> None:
        if self._finished:
            return
        self._finished = True
        text = self.toPlainText().strip()
        self._done(self.cid, text if commit else None)
