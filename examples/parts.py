"""Building blocks for the example designs: sized, placed components.

Geometry follows the file format: x, y are the top-left corner relative to
the placement parent; every component carries the size the canvas draws it
at (designer/canvas/geometry.py), so the examples open without overlaps.
A server card has its services (130x30 pills) under a 26 px title; its
PSUs (from the left) and disks (from the right) straddle the bottom edge and
its NICs the right edge, as the canvas lays them out.
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Optional

from designer.model import Component, Kind, Link, LinkKind, RaidLevel, ServiceRole

TITLE_H, PAD = 26, 12
# As designer/canvas/geometry.py lays chips out (CHIP_W, CHIP_MARGIN, ...).
CHIP_W, CHIP_H, CHIP_GAP, CHIP_MARGIN = 38, 18, 3, 6
SERVICE_W, SERVICE_H, SERVICE_GAP = 130, 30, 6
DEVICE = (136, 44)
SIZES = {Kind.TIER: (180, 80), Kind.NOTE: (220, 110)}


@dataclass
class Sketch:
    """Components and links collected in drawing order."""

    components: list[Component] = field(default_factory=list)
    links: list[Link] = field(default_factory=list)

    def add(self, cid: str, kind: Kind, x: float = 0, y: float = 0,
            size: Optional[tuple[float, float]] = None, **props) -> str:
        width, height = size or SIZES.get(kind, DEVICE)
        self.components.append(Component(id=cid, kind=kind, x=x, y=y, width=width,
                                         height=height, **props))
        return cid

    def link(self, kind: LinkKind, source: str, target: str, **props) -> None:
        prefix = {LinkKind.POWER: "pwr", LinkKind.NETWORK: "net",
                  LinkKind.DEPENDENCY: "dep"}[kind]
        self.links.append(Link(id=f"{prefix}-{source}-{target}", kind=kind,
                               source=source, target=target, **props))

    def power(self, source: str, *targets: str) -> None:
        for target in targets:
            self.link(LinkKind.POWER, source, target)

    def wire(self, a: str, *others: str) -> None:
        for other in others:
            self.link(LinkKind.NETWORK, a, other)

    def needs(self, service: str, target: str, port: int) -> None:
        self.link(LinkKind.DEPENDENCY, service, target, port=port)


@dataclass
class Service:
    id: str
    role: ServiceRole
    ports: tuple[int, ...]
    label: str
    tier: Optional[str] = None
    entry: bool = False
    public: bool = False


@dataclass
class Server:
    """What `add_server` made: ids to wire power and network to."""

    id: str
    psus: list[str]
    nics: list[str]
    services: list[str]


def server_size(services: int, bottom_chips: int) -> tuple[int, int]:
    """Wide enough for the chips along the bottom, tall enough for the services."""
    width = CHIP_MARGIN * 2 + bottom_chips * (CHIP_W + CHIP_GAP)
    height = TITLE_H + SERVICE_GAP + services * (SERVICE_H + SERVICE_GAP) + CHIP_H
    return (max(180, _ceil10(width)), max(90, _ceil10(height)))


def add_server(sketch: Sketch, sid: str, parent: str, x: float, y: float,
               label: str, services: list[Service], psus: int = 1, nics: int = 1,
               disks: int = 1, raid: Optional[RaidLevel] = None,
               segment: Optional[str] = None, size: Optional[tuple[int, int]] = None,
               top: float = TITLE_H + SERVICE_GAP, left: float = PAD) -> Server:
    """A server card; `size` widens it past the minimum and `top` drops its
    services lower, leaving room under the title for a tier's tag; `left`
    shifts them right, so a link down from a service clears the PSU chips."""
    least = server_size(len(services), psus + disks)
    width, height = size or least
    height = max(height, least[1] + top - TITLE_H - SERVICE_GAP)
    sketch.add(sid, Kind.SERVER, x, y, (width, height), label=label, parent=parent,
               raid=raid, segment=segment)
    chip_y, step = height - CHIP_H / 2, CHIP_W + CHIP_GAP
    psu_ids = [f"{sid}-psu{i + 1}" for i in range(psus)]
    for i, cid in enumerate(psu_ids):
        sketch.add(cid, Kind.PSU, CHIP_MARGIN + i * step, chip_y, (CHIP_W, CHIP_H),
                   label=f"PSU {i + 1}", parent=sid)
    for i in range(disks):
        sketch.add(f"{sid}-disk{i + 1}", Kind.DISK, width - CHIP_MARGIN - CHIP_W - i * step,
                   chip_y, (CHIP_W, CHIP_H), label=f"sd{'abcdefgh'[i]}", parent=sid)
    nic_ids = [f"{sid}-nic{i + 1}" for i in range(nics)]
    for i, cid in enumerate(nic_ids):
        sketch.add(cid, Kind.NIC, width - CHIP_W / 2, TITLE_H + 4 + i * (CHIP_H + CHIP_GAP),
                   (CHIP_W, CHIP_H), label=f"eth{i}", parent=sid)
    for i, svc in enumerate(services):
        sketch.add(svc.id, Kind.SERVICE, left, top + i * (SERVICE_H + SERVICE_GAP),
                   (SERVICE_W, SERVICE_H), label=svc.label, parent=sid, role=svc.role,
                   ports=svc.ports, tier=svc.tier, entry=svc.entry, public=svc.public)
    return Server(sid, psu_ids, nic_ids, [s.id for s in services])


def _ceil10(value: float) -> int:
    return int(math.ceil(value / 10) * 10)
