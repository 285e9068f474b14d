"""The boolean circuit every analysis works on: "is it up?" as a DAG of gates
over basic events (a basic event is true when that thing's own hardware or
software works). Designs compile into it (structure.py); Open-PSA MEF fault
trees parse into it (mef.py, where a gate is "the top event happens").

Nodes are hash-consed: building the same gate twice returns the same index, so
a shared cause is one node that many gates point at. Children always have
smaller indices than their parents (the list is in topological order).

`reach` is the one non-classical gate: true when some source connects to some
target through usable nodes of a small undirected graph. It is kept whole,
instead of being unrolled into paths, so each algorithm can treat it its own
way (bit-parallel fixpoint, BDD fixpoint, graph cuts).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterable, NamedTuple

EVENT, CONST, AND, OR, ATLEAST, NOT, XOR, REACH = (
    "event", "const", "and", "or", "atleast", "not", "xor", "reach")


@dataclass(frozen=True)
class Reach:
    """Graph for a reach gate. `usable[i]` is the node index of the gate that
    says whether graph vertex i works; `transit[i]` whether traffic may pass
    through it (hosts and NICs only start or end a path)."""

    usable: tuple[int, ...]
    transit: tuple[bool, ...]
    edges: tuple[tuple[int, int], ...]
    sources: tuple[int, ...]
    targets: tuple[int, ...]

    def neighbours(self) -> dict[int, list[int]]:
        """Adjacency lists of the undirected graph."""
        adjacency: dict[int, list[int]] = {}
        for a, b in self.edges:
            adjacency.setdefault(a, []).append(b)
            adjacency.setdefault(b, []).append(a)
        return adjacency


class Node(NamedTuple):
    """A gate or event. A named tuple, not a frozen dataclass: hash-consing
    builds and hashes one per gate, and the tuple's hash and constructor
    run in C (the generated 1,000-component design: compiling 22 -> 16-17
    ms, simplifying 26-27 -> 20-21 ms)."""

    op: str
    children: tuple[int, ...] = ()
    k: int = 0                 # atleast: how many children must be true
    name: str = ""             # event: the basic event's name (a component id)
    value: bool = False        # const
    reach: Reach | None = None


_CONSTS = {value: Node(CONST, value=value) for value in (False, True)}


@dataclass
class Circuit:
    nodes: list[Node] = field(default_factory=list)
    top: int = -1
    _index: dict[Node, int] = field(default_factory=dict, repr=False)
    event_node: dict[str, int] = field(default_factory=dict)

    # -- building -------------------------------------------------------
    def _add(self, node: Node) -> int:
        found = self._index.get(node)
        if found is not None:
            return found
        self.nodes.append(node)
        self._index[node] = len(self.nodes) - 1
        return len(self.nodes) - 1

    def const(self, value: bool) -> int:
        return self._add(Node(CONST, value=bool(value)))

    def event(self, name: str) -> int:
        idx = self._add(Node(EVENT, name=name))
        self.event_node[name] = idx
        return idx

    def and_(self, children: Iterable[int]) -> int:
        return self._nary(AND, children, absorbing=False)

    def or_(self, children: Iterable[int]) -> int:
        return self._nary(OR, children, absorbing=True)

    def _nary(self, op: str, children: Iterable[int], absorbing: bool) -> int:
        kids = set(children)
        # The constants are found by their index, not by looking at every
        # child: compiling the 1,000-component design calls this 4,000 times.
        absorbing_const = self._index.get(_CONSTS[absorbing])
        if absorbing_const in kids:
            return absorbing_const
        kids.discard(self._index.get(_CONSTS[not absorbing]))
        if not kids:
            return self.const(not absorbing)
        if len(kids) == 1:
            return kids.pop()
        return self._add(Node(op, tuple(sorted(kids))))

    def with_top(self, op: str, children: Iterable[int]) -> "Circuit":
        """A copy whose top is a new `op` gate over `children` (nodes of
        this circuit); this circuit is left as it is."""
        copy = Circuit(list(self.nodes), self.top, dict(self._index), dict(self.event_node))
        copy.top = copy._nary(op, children, absorbing=op == OR)
        return copy

    def atleast(self, k: int, children: Iterable[int]) -> int:
        kids = list(children)
        if k <= 0:
            return self.const(True)
        if k > len(kids):
            return self.const(False)
        if k == 1:
            return self.or_(kids)
        if k == len(kids):
            return self.and_(kids)
        # Children keep their multiplicity: two replicas on one host count twice.
        return self._add(Node(ATLEAST, tuple(sorted(kids)), k=k))

    def not_(self, child: int) -> int:
        node = self.nodes[child]
        if node.op == CONST:
            return self.const(not node.value)
        if node.op == NOT:       # not(not x) = x: 3,000 nested NOTs are x or one NOT
            return node.children[0]
        return self._add(Node(NOT, (child,)))

    def xor(self, children: Iterable[int]) -> int:
        return self._add(Node(XOR, tuple(children)))

    def reach(self, spec: Reach) -> int:
        deps = tuple(sorted(set(spec.usable)))
        return self._add(Node(REACH, deps, reach=spec))

    # -- reading --------------------------------------------------------
    def needed(self, top: int | None = None, stop: Iterable[int] = ()) -> list[int]:
        """Indices of the nodes the top (or `top`) depends on, in topological
        order, not looking below the nodes of `stop`."""
        top = self.top if top is None else top
        stop = set(stop) - {top}
        seen, stack = {top}, [top]
        while stack:
            index = stack.pop()
            if index in stop:
                continue
            for child in self.nodes[index].children:
                if child not in seen:
                    seen.add(child)
                    stack.append(child)
        return sorted(seen)

    @property
    def events(self) -> list[str]:
        return list(self.event_node)

    def evaluate(self, up: dict[str, bool] | None = None, down: frozenset[str] = frozenset()) -> bool:
        """Value of the top node with the given events false (or by `up`)."""
        values: list[bool] = []
        for node in self.nodes:
            values.append(_eval_node(node, values, up, down))
        return values[self.top]


def _eval_node(node: Node, values: list[bool], up, down) -> bool:
    op = node.op
    if op == EVENT:
        return up[node.name] if up is not None else node.name not in down
    if op == CONST:
        return node.value
    kids = [values[c] for c in node.children]
    if op == AND:
        return all(kids)
    if op == OR:
        return any(kids)
    if op == ATLEAST:
        return sum(kids) >= node.k
    if op == NOT:
        return not kids[0]
    if op == XOR:
        return sum(kids) % 2 == 1
    return reach_value(node.reach, values)


def reach_value(spec: Reach, values: list[bool]) -> bool:
    """Plain BFS: does a source connect to a target over usable vertices?"""
    usable = [values[g] for g in spec.usable]
    adjacency = spec.neighbours()
    targets = set(spec.targets)
    frontier = [s for s in spec.sources if usable[s]]
    seen = set(frontier)
    while frontier:
        vertex = frontier.pop()
        if vertex in targets:
            return True
        if not spec.transit[vertex] and vertex not in spec.sources:
            continue
        for nxt in adjacency.get(vertex, ()):
            if nxt not in seen and usable[nxt]:
                seen.add(nxt)
                frontier.append(nxt)
    return False
