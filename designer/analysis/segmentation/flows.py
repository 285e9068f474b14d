"""Checks over packets (ANALYSIS.md section 6, checks 1-4 and 11, and the
management ports). No Qt."""
from __future__ import annotations

from .context import UNTRUSTED, Context, facts, make
from .result import Finding, Remedy
from .rules import Packet
from .topology import INTERNET

# Management protocols: SSH, telnet, RDP, WinRM, SNMP (+ traps), IPMI.
MANAGEMENT_PORTS = (22, 23, 3389, 5985, 5986, 161, 162, 623)


def internet_exposure(ctx: Context) -> list[Finding]:
    """1: a data store reachable from the Internet (critical); 2: Internet
    traffic reaching anything but a declared public service in the DMZ."""
    if not ctx.topo.internets:
        return []
    found = []
    for service in ctx.services:
        if not ctx.topo.modeled(service.host):
            continue
        for port in service.ports:
            flow = ctx.reacher.flow(ctx.from_internet(service.host, port))
            if not flow.reached:
                continue
            common = dict(rules=ctx.rule_refs(flow, "allow"), evidence=ctx.evidence(flow))
            subject = f"{service.id}:{port}"
            zone = [service.zone] + [h.component for h in flow.hops if h.action == "allow"]
            if service.role == "database":
                found.append(make(
                    "internet-reaches-data-store", subject, "critical",
                    [service.id, service.host, *zone], facts=facts(
                        service=service.id, port=port, zone=ctx.name(service.zone)),
                    remedies=_remedy(flow, service.host), **common))
            elif not (service.public and ctx.trust(service.zone) == "dmz"):
                why = "not public" if not service.public else "not in the DMZ"
                found.append(make(
                    "internet-reaches-internal", subject, "high",
                    [service.id, service.host, *zone], facts=facts(
                        service=service.id, port=port, zone=ctx.name(service.zone),
                        reason=why), **common))
    return found


def _first_allow(flow) -> str:
    return next((h.component for h in flow.hops if h.action == "allow"), "")


def _remedy(flow, data: str) -> tuple[Remedy, ...]:
    """Tighten the firewall that let the packet in; with none on the path,
    the data needs a segment of its own behind one."""
    fw = _first_allow(flow)
    return (Remedy("edit_rules", fw),) if fw else (Remedy("new_segment", data, "data"),)


def required_flows(ctx: Context) -> list[Finding]:
    """3: a flow the design needs (a dependency, or the Internet to a public
    service) that the rules block: the design does not work."""
    flows: list[tuple[str, Packet, str, str]] = []
    if ctx.topo.internets:
        for service in ctx.services:
            if service.public and ctx.topo.modeled(service.host):
                for port in service.ports:
                    flows.append((INTERNET, ctx.from_internet(service.host, port),
                                  "Internet", service.id))
    for client, server, port in ctx.dependencies():
        if client.host == server.host or not (ctx.topo.modeled(client.host)
                                              and ctx.topo.modeled(server.host)):
            continue
        for p in ([port] if port else server.ports):
            flows.append((client.id, ctx.packet(client.zone, client.host, server.host, p),
                          client.id, server.id))
    found = []
    for source, packet, client, server in flows:
        if ctx.reacher.reached(packet):
            continue
        flow = ctx.reacher.flow(packet)
        blockers = [h for h in flow.hops if h.action == "deny"]
        if not blockers:
            continue            # no cable at all: the availability analysis says so
        fw = blockers[0]
        found.append(make(
            "required-flow-blocked", f"{source}>{server}:{packet.port}", "high",
            [client, server, fw.component], rules=ctx.rule_refs(flow, "deny"),
            evidence=ctx.evidence(flow), facts=facts(
                client=client, server=server, port=packet.port, firewall=fw.component,
                rule="default" if fw.rule is None else fw.rule + 1),
            remedies=(Remedy("edit_rules", fw.component),)))
    return found


def web_beyond_proxy(ctx: Context) -> list[Finding]:
    """4: the web tier reachable from something other than the proxy tier
    (from another zone; the web tier's own segment is not filtered)."""
    proxies = {s.host for s in ctx.services if s.role == "proxy"}
    if not proxies:
        return []
    sources = [(INTERNET, None)] if ctx.topo.internets else []
    others = [h for h in ctx.topo.hosts if h not in proxies and ctx.topo.modeled(h)]
    sources += [(ctx.topo.zone_of[g[0]], g[0]) for g in ctx.host_groups(others)]
    found = []
    for web in ctx.services:
        if web.role != "web" or not ctx.topo.modeled(web.host):
            continue
        for port in web.ports:
            leaks = [(zone, host) for zone, host in sources
                     if zone != web.zone and host != web.host and
                     ctx.reacher.reached(ctx.packet(zone, host, web.host, port))]
            if not leaks:
                continue
            zone, host = leaks[0]
            flow = ctx.reacher.flow(ctx.packet(zone, host, web.host, port))
            names = sorted({ctx.name(host or zone) for zone, host in leaks})
            found.append(make(
                "web-reachable-beyond-proxy", f"{web.id}:{port}",
                "high" if zone == INTERNET else "medium",
                [web.id, web.host, web.zone, *[h.component for h in flow.hops
                                              if h.action == "allow"]],
                rules=ctx.rule_refs(flow, "allow"), evidence=ctx.evidence(flow),
                facts=facts(service=web.id, port=port, sources=", ".join(names[:5]),
                            more=max(0, len(names) - 5))))
    return found


def management_exposure(ctx: Context) -> list[Finding]:
    """Management ports (SSH, telnet, RDP, WinRM, SNMP, IPMI) of hosts in
    other zones reachable from an untrusted zone (the Internet or a DMZ)."""
    found = []
    for zone in ctx.topo.zone_ids:
        if ctx.trust(zone) not in UNTRUSTED:
            continue
        exposed: dict[str | None, list[tuple[str, int]]] = {}
        targets = [h for h in ctx.topo.hosts
                   if ctx.topo.zone_of[h] != zone and ctx.topo.modeled(h)]
        for group in ctx.host_groups(targets):
            for port in MANAGEMENT_PORTS:
                if ctx.reacher.reached(ctx.packet(zone, None, group[0], port)):
                    exposed.setdefault(ctx.topo.zone_of[group[0]], []).extend(
                        (host, port) for host in group)
        for target_zone, pairs in exposed.items():
            host, port = pairs[0]
            flow = ctx.reacher.flow(ctx.packet(zone, None, host, port))
            hosts = sorted({h for h, _ in pairs})
            ports = sorted({p for _, p in pairs})
            found.append(make(
                "management-exposed", f"{zone}>{target_zone or 'unzoned'}",
                "critical" if zone == INTERNET else "high",
                [zone, target_zone, *[h.component for h in flow.hops if h.action == "allow"],
                 *hosts[:20]],
                rules=ctx.rule_refs(flow, "allow"), evidence=ctx.evidence(flow),
                facts=facts(source=ctx.name(zone), zone=ctx.name(target_zone),
                            hosts=len(hosts), example=host,
                            ports=", ".join(map(str, ports)))))
    return found


def data_outbound(ctx: Context, probe_ports: list[int]) -> list[Finding]:
    """11: a data segment that can open a connection to the Internet on every
    port (no egress filtering)."""
    if not ctx.topo.internets:
        return []
    found = []
    for zone in ctx.topo.zone_ids:
        if ctx.trust(zone) != "data" or not ctx.topo.zone_starts(zone):
            continue
        packets = [ctx.packet(zone, None, None, p, INTERNET) for p in probe_ports]
        if all(ctx.reacher.reached(p) for p in packets):
            flow = ctx.reacher.flow(packets[-1])
            found.append(make(
                "data-outbound-open", zone, "high",
                [zone, *[h.component for h in flow.hops if h.action == "allow"]],
                rules=ctx.rule_refs(flow, "allow"), evidence=ctx.evidence(flow),
                facts=facts(zone=ctx.name(zone)),
                remedies=_remedy(flow, zone)))
    return found
