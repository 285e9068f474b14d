"""The `weaklink analyze --json` object, made from an AnalysisResult's typed
parts alone. Its shape is committed as docs/analysis.schema.json
(designer/report/result_schema.py); the keys of the structural and
availability parts sit at the top level, as they always have, so scripts
written against earlier versions keep working. It is part of the report
layer because the JSON carries sentences (findings' messages and fixes). No Qt."""
from __future__ import annotations

from designer.analysis.availability import BOUNDED
from designer.analysis.result import AnalysisResult, AvailabilityPart, CostPart, StructurePart


def result_to_json(result: AnalysisResult) -> dict:
    data = {"design": result.design, "components": result.components}
    data.update(structure_json(result.structure))
    if result.availability is not None:
        data.update(availability_json(result.availability))
    if result.cost is not None:
        data["cost"] = cost_json(result.cost)
    if result.findings is not None:
        data.update(findings_json(result.findings))   # "findings", "paths", "segmentation"
    if result.mitigations is not None:   # "mitigations", "break_even_step", ...
        from .plan import plan_json
        data.update(plan_json(result.mitigations))
    return data


def findings_json(findings) -> dict:
    """The segmentation part, each finding worded by the report layer."""
    from .findings import finding_text
    return findings.to_json(text=lambda finding: finding_text(finding, findings.label))


def structure_json(part: StructurePart) -> dict:
    return {
        "system_up": part.system_up,
        "entry_points": list(part.entry_points),
        "spofs": [dict(id=s.id, label=s.label, kind=s.kind, blast_radius=list(s.blast_radius),
                       explanation=s.explanation) for s in part.spofs],
        "cut_sets_order2": [list(pair) for pair in part.cut_sets_order2],
        "cut_sets_order2_explained": [
            dict(a=p.a, b=p.b, blast_radius=list(p.blast_radius), explanation=p.explanation)
            for p in part.cut_sets_order2_explained],
        "notes": [dict(id=n.id, message=n.message) for n in part.notes],
        "protected": list(part.protected),
        "not_modeled": list(part.not_modeled),
    }


def availability_json(part: AvailabilityPart) -> dict:
    data = {
        "availability": part.value,
        "availability_method": part.method,
        "downtime_minutes_per_year": part.downtime_minutes_per_year,
        "nines": part.nines,
        "importance": dict(part.importance),
    }
    if part.confidence_interval is not None:
        data["confidence_interval"] = list(part.confidence_interval)
    if part.method == BOUNDED and part.bounds is not None:
        data["bounds"] = list(part.bounds)
        data["tolerance"] = part.tolerance
    if part.importance_intervals:
        data["importance_intervals"] = {
            cid: {"birnbaum": list(found.birnbaum), "raw": list(found.raw),
                  "rrw": list(found.rrw)}
            for cid, found in part.importance_intervals.items()}
    return data


def cost_json(part: CostPart) -> dict:
    return {"capex": part.capex, "opex_monthly": part.opex_monthly,
            "horizon_months": part.horizon_months, "horizon_total": part.horizon_total,
            "currency": part.currency}
