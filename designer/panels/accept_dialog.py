"""The dialog that accepts a segmentation finding: a justification, an
owner and an optional expiry date (after it the finding is open again)."""
from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (QCheckBox, QDateEdit, QDialog, QDialogButtonBox,
                               QFormLayout, QLabel, QLineEdit, QPlainTextEdit, QWidget)


class AcceptDialog(QDialog):
    def __init__(self, title: str, message: str, parent: QWidget | None = None,
                 owner: str = "") -> None:
        super().__init__(parent)
        self.setWindowTitle("Accept finding")
        form = QFormLayout(self)
        head = QLabel(f"<b>{title}</b><br>{message}")
        head.setWordWrap(True)
        form.addRow(head)
        self.justification = QPlainTextEdit()
        self.justification.setPlaceholderText("Why this is acceptable (required)")
        self.justification.setFixedHeight(80)
        self.owner = QLineEdit(owner)
        self.owner.setPlaceholderText("Who answers for it (required)")
        self.expires_on = QCheckBox("Expires on")
        self.expires = QDateEdit(QDate.currentDate().addMonths(3))
        self.expires.setCalendarPopup(True)
        self.expires.setEnabled(False)
        self.expires_on.toggled.connect(self.expires.setEnabled)
        form.addRow("Justification", self.justification)
        form.addRow("Owner", self.owner)
        form.addRow(self.expires_on, self.expires)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok |
                                        QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form.addRow(self.buttons)
        self.justification.textChanged.connect(self._check)
        self.owner.textChanged.connect(self._check)
        self._check()

    def _check(self) -> None:
        ok = bool(self.justification.toPlainText().strip() and self.owner.text().strip())
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(ok)

    def values(self) -> tuple[str, str, date | None]:
        expires = self.expires.date().toPython() if self.expires_on.isChecked() else None
        return self.justification.toPlainText().strip(), self.owner.text().strip(), expires
