"""What a design costs (ANALYSIS.md 5): purchase (capex), monthly running
cost (opex) and the total over the design's horizon, capex + months x opex.
Each component's figures resolve like its availability (analysis/figures.py):
its own, the design's override for the kind, else the defaults table. No Qt."""
from __future__ import annotations

from typing import Iterable

from designer.model import Component, Design
from designer.model.design import Settings

from .figures import DEFAULT, capex_of, opex_of
from .result import ComponentCost, CostPart


def component_costs(components: Iterable[Component], settings: Settings
                    ) -> tuple[ComponentCost, ...]:
    """Each component's capex and monthly cost, resolved as the analysis does."""
    found = []
    for comp in components:
        opex = opex_of(comp, settings)
        found.append(ComponentCost(comp.id, capex_of(comp, settings).value, opex.value,
                                   opex.origin == DEFAULT))
    return tuple(found)


def cost_of(components: Iterable[Component], settings: Settings) -> CostPart:
    """The cost of some components (a whole design, or what an edit adds)
    over the horizon and in the currency of `settings`."""
    lines = component_costs(components, settings)
    capex = sum(line.capex for line in lines)
    opex = sum(line.opex_monthly for line in lines)
    return CostPart(capex=capex, opex_monthly=opex, horizon_months=settings.horizon_months,
                    horizon_total=capex + settings.horizon_months * opex,
                    currency=settings.currency, per_component=lines)


def design_cost(design: Design) -> CostPart:
    return cost_of(design.components, design.settings)
