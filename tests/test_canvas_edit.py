"""Editing on the canvas: every gesture is one undo step that undoes and
redoes exactly, and the scene always shows what the document holds."""
from PySide6.QtCore import QPointF, Qt

from designer.model import Kind
from tests.canvas_support import center, double_click, drag, make_view, scene_pos


def _state(doc):
    return {c.id: c for c in doc.components()}, {l.id: l for l in doc.links()}


def _same_scene_as_document(view, doc):
    for comp in doc.components():
        item = view.scene().item_for(comp.id)
        parent = view.scene().item_for(comp.parent) if comp.parent else None
        assert item.parentItem() is parent, comp.id
        if comp.kind not in (Kind.PSU, Kind.NIC, Kind.DISK, Kind.TIER):
            assert (item.pos().x(), item.pos().y()) == (comp.x, comp.y), comp.id


def test_move_is_one_undo_step_and_redoes_exactly(qtbot):
    view, doc = make_view(qtbot)
    start = _state(doc)
    drag(view, center(view, "ups"), center(view, "ups") + QPointF(83, 41), steps=12)
    moved = doc.component("ups")
    assert (moved.x, moved.y) == (640.0, 440.0)       # snapped to the 10 px grid
    assert doc.undo_stack.count() == 1
    doc.undo_stack.undo()
    assert _state(doc) == start
    _same_scene_as_document(view, doc)
    doc.undo_stack.redo()
    assert doc.component("ups") == moved
    _same_scene_as_document(view, doc)


def test_moving_a_container_moves_its_contents(qtbot):
    view, doc = make_view(qtbot)
    before = scene_pos(view, "app-1")
    header = view.scene().item_for("rack").scene_rect().topLeft() + QPointF(200, 10)
    drag(view, header, header + QPointF(0, 40))
    assert scene_pos(view, "app-1") - before == QPointF(0, 40)
    assert doc.component("app-1").x == 20      # children keep their relative position


def test_dragging_out_of_a_container_reparents_and_undo_restores(qtbot):
    view, doc = make_view(qtbot)
    old = doc.component("sw")
    drag(view, center(view, "sw"), QPointF(1100, 520))
    new = doc.component("sw")
    assert new.parent is None and new.segment is None
    assert view.scene().item_for("sw").parentItem() is None
    assert view.scene().item_for("sw").scene_rect().contains(1100, 520)
    doc.undo_stack.undo()
    assert doc.component("sw") == old
    _same_scene_as_document(view, doc)


def test_refused_move_snaps_back_with_the_reason(qtbot):
    view, doc = make_view(qtbot)
    before = doc.snapshot()
    pos = scene_pos(view, "app-1")
    drag(view, center(view, "app-1"), QPointF(1100, 700))   # a service needs a server
    assert doc.snapshot() == before and doc.undo_stack.count() == 0
    assert scene_pos(view, "app-1") == pos
    assert "Server" in view.messages[-1]


def test_delete_takes_children_and_links_in_one_step(qtbot):
    view, doc = make_view(qtbot)
    start = _state(doc)
    view.select_ids(["web-1"])
    view.delete_selection()
    gone = {"web-1", "psu-1a", "psu-1b", "nic-1", "app-1"}
    assert not gone & {c.id for c in doc.components()}
    assert not {"p2", "p3", "n1", "d1"} & {l.id for l in doc.links()}
    assert all(view.scene().item_for(i) is None for i in gone | {"p2", "d1"})
    assert doc.undo_stack.count() == 1
    doc.undo_stack.undo()
    assert _state(doc) == start
    _same_scene_as_document(view, doc)
    assert view.scene().item_for("d1") is not None


def test_property_edit_undoes_and_redoes_on_the_canvas(qtbot):
    view, doc = make_view(qtbot)
    item = view.scene().item_for("ups")
    doc.update("ups", label="UPS A")
    assert item.label_item.text() == "UPS A"
    doc.undo_stack.undo()
    assert item.label_item.text() == "ups"
    doc.undo_stack.redo()
    assert item.label_item.text() == "UPS A"


def test_inline_label_edit_commits_on_enter(qtbot):
    view, doc = make_view(qtbot)
    label = view.scene().item_for("ups").label_item
    double_click(view, label.sceneBoundingRect().center())
    editor = view.label_editor()
    assert editor is not None
    editor.setPlainText("Battery room UPS")
    qtbot.keyClick(view.viewport(), Qt.Key.Key_Return)
    assert doc.component("ups").label == "Battery room UPS"
    assert view.label_editor() is None and doc.undo_stack.count() == 1


def test_double_click_outside_the_label_activates(qtbot):
    view, doc = make_view(qtbot)
    with qtbot.waitSignal(view.componentActivated) as got:
        rect = view.scene().item_for("rack").scene_rect()
        double_click(view, rect.center() + QPointF(0, 180))
    assert got.args == ["rack"]


def test_align_and_distribute_are_one_step(qtbot):
    view, doc = make_view(qtbot)
    view.select_ids(["feed", "inet", "note"])
    view.align("left")
    xs = {view.scene().item_for(i).scene_rect().left() for i in ("feed", "inet", "note")}
    assert len(xs) == 1 and doc.undo_stack.count() == 1
    view.align("distribute-v")
    doc.undo_stack.undo()
    assert len({view.scene().item_for(i).scene_rect().left()
                for i in ("feed", "inet", "note")}) == 1


def test_rubber_band_selects_what_is_inside(qtbot):
    view, doc = make_view(qtbot)
    drag(view, (540, 380), (760, 760))
    assert set(view.selected_ids()) == {"ups", "feed"}


def test_resize_a_container_from_its_grip(qtbot):
    view, doc = make_view(qtbot)
    view.select_ids(["dmz"])
    rect = view.scene().item_for("dmz").scene_rect()
    grip = rect.bottomRight() - QPointF(4, 4)
    drag(view, grip, grip + QPointF(60, 30))
    comp = doc.component("dmz")
    assert (comp.width, comp.height) == (400.0, 250.0)
    doc.undo_stack.undo()
    assert (doc.component("dmz").width, doc.component("dmz").height) == (340.0, 220.0)


def test_escape_cancels_an_inline_edit(qtbot):
    view, doc = make_view(qtbot)
    view.edit_label("ups")
    view.label_editor().setPlainText("nope")
    view.escape()
    assert doc.component("ups").label == "ups" and doc.undo_stack.count() == 0
    assert view.label_editor() is None


def test_keys_nudge_and_delete(qtbot):
    view, doc = make_view(qtbot)
    view.select_ids(["ups"])
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_Right, Qt.KeyboardModifier.ShiftModifier)
    assert doc.component("ups").x == 570.0 and doc.undo_stack.count() == 1
    qtbot.keyClick(view, Qt.Key.Key_Delete)
    assert "ups" not in doc and "p2" not in doc
    doc.undo_stack.undo()
    assert "ups" in doc and "p2" in doc


def test_dragging_into_and_out_of_a_zone_changes_membership(qtbot):
    view, doc = make_view(qtbot)
    drag(view, center(view, "sw"), QPointF(700, 420))     # out of the DMZ, still in the site
    assert doc.component("sw").segment is None and doc.component("sw").parent == "dc"
    drag(view, center(view, "sw"), QPointF(700, 200))     # back in
    assert doc.component("sw").segment == "dmz"
    assert doc.undo_stack.count() == 2


def test_dropping_a_service_on_a_tier_hull_joins_the_tier(qtbot):
    from tests.canvas_support import drop_kind

    view, doc = make_view(qtbot)
    hull = view.scene().item_for("tier-web")
    web1 = view.scene().item_for("web-1").scene_rect()
    spot = QPointF(web1.left() + 60, web1.top() + 45)
    assert hull.anchor_rect(spot).contains(spot)
    drop_kind(view, Kind.SERVICE, (spot.x(), spot.y()))
    new = doc.component(view.selected_ids()[0])
    assert new.parent == "web-1" and new.tier == "tier-web"


def test_typing_in_the_label_editor_does_not_trigger_canvas_keys(qtbot):
    view, doc = make_view(qtbot)
    view.select_ids(["ups"])
    view.edit_label("ups")
    zoom = view.zoom_factor()
    qtbot.keyClick(view.viewport(), Qt.Key.Key_End)
    qtbot.keyClicks(view.viewport(), " -B")
    qtbot.keyClick(view.viewport(), Qt.Key.Key_Backspace)
    qtbot.keyClick(view.viewport(), Qt.Key.Key_Delete)
    qtbot.keyClicks(view.viewport(), "A")
    qtbot.keyClick(view.viewport(), Qt.Key.Key_Return)
    assert doc.component("ups").label == "ups -A"
    assert view.zoom_factor() == zoom and "ups" in doc


def test_click_on_a_link_selects_it_and_delete_removes_only_it(qtbot):
    view, doc = make_view(qtbot)
    path = view.scene().item_for("p1").path()
    on_line = path.pointAtPercent(0.5)
    drag(view, on_line, on_line, steps=1)
    assert view.selected_ids() == ["p1"]
    view.delete_selection()
    assert "p1" not in doc and "feed" in doc and "ups" in doc


def test_click_on_a_tier_tag_selects_the_tier(qtbot):
    view, doc = make_view(qtbot)
    tag = view.scene().item_for("tier-web").tag
    drag(view, tag.sceneBoundingRect().center(), tag.sceneBoundingRect().center(), steps=1)
    assert view.selected_ids() == ["tier-web"]


def test_clicking_elsewhere_commits_the_inline_edit(qtbot):
    view, doc = make_view(qtbot)
    view.edit_label("feed")
    view.label_editor().setPlainText("Grid feed A")
    drag(view, (1100, 650), (1100, 650), steps=1)
    assert doc.component("feed").label == "Grid feed A" and view.label_editor() is None


def test_editing_a_selected_link_keeps_it_selected_and_undoes(qtbot):
    view, doc = make_view(qtbot)
    view.select_ids(["d1"])
    doc.update_link("d1", port=8443)
    assert view.selected_ids() == ["d1"]
    assert view.scene().item_for("d1").port.text() == ":8443"
    doc.undo_stack.undo()
    assert view.scene().item_for("d1").port.text() == ":5432"
    doc.update_link("n3", source="nic-1")         # re-pointed: n3 and n4 no longer a pair
    n4 = view.scene().item_for("n4")
    assert view.scene().item_for("n3").offset == 0 and n4.offset == 0


def test_undo_in_the_middle_of_a_drag_drops_the_drag(qtbot):
    from tests.canvas_support import move, press, release

    view, doc = make_view(qtbot)
    view.select_ids(["ups"])
    view.duplicate()
    dup = view.selected_ids()[0]
    start = center(view, dup)
    press(view, start)
    move(view, start + QPointF(40, 40))
    doc.undo_stack.undo()                    # removes the copy being dragged
    move(view, start + QPointF(80, 80))
    release(view, start + QPointF(80, 80))
    assert dup not in doc and doc.undo_stack.count() == 1 and doc.undo_stack.index() == 0
