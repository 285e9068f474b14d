"""Greedy against the exact Pareto front, on random small designs.

The front is checked against its definition by brute force (no kept point
is beaten, every dropped point is), every candidate edit on a random design
must be accepted by the model, and the test reports how often the greedy
plan's points lie on the front of the first step's candidates."""
from __future__ import annotations

import random

from designer.analysis.mitigation import make_plan
from designer.analysis.mitigation.pareto import candidate_pool, greedy_path, pareto_front
from designer.model.patch import apply_patch
from tests.engine_strategies import build_design

DESIGNS = 15
POOL = 5


def _beats(a, b) -> bool:
    """The contract's dominance: no worse in both, better in one."""
    return (a.cost <= b.cost and a.unavailability <= b.unavailability
            and (a.cost < b.cost or a.unavailability < b.unavailability))


def test_greedy_against_the_exact_front_on_random_small_designs(capsys):
    on_front = steps = pool_on = pool_steps = 0
    for seed in range(DESIGNS):
        design = build_design(random.Random(seed))
        pool = candidate_pool(design, POOL)
        for candidate in pool:
            apply_patch(design, candidate.patch)       # every candidate is a valid edit
        front = pareto_front(design, pool)
        kept = set(map(id, front.front))
        for point in front.points:
            beaten = any(_beats(other, point) for other in front.points)
            twin_kept = any(p.cost == point.cost and p.unavailability == point.unavailability
                            for p in front.front)
            assert beaten == (id(point) not in kept) or (not beaten and twin_kept)
        for point in greedy_path(front, design.settings)[1:]:
            pool_steps += 1
            pool_on += front.beaten_by(point.cost, point.unavailability) is None
        plan = make_plan(design, step_limit=POOL)
        for step in plan.steps:
            steps += 1
            beaten = front.beaten_by(step.cumulative.horizon_total,
                                     step.after.least_unavailability)
            on_front += beaten is None
            if beaten is not None:        # the front point really is better
                assert beaten.cost <= step.cumulative.horizon_total * (1 + 1e-9) + 1e-9
                assert beaten.unavailability <= (step.after.least_unavailability * (1 + 1e-9)
                                                 + 1e-12)
    with capsys.disabled():
        print(f"\nover {DESIGNS} random designs: greedy over the first step's candidates "
              f"is on their exact front at {pool_on} of {pool_steps} steps "
              f"({pool_on / max(pool_steps, 1):.0%}); the plan (which regenerates "
              f"candidates after each step) at {on_front} of {steps} "
              f"({on_front / max(steps, 1):.0%})")
    assert steps > DESIGNS // 2, "random designs mostly have something to improve"
