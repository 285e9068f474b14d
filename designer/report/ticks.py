"""Round axis ticks for the report's charts: values a person reads at a
glance (0, €200k, €400k; 2, 3, 4 nines), where dividing the range in five
gave €135,828 and 2.9. No Qt: the chart (export/chart.py) draws them."""
from __future__ import annotations

import math

MULTIPLES = (1.0, 2.0, 2.5, 5.0)      # of a power of ten: the steps tried, smallest first


def nice_ticks(low: float, high: float, most: int = 7) -> list[float]:
    """Evenly spaced round values from at or below `low` to at or above
    `high`, at most `most` intervals apart, the step as small as that allows."""
    if not high > low:
        high = low + 1.0
    power = 10.0 ** math.floor(math.log10((high - low) / most))
    while True:
        for multiple in MULTIPLES:
            step = multiple * power
            first, last = math.floor(low / step + 1e-9), math.ceil(high / step - 1e-9)
            if last - first <= most:
                return [round(n * step, 12) for n in range(first, last + 1)]
        power *= 10.0


def decimals_for(ticks: list[float]) -> int:
    """Decimals that show every tick apart (2.5 needs one, 2 none)."""
    for places in range(0, 7):
        if all(abs(round(t, places) - t) < 1e-9 for t in ticks):
            return places
    return 6
