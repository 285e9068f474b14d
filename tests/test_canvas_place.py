"""Placing: palette drops and click-to-place land where the user drops them,
inside the container under the pointer; refusals show the model's reason."""
from tests.canvas_support import center, drop_kind, make_view, press, release
from designer.model import Kind


def test_drop_creates_component_at_drop_point(qtbot):
    view, doc = make_view(qtbot)
    before = len(doc.components())
    assert drop_kind(view, Kind.FIREWALL, (1100, 600))
    assert len(doc.components()) == before + 1
    new = view.selected_ids()[0]
    comp = doc.component(new)
    assert comp.kind is Kind.FIREWALL and comp.parent is None
    rect = view.scene().item_for(new).scene_rect()
    assert rect.contains(1100, 600)
    assert abs(rect.center().x() - 1100) <= 10 and abs(rect.center().y() - 600) <= 10
    doc.undo_stack.undo()
    assert len(doc.components()) == before and view.scene().item_for(new) is None
    doc.undo_stack.redo()
    assert doc.component(new) == comp and view.scene().item_for(new) is not None


def test_drop_into_server_sets_parent(qtbot):
    view, doc = make_view(qtbot)
    target = center(view, "db-1")
    assert drop_kind(view, Kind.SERVICE, (target.x() + 30, target.y() + 20))
    new = view.selected_ids()[0]
    assert doc.component(new).parent == "db-1"
    item = view.scene().item_for(new)
    assert item.parentItem() is view.scene().item_for("db-1")


def test_drop_on_rack_inside_site_places_in_rack_and_in_dmz_zone(qtbot):
    view, doc = make_view(qtbot)
    drop_kind(view, Kind.SERVER, (150, 480))          # empty part of the rack
    server = doc.component(view.selected_ids()[0])
    assert server.parent == "rack"
    drop_kind(view, Kind.ROUTER, (700, 240))          # inside the DMZ zone in the site
    router = doc.component(view.selected_ids()[0])
    assert router.parent == "dc" and router.segment == "dmz"


def test_invalid_drop_is_refused_with_the_models_reason(qtbot):
    view, doc = make_view(qtbot)
    before = doc.snapshot()
    drop_kind(view, Kind.DISK, (1100, 650))           # a disk needs a server
    assert doc.snapshot() == before
    assert view.messages and "Server" in view.messages[-1]
    drop_kind(view, Kind.DISK, (700, 300))            # not inside a segment/site either
    assert doc.snapshot() == before and "Disk" in view.messages[-1]
    assert doc.undo_stack.count() == 0


def test_container_grows_to_fit_in_one_undo_step(qtbot):
    view, doc = make_view(qtbot)
    db1 = view.scene().item_for("db-1").scene_rect()
    old = doc.component("db-1")
    # Drop a service near the server's right edge: it overhangs, the server grows.
    drop_kind(view, Kind.SERVICE, (db1.right() - 20, db1.bottom() - 20))
    grown = doc.component("db-1")
    assert grown.width > old.width or grown.height > old.height
    child = view.scene().item_for(view.selected_ids()[0]).scene_rect()
    assert view.scene().item_for("db-1").scene_rect().contains(child)
    doc.undo_stack.undo()
    assert doc.component("db-1") == old
    assert len(doc.children("db-1")) == 2   # postgres + disk, the new service is gone


def test_click_to_place_with_a_kind_tool(qtbot):
    view, doc = make_view(qtbot)
    view.set_tool(Kind.SWITCH)
    press(view, (1100, 700))
    release(view, (1100, 700))
    comp = doc.component(view.selected_ids()[0])
    assert comp.kind is Kind.SWITCH
    assert view.scene().item_for(comp.id).scene_rect().contains(1100, 700)
    assert view.tool() is Kind.SWITCH      # stays armed until Esc (issue 13)
    view.escape()
    assert view.tool() == "select"
