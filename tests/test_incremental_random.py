"""Random runs of edits through one `Reanalysis` (analysis/incremental.py)
give, edit after edit, the figures a fresh analysis of the edited design
gives: value, bounds and every component's importance, to the bit. The
edits are those a user makes on the canvas (a figure changed, a disk
added, a component deleted with what it holds, a link removed or drawn,
an undo back to an earlier design), each at the design's own gap or at
the cost plan's screening gap, on bounded designs, and with the
caches' budgets also squeezed to nothing, so that every edit meets
trimmed columns, diagrams, kept rounds and compiled circuits. The same
runs through the live window's path (engine.analyze_phases with the
worker's one part cache) give a fresh analysis's figures too."""
from __future__ import annotations

from contextlib import contextmanager
from functools import lru_cache

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from benchmarks.generate import generate
from designer.analysis import part_cache, recent
from designer.analysis.availability import BOUNDED, design_availability
from designer.analysis.engine import analyze_phases
from designer.analysis.incremental import Reanalysis
from designer.analysis.result import Phase
from designer.model import Component, Design, Kind, Link, LinkKind
from designer.model.edits import descendants, unique_id

SIZES = (200, 450, 1000, 2000)
FAILABLE = (Kind.SERVER, Kind.DISK, Kind.SWITCH, Kind.PSU, Kind.UPS, Kind.PDU, Kind.NIC,
            Kind.UTILITY_FEED)
# (columns, kept rounds, diagrams, compiled circuits) in bytes, bytes, nodes, nodes
BUDGETS = {"as shipped": None, "squeezed": (200_000, 50_000, 5_000, 5_000),
           "none": (0, 0, 0, 0)}


@lru_cache(maxsize=None)
def _generated(size: int) -> Design:
    return generate(size)


def _design(old: Design, components, links) -> Design:
    return Design(settings=old.settings, components=tuple(components), links=tuple(links))


def _figure(design: Design, pick: int, availability: float) -> Design:
    chosen = [c for c in design.components if c.kind in FAILABLE][pick]
    return _design(design, (c.model_copy(update={"availability": availability})
                            if c.id == chosen.id else c for c in design.components),
                   design.links)


def _disk(design: Design, pick: int, _value) -> Design:
    server = [c for c in design.components if c.kind is Kind.SERVER][pick]
    disk = Component(id=unique_id(design.by_id, f"{server.id}-added-disk"), kind=Kind.DISK,
                     parent=server.id)
    return _design(design, design.components + (disk,), design.links)


def _delete(design: Design, pick: int, _value) -> Design:
    chosen = [c for c in design.components if c.kind in FAILABLE][pick]
    gone = set(descendants(design.by_id, [chosen.id])) | {chosen.id}
    return _design(design, (c for c in design.components if c.id not in gone),
                   (link for link in design.links
                    if link.source not in gone and link.target not in gone))


def _unlink(design: Design, pick: int, _value) -> Design:
    return _design(design, design.components,
                   design.links[:pick] + design.links[pick + 1:])


def _link(design: Design, pick: int, _value) -> Design:
    """A NIC cabled to one more switch."""
    nics = [c for c in design.components if c.kind is Kind.NIC]
    switches = [c for c in design.components if c.kind is Kind.SWITCH]
    nic, switch = nics[pick % len(nics)], switches[(7 * pick) % len(switches)]
    link = Link(id=unique_id(design.links_by_id, "added"), kind=LinkKind.NETWORK, source=nic.id,
                target=switch.id)
    return _design(design, design.components, design.links + (link,))


EDITS = {"figure": _figure, "disk": _disk, "delete": _delete, "unlink": _unlink,
         "link": _link}


def _count(design: Design, edit: str) -> int:
    if edit == "disk":
        return sum(c.kind is Kind.SERVER for c in design.components)
    if edit == "unlink":
        return len(design.links)
    if edit == "link":
        return 1_000
    return sum(c.kind in FAILABLE for c in design.components)


def _next(history: list[Design], edit: str, pick: int, value: float) -> Design:
    """The design after `edit` of the last one (an undo: an earlier one),
    appended to `history`."""
    if edit == "undo":
        design = history[pick % len(history)]
    else:
        design = EDITS[edit](history[-1], pick % _count(history[-1], edit), value)
    history.append(design)
    return design


@contextmanager
def _budgets(budgets):
    names = ((part_cache, "SETTINGS_BYTES"), (part_cache, "ROUNDS_BYTES"),
             (part_cache, "PART_NODES"), (recent, "NODES"))
    shipped = [getattr(module, name) for module, name in names]
    for (module, name), value in zip(names, budgets or shipped):
        setattr(module, name, value)
    try:
        yield
    finally:
        for (module, name), value in zip(names, shipped):
            setattr(module, name, value)


# The gap asked: the design's own (1e-9), or the cost plan's screening gap
# (mitigation/choice.SCREEN_TOLERANCE).
steps = st.lists(st.tuples(st.sampled_from([*EDITS, "undo"]), st.integers(0, 10_000),
                           st.sampled_from([0.99, 0.999, 0.9999]), st.sampled_from([None, 1e-7])),
                 min_size=1, max_size=5)


@settings(max_examples=20, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.sampled_from(SIZES), steps, st.sampled_from(list(BUDGETS)))
def test_every_edit_gives_the_figures_of_a_fresh_analysis(size, edits, budgets):
    with _budgets(BUDGETS[budgets]):
        history = [_generated(size)]
        again = Reanalysis(history[0], max_events=0)     # bounded at these sizes
        assert again.base.method == BOUNDED
        for edit, pick, value, tolerance in edits:
            design = _next(history, edit, pick, value)
            found = again.availability(design, tolerance=tolerance)
            fresh = design_availability(design, max_events=0, tolerance=tolerance)
            assert (found.method, found.value, found.bounds) == (
                fresh.method, fresh.value, fresh.bounds), edit
            assert found.importance == fresh.importance, edit


def _window_figures(design: Design, cache: dict | None):
    """What the live window's worker ends with for a design (its part cache
    kept between edits, as live/worker_process.py keeps it)."""
    return dict(analyze_phases(design, quick_first=True, part_cache=cache))[Phase.AVAILABILITY]


@settings(max_examples=8, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.sampled_from((600, 1000)),
       st.lists(st.tuples(st.sampled_from([*EDITS, "undo"]), st.integers(0, 10_000),
                          st.sampled_from([0.99, 0.999, 0.9999])), min_size=1, max_size=3))
def test_every_edit_in_the_window_gives_the_figures_of_a_fresh_analysis(size, edits):
    """The window's path: each edit analysed with the worker's one part
    cache gives a fresh analysis's method, value and bounds to the bit, and
    its importance to rounding (the parts' slopes summed in another order)."""
    history, cache = [_generated(size)], {}
    _window_figures(history[0], cache)
    for edit, pick, value in edits:
        design = _next(history, edit, pick, value)
        found, fresh = _window_figures(design, cache), _window_figures(design, None)
        assert found.method == fresh.method, edit
        assert (found.value, found.bounds) == (fresh.value, fresh.bounds), edit
        assert dict(found.importance) == pytest.approx(dict(fresh.importance), rel=1e-9), edit
