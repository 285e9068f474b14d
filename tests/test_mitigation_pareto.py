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


class _Clock:
    """The front's clock: one second further at every reading."""

    def __init__(self) -> None:
        self.now = 0.0

    def perf_counter(self) -> float:
        self.now += 1.0
        return self.now


def test_past_its_time_the_front_is_the_exact_one_of_the_first_candidates(monkeypatch):
    """Combinations cost more than the single candidates the pool was sized
    from (on the generated 1,000-component design the front of four took
    50 s for a budget of 20): past its time the front stops and keeps the
    exact front of the candidates whose subsets were all analysed, and the
    panel's sentence says how many were left out."""
    from designer.analysis.mitigation import pareto
    from designer.report.plan import front_sentence
    design = next(d for d in (build_design(random.Random(seed)) for seed in range(DESIGNS))
                  if len(candidate_pool(d, POOL)) >= 3)
    pool = candidate_pool(design, POOL)
    whole = pareto_front(design, pool[:2])
    monkeypatch.setattr(pareto, "time", _Clock())
    cut = pareto_front(design, pool, budget_seconds=4.5)     # stops at the fifth subset
    assert cut.pool == pool[:2] and cut.left_out == len(pool) - 2
    assert [(p.members, p.cost, p.unavailability) for p in cut.front] == [
        (p.members, p.cost, p.unavailability) for p in whole.front]
    sentence = front_sentence(len(cut.pool), 0, cut.left_out)
    assert (f"first step's best 2 of its {len(pool)} candidates" in sentence
            and "did not fit in the time the front may take" in sentence)
