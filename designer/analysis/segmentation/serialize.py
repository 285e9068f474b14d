"""SegmentationResult -> JSON data (the `findings` and `paths` of
`weaklink analyze --json`). No Qt."""
from __future__ import annotations

from .reach import Hop
from .result import Finding, LatencyPath, SegmentationResult


def hop_json(hop: Hop) -> dict:
    data = {"component": hop.component, "kind": hop.kind, "action": hop.action}
    if hop.action != "pass":
        data["rule"] = None if hop.rule is None else hop.rule + 1
    return data


def finding_json(finding: Finding, text=None) -> dict:
    ev = finding.evidence
    packet = ev.packet
    data = {
        "id": finding.id,
        "check": finding.check,
        "severity": finding.severity,
        "targets": list(finding.targets),
        "rules": [{"firewall": r.firewall, "rule": r.index + 1} for r in finding.rules],
        "evidence": {
            "path": list(ev.path),
            "hops": [hop_json(h) for h in ev.hops],
            "packet": None if packet is None else {
                "protocol": packet.protocol, "source_zone": packet.source_zone,
                "source": packet.source_host, "destination": packet.destination_host
                or packet.destination_zone, "port": packet.port},
        },
        "facts": dict(finding.facts),
        "remedies": [{"action": r.action, "subject": r.subject, "detail": r.detail}
                     for r in finding.remedies],
        "accepted": None if finding.accepted is None else {
            "justification": finding.accepted.justification,
            "owner": finding.accepted.owner,
            "expires": None if finding.accepted.expires is None
            else finding.accepted.expires.isoformat()},
    }
    if finding.expired_on is not None:
        data["acceptance_expired"] = finding.expired_on.isoformat()
    if text is not None:
        data["message"], data["fix"] = text(finding)
    return data


def path_json(path: LatencyPath) -> dict:
    return {
        "data_store": path.data_store, "chain": list(path.chain),
        "latency_ms": round(path.latency_ms, 4), "firewalls": path.firewalls,
        "blocked": path.blocked, "layers_from_internet": path.layers_from_internet,
        "layers_behind_entry": path.layers_behind_entry,
        "hops": [{"component": h.component, "kind": h.kind,
                  "latency_ms": h.latency_ms} for h in path.hops],
    }


def result_json(result: SegmentationResult, text=None) -> dict:
    return {
        "findings": [finding_json(f, text) for f in result.findings],
        "paths": [path_json(p) for p in result.paths],
        "segmentation": {
            "zones": [{"id": z.id, "label": z.label, "trust": z.trust}
                      for z in result.zones],
            "matrix": [{"zone": c.zone, "service": c.service, "port": c.port,
                        "status": c.status} for c in result.matrix],
        },
    }
