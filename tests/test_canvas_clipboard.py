"""Clipboard: copy, cut, paste and duplicate go through the file serializer,
keep internal links, give new ids, land in a selected container, grow the
container that receives them, and each is one undo step."""
from PySide6.QtWidgets import QApplication

from designer.model import Kind
from tests.canvas_support import make_view


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


def test_paste_plain_file_text_and_refuse_garbage(qtbot):
    from designer.io import design_to_text
    from tests.canvas_support import comp
    from designer.model import Design

    view, doc = make_view(qtbot)
    text = design_to_text(Design(components=(comp("lb", Kind.LOAD_BALANCER, 5, 5),)))
    QApplication.clipboard().setText(text)
    (new,) = view.paste()
    assert doc.component(new).kind is Kind.LOAD_BALANCER
    QApplication.clipboard().setText("{\"not\": \"a design\"}")
    count = len(doc.components())
    assert view.paste() == [] and len(doc.components()) == count
    assert view.messages[-1]


def test_duplicate_inside_a_container_grows_it_in_one_step(qtbot):
    view, doc = make_view(qtbot)
    rack = doc.component("rack")
    view.select_ids(["web-2"])          # the copy lands 20 px right: past the rack's edge
    (copy, *_) = view.duplicate()
    assert doc.component(copy).parent == "rack"
    grown = doc.component("rack")
    assert grown.width > rack.width
    inner = view.scene().item_for(copy).scene_rect()
    assert view.scene().item_for("rack").scene_rect().contains(inner)
    doc.undo_stack.undo()
    assert doc.component("rack") == rack and copy not in doc
