"""Zoomed out to bundles (designer/canvas/lod.py) on a design still being
routed: the bundles are routed again only when the design changed, in
slices like the links, without dropping the links' search in progress,
and a picture waits for them."""
from __future__ import annotations

import json
import tracemalloc

from designer.canvas import lod, routing
from designer.io import load_design
from designer.look import style
from tests import hostile
from tests.canvas_support import make_view


def flat_view(qtbot, tmp_path, monkeypatch, servers: int = 40):
    """A design of `servers` servers without racks, one feed and one switch
    (tests/hostile.py's shape), zoomed out to bundles, every link pending
    and no idle slice running by itself."""
    path = tmp_path / "flat.weaklink.json"
    path.write_text(json.dumps(hostile.generated(servers)))
    design = load_design(path)
    monkeypatch.setattr(routing, "EAGER", 0)
    monkeypatch.setattr(routing.Routing, "_route_later", lambda self, pause_ms=0: None)
    view, doc = make_view(qtbot, design, size=(900, 600))
    view.set_zoom(style.LOD_ICONS / 2)
    view.centerOn(view.scene().itemsBoundingRect().center())
    assert view.scene().detail is style.Detail.BOXES
    return view, doc


def drawn_bundles(scene) -> dict:
    return {name: item for name, item in (scene._bundles or {}).items()
            if item.scene() is scene}


def test_finish_routing_draws_the_bundles_of_the_level(qtbot, tmp_path, monkeypatch):
    view, _ = flat_view(qtbot, tmp_path, monkeypatch)
    scene = view.scene()
    scene.finish_routing()
    bundles = drawn_bundles(scene)
    assert bundles and scene._bundle_job is None
    assert len(bundles) == len(scene._groups())
    # Nothing changed: the next routing turns keep them as they are.
    scene.links_routed()
    qtbot.wait(20)
    assert drawn_bundles(scene) == bundles


def test_bundles_route_in_slices_and_keep_the_links_search(qtbot, tmp_path, monkeypatch):
    """Each routing slice used to route every bundle again in one go and,
    removing the old ones, drop the links' search in progress, which then
    started over: a big design fitted in the window froze for seconds at
    every turn and its links were never all routed."""
    view, doc = flat_view(qtbot, tmp_path, monkeypatch)
    scene = view.scene()
    scene.update_bundles()
    old = drawn_bundles(scene)
    assert old
    monkeypatch.setattr(lod, "BUNDLE_SLICE", 0.0)
    doc.move({"srv": (60.0, 40.0)})          # the layout changed: bundles are stale
    scene._route_slice(budget=0.0)          # a link's search, paused
    search = scene._job
    assert search is not None
    scene._bundle_turn()                     # one turn of the bundles' timer
    assert scene._bundle_job is not None     # the bundles go on next turn...
    assert drawn_bundles(scene) == old       # ...and the old ones stay drawn meanwhile
    scene.update_bundles()                   # done: the old ones replaced
    assert scene._job is search              # and the links' search goes on
    assert scene._bundle_job is None
    new = drawn_bundles(scene)
    assert new.keys() == old.keys() and not set(new.values()) & set(old.values())

def test_zoomed_in_the_bundles_go(qtbot, tmp_path, monkeypatch):
    view, _ = flat_view(qtbot, tmp_path, monkeypatch)
    scene = view.scene()
    scene.finish_routing()
    assert drawn_bundles(scene)
    view.set_zoom(1.0)
    qtbot.wait(20)
    assert scene.detail in routing.INDIVIDUAL and not drawn_bundles(scene)


def test_bundles_along_a_row_route_in_memory_in_proportion_to_it(qtbot, tmp_path, monkeypatch):
    """Each bundle from the feed runs along the row of servers, and a route
    kept as its walls every card near its bounding box (the cards a nudged
    copy could enter): the square of the row, 102 MB for 1,500 servers and
    3.4 GB, freed only at the end, for 7,000. Now the cards near its lines."""
    view, _ = flat_view(qtbot, tmp_path, monkeypatch, servers=400)
    scene = view.scene()
    while scene._pending:
        scene.route_slice()
    tracemalloc.start()
    try:
        before = tracemalloc.get_traced_memory()[0]
        scene.update_bundles()
        peak = tracemalloc.get_traced_memory()[1] - before
    finally:
        tracemalloc.stop()
    assert len(drawn_bundles(scene)) > 800     # a power and a network bundle a server
    assert peak < 10 * 2**20       # 7.3 MB; 14.6 MB before (7.5 at 200 servers)
