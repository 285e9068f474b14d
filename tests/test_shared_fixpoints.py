"""A design's parts reach through one network (shared_fixpoints.py): each
network fixpoint is found once for all the parts' managers, and every part
still gets the diagram it builds alone."""
from __future__ import annotations

import numpy as np
import pytest

from benchmarks.generate import generate
from designer.analysis import bdd, bdd_flat, ir, part_build
from designer.analysis.bounds import _simplified
from designer.analysis.part_build import build_parts, local_order, sifted
from designer.analysis.part_eval import ColumnPasses
from designer.analysis.part_keys import part_facts
from designer.analysis.structure import compile_design


def _parts_of_generated_design():
    circuit, _ = _simplified(compile_design(generate(300)).circuit, {})
    kids = list(circuit.nodes[circuit.top].children)
    _, keys = part_facts(circuit, kids, {})
    return circuit, kids, keys, [node.name for node in circuit.nodes]


def _alone(circuit, kid, names) -> ColumnPasses:
    """The part's diagram in a manager of its own, finding its own fixpoints."""
    order = local_order(circuit, kid, None, names)
    manager = bdd.Manager([names[i] for i in order])
    root = bdd.build(circuit, manager, kid, {i: names[i] for i in order})
    root, manager = sifted(root, manager)
    return ColumnPasses(bdd.flatten(root, manager), manager.leaves)


def _fixpoint(spec: ir.Reach) -> tuple:
    return spec.usable, spec.transit, spec.edges, spec.sources


@pytest.mark.parametrize("sift_from", [part_build.SIFT_FROM, 0])
def test_each_network_fixpoint_is_found_once_and_every_part_gets_its_own_diagram(monkeypatch,
                                                                                sift_from):
    """Sifted too (at this size only when SIFT_FROM is 0): a part's
    diagram does not depend on the fixpoints its manager keeps for others."""
    monkeypatch.setattr(part_build, "SIFT_FROM", sift_from)
    circuit, kids, keys, names = _parts_of_generated_design()
    fixpoints = {_fixpoint(node.reach) for node in circuit.nodes if node.op == ir.REACH}
    found = []
    reached = bdd._reached
    monkeypatch.setattr(bdd, "_reached", lambda spec, *rest: found.append(spec) or reached(spec, *rest))
    built: dict = {}
    build_parts(circuit, kids, keys, names, None, bdd.DEFAULT_BUDGET, built)
    assert len({_fixpoint(spec) for spec in found}) == len(found)    # each found once
    assert 0 < len(found) <= len(fixpoints)
    monkeypatch.setattr(bdd, "_reached", reached)
    for kid, key in zip(kids, keys):
        mine, alone = built[key], _alone(circuit, kid, names)
        assert mine.names == alone.names
        assert all(np.array_equal(a, b) for a, b in zip(mine.nodes, alone.nodes))


@pytest.mark.parametrize("shared_names", [False, True])
def test_the_dump_reads_a_diagram_whose_variables_are_named_for_several_managers(shared_names):
    """With names shared between managers a variable's number is not its
    position in the manager: the dump (the way without numba) maps it."""
    names = {"other": "v0", "and another": "v1"} if shared_names else None
    manager = bdd.Manager(["a", "b", "c"], names=names)
    a, b, c = (manager.var(leaf) for leaf in "abc")
    root = (a & b) | (~a & c)
    walked, dumped = bdd_flat._flatten_walk(root, manager), bdd_flat._flatten_dump(root, manager)
    for probabilities in ([0.1, 0.5, 0.9], [0.7, 0.2, 0.4]):
        p_walked = bdd.edge_value(walked.root, *bdd.probability(walked, probabilities))[0]
        p_dumped = bdd.edge_value(dumped.root, *bdd.probability(dumped, probabilities))[0]
        pa, pb, pc = probabilities
        assert p_walked == pytest.approx(pa * pb + (1 - pa) * pc, abs=1e-15)
        assert p_dumped == pytest.approx(p_walked, abs=1e-15)
