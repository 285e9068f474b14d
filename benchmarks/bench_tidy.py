""""Tidy up" on the generated 5,000-component design:
`QT_QPA_PLATFORM=offscreen python -m benchmarks tidy`.

The design is first scrambled (every card moved off its place, so the
layout has all of it to redo), then measured:
  layout    designer.layout.tidy alone, headless (median of 5)
  canvas    the whole command in a CanvasView: the layout fed with the drawn
            sizes (canvas/tidy.py), ONE document edit, and the scene
            following it (items moved, chips, tier hulls and links re-routed);
            once, wall and CPU time
Budget from issue 13: "Tidy up" within 3 s.
"""
from __future__ import annotations

import os
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEvent  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from benchmarks import median_seconds  # noqa: E402
from benchmarks.generate import generate  # noqa: E402
from designer.layout import tidy  # noqa: E402
from designer.model import Design  # noqa: E402

SIZE = 5000


def scrambled(design: Design) -> Design:
    """Every card shifted by a different amount: a design to tidy."""
    return design.model_copy(update={"components": tuple(
        c.model_copy(update={"x": c.x + (i * 37) % 200, "y": c.y + (i * 53) % 120})
        for i, c in enumerate(design.components))})


def main() -> None:
    design = scrambled(generate(SIZE))
    tidy(design.components, design.links)          # warm-up: imports, caches
    layout = median_seconds(lambda: tidy(design.components, design.links))
    print(f"layout (headless, {SIZE} components): median {layout * 1e3:.0f} ms")

    from designer.canvas import CanvasView
    from designer.document import Document

    app = QApplication.instance() or QApplication([])
    view = CanvasView(Document(design))
    view.resize(1280, 800)
    view.show()
    app.processEvents()
    start, cpu = time.perf_counter(), time.thread_time()
    moved = view.tidy_up()
    app.processEvents()
    wall, cpu = time.perf_counter() - start, time.thread_time() - cpu
    print(f"tidy up in the canvas: {wall:.2f} s wall, {cpu:.2f} s CPU "
          f"({moved} components moved or resized, one undo step; budget 3 s)")
    # Deleted now, while the application runs: this is the last benchmark of
    # `make bench`, and a shown view left to the interpreter's exit ended
    # one run in "QPaintDevice: Cannot destroy paint device that is being
    # painted" and a segfault (2026-12-06).
    view.close()
    view.deleteLater()
    app.sendPostedEvents(None, QEvent.Type.DeferredDelete)


if __name__ == "__main__":
    main()
