"""Brute-force ground truth for the engine (ANALYSIS.md section 3).

Evaluates ANALYSIS.md section 2 directly on the Design for one failure set,
with no circuit in between, so that the engine and this file can disagree:
intact / powered / works recursively, network reachability by a plain graph
search on the drawn network, services by iterating to the greatest fixpoint.
The semantic decisions it follows are those of docs/analysis.md.
"""
from __future__ import annotations

from itertools import combinations

from designer.model import Design, Kind, LinkKind

NEVER_FAIL = {Kind.INTERNET, Kind.TIER, Kind.SEGMENT, Kind.NOTE, Kind.TEXT}
SUPPLIES = {Kind.UTILITY_FEED, Kind.GENERATOR, Kind.UPS, Kind.PDU, Kind.PSU}
DEVICES = {Kind.SERVER, Kind.ROUTER, Kind.FIREWALL, Kind.LOAD_BALANCER, Kind.SWITCH,
           Kind.ISP_UPLINK}
NETWORKED = {Kind.INTERNET, Kind.ISP_UPLINK, Kind.ROUTER, Kind.FIREWALL,
             Kind.LOAD_BALANCER, Kind.SWITCH, Kind.NIC, Kind.SERVER}


class Oracle:
    def __init__(self, design: Design) -> None:
        self.d = design
        self.comp = design.by_id
        kids: dict[str, list] = {}
        for c in design.components:
            kids.setdefault(c.parent, []).append(c)
        self.kids = kids
        self.feeds_of: dict[str, list[str]] = {}
        self.needs: dict[str, list[str]] = {c.id: [] for c in design.components
                                            if c.kind is Kind.SERVICE}
        self.wires: dict[str, set[str]] = {}
        for link in design.links:
            if link.kind is LinkKind.POWER:
                self.feeds_of.setdefault(link.target, []).append(link.source)
            elif link.kind is LinkKind.DEPENDENCY:
                self.needs[link.source].append(link.target)
            else:
                self.wires.setdefault(link.source, set()).add(link.target)
                self.wires.setdefault(link.target, set()).add(link.source)
        self.cabled = set(self.wires)
        for c in design.components:          # a device is joined to its NICs
            if c.kind is Kind.NIC:
                self.wires.setdefault(c.id, set()).add(c.parent)
                self.wires.setdefault(c.parent, set()).add(c.id)
        self.internet = [c.id for c in design.components if c.kind is Kind.INTERNET]
        self.services = list(self.needs)
        self.members = {c.id: [s for s in self.services if self.comp[s].tier == c.id]
                        for c in design.components if c.kind is Kind.TIER}
        self.entries = self._entries()
        self.failable = [c.id for c in design.components if c.kind not in NEVER_FAIL]

    # -- section 2 ----------------------------------------------------------
    def _entries(self) -> list[str]:
        marked = [c.id for c in self.d.components if c.entry]
        if marked:
            return marked
        if not self.services:
            return [c.id for c in self.d.components if c.kind is Kind.SERVER]
        needed = set()
        for targets in self.needs.values():
            for t in targets:
                needed.add(t)
                if self.comp[t].kind is Kind.SERVICE and self.comp[t].tier:
                    needed.add(self.comp[t].tier)
        tiers = [t for t, ms in self.members.items() if ms]
        loose = [s for s in self.services if not self.comp[s].tier]
        found = [x for x in tiers + loose if x not in needed]
        return found or tiers + loose

    def system_up(self, failed) -> bool:
        return _Scenario(self, frozenset(failed)).system_up()

    def spofs(self) -> set[str]:
        if not self.system_up(()):
            return set()
        return {c for c in self.failable if not self.system_up({c})}

    def cuts2(self) -> set[frozenset[str]]:
        if not self.system_up(()):
            return set()
        single = self.spofs()
        rest = [c for c in self.failable if c not in single]
        return {frozenset(p) for p in combinations(rest, 2) if not self.system_up(p)}


class _Scenario:
    def __init__(self, oracle: Oracle, failed: frozenset[str]) -> None:
        self.o, self.failed = oracle, failed
        self.memo: dict = {}

    def intact(self, cid) -> bool:
        c = self.o.comp[cid]
        if c.kind is Kind.SEGMENT:
            return True
        if cid in self.failed:
            return False
        return c.parent is None or self.intact(c.parent)

    def supplies(self, cid) -> bool:
        inputs = self.o.feeds_of.get(cid, [])
        if self.o.comp[cid].kind in (Kind.UTILITY_FEED, Kind.GENERATOR) or not inputs:
            return self.intact(cid)
        return self.intact(cid) and any(self.supplies(s) for s in inputs)

    def powered(self, cid) -> bool:
        c = self.o.comp[cid]
        if c.kind in (Kind.NIC, Kind.DISK, Kind.SERVICE):
            return self.powered(c.parent)
        if c.kind not in DEVICES:
            return True
        ways = self.o.feeds_of.get(cid, []) + [
            k.id for k in self.o.kids.get(cid, []) if k.kind is Kind.PSU]
        return not ways or any(self.supplies(w) for w in ways)

    def works(self, cid) -> bool:
        key = ("works", cid)
        if key not in self.memo:
            c = self.o.comp[cid]
            if c.kind in SUPPLIES:
                self.memo[key] = self.supplies(cid)
            else:
                self.memo[key] = self.intact(cid) and self.powered(cid) and self.storage(c)
        return self.memo[key]

    def storage(self, server) -> bool:
        disks = [k.id for k in self.o.kids.get(server.id, []) if k.kind is Kind.DISK]
        if server.kind is not Kind.SERVER or not disks:
            return True
        ok = [self.intact(d) for d in disks]
        level = server.raid.value if server.raid else "none"
        if level == "raid10":
            return all(any(ok[i:i + 2]) for i in range(0, len(ok), 2))
        need = {"raid1": 1, "raid5": len(ok) - 1, "raid6": len(ok) - 2}.get(level, len(ok))
        return sum(ok) >= max(need, 1)

    # -- network --------------------------------------------------------------
    def host_side(self, host) -> set[str]:
        return {host} | {k.id for k in self.o.kids.get(host, []) if k.kind is Kind.NIC}

    def modeled(self, host) -> bool:
        return bool(self.host_side(host) & self.o.cabled)

    def passes(self, v) -> bool:
        c = self.o.comp[v]
        if c.kind is Kind.SERVER:
            return False
        return not (c.kind is Kind.NIC and self.o.comp[c.parent].kind is Kind.SERVER)

    def connected(self, start: set[str], goal: set[str]) -> bool:
        start = {v for v in start if self.works(v)}
        seen, todo = set(start), list(start)
        while todo:
            v = todo.pop()
            if v in goal:
                return True
            if v not in start and not self.passes(v):
                continue
            for w in self.o.wires.get(v, ()):
                if w not in seen and self.o.comp[w].kind in NETWORKED and self.works(w):
                    seen.add(w)
                    todo.append(w)
        return False

    def talk(self, a, b) -> bool:
        if a == b or not self.modeled(a) or not self.modeled(b):
            return True
        return self.connected(self.host_side(a), self.host_side(b))

    def from_internet(self, host) -> bool:
        if not self.o.internet or not self.modeled(host):
            return True
        return self.connected(set(self.o.internet), self.host_side(host))

    # -- services ---------------------------------------------------------------
    def service_states(self) -> dict[str, bool]:
        if "services" in self.memo:
            return self.memo["services"]
        up = {s: True for s in self.o.services}
        changed = True
        while changed:
            changed = False
            for s in self.o.services:
                if up[s] and not self.service_ok(s, up):
                    up[s], changed = False, True
        self.memo["services"] = up
        return up

    def service_ok(self, s, up) -> bool:
        host = self.o.comp[s].parent
        if not (self.works(host) and self.intact(s)):
            return False
        for t in self.o.needs[s]:
            if self.o.comp[t].kind is Kind.TIER:
                k = self.o.comp[t].quorum or 1
                good = sum(up[m] and self.talk(host, self.o.comp[m].parent)
                           for m in self.o.members[t])
                if good < k:
                    return False
            elif not (up[t] and self.talk(host, self.o.comp[t].parent)):
                return False
        return True

    def entry_up(self, e) -> bool:
        c = self.o.comp[e]
        if c.kind is Kind.SERVER:
            return self.works(e) and self.from_internet(e)
        up = self.service_states()
        if c.kind is Kind.TIER:
            good = sum(up[m] and self.from_internet(self.o.comp[m].parent)
                       for m in self.o.members[e])
            return good >= (c.quorum or 1)
        return up[e] and self.from_internet(c.parent)

    def system_up(self) -> bool:
        return all(self.entry_up(e) for e in self.o.entries)
