"""Availability of generated designs: `python -m benchmarks availability`.

Prints, for growing sizes, the median time of `design_availability` on an
already compiled design (what the analysis adds to engine I), the method it
chose (exact BDD, certified bounds with their gap, or Monte Carlo with the
interval's width), whether two runs gave identical figures, and the time of
an incremental re-analysis after a one-component edit, of figures and of
structure (issue 10). Targets:
1,000 components in 200 ms, 5,000 in 1 s; an edit of the 1,000 in 50 ms.
The 10,000 shows where the work budget stops the bounds short of the
tolerance (its gap is printed). The 1,000 copied onto four sites (the cost
plan's "second site" twice) shows parts that span several sites; with both
network racks copied, top-of-rack switches that are twins in the REACH
graphs (network_core.py).
"""
from __future__ import annotations

import statistics
import time

from benchmarks.generate import generate, with_copies
from designer.analysis.availability import design_availability
from designer.analysis.incremental import Reanalysis
from designer.analysis.structure import compile_design
from designer.model import Component, Design, Kind

SIZES = (100, 300, 500, 1000, 2000, 5000, 10000)
# Runs of the sizes that take seconds: the median of two was the hour's
# noise (the 5,000: 1.55 s where runs in turn gave 1.31-1.40 s, 2026-12-05).
SLOW_RUNS = 5
QUICK_RUNS = 9         # the others: two runs of 0.2 s on a shared machine were 0.18-0.29 s


def _detail(found) -> str:
    if found.method == "exact":
        return f"{found.bdd_nodes:,} BDD nodes"
    if found.method == "bounded":
        return f"gap {found.gap:.1e} on unavailability, {found.bdd_nodes:,} BDD nodes"
    low, high = found.confidence_interval
    return f"95 % CI width {high - low:.1e}"


def _cpu_seconds(action, runs: int) -> tuple[float, float]:
    """Median (wall, CPU) seconds of `runs` calls: the machine is shared, and
    CPU time says what the analysis costs whatever the load."""
    walls, cpus = [], []
    for _ in range(runs):
        wall, cpu = time.perf_counter(), time.process_time()
        action()
        walls.append(time.perf_counter() - wall)
        cpus.append(time.process_time() - cpu)
    return statistics.median(walls), statistics.median(cpus)


def _edited(design: Design, server: str) -> Design:
    """The server's availability changed: figures alone."""
    comps = tuple(c.model_copy(update={"availability": 0.999}) if c.id == server else c
                  for c in design.components)
    return Design(settings=design.settings, components=comps, links=design.links)


def _with_disk(design: Design, server: str) -> Design:
    """A disk added to the server: the circuit changes, and the server's part."""
    disk = Component(id=f"{server}-disk-added", kind=Kind.DISK, parent=server)
    return Design(settings=design.settings, components=design.components + (disk,),
                  links=design.links)


EDITS = {"one-component edit": _edited, "structural edit (a disk added)": _with_disk}


def incremental(size: int = 1000, edit: str = "one-component edit", edits: int = 3) -> None:
    """One-component edits re-analysed by a Reanalysis built once, against
    a full re-analysis of the same edit. An edit of reliability figures
    alone keeps the base design's compiled circuit (incremental.py); a
    structural edit compiles the design again and builds the edited part."""
    design = generate(size)
    again = Reanalysis(design)
    servers = [c.id for c in design.components if c.kind.value == "server"][:edits]
    times, cpus, full_times = [], [], []
    for server in servers:
        edited = EDITS[edit](design, server)
        start, cpu = time.perf_counter(), time.process_time()
        found = again.availability(edited)
        times.append(time.perf_counter() - start)
        cpus.append(time.process_time() - cpu)
        start = time.perf_counter()
        full = design_availability(edited)
        full_times.append(time.perf_counter() - start)
        assert (found.value, found.bounds) == (full.value, full.bounds)
    print(f"availability incremental {size} components, {edit}: "
          f"{statistics.median(times) * 1000:8.1f} ms median of {edits} "
          f"(CPU {statistics.median(cpus) * 1000:.1f} ms; full re-analysis "
          f"{statistics.median(full_times) * 1000:.1f} ms), "
          f"{found.method}, equal to the full figures", flush=True)


def _row(label: str, design: Design) -> None:
    compiled = compile_design(design)
    start = time.perf_counter()
    found = design_availability(design, compiled)
    runs = SLOW_RUNS if time.perf_counter() - start > 1.0 else QUICK_RUNS
    seconds, cpu = _cpu_seconds(lambda: design_availability(design, compiled), runs)
    again = design_availability(design, compiled)
    same = "same figures twice" if (again.value, again.bounds, again.confidence_interval) == (
        found.value, found.bounds, found.confidence_interval) else "FIGURES DIFFER"
    print(f"availability {label}: {seconds * 1000:9.1f} ms median of {runs} "
          f"(CPU {cpu * 1000:.1f} ms), {found.method} ({_detail(found)}), "
          f"A = {found.value:.9f}, {same}", flush=True)


def main() -> None:
    for size in SIZES:
        _row(f"{size:>5} components", generate(size))
    # Parts across four sites (part_build.local_order goes site by site):
    # rack by rack the second went to Monte Carlo.
    _row(" 1000 components, both sites copied", with_copies(generate(1000), "s0", "s1"))
    _row(" 1000 components, both sites and a network rack copied",
         with_copies(generate(1000), "s0", "s1", "s0-net"))
    # Each rack's switches wired to two core pairs: twins (network_core.py).
    _row(" 1000 components, both network racks copied",
         with_copies(generate(1000), "s0-net", "s1-net"))
    incremental()
    incremental(1000, "structural edit (a disk added)", edits=5)
    incremental(5000, "structural edit (a disk added)")


if __name__ == "__main__":
    main()
