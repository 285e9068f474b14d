"""The reachability matrix: every zone against every service port, and the
evidence behind one cell (what the matrix dock shows on a click). No Qt."""
from __future__ import annotations

from .context import Context
from .reach import Flow
from .result import Cell


def cell_status(ctx: Context, zone: str, service, port: int) -> str:
    if service.zone == zone:
        return "same-zone"
    packet = ctx.packet(zone, None, service.host, port)
    if ctx.reacher.reached(packet):
        return "open"
    return "blocked" if ctx.reacher.flow(packet, ignore_rules=True).path else "no-path"


def matrix(ctx: Context) -> list[Cell]:
    cells = []
    for service in ctx.services:
        if not ctx.topo.modeled(service.host):
            continue
        for port in service.ports:
            for zone in ctx.topo.zone_ids:
                if ctx.topo.zone_starts(zone) or zone == service.zone:
                    cells.append(Cell(zone, service.id, port,
                                      cell_status(ctx, zone, service, port)))
    return cells


def cell_flow(ctx: Context, zone: str, service_id: str, port: int) -> Flow:
    """The path a packet from `zone` to the service takes (or would take),
    with the rule that allowed or blocked each firewall hop."""
    service = ctx.service_by_id[service_id]
    return ctx.reacher.flow(ctx.packet(zone, None, service.host, port))


def probe_ports(ctx: Context) -> list[int]:
    """One port from each stretch of ports that every rule treats alike:
    enough to tell whether some firewall restricts by port at all."""
    edges = {1}
    for rules in ctx.book.rules.values():
        for rule in rules:
            edges.update((rule.low, rule.high + 1))
    return sorted(p for p in edges if 1 <= p <= 65535)
