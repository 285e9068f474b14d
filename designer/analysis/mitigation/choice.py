"""A step's choice: the candidate of greatest value (ties: the cheaper),
found in two passes so that most candidates are never certified to the
design's own tolerance. No Qt.

1. Screening: every candidate is analysed at SCREEN_TOLERANCE, a coarser
   gap. Its certified bounds hold the value the full analysis would rank
   it by: that figure's upper bound on unavailability lies at or above the
   true value, so at or above the screened lower bound.
2. The contenders, those whose best case reaches the best worst case, are
   analysed at the design's tolerance and ranked exactly as before.
   Whenever a contender's full figures come out below its screened worst
   case, the bar drops and the contenders are looked at again, so the
   choice is always the one a full analysis of every candidate would make.

A candidate whose value could not beat the bar even if it removed all
downtime is not analysed at all (exact pruning, no estimate).
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Callable, Optional

from designer.analysis.availability import MINUTES_PER_YEAR
from designer.model import Design, DesignError, DesignErrors
from designer.model.patch import apply_patch

from .candidate import Candidate
from .evaluate import Analyser, Cost, Figures, cost_of
from .value import LEAST_GAIN_MINUTES, rank_of, step_value, vouched

# Screening gap on unavailability: 100 times the default 1e-9. The plan's
# smallest step is one second of downtime a year (1.9e-6), so the screened
# bounds separate most candidates; the 5,000-component design is bounded to
# 1e-7 in about a sixth of the time 1e-9 takes (docs/performance.md).
SCREEN_TOLERANCE = 1e-7
ROUNDING = 1e-15


@dataclass
class _Entry:
    order: int                          # in cost order: ties go to the earlier
    cost: Cost
    candidate: Candidate
    edited: Optional[Design] = None     # the candidate applied
    refused: bool = False               # the patch does not apply
    best: float = math.inf              # the highest rank its full figures can have
    full: Optional[tuple] = None        # (Figures, importance) at the design's tolerance
    rank: Optional[float] = None        # from `full`; None: saves too little to count


def best_candidate(analyser: Analyser, current: Design, figures: Figures,
                   candidates: list[Candidate], step: int, plan,
                   progress: Optional[Callable] = None, cancelled=None):
    """(candidate, edited, after, importance, cost, value) or None."""
    settings = current.settings
    costed = sorted(((cost_of(c.patch, settings), n, c) for n, c in enumerate(candidates)),
                    key=lambda item: (item[0].horizon_total, item[1]))
    entries = [_Entry(n, cost, c) for n, (cost, _, c) in enumerate(costed)]
    bar = -math.inf         # the best screened worst case: a hint, rechecked at the end
    for entry in entries:
        if cancelled and cancelled():
            return None
        if progress:
            progress(step, entry.order, len(entries))
        entry.best = rank_of(figures.downtime_minutes, entry.cost, settings)
        if entry.best < bar:
            continue         # even removing all downtime could not win
        worst = _screen(analyser, current, figures, entry, settings, plan)
        bar = max(bar, worst)
    report = (lambda done, total: progress(step, done, total)) if progress else None
    if not _settle(analyser, current, figures, entries, settings, plan, cancelled, report):
        return None
    return _chosen(entries, settings, figures)


def _screen(analyser, current, figures, entry: _Entry, settings, plan) -> float:
    """Analyse at the screening tolerance; the rank's worst case."""
    if not _apply(current, entry):
        return -math.inf
    found, importance = analyser.figures(entry.edited, SCREEN_TOLERANCE)
    plan.candidates_tried += 1
    if found.method != "bounded":        # exact or sampled: the tolerance changes nothing
        _keep_full(entry, (found, importance), figures, settings)
        return entry.best
    # ROUNDING: 1 - (1 - x) may lose the last bit of x.
    highest = figures.least_unavailability - found.lowest_unavailability + ROUNDING
    entry.best = (rank_of(highest * MINUTES_PER_YEAR, entry.cost, settings)
                  if highest * MINUTES_PER_YEAR > LEAST_GAIN_MINUTES else -math.inf)
    return rank_of(vouched(figures, found), entry.cost, settings)


def _settle(analyser, current, figures, entries, settings, plan, cancelled, report) -> bool:
    """Full figures for every candidate that could still be chosen, most
    promising first; False when cancelled. `report(done, total)` counts
    the screened candidates and then these analyses."""
    settled = 0
    while True:
        chosen = _chosen_entry(entries)
        bar = chosen.rank if chosen else -math.inf
        open_ = [e for e in entries if e.full is None and not e.refused
                 and e.best >= bar and e.best > -math.inf]     # -inf: can never count
        if not open_:
            return True
        if cancelled and cancelled():
            return False
        if report:
            report(len(entries) + settled, len(entries) + settled + len(open_))
        settled += 1
        entry = max(open_, key=lambda e: (e.best, -e.order))
        if entry.edited is None:          # pruned while screening
            if not _apply(current, entry):
                continue
            plan.candidates_tried += 1
        _keep_full(entry, analyser.figures(entry.edited), figures, settings)


def _apply(current: Design, entry: _Entry) -> bool:
    try:
        entry.edited = apply_patch(current, entry.candidate.patch)
    except (DesignError, DesignErrors):
        entry.refused = True
        return False
    return True


def _keep_full(entry: _Entry, full: tuple, figures: Figures, settings) -> None:
    entry.full = full
    minutes = vouched(figures, full[0])
    entry.rank = rank_of(minutes, entry.cost, settings) if minutes > LEAST_GAIN_MINUTES else None
    entry.best = entry.rank if entry.rank is not None else -math.inf


def _chosen_entry(entries: list[_Entry]) -> Optional[_Entry]:
    ranked = [e for e in entries if e.rank is not None]
    return max(ranked, key=lambda e: (e.rank, -e.order)) if ranked else None


def _chosen(entries, settings, figures):
    entry = _chosen_entry(entries)
    if entry is None:
        return None
    after, importance = entry.full
    return (entry.candidate, entry.edited, after, importance, entry.cost,
            step_value(vouched(figures, after), entry.cost, settings))
