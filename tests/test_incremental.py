"""Incremental re-analysis (analysis/incremental.py) gives the figures a full
re-analysis gives, for the edits the cost planner makes."""
from __future__ import annotations

import pytest

from benchmarks.generate import generate
from designer.analysis import part_build, part_columns
from designer.analysis.availability import BOUNDED, EXACT, design_availability
from designer.analysis.incremental import Reanalysis
from designer.analysis.parts import Parts
from designer.model import Component, Design, Kind


def _with(design: Design, changed: dict[str, dict] = {}, added: tuple = ()) -> Design:
    comps = tuple(c.model_copy(update=changed[c.id]) if c.id in changed else c
                  for c in design.components)
    return Design(settings=design.settings, components=comps + added, links=design.links)


def _same(found, full) -> None:
    assert found.method == full.method
    assert found.value == full.value
    assert found.bounds == full.bounds
    assert found.importance.keys() == full.importance.keys()


@pytest.mark.parametrize("sift_from", [part_build.SIFT_FROM, 0])
def test_edits_of_a_bounded_design_give_the_full_analysis_figures(monkeypatch, sift_from):
    """Also with every part's diagram sifted (part_build.sifted; at this
    size the diagrams are too small to be sifted otherwise)."""
    monkeypatch.setattr(part_build, "SIFT_FROM", sift_from)
    design = generate(300)
    again = Reanalysis(design, max_events=0)          # the bounded method at this size
    assert again.base.method == BOUNDED
    _same(again.base, design_availability(design, max_events=0))
    better_server = _with(design, {"s0-r0-h0": {"availability": 0.9999}})
    third_disk = _with(design, added=(Component(id="s0-r0-h0-disk9", kind=Kind.DISK,
                                                parent="s0-r0-h0"),))
    for edited in (better_server, third_disk, design):
        found = again.availability(edited)
        full = design_availability(edited, max_events=0)
        _same(found, full)
    assert again.availability(better_server).value > again.base.value


def test_edits_of_an_exact_design_give_the_full_analysis_figures():
    design = generate(100)
    again = Reanalysis(design)
    assert again.base.method == EXACT
    edited = _with(design, {"s0-feedA": {"availability": 0.99}})
    _same(again.availability(edited), design_availability(edited))


def test_an_edit_of_reliability_figures_alone_gives_the_full_analysis_figures():
    """MTBF/MTTR or availability edits keep the base design's compiled
    circuit (incremental.py reuses it); the figures, importance included,
    are those of a full analysis of the edited design."""
    design = generate(300)
    again = Reanalysis(design, max_events=0)
    repaired = _with(design, {"s0-r0-h0": {"mtbf_hours": 20_000.0, "mttr_hours": 2.0},
                              "s0-r1-h0": {"availability": 0.99}})
    found = again.availability(repaired)
    full = design_availability(repaired, max_events=0)
    _same(found, full)
    assert found.importance == full.importance
    assert found.value != again.base.value


def test_the_edited_part_is_evaluated_in_one_pass(monkeypatch):
    """The part an edit replaces is evaluated under every setting the last
    analysis used for the same shared events at once (parts.py, `_hinted`),
    not once per round of the conditioning; the figures stay those of a
    full analysis."""
    design = generate(300)
    again = Reanalysis(design, max_events=0)
    cached_before = set(again._parts["settings"])
    passes, rounds = [], []
    real_evaluate, real_prefetch = part_columns._evaluate, Parts.prefetch

    def evaluate(parts, jobs):
        passes.append({(parts.signatures[a], parts.member_names[a]) for a, _ in jobs})
        return real_evaluate(parts, jobs)

    def prefetch(parts, masked):
        rounds.append(len(masked))
        return real_prefetch(parts, masked)

    monkeypatch.setattr(part_columns, "_evaluate", evaluate)
    monkeypatch.setattr(Parts, "prefetch", prefetch)
    edited = _with(design, {"s0-r0-h0": {"availability": 0.999}})
    found = again.availability(edited)
    new_parts = set(again._parts["settings"]) - cached_before
    assert len(rounds) > 1 and new_parts
    for part in new_parts:
        assert sum(part in evaluated for evaluated in passes) == 1
    _same(found, design_availability(edited, max_events=0))


def test_a_candidate_analysed_again_is_not_compiled_again(monkeypatch):
    """The plan screens a candidate, analyses others, then certifies it:
    the second time its compiled circuit and coalesced form are found
    (recent.py), and its figures are a full analysis's."""
    from designer.analysis import bounds, incremental, preprocess
    design = generate(300)
    again = Reanalysis(design, max_events=0)
    disk = _with(design, added=(Component(id="s0-r0-h0-disk9", kind=Kind.DISK,
                                          parent="s0-r0-h0"),))
    nic = _with(design, added=(Component(id="s0-r0-h0-nic9", kind=Kind.NIC,
                                         parent="s0-r0-h0"),))
    compiled, simplified = [], []
    monkeypatch.setattr(incremental, "compile_design",
                        _counting(incremental.compile_design, compiled))
    monkeypatch.setattr(bounds, "coalesce", _counting(preprocess.coalesce, simplified))
    again.availability(disk, tolerance=1e-7)          # screened
    again.availability(nic, tolerance=1e-7)
    found = again.availability(disk)                  # certified
    assert (len(compiled), len(simplified)) == (2, 2)
    _same(found, design_availability(disk, max_events=0))


def test_a_part_met_again_under_other_names_is_renamed_not_built(monkeypatch):
    """The plan's candidate replica lands on server h18 at one step and
    h19 at the next: the part is the same shape under other names, so its
    diagram is renamed from the one built before (part_build.build_parts),
    and the figures are a full analysis's."""
    design = generate(300)
    again = Reanalysis(design, max_events=0)
    first, second = (_with(design, added=(Component(id=f"s0-r0-h0-{name}", kind=Kind.DISK,
                                                    parent="s0-r0-h0"),))
                     for name in ("disk8", "disk9"))
    again.availability(first)
    builds = []
    monkeypatch.setattr(part_build.bdd, "build", _counting(part_build.bdd.build, builds))
    found = again.availability(second)
    assert builds == []
    full = design_availability(second, max_events=0)
    _same(found, full)
    assert found.importance["s0-r0-h0-disk9"] == full.importance["s0-r0-h0-disk9"]


def _counting(function, calls: list):
    def counted(*args, **kwargs):
        calls.append(args)
        return function(*args, **kwargs)
    return counted


def test_what_is_kept_for_recent_designs_stays_within_its_budget():
    """Oldest first out once the summed circuit sizes pass the budget; the
    newest is kept whatever its size."""
    from designer.analysis.recent import Recent
    recent = Recent(budget=10)
    keys = [object() for _ in range(4)]
    for key, weight in zip(keys, (4, 4, 4, 30)):
        recent.put(key, weight, weight)
        assert recent.get(key) == weight
    assert [recent.get(key) for key in keys] == [None, None, None, 30]
    assert recent.get(object()) is None


def test_edits_of_figures_alone_read_the_placement_once(monkeypatch):
    """The variable-order hints come from the placement, which an edit of
    figures leaves as it was: read for the base design only, and read
    again after a structural edit; every edit gets a full analysis's
    figures."""
    from designer.analysis import availability
    design = generate(300)
    read = []
    monkeypatch.setattr(availability, "rack_rank", _counting(availability.rack_rank, read))
    again = Reanalysis(design, max_events=0)
    for server in ("s0-r0-h0", "s0-r1-h0", "s1-r0-h1"):
        edited = _with(design, {server: {"availability": 0.999}})
        _same(again.availability(edited), design_availability(edited, max_events=0))
    assert len(read) == 1 + 3                  # the base; then one per full analysis
    moved = _with(design, added=(Component(id="s0-r0-h0-disk9", kind=Kind.DISK,
                                           parent="s0-r0-h0"),))
    _same(again.availability(moved), design_availability(moved, max_events=0))
    assert len(read) == 1 + 3 + 2
