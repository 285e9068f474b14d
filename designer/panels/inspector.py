"""The inspector dock: the properties of what is selected, editable.

Nothing selected shows the design settings; one component its form (every
property of its kind); one link its label and port; several components the
properties they share, set on all at once; anything else a summary.
All edits go through the Document, so each is one undo step, and a refused
edit shows the model's message in the red banner at the top while the field
goes back to the model's value."""
from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QLabel, QScrollArea, QVBoxLayout, QWidget

from .component_form import ComponentForm
from .multi_form import MultiForm
from .settings_form import LinkForm, SettingsForm


class Inspector(QWidget):
    statusMessage = Signal(str)

    def __init__(self, document, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.ids: list[str] = []
        self.form: QWidget | None = None
        self.banner = QLabel()
        self.banner.setObjectName("error")
        self.banner.setWordWrap(True)
        self.banner.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.banner.setStyleSheet("QLabel#error { background: #B3261E; color: white;"
                                  " padding: 6px; border-radius: 3px; }")
        self.banner.hide()
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.banner)
        layout.addWidget(self.scroll)
        document.changed.connect(self._document_changed)
        document.reset.connect(self._document_reset)
        self.show_selection([])

    @property
    def error_text(self) -> str:
        return self.banner.text()

    def show_selection(self, ids: list[str]) -> None:
        ids = [i for i in ids if i in self.document]
        if self.form is not None and ids == self.ids and hasattr(self.form, "refresh"):
            self.form.refresh()
            return
        if isinstance(self.form, ComponentForm):
            self.form.finish_pending()
        self.ids = ids
        self._show_error("")
        self.form = self._make_form()
        if hasattr(self.form, "error"):
            self.form.error.connect(self._show_error)
        holder = QWidget()                      # the form keeps its natural height
        column = QVBoxLayout(holder)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.form)
        column.addStretch(1)
        self.scroll.setWidget(holder)           # deletes the previous form

    def _make_form(self) -> QWidget:
        comps = [i for i in self.ids if i in {c.id for c in self.document.components()}]
        if len(self.ids) == 1 and comps:
            return ComponentForm(self.document, comps[0])
        if len(self.ids) == 1:
            return LinkForm(self.document, self.ids[0])
        if not self.ids:
            return SettingsForm(self.document)
        if len(comps) > 1:
            return MultiForm(self.document, comps)
        return self._summary()

    def _summary(self) -> QWidget:
        names = []
        for item_id in self.ids[:12]:
            try:
                names.append(self.document.component(item_id).name)
            except KeyError:
                names.append(f"link {item_id}")
        more = f"\n… and {len(self.ids) - 12} more" if len(self.ids) > 12 else ""
        label = QLabel(f"{len(self.ids)} items selected\n\n" + "\n".join(names) + more)
        label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        label.setContentsMargins(8, 8, 8, 8)
        return label

    def _document_reset(self) -> None:
        self.show_selection([])

    def _document_changed(self) -> None:
        alive = [i for i in self.ids if i in self.document]
        if alive != self.ids:
            self.show_selection(alive)
        elif hasattr(self.form, "refresh"):
            self.form.refresh()

    def _show_error(self, message: str) -> None:
        self.banner.setText(message)
        self.banner.setVisible(bool(message))
        if message:
            self.statusMessage.emit(message)
