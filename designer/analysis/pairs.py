"""Blast radius and a readable reason for the first order-2 cut sets.

One bit-parallel pass of the circuit (simulate) answers every shown pair at
once: lane i fails exactly pair i, and one more lane per member fails it
alone. What the pair takes down that neither member takes down alone names
the mechanism, e.g. "PSU 1 and PSU 2 are the only power supplies of
Database 1, so Shop goes down" or "Web 1 and Web 2 are the only replicas of
tier Web". Only the first EXPLAINED pairs (the most likely ones, which the
lists show first) are explained, so the cost stays flat on large designs.
"""
from __future__ import annotations

from designer.model import Design, Kind
from designer.model.kinds import POWER_SOURCES
from designer.model.naming import names_of

from .explain import HARDWARE, NETWORK, phrase
from .result import CutPair
from .simulate import simulate
from .structure import Compiled

EXPLAINED = 200      # pairs explained; the rest keep the generic sentence
POWER = POWER_SOURCES | {Kind.PSU}
TOLD = HARDWARE | {Kind.TIER, Kind.SERVICE}   # what a radius or a reason names


def explain_pairs(design: Design, compiled: Compiled, pairs: tuple[tuple[str, str], ...],
                  called: dict[str, str] | None = None) -> tuple[CutPair, ...]:
    """The first EXPLAINED pairs with what they take down and why; `called`:
    names_of(design.components), if the caller has it already."""
    shown = pairs[:EXPLAINED]
    if not shown:
        return ()
    members = sorted({cid for pair in shown for cid in pair})
    lane_of = {cid: len(shown) + i for i, cid in enumerate(members)}
    full = (1 << (len(shown) + len(members))) - 1
    failed_in = {cid: 1 << lane for cid, lane in lane_of.items()}
    for i, (a, b) in enumerate(shown):
        failed_in[a] |= 1 << i
        failed_in[b] |= 1 << i
    bits = {compiled.event_of[c]: full ^ m for c, m in failed_in.items()}
    values = simulate(compiled.circuit, bits, full)
    down: dict[int, list[str]] = {}
    by_id = design.by_id
    for cid, gate in compiled.up.items():
        if by_id[cid].kind not in TOLD:      # NICs, PSUs, disks: never named
            continue
        lost = full ^ values[gate]
        while lost:
            low = lost & -lost
            down.setdefault(low.bit_length() - 1, []).append(cid)
            lost ^= low
    entries = {e: full ^ values[g] for e, g in compiled.entries.items()}
    words = _Words(design, called or names_of(design.components))
    found = []
    for i, (a, b) in enumerate(shown):
        alone = set(down.get(lane_of[a], ())) | set(down.get(lane_of[b], ()))
        joint = [c for c in down.get(i, ()) if c not in alone and c not in (a, b)]
        lost = [e for e, m in entries.items() if m >> i & 1]
        radius = _radius(design, lost, down.get(i, ()))
        found.append(CutPair(a=a, b=b, blast_radius=radius,
                             explanation=words.sentence(a, b, joint, lost)))
    return tuple(found)


def _radius(design: Design, lost: list[str], down) -> tuple[str, ...]:
    """Entry points, then tiers, then services, as a SPOF's blast radius."""
    seen = set(lost)
    tiers, services = [], []
    for cid in down:
        kind = design.by_id[cid].kind
        if cid not in seen and kind in (Kind.TIER, Kind.SERVICE):
            (tiers if kind is Kind.TIER else services).append(cid)
    return (*lost, *tiers, *services)


class _Words:
    def __init__(self, design: Design, called: dict[str, str]) -> None:
        self.d = design
        self.called = called        # "web (rack 2)" where names repeat
        self.replicas: dict[str, int] = {}      # tier id -> services in it
        self.tiers_on: dict[str, set[str]] = {}  # server id -> tiers of its services
        for comp in design.components:
            if comp.kind is Kind.SERVICE and comp.tier:
                self.replicas[comp.tier] = self.replicas.get(comp.tier, 0) + 1
                self.tiers_on.setdefault(comp.parent, set()).add(comp.tier)

    def name(self, cid: str) -> str:
        return self.called[cid]

    def names(self, ids) -> str:
        return phrase([self.name(c) for c in ids])

    def sentence(self, a: str, b: str, joint: list[str], lost: list[str]) -> str:
        cause = self._cause(self.d.by_id[a], self.d.by_id[b], joint, lost)
        if not lost or cause.endswith(self.names(lost)):
            return cause
        verb = "goes" if len(lost) == 1 else "go"
        return f"{cause}, so {self.names(lost)} {verb} down"

    def _of(self, joint: list[str], kinds) -> list[str]:
        return [c for c in joint if self.d.by_id[c].kind in kinds]

    def _cause(self, a, b, joint: list[str], lost: list[str]) -> str:
        same_parent = a.parent is not None and a.parent == b.parent
        siblings = f"{a.name} and {b.name}"       # their parent is named: bare names
        if a.kind is b.kind is Kind.PSU and same_parent:
            return f"{siblings} are the only power supplies of {self.name(a.parent)}"
        if a.kind is b.kind is Kind.DISK and same_parent:
            raid = self.d.by_id[a.parent].raid
            level = raid.value.upper() if raid else "no RAID"
            return (f"{siblings} are disks of {self.name(a.parent)} "
                    f"that its {level} cannot lose together")
        both = self._both(a, b)
        hosts = self._of(joint, HARDWARE)
        if a.kind in POWER and b.kind in POWER and hosts:
            return f"{both} are the only power to {self.names(hosts)}"
        tier = self._tier(a, b, self._of(joint, {Kind.TIER}))
        if tier is not None:
            return self._tier_cause(a, b, tier)
        if a.kind in NETWORK and b.kind in NETWORK:
            cut_off = hosts or self._of(joint, {Kind.SERVICE, Kind.TIER})
            if cut_off:
                return f"{both} are the only network paths to {self.names(cut_off)}"
            return f"{both} are the only network paths from the Internet"
        path = self._last_path(a, b, lost)
        if path:
            return path
        services = self._of(joint, {Kind.SERVICE})
        if hosts or services:
            return f"{both} together take down {self.names(hosts or services)}"
        return f"{both} failing together take the system down"

    def _tiers_of(self, comp) -> set[str]:
        if comp.kind is Kind.SERVICE:
            return {comp.tier} if comp.tier else set()
        return self.tiers_on.get(comp.id, set())

    def _tier(self, a, b, tiers: list[str]):
        """The tier the pair empties: one its members run if any, else the first lost."""
        mine = self._tiers_of(a) | self._tiers_of(b)
        for cid in tiers:
            if cid in mine:
                return self.d.by_id[cid]
        return self.d.by_id[tiers[0]] if tiers else None

    def _both(self, a, b) -> str:
        return f"{self.name(a.id)} and {self.name(b.id)}"

    def _tier_cause(self, a, b, tier) -> str:
        both = self._both(a, b)
        called = self.name(tier.id)
        label = called if "tier" in called.lower() else f"tier {called}"
        runs = tier.id in self._tiers_of(a) and tier.id in self._tiers_of(b)
        if runs and self.replicas.get(tier.id) == 2:
            verb = "are" if a.kind is b.kind is Kind.SERVICE else "run"
            return f"{both} {verb} the only replicas of {label}"
        return f"{both} together leave too few working replicas in {label}"

    def _last_path(self, a, b, lost: list[str]) -> str:
        """One network device and one other part: the device is the path left."""
        if (a.kind in NETWORK) == (b.kind in NETWORK) or not lost:
            return ""
        net, other = (a, b) if a.kind in NETWORK else (b, a)
        return (f"With {self.name(other.id)} down, {self.name(net.id)} is the only network "
                f"path left to {self.names(lost)}")
