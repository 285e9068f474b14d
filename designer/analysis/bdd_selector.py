"""What a fault tree's diagram does with a selector while it is built:
moves its events to the top once (`consider`), and builds the OR of
AND(x, a) and AND(not x, b) as one ITE(x, a, b) (`multiplexers`).

das9701's top reads ITE(B, A, E) AND D, B a 4,727-node function of 85
events of which 42 are its own (A's 221 events hold the other 43). In the
depth-first order B's own events sit among A's, so A AND B carries A's
state across each of them: 18,484 and 4,727 nodes make 1,350,166, the top
2,546,714, and its last three gates take 3.3 of P(top)'s 5.4-5.7 s. With
B's events moved above the rest once both operands are built (CUDD's
shuffle of the levels, 0.13 s) the product branches on B first: the top
is 1,035,534 nodes and P(top) 3.1-3.2 s, the same value within 2e-16.

It happens at most once per manager, only where asked (modules.solve's
`selector_first`: fault trees; a design's diagrams keep their placement
orders), at a binary AND or OR whose operands both have MIN_NODES nodes
or more, one RATIO times the other at least, the smaller having at least
OWN of its events to itself. On the 43 Aralia trees it fires on das9701
alone and no other tree's diagram changes. With any partial overlap
allowed it also fired on cea9601 and edf9203, whose smaller operands have
only 27 % and 10 % of their events to themselves, and made them slower
(1.9 -> 2.5 s and 1.0 -> 4.7 s): there most of the smaller's events are
the bigger's too, and moving them takes them away from the events they
go with (docs/performance.md).
"""
from __future__ import annotations

from . import ir

MIN_NODES = 4_000
RATIO = 3.0
OWN = 0.4


def consider(manager, node: ir.Node, values: dict) -> None:
    """Move the smaller operand's events to the top before `node` is built,
    when asked (`manager.selector_first`), not done yet in this manager, and
    it is the selector described above."""
    if (not manager.selector_first or manager.selector_moved
            or node.op not in (ir.AND, ir.OR) or len(node.children) != 2):
        return
    small, big = sorted((values[child] for child in node.children), key=lambda f: f.dag_size)
    if small.dag_size < MIN_NODES or big.dag_size < RATIO * small.dag_size:
        return
    cudd = manager.cudd
    events, others = cudd.support(small), cudd.support(big)
    if not events & others or len(events - others) < OWN * len(events):
        return
    by_level = sorted(cudd.vars, key=cudd.level_of_var)
    order = [v for v in by_level if v in events] + [v for v in by_level if v not in events]
    cudd.reorder({var: level for level, var in enumerate(order)})
    manager.walk_tables = None          # the levels changed (bdd_walk.py)
    manager.selector_moved = True


def multiplexers(circuit: ir.Circuit, needed: list[int], leaf_of: dict, keep: set
                 ) -> dict[int, tuple[int, int]]:
    """The ORs of exactly two ANDs of two arguments each, both ANDs read by
    that OR alone: OR -> its ANDs, which wait for it (bdd._multiplexer).
    Where one AND holds the complement of an argument of the other, the
    OR is ITE(x, a, b), one CUDD operation: das9701's ITE(B, A, E), after
    the move above, takes 0.40 s where AND(B, A), AND(not B, E) and their
    OR took 0.30, 0.55 and 0.49 s (products of 831,689 and 803,457 nodes
    for an OR of 889,968). The diagram is the same either way."""
    readers: dict[int, int] = {}
    for index in needed:
        for child in circuit.nodes[index].children:
            readers[child] = readers.get(child, 0) + 1

    def waits(k: int) -> bool:
        node = circuit.nodes[k]
        return (node.op == ir.AND and len(node.children) == 2 and readers.get(k) == 1
                and k not in leaf_of and k not in keep)
    found = {}
    for index in needed:
        node = circuit.nodes[index]
        if (node.op == ir.OR and len(node.children) == 2 and index not in leaf_of
                and all(map(waits, node.children))):
            found[index] = tuple(node.children)
    return found


def multiplexed(cudd, circuit: ir.Circuit, ands: tuple[int, int], values: dict):
    """ITE(x, a, b) for the OR of AND(x, a) and AND(y, b) with y the
    complement of x, or None when no argument of one AND is the other's
    complement."""
    first, second = (circuit.nodes[k].children for k in ands)
    for x, a in (first, first[::-1]):
        for y, b in (second, second[::-1]):
            if values[x] == ~values[y]:
                return cudd.ite(values[x], values[a], values[b])
    return None
