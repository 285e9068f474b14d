"""Single points of failure and order-2 cut sets of a compiled circuit.

SPOFs: one bit-parallel pass with one scenario per basic event ("only this
failed") plus one baseline scenario; the events whose bit is 0 at the top.

Order-2 cut sets without trying all n^2 pairs. The circuit is monotone, so
for a pair {a, b} that brings the top down while neither does alone, take the
lowest gate g that {a, b} bring down while neither does alone. Every child of
g that the pair brings down is brought down by a or by b alone (else that
child would be lower), so g combines redundancy (OR, ATLEAST or REACH) and a
and b each kill some of its children. The single-failure pass gives, per
child, exactly which events kill it; so we list, gate by gate, the pairs whose
child-kill sets together bring the gate down (candidates), then confirm the
candidates with one more bit-parallel pass, one scenario per candidate pair.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from .ir import ATLEAST, OR, REACH, Circuit
from .reachpairs import reach_candidates
from .simulate import bits_from_positions, set_bits, simulate

BATCH = 60_000     # candidate pairs confirmed per pass (bounds memory)


@dataclass
class Singles:
    events: list[str]        # scenario i = "events[i] alone failed"
    values: list[int]        # bitset per node; bit n is the nothing-failed baseline
    full: int

    @property
    def n(self) -> int:
        return len(self.events)

    def up_at_base(self, node: int) -> bool:
        return self.base[node]

    @cached_property
    def base(self) -> list[bool]:
        """Each node's value with nothing failed."""
        n = len(self.events)
        return [bool(v >> n & 1) for v in self.values]

    def killed_by(self, node: int) -> int:
        """Events (bits) whose failure alone takes down a node that is up."""
        if not self.up_at_base(node):
            return 0
        return ~self.values[node] & (self.full >> 1)


def single_failures(circuit: Circuit) -> Singles:
    events = sorted(circuit.event_node)
    n = len(events)
    full = (1 << (n + 1)) - 1
    bits = {name: full ^ (1 << i) for i, name in enumerate(events)}
    return Singles(events, simulate(circuit, bits, full), full)


def spofs(circuit: Circuit, singles: Singles) -> list[str]:
    return [singles.events[i] for i in set_bits(singles.killed_by(circuit.top))]


def order2_cuts(circuit: Circuit, singles: Singles) -> list[tuple[str, str]]:
    """Every pair {a, b}: both failed brings the top down, neither alone does."""
    if not singles.up_at_base(circuit.top):
        return []
    spared = singles.values[circuit.top] & (singles.full >> 1)   # non-SPOF events
    candidates = _candidates(circuit, singles, spared)
    names = singles.events
    found = [(names[a], names[b]) for a, b in _confirm(circuit, candidates, singles.n)]
    return sorted(found)


def _cone(circuit: Circuit) -> list[int]:
    seen = {circuit.top}
    stack = [circuit.top]
    while stack:
        for child in circuit.nodes[stack.pop()].children:
            if child not in seen:
                seen.add(child)
                stack.append(child)
    return sorted(seen)


def _candidates(circuit: Circuit, singles: Singles, spared: int) -> set[tuple[int, int]]:
    pairs: set[tuple[int, int]] = set()
    reach_gates = []
    for index in _cone(circuit):
        node = circuit.nodes[index]
        if node.op not in (OR, ATLEAST, REACH) or not singles.up_at_base(index):
            continue
        if node.op == REACH:
            reach_gates.append(index)
            continue
        allowed = spared & singles.values[index]   # cannot kill this gate alone
        masks = _kill_masks(node.children, singles, allowed)
        alive = _alive_positions(node.children, singles).bit_count()
        need = alive if node.op == OR else alive - node.k + 1
        for group_a, group_b in _covering(masks, need):
            pairs.update((min(a, b), max(a, b)) for a in group_a for b in group_b)
    for group_a, group_b in reach_candidates(circuit, singles, reach_gates, spared):
        pairs.update((min(a, b), max(a, b)) for a in group_a for b in group_b)
    return pairs


def _alive_positions(kids, singles: Singles) -> int:
    mask = 0
    for pos, kid in enumerate(kids):
        if singles.up_at_base(kid):
            mask |= 1 << pos
    return mask


def _kill_masks(kids, singles: Singles, allowed: int) -> dict[int, list[int]]:
    """mask of child positions -> the events that kill exactly those children."""
    per_event: dict[int, int] = {}
    for pos, kid in enumerate(kids):
        for event in set_bits(singles.killed_by(kid) & allowed):
            per_event[event] = per_event.get(event, 0) | (1 << pos)
    groups: dict[int, list[int]] = {}
    for event, mask in per_event.items():
        groups.setdefault(mask, []).append(event)
    return groups


def _covering(groups: dict[int, list[int]], need: int):
    """Pairs of event groups that together kill at least `need` children."""
    masks = list(groups)
    for i, first in enumerate(masks):
        for second in masks[i + 1:]:
            if (first | second).bit_count() >= need:
                yield groups[first], groups[second]


def _confirm(circuit: Circuit, candidates: set[tuple[int, int]], n: int):
    """The candidate pairs that really bring the top down (bit-parallel)."""
    ordered = sorted(candidates)
    for start in range(0, len(ordered), BATCH):
        batch = ordered[start:start + BATCH]
        width = len(batch)
        full = (1 << width) - 1
        touched: dict[int, list[int]] = {}
        for pos, (a, b) in enumerate(batch):
            touched.setdefault(a, []).append(pos)
            touched.setdefault(b, []).append(pos)
        bits = {}
        for event, positions in touched.items():
            bits[event] = full ^ bits_from_positions(positions, width)
        yield from _down_pairs(circuit, batch, bits, full)


def _down_pairs(circuit: Circuit, batch, bits_by_index, full):
    events = sorted(circuit.event_node)
    bits = {events[i]: value for i, value in bits_by_index.items()}
    top = simulate(circuit, bits, full)[circuit.top]
    for pos in set_bits(full & ~top):
        yield batch[pos]
