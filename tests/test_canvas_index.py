"""The scene's index (a BSP tree) stays shallow on a big design, and still
finds what is under the mouse."""
from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication

from designer.canvas import scene as canvas_scene
from designer.io.load import design_from_dict
from tests import hostile
from tests.canvas_support import make_view


@pytest.mark.parametrize("reindex_at", [canvas_scene.REINDEX_AT, 100])
def test_the_index_keeps_its_depth_on_a_big_design_and_finds_each_card(
        qtbot, monkeypatch, reindex_at):
    """Qt deepens its BSP tree with the number of items (the 2,408
    components here are 9,600 items, 14 levels; the 7,000-server site's
    112,000 items, 17 levels) and files an item in every leaf its rectangle meets. A link
    drawn straight across a site until it is routed met tens of thousands
    of leaves: that design's first paint held 8.5 GB and had not ended
    after 90 s. The scene keeps `BSP_DEPTH` levels, whatever the count;
    and past `REINDEX_AT` routes landing together (each bus's 600 here,
    with 100) it sets the index aside and builds it again, of that depth."""
    monkeypatch.setattr(canvas_scene, "REINDEX_AT", reindex_at)
    view, _ = make_view(qtbot, design_from_dict(hostile.generated(600)))
    view.fit_all()
    scene = view.scene()
    scene.finish_routing()
    QApplication.processEvents()
    assert len(scene.items()) > 2 ** 13
    assert scene.bspTreeDepth() == canvas_scene.BSP_DEPTH
    for cid in ("s0", "s299", "s599", "feed", "sw"):
        card = scene.item_for(cid)
        assert card in scene.items(card.scene_rect().center()), cid
    view.set_zoom(1.0)          # links are drawn one by one again
    QApplication.processEvents()
    for lid in ("s0-p", "s599-p"):
        link = scene.item_for(lid)
        assert link in scene.items(link.path().pointAtPercent(0.5)), lid
