"""Security fixes that cost something, in words and figures: the
`security_fixes` key of `analyze --mitigations --json`, the plain-text
lines, and the cost panel's "Security fixes" rows and summary. No Qt."""
from __future__ import annotations

import re
from typing import Callable, Optional

from designer.analysis.mitigation.security import (NOT_DRAWN_CABLING, NOT_DRAWN_INVALID,
                                                   NOT_DRAWN_ZONE, SecurityFix, SecurityFixes)

from .cost import money
from .finding_checks import CHECKS

Name = Callable[[str], str]
_ACTIONS = {"ha_pair": "Second firewall (HA pair)", "new_segment": "New segment"}
_NOT_DRAWN = {
    NOT_DRAWN_ZONE: "where the new boundary goes in a zone depends on its traffic",
    NOT_DRAWN_CABLING: "the host is not cabled to exactly one switch",
    NOT_DRAWN_INVALID: "the drawn edit would not make a valid design",
}


def check_title(finding_id: str) -> str:
    check = finding_id.split("@", 1)[0]
    return CHECKS[check].title if check in CHECKS else check


def finding_words(finding_id: str, name: Name = str) -> str:
    """A finding's id (`check@subject`, segmentation/context.make) as a
    person reads it: "Data store reachable from the Internet: PostgreSQL
    (Database A), port 5432". The subject's ids (joined by ">" or "+")
    are named; a port closes it. With the default `name`, the ids stay."""
    _check, _, subject = finding_id.partition("@")
    base, colon, port = subject.rpartition(":")
    if not (colon and port.isdigit()):
        base, port = subject, ""
    named = re.sub(r"[^>+]+", lambda part: name(part.group(0)), base)
    named = named.replace(">", " > ").replace("+", " + ")
    what = named + (f", port {port}" if port else "")
    return f"{check_title(finding_id)}: {what}" if what else check_title(finding_id)


def description(fix: SecurityFix, name: Name = str) -> str:
    if fix.candidate is not None:
        return fix.candidate.description
    what = (f"Put {name(fix.subject)} in a new segment behind a new firewall"
            if fix.action == "new_segment" else f"Pair {name(fix.subject)} with a second unit")
    return f"{what} (no edit drawn: {_NOT_DRAWN.get(fix.not_drawn, fix.not_drawn)})"


def cost_text(fix: SecurityFix, currency: str) -> str:
    c = fix.cost
    text = (f"+{money(c.capex, currency)} and {money(c.opex_monthly, currency)}/month "
            f"({money(c.horizon_total, currency)} over the horizon)")
    return ("about " + text + ", estimated: a firewall and a switch at the kind prices"
            if fix.estimate else text)


def availability_text(fix: SecurityFix) -> str:
    """Availability before -> after, from analysing the edited design."""
    from .plan import figure, percent
    if fix.after is None:
        return "not analysed (no edit drawn)"
    if not fix.changes_availability:
        return f"unchanged ({figure(fix.after)})"
    return f"{percent(fix.before.availability)} -> {figure(fix.after)}"


def resolves_text(fix: SecurityFix, name: Name = str) -> str:
    if fix.estimate:
        return "not checked (no edit drawn)"
    if not fix.resolves:
        text = "none of the findings"
    elif set(fix.resolves) == set(fix.findings):        # the row's own: not said twice
        text = "its finding" if len(fix.findings) == 1 else f"its {len(fix.findings)} findings"
    else:
        text = "; ".join(_again(f, fix, name) for f in fix.resolves)
    if fix.introduces:
        text += "; brings " + "; ".join(finding_words(f, name) for f in fix.introduces)
    return text


def _again(finding_id: str, fix: SecurityFix, name: Name) -> str:
    """A finding the row already words in full: its check's title will do."""
    return check_title(finding_id) if finding_id in fix.findings else finding_words(finding_id, name)


def row(fix: SecurityFix, currency: str, name: Name = str) -> list[str]:
    """The panel's cells: finding, fix, cost, availability after, resolves."""
    findings = "; ".join(finding_words(f, name) for f in fix.findings)
    return [f"{fix.severity.capitalize()}: {findings}", description(fix, name),
            short_cost(fix, currency), availability_text(fix), resolves_text(fix, name)]


def short_cost(fix: SecurityFix, currency: str) -> str:
    """Purchase + monthly = over the horizon, in a table cell."""
    c = fix.cost
    text = (f"{money(c.capex, currency)} + {money(c.opex_monthly, currency)}/month = "
            f"{money(c.horizon_total, currency)}")
    return f"about {text} (estimate)" if fix.estimate else text


def fix_json(fix: SecurityFix, name: Name = str) -> dict:
    c = fix.cost
    return {"action": fix.action, "subject": fix.subject, "findings": list(fix.findings),
            "severity": fix.severity, "description": description(fix, name),
            "edit": fix.candidate is not None, "estimate": fix.estimate,
            "cost": {"capex": c.capex, "opex_monthly": c.opex_monthly,
                     "horizon_total": c.horizon_total},
            "resolves": list(fix.resolves), "introduces": list(fix.introduces),
            "availability_before": fix.before.availability if fix.before else None,
            "availability_after": fix.after.availability if fix.after else None}


def fixes_json(found: Optional[SecurityFixes]) -> dict:
    """The `security_fixes` key (and how many were left out)."""
    if found is None:
        return {}
    return {"security_fixes": [fix_json(f) for f in found.fixes],
            "security_fixes_summary": summary(found)}


def summary(found: Optional[SecurityFixes]) -> str:
    if found is None:
        return ""
    fixes = found.fixes
    drawn = sum(1 for f in fixes if not f.estimate)
    text = ("No open segmentation finding needs hardware to fix." if not fixes else
            f"{len(fixes)} security fix{'es' if len(fixes) != 1 else ''} cost something: "
            f"{drawn} drawn as an edit you can apply (its findings and availability "
            f"checked by analysing the edited design), {len(fixes) - drawn} priced as an "
            f"estimate. They buy security, not availability, so they are listed beside "
            f"the plan rather than in it.")
    if found.left_out:
        text += f" {found.left_out} more were not analysed (limit reached)."
    if found.rule_edits:
        text += (f" {found.rule_edits} finding{'s' if found.rule_edits != 1 else ''} "
                 f"need{'s' if found.rule_edits == 1 else ''} only rule edits, which cost "
                 f"no hardware (see the Problems panel).")
    return text


def text_lines(found: Optional[SecurityFixes], currency: str, name: Name = str) -> list[str]:
    if found is None:
        return []
    lines = ["Security fixes that cost something (each checked on the edited design):"]
    for n, fix in enumerate(found.fixes, 1):
        finding, what, _cost, availability, resolves = row(fix, currency, name)
        lines += [f"  {n:>2}. {what}", f"      for {finding}", f"      {cost_text(fix, currency)}",
                  f"      resolves: {resolves}; availability {availability}"]
    lines.append("  " + summary(found))
    return lines
