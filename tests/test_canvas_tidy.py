"""Tidy up (issue 13): one undo step that lays out every container's
contents, power and dependencies flowing down, with no two cards overlapping
inside a container and every card inside its container; the same layout
headless (designer.layout) places the generated benchmark design."""
from __future__ import annotations

import itertools

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from benchmarks.generate import generate
from designer.layout import tidy
from designer.layout.sizes import CHIP_KINDS, default_size
from designer.model import Design, Kind
from tests.canvas_support import make_view, sample_design


def _messy(design: Design) -> Design:
    """Every placed component piled on its parent's corner."""
    return Design(settings=design.settings, links=design.links, components=tuple(
        c.model_copy(update={"x": 10.0, "y": 30.0}) for c in design.components))


def _boxes(scene):
    """Scene rects of the laid-out cards per layout container (chips and tier
    hulls are placed by their hosts and members)."""
    groups: dict = {}
    for item in scene.component_items():
        if item.kind in CHIP_KINDS or item.kind is Kind.TIER:
            continue
        groups.setdefault(item.comp.parent, []).append(item)
    return groups


def _overlaps(items) -> list[tuple[str, str]]:
    return [(a.cid, b.cid) for a, b in itertools.combinations(items, 2)
            if a.scene_rect().intersected(b.scene_rect()).width() > 0.5
            and a.scene_rect().intersected(b.scene_rect()).height() > 0.5
            and not _zone_and_member(a, b)]


def _zone_and_member(a, b) -> bool:
    """A segment zone is drawn around its members (siblings in the site)."""
    return a.comp.segment == b.cid or b.comp.segment == a.cid


def test_tidy_up_is_one_undo_step_and_leaves_no_overlaps(qtbot):
    view, doc = make_view(qtbot, _messy(sample_design()))
    before = doc.snapshot()
    assert any(_overlaps(group) for group in _boxes(view.scene()).values())
    count = doc.undo_stack.count()
    assert view.tidy_up() > 0
    assert doc.undo_stack.count() == count + 1
    assert doc.undo_stack.text(count) == "Tidy up"
    scene = view.scene()
    for parent, group in _boxes(scene).items():
        assert _overlaps(group) == [], parent
        if parent is not None:
            outer = scene.item_for(parent).scene_rect()
            for item in group:
                assert outer.contains(item.scene_rect()), (item.cid, parent)
    doc.undo_stack.undo()
    assert doc.snapshot() == before


def test_power_flows_down_after_tidy_up(qtbot):
    view, doc = make_view(qtbot, _messy(sample_design()))
    view.tidy_up()
    scene = view.scene()
    # feed (top level) above the site that holds the UPS it feeds; the UPS
    # (in the site) above the rack holding the servers it powers.
    assert scene.item_for("feed").scene_rect().bottom() < scene.item_for("dc").scene_rect().top()
    assert scene.item_for("ups").scene_rect().bottom() < scene.item_for("rack").scene_rect().top()


def test_a_second_tidy_up_changes_nothing(qtbot):
    view, doc = make_view(qtbot, _messy(sample_design()))
    view.tidy_up()
    count = doc.undo_stack.count()
    assert view.tidy_up() == 0 and doc.undo_stack.count() == count


def _rect(positions, sizes, cid):
    x, y = positions[cid]
    w, h = sizes[cid]
    return (x, y, x + w, y + h)


def _headless_overlaps(design: Design) -> list:
    by_id = {c.id: c for c in design.components}
    groups: dict = {}
    for c in design.components:
        if c.kind in CHIP_KINDS or c.kind is Kind.TIER:
            continue
        zone = by_id.get(c.segment)
        key = zone.id if zone is not None and zone.parent == c.parent else c.parent
        groups.setdefault(key, []).append(c)
    bad = []
    for group in groups.values():
        for a, b in itertools.combinations(group, 2):
            (aw, ah), (bw, bh) = default_size(a), default_size(b)
            if a.x < b.x + bw and b.x < a.x + aw and a.y < b.y + bh and b.y < a.y + ah:
                bad.append((a.id, b.id))
    return bad


@settings(max_examples=6, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.integers(min_value=100, max_value=600), st.integers(min_value=0, max_value=5))
def test_generated_designs_are_laid_out_without_overlaps(size, seed):
    design = generate(size, seed)
    assert _headless_overlaps(design) == []
    assert tidy(design.components, design.links) == {}     # already tidy: a fixed point


def test_a_design_without_a_drawing_is_laid_out_when_opened():
    from designer.layout import placed

    pile = Design(settings=sample_design().settings, links=sample_design().links,
                  components=tuple(c.model_copy(update={"x": 0.0, "y": 0.0})
                                   for c in sample_design().components))
    design, drawn = placed(pile)
    assert drawn and _headless_overlaps(design) == []
    assert placed(design) == (design, False)               # a drawn design is left alone
    assert placed(sample_design()) == (sample_design(), False)
