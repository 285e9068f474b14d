"""The scene is a projection of the document: after any sequence of edits,
undos and redos, every component and link has exactly one item, Qt parents
mirror placement parents, positions match, and links end on their endpoints."""
import random

from designer.model import DesignError, Kind, LinkKind
from designer.model.kinds import ALLOWED_PARENTS, TOP_LEVEL_ALLOWED
from tests.canvas_support import make_view

KINDS = [Kind.SERVER, Kind.SERVICE, Kind.PSU, Kind.NIC, Kind.SWITCH, Kind.UPS, Kind.RACK,
         Kind.TIER, Kind.NOTE]


def _check_mirror(view, doc):
    scene = view.scene()
    comps, links = doc.components(), doc.links()
    assert {i.cid for i in scene.component_items()} == {c.id for c in comps}
    assert {i.lid for i in scene.link_items()} == {l.id for l in links}
    for comp in comps:
        item = scene.item_for(comp.id)
        assert item.comp == comp
        parent = scene.item_for(comp.parent) if comp.parent else None
        assert item.parentItem() is parent, comp.id
        if comp.kind not in (Kind.PSU, Kind.NIC, Kind.DISK, Kind.TIER):
            assert (item.pos().x(), item.pos().y()) == (comp.x, comp.y)
    for link in links:
        path = scene.item_for(link.id).path()
        for end, near in ((path.elementAt(0), link.source),
                          (path.elementAt(path.elementCount() - 1), link.target)):
            other = link.target if near == link.source else link.source
            rect = scene.item_for(near).anchor_rect(scene.item_for(other).scene_rect().center())
            assert rect.adjusted(-16, -16, 16, 16).contains(end.x, end.y), link.id
    for tier in (c for c in comps if c.kind is Kind.TIER):
        hull = scene.item_for(tier.id)
        for member in (c for c in comps if c.tier == tier.id):
            rect = scene.item_for(member.id).scene_rect()
            assert any(o.contains(rect) for o in hull.outlines), (tier.id, member.id)


def _random_edit(rng, doc):
    comps = doc.components()
    op = rng.choice(["add", "add", "move", "delete", "link", "reparent", "rename", "join"])
    pick = rng.choice(comps) if comps else None
    if op == "add" or pick is None:
        kind = rng.choice(KINDS)
        hosts = [c.id for c in comps if c.kind in ALLOWED_PARENTS[kind]]
        parent = rng.choice(hosts) if hosts and (rng.random() < 0.8 or
                                                 kind not in TOP_LEVEL_ALLOWED) else None
        doc.add_component(kind, parent, rng.randrange(0, 400, 10), rng.randrange(30, 300, 10))
    elif op == "move":
        doc.move({pick.id: (pick.x + rng.randrange(-50, 50, 10), pick.y + 10)})
    elif op == "delete":
        doc.delete([pick.id])
    elif op == "link":
        other = rng.choice(comps)
        doc.add_link(rng.choice(list(LinkKind)), pick.id, other.id)
    elif op == "reparent":
        hosts = [c.id for c in comps if c.kind in ALLOWED_PARENTS[pick.kind]]
        doc.update(pick.id, parent=rng.choice(hosts + [None]))
    elif op == "join":
        tiers = [c.id for c in comps if c.kind is Kind.TIER]
        doc.update(pick.id, tier=rng.choice(tiers + [None]) if tiers else None)
    else:
        doc.update(pick.id, label=f"renamed {rng.randrange(100)}")


def test_scene_mirrors_document_through_random_edits_undo_and_redo(qtbot):
    view, doc = make_view(qtbot)
    rng = random.Random(7)
    done = 0
    for _ in range(400):
        try:
            _random_edit(rng, doc)
            done += 1
        except DesignError:
            pass   # refused by the model: nothing changed
        if rng.random() < 0.2 and doc.undo_stack.canUndo():
            doc.undo_stack.undo()
        elif rng.random() < 0.1 and doc.undo_stack.canRedo():
            doc.undo_stack.redo()
        _check_mirror(view, doc)
    assert done > 100
    while doc.undo_stack.canUndo():
        doc.undo_stack.undo()
    _check_mirror(view, doc)
    assert len(doc.components()) == 20


def test_random_mouse_gestures_keep_the_mirror_and_undo_to_the_start(qtbot):
    from PySide6.QtCore import QPointF

    from tests.canvas_support import drag

    view, doc = make_view(qtbot)
    start = ({c.id: c for c in doc.components()}, {l.id: l for l in doc.links()})
    rng = random.Random(11)
    for _ in range(60):
        items = list(view.scene().component_items())
        a = rng.choice(items).scene_rect()
        b = rng.choice(items).scene_rect()
        begin = QPointF(rng.uniform(a.left(), a.right()), rng.uniform(a.top(), a.bottom()))
        end = QPointF(rng.uniform(b.left(), b.right()), rng.uniform(b.top(), b.bottom()))
        view.set_tool(rng.choice(["select", "select", "connect"]))
        drag(view, begin, end, steps=3)
        view.escape()
        _check_mirror(view, doc)
    assert doc.undo_stack.count() > 10
    while doc.undo_stack.canUndo():
        doc.undo_stack.undo()
    assert ({c.id: c for c in doc.components()}, {l.id: l for l in doc.links()}) == start
    _check_mirror(view, doc)
