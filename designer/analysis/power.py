"""Placement and power as circuit gates (ANALYSIS.md section 2).

intact(c): c and every placement ancestor have not failed.
supply(s): a feed or generator is intact; a UPS or PDU is intact and at least
one of its inputs supplies (no battery ride-through: the contract says "up if
intact and any input is up").
powered(d): a device with PSUs and/or direct power inputs is powered when any
one of them delivers; a PSU delivers when intact and any input supplies.
Parts inside a device (NICs, disks, services) share the device's power.
Anything with no power drawn is assumed powered and noted, never a SPOF.
"""
from __future__ import annotations

from collections import defaultdict
from graphlib import TopologicalSorter

from designer.model import Design, Kind, LinkKind
from designer.model.kinds import NEVER_FAIL, PSU_HOSTS

from .ir import Circuit

POWERED_DEVICES = PSU_HOSTS | {Kind.ISP_UPLINK}
NOT_MODELED_POWER = "power not modeled: assumed powered"
NO_INPUT = "no power input drawn: assumed powered"


class Power:
    def __init__(self, design: Design, circuit: Circuit, note) -> None:
        self.design, self.c, self.note = design, circuit, note
        self.inputs: dict[str, list[str]] = defaultdict(list)
        for link in design.links:
            if link.kind is LinkKind.POWER:
                self.inputs[link.target].append(link.source)
        self.psus: dict[str, list[str]] = defaultdict(list)
        for comp in design.components:
            if comp.kind is Kind.PSU and comp.parent:
                self.psus[comp.parent].append(comp.id)
        self._intact: dict[str, int] = {}
        self._supply: dict[str, int] = {}
        self._powered: dict[str, int] = {}
        self._build_supplies()

    def intact(self, cid: str) -> int:
        found = self._intact.get(cid)
        if found is not None:
            return found
        comp = self.design.by_id[cid]
        if comp.kind is Kind.SEGMENT:      # drawn inside a site, never a failure domain
            gate = self.c.const(True)
        else:
            own = self.c.const(True) if comp.kind in NEVER_FAIL else self.c.event(cid)
            gate = self.c.and_([own, self.intact(comp.parent)]) if comp.parent else own
        self._intact[cid] = gate
        return gate

    def _build_supplies(self) -> None:
        """UPS/PDU/PSU chains in power order (the model forbids power loops)."""
        order = TopologicalSorter({t: srcs for t, srcs in self.inputs.items()})
        kinds = (Kind.UTILITY_FEED, Kind.GENERATOR, Kind.UPS, Kind.PDU, Kind.PSU)
        placed = set()
        for cid in order.static_order():
            placed.add(cid)
            if self.design.by_id[cid].kind in kinds:
                self._supply[cid] = self._source_gate(cid)
        for comp in self.design.components:
            if comp.kind in kinds and comp.id not in placed:
                self._supply[comp.id] = self._source_gate(comp.id)

    def _source_gate(self, cid: str) -> int:
        comp = self.design.by_id[cid]
        if comp.kind in (Kind.UTILITY_FEED, Kind.GENERATOR):
            return self.intact(cid)
        sources = self.inputs.get(cid)
        if not sources:
            self.note(cid, NO_INPUT, not_modeled=True)
            return self.intact(cid)
        return self.c.and_([self.intact(cid),
                            self.c.or_(self._supply[s] for s in sources)])

    def supply(self, cid: str) -> int:
        """Gate: this feed, generator, UPS, PDU or PSU delivers power."""
        return self._supply[cid]

    def powered(self, cid: str) -> int:
        """Gate: device `cid` (or the device it sits in) has power."""
        found = self._powered.get(cid)
        if found is not None:
            return found
        comp = self.design.by_id[cid]
        if comp.kind in POWERED_DEVICES:
            feeds = [self._supply[s] for s in self.inputs.get(cid, ())]
            feeds += [self._supply[p] for p in self.psus.get(cid, ())]
            if feeds:
                gate = self.c.or_(feeds)
            else:
                self.note(cid, NOT_MODELED_POWER, not_modeled=True)
                gate = self.c.const(True)
        elif comp.kind in (Kind.NIC, Kind.DISK, Kind.SERVICE) and comp.parent:
            gate = self.powered(comp.parent)
        else:
            gate = self.c.const(True)
        self._powered[cid] = gate
        return gate
