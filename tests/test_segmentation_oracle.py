"""Reachability through firewalls against a brute-force oracle: on random
small networks with random rule lists, a packet is delivered exactly when
some simple path from its source to its destination has every firewall on
it allowing the packet, by a plain first-match reading of the rules written
again here (no shared code with the engine)."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from designer.analysis.segmentation.context import Context
from designer.analysis.segmentation.rules import Packet
from designer.model import Component, Design, FirewallRule, Kind, Link, LinkKind

TRANSIT = ["inet", "sw1", "sw2", "fw1", "fw2", "fw3"]
HOSTS = ["h1", "h2"]
SIDES = ["any", "segA", "segB", "inet", "svc1"]
PORTS = [22, 80, 443]
RULE = st.fixed_dictionaries({
    "source": st.sampled_from(SIDES), "destination": st.sampled_from(SIDES),
    "protocol": st.sampled_from(["tcp", "udp", "any"]),
    "span": st.sampled_from([None, (22, 22), (80, 80), (20, 90), (400, 500)]),
    "action": st.sampled_from(["allow", "deny"])})


@st.composite
def networks(draw) -> Design:
    pairs = [(a, b) for i, a in enumerate(TRANSIT) for b in TRANSIT[i + 1:]]
    edges = draw(st.lists(st.sampled_from(pairs), min_size=2, max_size=8, unique=True))
    comps = [Component(id="inet", kind=Kind.INTERNET),
             Component(id="segA", kind=Kind.SEGMENT), Component(id="segB", kind=Kind.SEGMENT),
             Component(id="sw1", kind=Kind.SWITCH, segment="segA"),
             Component(id="sw2", kind=Kind.SWITCH, segment="segB")]
    for fw in ("fw1", "fw2", "fw3"):
        rules = []
        for r in draw(st.lists(RULE, max_size=4)):
            low, high = r["span"] or (None, None)
            rules.append(FirewallRule(source=r["source"], destination=r["destination"],
                                      protocol=r["protocol"], port=low,
                                      port_end=high if high != low else None,
                                      action=r["action"]))
        comps.append(Component(id=fw, kind=Kind.FIREWALL, rules=tuple(rules),
                               default_deny=draw(st.booleans())))
    links = [Link(id=f"{a}-{b}", kind=LinkKind.NETWORK, source=a, target=b)
             for a, b in edges]
    for host, seg in zip(HOSTS, ("segA", "segB")):
        comps += [Component(id=host, kind=Kind.SERVER, segment=seg),
                  Component(id=f"{host}-nic", kind=Kind.NIC, parent=host)]
        near = draw(st.sampled_from(TRANSIT[1:]))
        links.append(Link(id=f"{host}-{near}", kind=LinkKind.NETWORK,
                          source=f"{host}-nic", target=near))
    comps.append(Component(id="svc1", kind=Kind.SERVICE, parent="h1", ports=(80,)))
    return Design(components=tuple(comps), links=tuple(links))


def _side(spec, zone, host) -> bool:
    if spec == "any":
        return True
    if spec == "inet":
        return zone == "internet"
    if spec == "svc1":
        return host == "h1"
    return zone == spec


def _allows(comp, packet) -> bool:
    for rule in comp.rules:
        low, high = rule.ports
        if ((rule.protocol in ("any", packet.protocol)) and low <= packet.port <= high
                and _side(rule.source, packet.source_zone, packet.source_host)
                and _side(rule.destination, packet.destination_zone,
                          packet.destination_host)):
            return rule.action == "allow"
    return not comp.default_deny


def oracle(design: Design, packet: Packet, starts, goals) -> bool:
    adj: dict[str, set[str]] = {}
    for link in design.links:
        if link.source in TRANSIT and link.target in TRANSIT:
            adj.setdefault(link.source, set()).add(link.target)
            adj.setdefault(link.target, set()).add(link.source)

    def ok(v):
        comp = design.by_id[v]
        return comp.kind is not Kind.FIREWALL or _allows(comp, packet)

    def walk(v, seen):
        if v in goals:
            return True
        return any(walk(n, seen | {n}) for n in adj.get(v, ()) if n not in seen and ok(n))
    return any(ok(s) and walk(s, {s}) for s in starts)


def _near(design, host):
    return {link.target for link in design.links if link.source == f"{host}-nic"}


@settings(max_examples=150, deadline=None, database=None, derandomize=True)
@given(design=networks(), port=st.sampled_from(PORTS),
       source=st.sampled_from(["host", "internet", "zone"]))
def test_delivered_exactly_when_some_path_is_open(design, port, source):
    ctx = Context(design)
    protocol = "tcp"
    if source == "host":        # h1 (segA) to h2 (segB)
        packet = Packet(protocol, "segA", "h1", "segB", "h2", port)
        starts = _near(design, "h1")
    elif source == "internet":  # the Internet to h1
        packet = Packet(protocol, "internet", None, "segA", "h1", port)
        starts = {"inet"}
    else:                       # anywhere in segB (its switch, its hosts) to h1
        packet = Packet(protocol, "segB", None, "segA", "h1", port)
        starts = {"sw2"} | _near(design, "h2")
    goal_host = packet.destination_host
    expected = oracle(design, packet, starts, _near(design, goal_host))
    assert ctx.reacher.reached(packet) == expected
    flow = ctx.reacher.flow(packet)
    assert flow.reached == expected
    if expected:       # the evidence path is open hop by hop
        assert all(h.action != "deny" for h in flow.hops)
        assert flow.path[-1] == goal_host


# -- rule anomalies against packet enumeration -----------------------------------
ANOMALY_SIDES = ["any", "seg-dmz", "seg-web", "seg-db", "internet", "tier-web", "app-1",
                 "postgres-1"]
PROBE_PORTS = [1, 20, 21, 22, 23, 80, 90, 91, 5000, 5432, 5433, 6000, 6001, 65535]
ANOMALY_RULE = st.fixed_dictionaries({
    "source": st.sampled_from(ANOMALY_SIDES), "destination": st.sampled_from(ANOMALY_SIDES),
    "protocol": st.sampled_from(["tcp", "udp", "any"]),
    "span": st.sampled_from([None, (22, 22), (80, 80), (20, 90), (5000, 6000), (5432, 5432)]),
    "action": st.sampled_from(["allow", "deny"])})


def _packets(design):
    """Every distinguishable packet: from/to each zone at large, an address
    in no segment, and each host; every protocol; a port in each stretch."""
    hosts = {"proxy-1": "seg-dmz", "web-1": "seg-web", "web-2": "seg-web", "db-1": "seg-db"}
    ends = [(z, None) for z in ("internet", "seg-dmz", "seg-web", "seg-db", None)]
    ends += [(z, h) for h, z in hosts.items()]
    return [(src, dst, proto, port) for src in ends for dst in ends
            for proto in ("tcp", "udp", "icmp") for port in PROBE_PORTS]


def _matches(design, rule, packet) -> bool:
    (sz, sh), (dz, dh), proto, port = packet
    low, high = rule.ports

    def side(spec, zone, host):
        if spec == "any":
            return True
        comp = design.by_id[spec]
        if comp.kind is Kind.SEGMENT:
            return zone == spec
        if comp.kind is Kind.INTERNET:
            return zone == "internet"
        if comp.kind is Kind.TIER:
            return host in {c.parent for c in design.components if c.tier == spec}
        return host == comp.parent
    return (rule.protocol in ("any", proto) and low <= port <= high
            and side(rule.source, sz, sh) and side(rule.destination, dz, dh))


def _oracle_anomalies(design, rules) -> dict[int, tuple[str, tuple[int, ...]]]:
    """Rule index -> (anomaly, the other rule lines), by packet sets: hidden
    by one earlier rule, else by the union of the earlier rules (naming those
    that match some of its packets), else the first pairwise anomaly."""
    packets = _packets(design)
    sets = [frozenset(p for p in packets if _matches(design, r, p)) for r in rules]
    found = {}
    for j, later in enumerate(rules):
        single = next((i for i in range(j) if sets[j] <= sets[i]), None)
        before = frozenset().union(*sets[:j])
        if single is not None or (j and sets[j] <= before):
            causes = ([single] if single is not None else
                      [i for i in range(j) if sets[i] & sets[j]])
            same = all(rules[i].action == later.action for i in causes)
            found.setdefault(j, ("rule-redundant" if same else "rule-shadowed",
                                 tuple(causes)))
            continue
        for i in range(j):
            earlier, same = rules[i], rules[i].action == later.action
            if sets[i] <= sets[j]:
                if not same:
                    found.setdefault(j, ("rule-generalisation", (i,)))
                    break
                if not any(rules[k].action != earlier.action and sets[k] & sets[i]
                           for k in range(i + 1, j)):
                    found.setdefault(i, ("rule-redundant", (j,)))
                    break
            elif not same and sets[i] & sets[j]:
                found.setdefault(j, ("rule-correlated", (i,)))
                break
    return found


@settings(max_examples=200, deadline=None, database=None, derandomize=True)
@given(drawn=st.lists(ANOMALY_RULE, min_size=2, max_size=5))
def test_rule_anomalies_match_packet_enumeration(drawn):
    from tests.segmentation_support import set_rules, three_tier
    from designer.analysis.segmentation import analyze_segmentation
    rules = []
    for r in drawn:
        low, high = r["span"] or (None, None)
        rules.append({"source": r["source"], "destination": r["destination"],
                      "protocol": r["protocol"], "port": low,
                      "port_end": high if high != low else None, "action": r["action"]})
    design = set_rules(three_tier(), "fw-db", *rules)
    expected = _oracle_anomalies(design, design.by_id["fw-db"].rules)
    got = {}
    for f in analyze_segmentation(design, spofs=[]).findings:
        if f.check.startswith("rule-") and f.targets == ("fw-db",):
            subject = int(f.id.rsplit("#", 1)[1]) - 1
            got[subject] = (f.check, tuple(r.index for r in f.rules if r.index != subject))
    assert got == expected
