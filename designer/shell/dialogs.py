"""Every question the window asks the user, in one replaceable object.

`Prompts` shows real dialogs; tests hand the window a stand-in with the same
methods so that no test ever blocks on a modal box. Each method returns a
plain value (a path, a choice string, None for cancel)."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

FILE_FILTER = "Weaklink designs (*.weaklink.json *.json);;All files (*)"
# A PDF exported by Weaklink carries its design (designer/io/pdf.py).
OPEN_FILTER = ("Weaklink designs (*.weaklink.json *.json *.pdf);;"
               "PDF exported by Weaklink (*.pdf);;All files (*)")
_Btn = QMessageBox.StandardButton


class Prompts:
    def __init__(self, parent: QWidget | None = None) -> None:
        self.parent = parent

    def error(self, title: str, text: str, details: str = "") -> None:
        box = QMessageBox(QMessageBox.Icon.Critical, title, text, _Btn.Ok, self.parent)
        if details:
            box.setDetailedText(details)
        box.exec()

    def save_changes(self, name: str) -> str:
        """'save', 'discard' or 'cancel'."""
        box = QMessageBox(QMessageBox.Icon.Warning, "Unsaved changes",
                          f"Save the changes to “{name}” before closing?",
                          _Btn.Save | _Btn.Discard | _Btn.Cancel, self.parent)
        box.setInformativeText("If you don't save, your changes will be lost.")
        box.setDefaultButton(_Btn.Save)
        answer = box.exec()
        return {_Btn.Save: "save", _Btn.Discard: "discard"}.get(_Btn(answer), "cancel")

    def recover(self, name: str, saved_at: str, source: str) -> str:
        """'recover', 'discard' or 'later'."""
        box = QMessageBox(QMessageBox.Icon.Question, "Recover unsaved work",
                          f"Weaklink did not close normally. Recover the unsaved "
                          f"changes to “{name}”?", _Btn.NoButton, self.parent)
        box.setInformativeText(f"Taken at {saved_at}. Belongs to: {source}.")
        recover = box.addButton("Recover", QMessageBox.ButtonRole.AcceptRole)
        discard = box.addButton("Discard", QMessageBox.ButtonRole.DestructiveRole)
        box.addButton("Decide later", QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(recover)
        box.exec()
        clicked = box.clickedButton()
        return "recover" if clicked is recover else "discard" if clicked is discard else "later"

    def open_path(self, directory: str) -> Path | None:
        path, _ = QFileDialog.getOpenFileName(self.parent, "Open design", directory,
                                              OPEN_FILTER)
        return Path(path) if path else None

    def save_path(self, suggestion: str) -> Path | None:
        path, _ = QFileDialog.getSaveFileName(self.parent, "Save design as", suggestion,
                                              FILE_FILTER)
        if not path:
            return None
        if not path.endswith(".json"):
            path += ".weaklink.json"
        return Path(path)


class HeadlessPrompts(Prompts):
    """For runs without a user (--screenshot): errors go to stderr, nothing waits."""

    def error(self, title: str, text: str, details: str = "") -> None:
        import sys

        print(f"weaklink: {title}: {text}", file=sys.stderr)

    def save_changes(self, name: str) -> str:
        return "discard"

    def recover(self, name: str, saved_at: str, source: str) -> str:
        return "later"

    def open_path(self, directory: str) -> Path | None:
        return None

    def save_path(self, suggestion: str) -> Path | None:
        return None
