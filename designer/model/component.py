"""Components and links: the things a user draws. Immutable values; the
document replaces them on edit, so a snapshot for analysis is a cheap copy."""
from __future__ import annotations

from enum import Enum
from typing import Literal, Optional

from pydantic import BaseModel, ConfigDict, Field, model_validator

from .kinds import Kind

_FROZEN = ConfigDict(frozen=True, extra="forbid", use_enum_values=False)


class RaidLevel(str, Enum):
    NONE = "none"
    RAID0 = "raid0"
    RAID1 = "raid1"
    RAID5 = "raid5"
    RAID6 = "raid6"
    RAID10 = "raid10"


class ServiceRole(str, Enum):
    PROXY = "proxy"
    WEB = "web"
    APP = "app"
    DATABASE = "database"
    CACHE = "cache"
    QUEUE = "queue"
    CUSTOM = "custom"


class Trust(str, Enum):
    INTERNET = "internet"
    DMZ = "dmz"
    INTERNAL = "internal"
    DATA = "data"
    MANAGEMENT = "management"


class LinkKind(str, Enum):
    POWER = "power"
    NETWORK = "network"
    DEPENDENCY = "dependency"


Port = Field(ge=1, le=65535)


class FirewallRule(BaseModel):
    """One ordered rule; first match wins. Each side is `"any"` or the id of a
    segment, a tier, a service or the Internet (a tier or a service stands for
    the hosts that run it). `port` alone is one port, `port`..`port_end` a
    range, no port any port."""

    model_config = _FROZEN
    source: str = "any"
    destination: str = "any"
    protocol: Literal["tcp", "udp", "icmp", "any"] = "tcp"
    port: Optional[int] = Field(default=None, ge=1, le=65535)
    port_end: Optional[int] = Field(default=None, ge=1, le=65535)
    action: Literal["allow", "deny"] = "allow"
    comment: str = ""

    @model_validator(mode="after")
    def _range(self) -> "FirewallRule":
        if self.port_end is not None and (self.port is None or self.port_end < self.port):
            raise ValueError("a port range needs 'port' and a 'port_end' not below it")
        return self

    @property
    def ports(self) -> tuple[int, int]:
        """The first and last port this rule matches (1-65535 for any)."""
        if self.port is None:
            return (1, 65535)
        return (self.port, self.port_end if self.port_end is not None else self.port)


# Which optional fields belong to which kinds; anything else set is refused.
KIND_FIELDS: dict[str, frozenset[Kind]] = {
    "raid": frozenset({Kind.SERVER}),
    "role": frozenset({Kind.SERVICE}),
    "ports": frozenset({Kind.SERVICE}),
    "public": frozenset({Kind.SERVICE}),
    "entry": frozenset({Kind.SERVICE, Kind.TIER}),
    "quorum": frozenset({Kind.TIER}),
    "trust": frozenset({Kind.SEGMENT}),
    "rules": frozenset({Kind.FIREWALL}),
    "default_deny": frozenset({Kind.FIREWALL}),
    "tier": frozenset({Kind.SERVICE}),
}


class Component(BaseModel):
    model_config = _FROZEN

    id: str = Field(min_length=1, max_length=200)
    kind: Kind
    label: str = ""
    parent: Optional[str] = None
    tier: Optional[str] = None
    segment: Optional[str] = None
    # Canvas geometry: x, y relative to the placement parent (scene if none).
    # Every number is bounded (here and below) so no sum or ratio of them
    # overflows to inf or NaN; the bounds are far past any real value.
    x: float = Field(default=0.0, ge=-1e7, le=1e7)
    y: float = Field(default=0.0, ge=-1e7, le=1e7)
    width: Optional[float] = Field(default=None, gt=0, le=1e6)
    height: Optional[float] = Field(default=None, gt=0, le=1e6)
    # Reliability: availability given directly, or MTBF/MTTR; None = kind default.
    availability: Optional[float] = Field(default=None, gt=0, le=1)
    mtbf_hours: Optional[float] = Field(default=None, gt=0, le=1e9)
    mttr_hours: Optional[float] = Field(default=None, ge=0, le=1e9)
    ccf_group: Optional[str] = None
    # Cost; None = kind default.
    capex: Optional[float] = Field(default=None, ge=0, le=1e12)
    opex_monthly: Optional[float] = Field(default=None, ge=0, le=1e12)
    # Kind-specific (see KIND_FIELDS).
    raid: Optional[RaidLevel] = None
    role: Optional[ServiceRole] = None
    ports: tuple[int, ...] = ()
    public: bool = False
    entry: bool = False
    quorum: Optional[int] = Field(default=None, ge=1)
    trust: Optional[Trust] = None
    rules: tuple[FirewallRule, ...] = ()
    default_deny: bool = True
    text: str = ""

    @model_validator(mode="after")
    def _kind_fields(self) -> "Component":
        defaults = type(self).model_fields
        for name, kinds in KIND_FIELDS.items():
            value = getattr(self, name)
            if self.kind not in kinds and value != defaults[name].default:
                raise ValueError(f"'{name}' does not apply to {self.kind.a_title}")
        for port in self.ports:
            if not 1 <= port <= 65535:
                raise ValueError(f"port {port} is outside 1-65535")
        if (self.mtbf_hours is None) != (self.mttr_hours is None):
            raise ValueError("give both MTBF and MTTR, or neither")
        return self

    @property
    def name(self) -> str:
        """What a person calls it: the label, else the id."""
        return self.label or self.id


class Link(BaseModel):
    """Power (source -> consumer), network (undirected) or dependency
    (service -> what it needs)."""

    model_config = _FROZEN

    id: str = Field(min_length=1, max_length=200)
    kind: LinkKind
    source: str
    target: str
    port: Optional[int] = Field(default=None, ge=1, le=65535)
    label: str = ""

    @model_validator(mode="after")
    def _port_only_on_dependency(self) -> "Link":
        if self.port is not None and self.kind is not LinkKind.DEPENDENCY:
            raise ValueError("only a dependency link carries a port")
        return self
