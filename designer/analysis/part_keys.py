"""Structural keys of the parts of a union (parts.py): what each part
holds, and a signature equal for equal parts of two circuits, so an edited
design finds the untouched parts' diagrams and columns in the cache
(incremental.py)."""
from __future__ import annotations

from . import ir

# Operations whose children may come in any order: a shape's key sorts
# their keys (shapes_of).
SYMMETRIC = frozenset({ir.AND, ir.OR, ir.ATLEAST, ir.XOR})


def part_facts(circuit: ir.Circuit, kids: list[int], cache: dict) -> tuple[list[int], list[int]]:
    """`supports` and `signatures_of` the kids, kept in `cache` while the
    circuit is the same object: an edit of probabilities alone keeps the
    simplified circuit (bounds._simplified), and bounds.py and parts.py
    both read these: a few ms of an edit at 1,000 components."""
    held = cache.get("part_facts")
    if held is not None and held[0] is circuit and held[1] == kids:
        return held[2]
    facts = (supports(circuit, kids), signatures_of(circuit, kids))
    cache["part_facts"] = (circuit, list(kids), facts)
    return facts


def signatures_of(circuit: ir.Circuit, kids: list[int]) -> list[int]:
    """A structural key per kid: its sub-circuit (operations and event
    names), equal for equal parts of two circuits: it keys the part's
    diagram, which does not depend on the probabilities."""
    key = _keys(circuit, circuit.needed(), lambda index: circuit.nodes[index].name)
    return [key[k] for k in kids]


def _keys(circuit: ir.Circuit, indices, event_key, symmetric: bool = False) -> dict[int, int]:
    """A hash per node of `indices` (in topological order, children first)
    of its operation, its children's keys and, for an event, `event_key`.
    `symmetric`: the children of an AND, OR, at-least or XOR in any order."""
    key: dict[int, int] = {}
    key_of = key.__getitem__
    for index in indices:
        node = circuit.nodes[index]
        extra = ()
        if node.op == ir.EVENT:
            extra = (event_key(index),)
        elif node.op == ir.REACH:
            spec = node.reach
            extra = (tuple(map(key_of, spec.usable)), spec.transit, spec.edges,
                     spec.sources, spec.targets)
        children = tuple(map(key_of, node.children))    # map: a generator costs twice
        if symmetric and node.op in SYMMETRIC:
            children = tuple(sorted(children))
        key[index] = hash((node.op, node.k, node.value, children, extra))
    return key


def shared_bits(below: list[int]) -> int:
    """The events (bits) under two or more of the parts' supports `below`."""
    once, twice = 0, 0
    for bits in below:
        twice |= once & bits
        once |= bits
    return twice


def supports(circuit: ir.Circuit, kids: list[int]) -> list[int]:
    """Events under each kid, as bitsets over node indices."""
    below: dict[int, int] = {}
    for index in circuit.needed():
        node = circuit.nodes[index]
        bits = 1 << index if node.op == ir.EVENT else 0
        for child in node.children:
            bits |= below[child]
        below[index] = bits
    return [below[k] for k in kids]


def shapes_of(circuit: ir.Circuit, kids: list[int],
              orders: list[list[int]]) -> list[tuple[int, list[str]]]:
    """Per kid, a key equal for parts that are the same circuit up to a
    renaming of events that keeps their order in the diagrams (`orders`:
    per kid, its events' node indices in their diagram's order), and its
    events' names in that order. Such parts have the same diagram, row for
    row: the applications of a generated design repeat (3 shapes among the
    15 parts at 1,000 components, 4 among 31 at 2,000, 6 among 79 at
    5,000). The children of an AND or OR are keyed in any order: the
    design numbers its gates as it meets them, so one replica's AND holds
    (server, path) and its twin's (path, server), one function and one
    diagram; keyed in their order, 4, 5 and 10 shapes were built.
    (A part's `signatures_of` keeps its children's order: it keys a
    diagram kept from one analysis to the next, which must be the one a
    fresh build in the part's own order would give.)"""
    found = []
    for kid, events in zip(kids, orders):
        local = {index: j for j, index in enumerate(events)}
        key = _keys(circuit, sorted(_below(circuit, kid)), local.__getitem__, symmetric=True)
        found.append((key[kid], [circuit.nodes[i].name for i in events]))
    return found


def _below(circuit: ir.Circuit, top: int) -> set[int]:
    seen, stack = {top}, [top]
    while stack:
        for child in circuit.nodes[stack.pop()].children:
            if child not in seen:
                seen.add(child)
                stack.append(child)
    return seen
