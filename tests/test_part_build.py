"""The parts' diagrams (analysis/part_build.py): each part in its own
variable order, so parts that repeat one shape share one diagram whatever
order the rest of the circuit would give their shared events, and the
bounds over them still hold the exact value."""
from __future__ import annotations

from itertools import product

import pytest

from designer.analysis import bdd, bounds, ir


def ring(parts: int) -> ir.Circuit:
    """A fault tree's OR over `parts` equal parts in a ring: part i fails
    when (s_i or a_i) and (s_i+1 or b_i) fail; the last part's second
    shared event is the first part's first, so one order of the whole
    circuit puts it before the other: another diagram for that part."""
    circuit = ir.Circuit()
    shared = [circuit.event(f"s{i}") for i in range(parts)]
    kids = []
    for i in range(parts):
        own_a, own_b = circuit.event(f"a{i}"), circuit.event(f"b{i}")
        kids.append(circuit.and_([circuit.or_([shared[i], own_a]),
                                  circuit.or_([shared[(i + 1) % parts], own_b])]))
    circuit.top = circuit.or_(kids)
    return circuit


def brute_force(circuit: ir.Circuit, probs: dict[str, float]) -> float:
    """P(top) summed over every state of the events."""
    names = sorted(probs)
    total = 0.0
    for state in product((False, True), repeat=len(names)):
        value = dict(zip(names, state))
        weight = 1.0
        for name, failed in value.items():
            weight *= probs[name] if failed else 1.0 - probs[name]
        if _true(circuit, value):
            total += weight
    return total


def _true(circuit: ir.Circuit, value: dict[str, bool]) -> bool:
    known: list[bool] = []
    for node in circuit.nodes:
        kids = [known[c] for c in node.children]
        if node.op == ir.EVENT:
            known.append(value[node.name])
        elif node.op == ir.AND:
            known.append(all(kids))
        else:
            known.append(any(kids))
    return known[circuit.top]


def test_parts_of_one_shape_share_one_diagram_and_the_bounds_hold_the_exact_value(monkeypatch):
    circuit = ring(5)
    probs = {node.name: 0.01 * (1 + k % 3) for k, node in enumerate(circuit.nodes)
             if node.op == ir.EVENT}
    built = []
    build = bdd.build_many

    def counted(circuit, manager, tops, leaf_of):
        built.extend(tops)
        return build(circuit, manager, tops, leaf_of)
    monkeypatch.setattr(bdd, "build_many", counted)
    found = bounds.bound(circuit, probs, failure_polarity=True, tolerance=1e-12)
    assert found is not None and found.parts == 5
    assert len(built) == 1          # one order of the whole circuit built two
    exact = brute_force(circuit, probs)
    assert found.lo - 1e-15 <= exact <= found.hi + 1e-15
    assert found.gap <= 1e-12
    assert (found.lo + found.hi) / 2 == pytest.approx(exact, rel=1e-12)
