"""The exact Pareto front of a small candidate set, and where the greedy
plan leaves it (ANALYSIS.md section 5). No Qt.

Greedy is not always optimal: gains do not add up (a second PSU is worth
little until a second feed exists). For the candidates of the design as it
is (at most 12), every subset is applied and analysed; a subset is on the
front when no other subset costs no more over the horizon and is more
available (no other subset is cheaper and at least as available, or as
cheap and more available). Subsets whose candidates edit the same existing item are not
combinable and are left out (counted in `skipped`).
"""
from __future__ import annotations

import math
import time
from dataclasses import dataclass, field
from typing import Callable, Optional

from designer.analysis.availability import MINUTES_PER_YEAR
from designer.analysis.gc_pause import collector_paused
from designer.model import Design, DesignError, DesignErrors
from designer.model.patch import apply_patch, merge

from .candidate import Candidate
from .candidates import generate, weak_targets
from .evaluate import Analyser, Cost, cost_of
from .value import LEAST_GAIN_MINUTES, rank_of
from .weak import weak_points

MAX_POOL = 12
# Tolerances: a point is only "beaten" by one clearly cheaper-or-equal and
# clearly more available, not by rounding.
COST_SLACK = 1e-9
UNAVAILABILITY_SLACK = 1e-12


@dataclass(frozen=True)
class Point:
    members: tuple[int, ...]       # indices into Front.pool
    cost: float                    # over the horizon
    availability: float
    unavailability: float          # as vouched for: Figures.least_unavailability


@dataclass
class Front:
    pool: list[Candidate]
    points: list[Point] = field(default_factory=list)     # every combinable subset
    front: list[Point] = field(default_factory=list)      # non-dominated, by cost
    skipped: int = 0
    left_out: int = 0          # the pool's last candidates, past the time budget

    def beaten_by(self, cost: float, unavailability: float) -> Optional[Point]:
        """A front point that costs no more and is at least as available,
        and is better in one of the two, if any (beyond rounding)."""
        cost_slack = COST_SLACK * max(1.0, abs(cost))
        unav_slack = UNAVAILABILITY_SLACK + unavailability * 1e-9
        for point in self.front:
            if point.cost > cost + cost_slack or point.unavailability > unavailability + unav_slack:
                continue
            if point.cost < cost - cost_slack or point.unavailability < unavailability - unav_slack:
                return point
        return None


@collector_paused()       # through all the analyses, as mitigation/plan.make_plan
def candidate_pool(design: Design, size: int = MAX_POOL,
                   budget_seconds: float | None = None) -> list[Candidate]:
    """The first plan step's candidates (ids never clash between them), the
    best by downtime saved per unit of cost: `size` of them, or as many as
    2^n analyses of about their own cost fit in `budget_seconds`."""
    analyser = Analyser(design)
    start, importance = analyser.base, analyser.base_importance
    weak = weak_points(design)
    found = generate(design, weak_targets(design, weak, importance), shared_ids=True,
                     spofs=weak.spofs)
    scored = []
    began = time.perf_counter()
    for index, candidate in enumerate(found):
        try:
            after, _ = analyser.figures(apply_patch(design, candidate.patch))
        except (DesignError, DesignErrors):
            continue
        saved = start.least_unavailability - after.least_unavailability
        cost = cost_of(candidate.patch, design.settings).horizon_total
        per_cost = saved / cost if cost > 0 else (math.inf if saved > 0 else 0.0)
        scored.append((-per_cost, index))
    if budget_seconds is not None and scored:
        each = (time.perf_counter() - began) / len(scored)
        size = min(size, pool_size_for(each, budget_seconds))
    scored.sort()
    return [found[i] for _, i in scored[:size]]


@collector_paused()
def pareto_front(design: Design, pool: list[Candidate],
                 progress: Callable[[int, int], None] | None = None,
                 cancelled: Callable[[], bool] | None = None,
                 budget_seconds: float | None = None) -> Front:
    """Every combinable subset of `pool` applied and analysed, and the
    non-dominated ones. Past `budget_seconds` it stops and keeps the exact
    front of the pool's first candidates whose subsets were all analysed
    (the subsets come in binary order: those of the first k before any
    holding the next), the others counted in `left_out`. candidate_pool
    sizes the pool from single candidates, but combinations cost more: on
    the generated 1,000-component design two copied sites took 2.3-4.3 s
    where one took 0.4 s, and the front of four 50 s for a budget of 20."""
    if len(pool) > MAX_POOL:
        raise ValueError(f"at most {MAX_POOL} candidates for the exact front, not {len(pool)}")
    result = Front(list(pool))
    analyser = Analyser(design)
    touched = [_touched(design, c) for c in pool]
    costs = [cost_of(c.patch, design.settings).horizon_total for c in pool]
    total = 1 << len(pool)
    began = time.perf_counter()
    for mask in range(total):
        if cancelled and cancelled():
            break
        if budget_seconds is not None and time.perf_counter() - began > budget_seconds:
            _keep_first(result, max(mask.bit_length() - 1, 0))
            break
        if progress and mask % 16 == 0:
            progress(mask, total)
        members = tuple(i for i in range(len(pool)) if mask >> i & 1)
        if not _combinable(members, touched):
            result.skipped += 1
            continue
        try:
            edited = apply_patch(design, merge([pool[i].patch for i in members], "subset"))
        except (DesignError, DesignErrors):
            result.skipped += 1
            continue
        found, _ = analyser.figures(edited)
        result.points.append(Point(members, sum(costs[i] for i in members),
                                   found.availability, found.least_unavailability))
    result.front = _non_dominated(result.points)
    return result


def _keep_first(result: Front, kept: int) -> None:
    """The front's pool cut to its first `kept` candidates (every subset of
    which was analysed) and their subsets' points."""
    result.left_out = len(result.pool) - kept
    result.pool = result.pool[:kept]
    result.points = [p for p in result.points if all(i < kept for i in p.members)]


GEOMETRY = ("x", "y", "width", "height")


def _touched(design: Design, candidate: Candidate) -> set[str]:
    """Existing items the candidate changes in meaning. A container grown to
    hold a new part is not counted: two candidates that both grow the site
    still combine (the drawing, not the analysis, depends on the size)."""
    patch = candidate.patch
    changed = {c.id for c in patch.update_components
               if _without_geometry(c) != _without_geometry(design.by_id[c.id])}
    return changed | {l.id for l in patch.update_links}


def _without_geometry(comp) -> dict:
    return comp.model_dump(exclude=set(GEOMETRY))


def _combinable(members: tuple[int, ...], touched: list[set[str]]) -> bool:
    seen: set[str] = set()
    for i in members:
        if seen & touched[i]:
            return False
        seen |= touched[i]
    return True


def _non_dominated(points: list[Point]) -> list[Point]:
    """Sweep by cost (then by unavailability): keep a point when it is more
    available than every cheaper one."""
    ordered = sorted(points, key=lambda p: (p.cost, p.unavailability))
    front, best = [], math.inf
    for point in ordered:
        if point.unavailability < best:
            front.append(point)
            best = point.unavailability
    return front


def greedy_path(front: Front, settings) -> list[Point]:
    """Greedy over the pool alone (no regeneration), read off the subsets
    already analysed: from nothing, add the candidate of best value while
    one improves. The points it passes through, start included."""
    by_members = {p.members: p for p in front.points}
    current = by_members.get(())
    path = [current] if current else []
    while current is not None:
        best, best_rank = None, None
        for i in range(len(front.pool)):
            if i in current.members:
                continue
            nxt = by_members.get(tuple(sorted(current.members + (i,))))
            if nxt is None:
                continue
            saved = (current.unavailability - nxt.unavailability) * MINUTES_PER_YEAR
            if saved <= LEAST_GAIN_MINUTES:
                continue
            rank = rank_of(saved, Cost(horizon_total=nxt.cost - current.cost), settings)
            if best_rank is None or rank > best_rank:
                best, best_rank = nxt, rank
        current = best
        if best is not None:
            path.append(best)
    return path


def pool_size_for(seconds_per_analysis: float, budget_seconds: float) -> int:
    """How many candidates the exact front can take within a time budget."""
    if seconds_per_analysis <= 0:
        return MAX_POOL
    return max(1, min(MAX_POOL, int(math.log2(max(2.0, budget_seconds / seconds_per_analysis)))))
