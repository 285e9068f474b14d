"""What a candidate edit is worth, as the plan ranks it. No Qt.

Value = downtime cost avoided over the horizon per unit of the edit's cost
over the horizon when the design sets a downtime cost per hour; downtime
minutes avoided per year per unit of cost otherwise.
"""
from __future__ import annotations

import math
from typing import Optional

from designer.analysis.availability import MINUTES_PER_YEAR

from .evaluate import Cost, Figures

# A step must save at least one second of downtime a year to count as an
# improvement: below that no one would buy it, and the differences between
# candidates approach the rounding of the figures.
LEAST_GAIN_MINUTES = 1.0 / 60.0


def rank_of(saved: float, cost: Cost, settings) -> float:
    value = step_value(saved, cost, settings)
    return value if value is not None else _per_cost(saved, cost)


def vouched(before: Figures, after: Figures) -> float:
    """Downtime minutes a year saved as far as the figures vouch for it: a
    Monte Carlo estimate counts with its interval's worst end, so an edit
    whose samples happened never to fail is not ranked as removing all
    downtime."""
    return (before.least_unavailability - after.least_unavailability) * MINUTES_PER_YEAR


def saved(before: Figures, after: Figures) -> float:
    return (before.unavailability - after.unavailability) * MINUTES_PER_YEAR


def _per_cost(saved_minutes: float, cost: Cost) -> float:
    return math.inf if cost.horizon_total <= 0 else saved_minutes / cost.horizon_total


def step_value(saved_minutes: float, cost: Cost, settings) -> Optional[float]:
    """Downtime cost avoided over the horizon / cost over the horizon (None
    without a downtime cost per hour)."""
    rate = settings.downtime_cost_per_hour
    if not rate:
        return None
    avoided = saved_minutes / 60.0 * rate * settings.horizon_months / 12.0
    return math.inf if cost.horizon_total <= 0 else avoided / cost.horizon_total
