"""The words of the reachability matrix (no Qt): a cell's word and caption,
and what a click on a cell shows (the path, and the rule that allowed or
blocked each firewall hop)."""
from __future__ import annotations

from designer.analysis.segmentation.context import Context
from designer.analysis.segmentation.matrix import cell_flow

WORDS = {"open": "open", "exposed": "OPEN", "blocked": "blocked",
         "same-zone": "same zone", "no-path": "no path"}
CAPTIONS = {"open": "reachable through every firewall on some path",
            "exposed": "reachable from the Internet, and not a public service",
            "blocked": "a firewall on every path blocks it",
            "same-zone": "in the same zone: no firewall between",
            "no-path": "no network path at all"}


def cell_words(status: str) -> str:
    return WORDS[status]


def cell_caption(result, cell, status: str) -> str:
    return (f"{result.label(cell.zone)} to {result.label(cell.service)} port {cell.port}: "
            f"{CAPTIONS[status]}")


def flow_lines(design, result, zone: str, service: str, port: int) -> tuple[list[str], list]:
    """(lines to show, the path's component ids) for one cell."""
    ctx = Context(design)
    flow = cell_flow(ctx, zone, service, port)
    name = result.label if result is not None else ctx.name

    def label(cid):
        text = name(cid)
        return ctx.name(cid) if text == cid else text
    verdict = "reaches" if flow.reached else "does not reach"
    lines = [f"{label(zone)} {verdict} {label(service)} on {flow.packet.protocol.upper()} "
             f"port {port}."]
    for hop in flow.hops:
        if hop.action == "pass":
            continue
        how = "its default action" if hop.rule is None else f"rule {hop.rule + 1}"
        rule = (design.by_id[hop.component].rules[hop.rule]
                if hop.rule is not None else None)
        note = f" ({rule.comment})" if rule is not None and rule.comment else ""
        lines.append(f"  {label(hop.component)}: {hop.action} by {how}{note}")
    if flow.path:
        lines.append("Path: " + " > ".join(label(c) for c in flow.path))
    else:
        lines.append("No network path.")
    return lines, list(flow.path)
