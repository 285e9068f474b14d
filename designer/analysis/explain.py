"""Blast radius and a readable reason for each SPOF.

Both are read off the single killers K(g) that cuts.Kills computes for
every gate: with e alone failed, the gates whose K holds e are down. The reason names the
mechanism (placement, power, storage, network path, missing replica) and the
things it takes with it, e.g. "Feed A powers both PSUs of web-1 and web-2, so
Shop goes down".
"""
from __future__ import annotations

from designer.model import Design, Kind, LinkKind
from designer.model.kinds import POWER_SOURCES
from designer.model.naming import names_of

from .cuts import Kills
from .structure import Compiled

HARDWARE = frozenset({Kind.SERVER, Kind.SWITCH, Kind.ROUTER, Kind.FIREWALL,
                      Kind.LOAD_BALANCER, Kind.ISP_UPLINK, Kind.UPS, Kind.PDU, Kind.RACK})
NETWORK = frozenset({Kind.SWITCH, Kind.ROUTER, Kind.FIREWALL, Kind.LOAD_BALANCER,
                     Kind.ISP_UPLINK, Kind.NIC})
SHOWN = 3


def phrase(names: list[str]) -> str:
    """"a", "a and b", "a, b and c", "a, b, c and 4 more"."""
    if len(names) > SHOWN + 1:
        names = names[:SHOWN] + [f"{len(names) - SHOWN} more"]
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + " and " + names[-1]


class Explainer:
    """Explains the given events (the SPOFs); work is proportional to what
    they take down, not to (events x components): a design of 7,000
    servers, each with its own entry point, has 28,000 SPOFs, and looking
    through every entry point, component and link for each took 74 s."""

    def __init__(self, design: Design, compiled: Compiled, kills: Kills,
                 events: list[str]) -> None:
        self.d, self.cp, self.kills = design, compiled, kills
        self.index = kills.index
        self.called = names_of(design.components)   # "web (rack 2)" where names repeat
        wanted = frozenset(self.index[e] for e in events)
        self._downs = _down_by_event(compiled.up, kills, wanted)
        self._entries_down = _down_by_event(compiled.entries, kills, wanted)
        self.psu_count: dict[str, int] = {}
        self._services_on: dict[str, list[str]] = {}    # server -> its services, in drawing order
        for comp in design.components:
            if comp.kind is Kind.PSU and comp.parent:
                self.psu_count[comp.parent] = self.psu_count.get(comp.parent, 0) + 1
            if comp.kind is Kind.SERVICE and comp.parent:
                self._services_on.setdefault(comp.parent, []).append(comp.id)
        self._users: dict[str, list[str]] = {}          # service -> what depends on it
        for link in design.links:
            if link.kind is LinkKind.DEPENDENCY:
                self._users.setdefault(link.target, []).append(link.source)

    def down_ids(self, event: str) -> list[str]:
        """Components (of any kind) that stop working when `event` alone fails."""
        return self._downs[self.index[event]]

    def blast_radius(self, event: str) -> tuple[str, ...]:
        """Entry points, then tiers, then services that go down."""
        lost = list(self._entries_down[self.index[event]])
        seen = set(lost)
        for kind in (Kind.TIER, Kind.SERVICE):
            lost += [c for c in self.down_ids(event)
                     if self.d.by_id[c].kind is kind and c not in seen]
        return tuple(lost)

    def explanation(self, event: str) -> str:
        comp = self.d.by_id[event]
        down = [c for c in self.down_ids(event) if c != event]
        entries = [self._name(e) for e in self._entries_down[self.index[event]]]
        cause = self._cause(comp, down, entries)
        if not entries or cause.endswith(phrase(entries)):
            return cause
        verb = "goes" if len(entries) == 1 else "go"
        return f"{cause}, so {phrase(entries)} {verb} down"

    def _name(self, cid: str) -> str:
        return self.called[cid]

    def _hardware(self, down: list[str]) -> list[str]:
        return [c for c in down if self.d.by_id[c].kind in HARDWARE]

    def _cause(self, comp, down: list[str], entries: list[str]) -> str:
        kind, name = comp.kind, self._name(comp.id)
        if kind in POWER_SOURCES:
            return self._power_cause(comp, down)
        if kind is Kind.PSU:
            return f"{comp.name} is the only working power supply of {self._name(comp.parent)}"
        if kind is Kind.DISK:
            raid = self.d.by_id[comp.parent].raid
            level = raid.value.upper() if raid else "no RAID"
            return f"{self._name(comp.parent)} needs {comp.name} ({level})"
        if kind is Kind.SERVICE:
            return self._service_cause(comp)
        held = [c for c in self._hardware(down) if self._inside(c, comp.id)]
        if held and kind in (Kind.SITE, Kind.RACK):
            return f"{name} holds {phrase([self._name(c) for c in held])}"
        if kind is Kind.SERVER:
            runs = [self._name(c) for c in self._services_on.get(comp.id, ())]
            return f"{name} runs {phrase(runs) or 'what the system needs'} with no working replica"
        if kind in NETWORK:
            return self._path_cause(comp, down, entries)
        return f"{name} fails and takes down {phrase([self._name(c) for c in down])}"

    def _inside(self, cid: str, ancestor: str) -> bool:
        parent = self.d.by_id[cid].parent
        while parent is not None:
            if parent == ancestor:
                return True
            parent = self.d.by_id[parent].parent
        return False

    def _power_cause(self, comp, down: list[str]) -> str:
        psu_hosts, direct = [], []
        for cid in self._hardware(down):
            (psu_hosts if cid in self.psu_count else direct).append(cid)
        parts = []
        if psu_hosts:
            counts = {self.psu_count[h] for h in psu_hosts}
            which = ("both PSUs" if counts == {2} else "the only PSU" if counts == {1}
                     else "every PSU")
            parts.append(f"{which} of {phrase([self._name(h) for h in psu_hosts])}")
        if direct:
            parts.append(phrase([self._name(h) for h in direct]))
        target = ", as well as ".join(parts) or phrase([self._name(c) for c in down])
        return f"{self._name(comp.id)} powers {target}"

    def _service_cause(self, comp) -> str:
        if comp.tier:
            tier = self.d.by_id[comp.tier]
            return (f"{self._name(comp.id)} is needed for the quorum of tier "
                    f"{self._name(tier.id)}")
        users = [self._name(source) for source in self._users.get(comp.id, ())]
        if users:
            verb = "depends" if len(users) == 1 else "depend"
            return f"{phrase(users)} {verb} on {self._name(comp.id)}, which has no replica"
        return f"{self._name(comp.id)} runs once, with no replica"

    def _path_cause(self, comp, down: list[str], entries: list[str]) -> str:
        name = self._name(comp.id)
        lost = [c for c in down if self.d.by_id[c].kind in (Kind.SERVICE, Kind.TIER)]
        hosts_down = [c for c in down if self.d.by_id[c].kind is Kind.SERVER]
        if hosts_down:
            return f"{name} fails and takes down {phrase([self._name(h) for h in hosts_down])}"
        if comp.kind is Kind.NIC:
            if comp.parent:
                return f"{comp.name} is the only working network port of {self._name(comp.parent)}"
            return f"{name} is the only working network port"
        if lost:
            return f"{name} is the only network path for {phrase([self._name(c) for c in lost])}"
        return f"{name} is the only path from the Internet to {phrase(entries)}"


def _down_by_event(gates: dict[str, int], kills: Kills, wanted: frozenset) -> dict[int, list[str]]:
    """Per event of `wanted`, the ids among `gates` (id -> gate) that go down
    when it alone fails, in the order of `gates`."""
    down: dict[int, list[str]] = {i: [] for i in wanted}
    for cid, gate in gates.items():
        for i in kills.killed(gate) & wanted:
            down[i].append(cid)
    return down
