"""The words of segmentation findings (no Qt): each check's title, why it
matters, how it is detected, when it is a false positive and how to fix it,
as Threagile's risk rules read; and each finding's one-line message, its
evidence and the latency of each request path. The Problems panel, the
matrix dock, the status bar, the CLI and the JSON all use these."""
from __future__ import annotations

from typing import Callable, Mapping, Optional

from designer.analysis.segmentation.result import (SEVERITIES, Finding, LatencyPath,
                                                   SegmentationResult)

from .finding_checks import CHECKS, Check

Name = Callable[[str], str]
__all__ = ["CHECKS", "Check", "SEVERITY_TITLES", "check_info", "title", "message", "fix",
           "finding_text", "acceptance_line", "evidence_lines", "count_line", "path_line",
           "layers_line", "names_from", "text_lines"]


SEVERITY_TITLES = {"critical": "Critical", "high": "High", "medium": "Medium", "low": "Low"}


def check_info(check: str) -> Check:
    return CHECKS[check]


def title(finding: Finding) -> str:
    return CHECKS[finding.check].title


def _rule(finding: Finding, name: Name) -> str:
    return f"rule {finding.fact('rule')} of {name(finding.fact('firewall'))}"


def message(finding: Finding, name: Name = str) -> str:
    """One sentence: what is wrong, about what."""
    f, c = finding.fact, finding.check
    if c == "internet-reaches-data-store":
        return (f"The Internet reaches data store {name(f('service'))} on port "
                f"{f('port')} ({f('zone')}).")
    if c == "internet-reaches-internal":
        return (f"The Internet reaches {name(f('service'))} on port {f('port')}, which is "
                f"{f('reason')} ({f('zone')}).")
    if c == "required-flow-blocked":
        how = ("its default deny" if f("rule") == "default" else f"rule {f('rule')}")
        return (f"{name(f('client'))} cannot reach {name(f('server'))} on port "
                f"{f('port')}: {name(f('firewall'))} blocks it with {how}.")
    if c == "web-reachable-beyond-proxy":
        more = f" and {f('more')} more" if f("more", "0") != "0" else ""
        return (f"{name(f('service'))} (port {f('port')}) is reachable from "
                f"{f('sources')}{more}, not only from the proxy tier.")
    if c == "any-any-rule":
        return f"{_rule(finding, name)} allows any source to any destination ({f('ports')})."
    if c == "admin-port-open-to-any":
        return (f"{_rule(finding, name)} opens port {f('ports')} on "
                f"{name(f('destination'))} to any source.")
    if c == "management-exposed":
        return (f"{f('source')} reaches management ports {f('ports')} on {f('hosts')} "
                f"host(s) in {f('zone')}, e.g. {name(f('example'))}.")
    if c == "no-default-deny":
        return f"{name(f('firewall'))} allows whatever no rule mentions."
    if c in ("rule-shadowed", "rule-redundant", "rule-generalisation", "rule-correlated"):
        verb = {"rule-shadowed": "is shadowed by", "rule-redundant": "is redundant with",
                "rule-generalisation": "generalises", "rule-correlated":
                "overlaps partly, with the other action, with"}[c]
        several = "," in f("by")
        return (f"{_rule(finding, name)} ({f('action')}) {verb} rule{'s' if several else ''} "
                f"{f('by')} ({f('other')}){' together' if several else ''}.")
    if c == "too-few-layers":
        if f("in_entry_zone") == "true":
            return (f"Data store {name(f('service'))} sits in {f('zone')} with the public "
                    f"services: no firewall stands between a compromised public host "
                    f"and the data.")
        return (f"Only {f('layers')} firewall(s) between the Internet and data store "
                f"{name(f('service'))}; at least 2 are needed.")
    if c == "segments-joined":
        return (f"{f('first')} and {f('second')} are joined without a firewall "
                f"(through {f('via')}).")
    if c == "data-outbound-open":
        return f"{f('zone')} can connect to the Internet on every port."
    if c == "spof-sole-firewall":
        return (f"{name(f('firewall'))} is a single point of failure and the only "
                f"firewall in front of {name(f('service'))}.")
    return CHECKS[c].title


def fix(finding: Finding, name: Name = str) -> str:
    f, c = finding.fact, finding.check
    if c == "required-flow-blocked":
        return (f"On {name(f('firewall'))}, allow {name(f('client'))} to "
                f"{name(f('server'))} on port {f('port')} above any rule that denies it.")
    if c == "rule-shadowed":
        return (f"Move rule {f('rule')} above rule(s) {f('by')} on "
                f"{name(f('firewall'))}, or delete it.")
    if c == "rule-redundant":
        return f"Delete rule {f('rule')} on {name(f('firewall'))}."
    if c == "spof-sole-firewall":
        return (f"Add a second firewall beside {name(f('firewall'))} as an HA pair, and a "
                f"second firewall layer in front of {name(f('service'))}.")
    return CHECKS[c].mitigation


def finding_text(finding: Finding, name: Name = str) -> tuple[str, str]:
    """(message, fix): the sentences `analyze --json` carries."""
    return message(finding, name), fix(finding, name)


def acceptance_line(finding: Finding) -> str:
    if finding.accepted is not None:
        until = (f" until {finding.accepted.expires.isoformat()}"
                 if finding.accepted.expires else "")
        return (f"Accepted by {finding.accepted.owner}{until}: "
                f"{finding.accepted.justification}")
    if finding.expired_on is not None:
        return f"Acceptance expired on {finding.expired_on.isoformat()}: open again."
    return ""


def evidence_lines(finding: Finding, name: Name = str) -> list[str]:
    """The path hop by hop, with the rule that allowed or blocked each
    firewall, and the example packet."""
    ev = finding.evidence
    lines = []
    if ev.packet is not None:
        p = ev.packet
        source = name(p.source_host) if p.source_host else name(p.source_zone or "")
        target = name(p.destination_host) if p.destination_host else name(
            p.destination_zone or "")
        lines.append(f"Example packet: {p.protocol.upper()} from {source} to {target} "
                     f"port {p.port}")
    for hop in ev.hops:
        if hop.action == "pass":
            continue
        how = "default action" if hop.rule is None else f"rule {hop.rule + 1}"
        lines.append(f"{name(hop.component)}: {hop.action} ({how})")
    if ev.path:
        lines.append("Path: " + " > ".join(name(c) for c in ev.path))
    return lines


def count_line(result: Optional[SegmentationResult]) -> str:
    """The status bar's words for the open findings."""
    if result is None:
        return ""
    counts = result.counts()
    total = sum(counts.values())
    if total == 0:
        return "No open finding"
    parts = [f"{counts[s]} {s}" for s in SEVERITIES if counts[s]]
    return f"{total} finding{'s' if total != 1 else ''} ({', '.join(parts)})"


def path_line(path: LatencyPath, name: Name = str) -> str:
    chain = " > ".join(name(s) for s in path.chain)
    blocked = "; blocked by a rule" if path.blocked else ""
    return (f"Internet > {chain}: {path.latency_ms:.3f} ms added over "
            f"{len(path.hops)} hops, {path.firewalls} firewall hop(s){blocked}")


def layers_line(path: LatencyPath, name: Name = str) -> str:
    def n(value):
        return "no path" if value is None else str(value)
    return (f"{name(path.data_store)}: {n(path.layers_from_internet)} firewall(s) from "
            f"the Internet, {n(path.layers_behind_entry)} behind the public entry")


def names_from(mapping: Mapping[str, str]) -> Name:
    return lambda cid: mapping.get(cid, cid)


def text_lines(result: Optional[SegmentationResult], shown: int = 100) -> list[str]:
    """The segmentation part of `weaklink analyze`'s text report."""
    if result is None:
        return []
    name = result.label
    lines = ["Segmentation findings: " + count_line(result)]
    for finding in result.findings[:shown]:
        state = " [accepted]" if finding.accepted else ""
        lines.append(f"  - {SEVERITY_TITLES[finding.severity]}{state}: "
                     f"{message(finding, name)} ({finding.id})")
        lines.append(f"      fix: {fix(finding, name)}")
    if len(result.findings) > shown:
        lines.append(f"  ... and {len(result.findings) - shown} more (use --json for all)")
    if result.paths:
        lines += ["", "Request paths from the Internet to each data store:"]
        for path in result.paths:
            lines.append("  - " + path_line(path, name))
            lines.append("      " + layers_line(path, name))
    return lines
