"""Export speed and size on the generated 5,000-component design:
`QT_QPA_PLATFORM=offscreen python -m benchmarks.bench_export`.

Measures (median of 3, wall clock and the process's CPU time, which is
what the export itself spends on a shared machine; the analysis is done
beforehand and timed apart, as the window already holds a result when
File > Export runs):
  File > Export   the window has routed the links already; the export
                  scene adopts those routes (CanvasScene.routed_links)
  weaklink export no window: every one of the links is routed for paper
for the diagram PDF (one A4 sheet: offscreen scene, legend, title block,
the design attached), A3 tiles at 100 %, the design-review PDF (every SPOF,
order-2 pairs up to the report's limit, importance, findings, assumptions),
an SVG and a 96-dpi PNG, each with its size.
Budgets from issue 14: diagram <= 5 s, report <= 10 s, each < 10 MB.
"""
from __future__ import annotations

import os
import statistics
import sys
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication  # noqa: E402

from benchmarks import median_seconds  # noqa: E402
from benchmarks.generate import generate  # noqa: E402

SIZE = 5000
RUNS = 3


def main() -> None:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    from designer.analysis.engine import analyze
    from designer.canvas import CanvasView
    from designer.document import Document
    from designer.export.output import (diagram_pdf, diagram_sheet, picture_png,
                                        picture_svg, sheet_pdf)
    from designer.export.pages import PageSpec
    from designer.export.render import build
    from designer.export.report import report_pdf
    from designer.resources import load_fonts

    load_fonts()
    design = generate(SIZE)
    start = time.perf_counter()
    result = analyze(design)
    print(f"design: {len(design.components)} components, {len(design.links)} links; "
          f"analysis {time.perf_counter() - start:.2f} s (not counted below)")
    view = CanvasView(Document(design))
    view.scene().route_now()      # the window has routed every link by now
    routes = view.scene().routed_links()

    def from_window(make):
        def run():
            picture = build(design, result, "light", None, routes)
            try:
                return make(picture)
            finally:
                picture.close()
        return run

    cases = [
        ("File > Export: diagram PDF, A4", from_window(
            lambda p: sheet_pdf(diagram_sheet(design, result, PageSpec(), None, p))[0])),
        ("File > Export: A3 tiles at 100 %", from_window(
            lambda p: sheet_pdf(diagram_sheet(design, result, PageSpec(size="A3", tile=True),
                                              None, p))[0])),
        ("File > Export: report PDF", from_window(
            lambda p: report_pdf(design, result, picture=p)[0])),
        ("File > Export: SVG", from_window(lambda p: picture_svg(p, design.name))),
        ("File > Export: PNG 96 dpi", from_window(lambda p: picture_png(p, 96))),
        ("weaklink export: diagram PDF", lambda: diagram_pdf(design, result)[0]),
        ("weaklink export: report PDF", lambda: report_pdf(design, result)[0]),
    ]
    print(f"{'':34s} {'wall':>8s} {'CPU':>8s} {'size':>9s}")
    for title, produce in cases:
        size, cpu = [], []

        def run():
            start = time.process_time()
            size.append(len(produce()))
            cpu.append(time.process_time() - start)
        seconds = median_seconds(run, RUNS)
        print(f"{title:34s} {seconds:6.2f} s {statistics.median(cpu):6.2f} s "
              f"{size[-1] / 1e6:6.2f} MB", flush=True)
    view.close()
    app.processEvents()


if __name__ == "__main__":
    main()
