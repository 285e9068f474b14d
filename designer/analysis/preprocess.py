"""Rewrites that make a circuit's BDDs smaller, without changing its function.

1. Coalescing: an AND (OR) whose only parent is an AND (OR) is merged into
   it, so a gate sees all the arguments it really combines.
2. Grouping modular arguments (after SCRAM's preprocessor): among a gate's
   arguments, those that share events only with each other, and the events
   no other gate reads, are gathered under a new gate of the same kind.
   That gate is a module, solved on its own (modules.py), where before its
   events sat in one BDD with everything else under the parent.

Sets of nodes are Python ints used as bitsets (bit i = node i): unions and
intersections of thousands of nodes cost a few machine operations.
"""
from __future__ import annotations

from . import ir
from .factoring import factor_common_arguments


def simplify(circuit: ir.Circuit, factor: bool = False) -> ir.Circuit:
    circuit = coalesce(circuit)
    if factor:
        parents = _parents(circuit, circuit.needed())
        circuit = coalesce(factor_common_arguments(circuit, parents, copy_node))
    return _group_modular_args(circuit)


def _parents(circuit: ir.Circuit, needed: list[int]) -> dict[int, set[int]]:
    parents: dict[int, set[int]] = {i: set() for i in needed}
    for index in needed:
        for child in circuit.nodes[index].children:
            parents[child].add(index)
    return parents


def copy_node(node: ir.Node, new: ir.Circuit, kids: list[int], new_of: dict[int, int]) -> int:
    """`node` added to `new` over its children's new indices `kids`
    (`new_of`: old index -> new, for a reach gate's usable gates)."""
    op = node.op
    if op == ir.EVENT:
        return new.event(node.name)
    if op == ir.CONST:
        return new.const(node.value)
    if op == ir.AND:
        return new.and_(kids)
    if op == ir.OR:
        return new.or_(kids)
    if op == ir.ATLEAST:
        return new.atleast(node.k, kids)
    if op == ir.NOT:
        return new.not_(kids[0])
    if op == ir.XOR:
        return new.xor(kids)
    spec = node.reach
    return new.reach(ir.Reach(tuple(new_of[g] for g in spec.usable), spec.transit,
                              spec.edges, spec.sources, spec.targets))


def coalesce(circuit: ir.Circuit) -> ir.Circuit:
    """Rewrite 1 (the module's docstring); the bounds use it alone."""
    needed = circuit.needed()
    parents = _parents(circuit, needed)
    ops = circuit.nodes
    # Merged into its one parent, an AND (OR) under an AND (OR): never built
    # on its own, its arguments gathered once, at the gate that keeps them,
    # so a chain of 10,000 ORs costs linear time, not the square (issue 16).
    # A set, not a test per parent and child: the generated 5,000-component
    # design coalesced in 31-37 -> 25-29 ms, the 1,000 in 6.2 -> 4.6 ms.
    merged = set()
    for index in needed:
        op = ops[index].op
        if op in (ir.AND, ir.OR) and index != circuit.top and len(parents[index]) == 1:
            (parent,) = parents[index]
            if ops[parent].op == op:
                merged.add(index)
    new = ir.Circuit()
    new_of: dict[int, int] = {}
    for index in needed:
        if index in merged:
            continue
        node = ops[index]
        if node.op in (ir.AND, ir.OR):
            kids: list[int] = []
            pending = list(reversed(node.children))
            while pending:
                child = pending.pop()
                if child in merged:
                    pending.extend(reversed(ops[child].children))
                else:
                    kids.append(new_of[child])
        else:
            kids = [new_of[child] for child in node.children]
        new_of[index] = copy_node(node, new, kids, new_of)
    new.top = new_of[circuit.top]
    return new


def _group_modular_args(circuit: ir.Circuit) -> ir.Circuit:
    needed = circuit.needed()
    parents = _parents(circuit, needed)
    below: dict[int, int] = {}     # the node and everything under it
    reached_from: dict[int, int] = {}  # every parent of anything in `below`
    for index in needed:
        bits = 1 << index
        outside = 0
        for parent in parents[index]:
            outside |= 1 << parent
        for child in circuit.nodes[index].children:
            bits |= below[child]
            outside |= reached_from[child]
        below[index], reached_from[index] = bits, outside
    new = ir.Circuit()
    new_of: dict[int, int] = {}
    for index in needed:
        node = circuit.nodes[index]
        kids = [new_of[c] for c in node.children]
        if node.op in (ir.AND, ir.OR) and len(node.children) > 2:
            kids = _grouped(node, index, below, reached_from, new, new_of)
        new_of[index] = copy_node(node, new, kids, new_of)
    new.top = new_of[circuit.top]
    return new


def _grouped(node: ir.Node, index: int, below, reached_from, new: ir.Circuit, new_of) -> list[int]:
    """The gate's arguments with each modular group of 2+ under a new gate.
    The events no other gate reads form one group: they become one variable
    of the gate's BDD, where before each was a node on every path through
    the gate (edf9204 407,134 -> 257,766 nodes)."""
    groups = _overlapping(list(node.children), below)
    own = [g[0] for g in groups if len(g) == 1 and reached_from[g[0]] == 1 << index
           and below[g[0]] == 1 << g[0]]
    if len(own) > 1:
        owned = set(own)
        groups = [g for g in groups if not (len(g) == 1 and g[0] in owned)] + [own]
    kids: list[int] = []
    for group in groups:
        inside = 0
        outside = 0
        for child in group:
            inside |= below[child]
            outside |= reached_from[child]
        modular = outside & ~(inside | (1 << index)) == 0
        if modular and 1 < len(group) < len(node.children):
            members = [new_of[c] for c in group]
            kids.append(new.and_(members) if node.op == ir.AND else new.or_(members))
        else:
            kids.extend(new_of[c] for c in group)
    return kids


def _overlapping(children: list[int], below: dict[int, int]) -> list[list[int]]:
    """Arguments joined when they share anything below them. Gate arguments
    are compared pairwise; an event argument (one bit, its own) joins the
    group holding that bit or stands alone, so an OR of 100,000 events is
    linear, not the square (issue 16)."""
    groups: list[tuple[int, list[int]]] = []
    events: list[int] = []
    for child in children:
        bits = below[child]
        if bits == 1 << child:       # an event: nothing below it but itself
            events.append(child)
            continue
        members = [child]
        keep = []
        for group_bits, group_members in groups:
            if group_bits & bits:
                bits |= group_bits
                members = group_members + members
            else:
                keep.append((group_bits, group_members))
        groups = keep + [(bits, members)]
    covered = 0
    for group_bits, _ in groups:
        covered |= group_bits
    alone: list[list[int]] = []
    for event in events:
        if covered >> event & 1:
            for group_bits, members in groups:
                if group_bits >> event & 1:
                    members.append(event)
                    break
        else:
            alone.append([event])
    return [members for _, members in groups] + alone


def with_common_causes(circuit: ir.Circuit, groups: dict[str, list[str]]) -> ir.Circuit:
    """Beta-factor common cause: each member event e of group g becomes
    AND(e, "ccf:g") in "works" polarity, one shared event per group."""
    member_of = {event: group for group, events in groups.items() for event in events}
    new = ir.Circuit()
    new_of: dict[int, int] = {}
    for index in circuit.needed():
        node = circuit.nodes[index]
        kids = [new_of[c] for c in node.children]
        new_of[index] = copy_node(node, new, kids, new_of)
        if node.op == ir.EVENT and node.name in member_of:
            new_of[index] = new.and_([new_of[index], new.event("ccf:" + member_of[node.name])])
    new.top = new_of[circuit.top]
    return new
