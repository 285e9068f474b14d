"""The kinds of component a user can draw, and what each kind can do.

Every capability table the model, the analysis and the canvas need lives here,
so that "can a PSU take power?" has exactly one answer.
"""
from __future__ import annotations

from enum import Enum


class Kind(str, Enum):
    SITE = "site"
    RACK = "rack"
    UTILITY_FEED = "utility_feed"
    GENERATOR = "generator"
    UPS = "ups"
    PDU = "pdu"
    PSU = "psu"
    SERVER = "server"
    DISK = "disk"
    INTERNET = "internet"
    ISP_UPLINK = "isp_uplink"
    ROUTER = "router"
    FIREWALL = "firewall"
    LOAD_BALANCER = "load_balancer"
    SWITCH = "switch"
    NIC = "nic"
    SERVICE = "service"
    TIER = "tier"
    SEGMENT = "segment"
    NOTE = "note"
    TEXT = "text"

    @property
    def title(self) -> str:
        return KIND_TITLES[self]

    @property
    def a_title(self) -> str:
        """The title with its article, for a sentence: "a Server", "an ISP
        uplink", "the Internet" (there is one)."""
        if self is Kind.INTERNET:
            return "the Internet"
        return ("an " if self is Kind.ISP_UPLINK else "a ") + self.title


KIND_TITLES = {
    Kind.SITE: "Site", Kind.RACK: "Rack", Kind.UTILITY_FEED: "Utility feed",
    Kind.GENERATOR: "Generator", Kind.UPS: "UPS", Kind.PDU: "PDU", Kind.PSU: "PSU",
    Kind.SERVER: "Server", Kind.DISK: "Disk", Kind.INTERNET: "Internet",
    Kind.ISP_UPLINK: "ISP uplink", Kind.ROUTER: "Router", Kind.FIREWALL: "Firewall",
    Kind.LOAD_BALANCER: "Load balancer", Kind.SWITCH: "Switch", Kind.NIC: "NIC",
    Kind.SERVICE: "Service", Kind.TIER: "Tier", Kind.SEGMENT: "Segment",
    Kind.NOTE: "Sticky note", Kind.TEXT: "Text",
}

FAMILIES: dict[str, tuple[Kind, ...]] = {
    "Places": (Kind.SITE, Kind.RACK),
    "Power": (Kind.UTILITY_FEED, Kind.GENERATOR, Kind.UPS, Kind.PDU, Kind.PSU),
    "Compute": (Kind.SERVER, Kind.DISK),
    "Network": (Kind.INTERNET, Kind.ISP_UPLINK, Kind.ROUTER, Kind.FIREWALL,
                Kind.LOAD_BALANCER, Kind.SWITCH, Kind.NIC),
    "Software": (Kind.SERVICE,),
    "Groups": (Kind.TIER, Kind.SEGMENT),
    "Notes": (Kind.NOTE, Kind.TEXT),
}

# Never fail by themselves (ANALYSIS.md section 1).
NEVER_FAIL = frozenset({Kind.INTERNET, Kind.TIER, Kind.SEGMENT, Kind.NOTE, Kind.TEXT})

# Kinds that have no meaning to the analyzer at all.
ANNOTATIONS = frozenset({Kind.NOTE, Kind.TEXT})

POWER_SOURCES = frozenset({Kind.UTILITY_FEED, Kind.GENERATOR, Kind.UPS, Kind.PDU})
# What may receive a power link (consumers). Feeds and generators are origins.
POWER_CONSUMERS = frozenset({
    Kind.UPS, Kind.PDU, Kind.PSU, Kind.SERVER, Kind.ROUTER, Kind.FIREWALL,
    Kind.LOAD_BALANCER, Kind.SWITCH, Kind.ISP_UPLINK,
})
# Devices whose PSUs, if any are drawn, are what powers them.
PSU_HOSTS = frozenset({Kind.SERVER, Kind.ROUTER, Kind.FIREWALL, Kind.LOAD_BALANCER,
                       Kind.SWITCH})

NETWORK_CAPABLE = frozenset({
    Kind.INTERNET, Kind.ISP_UPLINK, Kind.ROUTER, Kind.FIREWALL, Kind.LOAD_BALANCER,
    Kind.SWITCH, Kind.NIC, Kind.SERVER,
})
# Endpoints never carry traffic for others (a host does not route between its NICs).
NETWORK_ENDPOINTS = frozenset({Kind.SERVER, Kind.NIC})

# Placement: which parent kinds may hold a child kind.
_PLACES = frozenset({Kind.SITE, Kind.RACK})
ALLOWED_PARENTS: dict[Kind, frozenset[Kind]] = {
    Kind.SITE: frozenset(),
    Kind.RACK: frozenset({Kind.SITE}),
    Kind.UTILITY_FEED: frozenset({Kind.SITE}),
    Kind.GENERATOR: frozenset({Kind.SITE}),
    Kind.UPS: _PLACES,
    Kind.PDU: _PLACES,
    Kind.PSU: PSU_HOSTS,
    Kind.SERVER: _PLACES,
    Kind.DISK: frozenset({Kind.SERVER}),
    Kind.INTERNET: frozenset(),
    Kind.ISP_UPLINK: frozenset({Kind.SITE}),
    Kind.ROUTER: _PLACES,
    Kind.FIREWALL: _PLACES,
    Kind.LOAD_BALANCER: _PLACES,
    Kind.SWITCH: _PLACES,
    Kind.NIC: frozenset({Kind.SERVER, Kind.ROUTER, Kind.FIREWALL, Kind.LOAD_BALANCER}),
    Kind.SERVICE: frozenset({Kind.SERVER}),
    # A segment zone may sit inside a site for drawing; it is never a failure domain.
    Kind.TIER: frozenset(),
    Kind.SEGMENT: frozenset({Kind.SITE}),
    Kind.NOTE: frozenset(),
    Kind.TEXT: frozenset(),
}
TOP_LEVEL_ALLOWED = frozenset(k for k in Kind if k not in {Kind.PSU, Kind.DISK, Kind.NIC,
                                                          Kind.SERVICE})
CONTAINERS = frozenset(p for parents in ALLOWED_PARENTS.values() for p in parents)

# Memberships (not failure domains).
TIER_MEMBERS = frozenset({Kind.SERVICE})
SEGMENT_MEMBERS = frozenset({Kind.SERVER, Kind.NIC, Kind.ROUTER, Kind.LOAD_BALANCER,
                             Kind.SWITCH, Kind.ISP_UPLINK, Kind.INTERNET})
DEPENDENCY_TARGETS = frozenset({Kind.SERVICE, Kind.TIER})
