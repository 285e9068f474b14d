"""The "new segment" fix drawn as an edit: a host moved into a segment of
its own behind a new firewall. No Qt.

    switch it hung on -- new firewall -- new switch (in the new segment) -- host

The new firewall allows exactly the flows the design needs across it (each
dependency with one end on the host, and the Internet to the host's public
services) and denies the rest; it and the new switch take power from where
the old switch takes it. Prices are the kinds' defaults (or the design's
overrides), like every planner candidate. Only a server cabled to one
switch is drawn; anything else (a zone, a host on several switches) stays
a sentence with an estimated price (mitigation/security.py).
"""
from __future__ import annotations

from designer.model import Design, FirewallRule, Kind, LinkKind, Trust

from .context import Context
from .rules import protocol_of

FW_W, FW_H, SW_W, SW_H, PAD, GAP = 136.0, 44.0, 136.0, 44.0, 16.0, 24.0


def the_switch(design: Design, host: str) -> str | None:
    """The one switch the host's NICs (or the host itself) are cabled to."""
    ends = {host} | {c.id for c in design.components if c.parent == host and c.kind is Kind.NIC}
    peers = {l.target if l.source in ends else l.source for l in design.links
             if l.kind is LinkKind.NETWORK and (l.source in ends) != (l.target in ends)}
    switches = {p for p in peers if design.by_id[p].kind is Kind.SWITCH}
    return next(iter(switches)) if len(switches) == 1 and switches == peers else None


def needed_rules(design: Design, host: str) -> tuple[FirewallRule, ...]:
    """Allow rules for every flow the design needs into or out of `host`."""
    ctx = Context(design)
    rules: list[FirewallRule] = []
    for client, server, port in ctx.dependencies():
        if (client.host == host) == (server.host == host):
            continue
        for p in ([port] if port else server.ports):
            rules.append(FirewallRule(source=client.id, destination=server.id,
                                      protocol=protocol_of(p), port=p,
                                      comment=f"{client.id} needs {server.id}"))
    for service in ctx.services:
        if service.host == host and service.public:
            rules.extend(FirewallRule(destination=service.id, protocol=protocol_of(p), port=p,
                                      comment="public service") for p in service.ports)
    return tuple(dict.fromkeys(rules))


def new_segment(design: Design, host: str, trust: str, taken: set[str] | None = None):
    """A mitigation Candidate putting `host` in a new segment of `trust`
    behind a new firewall, or None when no such edit can be drawn."""
    from designer.analysis.mitigation.candidate import candidate_of
    from designer.analysis.mitigation.copying import power_inputs
    from designer.analysis.mitigation.draft import Draft

    comp = design.by_id.get(host)
    switch = the_switch(design, host) if comp is not None and comp.kind is Kind.SERVER else None
    if switch is None:
        return None
    draft = Draft(design, taken)
    zone = Trust(trust) if trust in {t.value for t in Trust} else Trust.DATA
    width = max(comp.width or 180.0, SW_W) + 2 * PAD
    height = SW_H + (comp.height or 110.0) + 3 * PAD + 26.0
    x, y = draft.slot(comp.parent, width, FW_H + GAP + height, comp.x, comp.y)
    segment = draft.make(f"seg-{host}", Kind.SEGMENT, comp.parent, x, y + FW_H + GAP,
                         f"{comp.name} segment", trust=zone, width=width, height=height)
    firewall = draft.make(f"fw-{host}", Kind.FIREWALL, comp.parent, x + PAD, y,
                          f"{comp.name} firewall", rules=needed_rules(design, host))
    new_switch = draft.make(f"sw-{host}", Kind.SWITCH, comp.parent, x + PAD,
                            segment.y + 26.0 + PAD, f"{comp.name} switch", segment=segment.id)
    draft.update(host, segment=segment.id, x=x + PAD, y=new_switch.y + SW_H + PAD)
    for link in draft.all_links():
        ends = (link.source, link.target)
        if link.kind is LinkKind.NETWORK and switch in ends and _on(design, host, ends):
            draft.retarget(link, **{"source" if link.source == switch else "target":
                                    new_switch.id})
    draft.link(LinkKind.NETWORK, switch, firewall.id)
    draft.link(LinkKind.NETWORK, firewall.id, new_switch.id)
    for power in power_inputs(draft, switch):
        for device in (firewall.id, new_switch.id):
            draft.link(LinkKind.POWER, power.source, device)
    text = (f"Move {comp.name} into a new {zone.value} segment behind a new firewall "
            f"(allowing only the {len(firewall.rules)} flow"
            f"{'s' if len(firewall.rules) != 1 else ''} the design needs)")
    return candidate_of(draft, "new-segment", text, host)


def _on(design: Design, host: str, ends) -> bool:
    return any(e == host or design.by_id[e].parent == host for e in ends)
