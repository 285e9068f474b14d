"""The diagrams of the bounds' parts (parts.py): each part in its own
CUDD manager and variable order, a shape built once and its twins renamed
from it."""
from __future__ import annotations

import numpy as np

from . import bdd, ir
from .part_eval import ColumnPasses
from .part_keys import shapes_of
from .shared_fixpoints import SharedFixpoints
from .stop import checkpoint

SIFT_FROM, SIFT_UP_TO = 5_000, 200_000     # nodes of a part's diagram to sift (`sifted`)
SITE_FIRST_FROM = 3      # sites a part spans from which its events go site by site


def build_parts(circuit: ir.Circuit, missing: list[int], keys: list, names: list[str], rank,
                budget: int, built: dict, shaped: dict | None = None) -> None:
    """The diagrams of the `missing` parts into `built` under their `keys`,
    each in its own manager and order (`local_order`), a shape built once
    and its twins renamed from it (part_keys.shapes_of). In one manager
    over one order of the whole circuit, twins whose shared events fell in
    another order were built apart: 31 diagrams for the 79 parts of the
    generated 5,000-component design, 16 in their own orders (building
    3.1-3.7 -> 1.5-2.2 s; docs/performance.md). `budget`: nodes of all
    the diagrams built. `shaped` (shape -> the diagram and its events in
    order) keeps the shapes between calls, so a part met again under
    other names is renamed, not built: the cost plan's candidate replica
    of a tier is on server h18 at one step and h19 at the next (11 of the
    13 rebuilds of the plan of the 1,000-component design, 0.25 s each).
    A shape's diagram depends on nothing else (its own order, a fresh
    manager), so the figures are those of a build."""
    shaped = {} if shaped is None else shaped
    orders = [local_order(circuit, kid, rank, names) for kid in missing]
    shapes = shapes_of(circuit, missing, orders)
    left = budget
    fixpoints = SharedFixpoints()
    for j, (shape, events) in enumerate(shapes):
        if shape in shaped:
            shaped[shape] = shaped.pop(shape)     # most recently used last (part_cache.trim)
        else:
            checkpoint()
            manager = bdd.Manager([names[i] for i in orders[j]], left, small=True,
                                  names=fixpoints.names)
            root = bdd.build(circuit, manager, missing[j], {i: names[i] for i in orders[j]},
                             fixpoints.for_manager(manager.cudd))
            root, manager = sifted(root, manager)
            flat = bdd.flatten(root, manager, often=True)
            left -= flat.size
            shaped[shape] = (ColumnPasses(flat, manager.leaves, shape), events)
        passes, model_events = shaped[shape]
        built[keys[j]] = (passes if model_events == events      # the same diagram, these events
                          else passes.renamed(dict(zip(model_events, events))))


def sifted(root, manager: bdd.Manager) -> tuple[object, bdd.Manager]:
    """`root` copied into a manager of its own and sifted there, once, in
    CUDD's cheapest way: a variable moves only while the diagram does not
    grow (max_growth 1.0). The part's order is a hint from the placement;
    sifting finds what it missed: generated 5,000-component design, its
    diagrams of about 10,000 nodes 30 % smaller (769,901 -> 539,370 nodes
    in all the parts) for 11 ms a diagram, and the analysis 0.6-0.8 s
    faster. Diagrams under SIFT_FROM nodes are left as built: the 1,000
    design's (3,700-3,900 nodes, 5 ms a diagram to copy and sift, 24 %
    smaller) cost more to sift than their passes then save. In the
    manager it was built in, the sifting would also weigh the network
    fixpoints kept there for other parts (shared_fixpoints.py): a part's
    diagram would then depend on which parts were built before it, and
    an edit's re-analysis would not give what a full one gives."""
    if not SIFT_FROM <= root.dag_size <= SIFT_UP_TO:
        return root, manager
    alone = bdd.Manager(manager.leaves, manager.budget, small=True, names=manager.var_name)
    copied = manager.cudd.copy(root, alone.cudd)
    alone.cudd.configure(max_growth=1.0)
    alone.cudd.reorder()
    return copied, alone


def local_order(circuit: ir.Circuit, kid: int, rank, names: list[str]) -> list[int]:
    """A part's events in the order of its diagram. `rank`: per event name a
    key of group numbers (design_order.rack_rank: the event's site, server
    rack, site, server; 0 for none). A part across several sites goes site
    by site in the design's order (`_sites_first`); then the other numbers,
    compared in turn, say which events go together, not in which order the
    groups come: group by group, 0 (none) first, then in the order the
    groups' last events are met depth first from the part's own top; ties
    depth first. So parts alike (an application's tiers repeated on other
    racks) get orders that map onto each other and share one diagram
    (part_keys.shapes_of), where the design's own numbering of racks gave
    each its own: generated designs, 1,000 components 8 -> 4 diagrams,
    60,103 -> 56,801 nodes in all the parts; 2,000 11 -> 5, 103,294 ->
    91,853; 5,000 16 -> 10, 957,707 -> 769,901 (docs/performance.md).
    Groups in the order their first event is met made bigger diagrams
    (77,621, 170,484 and 905,437 nodes)."""
    order = bdd.leaf_order(circuit, kid)
    if not rank:
        return order
    keys = [rank.get(names[i], ()) for i in order]
    sites = _sites_first(keys)
    width = max(map(len, keys), default=1) - 1
    if width <= 0:
        return [order[j] for j in np.lexsort((np.arange(len(order)), sites))]
    groups = np.array([key[1:] + (0,) * (width - len(key) + 1) for key in keys], dtype=np.int64)
    # One sort, numpy's: by site, then per number (whether it is a group,
    # where its group's last event is), then depth first (the position).
    columns = [np.arange(len(order))]
    for number in groups.T[::-1]:
        columns += [_last_seen(number), number != 0]
    return [order[j] for j in np.lexsort(columns + [sites])]


def _last_seen(numbers: np.ndarray) -> np.ndarray:
    """Per position, the last position holding the same number."""
    _, inverse = np.unique(numbers, return_inverse=True)
    last = np.zeros(inverse.max() + 1, dtype=np.int64)
    np.maximum.at(last, inverse, np.arange(len(numbers)))
    return last[inverse]


def _sites_first(keys: list[tuple]) -> list[int]:
    """Per event, the site its part's order puts it in: the site's number
    (the first of its design_order.rack_rank key) when the part spans
    SITE_FIRST_FROM sites or more, else 0 for all. Rack by rack, a part
    across four sites carries every site's shared state past each rack:
    the generated 1,000-component design with both sites copied, 145,000
    nodes a part in 1.7-1.9 s (site by site 46,000-48,000 in 0.2 s); with
    a network rack copied too, 412,000-520,000 nodes in 8-10 s each, the
    parts together past the budget (Monte Carlo). Sites in the design's
    order, not in the order the part meets them: the network's fixpoints
    then hold their events in one order in every part's manager, and
    copying one into the next costs 0.8 ms, where across orders it took
    up to 0.5 s (shared_fixpoints.py; a site and both network racks
    copied: building 52 s against 8.6 s). Over two sites the rack order
    is the smaller (the generated 2,000: 91,853 against 131,982 nodes in
    all; docs/performance.md)."""
    spanned = {key[0] for key in keys if key and key[0]}
    if len(spanned) < SITE_FIRST_FROM:
        return [0] * len(keys)
    return [key[0] if key else 0 for key in keys]
