"""Building blocks for the example designs: sized, placed components.

Geometry follows the file format: x, y are the top-left corner relative to
the placement parent; containers carry width and height. A server card is
180 wide; its services (120x36) stack under a 24 px title, its PSUs and NICs
(28x20 chips) run along the bottom edge and its disks down the right edge.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional

from designer.model import Component, Kind, Link, LinkKind, RaidLevel, ServiceRole

SERVER_W = 180
CHIP_W, CHIP_H, CHIP_GAP = 28, 20, 4
SERVICE_W, SERVICE_H, SERVICE_GAP = 120, 36, 6
TITLE_H = 28
# Default sizes of the devices that are not containers.
SIZES = {
    Kind.UTILITY_FEED: (120, 48), Kind.ISP_UPLINK: (140, 48), Kind.SWITCH: (140, 40),
    Kind.FIREWALL: (120, 48), Kind.INTERNET: (160, 64), Kind.TIER: (160, 48),
    Kind.NOTE: (220, 90), Kind.PDU: (120, 40), Kind.UPS: (120, 48),
}


@dataclass
class Sketch:
    """Components and links collected in drawing order."""

    components: list[Component] = field(default_factory=list)
    links: list[Link] = field(default_factory=list)

    def add(self, cid: str, kind: Kind, x: float = 0, y: float = 0,
            size: Optional[tuple[float, float]] = None, **props) -> str:
        width, height = size or SIZES.get(kind, (None, None))
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


def server_height(services: int, disks: int) -> int:
    body = max(services * (SERVICE_H + SERVICE_GAP), disks * (CHIP_H + CHIP_GAP))
    return max(110, TITLE_H + body + CHIP_H + 10)


def add_server(sketch: Sketch, sid: str, parent: str, x: float, y: float,
               label: str, services: list[Service], psus: int = 1, nics: int = 1,
               disks: int = 1, raid: Optional[RaidLevel] = None,
               segment: Optional[str] = None) -> Server:
    height = server_height(len(services), disks)
    sketch.add(sid, Kind.SERVER, x, y, (SERVER_W, height), label=label, parent=parent,
               raid=raid, segment=segment)
    chip_y = height - CHIP_H - 6
    chips = [(f"{sid}-psu{i + 1}", Kind.PSU, f"PSU {i + 1}") for i in range(psus)]
    chips += [(f"{sid}-nic{i + 1}", Kind.NIC, f"eth{i}") for i in range(nics)]
    for i, (cid, kind, chip_label) in enumerate(chips):
        sketch.add(cid, kind, 8 + i * (CHIP_W + CHIP_GAP), chip_y, (CHIP_W, CHIP_H),
                   label=chip_label, parent=sid)
    for i in range(disks):
        sketch.add(f"{sid}-disk{i + 1}", Kind.DISK, SERVER_W - CHIP_W - 6,
                   TITLE_H + i * (CHIP_H + CHIP_GAP), (CHIP_W, CHIP_H),
                   label=f"sd{'abcdefgh'[i]}", parent=sid)
    for i, svc in enumerate(services):
        sketch.add(svc.id, Kind.SERVICE, 8, TITLE_H + i * (SERVICE_H + SERVICE_GAP),
                   (SERVICE_W, SERVICE_H), label=svc.label, parent=sid, role=svc.role,
                   ports=svc.ports, tier=svc.tier, entry=svc.entry, public=svc.public)
    return Server(sid, [c for c, k, _ in chips if k is Kind.PSU],
                  [c for c, k, _ in chips if k is Kind.NIC], [s.id for s in services])
