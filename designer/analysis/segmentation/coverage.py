"""Is a rule hidden by the rules above it taken together? (Batfish's
filterLineReachability reports such a line with all its "blocking lines";
Al-Shaer and Hamed's pairwise classes miss it when no single earlier rule
covers it.) No Qt.

A rule's region is a product of four sets: source addresses, destination
addresses, protocols and a port interval. Split the later rule's region
into cells that every earlier rule either contains or misses (addresses
grouped by which earlier rules name them, ports cut at every earlier
boundary); the rule is hidden when an earlier rule contains every cell.
"""
from __future__ import annotations

from typing import Optional

from .rules import Rule

MAX_CELLS = 50_000      # beyond this the question is skipped (never seen in practice)


def _classes(mine: frozenset, sides: list) -> list:
    """One representative atom of each group of `mine` that the earlier
    rules' sides treat alike."""
    groups: dict[tuple, object] = {}
    for atom in sorted(mine, key=repr):
        groups.setdefault(tuple(atom in side for side in sides), atom)
    return list(groups.values())


def _port_starts(rule: Rule, earlier: list[Rule]) -> list[int]:
    cuts = {rule.low}
    for other in earlier:
        for edge in (other.low, other.high + 1):
            if rule.low < edge <= rule.high:
                cuts.add(edge)
    return sorted(cuts)


def hidden_by(rule: Rule, earlier: list[Rule], atoms) -> Optional[list[Rule]]:
    """The earlier rules that together hide `rule` (each overlaps it), or
    None when some packet of `rule` reaches it."""
    if not earlier:
        return None
    src, dst = atoms(rule.source), atoms(rule.destination)
    srcs = [atoms(r.source) for r in earlier]
    dsts = [atoms(r.destination) for r in earlier]
    src_cells, dst_cells = _classes(src, srcs), _classes(dst, dsts)
    ports = _port_starts(rule, earlier)
    protocols = sorted(rule.protocols)
    if len(src_cells) * len(dst_cells) * len(ports) * len(protocols) > MAX_CELLS:
        return None
    used: set[int] = set()
    for s in src_cells:
        for d in dst_cells:
            for proto in protocols:
                for port in ports:
                    k = next((k for k, r in enumerate(earlier)
                              if s in srcs[k] and d in dsts[k] and proto in r.protocols
                              and r.low <= port <= r.high), None)
                    if k is None:
                        return None
                    used.add(k)
    return [earlier[k] for k in sorted(used)]
