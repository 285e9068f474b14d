"""Edits of the three-tier example for the segmentation tests: each helper
returns a new, valid Design."""
from __future__ import annotations

from pathlib import Path

from designer.io import load_design
from designer.model import Component, Design, FirewallRule, Kind, Link, LinkKind

ROOT = Path(__file__).parents[1]


def three_tier() -> Design:
    return load_design(ROOT / "examples" / "three-tier.weaklink.json")


def rebuild(design: Design, components=None, links=None, **fields) -> Design:
    data = design.model_dump()
    if components is not None:
        data["components"] = [c.model_dump() for c in components]
    if links is not None:
        data["links"] = [link.model_dump() for link in links]
    data.update(fields)
    return Design.model_validate(data)


def edit(design: Design, cid: str, **changes) -> Design:
    comps = [c.model_copy(update=changes) if c.id == cid else c for c in design.components]
    return rebuild(design, components=comps)


def set_rules(design: Design, fw: str, *rules: dict, **changes) -> Design:
    return edit(design, fw, rules=tuple(FirewallRule(**r) for r in rules), **changes)


def prepend_rules(design: Design, fw: str, *rules: dict) -> Design:
    old = design.by_id[fw].rules
    return edit(design, fw, rules=tuple(FirewallRule(**r) for r in rules) + old)


def recable(design: Design, link_id: str, **ends) -> Design:
    links = [link.model_copy(update=ends) if link.id == link_id else link
             for link in design.links]
    return rebuild(design, links=links)


def add_cable(design: Design, a: str, b: str) -> Design:
    link = Link(id=f"net-{a}-{b}", kind=LinkKind.NETWORK, source=a, target=b)
    return rebuild(design, links=(*design.links, link))


def add_server(design: Design, sid: str, segment: str, switch: str, *services) -> Design:
    """A server with one NIC cabled to `switch`; services are (id, role, ports)."""
    comps = [Component(id=sid, kind=Kind.SERVER, parent="site-a", segment=segment),
             Component(id=f"{sid}-nic", kind=Kind.NIC, parent=sid)]
    comps += [Component(id=s, kind=Kind.SERVICE, parent=sid, role=role, ports=ports)
              for s, role, ports in services]
    link = Link(id=f"net-{switch}-{sid}", kind=LinkKind.NETWORK, source=switch,
                target=f"{sid}-nic")
    return rebuild(design, components=(*design.components, *comps),
                   links=(*design.links, link))


def ids(result, check: str | None = None) -> list[str]:
    return [f.id for f in result.findings if check is None or f.check == check]


def only(result, check: str):
    found = [f for f in result.findings if f.check == check]
    assert len(found) == 1, [f.id for f in result.findings]
    return found[0]
