"""Twin parts (one diagram, the same probabilities and shared rows) share
the columns a setting fixes alike (part_twins.py), and twins on the same
shared events share one cache of columns (parts.Parts._signatures): far
fewer evaluations, the figures to the bit."""
from __future__ import annotations

import pytest

from benchmarks.generate import generate
from designer.analysis import part_twins, parts
from designer.analysis.availability import design_availability
from designer.model import Design


def _analysed(design: Design, monkeypatch, twins: bool, max_events=None):
    """The analysis, and the node x column evaluations it made
    (`max_events` 0: bounded whatever the size)."""
    work: list[int] = []
    evaluate = parts.evaluate_batch

    def counted(held, batch):
        work.append(held.passes[batch[0][0]].size * sum(len(s) for _, s in batch))
        return evaluate(held, batch)
    monkeypatch.setattr(parts, "evaluate_batch", counted)
    if not twins:
        alone = part_twins.TwinColumns.__init__
        signatures = parts.Parts._signatures

        def every_part_alone(self, held):
            alone(self, held)
            self.group = list(range(len(self.group)))
            self.mapping = list(self.group)

        def a_cache_each(self, shared):      # no part reads another's columns
            return [hash((key, a)) for a, key in enumerate(signatures(self, shared))]
        monkeypatch.setattr(part_twins.TwinColumns, "__init__", every_part_alone)
        monkeypatch.setattr(parts.Parts, "_signatures", a_cache_each)
    found = design_availability(design, **({} if max_events is None
                                            else {"max_events": max_events}))
    monkeypatch.undo()
    return found, sum(work)


def test_twins_share_their_columns_and_the_figures_do_not_change(monkeypatch):
    design = generate(1000)
    shared, shared_work = _analysed(design, monkeypatch, twins=True)
    alone, alone_work = _analysed(design, monkeypatch, twins=False)
    assert shared.method == alone.method == "bounded"
    assert (shared.value, shared.bounds) == (alone.value, alone.bounds)
    assert shared.importance == alone.importance
    assert shared_work < alone_work / 2


def test_twins_with_other_probabilities_do_not_share(monkeypatch):
    """A server made more reliable: its part (one of seven twins) is no longer
    its twins' twin, and its figures are its own (those of the analysis
    with no sharing at all)."""
    design = generate(1000)
    better = Design(settings=design.settings, links=design.links, components=tuple(
        c.model_copy(update={"availability": 0.99999}) if c.id == "s0-r2-h2" else c
        for c in design.components))
    shared, _ = _analysed(better, monkeypatch, twins=True)
    alone, _ = _analysed(better, monkeypatch, twins=False)
    assert (shared.value, shared.bounds) == (alone.value, alone.bounds)
    assert shared.importance == alone.importance
    plain, _ = _analysed(design, monkeypatch, twins=True)
    assert shared.value != plain.value


@pytest.mark.parametrize("size, seed", [(300, 1), (500, 3), (700, 4)])
def test_other_generated_designs_give_the_figures_of_every_part_alone(monkeypatch, size, seed):
    design = generate(size, seed=seed)
    shared, shared_work = _analysed(design, monkeypatch, twins=True, max_events=0)
    alone, alone_work = _analysed(design, monkeypatch, twins=False, max_events=0)
    assert shared.method == "bounded"
    assert shared_work < alone_work
    assert (shared.value, shared.bounds) == (alone.value, alone.bounds)
    assert shared.importance == alone.importance


def test_twins_on_the_same_shared_events_share_one_cache_of_columns(monkeypatch):
    """The generated 1,000-component design: each application's replicas
    on one rack are alike, so its 15 parts keep their columns in fewer
    caches than parts (the figures: the first test, each part its own)."""
    cache: dict = {}
    built = []
    held = parts.Parts.__init__

    def kept(self, *args, **kwargs):
        held(self, *args, **kwargs)
        built.append(self)
    monkeypatch.setattr(parts.Parts, "__init__", kept)
    found = design_availability(generate(1000), part_cache=cache, max_events=0)
    [analysed] = built
    assert found.method == "bounded"
    assert len(cache["settings"]) < len(analysed.passes) == 15
    assert all(memo for memo in cache["settings"].values())
