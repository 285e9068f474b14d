"""The concrete edits that take a weak component out of the way, one
function per kind of weakness (ANALYSIS.md section 5). Each returns
Candidates: a patch on the design plus what it is about. No Qt."""
from __future__ import annotations

from dataclasses import dataclass

from designer.model import Component, Design, Kind, LinkKind, RaidLevel
from designer.model.patch import Patch

from .copying import copy_subtree, power_inputs, second_input, twin
from .draft import Draft, beside

RAID_FREE = (None, RaidLevel.NONE, RaidLevel.RAID0)


@dataclass(frozen=True)
class Candidate:
    action: str                    # a stable key: "second-feed", "replica", ...
    description: str               # what the edit does, in words
    targets: tuple[str, ...]       # the existing components it is about
    patch: Patch


def _candidate(draft: Draft, action: str, text: str, *targets: str) -> Candidate:
    return Candidate(action, text, tuple(targets), draft.patch(text))


def second_feed(design: Design, feed: str, taken: set[str]) -> list[Candidate]:
    """A second utility feed (or generator, or generator behind a UPS) on
    every consumer of this source."""
    found = []
    source = design.by_id[feed]
    consumers = [l.target for l in design.links if l.kind is LinkKind.POWER and l.source == feed]
    if not consumers:
        return []
    for action, make in (("second-feed", _add_feed), ("generator", _add_generator),
                         ("ups-generator", _add_ups_generator)):
        draft = Draft(design, taken)
        text = make(draft, source)
        for consumer in consumers:
            second_input(draft, consumer, draft.__dict__["_new_source"], feed)
        found.append(_candidate(draft, action, text, feed))
    return found


def _add_feed(draft: Draft, feed: Component) -> str:
    new = draft.add(feed, label=f"{feed.name} (second feed)" if feed.kind is
                    Kind.UTILITY_FEED else None, dx=beside(feed))
    draft.__dict__["_new_source"] = new.id
    return f"Add a second {feed.kind.title.lower()} beside {feed.name} and power its consumers from both"


def _add_generator(draft: Draft, feed: Component) -> str:
    gen = draft.make(f"gen-{feed.id}", Kind.GENERATOR, feed.parent, feed.x,
                     feed.y + (feed.height or 44.0) + 12.0, "Generator",
                     width=feed.width, height=feed.height)
    draft.__dict__["_new_source"] = gen.id
    return f"Add a generator behind {feed.name} so its consumers keep power when it fails"


def _add_ups_generator(draft: Draft, feed: Component) -> str:
    below = (feed.height or 44.0) + 12.0
    gen = draft.make(f"gen-{feed.id}", Kind.GENERATOR, feed.parent, feed.x,
                     feed.y + below, "Generator", width=feed.width, height=feed.height)
    ups = draft.make(f"ups-{feed.id}", Kind.UPS, feed.parent, feed.x + beside(feed),
                     feed.y + below, "UPS", width=feed.width, height=feed.height)
    draft.link(LinkKind.POWER, feed.id, ups.id)
    draft.link(LinkKind.POWER, gen.id, ups.id)
    draft.__dict__["_new_source"] = ups.id
    return (f"Add a UPS fed by {feed.name} and a generator, and power "
            f"{feed.name}'s consumers from the UPS as well")


def second_power_box(design: Design, box: str, taken: set[str]) -> list[Candidate]:
    """A second UPS or PDU with the same inputs, on every consumer."""
    draft = Draft(design, taken)
    comp = design.by_id[box]
    new = twin(draft, box)
    text = f"Add {new.name} beside {comp.name}, on the same inputs, and feed its consumers from both"
    return [_candidate(draft, f"second-{comp.kind.value}", text, box)]


def second_psu(design: Design, psu: str, taken: set[str]) -> list[Candidate]:
    """A second PSU on the host, on a different source (a new feed when the
    site has no other)."""
    draft = Draft(design, taken)
    comp = design.by_id[psu]
    feeding = {l.source for l in power_inputs(draft, psu)}
    other = _other_source(design, comp, feeding)
    added = ""
    if other is None:
        template = next((design.by_id[f] for f in feeding
                         if design.by_id[f].kind is Kind.UTILITY_FEED), None)
        site = _site_of(design, comp.id)
        if template is None and site is None:
            return []
        other = (draft.add(template, dx=beside(template)) if template else draft.make(
            "feed-b", Kind.UTILITY_FEED, site, 24.0, 44.0, "Utility feed B")).id
        added = "a new utility feed, "
    new = draft.add(comp, dx=(comp.width or 38.0) + 3.0)
    draft.link(LinkKind.POWER, other, new.id)
    host = design.by_id[comp.parent].name
    text = f"Add a second PSU to {host} on {added}{draft.get(other).name}"
    return [_candidate(draft, "second-psu", text, psu)]


def _other_source(design: Design, psu: Component, feeding: set[str]) -> str | None:
    """A utility feed in the same site that does not already feed the PSU."""
    site = _site_of(design, psu.id)
    for comp in design.components:
        if (comp.kind is Kind.UTILITY_FEED and comp.id not in feeding
                and _site_of(design, comp.id) == site and not _upstream(design, comp.id, feeding)):
            return comp.id
    return None


def _upstream(design: Design, source: str, of: set[str]) -> bool:
    """Does `source` feed anything in `of`, directly or through UPS/PDU?"""
    frontier, seen = set(of), set()
    while frontier:
        current = frontier.pop()
        seen.add(current)
        if current == source:
            return True
        frontier |= {l.source for l in design.links
                     if l.kind is LinkKind.POWER and l.target == current} - seen
    return False


def _site_of(design: Design, cid: str) -> str | None:
    while cid is not None:
        comp = design.by_id[cid]
        if comp.kind is Kind.SITE:
            return cid
        cid = comp.parent
    return None


def second_device(design: Design, device: str, taken: set[str]) -> list[Candidate]:
    """A second switch, router, firewall, load balancer or uplink, wired like
    the first (hosts it served get a NIC into the new one)."""
    draft = Draft(design, taken)
    comp = design.by_id[device]
    label = f"{comp.name} (second provider)" if comp.kind is Kind.ISP_UPLINK else None
    new = twin(draft, device, label=label)
    what = "from another provider" if comp.kind is Kind.ISP_UPLINK else "wired like it"
    text = f"Add {new.name} beside {comp.name}, {what}"
    return [_candidate(draft, f"second-{comp.kind.value}", text, device)]


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
    return [_candidate(draft, "second-nic", text, nic)]


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
    new = draft.add(comp, dx=beside(comp))
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


def raid(design: Design, disk: str, taken: set[str]) -> list[Candidate]:
    """RAID1 with a second disk (RAID5 with one more disk for several disks)."""
    draft = Draft(design, taken)
    comp = design.by_id[disk]
    server = design.by_id[comp.parent]
    if server.raid not in RAID_FREE:
        return []
    disks = [c for c in design.components if c.parent == server.id and c.kind is Kind.DISK]
    level = RaidLevel.RAID1 if len(disks) == 1 else RaidLevel.RAID5
    last = disks[-1]
    draft.add(last, dx=-((last.width or 38.0) + 3.0))
    draft.update(server.id, raid=level)
    text = f"Mirror {server.name}'s disks: one more disk and {level.value.upper()}"
    return [_candidate(draft, level.value, text, disk)]


def replica(design: Design, target: str, taken: set[str]) -> list[Candidate]:
    """Another replica on a new server made like the host (its PSUs, NICs
    and disks): the service alone, or every service of a server."""
    comp = design.by_id[target]
    host = design.by_id[comp.parent] if comp.kind is Kind.SERVICE else comp
    if host.kind is not Kind.SERVER:
        return []
    services = {c.id for c in design.components if c.parent == host.id and c.kind is Kind.SERVICE}
    if comp.kind is Kind.SERVICE:
        services = {target}
    if not services:
        return []
    draft = Draft(design, taken)
    mapping = copy_subtree(draft, host.id, services=services)
    names = ", ".join(design.by_id[s].name for s in sorted(services, key=list(design.by_id).index))
    text = f"Run another replica of {names} on a new server {draft.get(mapping[host.id]).name}, made like {host.name}"
    return [_candidate(draft, "replica", text, target)]


def second_place(design: Design, place: str, taken: set[str]) -> list[Candidate]:
    """A second rack or site: everything in it copied (its own feed and
    uplink for a site), services as replicas."""
    comp = design.by_id[place]
    if not any(c.parent == place for c in design.components):
        return []
    draft = Draft(design, taken)
    dx = beside(comp) + (40.0 if comp.kind is Kind.SITE else 0.0)
    new = draft.get(copy_subtree(draft, place, dx=dx)[place])
    what = "site" if comp.kind is Kind.SITE else "rack"
    text = f"Add a second {what} {new.name} with everything in {comp.name} copied into it"
    return [_candidate(draft, f"second-{what}", text, place)]


GENERATORS = {
    Kind.SITE: (second_place,), Kind.RACK: (second_place,),
    Kind.UTILITY_FEED: (second_feed,), Kind.GENERATOR: (second_feed,),
    Kind.UPS: (second_power_box,), Kind.PDU: (second_power_box,),
    Kind.PSU: (second_psu,), Kind.DISK: (raid,), Kind.NIC: (second_nic,),
    Kind.SERVER: (replica,), Kind.SERVICE: (replica,),
    **{k: (second_device,) for k in (Kind.SWITCH, Kind.ROUTER, Kind.FIREWALL,
                                     Kind.LOAD_BALANCER, Kind.ISP_UPLINK)},
}
