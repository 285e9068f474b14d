"""The permanent right-hand part of the status bar: the slot the live
analysis fills with its figures, the zoom, and the current tool.

On a narrow window (a 1024-pixel laptop, a projector) the figures did not
fit: the 5,000-component design's bar clipped its own availability to
"Availability 98.54 % (bou". `fit` hides the least needed labels first
(`droppable`, in that order: the tool, the zoom, then what the window
adds) until the rest fits, and shows them again when there is room; a
message shown on the bar counts as one more label while it shows.
"""
from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QHBoxLayout, QLabel, QStatusBar, QWidget

from designer.model import Kind

_NAMED_TOOLS = ("select", "connect", "drill")
LABEL_SPACING = 14    # between two labels (the figures bar's own spacing), for `fit`
BAR_EXTRA = 60        # the size grip and the widgets' margins, for `fit`


class StatusArea(QObject):
    # A QObject child of the bar, so that Qt drops the zoomChanged connection
    # when the bar goes (a plain object's bound method would outlive it).
    def __init__(self, bar: QStatusBar, view) -> None:
        super().__init__(bar)
        self.view = view
        self.slot = QWidget()
        layout = QHBoxLayout(self.slot)
        layout.setContentsMargins(0, 0, 6, 0)
        self.zoom = QLabel()
        self.zoom.setToolTip("Zoom (Ctrl+0 fits the design)")
        self.tool = QLabel("Tool: Select")
        for widget in (self.slot, self.zoom, self.tool):
            widget.setContentsMargins(8, 0, 8, 0)
            bar.addPermanentWidget(widget)
        view.zoomChanged.connect(self.show_zoom)
        self.show_zoom(view.zoom_factor())
        self.droppable: list[QWidget] = [self.tool, self.zoom]
        self.shown: list[QWidget] = []        # every label the fit weighs, in bar order
        self.dropped: set[QWidget] = set()    # those `fit` hides for want of room
        self._fitting = False
        # A child timer, so that it dies with this object (a plain singleShot
        # would still call `fit` on a deleted window).
        self._refit = QTimer(self)
        self._refit.setSingleShot(True)
        self._refit.setInterval(0)
        self._refit.timeout.connect(self.fit)
        bar.installEventFilter(self)
        self.slot.installEventFilter(self)
        bar.messageChanged.connect(lambda _text: self._refit.start())

    def weigh(self, shown: list[QWidget], droppable: list[QWidget]) -> None:
        """The labels in the slot (`shown`, all of them) and those that may
        go on a narrow bar, least needed first, before the zoom and tool."""
        self.shown = list(shown)
        self.droppable = list(droppable) + [w for w in self.droppable if w not in droppable]

    def eventFilter(self, watched, event) -> bool:
        if event.type() in (QEvent.Type.Resize, QEvent.Type.LayoutRequest) and not self._fitting:
            self._refit.start()
        return False

    def fit(self) -> None:
        """Hide the droppable labels, least needed first, until the rest fit."""
        bar = self.parent()
        labels = [w for w in self.shown + [self.zoom, self.tool] if w.text()]
        spacing = LABEL_SPACING
        needed = sum(w.sizeHint().width() + spacing for w in labels) + BAR_EXTRA
        # A message (why a connection was refused, what was saved) is read
        # now: the labels make room for it while it shows ("the Internet
        # does no" at 1024 px), and come back when it goes.
        message = bar.currentMessage()
        if message:
            needed += bar.fontMetrics().horizontalAdvance(message) + spacing
        hidden = set()
        for widget in self.droppable:
            if needed <= bar.width():
                break
            if widget in labels:
                hidden.add(widget)
                needed -= widget.sizeHint().width() + spacing
        self.dropped = hidden
        self._fitting = True
        try:
            for widget in self.droppable:
                if widget.isHidden() != (widget in hidden):
                    widget.setVisible(widget not in hidden)
        finally:
            self._fitting = False

    def show_zoom(self, factor: float) -> None:
        text = f"{factor * 100:.0f} %"
        if self.zoom.text() != text:
            self.zoom.setText(text)

    def show_tool(self, tool: str) -> None:
        name = tool.capitalize() if tool in _NAMED_TOOLS else Kind(tool).title
        self.tool.setText(f"Tool: {name}")
