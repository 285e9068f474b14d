"""Export speed and size on the generated 5,000-component design:
`QT_QPA_PLATFORM=offscreen python -m benchmarks.bench_export`.

Measures (median of 3, wall clock and the process's CPU time, which is
what the export itself spends on a shared machine; the analysis is done
beforehand and timed apart, as the window already holds a result when
File > Export runs):
  diagram   the diagram PDF, one A4 sheet (offscreen scene built, legend,
            title block, the design attached), and its size
  tiled     the same at 100 % across A3 tiles
  report    the design-review PDF (every SPOF, every order-2 pair up to the
            report's limit, importance, findings, assumptions), and its size
  svg, png  the drawing as SVG and as a 96-dpi PNG
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
    from designer.export.output import diagram_pdf, diagram_png, diagram_svg
    from designer.export.pages import PageSpec
    from designer.export.report import report_pdf
    from designer.resources import load_fonts

    load_fonts()
    design = generate(SIZE)
    start = time.perf_counter()
    result = analyze(design)
    print(f"design: {len(design.components)} components, {len(design.links)} links; "
          f"analysis {time.perf_counter() - start:.2f} s (not counted below)")
    cases = [("diagram PDF, A4 fit", lambda: diagram_pdf(design, result)[0]),
             ("diagram PDF, A3 tiles at 100 %",
              lambda: diagram_pdf(design, result, PageSpec(size="A3", tile=True))[0]),
             ("report PDF", lambda: report_pdf(design, result)[0]),
             ("SVG", lambda: diagram_svg(design, result)),
             ("PNG 96 dpi", lambda: diagram_png(design, result, dpi=96))]
    print(f"{'':32s} {'wall':>8s} {'CPU':>8s} {'size':>9s}")
    for title, produce in cases:
        size, cpu = [], []

        def run():
            start = time.process_time()
            size.append(len(produce()))
            cpu.append(time.process_time() - start)
        seconds = median_seconds(run, RUNS)
        print(f"{title:32s} {seconds:6.2f} s {statistics.median(cpu):6.2f} s "
              f"{size[-1] / 1e6:6.2f} MB", flush=True)
    app.processEvents()


if __name__ == "__main__":
    main()
