"""The permanent right-hand part of the status bar: the slot the live
analysis fills with its figures, the zoom, and the current tool."""
from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QHBoxLayout, QLabel, QStatusBar, QWidget

from designer.model import Kind

_NAMED_TOOLS = ("select", "connect", "drill")


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

    def show_zoom(self, factor: float) -> None:
        text = f"{factor * 100:.0f} %"
        if self.zoom.text() != text:
            self.zoom.setText(text)

    def show_tool(self, tool: str) -> None:
        name = tool.capitalize() if tool in _NAMED_TOOLS else Kind(tool).title
        self.tool.setText(f"Tool: {name}")
