"""Rewrites before the BDD (preprocess.py): an OR's or AND's own events
(read by no other gate) count once in the diagrams, and the answer is the
one full enumeration gives."""
from __future__ import annotations

import pytest

from designer.analysis import ir, modules
from tests.test_bdd import enumerate_probability


def _voted_trains(own_per_train: int, trains: int = 3) -> ir.Circuit:
    """2 of `trains` trains; each train fails by one of its own events or by
    one of the two support gates it shares with its neighbours."""
    c = ir.Circuit()
    support = [c.and_([c.event(f"s{i}"), c.event(f"t{i}")]) for i in range(trains)]
    train_gates = []
    for train in range(trains):
        own = [c.event(f"own{train}_{j}") for j in range(own_per_train)]
        train_gates.append(c.or_(own + [support[train], support[(train + 1) % trains]]))
    c.top = c.atleast(2, train_gates)
    return c


def test_own_events_are_one_node_each_however_many_paths_cross_their_gate():
    def nodes(own_per_train: int) -> int:
        c = _voted_trains(own_per_train, trains=4)
        return modules.solve(c, {name: 0.01 for name in c.event_node}).bdd_nodes

    # Ten more own events in each of four trains: forty nodes, one per event.
    # Read in the voting gate's diagram, each would sit on every path that
    # crosses its train (74 nodes before they were grouped).
    assert nodes(20) - nodes(10) == 40


@pytest.mark.parametrize("own_per_train", [1, 2, 3])
def test_grouped_own_events_keep_p_top_and_every_events_importance(own_per_train):
    c = _voted_trains(own_per_train)
    probs = {name: 0.01 + 0.03 * i for i, name in enumerate(sorted(c.event_node))}
    exact = modules.solve(c, probs)
    assert exact.p_top == pytest.approx(enumerate_probability(c, probs), abs=1e-13)
    for name in c.event_node:
        up = enumerate_probability(c, probs, {name: True})
        down = enumerate_probability(c, probs, {name: False})
        assert exact.gradient[name] == pytest.approx(up - down, abs=1e-13)
