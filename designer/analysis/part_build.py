"""The diagrams of the bounds' parts (parts.py): each part in its own
CUDD manager and variable order, a shape built once and its twins renamed
from it."""
from __future__ import annotations

from . import bdd, ir
from .part_eval import ColumnPasses
from .part_keys import shapes_of
from .shared_fixpoints import SharedFixpoints
from .stop import checkpoint


def build_parts(circuit: ir.Circuit, missing: list[int], keys: list, names: list[str], rank,
                budget: int, built: dict) -> None:
    """The diagrams of the `missing` parts into `built` under their `keys`,
    each in its own manager and order (`local_order`), a shape built once
    and its twins renamed from it (part_keys.shapes_of). In one manager
    over one order of the whole circuit, twins whose shared events fell in
    another order were built apart: 31 diagrams for the 79 parts of the
    generated 5,000-component design, 16 in their own orders (building
    3.1-3.7 -> 1.5-2.2 s; docs/performance.md). `budget`: nodes of all
    the diagrams built."""
    orders = [local_order(circuit, kid, rank, names) for kid in missing]
    shapes = shapes_of(circuit, missing, orders)
    first: dict[int, int] = {}     # shape -> its first kid, the one built
    for j, (shape, _) in enumerate(shapes):
        first.setdefault(shape, j)
    left = budget
    fixpoints = SharedFixpoints()
    for j in sorted(first.values()):
        checkpoint()
        manager = bdd.Manager([names[i] for i in orders[j]], left, small=True,
                              names=fixpoints.names)
        root = bdd.build(circuit, manager, missing[j], {i: names[i] for i in orders[j]},
                         fixpoints.for_manager(manager.cudd))
        flat = bdd.flatten(root, manager, often=True)
        left -= flat.size
        built[keys[j]] = ColumnPasses(flat, manager.leaves)
    for j, (shape, events) in enumerate(shapes):
        model = first[shape]
        if model != j:     # the same diagram with this part's events
            built[keys[j]] = built[keys[model]].renamed(dict(zip(shapes[model][1], events)))


def local_order(circuit: ir.Circuit, kid: int, rank, names: list[str]) -> list[int]:
    """A part's events in the order of its diagram: by rank (the caller's
    hint: shared causes first), ties depth first from the part's own top.
    Two parts that repeat each other's shape get the same order."""
    order = bdd.leaf_order(circuit, kid)
    if rank:
        order = sorted(order, key=lambda i: rank.get(names[i], 0))
    return order
