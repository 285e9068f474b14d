"""The design document model (pydantic v2, no Qt)."""
from .acceptance import AcceptedFinding
from .component import (Component, FirewallRule, Link, LinkKind, RaidLevel,
                        ServiceRole, Trust)
from .design import Design, KindFigures, Settings, design_errors
from .errors import (DanglingReference, DesignError, DesignErrors, DuplicateId,
                     InvalidConnection, InvalidMembership, InvalidPlacement,
                     InvalidProperty, PlacementCycle)
from .kinds import FAMILIES, Kind

__all__ = [
    "AcceptedFinding",
    "Component", "FirewallRule", "Link", "LinkKind", "RaidLevel", "ServiceRole",
    "Trust", "Design", "KindFigures", "Settings", "design_errors", "DanglingReference",
    "DesignError", "DesignErrors", "DuplicateId", "InvalidConnection",
    "InvalidMembership", "InvalidPlacement", "InvalidProperty", "PlacementCycle",
    "FAMILIES", "Kind",
]
