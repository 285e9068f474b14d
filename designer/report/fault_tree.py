"""`weaklink fta`'s two outputs, from one FaultTreeResult
(analysis/fta_result.py): the `--json` object and the text. A figure that
rests on sampling says so beside it: where it was sampled, how many
samples, its 95 % interval. No Qt."""
from __future__ import annotations

import math

from designer.analysis.fta_result import FaultTreeResult, SampledModuleFigures

IMPORTANT_SHOWN = 10


def fault_tree_json(result: FaultTreeResult) -> dict:
    data = {"top_event": result.top_event, "top_event_probability": result.probability,
            "method": result.method}
    if result.confidence_interval is not None:
        data["confidence_interval"] = list(result.confidence_interval)
    if result.sampled_modules:
        data["sampled_modules"] = [{"module": part.module, "events": part.events,
                                    "samples": part.samples} for part in result.sampled_modules]
        data["events"] = result.events
    if result.bounds is not None:
        data["bounds"] = list(result.bounds)
    cuts = result.cut_sets
    if cuts is None:
        data.update(minimal_cut_sets=None, spofs=None, note=_no_cut_sets(result))
    else:
        data["minimal_cut_sets"] = {"count": cuts.count,
                                    "by_order": {str(k): n for k, n in cuts.by_order.items()}}
        data["spofs"] = list(cuts.spofs)
        if cuts.truncated is not None:
            order, dropped = cuts.truncated
            data["mcs_truncated"] = {"order_limit": order, "max_dropped_probability": dropped}
    data["importance"] = dict(result.birnbaum)
    return data


def fault_tree_text(model: str, result: FaultTreeResult) -> str:
    lines = [f"Fault tree: {model} (top event {result.top_event})",
             f"P(top) = {result.probability:.6g} ({result.method})"]
    if result.confidence_interval is not None:
        low, high = result.confidence_interval
        lines.append(f"  95 % confidence interval: {low:.6g} .. {high:.6g}")
    if result.sampled_modules:
        lines.append("  " + sampled_text(result.sampled_modules, result.events))
    if result.bounds is not None:
        low, high = result.bounds
        lines.append(f"  certified bounds: {low:.12g} .. {high:.12g}")
    lines += _cut_set_lines(result)
    ranked = sorted(result.birnbaum.items(), key=lambda kv: -kv[1])[:IMPORTANT_SHOWN]
    lines.append(f"Most important basic events (Birnbaum), top {len(ranked)}:")
    lines += [f"  {name}: {value:.4g}" for name, value in ranked if not math.isnan(value)]
    return "\n".join(lines)


def _cut_set_lines(result: FaultTreeResult) -> list[str]:
    cuts = result.cut_sets
    if cuts is None:
        return [_no_cut_sets(result)]
    orders = ", ".join(f"order {k}: {n}" for k, n in cuts.by_order.items())
    lines = [f"Minimal cut sets: {cuts.count}" + (f" ({orders})" if orders else "")]
    if cuts.truncated is not None:
        order, dropped = cuts.truncated
        lines.append(f"  (up to order {order}: the cut sets left out carry "
                     f"at most P = {dropped:.3g})")
    lines.append("Single points of failure: " + (", ".join(cuts.spofs) or "none"))
    return lines


def _no_cut_sets(result: FaultTreeResult) -> str:
    return f"minimal cut sets not computed: {result.cut_sets_missing}"


def sampled_text(parts: tuple[SampledModuleFigures, ...], events: int) -> str:
    """Where Monte Carlo ran, on how much of the tree, with how many samples."""
    held = sum(part.events for part in parts)
    samples = ", ".join(f"{part.samples:,}" for part in parts)
    if [part.module for part in parts] == ["#top"]:
        where = "at the top, whose BDD does not fit"
    else:
        where = ("inside 1 module" if len(parts) == 1 else f"inside {len(parts)} modules") + \
            " whose BDD does not fit"
    around = "; exact around it" if held < events else ""
    return f"sampled {where} ({held:,} of {events:,} basic events, {samples} samples){around}"
