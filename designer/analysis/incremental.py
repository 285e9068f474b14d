"""Incremental re-analysis: availability of many edited variants of one design.

The cost planner asks for the availability of every candidate edit (one more
PSU, feed, replica, switch...) of a base design. `Reanalysis` is built once
from the base design and answers `availability(edited)` for any edited
design with the same figures as `design_availability(edited)`, reusing
what the edit leaves untouched:

- designs small enough for one exact BDD are solved again (a few ms to
  0.3 s; modules make that cheap);
- bigger designs are bounded (bounds.py) with one BDD per entry point: a
  part whose sub-circuit and probabilities the edit does not touch keeps
  its BDD, its slopes and its columns under every leaf already seen (the
  diagrams are keyed by the part's sub-circuit, the columns by its
  diagram's shape, probabilities and shared events), so only the edited
  application's diagram is built and
  evaluated again. The conditioning's choices sort on rounded values
  (parts.coarse), so a small edit usually meets the same leaves.
"""
from __future__ import annotations

from designer.model import Design

from .availability import Availability, design_availability
from .gc_pause import collector_paused
from .part_cache import trim
from .recent import Recent
from .structure import compile_design

# Component fields the compiled circuit does not read (figures.py turns
# them into the events' probabilities): an edit of these alone keeps the
# base design's circuit (compiling the 1,000-component design: 35 ms).
RELIABILITY = {"availability": None, "mtbf_hours": None, "mttr_hours": None}


class Reanalysis:
    """Availability of edited variants of `base_design`."""

    def __init__(self, base_design: Design, tolerance: float | None = None,
                 max_events: int | None = None) -> None:
        self.tolerance = tolerance       # None: each design's bounds_tolerance
        self.max_events = max_events     # as design_availability's: exact BDD up to this size
        self.base_design = base_design
        self._parts: dict = {}
        self._compiled = compile_design(base_design)
        self._compiled_of = Recent()     # edited designs met lately (recent.py)
        self.base: Availability = self.availability(base_design, self._compiled)

    @collector_paused()
    def availability(self, edited: Design, compiled=None,
                     tolerance: float | None = None) -> Availability:
        """As design_availability(edited), reusing the untouched parts;
        `tolerance` overrides the one set at construction for this call.
        The collector is paused from the compile on, not from the analysis
        on: compiling allocates thousands of nodes, and its automatic
        passes, one in ten reaching the oldest generation, scanned the
        whole part cache (the cost plan of the 5,000-component design: the
        collector 14.2 -> 6.1 s, the plan 5-10 % faster; docs/performance.md)."""
        trim(self._parts)
        if compiled is None:
            compiled = self.compiled_for(edited)
        return design_availability(edited, compiled, max_events=self.max_events,
                                   tolerance=self.tolerance if tolerance is None else tolerance,
                                   part_cache=self._parts)

    def compiled_for(self, edited: Design):
        """`edited`'s compiled circuit: the base's when only figures
        differ, else one compiled lately (recent.py) or compiled now."""
        if _same_circuit(self.base_design, edited):
            return self._compiled
        compiled = self._compiled_of.get(edited)
        if compiled is None:
            compiled = compile_design(edited)
            self._compiled_of.put(edited, len(compiled.circuit.nodes), compiled)
        return compiled


def _same_circuit(base: Design, edited: Design) -> bool:
    """Whether `edited` differs from `base` in reliability figures at most,
    so it compiles to the same circuit (structure.py reads kinds,
    placement and links, never the figures)."""
    if edited.settings != base.settings or edited.links != base.links:
        return False
    if len(edited.components) != len(base.components):
        return False
    for old, new in zip(base.components, edited.components):
        if old is not new and old != new and (old.model_copy(update=RELIABILITY)
                                              != new.model_copy(update=RELIABILITY)):
            return False
    return True
