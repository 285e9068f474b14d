"""The concrete edits that take a weak component out of the way, one
function per kind of weakness (ANALYSIS.md section 5). Each returns
Candidates: a patch on the design plus what it is about. No Qt."""
from __future__ import annotations

from designer.model import Design, Kind, RaidLevel

from .candidate import Candidate, candidate_of
from .copying import copy_subtree, moves_an_entry
from .draft import GAP, Draft, placed_under
from .network_edits import second_device, second_nic
from .power_edits import second_feed, second_power_box, second_psu

RAID_FREE = (None, RaidLevel.NONE, RaidLevel.RAID0)


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
    return [candidate_of(draft, level.value, text, disk)]


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
    if not services or moves_an_entry(design, services):
        return []
    draft = Draft(design, taken)
    mapping = copy_subtree(draft, host.id, services=services)
    names = ", ".join(design.by_id[s].name for s in sorted(services, key=list(design.by_id).index))
    text = f"Run another replica of {names} on a new server {draft.get(mapping[host.id]).name}, made like {host.name}"
    return [candidate_of(draft, "replica", text, target)]


def second_place(design: Design, place: str, taken: set[str]) -> list[Candidate]:
    """A second rack or site: everything in it copied (its own feed and
    uplink for a site), services as replicas."""
    comp = design.by_id[place]
    if not any(c.parent == place for c in design.components):
        return []
    inside = [cid for cid in placed_under(design, place) if design.by_id[cid].kind is Kind.SERVICE]
    if moves_an_entry(design, inside):
        return []
    draft = Draft(design, taken)
    # In a container, in a row below what it holds (copy_subtree, which
    # grows the container): beside, a copied rack lay on the next rack or
    # outside its site. At the top level, right of everything level with it.
    dx = None if comp.parent is not None else draft.clear_right(comp, GAP + 40.0) - comp.x
    new = draft.get(copy_subtree(draft, place, dx=dx)[place])
    what = "site" if comp.kind is Kind.SITE else "rack"
    text = f"Add a second {what} {new.name} with everything in {comp.name} copied into it"
    return [candidate_of(draft, f"second-{what}", text, place)]


GENERATORS = {
    Kind.SITE: (second_place,), Kind.RACK: (second_place,),
    Kind.UTILITY_FEED: (second_feed,), Kind.GENERATOR: (second_feed,),
    Kind.UPS: (second_power_box,), Kind.PDU: (second_power_box,),
    Kind.PSU: (second_psu,), Kind.DISK: (raid,), Kind.NIC: (second_nic,),
    Kind.SERVER: (replica,), Kind.SERVICE: (replica,),
    **{k: (second_device,) for k in (Kind.SWITCH, Kind.ROUTER, Kind.FIREWALL,
                                     Kind.LOAD_BALANCER, Kind.ISP_UPLINK)},
}
