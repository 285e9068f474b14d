"""Certified importance for the review report exported from the window.

The live result never has any (the window's analysis does not pay for
it): under the bounded method each of the components the review ranks
costs 0.2 s (1,000 components) to 1 s (2,000). The export certifies them
on the way out, behind a progress dialog whose Skip leaves the rest "not
certified" in the report.
"""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QProgressDialog, QWidget

from designer.analysis.engine import with_certified_importance
from designer.report.availability import CERTIFYING_IMPORTANCE
from designer.report.review import IMPORTANCE_SHOWN

SHOW_AFTER_MS = 500       # QProgressDialog's own default is 4 s


def certified(parent: QWidget, design, result):
    """`result` with certified importance, or with as much as was done
    before the user pressed Skip."""
    progress = QProgressDialog(CERTIFYING_IMPORTANCE, "Skip", 0, IMPORTANCE_SHOWN, parent)
    progress.setWindowModality(Qt.WindowModality.WindowModal)
    progress.setMinimumDuration(SHOW_AFTER_MS)

    def going_on(done: int, total: int) -> bool:
        progress.setMaximum(total)
        progress.setValue(done)
        QApplication.processEvents()
        return not progress.wasCanceled()
    try:
        return with_certified_importance(design, result, IMPORTANCE_SHOWN, going_on)
    finally:
        progress.close()
