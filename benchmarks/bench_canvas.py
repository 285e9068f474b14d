"""Canvas speed on the generated 5,000-component design:
`QT_QPA_PLATFORM=offscreen python -m benchmarks.bench_canvas`.

Measures, in one process (as a user opening the file would see it):
  open     Document + CanvasView built, shown, fitted and first painted
  repaint  a full-view repaint, median of 15: fitted (whole design, level of
           detail applies) and at 100 % zoom
  drag     one server dragged across its rack at 100 %: per frame, the mouse
           move plus a repaint of the whole view (Qt repaints only the dirty
           part, so this is an upper bound), median and worst of 60 frames
  memory   resident set size after opening (VmRSS, whole process)
Each figure is given as wall-clock time and as this thread's CPU time: on a
shared 2-core machine the wall time includes waiting for other processes,
the CPU time is what the canvas itself spends.
Budgets from issue 5: open <= 2 s, repaint < 50 ms, drag < 16 ms/frame,
memory < 400 MB.
"""
from __future__ import annotations

import os
import statistics
import sys
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEvent, QPointF, Qt  # noqa: E402
from PySide6.QtGui import QMouseEvent  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from benchmarks.generate import generate  # noqa: E402
from designer.model import Kind  # noqa: E402

SIZE = 5000
VIEW = (1280, 800)


def rss_mb() -> float:
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def open_view(design):
    from designer.canvas import CanvasView
    from designer.document import Document

    start, cpu = time.perf_counter(), time.thread_time()
    doc = Document(design)
    view = CanvasView(doc)
    view.resize(*VIEW)
    view.show()
    view.fit_all()
    view.viewport().repaint()
    QApplication.processEvents()
    return view, (time.perf_counter() - start, time.thread_time() - cpu)


def timed(action) -> tuple[float, float]:
    """(wall, cpu) milliseconds of one call."""
    start, cpu = time.perf_counter(), time.thread_time()
    action()
    return (time.perf_counter() - start) * 1000, (time.thread_time() - cpu) * 1000


def repaint_ms(view, runs: int = 15) -> tuple[float, float]:
    times = [timed(view.viewport().repaint) for _ in range(runs)]
    return (statistics.median(t[0] for t in times), statistics.median(t[1] for t in times))


def _mouse(view, kind, scene_pos, buttons):
    local = QPointF(view.mapFromScene(scene_pos))
    button = Qt.MouseButton.LeftButton if kind != QEvent.Type.MouseMove else \
        Qt.MouseButton.NoButton
    event = QMouseEvent(kind, local, QPointF(view.viewport().mapToGlobal(local.toPoint())),
                        button, buttons, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(view.viewport(), event)


def drag_frames(view, frames: int = 60) -> list[tuple[float, float]]:
    scene = view.scene()
    server = next(i for i in scene.component_items() if i.kind is Kind.SERVER)
    view.select_ids([])
    view.set_zoom(1.0)
    view.centerOn(server.scene_rect().center())
    QApplication.processEvents()
    left = Qt.MouseButton.LeftButton
    start = server.scene_rect().center()
    _mouse(view, QEvent.Type.MouseButtonPress, start, left)
    times = []
    for i in range(1, frames + 1):
        pos = start + QPointF(i * 3.0, i * 1.5)

        def frame():   # the move, then a repaint of the WHOLE view: an upper bound
            _mouse(view, QEvent.Type.MouseMove, pos, left)
            QApplication.processEvents()
            view.viewport().repaint()
        times.append(timed(frame))
    _mouse(view, QEvent.Type.MouseButtonRelease, start + QPointF(frames * 3.0, frames * 1.5),
           Qt.MouseButton.NoButton)
    view.document.undo_stack.undo()
    return times


def main() -> None:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    design = generate(SIZE)
    base = rss_mb()
    view, opened = open_view(design)
    memory = rss_mb()
    fitted = repaint_ms(view)
    zoom = view.zoom_factor()
    view.set_zoom(1.0)
    QApplication.processEvents()
    full = repaint_ms(view)
    frames = drag_frames(view)
    print(f"canvas {SIZE} components, {len(design.links)} links, view {VIEW[0]}x{VIEW[1]}")
    wall, cpu = zip(*frames)
    print("  (wall / CPU)")
    print(f"  open: build + show + fit + first paint   {opened[0]:5.2f} / {opened[1]:5.2f} s"
          "    budget 2 s")
    print(f"  full repaint, fitted (zoom {zoom:.3f})     {fitted[0]:5.1f} / {fitted[1]:5.1f} ms"
          "   budget 50 ms")
    print(f"  full repaint, 100 % zoom                 {full[0]:5.1f} / {full[1]:5.1f} ms"
          "   budget 50 ms")
    print(f"  drag one server, median frame            {statistics.median(wall):5.1f} / "
          f"{statistics.median(cpu):5.1f} ms   budget 16 ms")
    print(f"  drag one server, worst frame             {max(wall):5.1f} / {max(cpu):5.1f} ms")
    print(f"  memory: {memory:.0f} MB resident ({memory - base:.0f} MB for the canvas "
          f"and document)   budget 400 MB")
    view.close()
    del app


if __name__ == "__main__":
    main()
