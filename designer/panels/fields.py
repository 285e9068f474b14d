"""Small editor widgets for the inspector. Each one shows a model value with
`show(value)` (no signal) and emits `committed(value)` once when the user
finishes an edit that changed it; text it cannot read emits `failed(message)`
and the form puts the model's value back."""
from __future__ import annotations

from typing import Any, Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QCheckBox, QComboBox, QLineEdit, QPlainTextEdit


def fmt_number(value: float | None, scale: float = 1.0, digits: int = 10) -> str:
    if value is None:
        return ""
    shown = value * scale
    return str(int(shown)) if float(shown).is_integer() else f"{shown:.{digits}g}"


def parse_number(text: str, integer: bool = False) -> float | int | None:
    """'' -> None; '1,200' and '99.9 %' read as numbers; ValueError otherwise."""
    cleaned = text.replace(",", "").replace("%", "").replace("_", "").strip()
    if not cleaned:
        return None
    try:
        number = float(cleaned)
    except ValueError:
        raise ValueError(f"“{text.strip()}” is not a number") from None
    if integer:
        if not number.is_integer():
            raise ValueError(f"“{text.strip()}” is not a whole number")
        return int(number)
    return number


MIXED_DATA = "\x00mixed"


class TextField(QLineEdit):
    committed = Signal(object)
    failed = Signal(str)

    def __init__(self, placeholder: str = "", parent=None) -> None:
        super().__init__(parent)
        self.setPlaceholderText(placeholder)
        self._shown = ""
        self.editingFinished.connect(self._finish)

    def show_value(self, value: Any) -> None:
        self._shown = self.format(value)
        if self.text() != self._shown:
            self.setText(self._shown)
            if not self.hasFocus():      # a long name shows its beginning, not its end
                self.setCursorPosition(0)

    def format(self, value: Any) -> str:
        return "" if value is None else str(value)

    def focusInEvent(self, event) -> None:
        super().focusInEvent(event)
        # Shown from its beginning while unfocused; typing after a focus
        # from code or a shortcut goes at the end (Tab selects all, a click
        # places the cursor, a window coming back keeps it, as usual).
        if event.reason() in (Qt.FocusReason.OtherFocusReason,
                              Qt.FocusReason.ShortcutFocusReason):
            self.end(False)

    def parse(self, text: str) -> Any:
        return text.strip()

    def keyPressEvent(self, event) -> None:
        if event.key() == Qt.Key.Key_Escape and self.text() != self._shown:
            self.setText(self._shown)        # Esc takes the edit back
            event.accept()
            return
        super().keyPressEvent(event)

    def _finish(self) -> None:
        if self.text() == self._shown:
            return
        try:
            value = self.parse(self.text())
        except ValueError as err:
            self.setText(self._shown)
            self.failed.emit(str(err))
            return
        self._shown = self.text()
        self.committed.emit(value)


class NumberField(TextField):
    """An optional number; empty means "use the default" (None)."""

    def __init__(self, placeholder: str = "default", scale: float = 1.0,
                 integer: bool = False, bounds: tuple[float, float, str] | None = None,
                 parent=None) -> None:
        super().__init__(placeholder, parent)
        self._scale, self._integer, self._bounds = scale, integer, bounds
        self.setAlignment(Qt.AlignmentFlag.AlignRight)

    def format(self, value: Any) -> str:
        return fmt_number(value, self._scale)

    def parse(self, text: str) -> Any:
        number = parse_number(text, self._integer)
        if number is not None and self._bounds is not None:
            low, high, message = self._bounds
            if not low < number <= high:
                raise ValueError(message)
        if number is None or self._scale == 1.0:
            return number
        return round(number / self._scale, 12)


class PortsField(TextField):
    """Ports as '80, 443'."""

    def format(self, value: Any) -> str:
        return ", ".join(str(p) for p in value or ())

    def parse(self, text: str) -> Any:
        parts = [p for p in text.replace(";", ",").replace(" ", ",").split(",") if p]
        ports = []
        for part in parts:
            if not part.isdigit():
                raise ValueError(f"“{part}” is not a port number")
            ports.append(int(part))
        return tuple(ports)


class BoolField(QCheckBox):
    committed = Signal(object)
    failed = Signal(str)

    def __init__(self, text: str = "", parent=None) -> None:
        super().__init__(text, parent)
        self.clicked.connect(lambda checked: self.committed.emit(bool(checked)))

    def show_value(self, value: Any) -> None:
        self.setChecked(bool(value))


class ChoiceField(QComboBox):
    """A closed list of (title, value); value None is allowed as a choice."""

    committed = Signal(object)
    failed = Signal(str)

    def __init__(self, choices: Sequence[tuple[str, Any]] = (), parent=None) -> None:
        super().__init__(parent)
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.setMinimumContentsLength(10)
        self.set_choices(choices)
        self.activated.connect(self._picked)
        self._shown: Any = None

    def set_choices(self, choices: Sequence[tuple[str, Any]]) -> None:
        self.blockSignals(True)
        self.clear()
        for title, value in choices:
            self.addItem(title, value)
        self.blockSignals(False)

    def show_value(self, value: Any) -> None:
        mixed = self.findData(MIXED_DATA)
        if mixed >= 0:
            self.removeItem(mixed)
        self._shown = value
        index = self.findData(value)
        if index < 0 and value is not None:
            self.addItem(str(value), value)     # unknown: show it, do not lose it
            index = self.count() - 1
        self.setCurrentIndex(max(index, 0))

    def show_mixed(self, text: str) -> None:
        """Several components with different values: show `text`, keep both."""
        if self.findData(MIXED_DATA) < 0:
            self.insertItem(0, text, MIXED_DATA)
        self._shown = MIXED_DATA
        self.setCurrentIndex(0)

    def _picked(self, index: int) -> None:
        value = self.itemData(index)
        if value != self._shown:
            self.committed.emit(value)


class NotesField(QPlainTextEdit):
    """Multi-line text, committed when focus leaves it."""

    committed = Signal(object)
    failed = Signal(str)

    def __init__(self, placeholder: str = "", parent=None) -> None:
        super().__init__(parent)
        self.setPlaceholderText(placeholder)
        self.setTabChangesFocus(True)
        self.setFixedHeight(self.fontMetrics().lineSpacing() * 5 + 12)
        self._shown = ""

    def show_value(self, value: Any) -> None:
        self._shown = value or ""
        if self.toPlainText() != self._shown:
            self.setPlainText(self._shown)

    def focusOutEvent(self, event) -> None:
        super().focusOutEvent(event)
        self.finish()

    def finish(self) -> None:
        text = self.toPlainText()
        if text != self._shown:
            self._shown = text
            self.committed.emit(text)
