"""A row of controls that wraps onto more lines when its panel is narrow
(the cost panel in a laptop's side column), instead of pushing its last
controls past the edge. Qt has no such layout built in."""
from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, QSize, Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLayout, QLayoutItem, QWidget


class FlowLayout(QLayout):
    """Items left to right at their size hints, a new line when the next
    does not fit; each line's items centred on it."""

    def __init__(self, parent: QWidget | None = None, spacing: int = 8) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self._height = 0
        self.setSpacing(spacing)
        self.setContentsMargins(0, 0, 0, 0)

    def addItem(self, item: QLayoutItem) -> None:
        self._items.append(item)

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int):
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int):
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self) -> Qt.Orientation:
        return Qt.Orientation(0)

    # No height-for-width: in the dock's scroll area a widget that has it is
    # given its preferred height, not the room there is (the cost curve ran
    # past the dock's bottom). The height the lines take at the width last
    # laid out is asked for instead, and the layout redone when it changes.
    def setGeometry(self, rect: QRect) -> None:
        super().setGeometry(rect)
        height = self._arrange(rect, move=True)
        if height != self._height:
            self._height = height
            self.invalidate()

    def sizeHint(self) -> QSize:
        """Everything on one line."""
        shown = self._shown()
        width = sum(i.sizeHint().width() for i in shown) + self.spacing() * max(len(shown) - 1, 0)
        return QSize(width, self._height or self._line_height(shown))

    def minimumSize(self) -> QSize:
        """The widest item (narrower, and it would be cut), as tall as the
        lines were at the last width."""
        shown = self._shown()
        width = max((item.minimumSize().width() for item in shown), default=0)
        return QSize(width, self._height or self._line_height(shown))

    @staticmethod
    def _line_height(items: list[QLayoutItem]) -> int:
        return max((item.sizeHint().height() for item in items), default=0)

    def _shown(self) -> list[QLayoutItem]:
        return [item for item in self._items if not item.isEmpty()]

    def _arrange(self, rect: QRect, move: bool) -> int:
        """Lay the items out in `rect` (when `move`); the height they take."""
        lines: list[list[QLayoutItem]] = [[]]
        x = 0
        for item in self._shown():
            width = item.sizeHint().width()
            if lines[-1] and x + width > rect.width():
                lines.append([])
                x = 0
            lines[-1].append(item)
            x += width + self.spacing()
        y = rect.y()
        for line in lines:
            height = self._line_height(line)
            x = rect.x()
            for item in line:
                hint = item.sizeHint()
                if move:
                    item.setGeometry(QRect(QPoint(x, y + (height - hint.height()) // 2), hint))
                x += hint.width() + self.spacing()
            y += height + self.spacing()
        return max(y - self.spacing() - rect.y(), 0)


def labelled(text: str, widget: QWidget) -> QWidget:
    """`widget` with its label before it, kept together on one line."""
    pair = QWidget()
    row = QHBoxLayout(pair)
    row.setContentsMargins(0, 0, 0, 0)
    row.addWidget(QLabel(text))
    row.addWidget(widget)
    return pair
