"""Fixes of findings that can be drawn for the user: the ones that add
hardware, as the cost planner's own candidates (analysis/mitigation), so a
fix applied from a finding is the same edit, at the same price, as the plan
would propose. No Qt.

"ha_pair" is drawn as a second firewall wired like the first
(`mitigation.generators.second_device`); "new_segment" for a server on one
switch as that server behind a new firewall in a segment of its own
(new_segment.py); a zone-wide "new_segment" depends on where the new
boundary should go, and "edit_rules" on what the traffic needs, so they
stay sentences for a person (mitigation/security.py prices the zone case).
"""
from __future__ import annotations

from designer.model import Design

from .result import Finding


def fix_candidates(design: Design, finding: Finding) -> list:
    """Mitigation Candidates (action, description, targets, patch) for the
    finding's drawable remedies, in the finding's order."""
    from designer.analysis.mitigation.generators import second_device

    from .new_segment import new_segment
    found = []
    for remedy in finding.remedies:
        if remedy.action == "ha_pair" and remedy.subject in design.by_id:
            found.extend(second_device(design, remedy.subject, set()))
        elif remedy.action == "new_segment":
            drawn = new_segment(design, remedy.subject, remedy.detail)
            found.extend([drawn] if drawn is not None else [])
    return found
