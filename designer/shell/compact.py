"""Small screens (a 1024x700 laptop on a projector): the canvas keeps most
of the window.

`fit_window(window)` runs once every dock is added, when no saved layout was
restored. Under COMPACT_WIDTH the Palette and Overview share one tab stack
on the left, every other panel (Inspector, History, Legend, Problems and
those later issues add) is tabbed into one stack on the right and closed;
View > Panels or a double-click on a component (Inspector) bring them back. The toolbar drops its button texts whenever they
would not fit, but Failure drill keeps its words: it is the workshop's key
command and must never fall into the overflow menu.
"""
from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QDockWidget, QMainWindow, QToolBar, QToolButton

COMPACT_WIDTH = 1280        # below this window width the docks make room
LEFT_WIDTH = 170            # the palette column when compact
KEEP_WORDS = ("drill",)     # toolbar commands that keep their text


def docks(window: QMainWindow) -> list[QDockWidget]:
    return [d for d in window.findChildren(QDockWidget) if d.parent() is window]


def fit_window(window: QMainWindow) -> bool:
    """Make room for the canvas on a narrow window; True if it did."""
    follow_toolbar(window)
    if window.width() >= COMPACT_WIDTH:
        return False
    Area = Qt.DockWidgetArea
    left = [d for d in docks(window) if window.dockWidgetArea(d) == Area.LeftDockWidgetArea]
    others = [d for d in docks(window) if d not in left]
    _stack(window, left, Area.LeftDockWidgetArea)
    _stack(window, others, Area.RightDockWidgetArea)
    for dock in others:
        dock.close()
    if left:
        left[0].raise_()
        window.resizeDocks([left[0]], [LEFT_WIDTH], Qt.Orientation.Horizontal)
    return True


def _stack(window: QMainWindow, group: list[QDockWidget], area) -> None:
    """One tab stack in `area`, in the order given."""
    for dock in group:
        if window.dockWidgetArea(dock) != area:
            window.addDockWidget(area, dock)
    for other in group[1:]:
        window.tabifyDockWidget(group[0], other)


def follow_toolbar(window: QMainWindow) -> None:
    """Icons only when the texts would overflow; the drill keeps its text."""
    bar = getattr(window, "toolbar", None)
    if isinstance(bar, QToolBar) and getattr(window, "_toolbar_fitter", None) is None:
        # Held by the window (a Python object for its whole life), so the
        # filter's Python side cannot be collected while Qt still calls it.
        window._toolbar_fitter = _ToolbarFitter(window, bar)
    if getattr(window, "_toolbar_fitter", None) is not None:
        window._toolbar_fitter.fit()


class _ToolbarFitter(QObject):
    def __init__(self, window: QMainWindow, bar: QToolBar) -> None:
        super().__init__(bar)
        self.window, self.bar = window, bar
        window.installEventFilter(self)

    def eventFilter(self, watched, event) -> bool:
        if event.type() in (QEvent.Type.Resize, QEvent.Type.Show):
            self.fit()
        return False

    def fit(self) -> None:
        bar = self.bar
        words = Qt.ToolButtonStyle.ToolButtonTextBesideIcon
        bar.setToolButtonStyle(words)
        wide = bar.sizeHint().width() <= self.window.width()
        bar.setToolButtonStyle(words if wide else Qt.ToolButtonStyle.ToolButtonIconOnly)
        registry = getattr(getattr(self.window, "actions", None), "all", {})
        for key in KEEP_WORDS:
            button = bar.widgetForAction(registry[key]) if key in registry else None
            if isinstance(button, QToolButton):
                button.setToolButtonStyle(words)
