"""Binary decision diagrams of a `Circuit`, on CUDD (through the `dd` package).

CUDD does the heavy part in C (ite with a unique table and computed cache,
complement edges). What lives here is what makes it work for us:

- a static variable order (`leaf_order`): depth first as SCRAM's
  preprocessor does, a gate's sub-gates before its own leaves, so the
  events of one subtree sit together. Dynamic reordering is off: on the
  Aralia trees sifting cost minutes where the static order costs seconds,
  and it makes timings erratic;
- a node budget: building stops with `BudgetExceeded` once the manager holds
  more live nodes than allowed after a gate (bdd_count.py reads CUDD's
  count), so the caller can fall back to bounds or Monte Carlo;
- leaves (`leaf_of`): gates handed in as ready-made variables. Modules (modules.py)
  use this to solve an independent subtree once and stand in for it;
- `flatten`: the diagram copied once into plain integer columns (flat.py),
  so the probability passes run over ints instead of wrapper objects.
"""
from __future__ import annotations

import time
from collections import deque

from . import bdd_selector, ir
from .bdd_count import live_counter, statistics_count
from .bdd_flat import flatten  # noqa: F401 (re-exported)
from .bdd_prob import Flat, edge_value, gradient, probability  # noqa: F401 (re-exported)
from .stop import checkpoint

try:  # the compiled CUDD backend ships in the dd wheels
    from dd import cudd as _backend
except ImportError:  # pragma: no cover - pure-Python fallback, same API
    from dd import autoref as _backend

DEFAULT_BUDGET = 2_000_000   # BDD nodes in the manager
# The budget is checked after every gate. CUDD's node count is read through
# its own accessors (bdd_count.py, a microsecond). Where those cannot be
# used, dd's statistics() costs about 0.9 ms, most of it counting the
# cache's used slots: then the count is read at most this often (s) during
# a build. A diagram grows by some 10,000 nodes in that time, and CUDD's
# memory ceiling stops a single runaway operation anyway.
COUNT_EVERY = 0.02
WIDE_GATE = 64               # arguments from which a gate checks the budget itself
SIFT_FROM = 100_000          # nodes before the first sifting, when allowed
# CUDD's own memory ceiling, per node of budget. The node count is read
# between operations; one apply of two big operands (a random sum of
# products) can grow far past the budget inside C, where only this ceiling
# stops it. Measured at a 3-million-node budget: edf9204 peaks at 267 MB
# (its exact answer needs over 64 bytes a node), a random sum of products
# hits 300 MB after 5-7 s (tests/hostile.py).
BYTES_PER_NODE = 100
MIN_MEMORY = 64 * 2**20
# What CUDD is told to expect for a small diagram (a design's part): it
# sizes its tables from this, and a manager told 1 GiB (dd's default) takes
# 8-13 ms to set up where one told 64 MiB takes 0.5 ms. A design builds a
# manager per part shape: 1,000 components 282-289 -> 244-262 ms. A fault
# tree keeps the default: edf9204's one big diagram built 15 % slower on
# 64 MiB (docs/performance.md).
SMALL_ESTIMATE = 64 * 2**20
# The computed cache's first size (slots) for those: CUDD sizes it from the
# estimate otherwise (262,144 slots, 6 MB to allocate and fault in), and
# grows it when it is hit often. Building the parts took as long with
# 16,384 slots (1,000 components 42 ms, 5,000 360 ms) and setting the
# managers up 7.5 -> 2.7 ms at 1,000 components (docs/performance.md).
SMALL_CACHE = 2**14


class BudgetExceeded(Exception):
    """The BDD grew past its node budget."""


class Manager:
    """One CUDD manager whose variables are named after leaves (events, or
    module stand-ins), declared in the order given."""

    def __init__(self, leaves: list[str], budget: int = DEFAULT_BUDGET, sift: bool = False,
                 max_memory: int | None = None, small: bool = False,
                 names: dict[str, str] | None = None):
        # `max_memory` (bytes) overrides the ceiling the budget implies: an
        # off-line caller (weaklink fta) may allow a diagram more room per node.
        # `small`: the diagrams are expected small (SMALL_ESTIMATE).
        # `names`: leaf -> variable name, shared by managers whose diagrams
        # are copied between them (shared_fixpoints.py), grown for new leaves.
        self.cudd = (_backend.BDD(SMALL_ESTIMATE, SMALL_CACHE) if small
                     and _backend.__name__ == "dd.cudd"
                     else _backend.BDD())
        self.cudd.configure(reordering=False,
                            max_memory=max_memory or max(MIN_MEMORY, BYTES_PER_NODE * budget))
        self.leaves = list(leaves)
        self.budget = budget
        # Sifting (CUDD's reordering) only once a diagram is big: small ones
        # are cheaper to finish than to reorder. Then again at each doubling.
        self.next_sift = SIFT_FROM if sift else None
        self.counted_at = -COUNT_EVERY
        self.var_name = ({leaf: f"v{i}" for i, leaf in enumerate(self.leaves)} if names is None
                         else {leaf: names.setdefault(leaf, f"v{len(names)}")
                               for leaf in self.leaves})
        self.walk_tables = None   # bdd_walk.py's index -> leaf and level, until a sifting
        self.selector_first = False    # bdd_selector.py: asked for (fault trees)
        self.selector_moved = False    # ... and done: a manager moves once
        self.count_live = live_counter(self.cudd)    # None: dd's statistics(), throttled
        if self.leaves:
            self.cudd.declare(*self.var_name.values())

    def var(self, leaf: str):
        return self.cudd.var(self.var_name[leaf])

    def live_nodes(self) -> int:
        """CUDD's running count (keys less dead). `len()` would scan the
        whole unique table, up to 0.25 s a call on a 200,000-node manager."""
        if self.count_live is not None:
            return self.count_live()
        return statistics_count(self.cudd)

    def check_budget(self, now: bool = False) -> None:
        """Stop (BudgetExceeded) once the manager holds more nodes than its
        budget. Without CUDD's own count (bdd_count.py) the count is read at
        most every COUNT_EVERY seconds unless `now`."""
        checkpoint()      # after every gate: a stopped build leaves nothing behind
        if self.count_live is None:
            clock = time.monotonic()
            if not now and clock - self.counted_at < COUNT_EVERY:
                return
            self.counted_at = clock
        nodes = self.live_nodes()
        if self.next_sift is not None and nodes > self.next_sift:
            self.cudd.reorder()
            self.walk_tables = None
            self.next_sift = max(self.next_sift, 2 * self.live_nodes())
            nodes = self.live_nodes()
        if nodes > self.budget:
            raise BudgetExceeded(f"more than {self.budget:,} BDD nodes")


def leaf_order(circuit: ir.Circuit, top: int, stop: set[int] = frozenset()) -> list[int]:
    """Leaves under `top` (events, and `stop` nodes standing in for modules)
    in the order SCRAM's preprocessor uses: depth first, a gate's sub-gates
    before its own leaves, so the leaves of one subtree end up together."""
    nodes = circuit.nodes
    if nodes[top].op == ir.EVENT:
        return [top]
    order: list[int] = []
    placed: set[int] = set()
    stack: list[tuple[int, bool]] = [(top, False)]
    # The leaf test is written out: a function call per child was half of
    # the time (15 parts of the generated 1,000-component design: 5 ms).
    while stack:
        index, expanded = stack.pop()
        if index in placed:
            continue
        kids = nodes[index].children
        if expanded:
            placed.add(index)
            for child in kids:
                if child not in placed and (nodes[child].op == ir.EVENT or child in stop):
                    placed.add(child)
                    order.append(child)
            continue
        stack.append((index, True))
        stack.extend((c, False) for c in reversed(kids)
                     if c not in placed and nodes[c].op != ir.EVENT and c not in stop)
    return order


def build(circuit: ir.Circuit, manager: Manager, top: int, leaf_of: dict[int, str],
          fixpoints=None):
    """BDD of node `top`; nodes in `leaf_of` (events, module stand-ins) are
    the manager variable of that name and are not looked into. `fixpoints`:
    reach fixpoints found in other managers (shared_fixpoints.py)."""
    return build_many(circuit, manager, [top], leaf_of, fixpoints)[0]


def build_many(circuit: ir.Circuit, manager: Manager, tops: list[int],
               leaf_of: dict[int, str], fixpoints=None) -> list:
    """BDDs of several nodes in one pass: what they share is built once."""
    try:
        return _build_many(circuit, manager, tops, leaf_of, {} if fixpoints is None else fixpoints)
    except (RuntimeError, ValueError) as err:
        # dd reports CUDD's NULL result (its memory ceiling) as one of these.
        if "NULL" not in str(err) and "out of memory" not in str(err):
            raise
        raise BudgetExceeded(f"more than {manager.budget:,} BDD nodes "
                             "(CUDD reached its memory ceiling)") from None


def _build_many(circuit: ir.Circuit, manager: Manager, tops: list[int],
                leaf_of: dict[int, str], fixpoints) -> list:
    needed = _inside(circuit, tops, leaf_of)
    keep = set(tops)
    # ORs of two ANDs built as one (bdd_selector.py): their ANDs wait.
    muxes = (bdd_selector.multiplexers(circuit, needed, leaf_of, keep)
             if manager.selector_first else {})
    last_use = {child: index for index in needed
                for child in circuit.nodes[index].children}
    for index, ands in muxes.items():     # their ANDs' arguments are read at the OR
        for child in (child for k in ands for child in circuit.nodes[k].children):
            last_use[child] = max(last_use[child], index)
    waiting = {k for ands in muxes.values() for k in ands}
    values: dict[int, object] = {}
    for index in needed:
        if index in leaf_of:
            values[index] = manager.var(leaf_of[index])
            continue
        if index in waiting:
            continue
        node = circuit.nodes[index]
        if index in muxes:
            values[index] = _multiplexer(circuit, manager, muxes[index], values, fixpoints)
            used = [child for k in muxes[index] for child in circuit.nodes[k].children]
        else:
            bdd_selector.consider(manager, node, values)
            values[index] = _gate(node, values, manager.cudd, fixpoints, manager.check_budget)
            used = node.children
        for child in set(used):
            if last_use.get(child) == index and child not in keep:
                del values[child]   # let CUDD collect what no later gate needs
        manager.check_budget()
    manager.check_budget(now=True)
    return [values[top] for top in tops]


def _multiplexer(circuit: ir.Circuit, manager: Manager, ands: tuple, values: dict,
                 fixpoints):
    """An OR of two ANDs that waited (bdd_selector.multiplexers): one ITE
    where one AND holds the other's complement, else the ANDs and the OR
    as they would have been built."""
    for k in ands:            # the selector may move here, as at the AND itself
        bdd_selector.consider(manager, circuit.nodes[k], values)
    found = bdd_selector.multiplexed(manager.cudd, circuit, ands, values)
    if found is not None:
        return found
    first, second = (_gate(circuit.nodes[k], values, manager.cudd, fixpoints,
                           manager.check_budget) for k in ands)
    return first | second       # the OR's own operation (_fold of two)


def _inside(circuit: ir.Circuit, tops: list[int], leaf_of: dict[int, str]) -> list[int]:
    seen = set(tops)
    seen_tops = set(tops)
    stack = list(tops)
    while stack:
        index = stack.pop()
        if index in leaf_of and index not in seen_tops:
            continue
        for child in circuit.nodes[index].children:
            if child not in seen:
                seen.add(child)
                stack.append(child)
    return sorted(seen)   # children have smaller indices: a topological order


def _gate(node: ir.Node, values: dict, cudd, fixpoints: dict, check=lambda: None):
    op = node.op
    if op == ir.CONST:
        return cudd.true if node.value else cudd.false
    if op == ir.REACH:
        spec = node.reach
        key = (spec.usable, spec.transit, spec.edges, spec.sources)
        if key not in fixpoints:   # reach gates over one graph and source share it
            fixpoints[key] = _reached(spec, values, cudd)
        reached = fixpoints[key]
        return _fold([reached[t] for t in spec.targets], lambda a, b: a | b, cudd.false)
    kids = [values[c] for c in node.children]
    if op == ir.AND:
        return _fold(kids, lambda a, b: a & b, cudd.true, check)
    if op == ir.OR:
        return _fold(kids, lambda a, b: a | b, cudd.false, check)
    if op == ir.NOT:
        return ~kids[0]
    if op == ir.XOR:
        return _fold(kids, lambda a, b: cudd.apply("xor", a, b), cudd.false)
    if op == ir.ATLEAST:
        return _atleast(node.k, kids, cudd)
    raise ValueError(f"cannot build a BDD for a {op!r} node")


def _fold(kids: list, combine, neutral, check=lambda: None):
    """Combine neighbours pairwise: balanced operands keep the intermediate
    BDDs small (a left fold drags one big operand along). `check` (the
    budget) runs between rounds of a wide gate: one OR of 5,000 products
    could otherwise grow far past the budget before the gate ends. (A
    narrow gate is left to the caller's check: reading CUDD's node count
    costs about half a millisecond.)"""
    if not kids:
        return neutral
    if len(kids) <= WIDE_GATE:
        check = _no_check
    while len(kids) > 1:
        paired = [combine(kids[i], kids[i + 1]) for i in range(0, len(kids) - 1, 2)]
        if len(kids) % 2:
            paired.append(kids[-1])
        kids = paired
        if len(kids) > 1:
            check()
    return kids[0]


def _no_check() -> None:
    pass


def _atleast(k: int, kids: list, cudd):
    """At least k of n: need[j] = 'at least j of the children from i on'."""
    n = len(kids)
    need = [cudd.true] + [cudd.false] * k
    for i in range(n - 1, -1, -1):
        for j in range(min(k, n - i), 0, -1):
            need[j] = cudd.ite(kids[i], need[j - 1], need[j])
    return need[k]


def _reached(spec: ir.Reach, values: dict, cudd) -> list:
    """Connectivity as a BDD fixpoint: reached(v) = usable(v) and (v is a
    source, or a neighbour that passes traffic on is reached)."""
    usable = [values[g] for g in spec.usable]
    sources = set(spec.sources)
    neighbours = spec.neighbours()
    relays = [spec.transit[v] or v in sources for v in range(len(usable))]
    reached = [usable[v] if v in sources else cudd.false for v in range(len(usable))]
    # A worklist, not whole sweeps: a vertex is looked at again only when a
    # neighbour's value changed. Sweeping in index order moved a chain of
    # 1,000 switches one step per sweep (a million BDD operations; issue 16).
    pending = deque(u for s in sorted(sources) for u in neighbours.get(s, ()) if relays[s])
    queued = set(pending)
    while pending:
        v = pending.popleft()
        queued.discard(v)
        incoming = [reached[u] for u in neighbours.get(v, ()) if relays[u]]
        if not incoming:
            continue
        new = reached[v] | (usable[v] & _fold(incoming, lambda a, b: a | b, cudd.false))
        if new != reached[v]:
            reached[v] = new
            if relays[v]:
                for u in neighbours.get(v, ()):
                    if u not in queued:
                        queued.add(u)
                        pending.append(u)
    return reached
