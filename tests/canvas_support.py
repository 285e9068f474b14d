"""Shared fixtures for the canvas tests: a small but complete design and a
view built from a Document, offscreen."""
from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from designer.model import Component, Design, Kind, Link, LinkKind, Trust  # noqa: E402


def comp(cid: str, kind: Kind, x: float = 0, y: float = 0, **props) -> Component:
    return Component(id=cid, kind=kind, label=props.pop("label", cid), x=x, y=y, **props)


def sample_design() -> Design:
    """A site with a rack of two web servers (PSUs, NICs, services in a tier),
    a DMZ segment, a switch, a UPS fed by a utility feed, and the Internet."""
    c = [
        comp("dc", Kind.SITE, 0, 0, label="Frankfurt DC", width=900, height=560),
        comp("dmz", Kind.SEGMENT, 520, 60, parent="dc", width=340, height=220,
             trust=Trust.DMZ, label="DMZ"),
        comp("rack", Kind.RACK, 40, 60, parent="dc", width=420, height=440),
        comp("web-1", Kind.SERVER, 20, 50, parent="rack", width=180, height=110),
        comp("web-2", Kind.SERVER, 220, 50, parent="rack", width=180, height=110),
        comp("db-1", Kind.SERVER, 20, 250, parent="rack", width=180, height=110),
        comp("psu-1a", Kind.PSU, parent="web-1"), comp("psu-1b", Kind.PSU, parent="web-1"),
        comp("nic-1", Kind.NIC, parent="web-1"), comp("nic-2", Kind.NIC, parent="web-2"),
        comp("disk-1", Kind.DISK, parent="db-1"),
        comp("tier-web", Kind.TIER, 0, 0, quorum=1, label="web tier"),
        comp("app-1", Kind.SERVICE, 20, 40, parent="web-1", tier="tier-web", label="shop"),
        comp("app-2", Kind.SERVICE, 20, 40, parent="web-2", tier="tier-web", label="shop"),
        comp("db", Kind.SERVICE, 20, 40, parent="db-1", label="postgres"),
        comp("sw", Kind.SWITCH, 40, 60, parent="dc", segment="dmz"),
        comp("ups", Kind.UPS, 560, 400, parent="dc"),
        comp("feed", Kind.UTILITY_FEED, 560, 620),
        comp("inet", Kind.INTERNET, 1000, 80, label="Internet"),
        comp("note", Kind.NOTE, 1000, 300, text="Workshop: check the feed"),
    ]
    # The switch sits in the DMZ zone: placed in the site, member of the segment.
    c[15] = comp("sw", Kind.SWITCH, 560, 120, parent="dc", segment="dmz")
    links = [
        Link(id="p1", kind=LinkKind.POWER, source="feed", target="ups"),
        Link(id="p2", kind=LinkKind.POWER, source="ups", target="psu-1a"),
        Link(id="p3", kind=LinkKind.POWER, source="ups", target="psu-1b"),
        Link(id="n1", kind=LinkKind.NETWORK, source="nic-1", target="sw"),
        Link(id="n2", kind=LinkKind.NETWORK, source="nic-2", target="sw"),
        Link(id="n3", kind=LinkKind.NETWORK, source="sw", target="inet"),
        Link(id="n4", kind=LinkKind.NETWORK, source="sw", target="inet"),
        Link(id="d1", kind=LinkKind.DEPENDENCY, source="app-1", target="db", port=5432),
    ]
    return Design(components=tuple(c), links=tuple(links))
