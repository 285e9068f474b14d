"""The cost panel's dock in the main window: a bottom dock tabbed with
Problems (closed until View > Cost panel opens it), export file dialogs, the
status bar message. `attach(window) -> CostPanel` is called by the shell
(shell/mainwindow.py) when it builds its docks; the panel plans when it is
first shown."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QFrame, QScrollArea

from .cost_export import export_pdf, export_png
from .cost_panel import CostPanel

TITLE = "Cost"


def attach(window) -> CostPanel:
    if getattr(window, "cost_panel", None) is not None:   # the window built it already
        return window.cost_panel
    panel = CostPanel(window.document, window.view.scene())
    # In a scroll area, so the panel's controls never set the window's
    # minimum size (a bottom dock's minimum width adds to the others').
    scroll = QScrollArea()
    scroll.setWidgetResizable(True)
    scroll.setFrameShape(QFrame.Shape.NoFrame)
    scroll.setWidget(panel)
    panel.shape.watch(scroll.viewport())       # wide under the canvas, tall in a side column
    dock = window.add_dock(TITLE, scroll, Qt.DockWidgetArea.BottomDockWidgetArea)
    # Closed until asked for (View > Cost panel): planning analyses the design
    # dozens of times, which nobody should pay for by opening a file. The
    # user's own layout (restore_layout) may show it again. Hidden before it
    # is tabbed: hiding a tab of a window never shown leaves a stray tab bar.
    dock.hide()
    if "problems" in window.docks:
        window.tabifyDockWidget(window.docks["problems"], dock)
    window.docks["cost"] = dock
    toggle = dock.toggleViewAction()
    toggle.setText("Cost panel")
    toggle.setShortcut("Ctrl+Shift+K")
    toggle.setStatusTip("What each redundancy buys, and where returns diminish")
    window.menu("View").addAction(toggle)
    panel.statusMessage.connect(window.show_message)
    panel.exportRequested.connect(lambda kind: _export(window, panel, kind))
    window.cost_panel = panel
    return panel


def _export(window, panel: CostPanel, kind: str) -> None:
    series = panel.series()
    if series is None:
        window.show_message("Nothing to export yet: the plan is still being made")
        return
    suffix = "png" if kind == "png" else "pdf"
    path, _ = QFileDialog.getSaveFileName(window, "Export the cost curve and table",
                                          f"mitigation-plan.{suffix}",
                                          f"{suffix.upper()} (*.{suffix})")
    if not path:
        return
    write = export_png if kind == "png" else export_pdf
    ok = write(path, panel.plan, series, panel.summary_text(series))
    window.show_message(f"Exported {path}" if ok else f"{path}: cannot write")
