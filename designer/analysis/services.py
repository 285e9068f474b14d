"""Services, tiers and entry points as circuit gates (ANALYSIS.md section 2).

up(s) = works(host) and intact(s) and, for each dependency, the target is up
and reachable from s's host (a tier target needs its quorum of such members).
A tier's quorum defaults to 1 of n (replicas). Dependency cycles take the
greatest fixpoint: services that need each other stay up while each is
otherwise fine (unrolled |cycle| times, which reaches the fixpoint for a
monotone system of that many variables).
"""
from __future__ import annotations

from graphlib import CycleError, TopologicalSorter

from designer.model import Design, Kind, LinkKind, limits

from .dependency_order import longest_chain, needing_order
from .ir import Circuit


class Services:
    def __init__(self, design: Design, circuit: Circuit, works, intact, net, note) -> None:
        self.d, self.c, self.works, self.intact, self.net, self.note = (
            design, circuit, works, intact, net, note)
        self.service_ids = [c.id for c in design.components if c.kind is Kind.SERVICE]
        self.tier_ids = [c.id for c in design.components if c.kind is Kind.TIER]
        self.members: dict[str, list[str]] = {t: [] for t in self.tier_ids}
        for sid in self.service_ids:
            tier = design.by_id[sid].tier
            if tier is not None:
                self.members[tier].append(sid)
        self.deps: dict[str, list[str]] = {s: [] for s in self.service_ids}
        for link in design.links:
            if link.kind is LinkKind.DEPENDENCY:
                self.deps[link.source].append(link.target)
        self._position = {c.id: i for i, c in enumerate(design.components)}
        self._up: dict[str, int] = {}
        self._tier_notes()
        self._build()

    def need(self, tier: str) -> int:
        quorum = self.d.by_id[tier].quorum
        return 1 if quorum is None else quorum

    def _tier_notes(self) -> None:
        for tier, members in self.members.items():
            if not members:
                self.note(tier, "tier has no member services")
            elif self.need(tier) > len(members):
                self.note(tier, f"quorum {self.need(tier)} needs more than its "
                                f"{len(members)} member(s): the tier can never be up")

    def host(self, sid: str) -> str:
        return self.d.by_id[sid].parent or ""

    def hosts(self) -> list[str]:
        seen = {self.host(s): None for s in self.service_ids}
        if not seen:
            seen = {c.id: None for c in self.d.components if c.kind is Kind.SERVER}
        return list(seen)

    # -- services -----------------------------------------------------------
    def _targets(self, sid: str) -> list[str]:
        found = []
        for target in self.deps[sid]:
            found.extend(self.members.get(target, [target]))
        return found

    def _build(self) -> None:
        graph = {s: self._targets(s) for s in self.service_ids}
        _refuse_deep_chains(graph)
        try:
            for sid in TopologicalSorter(graph).static_order():
                self._up[sid] = self._gate(sid, self._up)
        except CycleError:
            self._up.clear()
            self._build_with_cycles(graph)

    def _build_with_cycles(self, graph: dict[str, list[str]]) -> None:
        for group in needing_order(graph):
            members = sorted(group, key=self._position.__getitem__)
            if len(members) > 1 and not any(self.d.by_id[t].kind is Kind.TIER
                                            for s in members for t in self.deps[s]):
                self._up.update(dict.fromkeys(members, self._plain_cycle(members)))
                continue
            if len(members) > limits.TIER_CYCLE.value:
                raise limits.LimitExceeded(limits.TIER_CYCLE, len(members), "links")
            current = {s: self.c.const(True) for s in members}
            for _ in range(len(members)):
                view = {**self._up, **current}
                current = {s: self._gate(s, view) for s in members}
            self._up.update(current)

    def _plain_cycle(self, members: list[str]) -> int:
        """The greatest fixpoint of `members` (in drawing order), services
        that need each other directly (no tier in between), in one gate:
        each member needs every member (all are reachable from it) and
        every dependency any of them has.
        Unrolling instead made |cycle| copies of every gate: a ring of
        1,000 services took 21 GB (issue 16)."""
        parts, inside = [], set(members)
        for sid in members:
            host = self.host(sid)
            parts += [self.works(host), self.intact(sid)]
            for target in self.deps[sid]:
                reach = self.net.reach_hosts(host, self.host(target))
                parts.append(reach if target in inside else
                             self._reachable(host, target, self._up))
        return self.c.and_(parts)

    def _gate(self, sid: str, up: dict[str, int]) -> int:
        host = self.host(sid)
        parts = [self.works(host), self.intact(sid)]
        for target in self.deps[sid]:
            if self.d.by_id[target].kind is Kind.TIER:
                members = [self._reachable(host, m, up) for m in self.members[target]]
                parts.append(self.c.atleast(self.need(target), members))
            else:
                parts.append(self._reachable(host, target, up))
        return self.c.and_(parts)

    def _reachable(self, host: str, target: str, up: dict[str, int]) -> int:
        return self.c.and_([up[target], self.net.reach_hosts(host, self.host(target))])

    def up(self, sid: str) -> int:
        return self._up[sid]

    def quorum(self, tier: str) -> int:
        """Gate: enough member services of the tier are up (network aside)."""
        return self.c.atleast(self.need(tier), [self._up[m] for m in self.members[tier]])

    # -- entry points -----------------------------------------------------
    def entry_ids(self) -> list[str]:
        marked = [c.id for c in self.d.components
                  if c.kind in (Kind.SERVICE, Kind.TIER) and c.entry]
        if marked:
            return marked
        needed = {t for targets in self.deps.values() for t in targets}
        tier_of = {s: self.d.by_id[s].tier for s in self.service_ids}
        needed |= {tier_of[s] for s in needed if tier_of.get(s)}
        loose = [s for s in self.service_ids if tier_of[s] is None]
        found = [x for x in self.tier_ids + loose if x not in needed and
                 (x not in self.members or self.members[x])]
        if not found and self.service_ids:
            self.note("", "every service is needed by another: all are treated as entry points")
            found = [x for x in self.tier_ids if self.members[x]] + loose
        return sorted(found, key=self._position.__getitem__)

    def entries(self) -> dict[str, int]:
        """entry id -> gate: up and reachable from the Internet (a tier: quorum)."""
        if not self.service_ids and not any(self.d.by_id[t].entry for t in self.tier_ids):
            servers = [c.id for c in self.d.components if c.kind is Kind.SERVER]
            if not servers:
                self.note("", "no services or servers drawn: nothing to analyze")
            return {s: self.c.and_([self.works(s), self.net.reach_internet(s)])
                    for s in servers}
        gates = {}
        for eid in self.entry_ids():
            if eid in self.members:
                members = [self._from_internet(m) for m in self.members[eid]]
                gates[eid] = self.c.atleast(self.need(eid), members)
            else:
                gates[eid] = self._from_internet(eid)
        return gates

    def _from_internet(self, sid: str) -> int:
        return self.c.and_([self._up[sid], self.net.reach_internet(self.host(sid))])


def _refuse_deep_chains(graph: dict[str, list[str]]) -> None:
    """LimitExceeded when some service depends, through others, on more than
    DEPENDENCY_DEPTH services in a row (a cycle counts as one step; its
    members share one gate)."""
    longest = longest_chain(graph)
    if longest > limits.DEPENDENCY_DEPTH.value:
        raise limits.LimitExceeded(limits.DEPENDENCY_DEPTH, longest, "links")
