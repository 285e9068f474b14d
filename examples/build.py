"""Regenerate the example designs: `python examples/build.py [OUTDIR]`.

Each function draws one real deployment with the model's own classes, so an
example can never drift from what the model accepts. The JSON files next to
this script are committed; tests check they match what this script makes.
"""
from __future__ import annotations

import sys
from pathlib import Path

if __package__ in (None, ""):       # run as a script: make `parts` importable
    sys.path.insert(0, str(Path(__file__).resolve().parent))

from parts import DEVICE, Service, Sketch, add_server  # noqa: E402

from designer.io import save_design  # noqa: E402
from designer.model import (Design, FirewallRule, Kind, RaidLevel,  # noqa: E402
                            ServiceRole, Settings, Trust)

HERE = Path(__file__).resolve().parent
# ISP business lines are sold with an SLA and a monthly price: a real design states them.
UPLINK = dict(availability=0.999, opex_monthly=350.0)
NGINX = ("nginx", ServiceRole.PROXY, (80, 443))
APP = ("app", ServiceRole.WEB, (8080,))
POSTGRES = ("PostgreSQL", ServiceRole.DATABASE, (5432,))
# The replicated stack: (server prefix, title, software, service prefix, tier).
ROLES = [("proxy", "Proxy", NGINX, "nginx", "tier-proxy"),
         ("web", "Web", APP, "app", "tier-web"),
         ("db", "Database", POSTGRES, "postgres", "tier-db")]
Point = tuple[float, float]


def _service(sid: str, what: tuple, **props) -> Service:
    label, role, ports = what
    return Service(sid, role, ports, label, **props)


def _site_basics(sk: Sketch, site: str, label: str, at: Point, size: Point,
                 feed_at: Point, uplink_at: Point, suffix: str) -> None:
    """A site with its utility feed and its ISP uplink."""
    sk.add(site, Kind.SITE, *at, size, label=label)
    sk.add(f"feed-{suffix}", Kind.UTILITY_FEED, *feed_at, label="Utility feed",
           parent=site)
    sk.add(f"uplink-{suffix}", Kind.ISP_UPLINK, *uplink_at, label="ISP uplink",
           parent=site, **UPLINK)


def monolith() -> Design:
    sk = Sketch()
    sk.add("internet", Kind.INTERNET, 410, 20, label="Internet")
    _site_basics(sk, "site-a", "Office server room", (40, 130), (900, 500), (24, 44),
                 (740, 44), "a")
    sk.add("switch-1", Kind.SWITCH, 380, 150, label="Switch", parent="site-a")
    srv = add_server(sk, "srv-1", "site-a", 340, 250, "Server 1", [
        _service("nginx", NGINX, entry=True, public=True),
        _service("app", APP), _service("postgres", POSTGRES)],
        size=(220, 160))                # room for the loops between its services
    sk.add("note-1", Kind.NOTE, 980, 130,
           text="Everything runs on one box: every part of it is a single "
                "point of failure. Start here and add redundancy.")
    sk.power("feed-a", *srv.psus, "switch-1", "uplink-a")
    sk.wire("internet", "uplink-a")
    sk.wire("switch-1", "uplink-a", *srv.nics)
    sk.needs("nginx", "app", 8080)
    sk.needs("app", "postgres", 5432)
    return _design("Monolith", sk, downtime=500.0)


# Server cards with their service low and right of the PSUs: a tier's tag
# and the links between services then run clear of titles and chips.
CARD = dict(size=(180, 100), top=52, left=38)
WEB_STEP, ZONE_H = 170, 420      # web 1 to web 2; the zones' height


def three_tier() -> Design:
    sk = Sketch()
    sk.add("internet", Kind.INTERNET, 450, 20, label="Internet")
    _site_basics(sk, "site-a", "Data centre", (40, 130), (1000, 200 + ZONE_H + 24),
                 (340, 44), (101, 44), "a")
    _zones(sk)
    firewalls = _firewalls(sk)
    sk.add("tier-web", Kind.TIER, 1080, 440, label="Web tier", quorum=1)
    sk.add("note-1", Kind.NOTE, 1080, 130,
           text="Segmented: only 80/443 reach the proxy, only the proxy reaches "
                "the web tier, only the web tier reaches the database.")
    proxy = add_server(sk, "proxy-1", "site-a", 74, 300, "Proxy 1", [
        _service("nginx-1", NGINX, entry=True, public=True)], psus=2, segment="seg-dmz",
        **CARD)
    webs = [add_server(sk, f"web-{i}", "site-a", 389, 300 + (i - 1) * WEB_STEP,
                       f"Web {i}", [_service(f"app-{i}", APP, tier="tier-web")], psus=2,
                       segment="seg-web", **CARD) for i in (1, 2)]
    db = add_server(sk, "db-1", "site-a", 719, 300 + WEB_STEP // 2, "Database 1", [
        _service("postgres-1", POSTGRES)], psus=2, disks=2, raid=RaidLevel.RAID1,
        segment="seg-db", **CARD)
    hosts = [proxy, *webs, db]
    sk.power("feed-a", *(p for h in hosts for p in h.psus), "sw-dmz", "sw-web", "sw-db",
             *firewalls, "uplink-a")
    sk.wire("uplink-a", "internet", "fw-edge")
    sk.wire("sw-dmz", "fw-edge", "fw-web", *proxy.nics)
    sk.wire("sw-web", "fw-web", "fw-db", *(n for w in webs for n in w.nics))
    sk.wire("sw-db", "fw-db", *db.nics)
    sk.needs("nginx-1", "tier-web", 8080)
    for web in webs:
        sk.needs(web.services[0], "postgres-1", 5432)
    return _design("Three-tier", sk, downtime=2000.0)


def _zones(sk: Sketch) -> None:
    """DMZ, web and database networks side by side, each with its switch."""
    zones = [("seg-dmz", "DMZ", Trust.DMZ, 24, 290),
             ("seg-web", "Web network", Trust.INTERNAL, 334, 290),
             ("seg-db", "Database network", Trust.DATA, 644, 330)]
    for sid, label, trust, zx, zw in zones:
        sk.add(sid, Kind.SEGMENT, zx, 200, (zw, ZONE_H), label=label, trust=trust,
               parent="site-a")
        sk.add(f"sw-{sid[4:]}", Kind.SWITCH, zx + (zw - DEVICE[0]) // 2, 230,
               label=f"{label} switch", parent="site-a", segment=sid)


def _firewalls(sk: Sketch) -> list[str]:
    """One firewall at each zone boundary, default deny, opening only the
    flows the stack needs."""
    rules = {
        "fw-edge": (101, "Edge firewall", [
            FirewallRule(destination="seg-dmz", port=443, comment="HTTPS to the proxy"),
            FirewallRule(destination="seg-dmz", port=80, comment="HTTP, redirected")]),
        "fw-web": (256, "Web firewall", [FirewallRule(
            source="seg-dmz", destination="seg-web", port=8080, comment="proxy to web")]),
        "fw-db": (566, "Database firewall", [FirewallRule(
            source="seg-web", destination="seg-db", port=5432, comment="web to database")]),
    }
    for fid, (fx, label, fw_rules) in rules.items():
        sk.add(fid, Kind.FIREWALL, fx, 120, label=label, parent="site-a",
               rules=tuple(fw_rules), default_deny=True)
    return list(rules)


# duplicated-services: one rack, a row per tier (replica 1 left, replica 2
# right, the tier's tag between them), PDU A on the rack's left edge and PDU B
# on its right at the height of the web row, the switch above the aisle
# between the replicas: power comes in from the sides, network from the top.
COL_GAP, ROW_GAP, PDU_GAP = 170, 60, 60


def duplicated_services() -> Design:
    sk = Sketch()
    width, height = CARD["size"]
    left = 16 + DEVICE[0] + PDU_GAP                 # replica 1's column in the rack
    right = left + width + COL_GAP                  # replica 2's column
    rack_w = right + width + PDU_GAP + DEVICE[0] + 16
    row_y = [36 + r * (height + ROW_GAP) for r in range(3)]
    rack_h, site_w = row_y[-1] + height + 30, rack_w + 48
    sk.add("internet", Kind.INTERNET, 16 + site_w - DEVICE[0], 20, label="Internet")
    _site_basics(sk, "site-a", "Data centre", (40, 130), (site_w, rack_h + 178), (24, 44),
                 (site_w - 24 - DEVICE[0], 44), "a")
    sk.add("rack-1", Kind.RACK, 24, 154, (rack_w, rack_h), label="Rack 1", parent="site-a")
    # A and B power strips, as racks have: PSU 1 of every server on A, PSU 2 on B.
    pdu_y = row_y[1] + height + ROW_GAP / 2 - DEVICE[1] / 2
    strips = [sk.add(f"pdu-{ab}", Kind.PDU, x, pdu_y, label=f"PDU {ab.upper()}",
                     parent="rack-1") for ab, x in (("a", 16), ("b", rack_w - 16 - DEVICE[0]))]
    sk.add("switch-1", Kind.SWITCH, 24 + right - COL_GAP / 2 - DEVICE[0] / 2, 100,
           label="Top-of-rack switch", parent="site-a")
    for i, (tid, label) in enumerate([("tier-proxy", "Proxy tier"),
                                      ("tier-web", "Web tier"), ("tier-db", "Database tier")]):
        sk.add(tid, Kind.TIER, site_w + 80, 300 + i * 100, label=label, quorum=1,
               entry=tid == "tier-proxy")
    sk.add("note-1", Kind.NOTE, site_w + 80, 130,
           text="Every service has two replicas on two PSUs and two PDUs, yet one "
                "feed, one uplink, one switch, one rack and one site carry them all.")
    hosts = []
    for r, (prefix, title, what, svc, tier) in enumerate(ROLES):
        is_db = prefix == "db"
        for i, x in ((1, left), (2, right)):
            hosts.append(add_server(
                sk, f"{prefix}-{i}", "rack-1", x, row_y[r],
                f"{title} {i}", [_service(f"{svc}-{i}", what, tier=tier,
                                          public=prefix == "proxy")],
                psus=2, disks=2 if is_db else 1, raid=RaidLevel.RAID1 if is_db else None,
                **CARD))
    sk.power("feed-a", *strips, "switch-1", "uplink-a")
    for strip, side in zip(strips, (0, 1)):
        sk.power(strip, *(h.psus[side] for h in hosts))
    sk.wire("internet", "uplink-a")
    sk.wire("switch-1", "uplink-a", *(n for h in hosts for n in h.nics))
    for i in (1, 2):
        sk.needs(f"nginx-{i}", "tier-web", 8080)
        sk.needs(f"app-{i}", "tier-db", 5432)
    return _design("Duplicated services", sk, downtime=2000.0)


def multi_site() -> Design:
    sk = Sketch()
    w = 620                                          # of a site
    sk.add("internet", Kind.INTERNET, 40 + w + 20 - DEVICE[0] / 2, 20, label="Internet")
    for i, (tid, label) in enumerate([("tier-proxy", "Proxy tier"), ("tier-web", "Web tier"),
                                      ("tier-db", "Database tier")]):
        sk.add(tid, Kind.TIER, 40 + i * 260, 740, label=label, quorum=1,
               entry=tid == "tier-proxy")
    sk.add("note-1", Kind.NOTE, 820, 680,
           text="Two sites, each with its own feed and uplink: no single "
                "failure takes the service down.")
    _stack_site(sk, "a", "Frankfurt DC", 40)
    _stack_site(sk, "b", "Amsterdam DC", 40 + w + 40)
    return _design("Multi-site", sk, downtime=10000.0)


def _stack_site(sk: Sketch, suffix: str, city: str, x: float) -> None:
    """One site of multi-site: the whole stack, one replica of each tier.
    Both sites look alike: the feed on the left, where power comes into
    the PSUs, a column of servers, switch and uplink on the right by the NICs.
    Each tier's replicas line up in one row across both sites."""
    site, sx, gap = f"site-{suffix}", 220, 60       # servers' column, rows' gap
    rows = [60 + r * (100 + gap) for r in range(3)]
    # Feed and switch sit level with the gap under the web row, clear of the
    # tier spines; the uplink above the switch.
    _site_basics(sk, site, city, (x, 130), (620, rows[-1] + 150), (24, rows[2] - 52),
                 (sx + 240, 44), suffix)
    switch = sk.add(f"sw-{suffix}", Kind.SWITCH, sx + 240, rows[2] - 52,
                    label="Switch", parent=site)
    hosts = []
    for r, (prefix, title, what, svc, tier) in enumerate(ROLES):
        is_db = prefix == "db"
        hosts.append(add_server(
            sk, f"{prefix}-{suffix}", site, sx, rows[r],
            f"{title} {suffix.upper()}", [_service(f"{svc}-{suffix}", what, tier=tier,
                                                  public=prefix == "proxy")],
            psus=2, disks=2 if is_db else 1, raid=RaidLevel.RAID1 if is_db else None,
            **CARD))
    sk.power(f"feed-{suffix}", *(p for h in hosts for p in h.psus), switch,
             f"uplink-{suffix}")
    sk.wire("internet", f"uplink-{suffix}")
    sk.wire(switch, f"uplink-{suffix}", *(n for h in hosts for n in h.nics))
    sk.needs(f"nginx-{suffix}", "tier-web", 8080)
    sk.needs(f"app-{suffix}", "tier-db", 5432)


def _design(name: str, sk: Sketch, downtime: float) -> Design:
    return Design(settings=Settings(name=name, downtime_cost_per_hour=downtime),
                  components=tuple(sk.components), links=tuple(sk.links))


EXAMPLES = {"monolith": monolith, "three-tier": three_tier,
            "duplicated-services": duplicated_services, "multi-site": multi_site}


def main(argv: list[str]) -> None:
    """Write every example into HERE, or into the folder given."""
    out = Path(argv[0]) if argv else HERE
    for name, build in EXAMPLES.items():
        path = out / f"{name}.weaklink.json"
        save_design(build(), path)
        print(f"wrote {path}")


if __name__ == "__main__":
    main(sys.argv[1:])
