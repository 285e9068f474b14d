"""The Help menu's windows: the keyboard shortcuts, read from the actions
themselves so the list can never disagree with the keys, and the user guide
(docs/user-guide.md, shown offline with its images)."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QUrl

from designer import data
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QHeaderView, QMessageBox,
                               QTableWidget, QTableWidgetItem, QTextBrowser, QVBoxLayout,
                               QWidget)

GUIDE = data.path("docs", data.GUIDE)


def shortcut_rows(actions: dict[str, QAction]) -> list[tuple[str, str]]:
    rows = []
    for action in actions.values():
        keys = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
        if keys:
            name = (action.iconText() or action.text()).replace("&", "").rstrip("…")
            rows.append((name, keys))
    return rows


class ShortcutsDialog(QDialog):
    def __init__(self, actions: dict[str, QAction], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Keyboard shortcuts")
        rows = shortcut_rows(actions)
        table = QTableWidget(len(rows), 2)
        table.setHorizontalHeaderLabels(["Action", "Keys"])
        table.verticalHeader().hide()
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        for row, (name, keys) in enumerate(rows):
            table.setItem(row, 0, QTableWidgetItem(name))
            table.setItem(row, 1, QTableWidgetItem(keys))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(table)
        layout.addWidget(buttons)
        self.resize(420, 560)


class GuideDialog(QDialog):
    """The user guide, rendered from its Markdown source."""

    def __init__(self, parent: QWidget | None = None, path: Path = GUIDE) -> None:
        super().__init__(parent)
        self.setWindowTitle("Weaklink user guide")
        self.browser = QTextBrowser()
        self.browser.setOpenExternalLinks(True)
        if path.exists():
            self.browser.setSearchPaths([str(path.parent)])
            self.browser.setSource(QUrl.fromLocalFile(str(path)))
        else:
            self.browser.setPlainText(f"The user guide is not installed ({path}).")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser)
        layout.addWidget(buttons)
        self.resize(860, 760)


def show_shortcuts(window) -> None:
    ShortcutsDialog(window.actions.all, window).exec()


def show_guide(window) -> None:
    GuideDialog(window).exec()


def show_about(window) -> None:
    QMessageBox.about(window, "About Weaklink", about_html())


def about_html() -> str:
    """Version, the libraries it runs on, and where every default figure comes
    from (the defaults table, resources/defaults.json)."""
    import PySide6

    from designer import __version__
    from designer.analysis.figures import defaults_table
    rows = "".join(
        f"<tr><td>{kind.value.replace('_', ' ')}</td><td>{row.availability * 100:.3f} %</td>"
        f"<td>{row.source}{' (assumption)' if row.assumption else ''}</td></tr>"
        for kind, row in defaults_table().items())
    return (f"<b>Weaklink {__version__}</b><br>Find the single points of failure in an "
            "infrastructure design while you draw it. Works offline.<br>"
            f"<small>Qt for Python (PySide6) {PySide6.__version__}</small>"
            "<p><b>Where the default figures come from</b> (edit them per design or "
            "per component):</p><table cellspacing=4><tr><th align=left>kind</th>"
            f"<th align=left>default</th><th align=left>source</th></tr>{rows}</table>")