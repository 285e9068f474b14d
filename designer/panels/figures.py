"""The analysis figures in the status bar: availability with the method that
produced it, nines, expected downtime per year, the SPOF count and the
monthly running cost (resolved like the analysis: the component's own
figure, the design's override for the kind, else the defaults table);
"Analysing…" while a newer result is on its way.

Two steps per analysis: the SPOF count and the cost come with the colours
(`set_structure`, engine I), the availability later (`set_availability`,
engine II); until then "Analysing…" stays and the old availability is grey.

Never a number without its method (ANALYSIS.md 4): an exact figure says
"exact", a sampled one shows its confidence interval. Stale figures stay
visible but greyed while the next result is pending, so the bar does not
flicker on every keystroke.
"""
from __future__ import annotations

import math
from typing import Optional

from PySide6.QtWidgets import QHBoxLayout, QLabel, QWidget

MINUTES_PER_YEAR = 525_960


def format_availability(result) -> str:
    a = result.availability
    if a is None:
        return "Availability: n/a"
    nines = result.nines if result.nines is not None else _nines(a)
    decimals = min(max(int(nines) + 1, 2), 6) if math.isfinite(nines) else 6
    method = {"exact": "exact", "monte-carlo": "Monte Carlo"}.get(
        result.availability_method or "", result.availability_method or "method unknown")
    return f"Availability {a * 100:.{decimals}f} % ({method})"


def format_interval(result) -> str:
    ci = result.confidence_interval
    if not ci:
        return ""
    return f"95 % confidence interval: {ci[0] * 100:.5f} % to {ci[1] * 100:.5f} %"


def format_nines(result) -> str:
    if result.availability is None:
        return ""
    nines = result.nines if result.nines is not None else _nines(result.availability)
    return "∞ nines" if not math.isfinite(nines) else f"{nines:.1f} nines"


def format_downtime(minutes: Optional[float]) -> str:
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


def format_spofs(count: int) -> str:
    return "No SPOF" if count == 0 else f"{count} SPOF{'s' if count != 1 else ''}"


def monthly_cost(design) -> tuple[float, int]:
    """(monthly running cost of the design, how many components use the
    defaults table's figure rather than one the user set), resolved exactly
    as the analysis resolves it (component, design override, default)."""
    from designer.analysis.figures import DEFAULT, opex_of

    total, defaults = 0.0, 0
    for comp in design.components:
        figure = opex_of(comp, design.settings)
        total += figure.value
        defaults += figure.origin == DEFAULT and figure.value > 0
    return total, defaults


def format_cost(total: float, currency: str) -> str:
    return f"{_money(total, currency)}/month"


def cost_tooltip(total: float, defaults: int, currency: str) -> str:
    text = f"Running cost: {_money(total, currency)} a month"
    if defaults:
        text += (f"; {defaults} component{'s' if defaults != 1 else ''} priced from "
                 "the defaults table (set real prices in the Inspector)")
    return text


def _money(value: float, currency: str) -> str:
    symbol = {"EUR": "€", "USD": "$", "GBP": "£"}.get(currency)
    return f"{symbol}{value:,.0f}" if symbol else f"{value:,.0f} {currency}"


def _nines(a: float) -> float:
    return math.inf if a >= 1 else -math.log10(1 - a)


class FiguresBar(QWidget):
    """A row of labels for `window.status_slot`."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 0, 4, 0)
        layout.setSpacing(14)
        self.pending = QLabel("Analysing…", self)
        self.availability = QLabel("", self)
        self.nines = QLabel("", self)
        self.downtime = QLabel("", self)
        self.spofs = QLabel("", self)
        self.cost = QLabel("", self)
        for label in self.labels():
            layout.addWidget(label)
        self.pending.setObjectName("analysingLabel")
        self.spofs.setObjectName("spofCount")

    def labels(self) -> list[QLabel]:
        return [self.pending, self.availability, self.nines, self.downtime,
                self.spofs, self.cost]

    def set_pending(self, pending: bool) -> None:
        self.pending.setVisible(pending)
        for label in self.labels()[1:]:
            label.setEnabled(not pending)

    def set_result(self, result, design) -> None:
        self.set_structure(result, design)
        self.set_availability(result)

    def set_structure(self, result, design) -> None:
        """Engine I's figures: current at once, the availability stays grey."""
        self.spofs.setText(format_spofs(len(result.spofs)))
        self.spofs.setStyleSheet("font-weight: bold;" if result.spofs else "")
        total, defaults = monthly_cost(design)
        currency = design.settings.currency
        self.cost.setText(format_cost(total, currency))
        self.cost.setToolTip(cost_tooltip(total, defaults, currency))
        self.spofs.setEnabled(True)
        self.cost.setEnabled(True)

    def set_availability(self, result) -> None:
        self.availability.setText(format_availability(result))
        self.availability.setToolTip(format_interval(result) or
                                     "computed exactly from the structure function")
        self.nines.setText(format_nines(result))
        self.downtime.setText(format_downtime(result.downtime_minutes_per_year))
        self.set_pending(False)

    def set_availability_failed(self, message: str) -> None:
        """Engine II failed after the colours were shown: they stay."""
        self.availability.setText("Availability failed")
        self.availability.setToolTip(message)
        self.nines.setText("")
        self.downtime.setText("")
        self.set_pending(False)

    def set_failed(self, message: str) -> None:
        self.availability.setText("Analysis failed")
        self.availability.setToolTip(message)
        for label in (self.nines, self.downtime, self.spofs, self.cost):
            label.setText("")
        self.set_pending(False)

    def text(self) -> str:
        """Everything the bar shows, as one line (tests, docs)."""
        return "  ".join(l.text() for l in self.labels() if l.isVisibleTo(self) and l.text())
