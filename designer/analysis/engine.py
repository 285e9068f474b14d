"""The structural analysis: `analyze(design)` for the report and the overlay,
`drill(design, failed)` for the canvas failure drill. Pure functions over a
frozen Design; no Qt."""
from __future__ import annotations

from dataclasses import dataclass

from designer.model import Design

from .cuts import order2_cuts, single_failures, spofs
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
    compiled = compile_design(design)
    circuit = compiled.circuit
    singles = single_failures(circuit)
    result = AnalysisResult(design=design.name, components=len(design.components),
                            entry_points=list(compiled.entry_points),
                            notes=list(compiled.notes),
                            not_modeled=list(compiled.not_modeled))
    result.system_up = singles.up_at_base(circuit.top)
    if not result.system_up:
        result.notes.append(_down_note(design, compiled, singles))
        return result
    spof_ids = spofs(circuit, singles)
    explainer = Explainer(design, compiled, singles, spof_ids)
    order = {c.id: i for i, c in enumerate(design.components)}
    for event in sorted(spof_ids, key=order.__getitem__):
        comp = design.by_id[event]
        result.spofs.append(Spof(id=event, label=comp.name, kind=comp.kind.value,
                                 blast_radius=explainer.blast_radius(event),
                                 explanation=explainer.explanation(event)))
    result.cut_sets_order2 = [tuple(sorted(pair, key=order.__getitem__))
                              for pair in order2_cuts(circuit, singles)]
    result.cut_sets_order2.sort(key=lambda pair: (order[pair[0]], order[pair[1]]))
    in_cuts = {cid for pair in result.cut_sets_order2 for cid in pair} | set(spof_ids)
    skipped = in_cuts | set(result.not_modeled)
    result.protected = [c.id for c in design.components
                        if c.id in compiled.event_of and c.id not in skipped]
    return result


def _down_note(design: Design, compiled: Compiled, singles) -> Note:
    lost = [design.by_id[e].name for e, g in compiled.entries.items()
            if not singles.up_at_base(g)]
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
