"""`analyze_segmentation(design)`: every segmentation finding, the request
paths from the Internet to the data stores with their latency, and the
reachability matrix. Pure function of a frozen Design; no Qt."""
from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import Iterable, Optional

from designer.model import Design

from . import anomalies, flows, layers
from .context import Context
from .latency import latency_paths
from .matrix import matrix, probe_ports
from .result import Acceptance, Finding, SegmentationResult, Zone, severity_rank


def analyze_segmentation(design: Design, spofs: Optional[Iterable[str]] = None,
                         today: Optional[date] = None,
                         with_matrix: bool = True) -> SegmentationResult:
    """`spofs`: the ids of the design's single points of failure (the SPOF
    analysis's result; computed here when not given). `today` decides which
    acceptances have expired (default: the local date)."""
    if spofs is None:
        from designer.analysis.engine import analyze_structure
        spofs = [s.id for s in analyze_structure(design).spofs]
    ctx = Context(design)
    counts = layers.layer_counts(ctx)
    found: list[Finding] = []
    found += flows.internet_exposure(ctx)
    found += flows.required_flows(ctx)
    found += flows.web_beyond_proxy(ctx)
    found += anomalies.rule_checks(ctx)
    found += flows.management_exposure(ctx)
    found += layers.layers(ctx, counts)
    found += layers.joined_segments(ctx)
    found += flows.data_outbound(ctx, probe_ports(ctx))
    found += layers.spof_sole_firewall(ctx, frozenset(spofs), counts)
    findings = apply_acceptance(design, _unique(found), today or date.today())
    zones = tuple(Zone(z, ctx.topo.zone_label(z), ctx.trust(z)) for z in ctx.topo.zone_ids)
    return SegmentationResult(
        findings=tuple(sorted(findings, key=lambda f: (severity_rank(f.severity), f.id))),
        paths=tuple(latency_paths(ctx, counts)), zones=zones,
        matrix=tuple(matrix(ctx)) if with_matrix else (),
        labels=_labels(ctx, findings))


def _labels(ctx: Context, findings: list[Finding]) -> tuple[tuple[str, str], ...]:
    ids = {z for z in ctx.topo.zone_ids} | {s.id for s in ctx.services}
    ids |= set(ctx.topo.firewalls) | set(ctx.topo.hosts)
    for finding in findings:
        ids.update(finding.targets)
        ids.update(finding.evidence.path)
    return tuple(sorted((i, ctx.name(i)) for i in ids))


def _unique(found: list[Finding]) -> list[Finding]:
    seen: dict[str, Finding] = {}
    for finding in found:
        seen.setdefault(finding.id, finding)
    return list(seen.values())


def apply_acceptance(design: Design, findings: list[Finding], today: date) -> list[Finding]:
    """Mark findings accepted in the design; a lapsed acceptance leaves the
    finding open and says when it lapsed."""
    accepted = {a.finding: a for a in design.accepted}
    marked = []
    for finding in findings:
        entry = accepted.get(finding.id)
        if entry is None:
            marked.append(finding)
        elif entry.holds_on(today):
            marked.append(replace(finding, accepted=Acceptance(
                entry.justification, entry.owner, entry.expires)))
        else:
            marked.append(replace(finding, expired_on=entry.expires))
    return marked
