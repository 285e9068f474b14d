"""What a design costs, in words: per month for the status bar, capex and
the total over the horizon for the text report."""
from __future__ import annotations

from designer.analysis.result import CostPart

_SYMBOLS = {"EUR": "€", "USD": "$", "GBP": "£"}


def money(value: float, currency: str) -> str:
    """Whole units, with the currency's symbol when it has a common one."""
    return _priced(f"{value:,.0f}", currency)


def money_tick(value: float, currency: str) -> str:
    """An axis tick: millions as M and thousands as k (€2.5M, €250k)."""
    if value < 0:
        return "-" + money_tick(-value, currency)
    for size, suffix in ((1e6, "M"), (1e3, "k")):
        if value >= size:
            return _priced(f"{value / size:.1f}".removesuffix(".0") + suffix, currency)
    return money(value, currency)


def _priced(number: str, currency: str) -> str:
    symbol = _SYMBOLS.get(currency)
    return f"{symbol}{number}" if symbol else f"{number} {currency}"


def cost_short(cost: CostPart) -> str:
    return f"{money(cost.opex_monthly, cost.currency)}/month"


def cost_tooltip(cost: CostPart) -> str:
    text = f"Running cost: {money(cost.opex_monthly, cost.currency)} a month"
    defaults = cost.priced_from_defaults
    if defaults:
        text += (f"; {defaults} component{'s' if defaults != 1 else ''} priced from "
                 "the defaults table (set real prices in the Inspector)")
    return text


def cost_line(cost: CostPart) -> str:
    """One line for the text report."""
    return (f"Cost: {money(cost.capex, cost.currency)} to buy, "
            f"{money(cost.opex_monthly, cost.currency)} a month, "
            f"{money(cost.horizon_total, cost.currency)} over {cost.horizon_months} months")
