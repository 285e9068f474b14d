"""The failure drill's banner in words: whether the system is up with the
chosen components failed, which entry points still answer and what went
down as a consequence. `view` is a live.drill.DrillView (failed, down,
entry_up, system_up); names map ids to what people call them."""
from __future__ import annotations

from typing import Mapping

from designer.model import Kind

SHOW_DOWN = 8      # names listed; the rest are counted
SHOW_ENTRIES = 8   # entry points named one by one; past that, those down
# What went down, what a room reads first: the services and tiers users
# lose, then the machines, the network, the places, the power, the parts.
# By name alone the first eight of 22 were "Database A, ISP uplink, PSU 1
# (Database A), PSU 1 (Proxy A), ..." and the services were in "14 more".
_FIRST = [(Kind.SERVICE, Kind.TIER), (Kind.SERVER,),
          (Kind.LOAD_BALANCER, Kind.FIREWALL, Kind.ROUTER, Kind.SWITCH, Kind.ISP_UPLINK),
          (Kind.SITE, Kind.RACK), (Kind.UTILITY_FEED, Kind.GENERATOR, Kind.UPS, Kind.PDU)]
DOWN_ORDER = {kind: rank for rank, kinds in enumerate(_FIRST) for kind in kinds}


def headline(system_up: bool) -> str:
    return f"System {'UP' if system_up else 'DOWN'}"


def detail(view, names: Mapping[str, str], kinds: Mapping[str, Kind] | None = None) -> str:
    """`kinds` (id -> Kind) orders what went down (DOWN_ORDER), else by name."""
    name = lambda cid: names.get(cid, cid)  # noqa: E731
    failed = ", ".join(sorted(name(c) for c in view.failed)) or "nothing yet: click a component"
    lines = [f"Failed: {failed}", _entry_points(view.entry_up, name)]
    if view.down:
        kinds = kinds or {}
        rank = lambda cid: DOWN_ORDER.get(kinds.get(cid), len(_FIRST))  # noqa: E731
        down = [name(c) for c in sorted(view.down, key=lambda c: (rank(c), name(c).casefold()))]
        lines.append(f"Down as a consequence ({len(down)}): {_some(down)}")
    return "\n".join(lines)


def _some(names: list[str]) -> str:
    """The first SHOW_DOWN names, the rest counted."""
    more = f" and {len(names) - SHOW_DOWN} more" if len(names) > SHOW_DOWN else ""
    return ", ".join(names[:SHOW_DOWN]) + more


def _entry_points(entry_up: Mapping[str, bool], name) -> str:
    """Each entry point up or down; with many (a generated 15,000-component
    design has 241), how many answer and the names of those down."""
    ordered = sorted(entry_up.items(), key=lambda kv: name(kv[0]))
    if len(ordered) <= SHOW_ENTRIES:
        words = "; ".join(f"{name(e)} {'✓ up' if up else '✗ down'}" for e, up in ordered)
        return f"Entry points: {words or 'none'}"
    down = [name(e) for e, up in ordered if not up]
    line = f"Entry points: {len(ordered) - len(down)} of {len(ordered)} ✓ up"
    if down:
        line += f"; ✗ down: {_some(down)}"
    return line
