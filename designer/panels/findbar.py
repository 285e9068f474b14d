"""The find bar (Ctrl+F): type part of a label, the canvas selects and shows
what matches (CanvasView.find). Enter finds again, Esc closes the bar."""
from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QToolButton, QWidget


class FindBar(QWidget):
    closed = Signal()

    def __init__(self, view, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.view = view
        self.edit = QLineEdit()
        self.edit.setPlaceholderText("Find by label")
        self.edit.setClearButtonEnabled(True)
        self.result = QLabel()
        self.result.setMinimumWidth(90)
        close = QToolButton()
        close.setText("✕")
        close.setAutoRaise(True)
        close.setToolTip("Close (Esc)")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 2, 6, 2)
        layout.addWidget(QLabel("Find:"))
        layout.addWidget(self.edit, 1)
        layout.addWidget(self.result)
        layout.addWidget(close)
        self.edit.textChanged.connect(self.find)
        self.edit.returnPressed.connect(self.find)
        close.clicked.connect(self.close_bar)
        self.hide()

    def open_bar(self) -> None:
        self.show()
        self.edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.edit.selectAll()

    def close_bar(self) -> None:
        self.hide()
        self.closed.emit()

    def find(self) -> int:
        text = self.edit.text().strip()
        if not text:
            self.result.setText("")
            return 0
        found = self.view.find(text)
        count = found if isinstance(found, int) else len(found or [])
        self.result.setText(f"{count} found" if count else "no match")
        return count

    def keyPressEvent(self, event) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.close_bar()
            return
        super().keyPressEvent(event)
