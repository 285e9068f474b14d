"""The first thing a new user sees: a card over the empty canvas offering the
templates (with thumbnails that already show their SPOFs), the recent
files, "Open…", an empty canvas and the one-minute tour. One click on a
template opens it and the live analysis colours its SPOFs.

The card is a child of the canvas view, so the window's docks, menus and
shortcuts stay usable behind it; it leaves as soon as a design is loaded or
edited, on Esc, or on "Empty canvas". Help > Welcome brings it back."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QSize, Qt, QTimer
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap
from PySide6.QtWidgets import (QFrame, QGridLayout, QHBoxLayout, QLabel, QPushButton,
                               QToolButton, QVBoxLayout, QWidget)

from designer.shell import files as file_ops
from designer.shell import tour

THUMB = QSize(232, 140)
RECENT_SHOWN = 5
# Simplest first; a template not named here follows in file-name order.
BLURBS = {
    "Monolith": "one of everything: all SPOFs",
    "Three tier": "proxy, web, database, firewalls",
    "Duplicated services": "replicas sharing a rack and feed",
    "Multi site": "two sites, no single point of failure",
}


class Welcome(QFrame):
    def __init__(self, window) -> None:
        super().__init__(window.view)
        self.window = window
        self.setObjectName("welcome")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAutoFillBackground(True)
        self._template_buttons: list[tuple[QToolButton, Path]] = []
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.setSpacing(12)
        layout.addWidget(_title("Welcome to Weaklink"))
        layout.addWidget(QLabel("Start from a template: the analysis marks every single "
                                "point of failure in red as soon as it opens."))
        layout.addLayout(self._templates())
        layout.addLayout(self._actions())
        self._recent = QVBoxLayout()
        layout.addLayout(self._recent)
        self.fill_recent(window.settings.recent_files())
        window.files.recentChanged.connect(self.fill_recent)
        window.document.changed.connect(self.dismiss)
        window.files.pathChanged.connect(self.dismiss)
        window.view.installEventFilter(self)
        QTimer.singleShot(0, self._draw_thumbnails)

    # -- content -----------------------------------------------------------
    def _templates(self) -> QGridLayout:
        grid = QGridLayout()
        grid.setSpacing(10)
        order = list(BLURBS)
        found = sorted(file_ops.templates(),
                       key=lambda t: order.index(t[0]) if t[0] in order else len(order))
        for index, (title, path) in enumerate(found):
            button = QToolButton()
            button.setObjectName(f"template-{path.name.split('.')[0]}")
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextUnderIcon)
            button.setIconSize(THUMB)
            button.setFixedSize(THUMB.width() + 24, THUMB.height() + 52)
            button.setAutoRaise(False)
            button.setText(f"{title}\n{BLURBS.get(title, '')}".strip())
            button.setToolTip(f"New design from the “{title}” template")
            button.clicked.connect(lambda _=False, p=path: self._open_template(p))
            grid.addWidget(button, index // 2, index % 2)
            self._template_buttons.append((button, path))
        return grid

    def _actions(self) -> QHBoxLayout:
        row = QHBoxLayout()
        for text, slot in (("Open a design…", self._open),
                           ("Empty canvas", self.dismiss),
                           ("Take the one-minute tour", self._tour)):
            button = QPushButton(text)
            button.clicked.connect(slot)
            row.addWidget(button)
        row.addStretch(1)
        return row

    def fill_recent(self, paths: list[str]) -> None:
        while self._recent.count():
            widget = self._recent.takeAt(0).widget()
            if widget is not None:
                widget.deleteLater()
        shown = paths[:RECENT_SHOWN]
        if shown:
            self._recent.addWidget(_title("Open recent", size=11))
        for path in shown:
            button = QPushButton(Path(path).name)
            button.setFlat(True)
            button.setToolTip(path)
            button.setStyleSheet("text-align: left")
            button.clicked.connect(lambda _=False, p=path: self._open(p))
            self._recent.addWidget(button)
        self.adjustSize()
        self.place()

    def _draw_thumbnails(self) -> None:
        """After the window shows: each template drawn with its analysis
        (a few tens of ms each), so the thumbnails already show the SPOFs."""
        for button, path in self._template_buttons:
            pixmap = thumbnail(path, THUMB * button.devicePixelRatioF())
            if pixmap is not None:
                pixmap.setDevicePixelRatio(button.devicePixelRatioF())
                button.setIcon(QIcon(pixmap))
        self.place()

    # -- behaviour -----------------------------------------------------------
    def _open_template(self, path: Path) -> None:
        if self.window.files.new_from_template(path):
            self.dismiss()
            self.window.view.fit_all()

    def _open(self, path: str | bool | None = None) -> None:
        if self.window.files.open(path if isinstance(path, str) else None):
            self.dismiss()

    def _tour(self) -> None:
        tour.TourDialog(self.window).exec()

    def dismiss(self, *_unused) -> None:
        if not self.isHidden():
            self.hide()
            self.window.view.setFocus()

    def place(self) -> None:
        view = self.window.view
        self.adjustSize()
        x = max(0, (view.width() - self.width()) // 2)
        y = max(0, (view.height() - self.height()) // 2)
        self.move(x, y)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize:
            self.place()
        elif event.type() == QEvent.Type.KeyPress and event.key() == Qt.Key.Key_Escape:
            self.dismiss()
        return False


def show_welcome(window) -> Welcome:
    """Show the welcome card (making it once per window)."""
    card = getattr(window, "welcome", None)
    if card is None:
        card = window.welcome = Welcome(window)
    card.fill_recent(window.settings.recent_files())
    card.show()
    card.raise_()
    card.place()
    return card


def thumbnail(path: Path, size: QSize) -> QPixmap | None:
    """A template drawn with its analysis's colours, or None if it cannot be read."""
    from designer.analysis.engine import analyze
    from designer.export.render import build, paper_color, palette_named
    from designer.io import LoadError, load_design
    try:
        design = load_design(path)
    except LoadError:
        return None
    palette = palette_named("light")
    picture = build(design, analyze(design), palette=palette)
    try:
        pixmap = QPixmap(size)
        pixmap.fill(QColor(paper_color(palette)))
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        picture.draw(painter, pixmap.rect().toRectF())
        painter.end()
    finally:
        picture.close()
    return pixmap


def _title(text: str, size: int = 16) -> QLabel:
    label = QLabel(text)
    font = label.font()
    font.setPointSize(size)
    font.setBold(True)
    label.setFont(font)
    return label
