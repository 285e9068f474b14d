"""What a design costs, in words: per month for the status bar, capex and
the total over the horizon for the text report."""
from __future__ import annotations

from designer.analysis.result import CostPart

_SYMBOLS = {"EUR": "€", "USD": "$", "GBP": "£"}


def money(value: float, currency: str) -> str:
    """Whole units, with the currency's symbol when it has a common one."""
    symbol = _SYMBOLS.get(currency)
    return f"{symbol}{value:,.0f}" if symbol else f"{value:,.0f} {currency}"


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
