"""The analysis: `analyze(design)` for the report and the overlay, in named
phases (`analyze_phases`) for the live canvas, and `drill(design, failed)`
for the canvas failure drill. Pure functions over a frozen Design; no Qt."""
from __future__ import annotations

import math
from dataclasses import dataclass, replace
from typing import Any, Iterator

from designer.model import Design

from .availability import DESIGN_BOUND_MAX_EVENTS, design_availability
from .cost import design_cost
from .cuts import Kills, order2_cuts, spofs
from .explain import Explainer, phrase
from .importance_bounds import certifiable, design_intervals
from .pairs import explain_pairs
from .part_cache import trim
from .figures import availabilities
from .gc_pause import collector_paused
from .result import (AnalysisResult, AvailabilityPart, FrozenMap, Note, Phase, Spof,
                     StructurePart)
from .simulate import simulate
from .stop import checkpoint
from .structure import Compiled, compile_design

# Events past which the live window gets Monte Carlo figures before the
# bounded ones (`slow_to_bound`): the generated designs are bounded to 1e-9
# in 0.3 s at 2,000 components (1,906 events), 0.7-0.9 s at 3,000 (2,858),
# 2.7-3.1 s at 5,000 (4,762), where Monte Carlo takes 0.1-0.2 s.
QUICK_FIRST_EVENTS = 2_500
# Events past which the live window also gets bounds to a coarser gap
# before the design's own tolerance (`first_pass`): the 5,000-component
# design is bounded to 1e-7 in about 1 s, to 1e-9 in about 3 s.
FIRST_PASS_EVENTS = 3_000
FIRST_PASS_TOLERANCE = 1e-7


@dataclass(frozen=True)
class DrillState:
    """What the user sees with the components in `failed` down."""
    failed: frozenset[str]
    down: frozenset[str]              # components not working (including failed ones)
    entries_up: dict[str, bool]       # entry point id -> up for its users
    system_up: bool


def analyze(design: Design, certify_importance: int = 0) -> AnalysisResult:
    """Every phase, folded into one result. `certify_importance`: see
    `availability_part`."""
    phases = analyze_phases(design, certify_importance)
    _, result = next(phases)
    for phase, part in phases:
        result = result.advanced(phase, part)
    return result


def analyze_phases(design: Design, certify_importance: int = 0,
                   quick_first: bool = False,
                   part_cache: dict | None = None) -> Iterator[tuple[Phase, Any]]:
    """(Phase.STRUCTURE, the result so far), then each later phase with its
    part (findings, then the AvailabilityPart), compiling once: the live
    canvas shows the colours before the availability figures are computed
    (and never asks for `certify_importance`, which costs seconds).
    `quick_first`: a design whose certified bounds take seconds
    (`slow_to_bound`) first gets Monte Carlo figures (Phase.ESTIMATE), then
    the bounded ones: the window shows an estimate at once. `part_cache`:
    the bounds' parts kept from earlier analyses (the live worker's, see
    part_cache.py): an edit re-evaluates only the parts it touched, with the
    figures of a fresh analysis (the importance to rounding after a
    structural edit)."""
    with collector_paused():
        compiled = compile_design(design)
        result = analyze_structure(design, compiled)
    yield Phase.STRUCTURE, result
    checkpoint()
    yield Phase.FINDINGS, findings_part(design, result)
    checkpoint()
    if quick_first and slow_to_bound(compiled):
        yield Phase.ESTIMATE, availability_part(design, compiled, bounded=False)
        checkpoint()
        if first_pass(design, compiled):
            part_cache = {} if part_cache is None else part_cache   # the pass's leaves serve the next
            yield Phase.ESTIMATE, availability_part(design, compiled, part_cache=part_cache,
                                                    tolerance=FIRST_PASS_TOLERANCE)
            checkpoint()
    yield Phase.AVAILABILITY, availability_part(design, compiled, certify_importance,
                                                part_cache=part_cache)


def slow_to_bound(compiled: Compiled) -> bool:
    """Whether certified bounds will take about a second or more
    (QUICK_FIRST_EVENTS; docs/performance.md)."""
    return QUICK_FIRST_EVENTS < len(compiled.event_of) <= DESIGN_BOUND_MAX_EVENTS


def first_pass(design: Design, compiled: Compiled) -> bool:
    """Whether the live window gets bounds to FIRST_PASS_TOLERANCE first:
    big designs asking a finer gap."""
    return (len(compiled.event_of) > FIRST_PASS_EVENTS
            and design.settings.bounds_tolerance < FIRST_PASS_TOLERANCE)


def findings_part(design: Design, result: AnalysisResult):
    """Segmentation findings (analysis/segmentation), in the same pass as the
    SPOFs they use: a SPOF firewall alone in front of a data store."""
    from .segmentation import analyze_segmentation
    with collector_paused():
        return analyze_segmentation(design, spofs=[s.id for s in result.spofs])


def availability_part(design: Design, compiled: Compiled | None = None,
                      certify_importance: int = 0, bounded: bool = True,
                      going_on=None, part_cache: dict | None = None,
                      tolerance: float | None = None) -> AvailabilityPart:
    """Engine II's part: availability with its method, downtime, nines (None
    when the design cannot go down) and Birnbaum importance by component id.
    `certify_importance`: how many components, first by Birnbaum, get
    importance intervals (importance_bounds.py): under the bounded method
    about 0.2 s each at 1,000 components, so only the report and the CLI ask.
    `bounded`: as design_availability's (False: Monte Carlo past the exact BDD).
    `going_on(done, total)`: progress of the intervals, False to stop them
    (importance_bounds.design_intervals). `part_cache`: see analyze_phases.
    `tolerance`: the bounds' gap, when not the design's own."""
    compiled = compiled or compile_design(design)
    parts = part_cache
    if parts is None and certify_importance > 0:
        parts = {}       # the bounds' part cache, shared with the intervals' runs
    tolerance = design.settings.bounds_tolerance if tolerance is None else tolerance
    found = design_availability(design, compiled, bounded=bounded, part_cache=parts,
                                tolerance=tolerance)
    intervals = {}
    if certify_importance > 0:
        ranked = sorted(found.importance, key=lambda cid: -found.importance[cid].birnbaum)
        with collector_paused():
            intervals = design_intervals(design, compiled, found,
                                         ranked[:certify_importance], parts, going_on)
    if part_cache is not None:
        trim(part_cache)
    nines = found.nines
    return AvailabilityPart(
        value=found.value, method=found.method,
        downtime_minutes_per_year=found.downtime_minutes_per_year,
        nines=None if math.isinf(nines) else nines,
        confidence_interval=found.confidence_interval, bounds=found.bounds,
        tolerance=tolerance if found.method == "bounded" else None,
        importance=FrozenMap({cid: imp.birnbaum for cid, imp in found.importance.items()}),
        importance_intervals=FrozenMap(intervals),
        assumed_up=len(compiled.not_modeled))


def with_certified_importance(design: Design, result: AnalysisResult,
                              count: int, going_on=None) -> AnalysisResult:
    """`result` (an analysis of `design`) with certified importance for its
    `count` first components: its availability is analysed again only when
    it is bounded and has none (the live result the window exports).
    `going_on`: as availability_part's."""
    part = result.availability
    if count <= 0 or part is None or part.method != "bounded" or part.importance_intervals:
        return result
    compiled = compile_design(design)
    if not certifiable(compiled):
        return result
    return replace(result, availability=availability_part(design, compiled, count,
                                                          going_on=going_on))


def analyze_structure(design: Design, compiled: Compiled | None = None) -> AnalysisResult:
    """Engine I's part: entry points, notes, SPOFs with blast radius and
    explanation, order-2 cut sets, protected components."""
    with collector_paused():
        return _structure(design, compiled or compile_design(design))


def _structure(design: Design, compiled: Compiled) -> AnalysisResult:
    part = _structure_part(design, compiled)
    return AnalysisResult(design=design.name, components=len(design.components),
                          structure=part, cost=design_cost(design))


def _structure_part(design: Design, compiled: Compiled) -> StructurePart:
    circuit = compiled.circuit
    kills = Kills(circuit)
    entry_points, not_modeled = tuple(compiled.entry_points), tuple(compiled.not_modeled)
    if not kills.up_at_base(circuit.top):
        notes = (*compiled.notes, _down_note(design, compiled, kills))
        return StructurePart(entry_points=entry_points, notes=notes,
                             not_modeled=not_modeled, system_up=False)
    spof_ids = spofs(kills)
    explainer = Explainer(design, compiled, kills, spof_ids)
    order = {c.id: i for i, c in enumerate(design.components)}
    found = []
    for event in sorted(spof_ids, key=order.__getitem__):
        comp = design.by_id[event]
        found.append(Spof(id=event, label=comp.name, kind=comp.kind.value,
                          blast_radius=tuple(explainer.blast_radius(event)),
                          explanation=explainer.explanation(event)))
    # Pairs most likely to be down together first (independent failures:
    # q_a x q_b), so the 145 pairs of multi-site start with the ones that
    # matter (issue 16); drawing order breaks ties.
    down = {cid: 1.0 - a for cid, a in availabilities(design).items()}
    pairs = tuple(sorted(
        (tuple(sorted(pair, key=order.__getitem__)) for pair in order2_cuts(kills)),
        key=lambda pair: (-down[pair[0]] * down[pair[1]], order[pair[0]], order[pair[1]])))
    skipped = {cid for pair in pairs for cid in pair} | set(spof_ids) | set(not_modeled)
    # Protected means "can fail without taking the system down" only for what
    # the system uses: a feed or generator that powers nothing protects
    # nothing and stays neutral, not a green tick (issue 16).
    used = {circuit.nodes[i].name for i in circuit.needed() if circuit.nodes[i].op == "event"}
    protected = tuple(c.id for c in design.components
                      if c.id in compiled.event_of and c.id not in skipped and c.id in used)
    return StructurePart(entry_points=entry_points, spofs=tuple(found), cut_sets_order2=pairs,
                         cut_sets_order2_explained=explain_pairs(design, compiled, pairs,
                                                                 explainer.called),
                         notes=tuple(compiled.notes), protected=protected,
                         not_modeled=not_modeled)


def _down_note(design: Design, compiled: Compiled, kills: Kills) -> Note:
    lost = [design.by_id[e].name for e, g in compiled.entries.items()
            if not kills.up_at_base(g)]
    return Note("", f"the system is down with nothing failed ({phrase(lost)} cannot be "
                    f"reached or lack their quorum): fix this before reading SPOFs")


def drill(design: Design, failed: set[str] | frozenset[str]) -> DrillState:
    """Fail exactly `failed` and report what goes down."""
    compiled = compile_design(design)
    return drill_compiled(compiled, failed)


def drill_compiled(compiled: Compiled, failed) -> DrillState:
    """As `drill`, reusing a compiled design (the canvas keeps one per edit)."""
    failed = frozenset(failed)
    bits = {compiled.event_of[c]: 0 for c in failed if c in compiled.event_of}
    values = simulate(compiled.circuit, bits, 1)
    down = frozenset(c for c, g in compiled.up.items() if not values[g]) | failed
    entries = {e: bool(values[g]) for e, g in compiled.entries.items()}
    return DrillState(failed=failed, down=down, entries_up=entries,
                      system_up=bool(values[compiled.circuit.top]))
