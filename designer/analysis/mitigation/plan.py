"""The plan: greedy by value (value.py), re-analysing after every step;
each step's choice is choice.py's. No Qt.

Each candidate's availability comes from analysing the edited design.
The plan stops when no candidate improves availability, at the step
limit, at the target availability, or when cancelled.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Callable, Optional

from designer.model import Design

from ..availability import nines_down
from ..gc_pause import collector_paused
from . import where
from .candidate import Candidate
from .candidates import generate, weak_targets
from .choice import best_candidate
from .evaluate import Analyser, Cost, Figures
from .value import saved
from .weak import weak_points

if TYPE_CHECKING:
    from .security import SecurityFixes

STEP_LIMIT = 15
NOTHING_IMPROVES, STEP_LIMIT_REACHED, TARGET_REACHED, CANCELLED, NO_CANDIDATES = (
    "nothing improves", "step limit", "target reached", "cancelled", "no candidates")
SYSTEM_DOWN = "system down"

Progress = Callable[[int, int, int], None]     # (step, candidates done, candidates)


@dataclass(frozen=True)
class Step:
    number: int
    candidate: Candidate
    cost: Cost
    cumulative: Cost
    before: Figures
    after: Figures
    removes: tuple[str, ...]
    value: Optional[float]             # None: no downtime cost set
    minutes_saved: float               # downtime minutes a year


@dataclass
class Plan:
    design: Design
    start: Figures
    steps: list[Step] = field(default_factory=list)
    stopped: str = NOTHING_IMPROVES
    designs: list[Design] = field(default_factory=list, repr=False)  # after each step
    candidates_tried: int = 0
    # The segmentation findings' costed fixes (security.py), listed beside
    # the plan, not in it: they buy security, not availability. None until
    # `security.security_fixes` fills it (the CLI and the cost panel do).
    security: Optional["SecurityFixes"] = None

    @property
    def downtime_cost(self) -> Optional[float]:
        return self.design.settings.downtime_cost_per_hour

    @property
    def break_even_step(self) -> Optional[int]:
        if not self.downtime_cost:
            return None
        return where.break_even([s.value for s in self.steps])

    @property
    def knee_step(self) -> Optional[int]:
        xs = [0.0] + [s.cumulative.horizon_total for s in self.steps]
        ys = [capped_nines(self.start)] + [capped_nines(s.after) for s in self.steps]
        return where.knee(xs, ys)


def capped_nines(figures: Figures) -> float:
    """Nines as the curve draws them: of the lowest availability the method
    vouches for (a Monte Carlo estimate with no failed sample is "100 %", its
    interval says only "at least 99.9996 %"), a design that cannot go down
    at 12 (off any scale)."""
    return min(nines_down(figures.least_unavailability), 12.0)


@collector_paused()
def make_plan(design: Design, step_limit: int = STEP_LIMIT, target: float | None = None,
              progress: Progress | None = None,
              cancelled: Callable[[], bool] | None = None) -> Plan:
    """The plan of `design`, the collector paused throughout: between two
    candidates' analyses its passes scanned what each had kept (the circuits
    the plan reads again, whose nodes stay tracked), 4.5 s of the 51 s plan
    of the generated 5,000-component design; the analyses leave nothing in
    cycles (dependency_order.py), so the pause holds no memory."""
    analyser = Analyser(design)
    start, importance = analyser.base, analyser.base_importance
    plan = Plan(design, start)
    current, figures, total = design, start, Cost()
    structure = weak_points(design, analyser.compiled(design))
    while True:
        if target is not None and figures.availability >= target:
            plan.stopped = TARGET_REACHED
            break
        if len(plan.steps) >= step_limit:
            plan.stopped = STEP_LIMIT_REACHED
            break
        if not structure.system_up:
            plan.stopped = SYSTEM_DOWN
            break
        candidates = generate(current, weak_targets(current, structure, importance),
                              spofs=structure.spofs)
        if not candidates:
            plan.stopped = NO_CANDIDATES if not plan.steps else NOTHING_IMPROVES
            break
        best = best_candidate(analyser, current, figures, candidates, len(plan.steps) + 1,
                              plan, progress, cancelled)
        if best is None:
            plan.stopped = CANCELLED if cancelled and cancelled() else NOTHING_IMPROVES
            break
        candidate, edited, after, importance, cost, value = best
        total = total + cost
        now = weak_points(edited, analyser.compiled(edited))
        plan.steps.append(Step(len(plan.steps) + 1, candidate, cost, total, figures, after,
                               _removed(structure, now), value, saved(figures, after)))
        plan.designs.append(edited)
        current, figures, structure = edited, after, now
    return plan


def _removed(before, after) -> tuple[str, ...]:
    """SPOFs the step removed; with none before, components that left every
    order-2 cut set."""
    if before.spofs:
        return tuple(s for s in before.spofs if s not in after.spofs)
    was = {c for pair in before.pairs for c in pair}
    now = {c for pair in after.pairs for c in pair} | set(after.spofs)
    return tuple(sorted(was - now))
