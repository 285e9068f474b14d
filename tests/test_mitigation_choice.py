"""The plan's choice of a step screens candidates at a coarse tolerance and
certifies only the contenders (mitigation/choice.py). Whatever the screened
bounds say, it must choose what analysing every candidate at the design's
own tolerance would: checked against that exhaustive choice on random
candidates, costs and figures, including full figures that land outside a
screened interval's worst case (the bar then drops and pruned candidates
are looked at again)."""
from __future__ import annotations

from dataclasses import dataclass
from unittest import mock

from hypothesis import given, settings, strategies as st

from designer.analysis.mitigation import choice
from designer.analysis.mitigation.evaluate import Cost, Figures
from designer.analysis.mitigation.value import LEAST_GAIN_MINUTES, rank_of, vouched
from designer.model.design import Settings

BEFORE = Figures(0.999, 1e-3, "bounded", least=0.999 - 1e-9, most=0.999 + 1e-9)


@dataclass(frozen=True)
class _Fake:
    name: str
    patch: str


def _figures(unavailability: float, gap: float) -> Figures:
    return Figures(1.0 - unavailability, unavailability, "bounded",
                   least=1.0 - unavailability - gap / 2, most=1.0 - unavailability + gap / 2)


@dataclass
class _Design:
    settings: Settings


@dataclass
class _Plan:
    candidates_tried: int = 0


class _Analyser:
    """Screened figures: the full figure's interval widened by a random
    amount on each side (`drift` may move the full figure's worst case
    above the screened one, as a different conditioning could)."""

    def __init__(self, full: dict, screened: dict) -> None:
        self.full, self.screened, self.calls = full, screened, []

    def figures(self, design, tolerance=None):
        self.calls.append((design, tolerance))
        table = self.screened if tolerance == choice.SCREEN_TOLERANCE else self.full
        return table[design], {}


def _exhaustive(candidates, costs, full, design_settings):
    """The choice of analysing every candidate fully: the greatest rank,
    ties to the cheaper, then the earlier."""
    order = sorted(range(len(candidates)), key=lambda n: (costs[n].horizon_total, n))
    best, best_key = None, None
    for n in order:
        minutes = vouched(BEFORE, full[candidates[n].patch])
        if minutes <= LEAST_GAIN_MINUTES:
            continue
        key = (rank_of(minutes, costs[n], design_settings), -costs[n].horizon_total)
        if best_key is None or key > best_key:
            best, best_key = n, key
    return best


candidate_figures = st.tuples(
    st.floats(1e-6, 1e-3),                     # full unavailability
    st.floats(1e-12, 1e-9),                    # full gap
    st.floats(0.0, 3e-6),                      # screened widening below the truth
    st.one_of(st.just(0.0), st.floats(0.0, 3e-6)),   # above it (0: the full worst case may exceed it)
    st.floats(-1e-6, 1e-6),                    # drift of the full figure inside the truth
    st.sampled_from([0.0, 100.0, 250.0, 1000.0, 5000.0]))   # horizon cost


@settings(max_examples=300, deadline=None)
@given(st.lists(candidate_figures, min_size=1, max_size=8),
       st.sampled_from([None, 500.0]))
def test_screening_chooses_what_full_analyses_of_every_candidate_choose(rows, rate):
    design_settings = Settings(downtime_cost_per_hour=rate) if rate else Settings()
    candidates = [_Fake(f"c{n}", f"p{n}") for n in range(len(rows))]
    costs, full, screened = [], {}, {}
    for n, (down, gap, below, above, drift, horizon) in enumerate(rows):
        costs.append(Cost(horizon, 0.0, horizon))
        full[f"p{n}"] = _figures(down, gap)
        true = down + max(-gap / 2, min(gap / 2, drift * gap))
        screened[f"p{n}"] = Figures(1.0 - true, true, "bounded", least=1.0 - true - above,
                                    most=1.0 - true + below)
    analyser = _Analyser(full, screened)
    cost_of = {c.patch: cost for c, cost in zip(candidates, costs)}
    with mock.patch.object(choice, "apply_patch", lambda design, patch: patch), \
            mock.patch.object(choice, "cost_of", lambda patch, _: cost_of[patch]):
        found = choice.best_candidate(analyser, _Design(design_settings), BEFORE,
                                      candidates, 1, _Plan())
    expected = _exhaustive(candidates, costs, full, design_settings)
    if expected is None:
        assert found is None
    else:
        assert found is not None and found[0] is candidates[expected]
        assert found[2] is full[candidates[expected].patch]     # the step's figures are full ones


def _screened_around(full: dict, half_width: float) -> dict:
    """Screened figures: each full figure's availability +- `half_width`."""
    return {p: Figures(f.availability, f.unavailability, "bounded",
                       least=f.availability - half_width, most=f.availability + half_width)
            for p, f in full.items()}


def _screened_only_contenders():
    """Three candidates whose screened bounds cannot be told apart."""
    candidates = [_Fake(f"c{n}", f"p{n}") for n in range(3)]
    full = {f"p{n}": _figures(2e-4 + n * 1e-10, 1e-10) for n in range(3)}
    screened = _screened_around(full, 1e-7)
    cost_of = {c.patch: Cost(100.0, 0.0, 100.0) for c in candidates}
    return candidates, _Analyser(full, screened), cost_of


def _choose(candidates, analyser, cost_of, **kwargs):
    with mock.patch.object(choice, "apply_patch", lambda design, patch: patch), \
            mock.patch.object(choice, "cost_of", lambda patch, _: cost_of[patch]):
        return choice.best_candidate(analyser, _Design(Settings()), BEFORE, candidates, 2,
                                     _Plan(), **kwargs)


def test_progress_counts_the_screening_then_the_full_analyses_and_cancel_stops_them():
    candidates, analyser, cost_of = _screened_only_contenders()
    seen = []
    found = _choose(candidates, analyser, cost_of,
                    progress=lambda step, done, total: seen.append((step, done, total)))
    assert found is not None and found[0] is candidates[0]      # the least downtime
    assert [done for _, done, _ in seen] == sorted(done for _, done, _ in seen)
    assert all(step == 2 and done <= total for step, done, total in seen)
    assert seen[-1][2] > len(candidates)       # the contenders' analyses are counted too
    full_calls = [t for _, t in analyser.calls if t is None]
    assert len(full_calls) == len(candidates)  # none could be ruled out by the screening

    candidates, analyser, cost_of = _screened_only_contenders()
    screened = len(candidates)
    found = _choose(candidates, analyser, cost_of,
                    cancelled=lambda: len(analyser.calls) > screened)
    assert found is None                       # cancelled while certifying the contenders
    assert len(analyser.calls) == screened + 1


def test_candidates_the_screening_separates_are_not_certified_in_full():
    """One candidate saves clearly more: only it is analysed at the
    design's tolerance, and the step carries its full figures."""
    candidates = [_Fake(f"c{n}", f"p{n}") for n in range(4)]
    full = {f"p{n}": _figures(1e-4 * (n + 1), 1e-10) for n in range(4)}
    screened = _screened_around(full, 1e-7)
    cost_of = {c.patch: Cost(100.0, 0.0, 100.0) for c in candidates}
    analyser = _Analyser(full, screened)
    found = _choose(candidates, analyser, cost_of)
    assert found[0] is candidates[0] and found[2] is full["p0"]
    assert [d for d, t in analyser.calls if t is None] == ["p0"]


def test_candidates_that_cannot_save_a_second_a_year_are_not_certified_in_full():
    """Screened bounds showing that no candidate can save a second of
    downtime a year: no step, and no analysis at the design's tolerance."""
    candidates = [_Fake(f"c{n}", f"p{n}") for n in range(3)]
    same = BEFORE.unavailability
    full = {f"p{n}": _figures(same, 1e-10) for n in range(3)}
    screened = _screened_around(full, 1e-9)
    analyser = _Analyser(full, screened)
    cost_of = {c.patch: Cost(100.0, 0.0, 100.0) for c in candidates}
    assert _choose(candidates, analyser, cost_of) is None
    assert all(t == choice.SCREEN_TOLERANCE for _, t in analyser.calls)
