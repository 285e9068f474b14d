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
from typing import NamedTuple

from . import bdd, ir
from .modules_sampled import SampledModule, confidence_interval, sample_module
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
    # With `solve(sample=True)`: the modules whose BDD did not fit, sampled
    # (modules_sampled.py). Then p_top is an estimate, `interval` its 95 %
    # confidence interval, and `flats` None.
    sampled: tuple[SampledModule, ...] = ()
    interval: tuple[float, float] | None = None


class _Solved(NamedTuple):
    module: int
    leaf: str                        # its stand-in's name, "#top" for the top
    p: float
    flat: bdd.Flat | None            # None when sampled
    P: list | None = None            # the flat's probability passes
    Q: list | None = None
    sampled: SampledModule | None = None


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
          max_memory: int | None = None, factor: bool = False,
          sample: bool = False, selector_first: bool = False) -> Exact:
    """P(top) and its gradient, module by module, innermost first. `rank`
    (event name -> int, lowest first; missing counts as 0) is the caller's
    hint for the variable order: events of one rank stay in the depth-first
    order, and a design uses it to put the shared causes first. `max_memory`:
    CUDD's ceiling in bytes, when not the one the budget implies (bdd.py).
    `factor`: factor common arguments first (preprocess.py; fault trees).
    `sample`: a module whose BDD does not fit, on the last try, is sampled
    rather than raising BudgetExceeded (modules_sampled.py).
    `selector_first`: a diagram may move a selector's events to the top
    once, while it is built (bdd_selector.py; fault trees)."""
    if top is None or top == circuit.top:
        circuit = simplify(circuit, factor)
        top = circuit.top
    if circuit.nodes[top].op in (ir.EVENT, ir.CONST):
        return _trivial(circuit.nodes[top], probs)
    last = budget <= STATIC_BUDGET
    try:
        return _solve(circuit, probs, top, min(budget, STATIC_BUDGET), False, rank,
                      max_memory, sample and last, selector_first)
    except bdd.BudgetExceeded:
        if last:
            raise
    return _solve(circuit, probs, top, budget, True, rank, max_memory, sample, selector_first)


def _solve(circuit: ir.Circuit, probs: dict[str, float], top: int, budget: int,
           sift: bool, rank: dict[str, int] | None, max_memory: int | None = None,
           sample: bool = False, selector_first: bool = False) -> Exact:
    modules = find_modules(circuit, top) | {top}
    leaf_of = _leaf_names(circuit, top, modules)
    rank = _with_modules(circuit, top, modules, leaf_of, rank)
    # Modules share no leaf, so each one's leaves are ordered on their own.
    order = [leaf for m in sorted(modules)
             for leaf in _ranked(bdd.leaf_order(circuit, m, modules), leaf_of, rank)]
    leaves = [leaf_of[i] for i in order]
    manager = bdd.Manager(leaves, budget, sift=sift, max_memory=max_memory)
    manager.selector_first = selector_first
    p_leaf = {name: probs[name] for i, name in leaf_of.items() if circuit.nodes[i].op == ir.EVENT}
    solved: list[_Solved] = []
    for module in sorted(modules):   # inner modules have smaller indices
        leaf = leaf_of[module] if module != top else "#top"
        inner = dict(leaf_of)
        inner.pop(module, None)
        try:
            flat = bdd.flatten(bdd.build(circuit, manager, module, inner), manager)
        except bdd.BudgetExceeded:
            if not sample:
                raise
            flat = None
        if flat is None:
            # CUDD may have stopped at its memory ceiling: go on in a fresh
            # manager (the failed one is freed once the exception is gone).
            manager = bdd.Manager(leaves, budget, sift=sift, max_memory=max_memory)
            manager.selector_first = selector_first
            part = sample_module(circuit, module, {m: leaf_of[m] for m in modules if m != top},
                                 p_leaf, leaf, seed=sum(s.flat is None for s in solved))
            solved.append(_Solved(module, leaf, part.estimate.value, None, sampled=part))
        else:
            P, Q = bdd.probability(flat, [p_leaf.get(name, 0.0) for name in leaves])
            solved.append(_Solved(module, leaf, bdd.edge_value(flat.root, P, Q)[0], flat, P, Q))
        p_leaf[leaf] = solved[-1].p
    return _answer(circuit, solved, leaves, p_leaf, top)


def _answer(circuit, solved: list[_Solved], leaves, p_leaf, top) -> Exact:
    gradient = _chain_rule(solved, leaves, p_leaf)
    last = solved[-1]
    nodes = sum(s.flat.size - 1 for s in solved if s.flat is not None)
    if last.flat is not None:
        q = bdd.edge_value(last.flat.root, last.P, last.Q)[1]   # without subtraction
    else:
        q = 1.0 - last.p
    sampled = tuple(s.sampled for s in solved if s.sampled is not None)
    if not sampled:
        return Exact(last.p, q, gradient, nodes, [(s.leaf, s.flat) for s in solved], leaves)
    coherent = all(circuit.nodes[i].op not in (ir.NOT, ir.XOR) for i in circuit.needed(top))
    interval = confidence_interval(list(sampled), lambda values: _top_given(
        solved, leaves, p_leaf, values), coherent)
    return Exact(last.p, q, gradient, nodes, None, leaves, sampled, interval)


def _top_given(solved: list[_Solved], leaves, p_leaf, values: dict[str, float]) -> float:
    """P(top) with the sampled modules' probabilities set to `values`: the
    modules that depend on them, and only those, computed again."""
    p_now = dict(p_leaf)
    p_now.update(values)
    changed = set(values)
    for s in solved:
        if s.flat is not None and changed & {leaves[i] for i in s.flat.leaves_used()}:
            P, Q = bdd.probability(s.flat, [p_now.get(name, 0.0) for name in leaves])
            p_now[s.leaf] = bdd.edge_value(s.flat.root, P, Q)[0]
            changed.add(s.leaf)
    return p_now[solved[-1].leaf]


def _ranked(leaves: list[int], leaf_of: dict[int, str], rank) -> list[int]:
    """A stable sort: within one rank the depth-first order is kept."""
    if not rank:
        return leaves
    return sorted(leaves, key=lambda i: rank.get(leaf_of[i], 0))


def _with_modules(circuit: ir.Circuit, top: int, modules: set[int], leaf_of: dict[int, str],
                  rank: dict[str, int] | None) -> dict[str, int] | None:
    """`rank` with each module's stand-in ranked as the first of its events.
    Unranked, a stand-in counted as 0 and went before every ranked event:
    the duplicated-services example with its plan applied (202 events, a
    module per server) passed 5 million nodes in the order site by site,
    where with each stand-in beside its server's events it takes 8,103
    (docs/performance.md)."""
    if not rank:
        return rank
    first: dict[int, int] = {}        # node -> the lowest rank of an event below it
    for index in circuit.needed(top):
        node = circuit.nodes[index]
        if node.op == ir.EVENT:
            first[index] = rank.get(node.name, 0)
        elif node.children:
            below = [first[c] for c in node.children if c in first]
            if below:
                first[index] = min(below)
    ranked = dict(rank)
    ranked.update({leaf_of[m]: first[m] for m in modules if m != top and m in first})
    return ranked


def _leaf_names(circuit: ir.Circuit, top: int, modules: set[int]) -> dict[int, str]:
    """Events keep their names; a module stands in as '#module<index>'."""
    names = {i: node.name for i, node in enumerate(circuit.nodes) if node.op == ir.EVENT}
    names.update({m: f"#module{m}" for m in modules if m != top})
    return names


def _chain_rule(solved: list[_Solved], leaves: list[str], p_leaf) -> dict[str, float]:
    """Outermost first: weight(module) = dP(top)/dP(module). A sampled
    module gives its leaves the Birnbaum importance of its samples."""
    weight = {"#top": 1.0}
    result: dict[str, float] = {}
    ps = [p_leaf.get(leaf, 0.0) for leaf in leaves]
    for s in reversed(solved):
        own = weight.get(s.leaf, 0.0)
        if s.flat is None:
            grads = s.sampled.estimate.birnbaum.items()
        else:
            grad = bdd.gradient(s.flat, ps, s.P, s.Q)
            grads = ((leaves[i], grad[i]) for i in s.flat.leaves_used())
        for leaf, g in grads:
            target = weight if leaf.startswith("#module") else result
            target[leaf] = own * g
    return result


def _trivial(node: ir.Node, probs: dict[str, float]) -> Exact:
    if node.op == ir.CONST:
        return Exact(float(node.value), float(not node.value), {}, 0)
    return Exact(probs[node.name], 1.0 - probs[node.name], {node.name: 1.0}, 1)
