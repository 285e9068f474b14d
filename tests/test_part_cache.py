"""The bounds' part cache kept between analyses (analysis/part_cache.py):
the live worker's analyses of a design, an edit and its undo give the
figures of fresh analyses, the undo builds and evaluates nothing again, and
the cache stays within its budget, dropping the least recently used parts."""
from __future__ import annotations

import pytest

from benchmarks.generate import generate
from designer.analysis import bdd, part_cache, part_columns
from designer.analysis.engine import analyze_phases
from designer.analysis.result import Phase
from designer.live import worker_process
from designer.model import Design


@pytest.fixture(scope="module")
def design_and_edit():
    design = generate(600)          # 575 failable components: bounded, not exact
    server = [c for c in design.components if c.kind.value == "server"][7]
    gone = {server.id} | {c.id for c in design.components if c.parent == server.id}
    edited = Design(settings=design.settings,
                    components=tuple(c for c in design.components if c.id not in gone),
                    links=tuple(link for link in design.links
                                if link.source not in gone and link.target not in gone))
    return design, edited


def availability(design, cache):
    return dict(analyze_phases(design, part_cache=cache))[Phase.AVAILABILITY]


class Work:
    """Counts the diagrams built and the columns evaluated."""

    def __init__(self, monkeypatch):
        self.built = self.columns = 0
        build, evaluate = bdd.build_many, part_columns._evaluate

        def counted_build(circuit, manager, tops, leaf_of, fixpoints=None):
            self.built += len(tops)
            return build(circuit, manager, tops, leaf_of, fixpoints)

        def counted_evaluate(owner, jobs):
            self.columns += sum(len(settings) for _, settings in jobs)
            return evaluate(owner, jobs)
        monkeypatch.setattr(bdd, "build_many", counted_build)
        monkeypatch.setattr(part_columns, "_evaluate", counted_evaluate)


def test_an_edit_and_its_undo_give_the_fresh_figures_and_the_undo_costs_nothing(
        design_and_edit, monkeypatch):
    design, edited = design_and_edit
    cache: dict = {}
    first = availability(design, cache)
    after_edit = availability(edited, cache)
    work = Work(monkeypatch)
    undone = availability(design, cache)
    assert first.method == after_edit.method == "bounded"
    assert (undone.value, undone.bounds) == (first.value, first.bounds)
    assert (work.built, work.columns) == (0, 0)
    # A part kept from the first design has the diagram a fresh build
    # makes (its order is its own, part_build.local_order): the same
    # figures to the bit. The importance sums the parts' slopes in another
    # order: the same to rounding.
    fresh = availability(edited, None)
    assert (after_edit.value, after_edit.bounds) == (fresh.value, fresh.bounds)
    assert dict(after_edit.importance) == pytest.approx(dict(fresh.importance), rel=1e-9)


def test_the_cache_keeps_to_its_budget_and_drops_the_oldest_parts(design_and_edit,
                                                                  monkeypatch):
    design, edited = design_and_edit
    alone: dict = {}
    availability(edited, alone)
    edit_keys = set(alone["settings"])          # the parts the edit's analysis uses
    unbounded: dict = {}
    availability(design, unbounded)
    availability(edited, unbounded)
    assert set(unbounded["settings"]) > edit_keys
    budget = stored(unbounded, edit_keys)
    monkeypatch.setattr(part_cache, "SETTINGS_BYTES", budget)
    cache: dict = {}
    availability(design, cache)
    availability(edited, cache)
    # The first design's own parts were used least recently: they go, the
    # edit's stay, and analysing the edit again evaluates nothing.
    assert set(cache["settings"]) == edit_keys and stored(cache) <= budget
    work = Work(monkeypatch)
    availability(edited, cache)
    assert work.columns == 0
    availability(design, cache)
    assert work.columns > 0


def stored(cache: dict, keys=None) -> int:
    return sum(part_cache.settings_bytes(key, memo) for key, memo in cache["settings"].items()
               if keys is None or key in keys)


def test_trim_drops_least_recently_used_first(monkeypatch):
    nothing = frozenset()
    old = ("old", frozenset("ab")), {(nothing, nothing): None, (frozenset("a"), nothing): None}
    new = ("new", frozenset("a")), {(nothing, nothing): None}
    store = dict([old, new])                  # the oldest first, as parts.py keeps them
    monkeypatch.setattr(part_cache, "SETTINGS_BYTES", part_cache.settings_bytes(*new))
    part_cache.trim({"settings": store})
    assert list(store) == [new[0]]


@pytest.mark.parametrize("room, kept", [
    (4, {"b": [0], "a": [1, 2, 3]}),      # the setting neither of the last two used goes
    (3, {"a": [1, 2, 3]}),                # then whole parts, least recently used first
])
def test_trim_keeps_what_the_last_two_analyses_used(monkeypatch, room, kept):
    """An edit and its undo both find their settings; the cost plan, whose
    candidates all build on one step's design, sheds the earlier steps'
    (at 5,000 components, kept, they pushed whole parts out, each then
    evaluated again for every candidate: 17-24 s a candidate, not 2-4 s)."""
    settings = [(i, i) for i in range(4)]
    part_a = ("a", frozenset("x")), {settings[i]: (None,) * 3 + (gen,)
                                     for i, gen in enumerate((1, 2, 3, 3))}
    part_b = ("b", frozenset("x")), {settings[0]: (None, None, None, 2)}
    store = dict([part_b, part_a])            # b used least recently
    one = part_cache.settings_bytes(part_b[0], {settings[0]: None})
    monkeypatch.setattr(part_cache, "SETTINGS_BYTES", room * one)
    part_cache.trim({"settings": store, "generation": 3})
    left = {key[0]: [settings.index(s) for s in memo] for key, memo in store.items()}
    assert left == kept


def test_the_live_worker_keeps_its_parts_between_analyses(design_and_edit, monkeypatch):
    design, _ = design_and_edit
    monkeypatch.setattr(worker_process, "_PARTS", {})
    first = dict(worker_process.default_analyze(design))[Phase.AVAILABILITY]
    work = Work(monkeypatch)
    again = dict(worker_process.default_analyze(design))[Phase.AVAILABILITY]
    assert (again.value, again.bounds) == (first.value, first.bounds)
    assert worker_process._PARTS and (work.built, work.columns) == (0, 0)


def test_the_shapes_keep_the_diagrams_within_the_parts_budget(monkeypatch):
    """A shape's diagram shared with a part counts once; the shapes no part
    holds go, least recently used first, once both stores pass the budget."""
    class Diagram:
        def __init__(self, size):
            self.size, self.nodes = size, object()
    held, old, new = Diagram(5), Diagram(4), Diagram(3)
    cache = {"parts": {"held": held},
             "shapes": {"old": (old, []), "held": (held, []), "new": (new, [])}}
    monkeypatch.setattr(part_cache, "PART_NODES", 9)
    part_cache.trim(cache)
    assert list(cache["shapes"]) == ["held", "new"]      # 5 + 3 nodes
    monkeypatch.setattr(part_cache, "PART_NODES", 5)
    part_cache.trim(cache)
    assert list(cache["shapes"]) == ["held"] and cache["parts"] == {"held": held}
