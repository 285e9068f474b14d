"""The history dock: every edit of this session as a list (QUndoView on the
document's undo stack). Click an entry to go back to that point; the saved
state is marked."""
from __future__ import annotations

from PySide6.QtWidgets import QStyle, QUndoView, QWidget


class History(QUndoView):
    def __init__(self, document, parent: QWidget | None = None) -> None:
        super().__init__(document.undo_stack, parent)
        self.setEmptyLabel("Opened design")
        self.setCleanIcon(self.style().standardIcon(QStyle.StandardPixmap.SP_DialogSaveButton))
