"""The plain-text report of `weaklink analyze`: design, entry points,
availability, cost, every SPOF with what it takes down, the order-2 pairs
and the notes. Long lists are cut; `--json` has everything."""
from __future__ import annotations

from typing import Mapping

from designer.analysis.result import AnalysisResult

from .availability import availability_line
from .cost import cost_line

PAIRS_SHOWN = 20
SPOFS_SHOWN = 100
ENTRIES_SHOWN = 20     # a generated 15,000-component design has 241


def text_report(result: AnalysisResult, names: Mapping[str, str]) -> str:
    def name(cid: str) -> str:
        label = names.get(cid, cid)
        return label if label == cid else f"{label} ({cid})"

    structure = result.structure
    lines = [f"Design: {result.design} ({result.components} components)",
             _entry_points(structure.entry_points, name),
             "System with nothing failed: " + ("up" if structure.system_up else "DOWN"),
             availability_line(result.availability)]
    if result.cost is not None:
        lines.append(cost_line(result.cost))
    lines.append("")
    lines += _spofs(result, name) + _pairs(result, name) + _notes(result, name)
    return "\n".join(lines)


def _entry_points(entries, name) -> str:
    if not entries:
        return "Entry points: none"
    shown = ", ".join(name(e) for e in entries[:ENTRIES_SHOWN])
    if len(entries) <= ENTRIES_SHOWN:
        return f"Entry points: {shown}"
    return (f"Entry points ({len(entries)}): {shown} ... and "
            f"{len(entries) - ENTRIES_SHOWN} more (use --json for all)")


def _spofs(result: AnalysisResult, name) -> list[str]:
    spofs = result.structure.spofs
    if not spofs:
        return ["No single point of failure."] if result.structure.system_up else []
    lines = [f"Single points of failure: {len(spofs)}"]
    for spof in spofs[:SPOFS_SHOWN]:
        lines.append(f"  - {name(spof.id)} [{spof.kind}]: {spof.explanation}.")
        lines.append("      takes down: " + ", ".join(name(b) for b in spof.blast_radius))
    if len(spofs) > SPOFS_SHOWN:
        lines.append(f"  ... and {len(spofs) - SPOFS_SHOWN} more (use --json for all)")
    return lines


def _pairs(result: AnalysisResult, name) -> list[str]:
    pairs = result.structure.cut_sets_order2
    lines = ["", f"Pairs that fail together (order-2 cut sets): {len(pairs)}, "
                 "most likely first"]
    explained = result.structure.explained()
    for a, b in pairs[:PAIRS_SHOWN]:
        lines.append(f"  - {name(a)} + {name(b)}")
        pair = explained.get(frozenset((a, b)))
        if pair is not None:
            lines[-1] += f": {pair.explanation}."
            lines.append("      takes down: " + ", ".join(name(c) for c in pair.blast_radius))
    if len(pairs) > PAIRS_SHOWN:
        lines.append(f"  ... and {len(pairs) - PAIRS_SHOWN} more (use --json for all)")
    return lines


def _notes(result: AnalysisResult, name) -> list[str]:
    if not result.structure.notes:
        return []
    lines = ["", "Notes:"]
    for note in result.structure.notes:
        where = f"{name(note.id)}: " if note.id else ""
        lines.append(f"  - {where}{note.message}")
    return lines
