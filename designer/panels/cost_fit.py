"""The cost panel's shape follows its dock. Docked under the canvas it is
wide: the curve beside the table. On a laptop (shell/compact.py tabs every
panel into one narrow column on the right) it is tall: the table under the
curve, where beside it the table lay past the dock's edge, reachable only
by scrolling sideways. (The controls above wrap by themselves: flow.py.)"""
from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QSplitter, QWidget

# Tall: narrower than NARROW px and at least TALL times as high as wide. A
# short, wide dock (under the canvas at 1280x800: 700 x 330 px) keeps the
# table beside the curve, where under it the table kept one row.
NARROW = 760
TALL = 0.8
TALL_HEIGHT = 980     # px the panel takes when tall (the dock scrolls)


class PanelShape(QObject):
    """Turns `split` (and shares `inner` out again) as the room of `panel`,
    or of what it `watch`es, becomes tall or stops being so. In a scroll
    area (the dock's) the panel is never narrower than its content: the
    area's viewport is the room there is."""

    def __init__(self, panel: QWidget, split: QSplitter, inner: QSplitter) -> None:
        super().__init__(panel)
        self.panel = panel
        self.split, self.inner = split, inner      # curve | (table / fixes / words)
        self.narrow: bool | None = None
        self.watched = panel
        panel.installEventFilter(self)

    def watch(self, widget: QWidget) -> None:
        self.watched.removeEventFilter(self)
        self.watched = widget
        widget.installEventFilter(self)
        self.fit(widget.width(), widget.height())

    def eventFilter(self, watched, event) -> bool:
        if watched is self.watched and event.type() == QEvent.Type.Resize:
            self.fit(event.size().width(), event.size().height())
        return False

    def fit(self, width: int, height: int) -> None:
        narrow = width < NARROW and height >= TALL * width
        if narrow == self.narrow:
            return
        self.narrow = narrow
        self.split.setOrientation(Qt.Orientation.Vertical if narrow else Qt.Orientation.Horizontal)
        # Relative weights: the splitter shares its length in these ratios
        # (its own length may be stale while the dock is being laid out).
        self.split.setSizes([350, 650] if narrow else [400, 600])
        # Tall, the panel is given the height its parts need and the dock
        # scrolls: in a laptop's column, under the controls and the curve,
        # the table showed one row.
        self.panel.setMinimumHeight(TALL_HEIGHT if narrow else 0)
        self.inner.setSizes([300, 110, 90] if narrow else [200, 130, 90])
