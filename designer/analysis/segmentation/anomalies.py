"""Checks over rule lists (ANALYSIS.md section 6, checks 5-8). No Qt.

Rule anomalies follow Al-Shaer and Hamed ("Firewall Policy Advisor", 2004):
with rules i before j, each a region of (source, destination, protocol,
port), j is *shadowed* when i covers it with the other action (j never
matches), *redundant* when i covers it with the same action; j is a
*generalisation* when it covers i with the other action, and the two are
*correlated* when they overlap partly with different actions. Like Batfish's
filterLineReachability, a finding names the line and the line(s) before it
that cause it. Sides are compared as address sets: a segment is its hosts
plus the rest of its addresses, a tier or service its hosts, "any" all.
"""
from __future__ import annotations

from .context import Context, facts, make
from .coverage import hidden_by
from .result import Finding, Remedy, RuleRef
from .rules import Rule, Side

# Admin and database ports that should never be open to any source.
ADMIN_DB_PORTS = (22, 3389, 1433, 3306, 5432, 6379, 27017)


def rule_checks(ctx: Context) -> list[Finding]:
    found: list[Finding] = []
    for fw in ctx.topo.firewalls:
        if ctx.book.default_allow[fw]:
            found.append(make("no-default-deny", fw, "high", [fw], facts=facts(firewall=fw),
                              remedies=(Remedy("edit_rules", fw),)))
        rules = ctx.book.rules[fw]
        for rule in rules:
            found.extend(_permissive(fw, rule))
        found.extend(anomalies(fw, rules, _atoms(ctx), _universe(ctx)))
    return found


def _permissive(fw: str, rule: Rule) -> list[Finding]:
    """5: any-any allow; 6: admin or database ports open to any source."""
    if not rule.allow or not rule.source.any:
        return []
    line = f"{fw}#{rule.index + 1}"
    ref = (RuleRef(fw, rule.index),)
    every_port = (rule.low, rule.high) == (1, 65535)
    if rule.destination.any:
        return [make("any-any-rule", line, "high" if every_port else "medium", [fw],
                     rules=ref, facts=facts(firewall=fw, rule=rule.index + 1,
                                            ports=_ports(rule)),
                     remedies=(Remedy("edit_rules", fw),))]
    opened = [p for p in ADMIN_DB_PORTS if rule.low <= p <= rule.high
              and "tcp" in rule.protocols]
    if not opened:
        return []
    return [make("admin-port-open-to-any", line, "high", [fw, rule.destination.spec],
                 rules=ref, facts=facts(firewall=fw, rule=rule.index + 1,
                                        ports=", ".join(map(str, opened)),
                                        destination=rule.destination.spec),
                 remedies=(Remedy("edit_rules", fw),))]


def _ports(rule: Rule) -> str:
    if (rule.low, rule.high) == (1, 65535):
        return "any port"
    return str(rule.low) if rule.low == rule.high else f"{rule.low}-{rule.high}"


# -- Al-Shaer and Hamed ---------------------------------------------------------
ALL = None      # the address set of "any"


def _atoms(ctx: Context):
    """Side -> set of address atoms (None = everything)."""
    cache: dict[str, frozenset | None] = {}

    def atoms(side: Side):
        if side.spec not in cache:
            if side.any:
                cache[side.spec] = ALL
            elif side.zone is not None:
                hosts = ctx.topo.hosts_in.get(side.zone, ())
                cache[side.spec] = frozenset({("zone", side.zone)} |
                                             {("host", h) for h in hosts})
            else:
                cache[side.spec] = frozenset(("host", h) for h in side.hosts)
        return cache[side.spec]
    return atoms


def _sub(a, b) -> bool:
    return b is ALL or (a is not ALL and a <= b)


def _meets(a, b) -> bool:
    if a is ALL:
        return b is ALL or bool(b)
    return bool(a) if b is ALL else bool(a & b)


def _covers(outer: Rule, inner: Rule, atoms) -> bool:
    return (_sub(atoms(inner.source), atoms(outer.source))
            and _sub(atoms(inner.destination), atoms(outer.destination))
            and inner.protocols <= outer.protocols
            and outer.low <= inner.low and inner.high <= outer.high)


def _overlap(a: Rule, b: Rule, atoms) -> bool:
    return (_meets(atoms(a.source), atoms(b.source))
            and _meets(atoms(a.destination), atoms(b.destination))
            and bool(a.protocols & b.protocols)
            and a.low <= b.high and b.low <= a.high)


def _universe(ctx: Context) -> frozenset:
    """Every address atom: each zone's other addresses, each host."""
    zones = {*ctx.topo.zone_ids, None}
    return frozenset({("zone", z) for z in zones} | {("host", h) for h in ctx.topo.hosts})


def anomalies(fw: str, rules: list[Rule], atoms, universe: frozenset) -> list[Finding]:
    """Each rule with its worst anomaly: hidden by one earlier rule, else by
    several together, else its first generalisation, redundancy or
    correlation against an earlier rule."""
    found = []
    for j, later in enumerate(rules):
        kind = _hidden(rules, j, atoms, universe) or _other(rules, j, atoms)
        if kind is None:
            continue
        check, severity, causes, subject = kind
        found.append(make(
            check, f"{fw}#{subject.index + 1}", severity, [fw],
            rules=tuple(RuleRef(fw, r.index) for r in sorted((*causes, subject),
                                                            key=lambda r: r.index)),
            facts=facts(firewall=fw, rule=subject.index + 1,
                        by=", ".join(str(c.index + 1) for c in causes),
                        action=_action(subject), other=_actions(causes)),
            remedies=(Remedy("edit_rules", fw),)))
    return found


def _action(rule: Rule) -> str:
    return "allow" if rule.allow else "deny"


def _actions(rules: list[Rule]) -> str:
    return "/".join(sorted({_action(r) for r in rules}))


def _hidden(rules: list[Rule], j: int, atoms, universe: frozenset):
    """Rule j never matches: one earlier rule covers it, or several do."""
    later = rules[j]
    causes = next(([r] for r in rules[:j] if _covers(r, later, atoms)), None)
    if causes is None:
        def concrete(side):
            found = atoms(side)
            return universe if found is ALL else found
        causes = hidden_by(later, rules[:j], concrete)
    if causes is None:
        return None
    if all(r.allow == later.allow for r in causes):
        return "rule-redundant", "low", causes, later
    # A shadowed deny lets through what someone meant to block.
    return "rule-shadowed", "high" if not later.allow else "medium", causes, later


def _other(rules: list[Rule], j: int, atoms):
    later = rules[j]
    for i, earlier in enumerate(rules[:j]):
        if _covers(later, earlier, atoms):
            if earlier.allow != later.allow:
                return "rule-generalisation", "low", [earlier], later
            between = rules[i + 1:j]
            if not any(r.allow != earlier.allow and _overlap(r, earlier, atoms)
                       for r in between):
                return "rule-redundant", "low", [later], earlier
        elif earlier.allow != later.allow and _overlap(earlier, later, atoms):
            return "rule-correlated", "low", [earlier], later
    return None
