"""The check catalogue of segmentation findings (no Qt), worded as
Threagile's risk rules are: each check's title, why it matters (impact), what
the analysis looked at (detection), when it is a false positive, and the
general fix (mitigation). Finding-specific sentences: report/findings.py."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Check:
    title: str
    impact: str          # why it matters
    detection: str       # what the analysis looked at
    false_positive: str  # when it is fine
    mitigation: str      # the general fix


CHECKS: dict[str, Check] = {
    "internet-reaches-data-store": Check(
        "Data store reachable from the Internet",
        "Anyone on the Internet can try passwords and exploits against the data itself; "
        "no compromised server is needed first.",
        "A packet from the Internet to the data store's port passes every firewall on "
        "some network path.",
        "None for a database; a public object store is not a database role.",
        "Allow the data store's port only from the tier that uses it."),
    "internet-reaches-internal": Check(
        "Internet reaches a service that is not public in the DMZ",
        "Every service the Internet can reach is attack surface; only declared public "
        "services in the DMZ are meant to be.",
        "A packet from the Internet to the service's port passes every firewall on some "
        "path, and the service is not marked public or does not sit in a DMZ segment.",
        "The service is public on purpose: mark it public and put it in the DMZ.",
        "Narrow the edge firewall's allow rule to the public services in the DMZ."),
    "required-flow-blocked": Check(
        "Required flow blocked (the design does not work)",
        "A service cannot reach something it depends on, so the design fails the moment "
        "it is built as drawn.",
        "A dependency (or the Internet to a public service) on its port is denied by a "
        "rule or the default action of a firewall on every path.",
        "The dependency is drawn but not used over the network.",
        "Add an allow rule for this source, destination and port above any deny that "
        "matches it."),
    "web-reachable-beyond-proxy": Check(
        "Web tier reachable from beyond the proxy tier",
        "The proxy is meant to be the only way in; anything else that reaches the web "
        "tier skips it (and the filtering it does).",
        "A host outside the proxy tier (or the Internet), in another zone, reaches a "
        "web-role service's port.",
        "The other source is a monitoring or admin host that must reach it: accept "
        "the finding naming it.",
        "Allow the web port only from the proxy tier (name the tier as the source)."),
    "any-any-rule": Check(
        "Allow rule from any source to any destination",
        "An any-any allow turns the firewall into a cable for what it covers; lateral "
        "movement is free.",
        "A rule with source any, destination any and action allow.",
        "A temporary rule on a lab firewall.",
        "Replace it with rules naming source, destination and port."),
    "admin-port-open-to-any": Check(
        "Admin or database port open to any source",
        "SSH, RDP and database ports are the first things scanned and brute-forced.",
        "An allow rule with source any whose ports include 22, 3389, 1433, 3306, 5432, "
        "6379 or 27017.",
        "Every possible source is already trusted (rare).",
        "Name the source: a management segment or the tier that needs the port."),
    "management-exposed": Check(
        "Management ports open to an untrusted zone",
        "Management protocols (SSH, telnet, RDP, WinRM, SNMP, IPMI) hand over the whole "
        "host when a password or a bug gives way.",
        "A packet from the Internet or a DMZ to port 22, 23, 3389, 5985-5986, 161-162 "
        "or 623 of a host in another zone passes every firewall on some path.",
        "The host does not run that protocol at all.",
        "Reach management ports only from a management segment or a bastion."),
    "no-default-deny": Check(
        "Firewall without default deny",
        "Whatever no rule mentions passes, including every new service and port.",
        "The firewall's default action is allow.",
        "None; a firewall that allows by default is a router.",
        "Set the default action to deny and add the allow rules the design needs."),
    "rule-shadowed": Check(
        "Shadowed rule (never matches)",
        "The rule does nothing: an earlier rule with the other action catches all of its "
        "traffic, so what someone meant to allow or deny does not happen.",
        "Every packet the rule matches is matched first by an earlier rule with the "
        "other action (Al-Shaer and Hamed: shadowing).",
        "None: at best the rule is dead text.",
        "Move the rule above the one that shadows it, or delete it."),
    "rule-redundant": Check(
        "Redundant rule",
        "Dead rules make a rule list longer and harder to review.",
        "Another rule covers this one with the same action (Al-Shaer and Hamed: "
        "redundancy).",
        "Kept on purpose as documentation.",
        "Delete the redundant rule."),
    "rule-generalisation": Check(
        "Rule generalises an earlier one",
        "Usually intended (an exception above a general rule), but worth a look: the "
        "order decides what the exception means.",
        "A later rule covers an earlier rule with the other action (Al-Shaer and "
        "Hamed: generalisation).",
        "The earlier rule is a deliberate exception.",
        "Keep the exception above the general rule; say so in the comment."),
    "rule-correlated": Check(
        "Correlated rules",
        "Two rules overlap partly with different actions, so their order silently "
        "decides the overlap.",
        "Two rules share some traffic, neither covers the other, and their actions "
        "differ (Al-Shaer and Hamed: correlation).",
        "The overlap is understood and the order is right.",
        "Split the rules so they do not overlap, or state the overlap in a comment."),
    "too-few-layers": Check(
        "Too few layers in front of a data store",
        "With fewer than two firewalls between the Internet and the data, one mistake "
        "or one compromised host is enough to reach it.",
        "Fewest firewalls on any network path from the Internet to the data store "
        "(rules ignored), and from the zone of the public services.",
        "None for data that matters.",
        "Put the data store in its own segment behind a firewall that admits only the "
        "tier that uses it."),
    "segments-joined": Check(
        "Segments joined without a firewall",
        "Two zones on one switch or router fabric are one zone: the segmentation is only "
        "drawn.",
        "Members of both zones sit in one network island (switches, routers, load "
        "balancers) with no firewall between them.",
        "A router with ACLs that the design does not model.",
        "Put a firewall between the zones, or move the member into its own zone."),
    "data-outbound-open": Check(
        "Unrestricted outbound traffic from the data segment",
        "A compromised data server can send the data anywhere and take orders from "
        "anywhere (exfiltration, command and control).",
        "Packets from the data zone to the Internet pass on every port.",
        "None for a data segment.",
        "Deny outbound from the data segment; allow only named update mirrors."),
    "spof-sole-firewall": Check(
        "Firewall is a single point of failure and the only layer in front of data",
        "One box both keeps the data available and keeps attackers out: its failure "
        "stops the service, its compromise or misconfiguration exposes the data.",
        "The firewall is a SPOF (engine I) and the only firewall on the shortest "
        "(fewest-firewall) path from the Internet to a data store.",
        "None.",
        "Add a second firewall as an HA pair and a second layer in front of the data."),
}
