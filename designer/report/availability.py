"""Availability as people read it: always with the method behind it
(ANALYSIS.md 4), nines and downtime taken from the AvailabilityPart, where
they are computed once."""
from __future__ import annotations

import math
from typing import Optional

from designer.analysis.result import MINUTES_PER_YEAR, AvailabilityPart

_METHOD_TITLES = {"exact": "exact", "bounded": "bounded", "monte-carlo": "Monte Carlo"}


def method_title(method: Optional[str]) -> str:
    return _METHOD_TITLES.get(method or "", method or "method unknown")


def nothing_to_analyse(part: Optional[AvailabilityPart]) -> bool:
    """An empty design (no component that can fail): it gets no figure, not
    "100 %, ∞ nines" (ANALYSIS.md 4)."""
    return part is not None and part.nines is None and not part.importance


def unwired(part: Optional[AvailabilityPart]) -> str:
    """": 3 parts not wired" when parts are assumed up (their power or
    network is not drawn): the figure is then an upper bound."""
    if part is None or not part.assumed_up:
        return ""
    return f": {part.assumed_up} part{'s' if part.assumed_up != 1 else ''} not wired"


def sampled_floor(part: Optional[AvailabilityPart]) -> Optional[float]:
    """A Monte Carlo estimate with no failed sample reads 100 %, "no
    downtime": what the samples vouch for is their 95 % interval's lower
    end (a copied site: "at least 99.99963 %"). None for any other figure."""
    if part is None or part.method != "monte-carlo" or part.value < 1.0:
        return None
    return part.confidence_interval[0] if part.confidence_interval else None


def _floor_nines(floor: float) -> float:
    return -math.log10(1.0 - floor) if floor < 1.0 else math.inf


def rounded_down(value: float, decimals: int) -> float:
    """Rounded down: an "at least" figure must not claim more (the inner
    rounding only drops float noise: 1e-8 is 7.999999999999998 nines)."""
    return math.floor(round(value * 10 ** decimals, 6)) / 10 ** decimals


def _up(value: float, step: float) -> float:
    """Rounded up to a multiple of `step`: an "at most" figure must not
    claim less."""
    return math.ceil(value / step - 1e-9) * step


def _most_minutes(floor: float) -> float:
    """The downtime a year at the floor, in minutes."""
    return (1.0 - floor) * MINUTES_PER_YEAR


def _at_most(part: AvailabilityPart) -> str:
    return "at most " if part.assumed_up else ""


def availability_line(part: Optional[AvailabilityPart]) -> str:
    """One line for the text report: figure, method, interval or bounds,
    nines and downtime. An upper bound says so ("at most ...: 3 parts not
    wired"); an empty design gets no figure."""
    return "Availability: " + availability_figures(part)


def availability_figures(part: Optional[AvailabilityPart]) -> str:
    """availability_line without its title, for a row or a sentence that
    already says "availability"."""
    if part is None:
        return "not computed"
    if nothing_to_analyse(part):
        return "none (nothing that can fail is drawn)"
    text = f"{_at_most(part)}{percent(part.value)} ({part.method}"
    if part.confidence_interval is not None:
        low, high = part.confidence_interval
        text += f", 95 % interval {low * 100:.5f} .. {high * 100:.5f} %"
    elif part.method == "bounded" and part.bounds is not None:
        text += f", certified {percent_pair(*part.bounds, ' .. ')}{short_of_tolerance(part)}"
    floor = sampled_floor(part)
    if floor is not None:
        return (text + f"), at least {rounded_down(_floor_nines(floor), 2):.2f} nines, at most "
                f"{_up(_most_minutes(floor), 0.1):,.1f} min of downtime "
                f"a year{unwired(part)}")
    nines = "no downtime" if part.nines is None else f"{part.nines:.2f} nines"
    return (text + f"), {nines}, {downtime_words(part.downtime_minutes_per_year)} of "
            f"downtime a year{unwired(part)}")


def downtime_words(minutes: float) -> str:
    """Minutes with one decimal; under 0.1 min, seconds with two digits
    (1.0 s, where "0.0 min" said the design never goes down)."""
    seconds = minutes * 60
    if 0 < minutes < 0.1:
        return f"{seconds:.1f} s" if seconds >= 1 else f"{seconds:.2g} s"
    return f"{minutes:,.1f} min"


def availability_short(part: Optional[AvailabilityPart]) -> str:
    """The status bar's figure, with as many decimals as the nines need."""
    colon = ":" if part is None or nothing_to_analyse(part) else ""    # "Availability: n/a"
    return f"Availability{colon} " + short_figure(part)


def short_figure(part: Optional[AvailabilityPart]) -> str:
    """availability_short without its title, for a row titled Availability
    (the sheet's title block)."""
    if part is None:
        return "n/a"
    if nothing_to_analyse(part):
        return "none (nothing to analyse)"
    floor = sampled_floor(part)
    nines = _floor_nines(floor) if floor is not None else (
        math.inf if part.nines is None else part.nines)
    decimals = min(max(int(nines) + 1, 2), 6) if math.isfinite(nines) else 6
    if floor is not None:
        return (f"at least {rounded_down(floor * 100, decimals):.{decimals}f} % "
                f"({method_title(part.method)}){unwired(part)}")
    return (f"{_at_most(part)}{part.value * 100:.{decimals}f} % "
            f"({method_title(part.method)}){unwired(part)}")


# The review report's export from the window, while the importance of
# the components it ranks is certified (seconds under the bounded method).
CERTIFYING_IMPORTANCE = "Certifying the importance of the top components…"

# A big design's live figures: the Monte Carlo estimate is on screen while
# the certified bounds are computed (engine.analyze_phases, quick_first).
CERTIFYING = "Certifying…"
CERTIFYING_TIP = ("The figures shown are a Monte Carlo estimate; certified bounds on the "
                  "availability are being computed and will replace them.")


def certifying_tip(part: Optional[AvailabilityPart]) -> str:
    """What the live figures are while better ones are computed: the Monte
    Carlo estimate, or a big design's first bounds to a coarser gap
    (engine.first_pass)."""
    if part is None or part.method != "bounded" or part.bounds is None:
        return CERTIFYING_TIP
    low, high = part.bounds
    return (f"The figures shown are certified, to a gap of {high - low:.1e} on "
            f"unavailability (a first pass); bounds to the design's tolerance are being "
            f"computed and will replace them.")


def short_of_tolerance(part: AvailabilityPart) -> str:
    """'; gap 1.8e-08, 1e-09 asked' when the bounds stopped wider than the
    design's tolerance (the leaf budget ran out), else ''."""
    if part.bounds is None or part.tolerance is None:
        return ""
    low, high = part.bounds
    if high - low <= part.tolerance:
        return ""
    return f"; gap {high - low:.1e}, {part.tolerance:.0e} asked"


def interval_text(part: Optional[AvailabilityPart]) -> str:
    """How sure the figure is, for a tooltip: "" for an exact one."""
    if part is None:
        return ""
    if part.confidence_interval:
        low, high = part.confidence_interval
        return f"95 % confidence interval: {low * 100:.5f} % to {high * 100:.5f} %"
    if part.method == "bounded" and part.bounds:
        return f"certified bounds: {percent_pair(*part.bounds, ' % to ')}{short_of_tolerance(part)}"
    return ""


def percent(availability: float) -> str:
    """Availability in percent, 5 decimals or as many more as its nines
    need (up to 12) to show two digits of what is down: an exact
    99.9999967 % read "100.00000 %" in `weaklink analyze` and the plan."""
    down = 1.0 - availability
    decimals = 5 if down <= 0 else min(max(5, math.ceil(-math.log10(down) - 2) + 1), 12)
    return f"{availability * 100:.{decimals}f} %"


def percent_pair(low: float, high: float, between: str) -> str:
    """Two limits in percent with enough decimals (5 to 12) to show the
    width of the interval: a certified gap of 1e-9 reads as such, not as
    the same figure twice. Rounded outwards, so the shown interval still
    holds the true value."""
    shown = _rounded_out(low * 100, high * 100, (high - low) * 100, 5, 12)
    return f"{shown[0]}{between}{shown[1]} %"


def _rounded_out(low: float, high: float, width: float, decimals: int,
                 most: int) -> tuple[str, str]:
    """`low` rounded down and `high` up, with `decimals` or more (up to
    `most`) until one unit of the last decimal is within `width`."""
    while decimals < most and 10.0 ** -decimals > width:
        decimals += 1
    scale = 10 ** decimals
    return (f"{math.floor(low * scale) / scale:.{decimals}f}",
            f"{math.ceil(high * scale) / scale:.{decimals}f}")


def nines_short(part: Optional[AvailabilityPart]) -> str:
    if part is None or nothing_to_analyse(part):
        return ""
    floor = sampled_floor(part)
    if floor is not None:
        return f"at least {rounded_down(_floor_nines(floor), 1):.1f} nines"
    return "∞ nines" if part.nines is None else f"{part.nines:.1f} nines"


def downtime_text(part: Optional[AvailabilityPart], suffix: str = "/yr down") -> str:
    """The status bar's downtime: nothing when there is no figure to stand on.
    `suffix` "": the bare duration, for a row already titled a year's downtime."""
    if part is None or nothing_to_analyse(part):
        return ""
    floor = sampled_floor(part)
    if floor is not None:
        minutes = _most_minutes(floor)    # rounded up in the unit downtime_short shows
        step = 1 / 60 if minutes < 1 else 0.1 if minutes < 60 else 1.0 if minutes < 1440 else 144.0
        return "at most " + downtime_short(_up(minutes, step), suffix)
    return downtime_short(part.downtime_minutes_per_year, suffix)


def downtime_short(minutes: Optional[float], suffix: str = "/yr down") -> str:
    """Expected downtime a year in the unit that reads best."""
    if minutes is None:
        return ""
    if minutes < 1:
        return f"{minutes * 60:.0f} s{suffix}"
    if minutes < 60:
        return f"{minutes:.1f} min{suffix}"
    if minutes < 24 * 60:
        hours, mins = divmod(round(minutes), 60)
        return f"{hours} h {mins:02d} min{suffix}"
    return f"{minutes / 1440:.1f} days{suffix}"


def importance_note(part: Optional[AvailabilityPart]) -> str:
    """What the importance figures are worth under the part's method."""
    if part is None or part.method == "exact":
        return ""
    if part.method == "monte-carlo":
        return ("Availability was estimated by Monte Carlo sampling, so these figures are "
                "estimates too.")
    if part.importance_intervals:
        return ("Availability was bounded rather than computed exactly, so each figure is "
                "the middle of a certified interval, proven to hold the exact importance.")
    return ("Availability was bounded rather than computed exactly; these figures take the "
            "entry points as independent and are approximations, not certified.")


def certified_birnbaum(part: AvailabilityPart, cid: str) -> Optional[tuple[float, float]]:
    """The certified Birnbaum interval of a component, bounded method only
    (under the exact method the figure is exact)."""
    found = part.importance_intervals.get(cid) if part.method == "bounded" else None
    return None if found is None else found.birnbaum


def importance_figure(part: AvailabilityPart, cid: str) -> float:
    """The Birnbaum figure to show: the middle of its certified interval
    when there is one, else the analysis's own value."""
    interval = certified_birnbaum(part, cid)
    return part.importance[cid] if interval is None else (interval[0] + interval[1]) / 2


def interval_pair(low: float, high: float) -> str:
    """`low .. high` with three significant figures and as many more (up to
    six) as the width of the interval needs; rounded outwards, so the shown
    interval still holds the true value."""
    if not (math.isfinite(low) and math.isfinite(high)):
        return f"{low:.3g} .. {high:.3g}"
    biggest = max(abs(low), abs(high))
    decimals = max(0, 2 - math.floor(math.log10(biggest))) if biggest > 0 else 3
    return " .. ".join(_rounded_out(low, high, high - low, decimals, decimals + 6))
