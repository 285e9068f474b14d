"""PySide6 6.12.0 on Python 3.11 drops a reference to None on every setter and
dies with `Fatal Python error: none_dealloc` after a few thousand calls. The
canvas recolours items with exactly these setters, so the pinned Qt must
survive a long editing session's worth of them. Run in a subprocess: the
failure is a hard crash that would take pytest down with it."""
from __future__ import annotations

import os
import subprocess
import sys
import textwrap

CALLS = 100_000

SCRIPT = textwrap.dedent(f"""
    from PySide6.QtCore import QPointF
    from PySide6.QtGui import QBrush, QColor, QPen
    from PySide6.QtWidgets import (QApplication, QGraphicsEllipseItem,
        QGraphicsRectItem, QGraphicsScene, QGraphicsSimpleTextItem)

    app = QApplication([])
    scene = QGraphicsScene()
    items = [QGraphicsRectItem(0, 0, 40, 20), QGraphicsEllipseItem(0, 0, 10, 10),
             QGraphicsSimpleTextItem("x")]
    for item in items:
        scene.addItem(item)
    brushes = [QBrush(QColor("red")), QBrush(QColor("green"))]
    pens = [QPen(QColor("black"), 2.0), QPen(QColor("blue"), 4.0)]
    calls = 0
    i = 0
    while calls < {CALLS}:
        item = items[i % 3]
        item.setPos(QPointF(i % 50, i % 30))
        item.setBrush(brushes[i % 2])
        item.setZValue(i % 7)
        item.setVisible(i % 5 != 0)
        item.setToolTip("")
        calls += 5
        if hasattr(item, "setPen"):
            item.setPen(pens[i % 2])
            calls += 1
        i += 1
    print("setter calls:", calls)
""")


def test_many_qt_setter_calls_do_not_crash_the_interpreter():
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    done = subprocess.run([sys.executable, "-c", SCRIPT], env=env, capture_output=True,
                          text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    reported = int(done.stdout.split("setter calls:")[1])
    assert reported >= CALLS
