"""The JSON Schema of `weaklink analyze --json` (designer/report/result_json.py).

`python -m designer.report.result_schema` rewrites docs/analysis.schema.json;
tests/test_analysis_schema.py regenerates it and fails when the committed copy
is stale, and validates the four examples' output against it. One function per
part of the result, so a new part (findings, mitigations) adds its own.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

SCHEMA_ID = "https://weaklink.app/schema/analysis.schema.json"
FILE_NAME = "analysis.schema.json"

_NUMBER, _STRING, _BOOL = {"type": "number"}, {"type": "string"}, {"type": "boolean"}
_IDS = {"type": "array", "items": _STRING}
_PAIR = {"type": "array", "items": _NUMBER, "minItems": 2, "maxItems": 2}


def _object(properties: dict, required: list[str] | None = None,
            description: str = "") -> dict:
    found = {"type": "object"}
    if description:
        found["description"] = description
    found["properties"] = properties
    found["required"] = list(properties) if required is None else required
    found["additionalProperties"] = False
    return found


def structure_properties() -> dict:
    spof = _object({"id": _STRING, "label": _STRING, "kind": _STRING,
                    "blast_radius": _IDS, "explanation": _STRING})
    pair = _object({"a": _STRING, "b": _STRING, "blast_radius": _IDS,
                    "explanation": _STRING})
    note = _object({"id": {**_STRING, "description": "\"\" for the whole design"},
                    "message": _STRING})
    return {
        "system_up": {**_BOOL, "description": "up with nothing failed"},
        "entry_points": _IDS,
        "spofs": {"type": "array", "items": spof},
        "cut_sets_order2": {"type": "array",
                            "items": {**_IDS, "minItems": 2, "maxItems": 2}},
        "cut_sets_order2_explained": {
            "type": "array", "items": pair,
            "description": "the first (most likely) order-2 cut sets, in the same order, "
                           "each with what it takes down and why"},
        "notes": {"type": "array", "items": note},
        "protected": _IDS,
        "not_modeled": _IDS,
    }


def availability_properties() -> dict:
    return {
        "availability": {**_NUMBER, "minimum": 0, "maximum": 1},
        "availability_method": {"enum": ["exact", "bounded", "monte-carlo"]},
        "downtime_minutes_per_year": {**_NUMBER, "minimum": 0},
        "nines": {"type": ["number", "null"],
                  "description": "null when the design cannot go down"},
        "importance": {"type": "object", "additionalProperties": _NUMBER,
                       "description": "Birnbaum importance by component id"},
        "confidence_interval": {**_PAIR, "description": "95 %, Monte Carlo only"},
        "bounds": {**_PAIR, "description": "certified [lo, hi], bounded method only"},
        "tolerance": {**_NUMBER, "exclusiveMinimum": 0,
                      "description": "the gap hi - lo asked of the bounds (the design's "
                                     "bounds_tolerance); the leaf budget can stop wider"},
        "importance_intervals": {
            "type": "object", "additionalProperties": _importance_interval(),
            "description": "bounded method only: certified [lo, hi] for the components "
                           "ranked first by importance, by id"},
    }


def _importance_interval() -> dict:
    # null stands for infinity (RRW when the design cannot fail with the component perfect).
    pair = {"type": "array", "items": {"type": ["number", "null"]}, "minItems": 2,
            "maxItems": 2}
    return _object({"birnbaum": {**pair, "description": "Birnbaum importance"},
                    "raw": {**pair, "description": "risk achievement worth"},
                    "rrw": {**pair, "description": "risk reduction worth"}})


def cost_schema() -> dict:
    return _object({"capex": _NUMBER, "opex_monthly": _NUMBER,
                    "horizon_months": {"type": "integer", "minimum": 1},
                    "horizon_total": {**_NUMBER, "description": "capex + months x opex"},
                    "currency": _STRING}, description="What the design costs")


def findings_properties() -> dict:
    """The keys SegmentationResult.to_json() adds (analysis/segmentation/serialize.py)."""
    severity = {"enum": ["critical", "high", "medium", "low"]}
    nullable = {"type": ["string", "null"]}
    hop = _object({"component": _STRING, "kind": _STRING,
                   "action": {"enum": ["allow", "deny", "pass"]},
                   "rule": {"type": ["integer", "null"], "minimum": 1,
                            "description": "1-based rule line; null = default action"}},
                  required=["component", "kind", "action"])
    packet = _object({"protocol": _STRING, "source_zone": nullable, "source": nullable,
                      "destination": nullable, "port": {"type": "integer"}})
    finding = _object({
        "id": {**_STRING, "description": "stable: check@subject"},
        "check": _STRING, "severity": severity, "targets": _IDS,
        "rules": {"type": "array", "items": _object({"firewall": _STRING,
                                                     "rule": {"type": "integer"}})},
        "evidence": _object({"path": _IDS, "hops": {"type": "array", "items": hop},
                             "packet": {"anyOf": [packet, {"type": "null"}]}}),
        "facts": {"type": "object", "additionalProperties": _STRING},
        "remedies": {"type": "array", "items": _object(
            {"action": {"enum": ["ha_pair", "new_segment", "edit_rules"]},
             "subject": _STRING, "detail": _STRING})},
        "accepted": {"anyOf": [{"type": "null"}, _object(
            {"justification": _STRING, "owner": _STRING, "expires": nullable})]},
        "acceptance_expired": _STRING, "message": _STRING, "fix": _STRING},
        required=["id", "check", "severity", "targets", "rules", "evidence", "accepted"])
    count = {"type": ["integer", "null"], "minimum": 0}
    path = _object({
        "data_store": _STRING, "chain": _IDS, "latency_ms": {**_NUMBER, "minimum": 0},
        "firewalls": {"type": "integer", "minimum": 0}, "blocked": _BOOL,
        "layers_from_internet": count, "layers_behind_entry": count,
        "hops": {"type": "array", "items": _object(
            {"component": _STRING, "kind": _STRING, "latency_ms": _NUMBER})}})
    zone = _object({"id": _STRING, "label": _STRING, "trust": nullable})
    cell = _object({"zone": _STRING, "service": _STRING, "port": {"type": "integer"},
                    "status": {"enum": ["open", "blocked", "same-zone", "no-path"]}})
    return {"findings": {"type": "array", "items": finding},
            "paths": {"type": "array", "items": path,
                      "description": "request paths from the Internet to each data store"},
            "segmentation": _object({"zones": {"type": "array", "items": zone},
                                     "matrix": {"type": "array", "items": cell}})}


def mitigations_properties() -> dict:
    """The keys the mitigation plan adds with --mitigations (issue 11 owns their shape)."""
    money = _object({"capex": _NUMBER, "opex_monthly": _NUMBER, "horizon_total": _NUMBER})
    step = _object({"step": {"type": "integer", "minimum": 1}, "action": _STRING,
                    "description": _STRING, "targets": _IDS, "removes": _IDS,
                    "cost_delta": money,
                    "availability_after": {**_NUMBER, "minimum": 0, "maximum": 1},
                    "downtime_minutes_saved": _NUMBER})
    return {"mitigations": {"type": "array", "items": step},
            "break_even_step": {"type": ["integer", "null"]},
            "knee_step": {"type": ["integer", "null"]},
            "mitigations_summary": _STRING}


def security_properties() -> dict:
    """The segmentation findings' costed fixes, added with --mitigations
    (report/security.py): an edit checked on the edited design, or an estimate."""
    money = _object({"capex": _NUMBER, "opex_monthly": _NUMBER, "horizon_total": _NUMBER})
    share = {"type": ["number", "null"], "minimum": 0, "maximum": 1}
    fix = _object({"action": {"enum": ["ha_pair", "new_segment"]}, "subject": _STRING,
                   "findings": _IDS,
                   "severity": {"enum": ["critical", "high", "medium", "low"]},
                   "description": _STRING, "edit": _BOOL, "estimate": _BOOL, "cost": money,
                   "resolves": _IDS, "introduces": _IDS, "availability_before": share,
                   "availability_after": share},
                  description="a fix that costs something; availability_after from "
                              "analysing the edited design (null for an estimate)")
    return {"security_fixes": {"type": "array", "items": fix},
            "security_fixes_summary": _STRING}


def result_schema() -> dict:
    structure, figures = structure_properties(), availability_properties()
    properties = {"design": _STRING, "components": {"type": "integer", "minimum": 0},
                  **structure, **figures, "cost": cost_schema(),
                  **findings_properties(), **mitigations_properties(),
                  **security_properties()}
    required = ["design", "components", *structure, "cost"]
    schema = {"$schema": "https://json-schema.org/draft/2020-12/schema", "$id": SCHEMA_ID,
              "title": "Weaklink analysis (weaklink analyze --json)"}
    schema.update(_object(properties, required))
    # The figures come together or not at all (a design that was not analysed).
    schema["dependentRequired"] = {
        "availability": ["availability_method", "downtime_minutes_per_year", "nines",
                         "importance"]}
    return schema


def schema_text() -> str:
    """The committed file's exact text (stable order, trailing newline)."""
    return json.dumps(result_schema(), indent=2, ensure_ascii=False) + "\n"


def main(argv: list[str]) -> int:
    target = Path(argv[0]) if argv else Path("docs") / FILE_NAME
    target.write_text(schema_text(), encoding="utf-8")
    print(f"wrote {target}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
