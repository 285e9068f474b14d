"""Security fixes that cost something (issue 12 item 6): the segmentation
findings' remedies that add hardware, priced like the planner's candidates
and checked by analysing the edited design. No Qt.

A remedy "ha_pair" is the planner's own second-device candidate; a
"new_segment" on a server is drawn by segmentation/new_segment.py. Each
drawn fix is applied to the design and analysed again: which open findings
it resolves (or brings), and its availability after (from the availability
analysis, never a formula; a new firewall in the path lowers it). A fix
that cannot be drawn (a zone-wide new segment) gets an estimated price, a
firewall and a switch at the kind prices, and says so. Rule edits cost no
hardware and are not listed here (the Problems panel has them).
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Optional

from designer.model import Component, Design, DesignError, DesignErrors, Kind
from designer.model.patch import Patch, apply_patch

from .candidate import Candidate
from .evaluate import Analyser, Cost, Figures, cost_of

COSTED = ("ha_pair", "new_segment")
MAX_DRAWN = 20          # fixes applied and analysed; the rest are left out and counted
NOT_DRAWN_ZONE = "zone"          # why an estimate: the subject is a zone
NOT_DRAWN_CABLING = "cabling"    # ... a host not on exactly one switch
NOT_DRAWN_INVALID = "invalid"    # ... the drawn edit does not make a valid design


@dataclass(frozen=True)
class SecurityFix:
    action: str                          # "ha_pair" or "new_segment"
    subject: str                         # the firewall to pair, the host or zone to move
    findings: tuple[str, ...]            # open findings that ask for this fix
    severity: str                        # the worst of them
    cost: Cost
    candidate: Optional[Candidate] = None   # the edit; None: the cost is an estimate
    resolves: tuple[str, ...] = ()       # open findings gone after the edit
    introduces: tuple[str, ...] = ()     # open findings the edit brings
    before: Optional[Figures] = None
    after: Optional[Figures] = None
    not_drawn: str = ""                  # NOT_DRAWN_* when candidate is None

    @property
    def estimate(self) -> bool:
        return self.candidate is None

    @property
    def changes_availability(self) -> bool:
        return (self.after is not None and self.before is not None
                and self.after.unavailability != self.before.unavailability)


@dataclass(frozen=True)
class SecurityFixes:
    fixes: tuple[SecurityFix, ...] = ()
    left_out: int = 0                    # drawn fixes past MAX_DRAWN, not analysed
    rule_edits: int = 0                  # open findings fixed by rule edits alone


def security_fixes(design: Design, segmentation=None, today=None,
                   cancelled: Callable[[], bool] | None = None) -> SecurityFixes:
    """The costed fixes of `design`'s open segmentation findings, worst
    finding first, then cheapest."""
    from designer.analysis.segmentation import analyze_segmentation
    from designer.analysis.segmentation.result import severity_rank
    seg = segmentation or analyze_segmentation(design, today=today, with_matrix=False)
    opened = seg.open_findings()
    wanted: dict[tuple, list] = {}
    for finding in opened:
        for remedy in finding.remedies:
            if remedy.action in COSTED:
                wanted.setdefault((remedy.action, remedy.subject, remedy.detail), []).append(finding)
    rule_edits = sum(1 for f in opened if f.remedies
                     and all(r.action == "edit_rules" for r in f.remedies))
    analyser, fixes, left_out = None, [], 0
    for (action, subject, detail), asking in wanted.items():
        if cancelled and cancelled():
            break
        ids = tuple(f.id for f in asking)
        worst = min((f.severity for f in asking), key=severity_rank)
        candidate, why = _drawn(design, action, subject, detail)
        if candidate is not None and len([f for f in fixes if f.candidate]) >= MAX_DRAWN:
            left_out += 1
            continue
        if candidate is None:
            fixes.append(SecurityFix(action, subject, ids, worst, _estimate(design),
                                     not_drawn=why))
            continue
        analyser = analyser or Analyser(design)
        fixes.append(_checked(design, action, subject, ids, worst, candidate, analyser,
                              {f.id for f in opened}, today))
    fixes.sort(key=lambda f: (severity_rank(f.severity), f.estimate, f.cost.horizon_total))
    return SecurityFixes(tuple(fixes), left_out, rule_edits)


def _drawn(design: Design, action: str, subject: str, detail: str):
    """(Candidate, "") or (None, why not)."""
    from designer.analysis.segmentation.new_segment import new_segment
    from .network_edits import second_device
    comp = design.by_id.get(subject)
    if comp is None:
        return None, NOT_DRAWN_INVALID
    if action == "ha_pair":
        found = second_device(design, subject, set())
        return (found[0], "") if found else (None, NOT_DRAWN_INVALID)
    if comp.kind is Kind.SEGMENT:
        return None, NOT_DRAWN_ZONE
    drawn = new_segment(design, subject, detail)
    return (drawn, "") if drawn is not None else (None, NOT_DRAWN_CABLING)


def _checked(design, action, subject, ids, worst, candidate, analyser, open_before,
             today) -> SecurityFix:
    from designer.analysis.segmentation import analyze_segmentation
    cost = cost_of(candidate.patch, design.settings)
    try:
        edited = apply_patch(design, candidate.patch)
    except (DesignError, DesignErrors):
        return SecurityFix(action, subject, ids, worst, cost, not_drawn=NOT_DRAWN_INVALID)
    after = {f.id for f in analyze_segmentation(edited, today=today,
                                                with_matrix=False).open_findings()}
    figures, _importance = analyser.figures(edited)
    return SecurityFix(action, subject, ids, worst, cost, candidate,
                       resolves=tuple(sorted(open_before - after)),
                       introduces=tuple(sorted(after - open_before)),
                       before=analyser.base, after=figures)


def _estimate(design: Design) -> Cost:
    """A firewall and a switch at the design's prices for their kinds."""
    parts = (Component(id="estimate-firewall", kind=Kind.FIREWALL),
             Component(id="estimate-switch", kind=Kind.SWITCH))
    return cost_of(Patch(add_components=parts, text="estimate"), design.settings)
