"""The structural analysis: `analyze(design)` for the report and the overlay,
`drill(design, failed)` for the canvas failure drill. Pure functions over a
frozen Design; no Qt."""
from __future__ import annotations

import gc
from contextlib import contextmanager
from dataclasses import dataclass

from designer.model import Design

from .availability import fill_result
from .cuts import Kills, order2_cuts, spofs
from .explain import Explainer, phrase
from .result import AnalysisResult, Note, Spof
from .simulate import simulate
from .structure import Compiled, compile_design


@dataclass(frozen=True)
class DrillState:
    """What the user sees with the components in `failed` down."""
    failed: frozenset[str]
    down: frozenset[str]              # components not working (including failed ones)
    entries_up: dict[str, bool]       # entry point id -> up for its users
    system_up: bool


def analyze(design: Design) -> AnalysisResult:
    result, compiled = structure_and_compiled(design)
    fill_result(result, design, compiled)   # engine II: availability, importance
    return result


def structure_and_compiled(design: Design) -> tuple[AnalysisResult, Compiled]:
    """Engine I's result and the compiled design it used, so that engine II
    (`fill_result`) can follow on it without compiling again: the live canvas
    shows the colours before the availability figures are computed."""
    with collector_paused():
        compiled = compile_design(design)
        return analyze_structure(design, compiled), compiled


@contextmanager
def collector_paused():
    """The analysis allocates many small acyclic objects; pausing Python's
    cyclic garbage collector meanwhile saves 10-25 % (benchmarks/bench_engine.py)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def analyze_structure(design: Design, compiled: Compiled | None = None) -> AnalysisResult:
    """Engine I's part: entry points, notes, SPOFs with blast radius and
    explanation, order-2 cut sets, protected components."""
    with collector_paused():
        return _structure(design, compiled or compile_design(design))


def _structure(design: Design, compiled: Compiled) -> AnalysisResult:
    circuit = compiled.circuit
    kills = Kills(circuit)
    result = AnalysisResult(design=design.name, components=len(design.components),
                            entry_points=list(compiled.entry_points),
                            notes=list(compiled.notes),
                            not_modeled=list(compiled.not_modeled))
    result.system_up = kills.up_at_base(circuit.top)
    if not result.system_up:
        result.notes.append(_down_note(design, compiled, kills))
        return result
    spof_ids = spofs(kills)
    explainer = Explainer(design, compiled, kills, spof_ids)
    order = {c.id: i for i, c in enumerate(design.components)}
    for event in sorted(spof_ids, key=order.__getitem__):
        comp = design.by_id[event]
        result.spofs.append(Spof(id=event, label=comp.name, kind=comp.kind.value,
                                 blast_radius=explainer.blast_radius(event),
                                 explanation=explainer.explanation(event)))
    result.cut_sets_order2 = sorted(
        (tuple(sorted(pair, key=order.__getitem__)) for pair in order2_cuts(kills)),
        key=lambda pair: (order[pair[0]], order[pair[1]]))
    in_cuts = {cid for pair in result.cut_sets_order2 for cid in pair} | set(spof_ids)
    skipped = in_cuts | set(result.not_modeled)
    result.protected = [c.id for c in design.components
                        if c.id in compiled.event_of and c.id not in skipped]
    return result


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
