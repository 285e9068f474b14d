"""Network mitigations: a second switch, router, firewall, load balancer or
uplink wired like the first; a second NIC into a second switch. No Qt."""
from __future__ import annotations

from designer.model import Design, Kind, LinkKind

from .candidate import Candidate, candidate_of
from .copying import power_inputs, twin
from .draft import Draft, beside
from .power_edits import free_spot


def second_device(design: Design, device: str, taken: set[str]) -> list[Candidate]:
    """A second switch, router, firewall, load balancer or uplink, wired like
    the first (hosts it served get a NIC into the new one)."""
    draft = Draft(design, taken)
    comp = design.by_id[device]
    label = f"{comp.name} (second provider)" if comp.kind is Kind.ISP_UPLINK else None
    new = twin(draft, device, label=label)
    what = "from another provider" if comp.kind is Kind.ISP_UPLINK else "wired like it"
    text = f"Add {new.name} beside {comp.name}, {what}"
    return [candidate_of(draft, f"second-{comp.kind.value}", text, device)]


def second_nic(design: Design, nic: str, taken: set[str]) -> list[Candidate]:
    """A second NIC on the host into a second switch (adding the switch,
    wired like the first, when none exists)."""
    draft = Draft(design, taken)
    comp = design.by_id[nic]
    peers = [l.target if l.source == nic else l.source for l in design.links
             if l.kind is LinkKind.NETWORK and nic in (l.source, l.target)]
    new = draft.add(comp, dy=(comp.height or 18.0) + 3.0)
    for peer in peers or [None]:
        if peer is None:
            return []
        other = _twin_switch(design, peer) if design.by_id[peer].kind is Kind.SWITCH else None
        if other is None and design.by_id[peer].kind is Kind.SWITCH:
            other = _bare_twin(draft, peer)
        draft.link(LinkKind.NETWORK, new.id, other or peer)
    host = design.by_id[comp.parent].name
    text = f"Add a second NIC to {host} into {draft.get(other or peer).name}"
    return [candidate_of(draft, "second-nic", text, nic)]


def _twin_switch(design: Design, switch: str) -> str | None:
    """Another switch with the same non-host neighbours (an existing pair)."""
    def uplinks(cid: str) -> set[str]:
        return {o for l in design.links if l.kind is LinkKind.NETWORK and cid in (l.source, l.target)
                for o in (l.source, l.target) if o != cid
                and design.by_id[o].kind not in (Kind.NIC, Kind.SERVER)}
    mine = uplinks(switch)
    for comp in design.components:
        if comp.kind is Kind.SWITCH and comp.id != switch and mine and uplinks(comp.id) == mine:
            return comp.id
    return None


def _bare_twin(draft: Draft, switch: str) -> str:
    """A second switch with the first one's power and uplinks, no hosts."""
    comp = draft.get(switch)
    x, y = free_spot(draft, comp)
    new = draft.add(comp, dx=x - comp.x, dy=y - comp.y)
    for link in list(draft.all_links()):
        if switch not in (link.source, link.target):
            continue
        other = link.target if link.source == switch else link.source
        if link.kind is LinkKind.POWER and link.target == switch:
            draft.link(LinkKind.POWER, link.source, new.id)
        elif link.kind is LinkKind.NETWORK and draft.get(other).kind not in (Kind.NIC, Kind.SERVER):
            draft.link(LinkKind.NETWORK, new.id, other)
    for psu in [c for c in draft.children(switch) if c.kind is Kind.PSU]:
        copy = draft.add(psu, parent=new.id, label=psu.label)
        for link in power_inputs(draft, psu.id):
            draft.link(LinkKind.POWER, link.source, copy.id)
    return new.id
