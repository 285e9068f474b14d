"""How soon a big design's figures are certified in the window:
`QT_QPA_PLATFORM=offscreen python -m benchmarks.bench_first_pass [SIZES...]`
(default 5000).

The window opens the generated design; prints when each availability
figure reached the window after loading: the Monte Carlo estimate, the
first pass of bounds to 1e-7 (engine.first_pass, past 3,000 events) and
the bounds to the design's own tolerance, each with its method and gap.
Target (issue 10): certified figures as soon as possible; the first pass
must not delay the final ones (docs/live-analysis.md).
"""
from __future__ import annotations

import os
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from benchmarks.bench_live import Applied, close_window, each_size, open_window  # noqa: E402
from benchmarks.generate import generate  # noqa: E402
from designer.analysis.result import Phase  # noqa: E402


def measure(app, n: int, scratch: Path) -> None:
    window, analysis = open_window(app, scratch)
    window.docks["overview"].hide()
    applied_at = Applied(analysis)
    applied_at.wait(app, 0)                  # the empty design at start-up
    arrived: list[tuple[float, object]] = []
    analysis.scheduler.partReady.connect(
        lambda phase, part: arrived.append((time.perf_counter(), part))
        if phase in (Phase.ESTIMATE, Phase.AVAILABILITY) else None)
    design = generate(n, seed=0)
    start = time.perf_counter()
    window.document.load(design)
    applied_at.wait(app, 1)
    print(f"{n} components, load average {os.getloadavg()[0]:.1f}:", flush=True)
    for at, part in arrived:
        print(f"  {at - start:6.1f} s  {part.method:<11} {_width(part)}", flush=True)
    close_window(app, window, analysis)


def _width(part) -> str:
    if part.bounds is not None:
        return f"gap {part.bounds[1] - part.bounds[0]:.1e} (asked {part.tolerance:.0e})"
    if part.confidence_interval is not None:
        low, high = part.confidence_interval
        return f"95 % interval {high - low:.1e} wide"
    return ""


def main(argv: list[str] | None = None) -> None:
    each_size(measure, argv, [5000])


if __name__ == "__main__":
    main()
