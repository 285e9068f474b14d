"""What the cost curve shows, as plain data (no Qt): the same Series feeds
the pyqtgraph plot on screen and the QPainter drawing of the export, so the
two cannot disagree. Colours are hex strings."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional

from designer.analysis.mitigation.plan import Plan, capped_nines
from designer.report import plan as words

BREAK_EVEN, KNEE, BUDGET, OFF_FRONT = "#16a34a", "#ea580c", "#2563eb", "#dc2626"
CURVE, FRONT, START = "#475569", "#94a3b8", "#0f172a"
# The same roles on a dark plot (the window's dark mode; exports stay light,
# for paper): the slate curve and the near-black first point vanish on a
# dark background, the saturated marks lose contrast.
ON_DARK = {CURVE: "#cbd5e1", FRONT: "#64748b", START: "#f8fafc", BREAK_EVEN: "#4ade80",
           KNEE: "#fb923c", BUDGET: "#60a5fa", OFF_FRONT: "#f87171"}
NINES, DOWNTIME = "nines", "downtime"


def shade(colour: str, dark: bool) -> str:
    """`colour` as drawn on a dark plot when `dark`."""
    return ON_DARK.get(colour, colour) if dark else colour


@dataclass
class Series:
    xs: list[float]
    ys: list[float]
    y_title: str
    currency: str
    horizon_months: int
    tips: list[str]
    break_even: Optional[int] = None      # indices into xs (0 = the design as it is)
    knee: Optional[int] = None
    best_in_budget: Optional[int] = None
    budget: Optional[float] = None
    front_xs: list[float] = field(default_factory=list)
    front_ys: list[float] = field(default_factory=list)
    off_front: list[int] = field(default_factory=list)

    def colours(self) -> list[str]:
        return [START] + [CURVE] * (len(self.xs) - 1)

    def markers(self) -> list[tuple[int, str, str, str]]:
        """(index, colour, pyqtgraph symbol, label) of each marked point."""
        found = []
        if self.break_even is not None:
            found.append((self.break_even, BREAK_EVEN, "d", "break-even"))
        if self.knee is not None:
            found.append((self.knee, KNEE, "t1", "knee"))
        if self.best_in_budget is not None:
            found.append((self.best_in_budget, BUDGET, "s", "best within budget"))
        return found

    def tooltip(self, index: int) -> str:
        return self.tips[index] if 0 <= index < len(self.tips) else ""


def build_series(plan: Plan, mode: str = NINES, budget: float | None = None,
                 front=None) -> Series:
    settings = plan.design.settings
    figures = [plan.start] + [s.after for s in plan.steps]
    xs = [0.0] + [s.cumulative.horizon_total for s in plan.steps]
    ys = [_y(f, mode) for f in figures]
    title = "availability (nines)" if mode == NINES else "downtime (minutes a year)"
    tips = [f"The design as it is: {words.percent(plan.start.availability)}, "
            f"{words.minutes(plan.start.downtime_minutes)} of downtime a year"]
    tips += [words.hover(s, settings.currency) for s in plan.steps]
    series = Series(xs, ys, title, settings.currency, settings.horizon_months, tips,
                    break_even=plan.break_even_step, knee=plan.knee_step, budget=budget)
    if budget is not None:
        affordable = [i for i, x in enumerate(xs) if x <= budget]
        series.best_in_budget = max(affordable, key=lambda i: figures[i].availability)
    if front is not None:
        series.front_xs = [p.cost for p in front.front]
        series.front_ys = [_y_of(p.availability, p.unavailability, mode) for p in front.front]
        # Off the front only if beaten at the step's most favourable
        # reading: a copied site sampled with no failure is plotted at its
        # interval's lower end, which a cheaper subset may pass where its
        # certified figure would not (the duplicated-services example).
        series.off_front = [s.number for s in plan.steps
                            if front.beaten_by(s.cumulative.horizon_total,
                                               s.after.lowest_unavailability) is not None]
    return series


def _y(figures, mode: str) -> float:
    return capped_nines(figures) if mode == NINES else figures.downtime_minutes


def _y_of(availability: float, unavailability: float, mode: str) -> float:
    from designer.analysis.mitigation.evaluate import Figures
    return _y(Figures(availability, unavailability, ""), mode)
