"""Exact probability by modules: solve each independent subtree once.

A module is a gate whose subtree shares no node with the rest of the
circuit (found in linear time with the visit dates of one depth-first walk,
after Dutuit and Rauzy, 1996). Its probability does not depend on anything
outside, so it is solved in its own small BDD and then stands in for the
whole subtree as a single variable. The BDDs of a module and of its parent
never multiply into each other, which is what keeps big fault trees and
designs with many independent servers small.

Importance follows the chain rule through the stand-ins:
dP(top)/dp(e) = dP(top)/dP(module of e) x dP(module)/dp(e).
"""
from __future__ import annotations

from dataclasses import dataclass

from . import bdd, ir
from .preprocess import simplify


@dataclass
class Exact:
    p_top: float                 # P(top node true)
    q_top: float                 # P(top node false), computed without subtraction
    gradient: dict[str, float]   # dP(top)/dp(event) for every event under the top
    bdd_nodes: int               # summed over the module BDDs
    # The module BDDs themselves, innermost first, the top last as "#top"
    # (a module is the leaf '#module<index>' of the BDDs around it), over
    # the manager's `leaves`: fta's cut sets reuse them (mcs_modules.py).
    flats: list[tuple[str, bdd.Flat]] | None = None
    leaves: list[str] | None = None


def find_modules(circuit: ir.Circuit, top: int) -> set[int]:
    """Gates (not events) under `top` whose subtrees are independent."""
    enter, leave, last = _visit_dates(circuit, top)
    low: dict[int, int] = {}
    high: dict[int, int] = {}
    modules: set[int] = set()
    for index in sorted(enter):   # children first
        node = circuit.nodes[index]
        if not node.children:
            continue
        kids = set(node.children)
        low[index] = min(min(enter[c], low.get(c, enter[c])) for c in kids)
        high[index] = max(max(last[c], high.get(c, last[c])) for c in kids)
        if low[index] > enter[index] and high[index] < leave[index]:
            modules.add(index)
    return modules


def _visit_dates(circuit: ir.Circuit, top: int):
    """First visit, end of the first visit, and last time each node is met."""
    enter: dict[int, int] = {}
    leave: dict[int, int] = {}
    last: dict[int, int] = {}
    clock = 0
    stack: list[tuple[int, bool]] = [(top, False)]
    while stack:
        index, done = stack.pop()
        clock += 1
        if done:
            leave[index] = last[index] = clock
            continue
        if index in enter:
            last[index] = clock          # met again from another parent
            continue
        enter[index] = clock
        stack.append((index, True))
        stack.extend((c, False) for c in reversed(circuit.nodes[index].children))
    return enter, leave, last


# A first try in the static order stops here; a bigger budget buys a second
# try that sifts (CUDD's reordering) as the diagrams grow. Sifting costs
# 5-20 s per sifting of a 100,000-node diagram, so the static order is
# given a long run first (das9701 finishes in it at 2.6 million nodes).
STATIC_BUDGET = 3_000_000


def solve(circuit: ir.Circuit, probs: dict[str, float], top: int | None = None,
          budget: int = bdd.DEFAULT_BUDGET, rank: dict[str, int] | None = None,
          max_memory: int | None = None, factor: bool = False) -> Exact:
    """P(top) and its gradient, module by module, innermost first. `rank`
    (event name -> int, lowest first; missing counts as 0) is the caller's
    hint for the variable order: events of one rank stay in the depth-first
    order, and a design uses it to put the shared causes first. `max_memory`:
    CUDD's ceiling in bytes, when not the one the budget implies (bdd.py).
    `factor`: factor common arguments first (preprocess.py; fault trees)."""
    if top is None or top == circuit.top:
        circuit = simplify(circuit, factor)
        top = circuit.top
    if circuit.nodes[top].op in (ir.EVENT, ir.CONST):
        return _trivial(circuit.nodes[top], probs)
    try:
        return _solve(circuit, probs, top, min(budget, STATIC_BUDGET), False, rank, max_memory)
    except bdd.BudgetExceeded:
        if budget <= STATIC_BUDGET:
            raise
    return _solve(circuit, probs, top, budget, True, rank, max_memory)


def _solve(circuit: ir.Circuit, probs: dict[str, float], top: int, budget: int,
           sift: bool, rank: dict[str, int] | None, max_memory: int | None = None) -> Exact:
    modules = find_modules(circuit, top) | {top}
    leaf_of = _leaf_names(circuit, top, modules)
    # Modules share no leaf, so each one's leaves are ordered on their own.
    order = [leaf for m in sorted(modules)
             for leaf in _ranked(bdd.leaf_order(circuit, m, modules), leaf_of, rank)]
    manager = bdd.Manager([leaf_of[i] for i in order], budget, sift=sift, max_memory=max_memory)
    p_leaf = {name: probs[name] for i, name in leaf_of.items() if circuit.nodes[i].op == ir.EVENT}
    solved: list[tuple[int, bdd.Flat, list[float], list[float]]] = []
    nodes = 0
    for module in sorted(modules):   # inner modules have smaller indices
        inner = dict(leaf_of)
        inner.pop(module, None)
        flat = bdd.flatten(bdd.build(circuit, manager, module, inner), manager)
        nodes += len(flat.var) - 1
        ps = [p_leaf.get(leaf, 0.0) for leaf in manager.leaves]
        P, Q = bdd.probability(flat, ps)
        p, q = bdd.edge_value(flat.root, P, Q)
        if module != top:
            p_leaf[leaf_of[module]] = p
        solved.append((module, flat, P, Q))
    gradient = _chain_rule(solved, manager, p_leaf, leaf_of, top)
    flats = [(leaf_of[m] if m != top else "#top", flat) for m, flat, _, _ in solved]
    return Exact(p, q, gradient, nodes, flats, list(manager.leaves))


def _ranked(leaves: list[int], leaf_of: dict[int, str], rank) -> list[int]:
    """A stable sort: within one rank the depth-first order is kept."""
    if not rank:
        return leaves
    return sorted(leaves, key=lambda i: rank.get(leaf_of[i], 0))


def _leaf_names(circuit: ir.Circuit, top: int, modules: set[int]) -> dict[int, str]:
    """Events keep their names; a module stands in as '#module<index>'."""
    names = {i: node.name for i, node in enumerate(circuit.nodes) if node.op == ir.EVENT}
    names.update({m: f"#module{m}" for m in modules if m != top})
    return names


def _chain_rule(solved, manager, p_leaf, leaf_of, top) -> dict[str, float]:
    """Outermost first: weight(module) = dP(top)/dP(module)."""
    weight = {leaf_of.get(top, "#top"): 1.0}
    result: dict[str, float] = {}
    ps = [p_leaf.get(leaf, 0.0) for leaf in manager.leaves]
    for module, flat, P, Q in reversed(solved):
        own = weight.get(leaf_of[module] if module != top else "#top", 0.0)
        grad = bdd.gradient(flat, ps, P, Q)
        for leaf_index in set(flat.var[1:]):
            leaf = manager.leaves[leaf_index]
            target = weight if leaf.startswith("#module") else result
            target[leaf] = own * grad[leaf_index]
    return result


def _trivial(node: ir.Node, probs: dict[str, float]) -> Exact:
    if node.op == ir.CONST:
        return Exact(float(node.value), float(not node.value), {}, 0)
    return Exact(probs[node.name], 1.0 - probs[node.name], {node.name: 1.0}, 1)
