"""The blocks a report is made of (no Qt): what review.py fills in and
designer/export/report.py sets on pages. Plain frozen data."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

from .cost import money_tick
from .ticks import decimals_for, nice_ticks


@dataclass(frozen=True)
class Heading:
    text: str
    level: int = 1


@dataclass(frozen=True)
class Paragraph:
    text: str
    small: bool = False


@dataclass(frozen=True)
class Facts:
    rows: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class Table:
    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    widths: tuple[float, ...]          # shares of the text width, summing to 1


@dataclass(frozen=True)
class Diagram:
    caption: str


@dataclass(frozen=True)
class CurvePoint:
    cost: float                        # cumulative cost over the horizon
    nines: float
    label: str                         # "start", "1", "2", ...


@dataclass(frozen=True)
class CostCurve:
    points: tuple[CurvePoint, ...]
    break_even: Optional[int]          # index into points (= step number), or None
    knee: Optional[int]
    x_title: str
    y_title: str
    currency: str
    caption: str

    def cost_ticks(self) -> list[tuple[float, str]]:
        """Round cumulative costs from 0 past the last step, as the cost
        panel's axis writes them (€200k, €1.5M)."""
        ticks = nice_ticks(0.0, max((p.cost for p in self.points), default=0.0) or 1.0)
        return [(t, money_tick(t, self.currency)) for t in ticks]

    def nines_ticks(self) -> list[tuple[float, str]]:
        """Round nines around the points (1, 2, 3 or 2.5, 3.0, 3.5)."""
        nines = [p.nines for p in self.points]
        low, high = min(nines), max(nines)
        if high - low < 0.1:
            low, high = low - 0.05, high + 0.05
        ticks = nice_ticks(low, high)
        places = decimals_for(ticks)
        return [(t, f"{t:.{places}f}") for t in ticks]


@dataclass(frozen=True)
class PageBreak:
    pass


Block = Heading | Paragraph | Facts | Table | Diagram | CostCurve | PageBreak
