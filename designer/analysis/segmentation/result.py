"""What the segmentation analysis hands out: frozen, plain data. No Qt.
Sentences a person reads come from designer/report/findings.py."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Optional

from .reach import Hop
from .rules import Packet

SEVERITIES = ("critical", "high", "medium", "low")


def severity_rank(severity: str) -> int:
    """0 for critical ... 3 for low (lower is worse)."""
    return SEVERITIES.index(severity)


@dataclass(frozen=True)
class RuleRef:
    firewall: str
    index: int                          # 0-based; people read index + 1


@dataclass(frozen=True)
class Evidence:
    path: tuple[str, ...] = ()          # components, source to destination
    hops: tuple[Hop, ...] = ()          # transit hops with the decision at each
    packet: Optional[Packet] = None     # one example packet


@dataclass(frozen=True)
class Remedy:
    """A fix that changes the design (so it costs something), described for
    the cost planner (analysis/mitigation): `action` is "ha_pair" (add a
    second unit beside `subject`), "new_segment" (put `subject` in a new
    segment of trust `detail` behind a new firewall) or "edit_rules"
    (change `subject`'s rules; no hardware cost)."""
    action: str
    subject: str
    detail: str = ""


@dataclass(frozen=True)
class Acceptance:
    justification: str
    owner: str
    expires: Optional[date]


@dataclass(frozen=True)
class Finding:
    id: str                             # stable: check@subject, see ids in checks
    check: str
    severity: str
    targets: tuple[str, ...]            # components (zones, firewalls, services)
    rules: tuple[RuleRef, ...] = ()
    evidence: Evidence = field(default_factory=Evidence)
    facts: tuple[tuple[str, str], ...] = ()   # named values for the sentences
    remedies: tuple[Remedy, ...] = ()
    accepted: Optional[Acceptance] = None
    expired_on: Optional[date] = None   # an acceptance that lapsed

    def fact(self, name: str, default: str = "") -> str:
        return dict(self.facts).get(name, default)


@dataclass(frozen=True)
class LatencyHop:
    component: str
    kind: str                           # hop kind: link, switch, router, firewall, ...
    latency_ms: float


@dataclass(frozen=True)
class LatencyPath:
    data_store: str
    chain: tuple[str, ...]              # services from the Internet entry to the store
    hops: tuple[LatencyHop, ...]
    latency_ms: float
    firewalls: int                      # firewalls crossed on this path
    blocked: bool                       # some leg is blocked by the rules
    layers_from_internet: Optional[int]  # fewest firewalls, Internet -> store
    layers_behind_entry: Optional[int]   # fewest firewalls, public entry zone -> store


@dataclass(frozen=True)
class Cell:
    zone: str
    service: str
    port: int
    status: str                         # "open", "blocked", "same-zone", "no-path"


@dataclass(frozen=True)
class Zone:
    id: str
    label: str
    trust: Optional[str]


@dataclass(frozen=True)
class SegmentationResult:
    findings: tuple[Finding, ...] = ()
    paths: tuple[LatencyPath, ...] = ()
    zones: tuple[Zone, ...] = ()
    matrix: tuple[Cell, ...] = ()
    # What a person calls each id the findings and paths mention.
    labels: tuple[tuple[str, str], ...] = ()

    def label(self, cid: str) -> str:
        return self._labels.get(cid, cid)

    @property
    def _labels(self) -> dict[str, str]:
        found = self.__dict__.get("_label_map")
        if found is None:
            found = dict(self.labels)
            object.__setattr__(self, "_label_map", found)
        return found

    def open_findings(self) -> tuple[Finding, ...]:
        return tuple(f for f in self.findings if f.accepted is None)

    def counts(self, include_accepted: bool = False) -> dict[str, int]:
        shown = self.findings if include_accepted else self.open_findings()
        return {s: sum(1 for f in shown if f.severity == s) for s in SEVERITIES}

    def worst(self) -> Optional[str]:
        """The worst severity among open findings, or None."""
        ranks = [severity_rank(f.severity) for f in self.open_findings()]
        return SEVERITIES[min(ranks)] if ranks else None

    def to_json(self, text=None) -> dict:
        """Plain JSON data: "findings", "paths", "segmentation" (zones and
        matrix). `text(finding) -> (message, fix)` adds each finding's
        sentences (designer/report/result_json.py passes the report layer's)."""
        from .serialize import result_json
        return result_json(self, text)
