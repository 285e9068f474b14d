"""The blocks a report is made of (no Qt): what review.py fills in and
designer/export/report.py sets on pages. Plain frozen data."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

from .cost import money


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

    def cost_tick(self, value: float) -> str:
        return money(value, self.currency)

    @staticmethod
    def nines_tick(value: float) -> str:
        return f"{value:.1f}"


@dataclass(frozen=True)
class PageBreak:
    pass


Block = Heading | Paragraph | Facts | Table | Diagram | CostCurve | PageBreak
