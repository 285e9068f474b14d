"""What a design costs and how available it is, for the planner. The
availability comes from analysing the design itself (never a formula); this
module is the one place the planner asks for it. No Qt."""
from __future__ import annotations

from dataclasses import dataclass

from designer.analysis.availability import MINUTES_PER_YEAR
from designer.analysis.figures import capex_of, opex_of
from designer.model import Design
from designer.model.design import Settings
from designer.model.patch import Patch


@dataclass(frozen=True)
class Cost:
    capex: float = 0.0
    opex_monthly: float = 0.0
    horizon_total: float = 0.0

    def __add__(self, other: "Cost") -> "Cost":
        return Cost(self.capex + other.capex, self.opex_monthly + other.opex_monthly,
                    self.horizon_total + other.horizon_total)


@dataclass(frozen=True)
class Figures:
    availability: float
    unavailability: float           # 1 - A, without the subtraction when exact
    method: str
    # The lowest availability the method vouches for: the figure itself when
    # exact, the certified lower bound, or the 95 % interval's lower end for
    # Monte Carlo (whose estimate is 100 % when no sample failed).
    least: float | None = None
    most: float | None = None       # the highest it vouches for (certified upper bound)

    @property
    def least_unavailability(self) -> float:
        if self.least is None or self.method == "exact":
            return self.unavailability
        return max(self.unavailability, 1.0 - self.least)

    @property
    def lowest_unavailability(self) -> float:
        """The lowest unavailability the bounds allow (the figure itself
        where exact or sampled)."""
        if self.most is None or self.method != "bounded":
            return self.unavailability
        return min(self.unavailability, 1.0 - self.most)

    @property
    def downtime_minutes(self) -> float:
        return self.unavailability * MINUTES_PER_YEAR


def cost_of(patch: Patch, settings: Settings) -> Cost:
    """Purchase, monthly and horizon cost of what the patch adds."""
    capex = sum(capex_of(c, settings).value for c in patch.add_components)
    opex = sum(opex_of(c, settings).value for c in patch.add_components)
    return Cost(capex, opex, capex + settings.horizon_months * opex)


def design_cost(design: Design) -> Cost:
    settings = design.settings
    capex = sum(capex_of(c, settings).value for c in design.components)
    opex = sum(opex_of(c, settings).value for c in design.components)
    return Cost(capex, opex, capex + settings.horizon_months * opex)


class Analyser:
    """Figures of a base design and of its edited variants, through the
    engine's incremental re-analysis (designer/analysis/incremental.py): the
    same figures as `design_availability`, reusing the parts an edit leaves
    untouched. One per plan; its cache follows the design from step to step."""

    def __init__(self, base: Design) -> None:
        from designer.analysis.incremental import Reanalysis
        self._re = Reanalysis(base)
        self.base = _figures(self._re.base)
        self.base_importance = _importance(self._re.base)

    def compiled(self, design: Design):
        """The design's compiled circuit, as the analyses of it found it."""
        return self._re.compiled_for(design)

    def figures(self, design: Design, tolerance: float | None = None):
        """(Figures, Birnbaum importance by id) of an edited design, its
        bounds to `tolerance` (default: the design's own)."""
        found = self._re.availability(design, tolerance=tolerance)
        return _figures(found), _importance(found)


def _figures(found) -> Figures:
    low = found.confidence_interval or found.bounds
    return Figures(found.value, found.complement, found.method, low[0] if low else None,
                   found.bounds[1] if found.bounds else None)


def _importance(found) -> dict[str, float]:
    return {cid: imp.birnbaum for cid, imp in found.importance.items()}
