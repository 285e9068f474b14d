"""Test set-up shared by every test: headless Qt, and a tidy teardown.

Qt objects whose Python wrappers are collected while Qt still has events
queued for them crash the interpreter at a random later test. After each test
that created a QApplication we close every top-level widget, let Qt deliver
its deferred deletes, and only then let Python's collector run."""
from __future__ import annotations

import gc
import os
import sys

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@pytest.fixture(autouse=True)
def _tidy_qt_after_each_test():
    yield
    if "PySide6.QtWidgets" not in sys.modules:
        return
    from PySide6.QtCore import QCoreApplication, QEvent
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    if app is None:
        return
    for widget in QApplication.topLevelWidgets():
        widget.close()
        widget.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    app.processEvents()
    gc.collect()
