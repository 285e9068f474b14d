"""Reliability and cost figures of a component, and where each comes from.

Precedence (ANALYSIS.md sections 4 and 7), first found wins:
  1. the component's own availability;
  2. the component's own MTBF / MTTR;
  3. the design's override for the kind (availability, then MTBF / MTTR);
  4. the defaults table, resources/defaults.json (every row with its source
     and whether it is an assumption, so the UI and the report can say so).
Costs follow the same chain (component, design kind override, default).
The Internet, tiers, segments and notes never fail: always 1.0.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from typing import Optional

from designer import data
from designer.model import Component, Design, Kind
from designer.model.design import Settings
from designer.model.kinds import NEVER_FAIL

DEFAULTS_FILE = data.path("resources", "defaults.json")

COMPONENT, COMPONENT_MTBF, DESIGN_OVERRIDE, DEFAULT, NEVER = (
    "component", "component MTBF/MTTR", "design override", "default", "never fails")


@dataclass(frozen=True)
class DefaultRow:
    kind: Kind
    availability: float
    derivation: str
    source: str
    assumption: bool
    capex: float
    opex_monthly: float
    cost_source: str


@dataclass(frozen=True)
class Figure:
    value: float
    origin: str          # COMPONENT, COMPONENT_MTBF, DESIGN_OVERRIDE, DEFAULT or NEVER
    source: str          # where the number comes from, for people
    assumption: bool     # a placeholder rather than a published figure


def from_mtbf(mtbf_hours: float, mttr_hours: float) -> float:
    return mtbf_hours / (mtbf_hours + mttr_hours)


@lru_cache(maxsize=1)
def defaults_table() -> dict[Kind, DefaultRow]:
    with open(DEFAULTS_FILE, encoding="utf-8") as handle:
        raw = json.load(handle)["kinds"]
    table = {}
    for name, row in raw.items():
        value = row.get("availability")
        if value is None:
            value = from_mtbf(row["mtbf_hours"], row["mttr_hours"])
        table[Kind(name)] = DefaultRow(Kind(name), value, row["derivation"], row["source"],
                                       bool(row["assumption"]), float(row["capex"]),
                                       float(row["opex_monthly"]), row["cost_source"])
    return table


def availability_of(component: Component, settings: Settings) -> Figure:
    if component.kind in NEVER_FAIL:
        return Figure(1.0, NEVER, "never fails by itself", False)
    if component.availability is not None:
        return Figure(component.availability, COMPONENT, "set on the component", False)
    if component.mtbf_hours is not None and component.mttr_hours is not None:
        return Figure(from_mtbf(component.mtbf_hours, component.mttr_hours), COMPONENT_MTBF,
                      "MTBF / MTTR set on the component", False)
    override = settings.kind_overrides.get(component.kind)
    if override is not None:
        if override.availability is not None:
            return Figure(override.availability, DESIGN_OVERRIDE, "set for the kind in this design", False)
        if override.mtbf_hours is not None and override.mttr_hours is not None:
            return Figure(from_mtbf(override.mtbf_hours, override.mttr_hours), DESIGN_OVERRIDE,
                          "MTBF / MTTR set for the kind in this design", False)
    row = defaults_table()[component.kind]
    return Figure(row.availability, DEFAULT, row.source, row.assumption)


def capex_of(component: Component, settings: Settings) -> Figure:
    return _cost(component, settings, "capex")


def opex_of(component: Component, settings: Settings) -> Figure:
    return _cost(component, settings, "opex_monthly")


def _cost(component: Component, settings: Settings, field: str) -> Figure:
    own: Optional[float] = getattr(component, field)
    if own is not None:
        return Figure(own, COMPONENT, "set on the component", False)
    override = settings.kind_overrides.get(component.kind)
    if override is not None and getattr(override, field) is not None:
        return Figure(getattr(override, field), DESIGN_OVERRIDE, "set for the kind in this design", False)
    row = defaults_table()[component.kind]
    assumption = row.capex > 0 or row.opex_monthly > 0
    return Figure(getattr(row, field), DEFAULT, row.cost_source, assumption)


def availabilities(design: Design) -> dict[str, float]:
    """Component id -> availability, for every component."""
    return {c.id: availability_of(c, design.settings).value for c in design.components}
