"""The mitigation plan in words and figures (ANALYSIS.md section 5): the
`analyze --mitigations` JSON and text, the cost panel's table rows, hover
texts and the two "where to stop" explanations. No Qt."""
from __future__ import annotations

from typing import Callable, Optional

from designer.analysis.mitigation.plan import (CANCELLED, NO_CANDIDATES, NOTHING_IMPROVES,
                                               STEP_LIMIT_REACHED, SYSTEM_DOWN, TARGET_REACHED,
                                               Plan, Step, capped_nines)

from .availability import downtime_words, percent, rounded_down
from .cost import money

_STOPPED = {
    NOTHING_IMPROVES: "no further edit saves a second of downtime a year",
    STEP_LIMIT_REACHED: "the step limit was reached",
    TARGET_REACHED: "the target availability is reached",
    CANCELLED: "planning was cancelled",
    NO_CANDIDATES: "there is nothing to duplicate",
    SYSTEM_DOWN: ("the system is down with nothing failed (see the notes): "
                  "make it work before adding redundancy"),
}


def plan_json(plan: Plan) -> dict:
    """The `mitigations`, `break_even_step` and `knee_step` keys of `analyze --json`
    (and `security_fixes` when the plan carries them, report/security.py)."""
    from .security import fixes_json
    return {
        "mitigations": [step_json(s) for s in plan.steps],
        "break_even_step": plan.break_even_step,
        "knee_step": plan.knee_step,
        "mitigations_summary": summary(plan),
        **fixes_json(plan.security),
    }


def step_json(step: Step) -> dict:
    c = step.candidate
    return {"step": step.number, "action": c.action, "description": c.description,
            "targets": list(c.targets), "removes": list(step.removes),
            "cost_delta": {"capex": step.cost.capex, "opex_monthly": step.cost.opex_monthly,
                           "horizon_total": step.cost.horizon_total},
            "availability_after": step.after.availability,
            "downtime_minutes_saved": step.minutes_saved}


def summary(plan: Plan) -> str:
    """One paragraph: what the plan does, why it stopped, where to stop."""
    if not plan.steps and plan.start.unavailability <= 0:
        return ("No mitigation improves this design: as drawn nothing that can fail "
                "takes it down.")
    if not plan.steps:
        why = _STOPPED.get(plan.stopped, plan.stopped)
        return (f"No mitigation improves this design: {why}. At "
                f"{percent(plan.start.availability)} it is down about "
                f"{minutes(plan.start.downtime_minutes)} a year.")
    last = plan.steps[-1]
    currency = plan.design.settings.currency
    text = (f"{len(plan.steps)} step{'s' if len(plan.steps) != 1 else ''} take availability from "
            f"{percent(plan.start.availability)} to {figure(last.after)} "
            f"for {money(last.cumulative.horizon_total, currency)} over "
            f"{plan.design.settings.horizon_months} months; the plan stopped because "
            f"{_STOPPED.get(plan.stopped, plan.stopped)}.")
    return " ".join([text, break_even_sentence(plan), knee_sentence(plan)])


def break_even_sentence(plan: Plan) -> str:
    rate = plan.downtime_cost
    currency = plan.design.settings.currency
    if not rate:
        return ("No downtime cost per hour is set (Design settings), so there is no "
                "break-even point: only the knee is marked.")
    n = plan.break_even_step
    per_hour = money(rate, currency) + " an hour of downtime"
    if n is None:
        return (f"At {per_hour}, not even the first step pays for itself over the "
                f"horizon: every step costs more than the downtime it avoids.")
    after = (f"; every later step costs more than the downtime it avoids"
             if n < len(plan.steps) else "; every step pays for itself")
    return (f"Break-even at step {n}: at {per_hour} it is the last step whose cost over "
            f"the horizon is covered by the downtime it avoids{after}.")


def knee_sentence(plan: Plan) -> str:
    n = plan.knee_step
    if n is None:
        return "The curve has no knee: each step buys about as much as the one before."
    step = plan.steps[n - 1]
    currency = plan.design.settings.currency
    return (f"The knee is at step {n} ({money(step.cumulative.horizon_total, currency)}, "
            f"{capped_nines(step.after):.2f} nines): on the curve scaled to its ends it "
            f"rises furthest above the straight line from the first point to the last; "
            f"after it, returns diminish.")


def front_sentence(pool: int, off_front: int, left_out: int = 0) -> str:
    """Where the greedy plan stands against the exact Pareto front of the
    first step's candidates (`left_out`: the pool's last ones, whose
    combinations did not fit in the front's time)."""
    if pool < 2:
        return "Too few candidates for a Pareto front" + (
            " in the time it may take." if left_out else ".")
    which, more = str(pool), ""
    if left_out:
        which = f"best {pool} of its {pool + left_out}"
        more = f"; {left_out} more did not fit in the time the front may take"
    head = (f"Against the exact Pareto front of the first step's {which} candidates "
            f"(every combination applied and analysed, grey rings{more}), ")
    if not off_front:
        return head + "every point of the plan is on or above the front."
    return head + (f"{off_front} point{'s' if off_front != 1 else ''} of the plan "
                   f"{'are' if off_front != 1 else 'is'} off it (red crosses): a combination "
                   f"of those candidates reaches at least as much for no more money.")


def row(step: Step, plan: Plan, name: Callable[[str], str] = str) -> list[str]:
    """The table's cells: step, edit, removes, cost delta, availability after,
    downtime minutes saved a year, cost per hour of downtime avoided.
    `name`: what to call a removed SPOF (model.naming.unambiguous_names
    of plan.design, as the rest of the report names components; ids by
    default)."""
    currency = plan.design.settings.currency
    per_hour = cost_per_hour_avoided(step, plan.design.settings.horizon_months)
    return [str(step.number), step.candidate.description,
            ", ".join(map(name, step.removes)) or "-",
            cost_delta(step, currency), figure(step.after),
            saved_text(step.minutes_saved),
            "-" if per_hour is None else money(per_hour, currency)]


def cost_per_hour_avoided(step: Step, horizon_months: int) -> Optional[float]:
    """The step's cost over the horizon per hour of downtime it avoids over
    the horizon (compare with the downtime cost per hour)."""
    hours = step.minutes_saved / 60.0 * horizon_months / 12.0
    return None if hours <= 0 else step.cost.horizon_total / hours


def cost_delta(step: Step, currency: str) -> str:
    cost = step.cost
    return (f"+{money(cost.capex, currency)} and {money(cost.opex_monthly, currency)}/month "
            f"({money(cost.horizon_total, currency)} over the horizon)")


def hover(step: Step, currency: str) -> str:
    """What hovering a point says: the edit, its cost and its gain."""
    return (f"Step {step.number}: {step.candidate.description}\n"
            f"Cost: {cost_delta(step, currency)}\n"
            f"Gain: {saved_text(step.minutes_saved)} min of downtime a year saved, "
            f"availability {percent(step.before.availability)} -> {figure(step.after)}")


def figure(found) -> str:
    """A step's availability with how it was found, where not exact. A
    sample with no failure vouches for its interval's lower end, not for
    the 100 % it estimates (as in the status bar: availability.sampled_floor)."""
    text = percent(found.availability)
    if found.method == "monte-carlo":
        if not found.least:
            return f"{text} (Monte Carlo)"
        floor = f"{rounded_down(found.least * 100, 5):.5f} %"
        if found.availability >= 1.0:
            return f"at least {floor} (Monte Carlo)"
        return f"{text} (Monte Carlo, at least {floor})"
    return text if found.method == "exact" else f"{text} ({found.method})"


def saved_text(value: float) -> str:
    """Minutes saved a year: one decimal, or two significant digits when small."""
    return f"{value:,.1f}" if value >= 0.1 else f"{value:.2g}"


def minutes(value: float) -> str:
    return f"{value:,.0f} min" if value >= 10 else downtime_words(value)


def text_lines(plan: Plan) -> list[str]:
    """The plan in the plain-text `analyze --mitigations` report."""
    currency = plan.design.settings.currency
    lines = ["Mitigation plan (greedy by value; each figure from analysing the edited design):"]
    for step in plan.steps:
        mark = "".join([" [break-even]" if step.number == plan.break_even_step else "",
                        " [knee]" if step.number == plan.knee_step else ""])
        lines.append(f"  {step.number:>2}. {step.candidate.description}{mark}")
        lines.append(f"      {cost_delta(step, currency)}; availability after "
                     f"{figure(step.after)}, saves "
                     f"{saved_text(step.minutes_saved)} min of downtime a year")
    lines.append("  " + summary(plan))
    if plan.security is not None:
        from designer.model.naming import unambiguous_names

        from .security import text_lines as security_lines
        lines += ["", *security_lines(plan.security, currency, unambiguous_names(plan.design))]
    return lines
