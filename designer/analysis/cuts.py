"""Single points of failure and order-2 cut sets of a monotone circuit.

One pass over the gates in topological order computes, for every gate g that
is up with nothing failed:

  K(g): the basic events whose failure alone takes g down, and
  P(g): the pairs {a, b} that take g down together while neither does alone.

The rules are exact for monotone gates:
  AND      K = union of the children's K;  P = union of their P, less pairs
           with a member in K(g).
  OR       K = intersection;  P = pairs such that every child is taken down
           by a, by b or by the pair (found from the children's K grouped
           by which children they kill, plus the children's own P).
  ATLEAST  the same, counting children: down when at least n-k+1 are.
  REACH    see reachkills.py (one bit-parallel search per source over
           "group alone" and "pair of groups" scenarios).
SPOFs are K(top), order-2 cut sets P(top). Sets stay small because
redundancy absorbs them (K of a redundant pair is their common causes only),
so the work grows with the design, not with its square. P of a gate is
dropped as soon as its last parent has used it.
"""
from __future__ import annotations

from collections import Counter

from .ir import AND, ATLEAST, CONST, EVENT, OR, REACH, Circuit
from .reachkills import ReachKills

EMPTY: frozenset = frozenset()


class Kills:
    """K and P for every gate of `circuit` (see the module docstring)."""

    def __init__(self, circuit: Circuit) -> None:
        self.circuit = circuit
        self.events = sorted(circuit.event_node)
        self.index = {name: i for i, name in enumerate(self.events)}
        self.n = len(self.events)
        self.base: list[bool] = []
        self.K: list[frozenset] = []
        self.P: list = []
        self.M: list = []        # events in P's pairs (a superset after filtering)
        self._run()

    def up_at_base(self, node: int) -> bool:
        return self.base[node]

    def killed(self, node: int) -> frozenset:
        """Events (indices) whose failure alone takes down `node`."""
        return self.K[node]

    def decode(self, code: int) -> tuple[str, str]:
        a, b = divmod(code, self.n)
        return self.events[a], self.events[b]

    def _plan(self):
        """Distinct children per gate, how many parents will read each gate
        (P is dropped after the last), and which gates the top depends on
        (the others, like works() of a NIC or disk kept for blast radius and
        the drill, need K only, never P)."""
        nodes = self.circuit.nodes
        # AND/OR/REACH children are already distinct; ATLEAST keeps repeats.
        kids = [set(node.children) if node.op == ATLEAST else node.children
                for node in nodes]
        uses = [0] * len(nodes)
        for distinct in kids:
            for child in distinct:
                uses[child] += 1
        needed = [False] * len(nodes)
        if nodes:
            uses[self.circuit.top] += 1
            needed[self.circuit.top] = True
        for i in range(len(nodes) - 1, -1, -1):
            if needed[i]:
                for child in kids[i]:
                    needed[child] = True
        return kids, uses, needed

    def _run(self) -> None:
        kids, uses, needed = self._plan()
        reach = ReachKills(self)
        for i, node in enumerate(self.circuit.nodes):
            op = node.op
            if op == EVENT:
                self._set(True, frozenset((self.index[node.name],)), EMPTY)
            elif op == CONST:
                self._set(node.value, EMPTY, EMPTY)
            elif op == REACH:
                up, k, pairs = reach.gate(i, node.reach)
                self._set(up, k, pairs, self._members_of(pairs))
            else:
                alive = [c for c in node.children if self.base[c]]
                need = self._need(node, alive)
                if needed[i]:
                    self._set(*self._combine(alive, need))
                else:
                    self._set(need > 0, self._killers(alive, need), EMPTY)
            for child in kids[i]:
                uses[child] -= 1
                if not uses[child]:
                    self.P[child] = self.M[child] = None

    @staticmethod
    def _need(node, alive: list[int]) -> int:
        """How many of the alive children must go down to take the gate
        down (0: it is down already)."""
        if node.op == AND:
            return 1 if len(alive) == len(node.children) else 0
        if node.op == OR:
            return len(alive)
        if node.op == ATLEAST:
            return len(alive) - node.k + 1 if len(alive) >= node.k else 0
        raise ValueError(f"cut sets need a monotone circuit, not {node.op!r}")

    def _set(self, up: bool, k: frozenset, p, m: frozenset = EMPTY) -> None:
        self.base.append(up)
        self.K.append(k if up else EMPTY)
        self.P.append(p if up else EMPTY)
        self.M.append(m if up else EMPTY)

    def _members_of(self, pairs) -> frozenset:
        n = self.n
        return frozenset(e for code in pairs for e in divmod(code, n))

    def _killers(self, alive: list[int], need: int) -> frozenset:
        """K alone, for a gate whose P nobody needs."""
        if need <= 0:
            return EMPTY
        if need == 1:
            return self._any_killer(alive)
        counts = Counter(e for c in alive for e in self.K[c])
        return frozenset(e for e, hits in counts.items() if hits >= need)

    def _combine(self, alive: list[int], need: int):
        """Gate that goes down once `need` of its `alive` children are down."""
        if need <= 0:
            return False, EMPTY, EMPTY
        if need == 1:
            return (True,) + self._union(alive)
        if need == len(alive):      # OR: the causes every child shares
            k = frozenset.intersection(*(self.K[c] for c in alive))
        else:
            counts = Counter(e for c in alive for e in self.K[c])
            k = frozenset(e for e, hits in counts.items() if hits >= need)
        return (True, k) + self._joint(alive, need, k)

    def _any_killer(self, kids: list[int]) -> frozenset:
        """Union of the children's K, reusing the one set when only one has any."""
        ks = [self.K[c] for c in kids if self.K[c]]
        if len(ks) <= 1:
            return ks[0] if ks else EMPTY
        return frozenset().union(*ks)

    def _union(self, kids: list[int]):
        k = self._any_killer(kids)
        kept = [self._without(c, k - self.K[c]) for c in kids if self.P[c]]
        kept = [pm for pm in kept if pm[0]]
        if len(kept) <= 1:
            return (k,) + kept[0] if kept else (k, EMPTY, EMPTY)
        return (k, set().union(*(p for p, _ in kept)),
                frozenset().union(*(m for _, m in kept)))

    def _without(self, child: int, extra: frozenset):
        """The child's pairs less those with a member in `extra`, and their
        members. The same objects when no pair is touched, which is the rule:
        sets are shared up long AND chains, not copied."""
        pairs, members = self.P[child], self.M[child]
        if not extra or extra.isdisjoint(members):
            return pairs, members
        n = self.n
        kept = {code for code in pairs if code // n not in extra and code % n not in extra}
        return kept, members - extra

    def _joint(self, alive: list[int], need: int, k: frozenset):
        """Pairs (neither in k) that take down at least `need` children,
        and the events in them."""
        n, pairs, members = self.n, set(), set()
        masks: dict[int, int] = {}
        for pos, c in enumerate(alive):
            for e in self.K[c]:
                if e not in k:
                    masks[e] = masks.get(e, 0) | (1 << pos)
        groups: dict[int, list[int]] = {}
        for e, mask in masks.items():
            groups.setdefault(mask, []).append(e)
        keys = list(groups)
        for i, first in enumerate(keys):
            for second in keys[i + 1:]:
                if (first | second).bit_count() >= need:
                    members.update(groups[first], groups[second])
                    for a in groups[first]:
                        for b in groups[second]:
                            pairs.add(a * n + b if a < b else b * n + a)
        child_pairs = [self.P[c] or EMPTY for c in alive]
        for code in self._worth_checking(alive, child_pairs, k):
            if code not in pairs and self._downs(code, child_pairs, masks, need, k):
                pairs.add(code)
                members.update(divmod(code, n))
        return pairs, frozenset(members)

    def _worth_checking(self, alive: list[int], child_pairs: list, k: frozenset) -> set:
        """Pairs of a child's P that also touch another child (need >= 2, so
        a pair that downs one child only never counts): in its P too, or
        holding an event that downs it alone. Set operations first; pairs
        are scanned only when such an event is among their members."""
        n, found = self.n, set()
        for pos, own in enumerate(child_pairs):
            if not own:
                continue
            touch: set = set()
            for other, (c, theirs) in enumerate(zip(alive, child_pairs)):
                if other != pos:
                    if theirs:
                        found |= own & theirs
                    touch |= self.K[c]
            touch = (touch - k) & self.M[alive[pos]]
            if touch:
                found.update(code for code in own if code // n in touch or code % n in touch)
        return found

    def _downs(self, code: int, child_pairs: list, masks: dict[int, int], need: int,
               k: frozenset) -> bool:
        """Does the pair take down `need` children (and neither member is in k)?"""
        a, b = divmod(code, self.n)
        if a in k or b in k:
            return False
        singly = masks.get(a, 0) | masks.get(b, 0)
        missing = len(child_pairs) - need      # children that may stay up
        for pos, pairs in enumerate(child_pairs):
            if not singly >> pos & 1 and code not in pairs:
                missing -= 1
                if missing < 0:
                    return False
        return True


def spofs(kills: Kills) -> list[str]:
    top = kills.circuit.top
    if not kills.base[top]:
        return []
    return sorted(kills.events[e] for e in kills.K[top])


def order2_cuts(kills: Kills) -> list[tuple[str, str]]:
    top = kills.circuit.top
    if not kills.base[top]:
        return []
    return sorted(kills.decode(code) for code in kills.P[top])
