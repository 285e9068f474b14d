"""File > Export and File > Print from the main window: the design as it is
now, the analysis the window shows when it is current (otherwise analysed
here, so an export never shows stale colours), the cost panel's plan when
it was made for this design, and the canvas selection."""
from __future__ import annotations

import dataclasses

from designer.model import Design


def current_result(window, design: Design):
    """The live analysis's result if it is for `design`, else a fresh one."""
    from designer.live.controller import LiveAnalysis
    live = window.findChild(LiveAnalysis)
    result = None
    if live is not None and live.result is not None and not live.scheduler.is_pending():
        result = live.result
    if result is None:
        from designer.analysis.engine import analyze
        result = analyze(design)
    plan = _fresh_plan(window)
    return dataclasses.replace(result, mitigations=plan) if plan is not None else result


def _fresh_plan(window):
    try:
        from designer.panels.cost_panel import CostPanel
    except ImportError:          # the cost panel is not part of this build
        return None
    panel = window.findChild(CostPanel)
    if panel is None or panel.plan is None or panel.is_stale():
        return None
    return panel.plan


def export_dialog(window):
    """The dialog, ready to show (not shown: tests drive it directly)."""
    from PySide6.QtWidgets import QApplication
    from PySide6.QtCore import Qt

    from .dialog import ExportDialog
    design = window.document.snapshot()
    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        result = current_result(window, design)
        path = window.document.path
        dialog = ExportDialog(design, result, window.view.selected_ids(),
                              str(path) if path else None, window.settings, window,
                              routes=window.view.scene().routed_links())
    finally:
        QApplication.restoreOverrideCursor()
    dialog.exported.connect(window.show_message)
    return dialog


def open_export(window) -> None:
    export_dialog(window).exec()


def open_print(window) -> None:
    """Print the diagram with the last export choices, through a preview."""
    dialog = export_dialog(window)
    dialog.format.setCurrentIndex(dialog.format.findData("pdf"))
    dialog.print_asking()
    dialog.done(0)
