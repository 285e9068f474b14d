"""The one-minute tour: five pages, one gesture each (place, connect, drill,
plan, export), with the keys that do it. Reached from the welcome card and
Help > Tour."""
from __future__ import annotations

from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QLabel, QStackedWidget,
                               QVBoxLayout, QWidget)

PAGES = (
    ("1 of 5 · Place",
     "Pick a kind in the <b>Palette</b> (sites, feeds, PSUs, servers, switches, "
     "firewalls, services…) and click on the canvas. The tool stays armed until "
     "<b>Esc</b>; hold <b>Shift</b> to place just one. Drop a server inside a rack "
     "or a site: placement is what makes a site's failure take its servers with it."),
    ("2 of 5 · Connect",
     "Press <b>C</b> (or drag from a component's edge) and drag from one component to "
     "another: power, network or dependency is chosen from the two ends. "
     "<b>Shift</b>+click several targets to connect them all from one source."),
    ("3 of 5 · Read and drill",
     "Red with <b>!</b> is a single point of failure, amber with <b>2</b> is one "
     "failure away from one, green is protected. The <b>Problems</b> panel says why. "
     "<b>F8</b> starts the failure drill: click parts to fail them and watch what "
     "goes down; <b>Shift+F8</b> restores everything. The drill never edits the design."),
    ("4 of 5 · Plan",
     "The <b>Cost</b> panel (View > Panels) ranks the fixes: what each added "
     "redundancy buys in availability, what it costs, where returns diminish (the "
     "knee) and where a step costs more than the downtime it avoids (break-even). "
     "Hover a step to see it as a ghost; <b>Apply up to here</b> is one undo step."),
    ("5 of 5 · Hand it out",
     "<b>Ctrl+E</b> exports the diagram as a vector PDF, SVG or PNG, or a "
     "design-review report with the SPOFs, findings and the cost curve. "
     "<b>F5</b> is presentation mode for a workshop; <b>Ctrl+/</b> lists every shortcut."),
)


class TourDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("A one-minute tour of Weaklink")
        self.pages = QStackedWidget()
        for title, text in PAGES:
            self.pages.addWidget(_page(title, text))
        self.buttons = QDialogButtonBox()
        self.back = self.buttons.addButton("Back", QDialogButtonBox.ButtonRole.ActionRole)
        self.next = self.buttons.addButton("Next", QDialogButtonBox.ButtonRole.ActionRole)
        self.close_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.back.clicked.connect(lambda: self.go(-1))
        self.next.clicked.connect(lambda: self.go(+1))
        self.close_button.clicked.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(self.pages)
        layout.addWidget(self.buttons)
        self.resize(520, 260)
        self.go(0)

    def go(self, step: int) -> None:
        index = min(max(self.pages.currentIndex() + step, 0), self.pages.count() - 1)
        self.pages.setCurrentIndex(index)
        self.back.setEnabled(index > 0)
        self.next.setEnabled(index < self.pages.count() - 1)
        (self.next if index < self.pages.count() - 1 else self.close_button).setDefault(True)


def _page(title: str, text: str) -> QWidget:
    page = QWidget()
    layout = QVBoxLayout(page)
    heading = QLabel(f"<h3>{title}</h3>")
    body = QLabel(text)
    body.setWordWrap(True)
    layout.addWidget(heading)
    layout.addWidget(body)
    layout.addStretch(1)
    return page
