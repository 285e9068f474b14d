"""Segmentation findings and request paths on generated designs (medians).

`analyze_segmentation(design, spofs=...)` with the SPOF ids given (the live
pass hands over engine I's; its time is in bench_engine): topology, rules,
every check, the latency paths and the reachability matrix. Two designs per
size: the generator's as it is (firewalls with no rules, no segments), and
the same with segments and rules added (`segmented`): proxies in a DMZ, web
and database servers in their own segments, edge rules for 80/443, so that
every check has work to do and many findings come out.
"""
from __future__ import annotations

import os
import platform

from benchmarks import median_seconds
from benchmarks.generate import generate
from designer.analysis.segmentation import analyze_segmentation
from designer.model import Component, Design, FirewallRule, Kind, ServiceRole, Trust

SIZES = (1000, 5000)
BUDGET_MS = {1000: 500, 5000: 2000}
ZONES = (("seg-dmz", Trust.DMZ, ServiceRole.PROXY), ("seg-web", Trust.INTERNAL,
                                                      ServiceRole.WEB),
         ("seg-db", Trust.DATA, ServiceRole.DATABASE))
RULES = (FirewallRule(destination="seg-dmz", port=443),
         FirewallRule(destination="seg-dmz", port=80),
         FirewallRule(source="seg-dmz", destination="seg-web", port=8080),
         FirewallRule(source="seg-web", destination="seg-db", port=5432))


def segmented(design: Design) -> Design:
    """Segments by role, roles and ports on the services, rules on the firewalls."""
    tier_role = {"proxy": ServiceRole.PROXY, "web": ServiceRole.WEB, "db": ServiceRole.DATABASE}
    ports = {ServiceRole.PROXY: (443,), ServiceRole.WEB: (8080,), ServiceRole.DATABASE: (5432,)}
    zone_of = {role: seg for seg, _, role in ZONES}
    role_of_host = {}
    comps = [Component(id=seg, kind=Kind.SEGMENT, trust=trust) for seg, trust, _ in ZONES]
    for comp in design.components:
        if comp.kind is Kind.SERVICE and comp.tier:
            role = tier_role[comp.tier.rsplit("-", 1)[1]]
            role_of_host[comp.parent] = role
            comp = comp.model_copy(update=dict(role=role, ports=ports[role],
                                               public=role is ServiceRole.PROXY))
        comps.append(comp)
    final = []
    for comp in comps:
        if comp.kind is Kind.SERVER and comp.id in role_of_host:
            comp = comp.model_copy(update=dict(segment=zone_of[role_of_host[comp.id]]))
        elif comp.kind is Kind.FIREWALL:
            comp = comp.model_copy(update=dict(rules=RULES))
        final.append(comp)
    return Design(settings=design.settings, components=tuple(final), links=design.links)


def main() -> None:
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, Python "
          f"{platform.python_version()} (shared with other jobs: figures are upper bounds)")
    for n in SIZES:
        for label, design in (("as generated", generate(n)),
                              ("segmented", segmented(generate(n)))):
            result = analyze_segmentation(design, spofs=[])
            ms = median_seconds(lambda d=design: analyze_segmentation(d, spofs=[]), 5) * 1e3
            verdict = "ok" if ms <= BUDGET_MS[n] else "OVER BUDGET"
            print(f"{n:>6} components, {label:<12}: {ms:8.1f} ms median "
                  f"(budget {BUDGET_MS[n]} ms, {verdict}); {len(result.findings)} findings, "
                  f"{len(result.paths)} paths, {len(result.matrix)} matrix cells")


if __name__ == "__main__":
    main()
