"""Dropping a document must never crash: opening another file or closing a
window drops the old Document with its whole undo history, and Python's
collector then frees it. A segfault there loses the user's other windows.

Each scenario runs in a fresh interpreter, so a crash fails this test (with
the signal in the message) instead of killing the test run."""
from __future__ import annotations

import subprocess
import sys
import textwrap

import pytest

SCRIPT = textwrap.dedent('''
    import gc, sys
    from PySide6.QtWidgets import QApplication
    app = QApplication([])
    from designer.document import Document
    from designer.model import Kind, LinkKind

    def long_history(doc, steps):
        """Every kind of command: inserts, links, edits, macros, settings, undo."""
        site = doc.add_component(Kind.SITE, width=900, height=700)
        for n in range(steps):
            server = doc.add_component(Kind.SERVER, parent=site.id, x=n, y=n)
            psu = doc.add_component(Kind.PSU, parent=server.id)
            feed = doc.add_component(Kind.UTILITY_FEED)
            doc.add_link(LinkKind.POWER, feed.id, psu.id)
            doc.update(server.id, label=f"web {n}")
            doc.move({server.id: (n + 5, n + 5)})
        doc.set_settings(horizon_months=48)
        doc.delete([server.id])                  # a macro step
        doc.undo_stack.undo()
        doc.undo_stack.undo()
        doc.undo_stack.redo()
        doc.add_component(Kind.NOTE)             # drops the redo branch

    scenario, rounds, steps = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    for _ in range(rounds):
        doc = Document()
        long_history(doc, steps)
        assert doc.undo_stack.count() > 2 * steps
        if scenario == "cycle":          # held by garbage that only gc frees
            class Holder: pass
            holder = Holder(); holder.me = holder; holder.doc = doc
            doc.changed.connect(lambda: holder)
            del holder
        elif scenario == "view":         # a canvas on it, dropped with it
            from designer.canvas import CanvasView
            view = CanvasView(doc); view.show(); app.processEvents()
            long_history(doc, 2); app.processEvents()
            del view
        elif scenario == "window":       # closing a window drops its document
            import tempfile
            from PySide6.QtCore import QSettings
            from designer.shell.mainwindow import MainWindow
            from designer.shell.settings import AppSettings
            ini = QSettings(tempfile.mkdtemp() + "/prefs.ini", QSettings.Format.IniFormat)
            window = MainWindow(settings=AppSettings(ini), document=doc)
            window.show(); app.processEvents()
            long_history(doc, 2); doc.undo_stack.setClean()
            window.close(); app.processEvents()
            del window
        elif scenario == "reload":       # File > Open over an edited document
            from designer.model import Design
            doc.load(Design())
            long_history(doc, steps)
        del doc
        gc.collect()
        app.processEvents()
        gc.collect()
    print("survived", flush=True)
''')


@pytest.mark.parametrize("scenario,rounds,steps", [
    ("plain", 20, 2),      # the reported case: two undo steps
    ("plain", 5, 60),      # a long history
    ("cycle", 10, 10),
    ("view", 3, 10),
    ("reload", 5, 10),
    ("window", 2, 10),
])
def test_dropping_documents_with_histories_never_crashes(scenario, rounds, steps):
    run = subprocess.run([sys.executable, "-c", SCRIPT, scenario, str(rounds), str(steps)],
                         capture_output=True, text=True, timeout=120,
                         env={**_env(), "QT_QPA_PLATFORM": "offscreen"})
    assert run.returncode == 0, (
        f"{scenario}: exit {run.returncode} (negative = killed by that signal)\n"
        f"{run.stderr[-2000:]}")
    assert "survived" in run.stdout


def _env() -> dict[str, str]:
    import os
    return dict(os.environ)
