"""Availability as people read it: always with the method behind it
(ANALYSIS.md 4), nines and downtime taken from the AvailabilityPart, where
they are computed once."""
from __future__ import annotations

import math
from typing import Optional

from designer.analysis.result import AvailabilityPart

_METHOD_TITLES = {"exact": "exact", "bounded": "bounded", "monte-carlo": "Monte Carlo"}


def method_title(method: Optional[str]) -> str:
    return _METHOD_TITLES.get(method or "", method or "method unknown")


def availability_line(part: Optional[AvailabilityPart]) -> str:
    """One line for the text report: figure, method, interval or bounds,
    nines and downtime."""
    if part is None:
        return "Availability: not computed"
    text = f"Availability: {part.value * 100:.5f} % ({part.method}"
    if part.confidence_interval is not None:
        low, high = part.confidence_interval
        text += f", 95 % interval {low * 100:.5f} .. {high * 100:.5f} %"
    elif part.method == "bounded" and part.bounds is not None:
        low, high = part.bounds
        text += f", certified {low * 100:.5f} .. {high * 100:.5f} %"
    nines = "no downtime" if part.nines is None else f"{part.nines:.2f} nines"
    return text + f"), {nines}, {part.downtime_minutes_per_year:,.1f} min of downtime a year"


def availability_short(part: Optional[AvailabilityPart]) -> str:
    """The status bar's figure, with as many decimals as the nines need."""
    if part is None:
        return "Availability: n/a"
    nines = math.inf if part.nines is None else part.nines
    decimals = min(max(int(nines) + 1, 2), 6) if math.isfinite(nines) else 6
    return f"Availability {part.value * 100:.{decimals}f} % ({method_title(part.method)})"


def interval_text(part: Optional[AvailabilityPart]) -> str:
    """How sure the figure is, for a tooltip: "" for an exact one."""
    if part is None:
        return ""
    if part.confidence_interval:
        low, high = part.confidence_interval
        return f"95 % confidence interval: {low * 100:.5f} % to {high * 100:.5f} %"
    if part.method == "bounded" and part.bounds:
        low, high = part.bounds
        return f"certified bounds: {low * 100:.5f} % to {high * 100:.5f} %"
    return ""


def nines_short(part: Optional[AvailabilityPart]) -> str:
    if part is None:
        return ""
    return "∞ nines" if part.nines is None else f"{part.nines:.1f} nines"


def downtime_short(minutes: Optional[float]) -> str:
    """Expected downtime a year in the unit that reads best."""
    if minutes is None:
        return ""
    if minutes < 1:
        return f"{minutes * 60:.0f} s/yr down"
    if minutes < 60:
        return f"{minutes:.1f} min/yr down"
    if minutes < 24 * 60:
        hours, mins = divmod(round(minutes), 60)
        return f"{hours} h {mins:02d} min/yr down"
    return f"{minutes / 1440:.1f} days/yr down"
