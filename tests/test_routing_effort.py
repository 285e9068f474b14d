"""How much work one route may take (designer/canvas/orthogonal.py CHUNK and
EFFORT): a search pauses every CHUNK states so the canvas routes in short
idle slices, a pathological search gives up after EFFORT states and its link
still gets a route between its two ends, and on ordinary designs neither
changes a single route."""
from __future__ import annotations

import math
from pathlib import Path

import numpy as np
import pytest

from designer.canvas import orthogonal as O
from designer.canvas import routing
from designer.io import load_design
from designer.look import style
from tests.canvas_support import make_view, sample_design

EXAMPLES = sorted(Path(__file__).resolve().parent.parent.glob("examples/*.weaklink.json"))


def walled_in_field():
    """A source boxed in by four hard walls inside a wide field of cards: the
    search combs the whole design before it can tell there is no way out."""
    src, dst = (0.0, 0.0, 40.0, 20.0), (2000.0, 0.0, 2040.0, 20.0)
    rows = [(-30, -30, 70, -25), (-30, 45, 70, 50), (-30, -30, -25, 50), (65, -30, 70, 50)]
    rows += [(x, y, x + 60, y + 30) for x in range(150, 1900, 110) for y in range(-400, 400, 70)]
    table = np.array([(*r, math.inf) for r in rows] + [(*src, 25.0), (*dst, 25.0)], dtype=float)
    return src, dst, table


def test_a_walled_in_search_stops_after_the_cap():
    src, dst, table = walled_in_field()
    assert O.route(src, dst, table, effort=math.inf) is None   # no way out at all
    steps = O.route_steps(src, dst, table, effort=3000)
    pauses = 0
    try:
        while True:
            next(steps)
            pauses += 1
    except StopIteration as end:
        assert end.value is None
    # 3,000 states: at most one pause per CHUNK, plus one per window built.
    assert pauses <= 3000 // O.CHUNK + 2


def test_a_paused_search_ends_on_the_same_route():
    src, dst, table = walled_in_field()
    table = table[4:]   # the walls gone: a long way round the field
    steps, pauses = O.route_steps(src, dst, table), 0
    try:
        while True:
            next(steps)
            pauses += 1
    except StopIteration as end:
        path = end.value
    assert pauses >= 1 and path == O.route(src, dst, table)
    assert path[0][0] == 40.0 and path[-1][0] == 2000.0


def test_a_link_past_the_cap_still_connects_its_ends(qtbot, monkeypatch):
    monkeypatch.setattr(O, "EFFORT", 5)   # every real search needs more
    view, _ = make_view(qtbot)
    scene = view.scene()
    gave_up = 0
    for link in scene.document.links():
        points = scene._routes.raw[link.id]
        gave_up += any(a[0] != b[0] and a[1] != b[1] for a, b in zip(points, points[1:]))
        for end, point in ((link.source, points[0]), (link.target, points[-1])):
            rects = [scene.item_for(end).scene_rect()] + [
                i.scene_rect() for i in scene.component_items() if i.comp.tier == end]
            assert any(r.adjusted(-1, -1, 1, 1).contains(*point) for r in rects), \
                (link.id, end, point)
    assert gave_up, "the simpler route (a straight line) stands in for the search"


def routes_of(qtbot, design) -> dict:
    view, _ = make_view(qtbot, design)
    view.scene().finish_routing()
    return view.scene().routed_links()


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.name.split(".")[0])
def test_the_cap_changes_no_route_of_an_example(qtbot, monkeypatch, path):
    design = load_design(str(path))
    capped = routes_of(qtbot, design)
    monkeypatch.setattr(O, "EFFORT", math.inf)
    assert routes_of(qtbot, design) == capped and capped


def test_routing_in_slices_gives_the_routes_of_routing_at_once(qtbot, monkeypatch):
    at_once = routes_of(qtbot, sample_design())
    monkeypatch.setattr(routing, "EAGER", 0)   # route in idle slices, as big designs
    monkeypatch.setattr(O, "CHUNK", 1)         # every search pauses at every state
    view, _ = make_view(qtbot)
    scene = view.scene()
    if scene._idle is not None:
        scene._idle.stop()
    slices = 0
    while scene._pending:
        scene._route_slice(budget=0.0)         # one step of search per slice
        slices += 1
        if slices == 5:                        # the design changes mid-search
            scene.reroute_links(["n1"])
    assert slices > len(at_once)
    assert scene.routed_links() == at_once


def test_links_out_of_view_wait_while_the_analysis_runs(qtbot, monkeypatch):
    """While the live analysis runs, once every pending link in view is
    routed, the next slices come after a pause (the analysis worker gets the
    core); a link brought into view is routed without one, the end of the
    analysis lifts the pause, and the routes are those of routing at once."""
    at_once = routes_of(qtbot, sample_design())
    monkeypatch.setattr(routing, "EAGER", 0)
    with monkeypatch.context() as held:       # every link pending, none routed yet
        held.setattr(routing.Routing, "_route_later", lambda self, pause_ms=0: None)
        view, doc = make_view(qtbot, size=(320, 240))
    scene = view.scene()
    view.set_zoom(2.0)
    view.centerOn(scene.item_for(doc.links()[0].source).scene_rect().center())
    seen = _view_rect(view)
    in_view = [lid for lid in scene._pending if scene._in_view(lid, seen)]
    assert 0 < len(in_view) < len(scene._pending)
    scene.set_analysing(True)
    while scene._next_in_view():
        _timer_fires(scene)
        assert scene._idle.interval() == (0 if scene._next_in_view()
                                          else routing.OFF_VIEW_PAUSE_MS)
    assert scene._pending and scene._idle.interval() == routing.OFF_VIEW_PAUSE_MS
    left, top, right, bottom = scene._layout.rect[scene._routes.ends[min(scene._pending)][1]]
    view.centerOn((left + right) / 2, (top + bottom) / 2)     # scrolled to a pending link
    assert scene._next_in_view()
    _timer_fires(scene)
    assert scene._idle.interval() == (0 if scene._next_in_view() else routing.OFF_VIEW_PAUSE_MS)
    view.centerOn(-10_000, -10_000)                            # nothing in view
    _timer_fires(scene)
    assert scene._pending and scene._idle.interval() == routing.OFF_VIEW_PAUSE_MS
    view.set_zoom(style.LOD_ICONS / 2)          # all in view, drawn as bundles
    view.centerOn(scene.itemsBoundingRect().center())
    assert scene.detail is style.Detail.BOXES and scene._pending
    assert any(scene._in_view(lid, _view_rect(view)) for lid in scene._pending)
    _timer_fires(scene)
    assert not scene._pending or scene._idle.interval() == routing.OFF_VIEW_PAUSE_MS
    scene.set_analysing(False)
    assert scene._idle.isActive() and scene._idle.interval() == 0
    _timer_fires(scene)
    assert not scene._pending or scene._idle.interval() == 0
    scene.finish_routing()
    assert scene.routed_links() == at_once


def _timer_fires(scene) -> None:
    """One idle slice as the timer runs it (a slice of one search step)."""
    if scene._idle is not None:
        scene._idle.stop()
    scene._route_slice(budget=0.0)


def _view_rect(view) -> tuple:
    return routing._rect(view.mapToScene(view.viewport().rect()).boundingRect())
