"""Factoring the arguments a gate's sub-gates have in common (distributivity,
as in SCRAM's preprocessor, extended to atleast gates):

    or(c & y1, c & y2, x)     = or(c & or(y1, y2), x)
    and(c | y1, c | y2, x)    = and(c | and(y1, y2), x)
    atleast k(c | y1, .., c | yn) = c | atleast k(y1, .., yn)
    atleast k(c & y1, .., c & yn) = c & atleast k(y1, .., yn)     (k >= 1)

(if c holds, every argument of the atleast does, or none does.) The function
is unchanged; what changes is the circuit's shape: the arguments left in the
new inner gate often share nothing with the rest and become a module
(modules.py), and each diagram is built over fewer, smaller operands. Measured
on the Aralia trees (docs/performance.md, "Open-PSA"): nus9601's biggest module
1,331 -> 1,199 events, cea9601 1.24 -> 1.08 million BDD nodes, edf9203
176,000 -> 128,000.

Only sub-gates with no other parent are rewritten: a shared sub-gate stays
as it is, so nothing is duplicated. An AND or OR factors the sub-gates
that share the argument most of them hold, even when others do not.
"""
from __future__ import annotations

from . import ir

_DUAL = {ir.OR: ir.AND, ir.AND: ir.OR}


def factor_common_arguments(circuit: ir.Circuit, parents: dict[int, set[int]],
                            copy) -> ir.Circuit:
    """A new circuit with each gate's common sub-gate arguments factored
    once. `parents` (of every needed node) and `copy` (a node rebuilt in the
    new circuit) come from preprocess.py."""
    new = ir.Circuit()
    new_of: dict[int, int] = {}
    for index in circuit.needed():
        node = circuit.nodes[index]
        factored = None
        if node.op in (ir.OR, ir.AND, ir.ATLEAST) and len(node.children) > 1:
            factored = _factored(circuit, node, parents, new, new_of)
        if factored is None:
            factored = copy(node, new, [new_of[c] for c in node.children], new_of)
        new_of[index] = factored
    new.top = new_of[circuit.top]
    return new


def _factored(circuit: ir.Circuit, node: ir.Node, parents, new: ir.Circuit,
              new_of: dict[int, int]) -> int | None:
    """The rewritten gate in `new`, or None when no argument is common."""
    inner_ops = (_DUAL[node.op],) if node.op in _DUAL else (ir.AND, ir.OR)
    for inner in inner_ops:
        group = [c for c in node.children
                 if circuit.nodes[c].op == inner and len(parents[c]) == 1]
        if node.op == ir.ATLEAST:
            if len(group) < len(node.children):
                continue      # an atleast is factored only when every argument shares c
        else:
            group = _sharing_most(circuit, group)
        if len(group) < 2:
            continue
        common = set(circuit.nodes[group[0]].children)
        for child in group[1:]:
            common &= set(circuit.nodes[child].children)
        if not common:
            continue
        build_inner = new.and_ if inner == ir.AND else new.or_
        rests = [build_inner(new_of[g] for g in circuit.nodes[child].children if g not in common)
                 for child in group]
        if node.op == ir.ATLEAST:
            combined = _atleast(new, node.k, rests)
        else:
            combined = (new.or_ if node.op == ir.OR else new.and_)(rests)
        factored = build_inner([new_of[g] for g in sorted(common)] + [combined])
        others = [new_of[c] for c in node.children if c not in group]
        if not others:
            return factored
        return (new.or_ if node.op == ir.OR else new.and_)(others + [factored])
    return None


def _sharing_most(circuit: ir.Circuit, group: list[int]) -> list[int]:
    """The sub-gates of `group` holding the argument most of them share
    (the lowest such argument on a tie). An OR of a & q, q & b and b & c
    shares nothing all through, but q twice: or(q & or(a, b), b & c). On
    das9701 that one rewrite halves the time CUDD takes to build its top
    (5.8 -> 3.1 s, docs/performance.md)."""
    count: dict[int, int] = {}
    for child in group:
        for argument in set(circuit.nodes[child].children):
            count[argument] = count.get(argument, 0) + 1
    if not count:
        return []
    most = max(count.values())
    shared = min(argument for argument, n in count.items() if n == most)
    return [child for child in group if shared in circuit.nodes[child].children]


def _atleast(new: ir.Circuit, k: int, kids: list[int]) -> int:
    """atleast k of `kids`, where a residue may have become a constant (an
    argument that was all common arguments): a true one lowers k."""
    true = sum(1 for kid in kids if new.nodes[kid].op == ir.CONST and new.nodes[kid].value)
    rest = [kid for kid in kids if new.nodes[kid].op != ir.CONST]
    return new.atleast(k - true, rest)
