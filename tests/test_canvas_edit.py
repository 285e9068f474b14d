"""Editing on the canvas: every gesture is one undo step that undoes and
redoes exactly, and the scene always shows what the document holds."""
from PySide6.QtCore import QPointF, Qt
from PySide6.QtWidgets import QApplication

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


def test_copy_paste_keeps_internal_links_with_new_ids(qtbot):
    view, doc = make_view(qtbot)
    view.select_ids(["rack"])
    view.copy()
    assert QApplication.clipboard().mimeData().hasFormat("application/x-weaklink-fragment")
    before = {c.id for c in doc.components()}
    pasted = view.paste()
    assert len(pasted) == 12 and not set(pasted) & before
    new = {c.id: c for c in doc.components() if c.id not in before}
    new_links = [l for l in doc.links() if l.source in new]
    # d1 (app-1 -> db) was inside the rack; p2/p3 and n1 reached outside it
    assert len(new_links) == 1 and new_links[0].target in new
    rack = next(c for c in new.values() if c.kind is Kind.RACK)
    assert rack.parent == "dc" and (rack.x, rack.y) == (60.0, 80.0)
    services = [c for c in new.values() if c.kind is Kind.SERVICE and c.tier]
    assert {c.tier for c in services} == {"tier-web"}   # still in the same tier
    doc.undo_stack.undo()
    assert {c.id for c in doc.components()} == before


def test_copied_service_pastes_into_a_selected_server(qtbot):
    view, doc = make_view(qtbot)
    view.select_ids(["db"])
    view.copy()
    view.select_ids(["web-2"])
    (new,) = view.paste()
    assert doc.component(new).parent == "web-2"


def test_duplicate_and_cut(qtbot):
    view, doc = make_view(qtbot)
    view.select_ids(["ups"])
    (dup,) = view.duplicate()
    assert doc.component(dup).kind is Kind.UPS and view.selected_ids() == [dup]
    view.cut()
    assert dup not in doc
    (again,) = view.paste()
    assert doc.component(again).kind is Kind.UPS


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
